/** `prove`: the library function behind `icl-audit prove`. */
import { derivations, runDerivations, type DerivationResult } from '../../proofs/index';
import { defaultRootSeed } from './verify';
import { resolveCommandWorkers, runPooled, type PoolTask } from './pool';

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
  /**
   * Worker threads to run the derivations on (default: the available cores, at most 4). Results and
   * verdicts are the same for any number (times aside); with several, `onResult` still comes in order.
   */
  workers?: number;
  /** Called after each derivation, in order. */
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
 * Rough CPU seconds of each derivation run alone (with nerdamer; the rest < 0.5 s): the pool starts the
 * costliest first. Only the order of the work depends on it.
 */
const DERIVATION_COST_HINT: Record<string, number> = { 'P5-d3': 8.1, 'P3-d3': 8.5, 'P2-d2': 3.6, 'P7-d3': 3.0, 'P1-d3': 2.8, 'P4-d3': 1.3, 'P4-d2': 0.9, 'P3-d2': 0.8, 'P1-d2': 0.7, 'P3-d1': 0.56 };

/**
 * Derivations that share memoized expansions (proofs/derived.ts, the moment caches of src/symbolic) run
 * on one thread: d = 3 in V (P5, P7) and in (u, U) or the full parameters (P2, P3, P4, P6), and d = 2 in
 * (u, U). Measured: the two d = 3 groups alone cost what all six cost together (11.1 + 10.5 s of CPU
 * against 22.1 s), so they may run on two threads; P3-d3 alone cost 8.5 s, after P2 and before P6 5.6 s.
 */
const DERIVATION_GROUP: Record<string, string> = {
  'P5-d3': 'd3-V',
  'P7-d3': 'd3-V',
  'P2-d3': 'd3-uU',
  'P3-d3': 'd3-uU',
  'P4-d3': 'd3-uU',
  'P6-d3': 'd3-uU',
  'P2-d2': 'd2-uU',
  'P3-d2': 'd2-uU',
  'P4-d2': 'd2-uU',
};

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
  const workers = resolveCommandWorkers(options.workers);
  const nerdamer = options.nerdamer !== false;
  const t0 = performance.now();
  const tasks: PoolTask[] = [];
  for (const p of derivations.filter((x) => !options.only || options.only.includes(x.id)))
    for (const d of options.d !== undefined ? (options.d <= p.maxD ? [options.d] : []) : p.dims) tasks.push({ kind: 'derivation', id: p.id, d, seed, nerdamer, group: DERIVATION_GROUP[`${p.id}-d${d}`] });
  let results: DerivationResult[];
  if (workers > 1 && tasks.length > 1) {
    // Report in order: a result waits for those before it.
    const done: Array<DerivationResult | undefined> = new Array(tasks.length);
    let shown = 0;
    results = await runPooled<DerivationResult>(tasks, workers, (t) => (t.kind === 'derivation' ? (DERIVATION_COST_HINT[`${t.id}-d${t.d}`] ?? 0) : 0), {
      onResult: (i, r) => {
        done[i] = r;
        // (the counter moves outside the call: `f?.(…, ++shown)` skips its arguments when f is absent)
        while (shown < tasks.length && done[shown]) {
          shown++;
          options.onResult?.(done[shown - 1]!, shown, tasks.length);
        }
      },
    });
  } else results = await runDerivations({ only: options.only ? [...options.only] : undefined, d: options.d, seed, nerdamer, onResult: options.onResult });
  const ms = Math.round(performance.now() - t0);
  const count = (v: string): number => results.filter((r) => r.verdict === v).length;
  return { tool: 'icl-audit', command: 'prove', seed, ms, summary: { derivations: results.length, verified: count('verified'), falsified: count('falsified'), inconclusive: count('inconclusive') }, results };
}
