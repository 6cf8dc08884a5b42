/**
 * Dormand–Prince's error estimate is y5 − y4 = h·Σ e_j k_j with the published error coefficients
 * e = b − b̂ = (71/57600, 0, −71/16695, 71/1920, −17253/339200, 22/525, −1/40) (Hairer's dopri5.f E1…E7; the
 * same in SciPy's RK45 with the opposite sign convention, E = b̂ − b), applied to the step's own stages, whose
 * values the stability-polynomial test in integrators.test.ts pins down. This fixes the estimate's sign,
 * which the adaptive driver cannot see (it squares it).
 */
import { describe, expect, it } from 'vitest';
import { dopri5Step, dopri5Work, type ExplicitProblem } from '../../../src/dynamics/dopri5';

const E = [71 / 57600, 0, -71 / 16695, 71 / 1920, -17253 / 339200, 22 / 525, -1 / 40];

describe('Dormand–Prince error estimate', () => {
  it('equals h·Σ e_j k_j (order-5 minus order-4 solution) on a nonlinear 2-d system', () => {
    // y0′ = −y0·y1, y1′ = y0² − 0.5·y1
    const sys: ExplicitProblem = { n: 2, f: (y, o) => ((o[0] = -y[0] * y[1]), void (o[1] = y[0] * y[0] - 0.5 * y[1])) };
    for (const h of [0.05, 0.4]) {
      const w = dopri5Work(2);
      const y = Float64Array.from([1.2, -0.4]);
      sys.f(y, w.k[0]);
      const out = new Float64Array(2), err = new Float64Array(2);
      dopri5Step(sys, y, h, out, err, w);
      for (let m = 0; m < 2; m++) {
        const ref = h * E.reduce((s, e, j) => s + e * w.k[j][m], 0);
        expect(Math.abs(err[m] - ref)).toBeLessThan(1e-15 + 1e-12 * Math.abs(ref));
        expect(Math.abs(ref)).toBeGreaterThan(1e-12); // not trivially zero
      }
    }
  });
});
