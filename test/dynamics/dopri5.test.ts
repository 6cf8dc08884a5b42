/** Dormand–Prince 5(4): order measured on the closed-form scalar flow. */
import { describe, expect, it } from 'vitest';
import { dopri5Step, dopri5Work, integrateDopri5 } from '../../src/dynamics/dopri5';
import { eigenSystem } from '../../src/dynamics/eigenSystem';
import { scalarExact, slopes } from './helpers';

const A = 2, B = 1, W0 = 0.01, T = 3;
const sys = eigenSystem({ d: 1, P: [[A]], Q: [[1]], B: [[B]], c: 1 });

describe('Dormand–Prince 5(4)', () => {
  it('has global order 5', () => {
    const errors = [20, 40, 80, 160].map((n) => {
      const y = new Float64Array([Math.sqrt(W0), Math.sqrt(W0)]);
      const out = new Float64Array(2);
      const err = new Float64Array(2);
      const w = dopri5Work(2);
      for (let i = 0; i < n; i++) {
        sys.f(y, w.k[0]);
        dopri5Step(sys, y, T / n, out, err, w);
        y.set(out);
      }
      return Math.abs(y[0] - scalarExact(A, B, W0, T));
    });
    // measured slopes 3.8, 4.7, 4.9 approaching 5: the last within 0.35.
    expect(Math.abs(slopes(errors).at(-1)! - 5)).toBeLessThan(0.35);
  });

  it('meets its tolerance when adaptive', () => {
    for (const rtol of [1e-6, 1e-9]) {
      const y = new Float64Array([Math.sqrt(W0), Math.sqrt(W0)]);
      const out = integrateDopri5(sys, y, { rtol, atol: rtol, tMax: T, maxSteps: 1e5 });
      expect(out.status).toBe('max-time');
      expect(out.t).toBe(T);
      // global error ≤ 100·tol: local control per unit step, over a few time constants
      expect(Math.abs(y[0] - scalarExact(A, B, W0, T))).toBeLessThan(100 * rtol);
    }
  });
});
