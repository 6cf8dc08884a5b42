/** Corollary 4.3 (C09): the trained LSA's prediction on a test prompt of length M. */
import { inverse, type Mat } from '../linalg/matrix';
import { gamma } from './gamma';

/** ŷ = x_qᵀ Γ⁻¹ (1/M) Σ y_i x_i, given s = (1/M) Σ y_i x_i. */
export function corollary43Predict(lambda: Mat, n: number, s: readonly number[], xq: readonly number[]): number {
  const gi = inverse(gamma(lambda, n));
  let out = 0;
  for (let i = 0; i < gi.length; i++) for (let j = 0; j < gi.length; j++) out += xq[i] * gi[i][j] * s[j];
  return out;
}
