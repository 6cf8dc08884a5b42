/** Corollary 4.3 (C09): the trained LSA's prediction on a test prompt of length M. */
import type { Mat } from '../linalg/matrix';
import { paperFormulas } from './formulas';

/** ŷ = x_qᵀ Γ⁻¹ (1/M) Σ y_i x_i, given s = (1/M) Σ y_i x_i. */
export function corollary43Predict(lambda: Mat, n: number, s: readonly number[], xq: readonly number[]): number {
  return paperFormulas().corollary43Predict(lambda, n, s, xq);
}
