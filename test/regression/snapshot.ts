/**
 * The draw-regression baseline: what `icl-audit verify --seed 1` reports (as JSON, keys naming times —
 * ending in `Ms` — dropped) and what `icl-audit prove --only P2 --export DIR` writes to `DIR/P2.json`,
 * computed in-process. `test/regression/baseline.test.ts` diffs them against the committed files in
 * this folder; `npm run baseline:update` rewrites those files (review the diff, say why in the commit).
 */
import { claimRegistry } from '../../src/claims/registry';
import { runClaims } from '../../src/claims/run';
import { verifyReport } from '../../src/report/verifyReport';
import { VERSION } from '../../src/cli/version';
import { exportFile } from '../../src/cli/proveCommand';
import { runDerivations } from '../../proofs/index';

/** The seed and runs of the baseline (verify's defaults). */
export const BASELINE_SEED = 1;
export const BASELINE_RUNS = 100;

/** The committed files, relative to this folder. */
export const BASELINE_FILES = { verify: 'verify-seed1.json', p2: 'P2-exports.json' } as const;

/** `x` as JSON would carry it (NaN → null, undefined dropped), without keys ending in `Ms`. */
export function dropTimes(x: unknown): unknown {
  return JSON.parse(JSON.stringify(x), function (this: unknown, k: string, v: unknown) {
    return k.endsWith('Ms') ? undefined : v;
  });
}

/** The JSON report of `verify --seed 1`, times dropped. */
export async function verifySnapshot(): Promise<unknown> {
  const results = await runClaims(claimRegistry(), { seed: BASELINE_SEED, runs: BASELINE_RUNS });
  return dropTimes(verifyReport(VERSION, BASELINE_SEED, BASELINE_RUNS, results, 0));
}

/** The file `prove --only P2 --export DIR` writes as `DIR/P2.json` (the exports are the own layer's
 * expressions: the second engine and the Monte Carlo steps, which export nothing, are skipped). */
export async function p2ExportSnapshot(): Promise<unknown> {
  const results = await runDerivations({ only: ['P2'], seed: BASELINE_SEED, nerdamer: false, monteCarlo: false });
  return dropTimes(exportFile('P2', results));
}

/** Readable differences between two JSON values: one line per differing leaf, `path: old → new`. */
export function jsonDiff(before: unknown, after: unknown, path = '$'): string[] {
  if (Object.is(before, after)) return [];
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: string[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      if (i >= before.length) out.push(`${path}[${i}]: (absent) → ${show(after[i])}`);
      else if (i >= after.length) out.push(`${path}[${i}]: ${show(before[i])} → (absent)`);
      else out.push(...jsonDiff(before[i], after[i], `${path}[${i}]`));
    }
    return out;
  }
  if (isObj(before) && isObj(after) && !Array.isArray(before) && !Array.isArray(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    const label = (k: string) => (Array.isArray(before) ? `${path}[${k}]` : `${path}.${k}`);
    return keys.flatMap((k) => {
      if (!(k in before)) return [`${label(k)}: (absent) → ${show(after[k])}`];
      if (!(k in after)) return [`${label(k)}: ${show(before[k])} → (absent)`];
      return jsonDiff(before[k], after[k], label(k));
    });
  }
  return [`${path}: ${show(before)} → ${show(after)}`];
}

function show(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 120 ? `${s.slice(0, 117)}...` : s;
}
