/** Minimizers by a solve: solveSpd (Cholesky) and the moment route's V* = P⁻¹BQ⁻¹ without inverses. */
import { describe, expect, it } from 'vitest';
import { conditionNumber, frobenius, identity, matmul, mul, solveSpd, sub } from '../../src/linalg/matrix';
import { quadraticMinimizer, trainingLossModel } from '../../src/moments/quadratic';
import { drawCovariance } from '../../src/random/covariance';
import { stream } from '../../src/random/stream';

const U = 2 ** -53;

describe('solveSpd', () => {
  it('solves a X = b with a residual at rounding level, and rejects a matrix that is not positive definite', () => {
    const rng = stream(4).child('solve');
    for (const d of [1, 3, 8]) {
      const a = drawCovariance('rotated', d, rng, { kappa: 1e3 });
      const b = Array.from({ length: d }, () => Array.from({ length: 2 }, () => rng.normal()));
      const x = solveSpd(a, b);
      // backward error of a Cholesky solve: ‖a x − b‖ ≤ c·d·u·‖a‖‖x‖ (Higham Thm 10.4); c = 8 here
      expect(frobenius(sub(matmul(a, x), b))).toBeLessThanOrEqual(8 * d * U * frobenius(a) * frobenius(x));
    }
    expect(() => solveSpd([[1, 2], [2, 1]], identity(2))).toThrow(/not positive definite/);
  });

  it('quadraticMinimizer is the zero of ∇_V L = P V Q − B (relative residual ≤ 8·d²·u·κ)', () => {
    const rng = stream(5).child('minimizer');
    for (const [family, d, n] of [['identity', 1, 3], ['rotated', 4, 10], ['spiked', 6, 2], ['wishart', 5, 40]] as const) {
      const lambda = drawCovariance(family, d, rng, { kappa: 100 });
      const m = trainingLossModel(lambda, n);
      const v = quadraticMinimizer(m);
      const res = frobenius(sub(mul(m.P, v, m.Q), m.B)) / frobenius(m.B);
      expect(res, `${family} d=${d}`).toBeLessThanOrEqual(8 * d * d * U * conditionNumber(m.P) * conditionNumber(m.Q));
    }
  });
});

describe('frobenius at the ends of float64', () => {
  // ‖(3, 4)·10^k‖ = 5·10^k exactly in real arithmetic; 10^k itself rounds, so compare to 5·10^k relative to ε
  it.each([-320, -300, -200, -160, 0, 150, 200, 300])('‖(3, 4)·1e%d‖ = 5e%d', (k) => {
    const s = Number(`1e${k}`);
    const got = frobenius([[3 * s], [4 * s]]);
    expect(Math.abs(got - 5 * s) / (5 * s)).toBeLessThan(k === -320 ? 0.01 : 4e-16);
  });
  it('zero, NaN and infinite entries', () => {
    expect(frobenius([[0, 0]])).toBe(0);
    expect(frobenius([[1, Infinity]])).toBe(Infinity);
    expect(frobenius([[1, NaN]])).toBeNaN();
  });
});
