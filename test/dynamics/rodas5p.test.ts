/**
 * Rodas5P (src/dynamics/rodas5p.ts): its order measured on the closed-form scalar flow, its embedded
 * estimate's order, its stiffly accurate structure, and the LSA flow against Rodas5.
 */
import { describe, expect, it } from 'vitest';
import { eigenSystem } from '../../src/dynamics/eigenSystem';
import { rosenbrockStep, rosenbrockWork } from '../../src/dynamics/rosenbrock';
import { RODAS5P } from '../../src/dynamics/rodas5p';
import { stiffGradientFlow } from '../../src/dynamics/stiffFlow';
import { flowFixture, scalarExact, slopes } from './helpers';

// d = 1, balanced start: u = X for all t, u² logistic (closed form in helpers), as in rosenbrock.test.ts.
const A = 2, B = 1, W0 = 0.01, T = 3;
const scalar = eigenSystem({ d: 1, P: [[A]], Q: [[1]], B: [[B]], c: 1 });

function fixedSteps(n: number): number {
  const y = new Float64Array([Math.sqrt(W0), Math.sqrt(W0)]);
  const out = new Float64Array(2);
  const err = new Float64Array(2);
  const w = rosenbrockWork(2, RODAS5P);
  for (let i = 0; i < n; i++) {
    expect(rosenbrockStep(scalar, RODAS5P, y, T / n, out, err, w)).toBe(8);
    y.set(out);
  }
  return y[0];
}

describe('Rodas5P', () => {
  it('has 8 stages, γ and the stiffly accurate tail (stages 7, 8 and b reuse row 6 plus ones)', () => {
    expect(RODAS5P.b).toHaveLength(8);
    expect(RODAS5P.a).toHaveLength(8);
    expect(RODAS5P.c).toHaveLength(8);
    RODAS5P.a.forEach((row, i) => expect(row).toHaveLength(i));
    RODAS5P.c.forEach((row, i) => expect(row).toHaveLength(i));
    expect(RODAS5P.a[6]).toEqual([...RODAS5P.a[5], 1]);
    expect(RODAS5P.a[7]).toEqual([...RODAS5P.a[5], 1, 1]);
    expect(RODAS5P.b).toEqual([...RODAS5P.a[5], 1, 1, 1]);
    expect([RODAS5P.name, RODAS5P.order, RODAS5P.embeddedOrder, RODAS5P.gamma]).toEqual(['Rodas5P', 5, 4, 0.21193756319429014]);
  });

  it('has global order 5 on the closed-form scalar flow', () => {
    // Measured: errors 3.9e-6, 1.0e-7, 3.1e-9, 9.7e-11, 3.0e-12 for 10…160 steps, slopes 5.24, 5.05,
    // 5.01, 5.00 (Rodas5 on the same problem: 6.10, 5.23, 4.99, 4.98). The last two within 0.35 of 5, as
    // for Rodas4/5 in rosenbrock.test.ts; the error level itself pins the constant (a wrong coefficient
    // in a late digit leaves the slope but not the level, within a factor 2).
    const errors = [10, 20, 40, 80, 160].map((n) => Math.abs(fixedSteps(n) - scalarExact(A, B, W0, T)));
    const s = slopes(errors);
    for (const k of s.slice(-2)) expect(Math.abs(k - 5)).toBeLessThan(0.35);
    expect(errors[4]).toBeGreaterThan(1.5e-12);
    expect(errors[4]).toBeLessThan(6e-12);
  });

  it("its error estimate is O(h^5) per step", () => {
    const y0 = new Float64Array([0.3, 0.3]);
    const est = [0.2, 0.1, 0.05, 0.025, 0.0125].map((h) => {
      const out = new Float64Array(2);
      const err = new Float64Array(2);
      rosenbrockStep(scalar, RODAS5P, y0, h, out, err, rosenbrockWork(2, RODAS5P));
      return Math.hypot(...err);
    });
    // Measured slopes 5.26, 5.24, 5.15, 5.09 (h = 0.2 … 0.0125): approaching q + 1 = 5.
    const last = slopes(est).at(-1)!;
    expect(last).toBeGreaterThan(4.8);
    expect(last).toBeLessThan(5.4);
  });

  it('on the LSA flow: the same minimizer as Rodas5, in fewer steps at rtol 1e-12', () => {
    const fx = flowFixture(5, 10, 'rotated', 100, 2, 0.1);
    const opts = { u0: fx.u0, U0: fx.U0, rtol: 1e-12, convergenceTol: 1e-10 };
    const p = stiffGradientFlow(fx.model, { ...opts, tableau: RODAS5P });
    const r = stiffGradientFlow(fx.model, opts);
    expect(p.status).toBe('converged');
    expect(p.scheme).toMatch(/^Rodas5P/);
    const vn = Math.hypot(...r.V.flat());
    expect(Math.hypot(...p.V.flat().map((v, i) => v - r.V.flat()[i])) / vn).toBeLessThanOrEqual(2e-10);
    expect(p.stats.steps).toBeLessThan(r.stats.steps);
    expect(p.maxBalanceDrift).toBeLessThan(1e-10);
  });
});
