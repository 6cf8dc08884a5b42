/**
 * The generic Monte Carlo driver: draw samples of one or several quantities in chunks, keep streaming
 * moments, and report estimates with two-sided normal confidence intervals; several quantities get
 * simultaneous intervals by a Bonferroni correction. Optional sequential stopping ends the run once every
 * interval is narrower than a target (absolute or relative to the estimate), with a cap on samples.
 *
 * Replay: all draws of a run come, in order, from one {@link Stream}; a result names the stream's seed and
 * path, the chunk size does not change the draws (samples are drawn one after another from the same
 * stream), so `(seed, path, samples)` reproduces it.
 */
import { stream as rootStream, type Stream } from '../random/stream';
import { DEFAULT_SEED } from '../random/seed';
import { criticalValue } from './normal';
import { RunningMoments } from './moments';

/** One estimated quantity. */
export interface MonteCarloEstimate {
  /** What is estimated. */
  name: string;
  /** The sample mean. */
  estimate: number;
  /** √(s² / n). */
  standardError: number;
  /** Two-sided interval [lower, upper] at `confidence` (simultaneous over the run's quantities at `familyConfidence`). */
  ci: [number, number];
  /** (upper − lower) / 2. */
  halfWidth: number;
  /** The level of this quantity's own interval, after the Bonferroni correction. */
  confidence: number;
  /** The level at which all intervals of the run hold together. */
  familyConfidence: number;
  /** Samples used. */
  samples: number;
  /** Root seed of the draws. */
  seed: number;
  /** Stream path of the draws, e.g. `montecarlo/lsa-error/fast`. */
  path: string;
}

/** Why a run stopped. */
export type StopReason = 'fixed' | 'target' | 'max-samples';

/** A run's estimates and how to replay it. */
export interface MonteCarloResult {
  estimates: MonteCarloEstimate[];
  /** Samples drawn (the same for every quantity). */
  samples: number;
  /** Simultaneous confidence level of the intervals. */
  confidence: number;
  stoppedBy: StopReason;
  seed: number;
  path: string;
  /** `seed=… path=… samples=…`: with the same inputs and options this reproduces the run. */
  replay: string;
}

/** Sequential stopping: stop once every interval's half-width is below a target. */
export interface StoppingOptions {
  /** Stop when halfWidth ≤ this (absolute). */
  absoluteHalfWidth?: number;
  /** Stop when halfWidth ≤ this · |estimate|. */
  relativeHalfWidth?: number;
  /** Never stop before this many samples (default 2 chunks): guards the normal approximation. */
  minSamples?: number;
  /** Cap on samples (required). */
  maxSamples: number;
}

/** Options shared by every estimator in this folder. */
export interface MonteCarloOptions {
  /** Root seed (default {@link DEFAULT_SEED}); ignored when `stream` is given. */
  seed?: number;
  /** Stream to draw from (default: `stream(seed).child(<estimator name>)`). */
  stream?: Stream;
  /** Number of samples when not stopping sequentially (default 100 000). */
  samples?: number;
  /** Samples per chunk: bounds memory (default 4096). */
  chunkSize?: number;
  /** Simultaneous two-sided confidence level of all intervals of the run (default 0.95). */
  confidence?: number;
  /** Sequential stopping; when set, `samples` is ignored and `maxSamples` caps the run. */
  stopping?: StoppingOptions;
  /** Called after every chunk with (samples done, samples planned or the cap). */
  progress?: (done: number, total: number) => void;
}

/** A source of samples: fills `out[k·q + j]` with quantity j of sample k, for k < count. */
export interface ChunkSampler {
  /** Names of the q quantities. */
  names: readonly string[];
  /** Draw `count` samples into `out` (length ≥ count·q). */
  fill(count: number, out: Float64Array): void;
}

function checkPositiveInteger(name: string, v: number): void {
  if (!Number.isInteger(v) || v < 1) throw new RangeError(`${name} must be an integer ≥ 1, got ${v}`);
}

/** Largest chunk of samples held at once. */
export const MAX_CHUNK = 2 ** 22;

/** Validate the options shared by the estimators; returns filled-in values. */
export function resolveOptions(options: MonteCarloOptions, defaultName: string): {
  rng: Stream;
  samples: number;
  chunkSize: number;
  confidence: number;
  stopping?: StoppingOptions;
  progress?: (done: number, total: number) => void;
} {
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const rng = options.stream ?? rootStream(seed).child(defaultName);
  const samples = options.samples ?? 100_000;
  checkPositiveInteger('samples', samples);
  const chunkSize = options.chunkSize ?? 4096;
  checkPositiveInteger('chunkSize', chunkSize);
  if (chunkSize > MAX_CHUNK) throw new RangeError(`chunkSize must be at most ${MAX_CHUNK} (each chunk is held in memory), got ${chunkSize}`);
  const confidence = options.confidence ?? 0.95;
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in the open interval (0, 1), got ${confidence}`);
  const stopping = options.stopping;
  if (stopping) {
    checkPositiveInteger('stopping.maxSamples', stopping.maxSamples);
    if (stopping.minSamples !== undefined) checkPositiveInteger('stopping.minSamples', stopping.minSamples);
    const { absoluteHalfWidth: a, relativeHalfWidth: r } = stopping;
    if (a === undefined && r === undefined) throw new RangeError('stopping needs absoluteHalfWidth or relativeHalfWidth');
    if (a !== undefined && !(a > 0)) throw new RangeError(`stopping.absoluteHalfWidth must be > 0, got ${a}`);
    if (r !== undefined && !(r > 0)) throw new RangeError(`stopping.relativeHalfWidth must be > 0, got ${r}`);
  }
  return { rng, samples, chunkSize, confidence, stopping, progress: options.progress };
}

/** Estimates with simultaneous intervals from the moments of q quantities. */
export function summarize(
  names: readonly string[],
  moments: readonly RunningMoments[],
  confidence: number,
  rng: Pick<Stream, 'seed' | 'path'>,
): MonteCarloEstimate[] {
  const q = names.length;
  const z = criticalValue(confidence, q);
  const each = 1 - (1 - confidence) / q;
  const path = rng.path.join('/');
  return names.map((name, j) => {
    const m = moments[j];
    const se = m.standardError;
    const h = z * se;
    return {
      name,
      estimate: m.mean,
      standardError: se,
      ci: [m.mean - h, m.mean + h],
      halfWidth: h,
      confidence: each,
      familyConfidence: confidence,
      samples: m.count,
      seed: rng.seed,
      path,
    };
  });
}

function targetReached(est: readonly MonteCarloEstimate[], s: StoppingOptions): boolean {
  return est.every((e) => {
    if (!Number.isFinite(e.halfWidth)) return false;
    if (s.absoluteHalfWidth !== undefined && e.halfWidth <= s.absoluteHalfWidth) return true;
    if (s.relativeHalfWidth !== undefined && e.halfWidth <= s.relativeHalfWidth * Math.abs(e.estimate)) return true;
    return false;
  });
}

/**
 * Run a sampler: a fixed number of samples, or sequentially until every interval meets the target or
 * the cap is reached. `rng` is only recorded here (the sampler owns the draws).
 */
export function runChunks(
  sampler: ChunkSampler,
  rng: Pick<Stream, 'seed' | 'path'>,
  opts: ReturnType<typeof resolveOptions>,
): MonteCarloResult {
  const q = sampler.names.length;
  const moments = sampler.names.map(() => new RunningMoments());
  const { chunkSize, confidence, stopping, progress } = opts;
  const total = stopping ? stopping.maxSamples : opts.samples;
  const minSamples = stopping ? Math.min(stopping.minSamples ?? 2 * chunkSize, total) : total;
  const buf = new Float64Array(Math.min(chunkSize, total) * q);
  let done = 0;
  let stoppedBy: StopReason = stopping ? 'max-samples' : 'fixed';
  while (done < total) {
    const count = Math.min(chunkSize, total - done);
    sampler.fill(count, buf);
    for (let j = 0; j < q; j++) moments[j].pushChunk(buf, j, count, q);
    done += count;
    progress?.(done, total);
    if (stopping && done >= minSamples && done < total && targetReached(summarize(sampler.names, moments, confidence, rng), stopping)) {
      stoppedBy = 'target';
      break;
    }
  }
  if (stopping && stoppedBy === 'max-samples' && targetReached(summarize(sampler.names, moments, confidence, rng), stopping)) stoppedBy = 'target';
  const path = rng.path.join('/');
  return {
    estimates: summarize(sampler.names, moments, confidence, rng),
    samples: done,
    confidence,
    stoppedBy,
    seed: rng.seed,
    path,
    replay: `seed=${rng.seed} path=${path || '(root)'} samples=${done}`,
  };
}

/**
 * Estimate the means of the quantities a sampler draws, with simultaneous confidence intervals.
 * `makeSampler` receives the run's stream (`options.stream`, or `stream(seed).child(name)`).
 */
export function estimateMeans(name: string, makeSampler: (rng: Stream) => ChunkSampler, options: MonteCarloOptions = {}): MonteCarloResult {
  const opts = resolveOptions(options, name);
  return runChunks(makeSampler(opts.rng), opts.rng, opts);
}
