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
import { DRAW_BLOCK, blockStream } from './blocks';
import { MAX_WORKERS, newJobId, runBlocks } from './parallel';

/** Options of the LSA error estimators. */
export interface LsaErrorOptions extends MonteCarloOptions {
  /** Sampling path (default 'fast'). */
  method?: SamplingMethod;
  /**
   * Threads to compute with (default 1): the calling thread and `workers − 1` helper threads. The draws
   * are addressed by block of {@link DRAW_BLOCK} samples, so the results are identical for every value.
   */
  workers?: number;
}

/** The number of threads of a run: an integer 1…{@link MAX_WORKERS} (default 1). */
export function resolveWorkers(workers: number | undefined): number {
  const w = workers ?? 1;
  if (!Number.isInteger(w) || w < 1 || w > MAX_WORKERS) throw new RangeError(`workers must be an integer from 1 to ${MAX_WORKERS}, got ${w}`);
  return w;
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
 *
 * Sample i is drawn from the stream of its block ⌊i / 1024⌋ (blocks.ts), so `(seed, path, samples)`
 * replays a run whatever `workers` and `chunkSize` were; `chunkSize` (how often the moments are updated
 * and the stopping rule is checked) is rounded up to a multiple of 1024.
 */
export function estimateFullError(dist: PromptDistribution, m: number, params: LsaParams, options: LsaErrorOptions = {}): LsaErrorResult {
  const method = options.method ?? 'fast';
  const threads = resolveWorkers(options.workers);
  const resolved = resolveOptions(options, `lsa-error-${method}`);
  const chunk = Math.ceil(resolved.chunkSize / DRAW_BLOCK) * DRAW_BLOCK;
  const opts = { ...resolved, chunkSize: chunk };
  const sampler = lsaSampler(dist, m, params, method);
  const total = opts.stopping ? opts.stopping.maxSamples : opts.samples;
  const job = { id: newJobId(), dist, m, params, method, seed: opts.rng.seed, path: [...opts.rng.path] };
  // With helpers, a window of several chunks is computed at once (fewer hand-overs); results do not change.
  const window = threads > 1 ? chunk * Math.max(1, Math.ceil((8 * threads * DRAW_BLOCK) / chunk)) : chunk;
  let buf = new Float64Array(0);
  let bufStart = 0;
  let bufEnd = 0;
  let pos = 0;
  const run = runChunks(
    {
      names: ['testError'],
      fill(count, out) {
        if (pos + count > bufEnd) {
          const size = Math.min(window, total - bufEnd);
          const nb = Math.ceil(size / DRAW_BLOCK);
          if (buf.length < size) buf = new Float64Array(size);
          runBlocks(job, sampler, bufEnd / DRAW_BLOCK, nb, size - (nb - 1) * DRAW_BLOCK, buf, threads);
          bufStart = bufEnd;
          bufEnd += size;
        }
        out.set(buf.subarray(pos - bufStart, pos - bufStart + count));
        pos += count;
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
 * `forward`/`readout`). Uses the same draws (block by block) as the first `count` samples of
 * {@link estimateFullError} with method 'direct' and the same stream.
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
  for (let j = 0, at = 0; at < count; j++, at += DRAW_BLOCK) {
    const n = Math.min(DRAW_BLOCK, count - at);
    sampler.fill(ziggurat(blockStream(rng, j)), n, yhat.subarray(at, at + n), target.subarray(at, at + n), batch, at);
  }
  return { batch, yhat, target };
}
