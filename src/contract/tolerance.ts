/**
 * Tolerances from floating-point error analysis. u = 2⁻⁵³ is the unit roundoff of binary64; a sum of n
 * products computed in floating point is within γ_n = n·u / (1 − n·u) of the exact value, relative to the
 * sum of the absolute values of its terms (Higham, Accuracy and Stability of Numerical Algorithms, §3.1).
 * A linear solve or inverse with condition number κ loses up to a factor κ more.
 */

/** Unit roundoff of binary64. */
export const UNIT_ROUNDOFF = 2 ** -53;

/** γ_n = n·u / (1 − n·u). */
export function gammaN(n: number): number {
  const nu = n * UNIT_ROUNDOFF;
  return nu / (1 - nu);
}

/** Safety factor applied on top of worst-case bounds that are attained only in contrived cases. */
export const SAFETY = 4;

/**
 * Relative error bound for a result obtained through linear solves/inverses of d×d matrices with
 * condition numbers `kappas` (each solve contributes ~ c·d·u·κ, Higham Thm 9.4/14.?), plus `terms`
 * accumulated products: SAFETY · (γ_terms + Σ_k γ_{d²}·κ_k).
 */
export function solveTolerance(d: number, kappas: readonly number[], terms = d * d): number {
  return SAFETY * (gammaN(terms) + kappas.reduce((s, k) => s + gammaN(d * d) * k, 0));
}

/**
 * Relative error bound for a quantity obtained from the exact-moment route (entries that are sums of up
 * to 3d² Isserlis products, then a solve with P and Q) compared with the paper's closed form (a solve
 * with Γ): SAFETY · d · (γ_{3d²+8} κ(P) + γ_{d²} (κ(P) + κ(Q) + κ(Γ))). The factor d converts the
 * entrywise bound of the moment sums into a norm-wise one.
 */
export function momentSolveTolerance(d: number, kappaP: number, kappaQ: number, kappaGamma: number): number {
  return SAFETY * d * (gammaN(3 * d * d + 8) * kappaP + gammaN(d * d) * (kappaP + kappaQ + kappaGamma));
}

/**
 * Relative error bound for the exact route's minimizer V* = P⁻¹(B Q⁻¹) against the paper's Γ⁻¹:
 * {@link momentSolveTolerance} plus SAFETY · γ_d · κ(P)·κ(Q). The two solves compound: B Q⁻¹ carries a
 * relative error of about γ_d κ(Q) (a backward-stable solve of size d), and the solve with P amplifies a
 * relative perturbation of its right-hand side by up to κ(P). Measured (`npm run audit:range`): the error
 * grows like κ(Λ)²·u, which the sum κ(P) + κ(Q) alone under-covered from κ(Λ) = 1e5 at d = 8.
 */
export function minimizerTolerance(d: number, kappaP: number, kappaQ: number, kappaGamma: number): number {
  return momentSolveTolerance(d, kappaP, kappaQ, kappaGamma) + SAFETY * gammaN(d) * kappaP * kappaQ;
}

/**
 * The statistical budget (docs/statistics.md). One whole audit (`icl-audit verify`, every claim) may raise a
 * false alarm, a true claim reported falsified by chance, with probability at most AUDIT_FALSE_ALARM. The
 * audit makes at most SAMPLED_COMPARISONS_PER_AUDIT sampled comparisons (39 counted in docs/statistics.md;
 * the rest is headroom for claims still to come), so by the union bound (Bonferroni) each comparison gets
 * COMPARISON_ALPHA. A comparison is one z-test, one interval, or one family of simultaneous intervals
 * (which splits its share again over its cases and entries).
 */
export const AUDIT_FALSE_ALARM = 1e-6;
/** Upper bound on the sampled comparisons of one audit (recount in docs/statistics.md when adding one). */
export const SAMPLED_COMPARISONS_PER_AUDIT = 40;
/** The level of one sampled comparison: AUDIT_FALSE_ALARM / SAMPLED_COMPARISONS_PER_AUDIT = 2.5e-8. */
export const COMPARISON_ALPHA = AUDIT_FALSE_ALARM / SAMPLED_COMPARISONS_PER_AUDIT;
/** The two-sided normal critical value of COMPARISON_ALPHA, Φ⁻¹(1 − α/2) = 5.5733 (checked against src/montecarlo's quantile in a test). */
export const COMPARISON_Z = 5.5733;

/**
 * The family-wise error rate allowed to the sampled (Monte Carlo) checks of one claim in one run: one
 * comparison's share of the audit's budget. Each sampled case gets α/K of it (Bonferroni over the K cases),
 * and its estimator splits that again over its quantities, so a true claim is reported falsified with
 * probability ≤ α, and the whole audit with probability ≤ AUDIT_FALSE_ALARM: never flaky in CI.
 */
export const SAMPLED_FAMILY_ALPHA = COMPARISON_ALPHA;
