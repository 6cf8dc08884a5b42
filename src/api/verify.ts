/** `verify`: the library function behind `icl-audit verify`. */
import { claimIds, claimRegistry } from '../claims/registry';
import { runClaims } from '../claims/run';
import { verifyReport, type VerifyReport } from '../report/verifyReport';
import type { PartialVerifyReport } from '../report/merge';
import { shardOf, type Shard } from '../claims/shard';
import { VERSION } from '../version';
import { resolveCommandWorkers, runPooled, type PoolTask } from './pool';
import type { ClaimReport } from '../claims/run';

/** Options of {@link verify}; the same as `icl-audit verify`'s flags. */
export interface VerifyOptions {
  /** Claim ids to check (default: every registered claim). */
  claims?: readonly string[];
  /** Root seed (default: `$ICL_AUDIT_SEED`, else 1). Each claim derives its own seed from it and its id. */
  seed?: number;
  /** Random cases per property (default 100). */
  runs?: number;
  /** A fast-check path replaying one case of the single claim in `claims` (from a counterexample). */
  replay?: string;
  /** Run only this part of the single claim in `claims` (a counterexample names its part). */
  part?: string;
  /** Run only shard `index` of `count` (every count-th claim) and return a partial report (join with `mergeVerifyReports`). */
  shard?: Shard;
  /**
   * Worker threads to check the claims on (default: the available cores, at most 4). The report is the
   * same for any number (times aside): each claim's seed depends on the root seed and its id alone. With
   * 1, with `replay` or `part`, or with one claim, the claims run in the calling thread.
   */
  workers?: number;
  /** Progress: claim `index` of `count`, `done` of `total` cases of claim `id` (with several workers, claims progress at once). */
  onProgress?: (index: number, count: number, id: string, done: number, total: number) => void;
}

/**
 * Rough seconds of each claim at 100 runs (measured on a quiet 2-core machine): the pool starts the
 * longest first so that no long claim is left for the end. Only the order of the work depends on it.
 */
const CLAIM_COST_HINT: Record<string, number> = { C18: 9.8, C08: 4.3, C05: 3.8, C09: 2, C10: 1.7, C02: 1.1, C04: 0.9, C01: 0.9, C17: 0.85 };

/** The default root seed: `$ICL_AUDIT_SEED` when it is an integer, else 1. */
export function defaultRootSeed(): number {
  const raw = process.env.ICL_AUDIT_SEED;
  return raw !== undefined && /^[+-]?\d+$/.test(raw.trim()) ? Number(raw.trim()) : 1;
}

/**
 * Check the paper's claims, as `icl-audit verify` does, and return its JSON report.
 *
 * ```ts
 * import { verify } from 'icl-audit';
 * const report = await verify({ claims: ['C06'], seed: 7, runs: 20 });
 * report.claims[0].verdict; // 'verified'
 * ```
 *
 * @throws RangeError when a claim id is unknown, `runs` is not an integer in 1..100000, or `replay`
 *   is given without exactly one claim.
 */
export async function verify(options: VerifyOptions & { shard: Shard }): Promise<PartialVerifyReport>;
export async function verify(options?: VerifyOptions): Promise<VerifyReport>;
export async function verify(options: VerifyOptions = {}): Promise<VerifyReport | PartialVerifyReport> {
  const known = claimIds();
  const ids = options.claims?.map((id) => {
    const k = known.find((x) => x.toUpperCase() === id.trim().toUpperCase());
    if (!k) throw new RangeError(`claims: unknown id '${id}' (known: ${known.join(', ')})`);
    return k;
  });
  const seed = options.seed ?? defaultRootSeed();
  const runs = options.runs ?? 100;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!Number.isInteger(runs) || runs < 1 || runs > 100_000) throw new RangeError(`runs must be an integer from 1 to 100000, got ${runs}`);
  if (options.replay !== undefined && ids?.length !== 1) throw new RangeError('replay needs exactly one claim id in claims');
  if (options.part !== undefined && ids?.length !== 1) throw new RangeError('part needs exactly one claim id in claims');
  const selected = claimRegistry().filter((c) => !ids || ids.includes(c.id));
  if (options.shard && (options.replay !== undefined || options.part !== undefined)) throw new RangeError('shard cannot be used with replay or part (they run one claim)');
  const claims = options.shard ? shardOf(selected, options.shard) : selected;
  if (options.part !== undefined && !claims[0].partIds?.includes(options.part))
    throw new RangeError(`part must be one of ${claims[0].partIds?.join(', ') ?? '(none: the claim has no parts)'} for ${claims[0].id}, got '${options.part}'`);
  const t0 = performance.now();
  const workers = resolveCommandWorkers(options.workers);
  const results =
    workers > 1 && claims.length > 1 && options.replay === undefined && options.part === undefined
      ? await runPooled<ClaimReport>(
          claims.map((c): PoolTask => ({ kind: 'claim', id: c.id, seed, runs })),
          workers,
          (t) => CLAIM_COST_HINT[t.id] ?? 0,
          {
            onProgress: (k, done, total) => options.onProgress?.(k, claims.length, claims[k].id, done, total),
            onResult: (k) => options.onProgress?.(k, claims.length, claims[k].id, 1, 1),
          },
        )
      : await runClaims(claims, { seed, runs, path: options.replay, part: options.part, onProgress: options.onProgress });
  const report = verifyReport(VERSION, seed, runs, results, Math.round(performance.now() - t0));
  return options.shard ? { ...report, shard: { index: options.shard.index, count: options.shard.count, of: selected.map((c) => c.id) } } : report;
}
