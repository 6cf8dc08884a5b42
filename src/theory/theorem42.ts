/** Theorem 4.2 (C10): prediction error of the trained LSA on test prompts of length M. */
import type { Mat } from '../linalg/matrix';
import { paperFormulas } from './formulas';

/**
 * The Gaussian linear case (spec C10, derived): E(ŷ − ⟨w, x_q⟩)² =
 * (1 + 1/M) tr(Γ⁻²Λ³) + (tr Λ / M) tr(Γ⁻²Λ²) − 2 tr(Γ⁻¹Λ²) + tr Λ.
 */
export function theorem42Error(lambda: Mat, n: number, m: number): number {
  return paperFormulas().theorem42Error(lambda, n, m);
}
