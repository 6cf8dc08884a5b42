/**
 * The report in a real browser: Debian's chromium (installed by .ci/run) driven by playwright-core opens
 * index.html from disk, every figure has drawn marks, KaTeX typeset the formulas, there is no console
 * error and no request leaves the folder. The screenshot is kept (path printed).
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { report } from '../../src/api/report';
import { CHROMIUM, hasChromium, openReport } from './browser';

describe('the HTML report in headless Chromium', () => {
  it('renders every figure and formula with no console error and no network request', async () => {
    if (!hasChromium()) throw new Error(`no browser at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium; .ci/run does) or set ICL_AUDIT_CHROMIUM`);
    const out = mkdtempSync(join(tmpdir(), 'icl-report-browser-'));
    const r = await report({ out, claims: ['C05', 'C06', 'C10'], runs: 5, seed: 1, quick: true });
    const shot = join(out, 'screenshot.png');
    const page = await openReport(r.index, shot);
    console.log(`report screenshot: ${shot}`);
    expect(page.figures).toBe(r.figures.length);
    expect(page.renderedFigures).toBe(page.figures);
    expect(page.katexFormulas).toBeGreaterThan(5);
    expect(page.consoleErrors).toEqual([]);
    expect(page.failedRequests).toEqual([]);
    expect(page.externalRequests).toEqual([]);
    expect(page.title).toMatch(/icl-audit report/);
  });

  it('sees what it must catch: an empty figure, a console error and a request to the network', async () => {
    if (!hasChromium()) throw new Error(`no browser at ${CHROMIUM}`);
    const out = mkdtempSync(join(tmpdir(), 'icl-report-bad-'));
    const index = join(out, 'index.html');
    writeFileSync(index, `<!doctype html><html><head><title>bad</title><link rel="stylesheet" href="http://127.0.0.1:9/x.css"></head><body>
<figure class="figure"><svg width="300" height="200"></svg></figure><script>console.error('planted')</script></body></html>`);
    const page = await openReport(index, join(out, 'shot.png'));
    expect(page.figures).toBe(1);
    expect(page.renderedFigures).toBe(0);
    expect(page.consoleErrors.join(' ')).toContain('planted');
    expect(page.externalRequests).toEqual(['http://127.0.0.1:9/x.css']);
  });
});
