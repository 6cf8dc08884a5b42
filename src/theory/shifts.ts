/**
 * The paper's statements about distribution shifts (§4.2, C11–C15) and random covariances (§4.3,
 * Theorem 4.5, C16–C17), as one replaceable set: claims take a `ShiftFormulas` so a test can feed wrong
 * ones (c instead of c², the ⅓ replaced) and watch them come out falsified. Forms the paper does not print
 * are marked *derived* (spec §4) and are checked as such. Nothing here is used to check itself.
 */
import { diag, identity, inverse, matmul, mul, scale, sub, symmetricEigen, trace, transpose, type Mat } from '../linalg/matrix';
import { lemmaD2 } from './lemmaD2';
import { gamma as paperGamma } from './gamma';

/** Raw moments m_k = E[λᵏ] of the entries of a random diagonal covariance. */
export type EntryMoments = (k: number) => number;

/** The statements, each named after its source. */
export interface ShiftFormulas {
  /** Γ = (1 + 1/N)Λ + (tr Λ/N) I (Theorem 4.1). */
  gamma(lambda: Mat, n: number): Mat;
  /**
   * Theorem 4.2, eq. (4.6), for y = ⟨w, x⟩ + ε with w from a task law of second moment Σ_w (averaged over
   * it, which (4.6) allows since it holds for every fixed w) and noise variance s²: the error against the
   * noiseless ⟨w, x_q⟩, i.e. (4.6) minus the best linear error s²:
   * (1/M) tr(ΣΓ⁻²Λ) + (1/N²)[tr(Σ_wΓ⁻²Λ³) + 2 tr Λ tr(Σ_wΓ⁻²Λ²) + (tr Λ)² tr(Σ_wΓ⁻²Λ)],
   * Σ = E[Cov(xy | w)] = E[xxᵀΣ_wxxᵀ] − ΛΣ_wΛ + s²Λ (Lemma D.2 for the first term).
   */
  theorem42TaskShiftError(lambda: Mat, n: number, m: number, taskCov: Mat, noiseVar: number): number;
  /**
   * §4.2, (4.7)–(4.8): for large M the prediction tends to x_qᵀΓ⁻¹Λ′w for prompt covariance Λ′; the paper
   * reads it at large N (Γ⁻¹ ≈ Λ⁻¹): x_qᵀw when Λ′ = Λ (task and query shifts), c²x_qᵀw when the covariates
   * are scaled by c. Returned: the matrix T with ŷ → x_qᵀ T w in the paper's N → ∞ reading.
   */
  section42LimitMap(lambda: Mat, lambdaTest: Mat): Mat;
  /**
   * (derived, spec C13/C15) The M → ∞ error of the trained LSA when prompt and query covariates have
   * covariance Λ′ (tasks N(0, I)): tr[(Γ⁻¹Λ′ − I)ᵀ Λ′ (Γ⁻¹Λ′ − I)]. With Λ′ = Λ it is C15's
   * tr[(Γ⁻¹Λ − I)²Λ] = O(1/N²).
   */
  shiftedLimitError(lambda: Mat, n: number, lambdaTest: Mat): number;
  /**
   * (derived, C12) The M → ∞ error under a query shift of second moment Λ_q and task second moment Σ_w:
   * tr[Σ_w (ΛΓ⁻¹ − I) Λ_q (Γ⁻¹Λ − I)].
   */
  queryShiftLimitError(lambda: Mat, n: number, queryCov: Mat, taskCov: Mat): number;
  /** §4.2: "if the query example is orthogonal to the subspace spanned by the x_i's, the prediction will be zero". */
  orthogonalQueryPrediction(): number;
  /** Corollary 4.3's constants of the rates: error ≤ (d+1) tr Λ / M + (1 + 2d + d²κ) tr Λ / N². */
  corollary43Constants(lambda: Mat): { perM: number; perN2: number };
  /** Theorem 4.5, (4.12): Q = [E Γ_τΛ_τ²]⁻¹ E[Λ_τ²] for i.i.d. entries with moments m_k (d×d, diagonal). */
  theorem45Q(moments: EntryMoments, d: number, n: number): Mat;
  /** Theorem 4.5, (4.12): the limit u_* = ‖Q‖_F^{1/2} (W^PV_*'s corner) and U_* = ‖Q‖_F^{−1/2} Q (W^KQ_*'s block). */
  theorem45Limit(moments: EntryMoments, d: number, n: number): { u: number; U: Mat; V: Mat };
  /**
   * Theorem 4.5, (4.11) *(reconstructed)*: σ² < 2‖E[Λ_τ]Θ‖²_F / (√d E[‖Γ_τ‖_op ‖Λ_τΘ‖²_F]); the expectation
   * in the denominator is handed in (it has no closed form; the caller estimates it).
   */
  theorem45SigmaBound(moments: EntryMoments, theta: Mat, expectedGammaOpLambdaTheta: number): number;
  /** (4.13): as M → ∞, ŷ → x_qᵀ E[Λ²][E Γ_τΛ_τ²]⁻¹ Λ_new w: the matrix multiplying Λ_new. */
  eq413Map(moments: EntryMoments, d: number, n: number): Mat;
  /** After (4.13), N, M → ∞: E[ŷ | x_q, w] → x_qᵀ E[Λ²] E[Λ³]⁻¹ E[Λ] w, i.e. slope m₂m₁/m₃ per coordinate (⅓ for Exp(1)). */
  eq413Slope(moments: EntryMoments): number;
}

/** The paper's shift formulas, with any replaced by `overrides`. */
export function shiftFormulas(overrides: Partial<ShiftFormulas> = {}): ShiftFormulas {
  const f: ShiftFormulas = {
    gamma: paperGamma,
    theorem42TaskShiftError(lambda, n, m, taskCov, noiseVar) {
      const gi = inverse(f.gamma(lambda, n));
      const gi2 = matmul(gi, gi);
      const tl = trace(lambda);
      const sigma = sub(lemmaD2(lambda, taskCov), mul(lambda, taskCov, lambda)).map((r, i) => r.map((v, j) => v + noiseVar * lambda[i][j]));
      const t = (a: Mat) => trace(matmul(taskCov, a));
      const l2 = matmul(lambda, lambda);
      const bias = t(mul(gi2, l2, lambda)) + 2 * tl * t(matmul(gi2, l2)) + tl * tl * t(matmul(gi2, lambda));
      return trace(mul(sigma, gi2, lambda)) / m + bias / (n * n);
    },
    section42LimitMap(lambda, lambdaTest) {
      return matmul(inverse(lambda), lambdaTest);
    },
    shiftedLimitError(lambda, n, lambdaTest) {
      const e = sub(matmul(inverse(f.gamma(lambda, n)), lambdaTest), identity(lambda.length));
      return trace(mul(transpose(e), lambdaTest, e));
    },
    queryShiftLimitError(lambda, n, queryCov, taskCov) {
      const gi = inverse(f.gamma(lambda, n));
      const left = sub(matmul(lambda, gi), identity(lambda.length));
      return trace(mul(taskCov, left, queryCov, transpose(left)));
    },
    orthogonalQueryPrediction: () => 0,
    corollary43Constants(lambda) {
      const d = lambda.length;
      const { kappa } = conditionOf(lambda);
      const tl = trace(lambda);
      return { perM: (d + 1) * tl, perN2: (1 + 2 * d + d * d * kappa) * tl };
    },
    theorem45Q(mom, d, n) {
      // E[Γ_τ Λ_τ²]_jj = E[((N+1)/N) λ_j³ + (1/N) λ_j² Σ_k λ_k] = ((N+1)/N) m3 + (m3 + (d − 1) m2 m1)/N
      const eGL2 = ((n + 1) / n) * mom(3) + (mom(3) + (d - 1) * mom(2) * mom(1)) / n;
      return diag(new Array<number>(d).fill(mom(2) / eGL2));
    },
    theorem45Limit(mom, d, n) {
      const q = f.theorem45Q(mom, d, n);
      const norm = Math.sqrt(trace(matmul(q, transpose(q))));
      return { u: Math.sqrt(norm), U: scale(q, 1 / Math.sqrt(norm)), V: q };
    },
    theorem45SigmaBound(mom, theta, expected) {
      const d = theta.length;
      const eLT = scale(theta, mom(1)); // E[Λ_τ] = m1 I
      const num = 2 * trace(matmul(eLT, transpose(eLT)));
      return Math.sqrt(num / (Math.sqrt(d) * expected));
    },
    eq413Map(mom, d, n) {
      return f.theorem45Q(mom, d, n);
    },
    eq413Slope(mom) {
      return (mom(2) * mom(1)) / mom(3);
    },
    ...overrides,
  };
  return f;
}

function conditionOf(a: Mat): { kappa: number } {
  const vals = symmetricEigen(a).values;
  return { kappa: vals[vals.length - 1] / vals[0] };
}
