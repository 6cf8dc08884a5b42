/**
 * The paper's shift and random-covariance statements (src/theory/shifts), evaluated by hand at d = 1 and
 * for diagonal matrices, and Theorem 4.5's Q against the exact-moment route's minimizer (src/moments,
 * Isserlis with symbolic diagonal entries), which it equals: the diagonal of E[Γ_τΛ_τ²] is A_ii at M = N.
 */
import { describe, expect, it } from 'vitest';
import { shiftFormulas } from '../../src/theory/shifts';
import { randomDiagonalMinimizer, randomDiagonalModel } from '../../src/moments/randomDiagonal';

const f = shiftFormulas();
const close = (a: number, b: number, tol = 1e-13) => expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.max(1e-300, Math.abs(b)));
const expMoment = (k: number) => [1, 1, 2, 6, 24][k];

describe('shift formulas by hand', () => {
  it('Γ is the paper’s Γ: λ = 2, N = 4 gives (1 + ¼)·2 + 2/4 = 3', () => {
    expect(f.gamma([[2]], 4)).toEqual([[3]]);
  });

  it('Theorem 4.2 with a task law, d = 1: (Σλ/γ²)/M + 4tλ³/(γ²N²), Σ = 2λ²t + s²λ', () => {
    // λ = 2, N = 4 (γ = 3), t = ½, s² = 0.3, M = 3: Σ = 4 + 0.6 = 4.6, first = 9.2/27, bias = 16/9 / 16 = 1/9
    close(f.theorem42TaskShiftError([[2]], 4, 3, [[0.5]], 0.3), 9.2 / 27 + 1 / 9);
    // λ = 1, N = 2 (γ = 2), t = 3, s² = 0, M = 5: Σ = 6, first = 6/4/5 = 0.3, bias = 12/4/4 = 0.75
    close(f.theorem42TaskShiftError([[1]], 2, 5, [[3]], 0), 0.3 + 0.75);
  });

  it('(4.7)–(4.8): ŷ → x_qᵀ Λ⁻¹Λ′ w', () => {
    expect(f.section42LimitMap([[2, 0], [0, 4]], [[1, 2], [3, 4]])).toEqual([[0.5, 1], [0.75, 1]]);
  });

  it('the M → ∞ error under a covariate shift: tr[(Γ⁻¹Λ′ − I)ᵀΛ′(Γ⁻¹Λ′ − I)]', () => {
    // d = 1, λ = 2, N = 4, γ = 3: λ′ = 6 gives (2 − 1)²·6 = 6, λ′ = 1.5 gives ¼·1.5
    close(f.shiftedLimitError([[2]], 4, [[6]]), 6);
    close(f.shiftedLimitError([[2]], 4, [[1.5]]), 0.375);
    // Λ = diag(2, 1), N = 2: Γ = 1.5Λ + 1.5I = diag(4.5, 3); Λ′ = diag(9, 1.5): Γ⁻¹Λ′ − I = diag(1, −½)
    close(f.shiftedLimitError([[2, 0], [0, 1]], 2, [[9, 0], [0, 1.5]]), 9 + 0.25 * 1.5);
  });

  it('the M → ∞ error under a query shift: tr[Σ_w(ΛΓ⁻¹ − I)Λ_q(Γ⁻¹Λ − I)]', () => {
    // d = 1, λ = 2, N = 4, γ = 3: (2/3 − 1)² = 1/9, Λ_q = 5, Σ_w = ½
    close(f.queryShiftLimitError([[2]], 4, [[5]], [[0.5]]), 2.5 / 9);
    // Λ = diag(2, 1), N = 2, Γ = diag(4.5, 3): ΛΓ⁻¹ − I = diag(−5/9, −2/3); Λ_q = diag(1, 2), Σ_w = diag(3, 1)
    close(f.queryShiftLimitError([[2, 0], [0, 1]], 2, [[1, 0], [0, 2]], [[3, 0], [0, 1]]), 3 * (25 / 81) + 2 * (4 / 9));
  });

  it('an orthogonal query predicts 0', () => {
    // a fresh set, built while the test runs (a set built at collection time would not see a mutated property)
    expect(shiftFormulas().orthogonalQueryPrediction()).toBe(0);
  });

  it('Corollary 4.3’s constants: (d+1) tr Λ and (1 + 2d + d²κ) tr Λ (Λ = diag(2, ½): 7.5 and 52.5)', () => {
    const c = f.corollary43Constants([[2, 0], [0, 0.5]]);
    close(c.perM, 7.5);
    close(c.perN2, 52.5);
  });
});

describe('Theorem 4.5 and (4.13) by hand', () => {
  it('Q = diag(m₂ / E[Γ_τΛ_τ²]_jj): Exp(1), d = 3, N = 4: E = 1.25·6 + (6 + 2·2·1)/4 = 10, Q = 0.2 I', () => {
    const q = f.theorem45Q(expMoment, 3, 4);
    q.forEach((r, i) => r.forEach((v, j) => close(v, i === j ? 0.2 : 0)));
    expect(f.eq413Map(expMoment, 3, 4)).toEqual(q);
  });

  it('Q equals the exact averaged loss’s minimizer at M = N (two-point entries, d = 2, N = 3)', () => {
    const law = (k: number) => 0.6 * 0.5 ** k + 0.4 * 3 ** k;
    const q = f.theorem45Q(law, 2, 3);
    const v = randomDiagonalMinimizer(randomDiagonalModel(law, 2, 3));
    q.forEach((r, i) => r.forEach((x, j) => close(x, v[i][j], 1e-13)));
  });

  it('the limit: V = Q, u = ‖Q‖_F^{1/2}, U = Q/u (Q = 0.2 I₃: ‖Q‖_F = √0.12)', () => {
    const { u, U, V } = f.theorem45Limit(expMoment, 3, 4);
    close(u, 0.12 ** 0.25);
    U.forEach((r, i) => r.forEach((x, j) => close(x, i === j ? 0.2 / 0.12 ** 0.25 : 0)));
    expect(V).toEqual(f.theorem45Q(expMoment, 3, 4));
  });

  it('(4.11): σ² bound = √(2‖m₁Θ‖²_F / (√d · E)): Exp with scale 2, Θ = [[1, 0], [½, 1]], E = 3 gives √(3√2)', () => {
    const mom = (k: number) => 2 ** k * expMoment(k);
    close(f.theorem45SigmaBound(mom, [[1, 0], [0.5, 1]], 3), Math.sqrt(3 * Math.SQRT2));
  });

  it('(4.13): the slope m₂m₁/m₃ is ⅓ for Exp(1), and 2.5·1.5/4.5 = ⅚ for a two-point law on {1, 2} (½ each)', () => {
    close(f.eq413Slope(expMoment), 1 / 3);
    close(f.eq413Slope((k) => 0.5 + 0.5 * 2 ** k), (2.5 * 1.5) / 4.5);
  });

  it('overrides replace one statement and the rest read the replaced Γ', () => {
    const g = shiftFormulas({ eq413Slope: () => 0.5 });
    expect(g.eq413Slope(expMoment)).toBe(0.5);
    close(g.shiftedLimitError([[2]], 4, [[6]]), 6);
    const h = shiftFormulas({ gamma: (l) => l });
    // Γ = Λ: Γ⁻¹Λ′ − I = 2 for λ = 2, λ′ = 6: 4·6
    close(h.shiftedLimitError([[2]], 4, [[6]]), 24);
  });
});
