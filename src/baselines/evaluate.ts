/**
 * Figure 1 of the paper (Appendix E) at any scale: normalized squared error (divided by d, so the zero
 * predictor sits at the covariance scale c) against the number of in-context examples M, on test prompts
 * with covariance c·diag(Exp(1)) (and the fixed identity), for trained models (GPT-2, LSA) and the
 * closed forms (zero, least squares, the LSA's limit for the training distribution). Bands are bootstrap
 * 90 % intervals of the mean over covariances (the prompts that share a covariance are resampled
 * together, since they are not independent), 1,000 resamples from a seeded stream.
 */
import { tf } from './nn/tf';
import { predictAll, modelDim, type NnModel } from './nn/model';
import { samplePromptBatch, type CovarianceKind, type PromptTensorBatch } from './data';
import { leastSquaresPredictor, lsaLimitV, randomCovLimitV, lsaPredictor, zeroPredictor, type Predictor, type Prompt } from './predictors';
import { Stream } from '../random/stream';
import type { Mat } from '../linalg/matrix';

/** One test condition (a panel of the figure). */
export interface Panel {
  /** 'identity' (fixed Λ = I) or 'scale c' (c·diag(Exp(1)) per covariance). */
  name: string;
  cov: CovarianceKind;
  scale: number;
}

/** A curve: mean normalized error at each M with its bootstrap band. */
export interface Curve {
  model: string;
  mean: number[];
  lo: number[];
  hi: number[];
}

/** One panel's curves and the per-covariance errors behind them (for paired statistics). */
export interface PanelResult {
  panel: Panel;
  /** M = 0 … maxM − 1 (… positions − 1 when cut). */
  ms: number[];
  curves: Curve[];
  /** Per model, per covariance (cluster), per M: the mean normalized error over that cluster's prompts. */
  clusters: Map<string, Float64Array[]>;
}

/** Options of {@link evaluateCovariateShift}. */
export interface EvaluateOptions {
  /** Models by display name. */
  models: Array<{ name: string; model: NnModel }>;
  d: number;
  /** Training prompt length N and covariance, for the LSA limit. */
  trainN: number;
  trainCov: CovarianceKind;
  /** Panels to draw. */
  panels: Panel[];
  /** Covariances per panel × prompts per covariance. */
  covariances: number;
  promptsPerCovariance: number;
  /** Prompts hold maxM pairs: predictions with 0 … maxM − 1 examples. */
  maxM: number;
  seed: number;
  /** Bootstrap resamples (default 1,000) and the band's level (default 0.9). */
  resamples?: number;
  level?: number;
  /** Prompts per TF.js forward pass (default 256). */
  chunk?: number;
  /**
   * Evaluate only M = 0 … positions − 1 (default maxM): the prompts are still drawn with maxM pairs (the
   * same draws), then cut to their first `positions` pairs, so the predictions at those M are the same
   * as in the full evaluation (every prediction sees only the pairs before it) at a fraction of the cost.
   */
  positions?: number;
}

/** The first `positions` pairs of every prompt of a batch (a copy). */
function firstPairs(b: PromptTensorBatch, positions: number): PromptTensorBatch {
  if (positions === b.M) return b;
  const { B, M, d } = b;
  const xs = new Float32Array(B * positions * d);
  const ys = new Float32Array(B * positions);
  for (let i = 0; i < B; i++) {
    xs.set(b.xs.subarray(i * M * d, (i * M + positions) * d), i * positions * d);
    ys.set(b.ys.subarray(i * M, i * M + positions), i * positions);
  }
  return { ...b, M: positions, xs, ys };
}

/** The panels of Figure 1 for the given scales: the fixed identity, then c·diag(Exp(1)) for each c. */
export function covariateShiftPanels(scales: number[], withIdentity = true): Panel[] {
  return [...(withIdentity ? [{ name: 'identity', cov: 'identity' as const, scale: 1 }] : []), ...scales.map((c) => ({ name: `scale ${c}`, cov: 'exp-diag' as const, scale: c }))];
}

/**
 * The LSA's limit V for the training distribution (src/baselines/predictors.ts, from the exact population
 * loss, never the paper's formula): identity Λ, Theorem 4.1's minimizer; Λ = diag(λ), λ_j i.i.d. Exp(1)
 * per prompt, Theorem 4.5's (the "LSA limit of (4.13)" in Figure 1).
 */
export function trainingLsaLimit(d: number, N: number, cov: CovarianceKind): Mat {
  if (cov === 'identity') return lsaLimitV(Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? 1 : 0))), N);
  return randomCovLimitV({ kind: 'exp' }, d, N);
}

function quantile(sorted: Float64Array, q: number): number {
  const pos = q * (sorted.length - 1);
  const i = Math.floor(pos);
  const f = pos - i;
  return i + 1 < sorted.length ? sorted[i] * (1 - f) + sorted[i + 1] * f : sorted[i];
}

/** Bootstrap band of the mean over clusters at each M: resample clusters with replacement. */
export function bootstrapBand(clusters: Float64Array[], rng: Stream, resamples: number, level: number): { mean: number[]; lo: number[]; hi: number[] } {
  const K = clusters.length;
  const L = clusters[0].length;
  const mean = new Array<number>(L).fill(0);
  for (const c of clusters) for (let m = 0; m < L; m++) mean[m] += c[m] / K;
  const draws = Array.from({ length: L }, () => new Float64Array(resamples));
  const idx = new Int32Array(K);
  for (let r = 0; r < resamples; r++) {
    for (let k = 0; k < K; k++) idx[k] = rng.int(0, K - 1);
    for (let m = 0; m < L; m++) {
      let s = 0;
      for (let k = 0; k < K; k++) s += clusters[idx[k]][m];
      draws[m][r] = s / K;
    }
  }
  const a = (1 - level) / 2;
  const lo: number[] = [];
  const hi: number[] = [];
  for (let m = 0; m < L; m++) {
    draws[m].sort();
    lo.push(quantile(draws[m], a));
    hi.push(quantile(draws[m], 1 - a));
  }
  return { mean, lo, hi };
}

async function modelErrors(model: NnModel, b: PromptTensorBatch, chunk: number): Promise<Float32Array> {
  const out = new Float32Array(b.B * b.M);
  for (let s = 0; s < b.B; s += chunk) {
    const n = Math.min(chunk, b.B - s);
    const xs = tf.tensor(b.xs.subarray(s * b.M * b.d, (s + n) * b.M * b.d), [n, b.M, b.d]);
    const ys = tf.tensor(b.ys.subarray(s * b.M, (s + n) * b.M), [n, b.M]);
    // GELU as x·σ(2z): the same function as training's tanh form, ~3× faster on wasm (nn/gpt2.ts)
    const pred = tf.tidy(() => predictAll(model, xs, ys, 'sigmoid'));
    out.set(await pred.data(), s * b.M);
    tf.dispose([xs, ys, pred]);
  }
  return out;
}

function closedFormPredictions(p: Predictor, b: PromptTensorBatch): Float64Array {
  const out = new Float64Array(b.B * b.M);
  const { d, M } = b;
  for (let i = 0; i < b.B; i++) {
    const xs = Float64Array.from(b.xs.subarray(i * M * d, (i + 1) * M * d));
    const ys = Float64Array.from(b.ys.subarray(i * M, (i + 1) * M));
    for (let m = 0; m < M; m++) {
      const prompt: Prompt = { d, m, xs: xs.subarray(0, m * d), ys: ys.subarray(0, m), xq: xs.subarray(m * d, (m + 1) * d) };
      // With no examples every closed form here predicts 0 (minimum-norm ŵ = 0; s = 0).
      out[i * M + m] = m === 0 ? 0 : p.predict(prompt);
    }
  }
  return out;
}

/** Evaluate every model and closed form on every panel. */
export async function evaluateCovariateShift(o: EvaluateOptions): Promise<PanelResult[]> {
  for (const { name, model } of o.models) if (modelDim(model) !== o.d) throw new RangeError(`model ${name} takes dimension ${modelDim(model)}, the evaluation ${o.d}`);
  const closed: Predictor[] = [zeroPredictor(), leastSquaresPredictor(), lsaPredictor(trainingLsaLimit(o.d, o.trainN, o.trainCov), 'lsa-limit')];
  const K = o.covariances;
  const P = o.promptsPerCovariance;
  const results: PanelResult[] = [];
  const root = new Stream(o.seed, ['evaluate']);
  const L = o.positions ?? o.maxM;
  if (!Number.isInteger(L) || L < 1 || L > o.maxM) throw new RangeError(`positions must be an integer from 1 to maxM = ${o.maxM}, got ${L}`);
  for (const panel of o.panels) {
    const b = firstPairs(samplePromptBatch(K * P, o.maxM, o.d, root.child(panel.name), { cov: panel.cov, scale: panel.scale, promptsPerCovariance: P }), L);
    const clusters = new Map<string, Float64Array[]>();
    const add = (name: string, pred: ArrayLike<number>): void => {
      const cl = Array.from({ length: K }, () => new Float64Array(L));
      for (let k = 0; k < K; k++)
        for (let p = 0; p < P; p++) {
          const i = k * P + p;
          for (let m = 0; m < L; m++) cl[k][m] += (pred[i * L + m] - b.ys[i * L + m]) ** 2 / o.d / P;
        }
      clusters.set(name, cl);
    };
    for (const p of closed) add(p.name, closedFormPredictions(p, b));
    for (const { name, model } of o.models) add(name, await modelErrors(model, b, o.chunk ?? 256));
    const bootRng = root.child(`bootstrap/${panel.name}`);
    const curves: Curve[] = [...clusters].map(([model, cl]) => ({ model, ...bootstrapBand(cl, bootRng.child(model), o.resamples ?? 1000, o.level ?? 0.9) }));
    results.push({ panel, ms: Array.from({ length: L }, (_, m) => m), curves, clusters });
  }
  return results;
}
