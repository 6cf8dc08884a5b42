/**
 * Small direct Monte Carlo estimates used to cross-check symbolic results at random points: prompts
 * drawn with `samplePrompts`, the model run with `src/lsa/`'s forward maps. Each returns the mean and its
 * standard error; comparisons use a z-bound (see {@link zCheck}).
 */
import { COMPARISON_Z } from '../contract/tolerance';
import type { Mat } from '../linalg/matrix';
import { samplePrompts, type PromptDistribution } from '../icl';
import { predictFull, predictReduced, type LsaParams } from '../lsa';
import type { Stream } from '../random/stream';

/** A sample mean and its standard error. */
export interface Estimate {
  mean: number;
  se: number;
  count: number;
}

function estimate(values: Float64Array): Estimate {
  const n = values.length;
  let s = 0;
  for (const v of values) s += v;
  const mean = s / n;
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  return { mean, se: Math.sqrt(ss / (n - 1) / n), count: n };
}

/** ½ E(ŷ − ⟨w, x_q⟩)² of the full LSA (all of W^PV, W^KQ) on prompts of length n from `dist`. */
export function monteCarloFullLoss(dist: PromptDistribution, n: number, params: LsaParams, count: number, rng: Stream): Estimate {
  const batch = samplePrompts(dist, n, count, rng);
  const v = new Float64Array(count);
  for (let b = 0; b < count; b++) {
    const r = predictFull(batch, b, params) - batch.yq[b];
    v[b] = 0.5 * r * r;
  }
  return estimate(v);
}

/** E(ŷ − ⟨w, x_q⟩)² of the reduced predictor ŷ = sᵀ V x_q on prompts of length m from `dist`. */
export function monteCarloTestError(dist: PromptDistribution, m: number, v: Mat, count: number, rng: Stream): Estimate {
  const batch = samplePrompts(dist, m, count, rng);
  const out = new Float64Array(count);
  for (let b = 0; b < count; b++) {
    const r = predictReduced(batch, b, v) - batch.yq[b];
    out[b] = r * r;
  }
  return estimate(out);
}

/** Entry (i, l) of E[x xᵀ A x xᵀ] for x ~ N(0, Λ), sampled (uses the query draws of a prompt batch). */
export function monteCarloFourthMoment(lambda: Mat, a: Mat, i: number, l: number, count: number, rng: Stream): Estimate {
  const d = lambda.length;
  const batch = samplePrompts({ d, promptCov: lambda }, 1, count, rng);
  const out = new Float64Array(count);
  for (let b = 0; b < count; b++) {
    const x = batch.xq.subarray(b * d, b * d + d);
    let q = 0;
    for (let j = 0; j < d; j++) for (let k = 0; k < d; k++) q += x[j] * a[j][k] * x[k];
    out[b] = x[i] * q * x[l];
  }
  return estimate(out);
}

/** z-bound used for every Monte Carlo comparison: two-sided 1 − COMPARISON_ALPHA (2.5e-8) per comparison, z ≈ 5.57 (the audit's budget, src/contract/tolerance.ts). */
export const Z_BOUND = COMPARISON_Z;

/** Whether `exact` lies within Z_BOUND standard errors of the estimate; returns the z-score too. */
export function zCheck(exact: number, est: Estimate): { ok: boolean; z: number } {
  const z = Math.abs(est.mean - exact) / Math.max(est.se, 1e-300);
  return { ok: z <= Z_BOUND, z };
}
