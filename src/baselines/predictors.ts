/**
 * Closed-form in-context predictors, in float64: given one prompt (x_1, y_1), …, (x_M, y_M) and a query
 * x_q, each returns a prediction ŷ of ⟨w, x_q⟩. They are the baselines every trained model and every
 * distribution shift is compared with: zero, least squares (minimum norm when M < d), ridge, the
 * Bayes-optimal predictor for Gaussian tasks and noise, one step of (preconditioned) gradient descent
 * from w = 0, and the trained LSA's limit ŷ = sᵀ V x_q, s = (1/M) Σ y_i x_i, with V the minimizer of the
 * exact training loss (src/moments/), never the paper's formula (src/theory/).
 */
import { factor, flat, type Factor } from '../linalg/factor';
import type { Mat } from '../linalg/matrix';
import type { PromptBatch } from '../icl/prompts';
import { quadraticMinimizer, trainingLossModel } from '../moments/quadratic';
import { randomDiagonalMinimizer, randomDiagonalModel } from '../moments/randomDiagonal';
import { entryMoment, type EntryLaw } from '../icl/entryLaws';
import { leastSquaresWeights, ridgeWeights } from './solve';

/** One prompt: M labeled examples and a query, row-major (example i is xs[i·d … i·d + d − 1]). */
export interface Prompt {
  d: number;
  /** Number of labeled examples M. */
  m: number;
  /** Covariates, M·d. */
  xs: Float64Array;
  /** Labels, M. */
  ys: Float64Array;
  /** Query, d. */
  xq: Float64Array;
}

/** A predictor: a name for reports and ŷ for one prompt. */
export interface Predictor {
  name: string;
  predict(p: Prompt): number;
}

/** A predictor that first estimates a task ŵ from the prompt and predicts ŷ = ⟨ŵ, x_q⟩. */
export interface WeightPredictor extends Predictor {
  weights(p: Prompt): Float64Array;
}

/** Prompt b of a batch, as views (no copy). */
export function promptAt(batch: PromptBatch, b: number): Prompt {
  const { d, length: m } = batch;
  return {
    d,
    m,
    xs: batch.xs.subarray(b * m * d, (b + 1) * m * d),
    ys: batch.ys.subarray(b * m, (b + 1) * m),
    xq: batch.xq.subarray(b * d, (b + 1) * d),
  };
}

/** A prompt from arrays of rows: xs M×d, ys M, xq d (validated). */
export function promptOf(xs: readonly (readonly number[])[], ys: readonly number[], xq: readonly number[]): Prompt {
  const m = xs.length;
  const d = xq.length;
  if (m < 1) throw new RangeError('a prompt needs at least one example');
  if (ys.length !== m) throw new RangeError(`ys must have one label per example (${m}), got ${ys.length}`);
  if (xs.some((r) => r.length !== d)) throw new RangeError(`every covariate must have the query's dimension ${d}`);
  const flatXs = new Float64Array(m * d);
  xs.forEach((r, i) => flatXs.set(r, i * d));
  return { d, m, xs: flatXs, ys: Float64Array.from(ys), xq: Float64Array.from(xq) };
}

/** ŷ for every prompt of a batch. */
export function predictBatch(predictor: Predictor, batch: PromptBatch): Float64Array {
  const out = new Float64Array(batch.count);
  for (let b = 0; b < batch.count; b++) out[b] = predictor.predict(promptAt(batch, b));
  return out;
}

function dot(a: Float64Array, b: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i] * b[i];
  return s;
}

function weightPredictor(name: string, weights: (p: Prompt) => Float64Array): WeightPredictor {
  return { name, weights, predict: (p) => dot(weights(p), p.xq, p.d) };
}

/** s = (1/M) Σ y_i x_i. */
export function labelCovariateMean(p: Prompt): Float64Array {
  const { d, m, xs, ys } = p;
  const s = new Float64Array(d);
  for (let i = 0; i < m; i++) {
    const y = ys[i];
    for (let j = 0; j < d; j++) s[j] += y * xs[i * d + j];
  }
  for (let j = 0; j < d; j++) s[j] /= m;
  return s;
}

/** ŷ = 0. */
export function zeroPredictor(): Predictor {
  return { name: 'zero', predict: () => 0 };
}

/** Least squares: ŵ = X⁺y, the minimum-norm solution when M < d (or X is rank-deficient). */
export function leastSquaresPredictor(): WeightPredictor {
  return weightPredictor('least-squares', (p) => leastSquaresWeights(p.xs, p.m, p.d, p.ys));
}

/** Ridge: ŵ = argmin ‖Xw − y‖² + λ‖w‖² = (XᵀX + λI)⁻¹Xᵀy, λ > 0 (the penalty on the sum of squares, not the mean). */
export function ridgePredictor(lambda: number): WeightPredictor {
  if (!(lambda > 0) || !Number.isFinite(lambda)) throw new RangeError(`ridge penalty must be a finite number > 0, got ${lambda}`);
  return weightPredictor(`ridge(${lambda})`, (p) => ridgeWeights(p.xs, p.m, p.d, p.ys, lambda));
}

/** Options of {@link bayesPredictor}: the prior and noise the predictor is optimal for. */
export interface BayesOptions {
  /** Prior second moment Σ_w of w ~ N(0, Σ_w), positive semidefinite (default I_d). */
  taskCov?: Mat;
  /** Standard deviation σ of Gaussian label noise y_i = ⟨w, x_i⟩ + ε_i (default 0). */
  noiseStd?: number;
}

/**
 * The Bayes-optimal predictor for w ~ N(0, Σ_w) and y_i = ⟨w, x_i⟩ + N(0, σ²): the posterior mean
 * E[⟨w, x_q⟩ | prompt] = ⟨ŵ, x_q⟩, ŵ = Σ_w Xᵀ(XΣ_wXᵀ + σ²I)⁻¹y. Computed as w = F v, v ~ N(0, I)
 * (Σ_w = FFᵀ): the posterior mean of v is ridge with penalty σ² on Z = XF (σ > 0), or Z's minimum-norm
 * interpolant (σ = 0), and ŵ = F v̂. Needs d (the size of Σ_w) to match the prompts.
 */
export function bayesPredictor(d: number, options: BayesOptions = {}): WeightPredictor {
  const noise = options.noiseStd ?? 0;
  if (!(noise >= 0) || !Number.isFinite(noise)) throw new RangeError(`noiseStd must be a finite number ≥ 0, got ${noise}`);
  const f: Factor | null = options.taskCov ? factor(options.taskCov) : null;
  if (f && f.n !== d) throw new RangeError(`taskCov must be ${d}×${d}, got ${f.n} rows`);
  const full = f ? f.f : null;
  return weightPredictor(noise > 0 ? `bayes(σ=${noise})` : 'bayes', (p) => {
    if (p.d !== d) throw new RangeError(`prompt dimension ${p.d} differs from the prior's ${d}`);
    let z = p.xs;
    if (full) {
      z = new Float64Array(p.m * d);
      for (let i = 0; i < p.m; i++)
        for (let j = 0; j < d; j++) {
          let s = 0;
          for (let k = 0; k < d; k++) s += p.xs[i * d + k] * full[k * d + j];
          z[i * d + j] = s;
        }
    }
    const v = noise > 0 ? ridgeWeights(z, p.m, d, p.ys, noise * noise) : leastSquaresWeights(z, p.m, d, p.ys);
    if (!full) return v;
    const w = new Float64Array(d);
    for (let j = 0; j < d; j++) w[j] = dot(full.subarray(j * d, (j + 1) * d), v, d);
    return w;
  });
}

/** Options of {@link gradientStepPredictor}. */
export interface GradientStepOptions {
  /** Step size η (default 1). */
  eta?: number;
  /** Preconditioner P, d×d (default I). */
  preconditioner?: Mat;
}

/**
 * One step of (preconditioned) gradient descent from w = 0 on the prompt's loss (1/2M) Σ (⟨w, x_i⟩ − y_i)²:
 * ŵ = η P (1/M) Σ y_i x_i, ŷ = ⟨ŵ, x_q⟩.
 */
export function gradientStepPredictor(options: GradientStepOptions = {}): WeightPredictor {
  const eta = options.eta ?? 1;
  if (!Number.isFinite(eta)) throw new RangeError(`eta must be a finite number, got ${eta}`);
  const pre = options.preconditioner ? flat(options.preconditioner) : null;
  const n = options.preconditioner?.length ?? 0;
  return weightPredictor(pre ? 'gd-step(preconditioned)' : `gd-step(η=${eta})`, (p) => {
    const s = labelCovariateMean(p);
    if (!pre) return s.map((x) => eta * x);
    if (n !== p.d) throw new RangeError(`preconditioner is ${n}×${n}, prompt dimension ${p.d}`);
    const w = new Float64Array(p.d);
    for (let i = 0; i < p.d; i++) w[i] = eta * dot(pre.subarray(i * n, (i + 1) * n), s, n);
    return w;
  });
}

/** The LSA's prediction with reduced parameter V (spec §3): ŷ = sᵀ V x_q, s = (1/M) Σ y_i x_i. */
export function lsaPredictor(v: Mat, name = 'lsa'): Predictor {
  const d = v.length;
  const fv = flat(v);
  return {
    name,
    predict(p) {
      if (p.d !== d) throw new RangeError(`V is ${d}×${d}, prompt dimension ${p.d}`);
      const s = labelCovariateMean(p);
      let out = 0;
      for (let i = 0; i < d; i++) out += s[i] * dot(fv.subarray(i * d, (i + 1) * d), p.xq, d);
      return out;
    },
  };
}

/**
 * The V the trained LSA converges to on training covariance Λ and prompt length N (Theorem 4.1): the
 * minimizer of the exact population loss (src/moments/, from ŷ's definition; C08 checks that gradient
 * flow reaches it and that it equals the paper's Γ⁻¹).
 */
export function lsaLimitV(lambda: Mat, n: number): Mat {
  return quadraticMinimizer(trainingLossModel(lambda, n));
}

/** The trained LSA's limit as a predictor: ŷ = sᵀ V_* x_q with V_* = {@link lsaLimitV}(Λ, N). */
export function lsaLimitPredictor(lambda: Mat, n: number): Predictor {
  return lsaPredictor(lsaLimitV(lambda, n), 'lsa-limit');
}

/**
 * The V the LSA converges to when trained on prompts with their own random covariance
 * Λ_τ = diag(λ_τ1…λ_τd), entries i.i.d. from `law`, prompt length N (Theorem 4.5, (4.12)): the minimizer
 * of the exact averaged loss (src/moments/randomDiagonal.ts), never the paper's formula.
 */
export function randomCovLimitV(law: EntryLaw, d: number, n: number): Mat {
  return randomDiagonalMinimizer(randomDiagonalModel((k) => entryMoment(law, k), d, n));
}

/** The random-covariance LSA limit as a predictor (the "LSA limit of (4.13)" in Figure 1). */
export function randomCovLimitPredictor(law: EntryLaw, d: number, n: number): Predictor {
  return lsaPredictor(randomCovLimitV(law, d, n), 'lsa-limit-random-cov');
}
