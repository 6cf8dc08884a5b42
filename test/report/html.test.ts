/** The HTML report as data: every claim in the table, formulas by KaTeX, figures inline, nothing from the network. */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { report } from '../../src/api/report';
import { lineChart } from '../../src/report/figures/chart';
import { renderSvg } from '../../src/report/svg';
import { texText } from '../../src/report/html';
import { TEX_STATEMENTS } from '../../src/report/statements';
import type { VerifyReport } from '../../src/report/verifyReport';

describe('figures', () => {
  it('a line chart with a log axis and interval bars renders to SVG with its marks', async () => {
    const spec = lineChart(
      [
        { name: 'line', points: [1, 2, 4, 8].map((x) => ({ x, y: 1 / x })) },
        { name: 'dots', markers: true, points: [1, 2, 4, 8].map((x) => ({ x, y: 1 / x, lo: 0.9 / x, hi: 1.1 / x })) },
      ],
      { x: 'x', y: 'y', logX: true, logY: true },
    );
    const svg = await renderSvg(spec);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toMatch(/class="mark-line/);
    expect(svg).toMatch(/class="mark-symbol/);
    expect(svg).toMatch(/class="mark-rule/);
  });

  it('every TeX statement renders with KaTeX without an error', async () => {
    const katex = (await import('katex')).default;
    for (const [id, tex] of Object.entries(TEX_STATEMENTS)) {
      const html = texText(katex, tex);
      expect(html, id).toMatch(/class="katex"/);
      expect(html, id).not.toMatch(/<code>/); // the fallback for TeX KaTeX rejects
    }
  });
});

describe('report()', () => {
  const out = mkdtempSync(join(tmpdir(), 'icl-report-'));

  it('writes index.html with the claims table, per-claim sections, SVG figures and KaTeX assets beside it', async () => {
    const r = await report({ out, claims: ['C05', 'C06'], runs: 5, seed: 2, quick: true, derivations: true });
    const html = readFileSync(r.index, 'utf8');
    for (const id of ['C05', 'C06']) {
      expect(html).toContain(`id="row-${id}"`);
      expect(html).toContain(`id="claim-${id}"`);
      expect(html).toContain(`icl-audit verify --claims ${id} --seed 2 --runs 5`);
    }
    expect(html).toMatch(/class="katex"/);
    expect(html).toContain('id="limits"');
    expect(html).toContain('Not checked in this run');
    const svgs = html.match(/<svg/g) ?? [];
    expect(svgs.length).toBe(r.figures.length);
    expect(r.figures.map((f) => f.id)).toEqual(expect.arrayContaining(['flow-loss-gap', 'flow-distance', 'flow-balance', 'test-error-vs-M', 'proof-steps']));
    for (const f of r.figures) expect(existsSync(f.file)).toBe(true);
    // offline: no src/href to the network; the stylesheet and its fonts are in the folder
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(existsSync(join(out, 'katex', 'katex.min.css'))).toBe(true);
    const css = readFileSync(join(out, 'katex', 'katex.min.css'), 'utf8');
    const woff2 = [...css.matchAll(/url\(fonts\/([^)]+\.woff2)\)/g)].map((m) => m[1]);
    expect(woff2.length).toBeGreaterThan(10);
    for (const f of woff2) expect(readdirSync(join(out, 'katex', 'fonts'))).toContain(f);
  });

  it('places a claim’s own evidence series in its section', async () => {
    const base = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as VerifyReport;
    const id = base.claims[0].id;
    base.claims[0] = { ...base.claims[0], evidence: [{ title: 'planted evidence', x: 'n', y: 'err', logY: true, series: [{ name: 's', points: [1, 2, 3].map((x) => ({ x, y: 10 ** -x })) }] }] } as unknown as VerifyReport['claims'][number];
    const out2 = mkdtempSync(join(tmpdir(), 'icl-report-'));
    const r = await report({ out: out2, verifyReport: base, quick: true, derivations: false });
    const html = readFileSync(r.index, 'utf8');
    const section = html.slice(html.indexOf(`id="claim-${id}"`), html.indexOf('</section>', html.indexOf(`id="claim-${id}"`)));
    expect(section).toContain('planted evidence');
    expect(section).toContain('<svg');
  });

  it('refuses an output path that is a file, and writes nothing', async () => {
    const file = join(out, 'a-file');
    writeFileSync(file, 'x');
    await expect(report({ out: file, claims: ['C06'], runs: 1 })).rejects.toThrow(/is a file/);
    expect(readFileSync(file, 'utf8')).toBe('x');
  });
});
