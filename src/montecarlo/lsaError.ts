/**
 * Monte Carlo test error E(ŷ − ⟨w, x_q⟩)² and population loss ½ E(ŷ − ⟨w, x_q⟩)² of the full LSA forward
 * pass (any W^PV, W^KQ) and of the reduced predictor ŷ = (1/M) Σ y_i x_iᵀ V x_q, on prompts of length M
 * from any {@link PromptDistribution}: the "first principles, sampled" route. The query label is
 * noiseless (as in the paper's loss); label noise, when the distribution has it, is on y_1…y_M.
 */
import type { Mat } from '../linalg/matrix';
import type { PromptDistribution } from '../icl/distribution';
import type { PromptBatch } from '../icl/prompts';
import type { LsaParams } from '../lsa/params';
import type { Stream } from '../random/stream';
import { ziggurat } from '../random/ziggurat';
import { resolveOptions, runChunks, type MonteCarloEstimate, type MonteCarloOptions, type MonteCarloResult } from './estimate';
import { lsaSampler, paramsOfV, validateV, type SamplingMethod } from './lsaSampler';

/** Options of the LSA error estimators. */
export interface LsaErrorOptions extends MonteCarloOptions {
  /** Sampling path (default 'fast'). */
  method?: SamplingMethod;
}

/** A run's test-error and population-loss estimates (the loss is half the error: same samples, same draws). */
export interface LsaErrorResult extends MonteCarloResult {
  method: SamplingMethod;
  /** E(ŷ − ⟨w, x_q⟩)². */
  testError: MonteCarloEstimate;
  /** ½ E(ŷ − ⟨w, x_q⟩)². */
  populationLoss: MonteCarloEstimate;
}

function halve(e: MonteCarloEstimate): MonteCarloEstimate {
  return {
    ...e,
    name: 'populationLoss',
    estimate: e.estimate / 2,
    standardError: e.standardError / 2,
    ci: [e.ci[0] / 2, e.ci[1] / 2],
    halfWidth: e.halfWidth / 2,
  };
}

/**
 * Estimate the test error and population loss of the full LSA with parameters θ = (W^PV, W^KQ) on prompts
 * of length `m` drawn from `dist`. Default stream: `stream(seed).child('lsa-error-<method>')`.
 */
export function estimateFullError(dist: PromptDistribution, m: number, params: LsaParams, options: LsaErrorOptions = {}): LsaErrorResult {
  const method = options.method ?? 'fast';
  const opts = resolveOptions(options, `lsa-error-${method}`);
  const sampler = lsaSampler(dist, m, params, method);
  const z = ziggurat(opts.rng);
  let yhat = new Float64Array(0);
  let target = new Float64Array(0);
  const run = runChunks(
    {
      names: ['testError'],
      fill(count, out) {
        if (yhat.length < count) {
          yhat = new Float64Array(count);
          target = new Float64Array(count);
        }
        sampler.fill(z, count, yhat, target);
        for (let k = 0; k < count; k++) {
          const e = yhat[k] - target[k];
          out[k] = e * e;
        }
      },
    },
    opts.rng,
    opts,
  );
  const testError = run.estimates[0];
  const populationLoss = halve(testError);
  return { ...run, estimates: [testError, populationLoss], method, testError, populationLoss };
}

/** The same for the reduced predictor ŷ = (1/M) Σ y_i x_iᵀ V x_q (any d×d V, e.g. V = uU). */
export function estimateReducedError(dist: PromptDistribution, m: number, v: Mat, options: LsaErrorOptions = {}): LsaErrorResult {
  validateV(v, dist.d);
  return estimateFullError(dist, m, paramsOfV(v), options);
}

/**
 * Draw `count` prompts by the direct path and return them with the predictions and targets the
 * estimator computed on them, so they can be re-evaluated by another route (e.g. the literal
 * `forward`/`readout`). Uses the same draws, in the same order, as {@link estimateFullError} with
 * method 'direct' and the same stream.
 */
export function drawDirect(
  dist: PromptDistribution,
  m: number,
  params: LsaParams,
  count: number,
  rng: Stream,
): { batch: PromptBatch; yhat: Float64Array; target: Float64Array } {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`count must be an integer ≥ 1, got ${count}`);
  const sampler = lsaSampler(dist, m, params, 'direct');
  const d = sampler.d;
  const batch: PromptBatch = {
    d,
    length: m,
    count,
    xs: new Float64Array(count * m * d),
    ys: new Float64Array(count * m),
    xq: new Float64Array(count * d),
    yq: new Float64Array(count),
    w: new Float64Array(count * d),
  };
  const yhat = new Float64Array(count);
  const target = new Float64Array(count);
  sampler.fill(ziggurat(rng), count, yhat, target, batch);
  return { batch, yhat, target };
}
