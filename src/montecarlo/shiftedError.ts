/**
 * Monte Carlo over prompts from any test law (src/icl/shifts.ts: shifted tasks, noise, queries,
 * covariates, random per-prompt covariances, orthogonal queries): the means of named per-prompt
 * quantities — typically the squared error (ŷ − ⟨w, x_q⟩)² of several predictors on the same prompts —
 * with simultaneous confidence intervals. The predictors are handed in (e.g. the full LSA forward pass of
 * src/lsa, the closed forms of src/baselines); nothing here knows a formula for the answer.
 */
import type { PromptBatch } from '../icl/prompts';
import { testSampler, type TestLaw } from '../icl/shifts';
import { estimateMeans, type MonteCarloOptions, type MonteCarloResult } from './estimate';

/** A per-prompt quantity whose mean is estimated. `batch.lambdas` holds Λ_τ's diagonal when random. */
export interface PromptQuantity {
  name: string;
  value(batch: PromptBatch & { lambdas?: Float64Array }, b: number): number;
}

/** The squared error (ŷ − ⟨w, x_q⟩)² of a predictor (the query label is noiseless, as in the paper's loss). */
export function squaredError(name: string, predict: (batch: PromptBatch, b: number) => number): PromptQuantity {
  return {
    name,
    value(batch, b) {
      const e = predict(batch, b) - batch.yq[b];
      return e * e;
    },
  };
}

/**
 * Estimate the means of `quantities` over prompts drawn from `law`; all quantities see the same prompts
 * and get simultaneous intervals at `options.confidence`. Default stream: `stream(seed).child('shifted')`.
 */
export function estimateOnTestLaw(law: TestLaw, quantities: readonly PromptQuantity[], options: MonteCarloOptions = {}): MonteCarloResult {
  if (quantities.length === 0) throw new RangeError('quantities must name at least one quantity');
  const sampler = testSampler(law);
  const q = quantities.length;
  return estimateMeans(
    'shifted',
    (rng) => {
      let batch: (PromptBatch & { lambdas?: Float64Array }) | undefined;
      return {
        names: quantities.map((x) => x.name),
        fill(count, out) {
          batch = sampler.sample(count, rng, batch);
          for (let k = 0; k < count; k++) for (let j = 0; j < q; j++) out[k * q + j] = quantities[j].value(batch, k);
        },
      };
    },
    options,
  );
}
