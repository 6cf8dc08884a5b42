/**
 * Lemma 5.1's objects (src/theory/lemma51) against their definitions worked by hand: U from W^PV and W^KQ,
 * Vec by columns, X of (5.1), and H = ½ X ⊗ (E Eᵀ / N) against a Kronecker product written out here.
 */
import { describe, expect, it } from 'vitest';
import { lemma51H, lemma51NegativeCount, lemma51U, lemma51X, vecColumns } from '../../src/theory/lemma51';

describe('Lemma 5.1 by hand', () => {
  it('U = [[W₁₁^KQ, w₂₁^PV], [(w₂₁^KQ)ᵀ, w₂₂^PV]]: the first d columns of W^KQ beside the last row of W^PV', () => {
    const wkq = [[1, 2, 3], [4, 5, 6], [7, 8, 9]];
    const wpv = [[-1, -2, -3], [-4, -5, -6], [10, 11, 12]];
    expect(lemma51U(wpv, wkq)).toEqual([[1, 2, 10], [4, 5, 11], [7, 8, 12]]);
  });

  it('Vec stacks the columns (a 3×2 matrix, so rows and columns cannot be confused)', () => {
    expect(vecColumns([[1, 2], [3, 4], [5, 6]])).toEqual([1, 3, 5, 2, 4, 6]);
    expect(vecColumns([[1, 2, 3]])).toEqual([1, 2, 3]);
  });

  it('X = [[0, x_q], [x_qᵀ, 0]]', () => {
    expect(lemma51X([2, -3])).toEqual([[0, 0, 2], [0, 0, -3], [2, -3, 0]]);
  });

  it('H = ½ X ⊗ (E Eᵀ / N) entry by entry (d = 2, N = 3)', () => {
    // E is 3×4: three prompt columns (x_i, y_i) and the query column (x_q, 0) = (1.5, −0.5, 0).
    const e = [[1, -2, 0.5, 1.5], [0.3, 1, -1, -0.5], [2, -1, 0.25, 0]];
    const n = 3;
    const g = e.map((ri) => e.map((rj) => ri.reduce((s, v, k) => s + v * rj[k], 0) / n));
    const x = [[0, 0, 1.5], [0, 0, -0.5], [1.5, -0.5, 0]];
    const h = lemma51H(e);
    expect(h.length).toBe(9);
    for (let a = 0; a < 3; a++)
      for (let b = 0; b < 3; b++)
        for (let i = 0; i < 3; i++)
          for (let j = 0; j < 3; j++) {
            expect(h[a * 3 + i].length).toBe(9);
            expect(Math.abs(h[a * 3 + i][b * 3 + j] - 0.5 * x[a][b] * g[i][j])).toBeLessThan(1e-15);
          }
  });

  it('the zero blocks of X stay exactly 0 even where E Eᵀ/N overflows (0 · ∞ would be NaN)', () => {
    // entries 1e160: (E Eᵀ)_ij ≈ 1e320 = ∞ in float64; ½X_ab = 0 for a, b < d must leave those blocks 0
    const e = [[1e160, 1e160, 1e160], [1e160, 1e160, 0]];
    const h = lemma51H(e);
    expect([h[0][0], h[0][1], h[1][0], h[1][1]]).toEqual([0, 0, 0, 0]);
    expect(h[0][2]).toBe(Number.POSITIVE_INFINITY);
  });

  it('the remark: at least d + 1 negative eigenvalues', () => {
    expect([1, 2, 5].map(lemma51NegativeCount)).toEqual([2, 3, 6]);
  });
});
