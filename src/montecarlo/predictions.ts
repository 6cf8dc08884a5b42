/**
 * Predictions on given prompts, one per prompt: the full LSA ŷ (any θ) and the reduced ŷ = sᵀ V x_q. For
 * comparing a trained model's ŷ with another predictor (e.g. Corollary 4.3's) prompt by prompt.
 */
import type { Mat } from '../linalg/matrix';
import type { PromptBatch } from '../icl/prompts';
import { predictFull, predictReduced } from '../lsa/forward';
import type { LsaParams } from '../lsa/params';
import { validateParams, validateV } from './lsaSampler';

/** ŷ of the full LSA on every prompt of `batch` (division by the batch's prompt length). */
export function predictBatchFull(batch: PromptBatch, params: LsaParams): Float64Array {
  validateParams(params, batch.d);
  const out = new Float64Array(batch.count);
  const scratch = new Float64Array(batch.d + 1);
  for (let b = 0; b < batch.count; b++) out[b] = predictFull(batch, b, params, scratch);
  return out;
}

/** ŷ = (1/M) Σ y_i x_iᵀ V x_q on every prompt of `batch`. */
export function predictBatchReduced(batch: PromptBatch, v: Mat): Float64Array {
  validateV(v, batch.d);
  const out = new Float64Array(batch.count);
  const scratch = new Float64Array(batch.d);
  for (let b = 0; b < batch.count; b++) out[b] = predictReduced(batch, b, v, scratch);
  return out;
}

/** Per-prompt squared errors (ŷ_b − yq_b)² of given predictions against the batch's noiseless query labels. */
export function squaredErrors(batch: PromptBatch, yhat: ArrayLike<number>): Float64Array {
  if (yhat.length !== batch.count) throw new RangeError(`yhat must have one entry per prompt (${batch.count}), got ${yhat.length}`);
  const out = new Float64Array(batch.count);
  for (let b = 0; b < batch.count; b++) {
    const e = yhat[b] - batch.yq[b];
    out[b] = e * e;
  }
  return out;
}
