/**
 * The project's Monte Carlo route (src/montecarlo/, its own samplers) as a cross-check of a symbolic
 * value: the derived value must lie in the estimator's two-sided 1 − COMPARISON_ALPHA interval (the audit's budget).
 */
import { COMPARISON_ALPHA } from '../contract/tolerance';
import type { Mat } from '../linalg/matrix';
import type { PromptDistribution } from '../icl/distribution';
import type { LsaParams } from '../lsa/params';
import { estimateFullError, estimateReducedError } from '../montecarlo';
import type { Stream } from '../random/stream';

/** Confidence of each interval used here. */
export const SAMPLED_CONFIDENCE = 1 - COMPARISON_ALPHA;

/**
 * Whether `value` lies in src/montecarlo's interval for ½E(ŷ − y_q)² (full LSA) or E(ŷ − y_q)² (reduced V).
 * The detail ends with what replays the draws, as Stream.describe() writes it (`seed=7 path=(root)` for a root stream).
 */
export function sampledRouteCheck(
  what: { kind: 'full-loss'; params: LsaParams } | { kind: 'reduced-error'; v: Mat },
  dist: PromptDistribution,
  length: number,
  value: number,
  samples: number,
  rng: Stream,
): { ok: boolean; detail: string } {
  const opts = { stream: rng, samples, confidence: SAMPLED_CONFIDENCE };
  const r = what.kind === 'full-loss' ? estimateFullError(dist, length, what.params, opts).populationLoss : estimateReducedError(dist, length, what.v, opts).testError;
  const ok = value >= r.ci[0] && value <= r.ci[1];
  return { ok, detail: `derived ${value.toPrecision(6)}, src/montecarlo ${r.estimate.toPrecision(6)}, ${SAMPLED_CONFIDENCE} interval [${r.ci[0].toPrecision(6)}, ${r.ci[1].toPrecision(6)}] (${samples} samples, seed=${r.seed} path=${r.path || '(root)'})` };
}
