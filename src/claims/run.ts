/** Running claims: each with its own seed derived from the root seed and its id, so a claim run alone
 * gives the same result as in a full run. */
import { assertValid, integerSchema, refuse, seedSchema } from '../validate';
import { deriveSeed } from '../random/seed';
import type { CheckContext, CheckResult, Claim } from '../contract/types';

/** A claim's identity and timing, as reported with its result. */
export interface ClaimInfo {
  id: string;
  source: string;
  statement: string;
  routes: string[];
  toleranceDeclared: Claim['tolerance'];
  /** fast-check seed of this claim's run. */
  seed: number;
  elapsedMs: number;
}

/** A claim's result with its identity and timing, as reported (a union on `verdict`, as CheckResult). */
export type ClaimReport = ClaimInfo & CheckResult;

/** The seed of claim `id` under root seed `seed`: `deriveSeed(seed, id)`. */
export function claimSeed(seed: number, id: string): number {
  return deriveSeed(seed, id);
}

/** Options of {@link runClaims}. */
export interface RunClaimsOptions {
  seed: number;
  runs: number;
  /** A fast-check path replaying one case (with one claim). */
  path?: string;
  /** Run only this part of the claim (with one claim; one of its `partIds`). */
  part?: string;
  /** Called when a claim starts and as its cases progress. */
  onProgress?: (claimIndex: number, claimCount: number, id: string, done: number, total: number) => void;
}

/** Check each claim in turn. A check that throws is reported inconclusive with the error. */
export async function runClaims(claims: Claim[], opts: RunClaimsOptions): Promise<ClaimReport[]> {
  if (!Array.isArray(claims)) refuse('claims', 'must be an array of claims');
  if (opts === null || typeof opts !== 'object') refuse('options', 'must be an object { seed, runs }');
  assertValid(seedSchema, opts.seed, 'seed');
  assertValid(integerSchema(1, 100_000), opts.runs, 'runs');
  if (opts.path !== undefined && !/^\d+(:\d+)*$/.test(opts.path)) refuse('path', `must be a fast-check path like 12:0:3, got '${opts.path}'`);
  const out: ClaimReport[] = [];
  for (let k = 0; k < claims.length; k++) {
    const c = claims[k];
    const seed = claimSeed(opts.seed, c.id);
    const ctx: CheckContext = { seed, rootSeed: opts.seed, runs: opts.runs, path: opts.path, part: opts.part, progress: (done, total) => opts.onProgress?.(k, claims.length, c.id, done, total) };
    opts.onProgress?.(k, claims.length, c.id, 0, 1);
    const t0 = performance.now();
    let result: CheckResult;
    try {
      result = await c.check(ctx);
    } catch (e) {
      result = { verdict: 'inconclusive', reason: `the check failed to run: ${(e as Error).message}`, worstError: NaN, tolerance: NaN, worstRatio: NaN, cases: 0, notes: [`the check failed to run: ${(e as Error).message}`] };
    }
    out.push({ id: c.id, source: c.source, statement: c.statement, routes: c.routes, toleranceDeclared: c.tolerance, seed, ...result, elapsedMs: Math.round(performance.now() - t0) });
  }
  return out;
}
