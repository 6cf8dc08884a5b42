/** `prove`: the library function behind `icl-audit prove`. */
import { runDerivations, type DerivationResult } from '../../proofs/index';
import { defaultRootSeed } from './verify';

/** Options of {@link prove}; the same as `icl-audit prove`'s flags. */
export interface ProveRunOptions {
  /** Derivations to run, e.g. ['P2', 'P5'] (default all). */
  only?: readonly string[];
  /** Run only this dimension (1..3). */
  d?: number;
  /** Root seed of the random points and Monte Carlo draws (default `$ICL_AUDIT_SEED`, else 1). */
  seed?: number;
  /** Run the second engine, nerdamer (default true; it is the slow part). */
  nerdamer?: boolean;
  /** Called after each derivation. */
  onResult?: (r: DerivationResult, done: number, total: number) => void;
}

/** The JSON report of `prove`. */
export interface ProveReport {
  tool: 'icl-audit';
  command: 'prove';
  seed: number;
  ms: number;
  summary: { derivations: number; verified: number; falsified: number; inconclusive: number };
  results: DerivationResult[];
}

/**
 * Run the symbolic derivations P1–P7 step by step, as `icl-audit prove` does.
 *
 * ```ts
 * import { prove } from 'icl-audit';
 * const r = await prove({ only: ['P5'], d: 1, nerdamer: false });
 * r.summary.falsified; // 0
 * ```
 */
export async function prove(options: ProveRunOptions = {}): Promise<ProveReport> {
  const seed = options.seed ?? defaultRootSeed();
  if (options.d !== undefined && (!Number.isInteger(options.d) || options.d < 1 || options.d > 3)) throw new RangeError(`d must be an integer from 1 to 3, got ${options.d}`);
  const t0 = performance.now();
  const results = await runDerivations({ only: options.only ? [...options.only] : undefined, d: options.d, seed, nerdamer: options.nerdamer !== false, onResult: options.onResult });
  const ms = Math.round(performance.now() - t0);
  const count = (v: string): number => results.filter((r) => r.verdict === v).length;
  return { tool: 'icl-audit', command: 'prove', seed, ms, summary: { derivations: results.length, verified: count('verified'), falsified: count('falsified'), inconclusive: count('inconclusive') }, results };
}
