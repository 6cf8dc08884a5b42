/** Theorem 4.1 (C06, C08): the global minimum reached by gradient flow from Assumption 3.3. */
import { inverse, matmul, mul, scale, trace, zeros, symmetricEigen, type Mat } from '../linalg/matrix';
import { gamma } from './gamma';

/** Lemma 5.3: a stationary point with u ≠ 0 has V = uU = Γ⁻¹. */
export function lemma53StationaryV(lambda: Mat, n: number): Mat {
  return inverse(gamma(lambda, n));
}

/** The limit of Theorem 4.1: W^KQ_* = (tr Γ⁻²)^(−1/4) [[Γ⁻¹,0],[0,0]], W^PV_* = (tr Γ⁻²)^(1/4) [[0,0],[0,1]]. */
export function theorem41Limit(lambda: Mat, n: number): { u: number; U: Mat; V: Mat; wpv: Mat; wkq: Mat } {
  const d = lambda.length;
  const gi = inverse(gamma(lambda, n));
  const c = trace(matmul(gi, gi));
  const u = c ** 0.25;
  const U = scale(gi, c ** -0.25);
  const wpv = zeros(d + 1);
  wpv[d][d] = u;
  const wkq = zeros(d + 1);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) wkq[i][j] = U[i][j];
  return { u, U, V: gi, wpv, wkq };
}

/** The minimum value ½[tr Λ − tr(Γ⁻¹Λ²)] (spec C08, derived). */
export function theorem41MinimumValue(lambda: Mat, n: number): number {
  const gi = inverse(gamma(lambda, n));
  return 0.5 * (trace(lambda) - trace(mul(gi, lambda, lambda)));
}

/**
 * Theorem 4.1's condition on the initialization scale: σ < 2 / … as the paper states it. The paper's
 * condition (arXiv v3, Theorem 4.1) is σ² ‖Γ‖_op √d < 2; returns the largest admissible σ (exclusive).
 */
export function theorem41SigmaBound(lambda: Mat, n: number): number {
  const { values } = symmetricEigen(gamma(lambda, n));
  const gOp = Math.max(...values.map(Math.abs));
  return Math.sqrt(2 / (gOp * Math.sqrt(lambda.length)));
}
