/** Theorem 4.2 (C10): prediction error of the trained LSA on test prompts of length M. */
import { inverse, matmul, mul, trace, type Mat } from '../linalg/matrix';
import { gamma } from './gamma';

/**
 * The Gaussian linear case (spec C10, derived): E(ŷ − ⟨w, x_q⟩)² =
 * (1 + 1/M) tr(Γ⁻²Λ³) + (tr Λ / M) tr(Γ⁻²Λ²) − 2 tr(Γ⁻¹Λ²) + tr Λ.
 */
export function theorem42Error(lambda: Mat, n: number, m: number): number {
  const gi = inverse(gamma(lambda, n));
  const gi2 = matmul(gi, gi);
  const l2 = matmul(lambda, lambda);
  const l3 = matmul(l2, lambda);
  const tl = trace(lambda);
  return (1 + 1 / m) * trace(matmul(gi2, l3)) + (tl / m) * trace(matmul(gi2, l2)) - 2 * trace(matmul(gi, l2)) + tl;
}
