/**
 * The paper's statements gathered as one replaceable set. Claims take a `PaperFormulas` so that a test
 * can feed deliberately wrong formulas (Γ without its (1 + 1/N) factor, 1/M read as 1/N, …) through the
 * same machinery and watch them come out falsified. Every formula built on Γ uses the set's own `gamma`,
 * so replacing Γ replaces it everywhere, as a typo in the paper's definition would.
 */
import { inverse, matmul, mul, scale, symmetricEigen, trace, zeros, type Mat } from '../linalg/matrix';
import { gamma as paperGamma } from './gamma';
import { lemmaD2, lemmaD2Sample } from './lemmaD2';
import { corollaryA2MinLoss, lemma54Mu, lemmaA5USquaredBound } from './lemma54';
import { lemma51H, lemma51NegativeCount } from './lemma51';

/** The paper's closed forms, each named after its source. */
export interface PaperFormulas {
  /** Γ = (1 + 1/N)Λ + (tr Λ/N) I (Theorem 4.1). */
  gamma(lambda: Mat, n: number): Mat;
  /** Lemma D.2: E[x xᵀ A x xᵀ]. */
  lemmaD2(lambda: Mat, a: Mat): Mat;
  /** Lemma D.2, sample form: E[S A S]. */
  lemmaD2Sample(lambda: Mat, a: Mat, n: number): Mat;
  /** Lemma 5.3: the stationary V = uU (u ≠ 0), Γ⁻¹. */
  lemma53StationaryV(lambda: Mat, n: number): Mat;
  /** Theorem 4.1: the limit (u, U, V = uU, W^PV, W^KQ). */
  theorem41Limit(lambda: Mat, n: number): { u: number; U: Mat; V: Mat; wpv: Mat; wkq: Mat };
  /** Theorem 4.1 (derived): the minimum value ½[tr Λ − tr(Γ⁻¹Λ²)]. */
  theorem41MinimumValue(lambda: Mat, n: number): number;
  /** Theorem 4.1: the largest σ the assumption admits (exclusive). */
  theorem41SigmaBound(lambda: Mat, n: number): number;
  /** Corollary 4.3: ŷ = x_qᵀ Γ⁻¹ s, s = (1/M) Σ y_i x_i. */
  corollary43Predict(lambda: Mat, n: number, s: readonly number[], xq: readonly number[]): number;
  /** Theorem 4.2 (Gaussian linear case, derived): E(ŷ − ⟨w, x_q⟩)² on test prompts of length M. */
  theorem42Error(lambda: Mat, n: number, m: number): number;
  /**
   * Theorem 4.2 as the paper states it, for one test distribution of (x, y) with x ~ N(0, Λ):
   * E(ŷ − y)² = min_w E(⟨w,x⟩ − y)² + (1/M) tr(Σ Γ⁻² Λ)
   *   + (1/N²)[aᵀΓ⁻²Λ³a + 2 tr(Λ) aᵀΓ⁻²Λ²a + tr(Λ)² aᵀΓ⁻²Λa],
   * a = Λ⁻¹E[xy] the best linear predictor, Σ = Cov(xy). (Restated from secondary sources: the paper's
   * text was not reachable; the spec asks that this form be checked too.)
   */
  theorem42General(lambda: Mat, n: number, m: number, a: readonly number[], sigmaXY: Mat, minError: number): number;
  /** Corollary 4.3 as restated by a secondary source: error ≤ (d+1) tr Λ / M + (1 + 2d + d²κ) tr Λ / N², κ = cond(Λ). */
  corollary43Bound(lambda: Mat, n: number, m: number): number;
  /** Corollary 4.3: the error the model learns up to, η = (1 + 2d + d²κ) tr Λ / N². */
  corollary43Eta(lambda: Mat, n: number): number;
  /** Corollary 4.3's middle bound: (d+1) tr Λ/M + [tr Λ + 2d tr Λ + tr(Λ⁻¹) tr(Λ)²]/N². */
  corollary43MiddleBound(lambda: Mat, n: number, m: number): number;
  /** §4.1 before Corollary 4.3, fixed w: (d+1)‖w‖²_Λ/M + [‖w‖²_Λ + 2‖w‖² tr Λ + ‖w‖²_{Λ⁻¹} tr(Λ)²]/N². */
  fixedTaskBound(lambda: Mat, n: number, m: number, w: readonly number[]): number;
  /** Lemma A.3 (A.12): the quantity conserved along gradient flow, u² − ‖U‖_F² (0 under Assumption 3.3). */
  conservedQuantity(u: number, U: Mat): number;
  /** Corollary A.2: min ℓ̃ = −½ tr(Λ²Γ⁻¹) (ℓ̃ = L − ½ tr Λ, eq. 5.5). */
  corollaryA2MinLoss(lambda: Mat, n: number): number;
  /** Lemma 5.4, (5.7): the PL constant μ (reconstructed from the proof; see lemma54.ts). */
  lemma54Mu(lambda: Mat, n: number, sigma: number, theta: Mat): number;
  /** Lemma A.5, (A.14) squared: the lower bound on u(t)² (reconstructed from the proof). */
  lemmaA5USquared(lambda: Mat, n: number, sigma: number, theta: Mat): number;
  /** Lemma 5.1, (5.1): H = ½ X ⊗ (EEᵀ/N) of one prompt's embedding E. */
  lemma51H(e: Mat): Mat;
  /** The remark after Lemma 5.1: H has at least this many negative eigenvalues (d + 1). */
  lemma51NegativeCount(d: number): number;
}

/** The paper's formulas, with any of them replaced by `overrides`. */
export function paperFormulas(overrides: Partial<PaperFormulas> = {}): PaperFormulas {
  const f: PaperFormulas = {
    gamma: paperGamma,
    lemmaD2,
    lemmaD2Sample,
    lemma53StationaryV: (lambda, n) => inverse(f.gamma(lambda, n)),
    theorem41Limit(lambda, n) {
      const d = lambda.length;
      const gi = inverse(f.gamma(lambda, n));
      const c = trace(matmul(gi, gi));
      const u = c ** 0.25;
      const U = scale(gi, c ** -0.25);
      const wpv = zeros(d + 1);
      wpv[d][d] = u;
      const wkq = zeros(d + 1);
      for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) wkq[i][j] = U[i][j];
      return { u, U, V: gi, wpv, wkq };
    },
    theorem41MinimumValue(lambda, n) {
      const gi = inverse(f.gamma(lambda, n));
      return 0.5 * (trace(lambda) - trace(mul(gi, lambda, lambda)));
    },
    theorem41SigmaBound(lambda, n) {
      const { values } = symmetricEigen(f.gamma(lambda, n));
      const gOp = Math.max(...values.map(Math.abs));
      return Math.sqrt(2 / (gOp * Math.sqrt(lambda.length)));
    },
    corollary43Predict(lambda, n, s, xq) {
      const gi = inverse(f.gamma(lambda, n));
      let out = 0;
      for (let i = 0; i < gi.length; i++) for (let j = 0; j < gi.length; j++) out += xq[i] * gi[i][j] * s[j];
      return out;
    },
    theorem42Error(lambda, n, m) {
      const gi = inverse(f.gamma(lambda, n));
      const gi2 = matmul(gi, gi);
      const l2 = matmul(lambda, lambda);
      const l3 = matmul(l2, lambda);
      const tl = trace(lambda);
      return (1 + 1 / m) * trace(matmul(gi2, l3)) + (tl / m) * trace(matmul(gi2, l2)) - 2 * trace(matmul(gi, l2)) + tl;
    },
    theorem42General(lambda, n, m, a, sigmaXY, minError) {
      const gi = inverse(f.gamma(lambda, n));
      const gi2 = matmul(gi, gi);
      const l2 = matmul(lambda, lambda);
      const quad = (b: Mat): number => a.reduce((s, ai, i) => s + ai * b[i].reduce((t, bij, j) => t + bij * a[j], 0), 0);
      const tl = trace(lambda);
      const bias = quad(mul(gi2, l2, lambda)) + 2 * tl * quad(matmul(gi2, l2)) + tl * tl * quad(matmul(gi2, lambda));
      return minError + trace(mul(sigmaXY, gi2, lambda)) / m + bias / (n * n);
    },
    corollary43Bound(lambda, n, m) {
      const d = lambda.length;
      const { values } = symmetricEigen(lambda);
      const kappa = values[d - 1] / values[0];
      const tl = trace(lambda);
      return ((d + 1) * tl) / m + ((1 + 2 * d + d * d * kappa) * tl) / (n * n);
    },
    corollary43Eta(lambda, n) {
      const d = lambda.length;
      const { values } = symmetricEigen(lambda);
      const kappa = values[d - 1] / values[0];
      return ((1 + 2 * d + d * d * kappa) * trace(lambda)) / (n * n);
    },
    corollary43MiddleBound(lambda, n, m) {
      const d = lambda.length;
      const tl = trace(lambda);
      return ((d + 1) * tl) / m + (tl + 2 * d * tl + trace(inverse(lambda)) * tl * tl) / (n * n);
    },
    fixedTaskBound(lambda, n, m, w) {
      const d = lambda.length;
      const quad = (b: Mat): number => w.reduce((s, wi, i) => s + wi * b[i].reduce((t, bij, j) => t + bij * w[j], 0), 0);
      const wl = quad(lambda);
      const w2 = w.reduce((s, x) => s + x * x, 0);
      const tl = trace(lambda);
      return ((d + 1) * wl) / m + (wl + 2 * w2 * tl + quad(inverse(lambda)) * tl * tl) / (n * n);
    },
    corollaryA2MinLoss: (lambda, n) => corollaryA2MinLoss(lambda, f.gamma(lambda, n)),
    lemma54Mu: (lambda, n, sigma, theta) => lemma54Mu(lambda, f.gamma(lambda, n), sigma, theta),
    lemmaA5USquared: (lambda, n, sigma, theta) => lemmaA5USquaredBound(lambda, f.gamma(lambda, n), sigma, theta),
    lemma51H,
    lemma51NegativeCount,
    conservedQuantity(u, U) {
      let s = 0;
      for (const row of U) for (const x of row) s += x * x;
      return u * u - s;
    },
    ...overrides,
  };
  return f;
}
