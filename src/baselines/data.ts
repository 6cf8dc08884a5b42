/**
 * Prompts for training and evaluating the TF.js baselines, in float32: tasks w ~ N(0, I_d), covariates
 * x ~ N(0, Λ), labels y = ⟨w, x⟩ (noiseless, as the paper trains). Λ is either fixed (identity) or drawn
 * per prompt as c·diag(Exp(1)) (spec §5; c scales the covariance, not the covariates). Garg's curriculum
 * zeroes trailing coordinates of x (dims) and shortens prompts (points).
 */
import type { Stream } from '../random/stream';
import { ziggurat } from '../random/ziggurat';

/** Training covariance: fixed identity, or c·diag(Exp(1)) drawn per prompt. */
export type CovarianceKind = 'identity' | 'exp-diag';
/** The covariance kinds. */
export const COVARIANCE_KINDS: readonly CovarianceKind[] = ['identity', 'exp-diag'];

/** A batch of B prompts of M pairs each, row-major float32. */
export interface PromptTensorBatch {
  B: number;
  M: number;
  d: number;
  /** [B, M, d] */
  xs: Float32Array;
  /** [B, M] */
  ys: Float32Array;
  /** Per prompt, the diagonal of Λ [B, d]. */
  lambda: Float64Array;
}

/** Options of {@link samplePromptBatch}. */
export interface SampleOptions {
  cov: CovarianceKind;
  /** Covariance scale c (default 1). */
  scale?: number;
  /** Coordinates beyond this are 0 in x (Garg's dims curriculum); default d. */
  activeDims?: number;
  /**
   * Draw one Λ per group of this many consecutive prompts (default 1: one per prompt). Figure 1 uses
   * 64 covariances × 64 prompts.
   */
  promptsPerCovariance?: number;
}

/** Draw B prompts of M pairs of dimension d from `rng`. */
export function samplePromptBatch(B: number, M: number, d: number, rng: Stream, o: SampleOptions): PromptTensorBatch {
  const scale = o.scale ?? 1;
  const active = Math.min(d, o.activeDims ?? d);
  const per = o.promptsPerCovariance ?? 1;
  const z = ziggurat(rng.child('normal'));
  const expRng = rng.child('covariance');
  const xs = new Float32Array(B * M * d);
  const ys = new Float32Array(B * M);
  const lambda = new Float64Array(B * d);
  const w = new Float64Array(d);
  const x = new Float64Array(d);
  const sd = new Float64Array(d);
  for (let b = 0; b < B; b++) {
    if (b % per === 0) for (let j = 0; j < d; j++) sd[j] = Math.sqrt(scale * (o.cov === 'identity' ? 1 : expRng.exponential()));
    for (let j = 0; j < d; j++) lambda[b * d + j] = sd[j] * sd[j];
    z.fill(w);
    for (let i = 0; i < M; i++) {
      z.fill(x);
      let y = 0;
      for (let j = 0; j < d; j++) {
        const v = j < active ? sd[j] * x[j] : 0;
        xs[(b * M + i) * d + j] = v;
        y += v * w[j];
      }
      ys[b * M + i] = y;
    }
  }
  return { B, M, d, xs, ys, lambda };
}

/** Garg's curriculum as a pure function of the step: dims +1 and points +2 every `interval` steps. */
export interface Curriculum {
  dimsStart: number;
  dimsEnd: number;
  pointsStart: number;
  pointsEnd: number;
  interval: number;
}

/** Garg's schedule for dimension d and prompts of `points` pairs: dims from min(5, d), points from min(11, points). */
export function gargCurriculum(d: number, points: number, interval: number): Curriculum {
  return { dimsStart: Math.min(5, d), dimsEnd: d, pointsStart: Math.min(11, points), pointsEnd: points, interval };
}

/** Active dims and points at `step` (Garg: start + ⌊step/interval⌋·inc, capped at the end). */
export function curriculumAt(c: Curriculum, step: number): { dims: number; points: number } {
  const k = Math.floor(step / c.interval);
  return { dims: Math.min(c.dimsEnd, c.dimsStart + k), points: Math.min(c.pointsEnd, c.pointsStart + 2 * k) };
}
