/**
 * Isserlis' rule (src/moments/isserlis) at its edges: odd orders have no perfect matchings, and a zero
 * weight in E[x xᵀ A x xᵀ] contributes nothing even where the fourth moment it would multiply overflows
 * float64 (0 · ∞ would be NaN).
 */
import { describe, expect, it } from 'vitest';
import { fourthMoment, gaussianMoment, perfectMatchings } from '../../src/moments/isserlis';

describe('Isserlis at the edges', () => {
  it('an odd number of indices (or a negative one) has no perfect matching', () => {
    for (const n of [1, 3, 5, -1]) expect(perfectMatchings(n)).toEqual([]);
    expect(perfectMatchings(0)).toEqual([[]]);
    expect(perfectMatchings(2)).toEqual([[[0, 1]]]);
  });

  it('odd Gaussian moments vanish', () => {
    expect(gaussianMoment([[2, 0.5], [0.5, 1]], [0, 1, 1])).toBe(0);
    expect(gaussianMoment([[2]], [0])).toBe(0);
  });

  it('fourthMoment skips zero weights: Λ = diag(1e200, 1), A = diag(0, 1) gives E[x₀² x₁²] = 1e200 at (0, 0)', () => {
    // (0, 0): Σ_jk E[x₀ x_j x_k x₀] A_jk = E[x₀² x₁²] = λ₀λ₁ = 1e200 (the j = k = 0 term, 3λ₀² = ∞, has weight 0);
    // (1, 1): E[x₁⁴] = 3; off the diagonal every term has an odd power of a coordinate, 0.
    expect(fourthMoment([[1e200, 0], [0, 1]], [[0, 0], [0, 1]])).toEqual([[1e200, 0], [0, 3]]);
  });
});
