/** Open a report in headless Chromium (Debian's, driven by playwright-core): figures, console errors, screenshot. */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** Where Debian's chromium lives (installed by .ci/run). */
export const CHROMIUM = process.env.ICL_AUDIT_CHROMIUM ?? '/usr/bin/chromium';

/** Whether a browser is installed here. */
export const hasChromium = (): boolean => existsSync(CHROMIUM);

/** What the page showed. */
export interface PageCheck {
  figures: number;
  renderedFigures: number;
  katexFormulas: number;
  consoleErrors: string[];
  failedRequests: string[];
  externalRequests: string[];
  title: string;
}

/** Load `index` (a file path), count figures whose SVG has a non-empty box, collect console errors, save a screenshot. */
export async function openReport(index: string, screenshot: string): Promise<PageCheck> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const consoleErrors: string[] = [];
    const failedRequests: string[] = [];
    const externalRequests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    page.on('requestfailed', (r) => failedRequests.push(r.url()));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) externalRequests.push(r.url());
    });
    await page.goto(pathToFileURL(index).href, { waitUntil: 'load' });
    await page.evaluate('document.fonts.ready');
    // runs in the page (a string, so this file needs no DOM types)
    const counts = (await page.evaluate(`(() => {
      const figs = [...document.querySelectorAll('figure.figure')];
      const rendered = figs.filter((f) => {
        const svg = f.querySelector('svg');
        if (!svg) return false;
        const box = svg.getBoundingClientRect();
        return box.width > 50 && box.height > 50 && svg.querySelectorAll('path, line, circle, rect').length > 5;
      });
      return { figures: figs.length, renderedFigures: rendered.length, katexFormulas: document.querySelectorAll('.katex').length };
    })()`)) as { figures: number; renderedFigures: number; katexFormulas: number };
    await page.screenshot({ path: screenshot, fullPage: true });
    return { ...counts, consoleErrors, failedRequests, externalRequests, title: await page.title() };
  } finally {
    await browser.close();
  }
}
