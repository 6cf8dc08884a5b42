/** `report`: the library function behind `icl-audit report` (the static HTML report with figures). */
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { DerivationResult } from '../../proofs/types';
import { DEFAULT_FIGURE_PROVIDERS, lineChart, proofFigures, type Figure, type FigureProvider } from '../report/figures/index';
import { claimEvidence, renderHtmlReport, type RenderedFigure } from '../report/html';
import { renderSvg } from '../report/svg';
import type { VerifyReport } from '../report/verifyReport';
import { prove } from './prove';
import { defaultRootSeed, verify, type VerifyOptions } from './verify';

/** Options of {@link report}; the same as `icl-audit report`'s flags. */
export interface ReportOptions {
  /** Folder to write (index.html, figures/*.svg, katex/); created if missing, files in it replaced. */
  out: string;
  /** Root seed (default `$ICL_AUDIT_SEED`, else 1): of verify, of the derivations and of every figure's draws. */
  seed?: number;
  /** Random cases per property for verify (default 100). */
  runs?: number;
  /** Claims to check (default all). */
  claims?: readonly string[];
  /** Use this verify report instead of running verify. */
  verifyReport?: VerifyReport;
  /** Run the symbolic derivations at d = 2 (without nerdamer) for the derivations section (default true). */
  derivations?: boolean;
  /** Fewer points and samples in the figures (tests, quick looks). */
  quick?: boolean;
  /** Figure providers run after the default ones. */
  figures?: readonly FigureProvider[];
  /** Inputs handed to figure providers (e.g. `runs`: folders of trained runs). */
  inputs?: Record<string, unknown>;
  /** Progress of verify (see {@link VerifyOptions.onProgress}) and of the report's own stages. */
  onProgress?: VerifyOptions['onProgress'];
  onStage?: (stage: string) => void;
}

/** What {@link report} wrote. */
export interface ReportResult {
  verify: VerifyReport;
  /** Absolute path of index.html. */
  index: string;
  figures: Array<{ id: string; title: string; claims: string[]; file: string }>;
  derivations: number;
}

/** A folder that can be written: not a file, not under /proc, /sys or /dev (Node's mkdir loops there). */
function checkOutDir(out: string): string {
  if (typeof out !== 'string' || out.trim() === '') throw new RangeError('out must name a folder');
  const abs = resolve(out);
  if (/^\/(proc|sys|dev)(\/|$)/.test(abs)) throw new RangeError(`out must be a writable folder, not under /proc, /sys or /dev: '${out}'`);
  if (existsSync(abs) && !statSync(abs).isDirectory()) throw new RangeError(`out must be a folder, but '${out}' is a file`);
  let p = abs;
  while (!existsSync(p)) p = dirname(p);
  if (!statSync(p).isDirectory()) throw new RangeError(`out: '${p}' is a file, so '${out}' cannot be made`);
  return abs;
}

function writeAtomic(path: string, data: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

/** Copy KaTeX's stylesheet and its woff2 fonts into `dir/katex` (the page loads nothing from the network). */
function copyKatexAssets(dir: string): void {
  const require = createRequire(import.meta.url);
  const css = require.resolve('katex/dist/katex.min.css');
  const fonts = join(dirname(css), 'fonts');
  mkdirSync(join(dir, 'katex', 'fonts'), { recursive: true });
  copyFileSync(css, join(dir, 'katex', 'katex.min.css'));
  for (const f of readdirSync(fonts)) if (f.endsWith('.woff2')) copyFileSync(join(fonts, f), join(dir, 'katex', 'fonts', f));
}

/**
 * Check the claims (or take a given verify report), compute the figures and write a static HTML report
 * that opens offline: `out/index.html`, `out/figures/*.svg`, `out/katex/`.
 *
 * ```ts
 * import { report } from 'icl-audit';
 * const r = await report({ out: 'report', claims: ['C06'], runs: 10, quick: true });
 * r.index; // …/report/index.html
 * ```
 *
 * Nothing is written until every figure has rendered; each file is written whole (temporary name, then
 * rename).
 */
export async function report(options: ReportOptions): Promise<ReportResult> {
  const dir = checkOutDir(options.out);
  const seed = options.seed ?? options.verifyReport?.seed ?? defaultRootSeed();
  const stage = options.onStage ?? (() => {});
  stage('verify');
  const v = options.verifyReport ?? (await verify({ claims: options.claims, seed, runs: options.runs, onProgress: options.onProgress }));
  let derivations: DerivationResult[] = [];
  if (options.derivations !== false) {
    stage('derivations');
    derivations = (await prove({ d: 2, seed, nerdamer: false })).results;
  }
  stage('figures');
  const ctx = { seed, verify: v, quick: options.quick === true, inputs: options.inputs ?? {} };
  const figures: Figure[] = [];
  for (const provider of [...DEFAULT_FIGURE_PROVIDERS, ...(options.figures ?? [])]) figures.push(...(await provider(ctx)));
  figures.push(...proofFigures(derivations));
  const ids = new Set<string>();
  for (const f of figures) {
    if (!/^[A-Za-z0-9_-]+$/.test(f.id) || ids.has(f.id)) throw new RangeError(`figure id '${f.id}' must be unique and use only letters, digits, _ and -`);
    ids.add(f.id);
  }
  stage('render');
  const rendered: RenderedFigure[] = [];
  for (const f of figures) rendered.push({ ...f, svg: await renderSvg(f.spec) });
  const evidence: Record<string, RenderedFigure[]> = {};
  for (const c of v.claims) {
    const list = claimEvidence(c);
    for (let k = 0; k < list.length; k++) {
      const e = list[k];
      const fig: Figure = { id: `${c.id}-evidence-${k + 1}`, title: e.title, caption: e.caption ?? '', claims: [c.id], spec: lineChart(e.series, { x: e.x, y: e.y, logX: e.logX, logY: e.logY }) };
      (evidence[c.id] ??= []).push({ ...fig, svg: await renderSvg(fig.spec) });
    }
  }
  const html = await renderHtmlReport({ verify: v, figures: rendered, derivations, evidence });
  stage('write');
  mkdirSync(join(dir, 'figures'), { recursive: true });
  copyKatexAssets(dir);
  const all = [...rendered, ...Object.values(evidence).flat()];
  for (const f of all) writeAtomic(join(dir, 'figures', `${f.id}.svg`), f.svg);
  writeAtomic(join(dir, 'report.json'), JSON.stringify(v, null, 2) + '\n');
  const index = join(dir, 'index.html');
  writeAtomic(index, html);
  return { verify: v, index, figures: all.map((f) => ({ id: f.id, title: f.title, claims: f.claims, file: join(dir, 'figures', `${f.id}.svg`) })), derivations: derivations.length };
}
