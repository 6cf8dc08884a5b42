/**
 * The averaged error model over random diagonal Λ_τ (src/moments/randomDiagonal) against closed forms
 * worked by hand, for any d and M, and its gradient against finite differences of its error.
 *
 * By hand: with S = (1/M) Σ_a x_a x_aᵀ, x_a ~ N(0, diag λ), (S S)_ii = (1/M²) Σ_{a,b} Σ_k x_ai x_ak x_bk x_bi;
 * the M terms a = b give Σ_k E[x_i² x_k²] = 3λ_i² + λ_i Σ_{k≠i} λ_k, the M(M − 1) terms a ≠ b give λ_i², so
 *   P_ii = (1 + 2/M) λ_i² + (λ_i/M) Σ_{k≠i} λ_k,  and with i.i.d. λ of raw moments m_1, m_2, m_3:
 *   A_ii = E[P_ii λ_i] = (1 + 2/M) m_3 + (d − 1) m_2 m_1 / M,
 *   A_ij = E[P_ii λ_j] = (1 + 2/M) m_2 m_1 + (m_1 m_2 + (d − 2) m_1³) / M   (j ≠ i),
 *   b_i = m_2, c = d m_1, and every off-diagonal E P_il (i ≠ l) is 0.
 */
import { describe, expect, it } from 'vitest';
import { randomDiagonalError, randomDiagonalGradient, randomDiagonalMinimizer, randomDiagonalModel } from '../../src/moments/randomDiagonal';
import { entryMoment, type EntryLaw } from '../../src/icl/entryLaws';

const closedA = (mom: (k: number) => number, d: number, M: number): number[][] => {
  const [m1, m2, m3] = [mom(1), mom(2), mom(3)];
  return Array.from({ length: d }, (_, i) =>
    Array.from({ length: d }, (_, j) => (i === j ? (1 + 2 / M) * m3 + ((d - 1) * m2 * m1) / M : (1 + 2 / M) * m2 * m1 + (m1 * m2 + (d - 2) * m1 ** 3) / M)),
  );
};

// Exp(1): m_k = k! (1, 2, 6); a two-point law: m_k = 0.6·0.5^k + 0.4·3^k.
const laws: EntryLaw[] = [{ kind: 'exp' }, { kind: 'two-point', low: 0.5, high: 3, pLow: 0.6 }, { kind: 'gamma', shape: 2.5, scale: 0.7 }];
const cases: Array<[EntryLaw, number, number]> = laws.flatMap((law) => [[law, 1, 1], [law, 2, 3], [law, 3, 4], [law, 5, 2]] as Array<[EntryLaw, number, number]>);

describe('randomDiagonalModel against the closed forms', () => {
  it.each(cases)('%o, d = %i, M = %i: A, b, c and the off-diagonal check', (law, d, M) => {
    const mom = (k: number) => entryMoment(law, k);
    const model = randomDiagonalModel(mom, d, M);
    const A = closedA(mom, d, M);
    expect(model.d).toBe(d);
    expect(model.m).toBe(M);
    expect(model.A.map((r) => r.length)).toEqual(new Array(d).fill(d));
    // sums of ≤ 3d terms of the same sign: relative rounding ≲ 1e-15·d
    model.A.forEach((r, i) => r.forEach((v, j) => expect(Math.abs(v - A[i][j]) / A[i][j]).toBeLessThan(1e-13)));
    expect(model.b).toEqual(new Array(d).fill(mom(2)));
    expect(model.c).toBeCloseTo(d * mom(1), 13);
    expect(model.offDiagonalP).toBe(0);
  });

  it('Exp(1), d = 3, M = 4 by hand: A_ii = 1.5·6 + 2·2/4 = 10, A_ij = 1.5·2 + (2 + 1)/4 = 3.75', () => {
    const model = randomDiagonalModel((k) => entryMoment({ kind: 'exp' }, k), 3, 4);
    model.A.forEach((r, i) => r.forEach((v, j) => expect(v).toBeCloseTo(i === j ? 10 : 3.75, 13)));
  });

  it('refuses d or M that is not an integer ≥ 1', () => {
    const mom = (k: number) => entryMoment({ kind: 'exp' }, k);
    for (const d of [0, -1, 2.5, Number.NaN]) expect(() => randomDiagonalModel(mom, d, 3)).toThrow(/d must be an integer ≥ 1/);
    for (const m of [0, -2, 1.5, Number.NaN]) expect(() => randomDiagonalModel(mom, 2, m)).toThrow(/prompt length must be an integer ≥ 1/);
  });
});

describe('randomDiagonalError, its gradient and minimizer', () => {
  const mom = (k: number) => entryMoment({ kind: 'two-point', low: 0.5, high: 3, pLow: 0.6 }, k);
  const d = 3;
  const model = randomDiagonalModel(mom, d, 4);
  const A = closedA(mom, d, 4);
  const v = [[0.4, 0.1, -0.2], [0.05, 0.3, 0.1], [0.2, -0.1, 0.5]];

  it('the error is Σ A_ij V_ij² − 2 m_2 tr V + d m_1 (closed-form A)', () => {
    let e = d * mom(1);
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) e += A[i][j] * v[i][j] ** 2 - (i === j ? 2 * mom(2) * v[i][j] : 0);
    expect(Math.abs(randomDiagonalError(model, v) - e) / Math.abs(e)).toBeLessThan(1e-13);
  });

  it('the gradient of ½·error matches central differences (exact for a quadratic up to rounding)', () => {
    const g = randomDiagonalGradient(model, v);
    expect(g.map((r) => r.length)).toEqual([d, d, d]);
    const h = 1e-3;
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++) {
        const up = v.map((r) => r.slice());
        const dn = v.map((r) => r.slice());
        up[i][j] += h;
        dn[i][j] -= h;
        const fd = (0.5 * randomDiagonalError(model, up) - 0.5 * randomDiagonalError(model, dn)) / (2 * h);
        // error values ≈ 10, rounding 1e-14 each, divided by 2h: ≲ 1e-11
        expect(Math.abs(g[i][j] - fd)).toBeLessThan(1e-9);
      }
  });

  it('the minimizer is diag(m_2 / A_ii), where the gradient vanishes and no ± perturbation lowers the error', () => {
    const vs = randomDiagonalMinimizer(model);
    vs.forEach((r, i) => r.forEach((x, j) => (i === j ? expect(x).toBeCloseTo(mom(2) / A[i][i], 14) : expect(x).toBe(0))));
    randomDiagonalGradient(model, vs).forEach((r) => r.forEach((x) => expect(Math.abs(x)).toBeLessThan(1e-13)));
    const e0 = randomDiagonalError(model, vs);
    for (const h of [1e-3, -1e-3])
      for (let i = 0; i < d; i++)
        for (let j = 0; j < d; j++) {
          const p = vs.map((r) => r.slice());
          p[i][j] += h;
          expect(randomDiagonalError(model, p)).toBeGreaterThan(e0);
        }
  });
});
