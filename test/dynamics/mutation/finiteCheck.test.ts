/**
 * rosenbrockStep's finiteness check: a step whose values are all finite is accepted even when their sum would
 * overflow, and one infinite value (or NaN) rejects it. A linear decay y' = −y from 4000 entries 1e305: every
 * stage value and the result stay finite (entries of 1e305 leave room for the stage terms (c_ij/h)·k_j, which
 * at h = 0.01 are a few hundred times the entries), yet the result's entries sum to ≈ 4e308, +∞ in float64.
 */
import { describe, expect, it } from 'vitest';
import { RODAS5, rosenbrockStep, rosenbrockWork, type StiffProblem } from '../../../src/dynamics/rosenbrock';

/** y' = a·y componentwise, solved exactly: (shift − a) z = r. */
function linear(a: number, n: number): StiffProblem {
  let s = 0;
  return {
    n,
    f: (y, out) => {
      for (let i = 0; i < n; i++) out[i] = a * y[i];
    },
    prepare: (_y, shift) => {
      s = shift - a;
      return s !== 0;
    },
    solve: (r) => {
      for (let i = 0; i < n; i++) r[i] /= s;
    },
  };
}

describe('rosenbrockStep: finiteness of the result', () => {
  it('accepts finite values whose sum overflows', () => {
    const n = 4000;
    const y = new Float64Array(n).fill(1e305);
    const out = new Float64Array(n);
    const err = new Float64Array(n);
    let sum = 0;
    for (const v of y) sum += v * Math.exp(-0.01);
    expect(sum).toBe(Infinity); // the premise: the result's entries sum past float64's range
    const evals = rosenbrockStep(linear(-1, n), RODAS5, y, 0.01, out, err, rosenbrockWork(n, RODAS5));
    expect(evals).toBeGreaterThan(0);
    // e^{−0.01} · 1e305 to Rodas5's local accuracy at h = 0.01 (error ~ h⁶)
    expect(out[0] / 1e305).toBeCloseTo(Math.exp(-0.01), 10);
    expect(out[n - 1]).toBe(out[0]);
  });

  it('accepts a finite error estimate past half of float64’s range (twice it would overflow)', () => {
    // y′ = y with h = 5 (an unstable, huge step): the Rodas5 step is linear in y, so its error estimate at
    // y = Y is Y times the one at y = 1 (≈ −9.5e8); Y = 1.2e299 puts it near −1.1e308, whose double is −∞
    const step = (Y: number) => {
      const out = new Float64Array(1);
      const err = new Float64Array(1);
      return { evals: rosenbrockStep(linear(1, 1), RODAS5, Float64Array.of(Y), 5, out, err, rosenbrockWork(1, RODAS5)), e: err[0] };
    };
    const unit = step(1);
    const big = step(1.2e299);
    expect(2 * big.e).toBe(-Infinity); // the premise
    expect(big.evals).toBe(unit.evals);
    expect(big.e / (1.2e299 * unit.e)).toBeCloseTo(1, 12);
  });

  it('rejects a step with an infinite or NaN value', () => {
    for (const bad of [Infinity, -Infinity, NaN]) {
      const y = Float64Array.of(1, bad);
      const out = new Float64Array(2);
      const err = new Float64Array(2);
      expect(rosenbrockStep(linear(-1, 2), RODAS5, y, 0.01, out, err, rosenbrockWork(2, RODAS5))).toBe(-1);
    }
  });
});
