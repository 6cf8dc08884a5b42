/**
 * Gradient descent whose state overflows in one entry only: the result's loss is NaN (finish() evaluates the
 * loss only when every entry is finite; src/dynamics/explicitFlow.ts), not the ±∞ the loss formula gives.
 */
import { describe, expect, it } from 'vitest';
import { gradientDescent } from '../../../src/dynamics/explicitFlow';

describe('gradient descent: a partly overflowed state', () => {
  it('u overflows, U stays finite: loss NaN', () => {
    // L = V² − V + ½, V = uU; from u = 1e-10, U = 1e200: G = 2uU − 1 ≈ 2e190, u ← u − G·U = −∞, U ← U − G·u ≈ 1e200
    const r = gradientDescent({ d: 1, P: [[2]], Q: [[1]], B: [[1]], c: 1 }, { u0: 1e-10, U0: [[1e200]], step: 1 });
    expect(r.status).toBe('diverged');
    expect(r.u).toBe(-Infinity);
    expect(Number.isFinite(r.U[0][0])).toBe(true);
    expect(r.loss).toBeNaN();
  });
});
