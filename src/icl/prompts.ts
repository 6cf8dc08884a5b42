/**
 * Batches of prompts drawn from a {@link PromptDistribution}, stored flat in Float64Arrays so that Monte
 * Carlo loops stay fast: prompt b's example i is `xs[(b*length + i)*d + k]`.
 */
import { assertMemory } from '../validate/memory';
import type { Mat } from '../linalg/matrix';
import { applyFactor, factor } from '../linalg/factor';
import type { Stream } from '../random/stream';
import { resolveDistribution, type PromptDistribution, type ResolvedDistribution } from './distribution';

/** B prompts of the same length in dimension d. */
export interface PromptBatch {
  d: number;
  /** Number of labeled examples per prompt (N when training, M when testing). */
  length: number;
  /** Number of prompts B. */
  count: number;
  /** Covariates, B·length·d. */
  xs: Float64Array;
  /** Labels y_i = ⟨w, x_i⟩ + noise, B·length. */
  ys: Float64Array;
  /** Queries x_q, B·d. */
  xq: Float64Array;
  /** Query labels ⟨w, x_q⟩ (noiseless), B. */
  yq: Float64Array;
  /** Tasks w, B·d. */
  w: Float64Array;
}

/** Draws x = F z, z standard normal, F the covariance's factor (Cholesky, or its square root when semidefinite). */
function gaussianDrawer(cov: Mat): (rng: Stream, out: Float64Array, offset: number) => void {
  const f = factor(cov);
  const z = new Float64Array(cov.length);
  return (rng, out, offset) => {
    rng.fillNormal(z);
    applyFactor(f, z, 0, out, offset);
  };
}

/** Draw B prompts of length `length` from `dist`, reproducibly from `rng`. */
export function samplePrompts(dist: PromptDistribution | ResolvedDistribution, length: number, count: number, rng: Stream): PromptBatch {
  const r = resolveDistribution(dist);
  const d = r.d;
  if (!Number.isInteger(length) || length < 1) throw new RangeError(`prompt length must be an integer ≥ 1, got ${length}`);
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`prompt count must be an integer ≥ 1, got ${count}`);
  assertMemory('length, count', count * (length + 1) * (d + 1) + count * d, `${count} prompts of length ${length} in d = ${d}`);
  const drawX = gaussianDrawer(r.promptCov);
  const drawQ = gaussianDrawer(r.queryCov);
  const drawW = gaussianDrawer(r.taskCov);
  const xs = new Float64Array(count * length * d);
  const ys = new Float64Array(count * length);
  const xq = new Float64Array(count * d);
  const yq = new Float64Array(count);
  const w = new Float64Array(count * d);
  for (let b = 0; b < count; b++) {
    drawW(rng, w, b * d);
    for (let i = 0; i < length; i++) {
      const off = (b * length + i) * d;
      drawX(rng, xs, off);
      let y = 0;
      for (let k = 0; k < d; k++) y += w[b * d + k] * xs[off + k];
      ys[b * length + i] = r.noiseStd > 0 ? y + r.noiseStd * rng.normal() : y;
    }
    drawQ(rng, xq, b * d);
    let y = 0;
    for (let k = 0; k < d; k++) y += w[b * d + k] * xq[b * d + k];
    yq[b] = y;
  }
  return { d, length, count, xs, ys, xq, yq, w };
}

/**
 * The (d+1)×(N+1) embedding of prompt b (spec §1): columns (x_i; y_i) for i = 1..N, last column (x_q; 0).
 */
export function embedding(batch: PromptBatch, b: number): Mat {
  const { d, length: n } = batch;
  const e: Mat = Array.from({ length: d + 1 }, () => new Array<number>(n + 1).fill(0));
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < d; k++) e[k][i] = batch.xs[(b * n + i) * d + k];
    e[d][i] = batch.ys[b * n + i];
  }
  for (let k = 0; k < d; k++) e[k][n] = batch.xq[b * d + k];
  e[d][n] = 0;
  return e;
}
