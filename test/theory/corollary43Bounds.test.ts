/**
 * Corollary 4.3's η, its middle bound (before κ replaces tr Λ⁻¹ tr Λ) and the fixed-task bound
 * (src/theory/formulas), evaluated by hand for Λ = diag(2, ½): d = 2, tr Λ = 2.5, tr Λ⁻¹ = 2.5, κ = 4.
 */
import { describe, expect, it } from 'vitest';
import { paperFormulas } from '../../src/theory/formulas';

const lambda = [[2, 0], [0, 0.5]];
const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-13 * Math.abs(b));

describe('Corollary 4.3 bounds by hand', () => {
  const f = paperFormulas();
  it('η = (1 + 2d + d²κ) tr Λ / N² = 21·2.5/25 = 2.1 at N = 5', () => {
    close(f.corollary43Eta(lambda, 5), 2.1);
  });

  it('middle bound: (d+1) tr Λ / M + (tr Λ + 2d tr Λ + tr Λ⁻¹ (tr Λ)²)/N² = 0.75 + (2.5 + 10 + 15.625)/25 = 1.875', () => {
    close(f.corollary43MiddleBound(lambda, 5, 10), 1.875);
  });

  it('fixed task w = (1, −2): (d+1) wᵀΛw / M + (wᵀΛw + 2‖w‖² tr Λ + wᵀΛ⁻¹w (tr Λ)²)/N² = 1.2 + (4 + 25 + 53.125)/25', () => {
    // wᵀΛw = 2 + 2 = 4, ‖w‖² = 5, wᵀΛ⁻¹w = 0.5 + 8 = 8.5
    close(f.fixedTaskBound(lambda, 5, 10, [1, -2]), 1.2 + 82.125 / 25);
  });

  it('a non-diagonal Λ: the bounds use its eigenvalues (κ) and inverse, not its diagonal', () => {
    // Λ = R diag(2, ½) Rᵀ for a rotation R: same trace, κ, tr Λ⁻¹ and, for w = R(1, −2), the same quadratic forms
    const c = Math.cos(0.7);
    const s = Math.sin(0.7);
    const r = [[c, -s], [s, c]];
    const l = [0, 1].map((i) => [0, 1].map((j) => 2 * r[i][0] * r[j][0] + 0.5 * r[i][1] * r[j][1]));
    const w = [r[0][0] - 2 * r[0][1], r[1][0] - 2 * r[1][1]];
    const near = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.abs(b));
    near(f.corollary43Eta(l, 5), 2.1);
    near(f.corollary43MiddleBound(l, 5, 10), 1.875);
    near(f.fixedTaskBound(l, 5, 10, w), 1.2 + 82.125 / 25);
  });
});
