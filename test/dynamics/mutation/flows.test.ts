/**
 * The three routes end to end at d = 1 and 2 over short horizons: the balanced scalar flow has a closed
 * form (helpers.scalarExact: u² is logistic), gradient descent at d = 1 is a two-line recursion written out
 * here, and the fields of each result (loss, distances, balance, counters, messages) are checked against
 * their definitions evaluated on the returned state.
 */
import { describe, expect, it } from 'vitest';
import { gdStepScale, gradientDescent, ORIGINAL_DEFAULT_CONVERGENCE_TOL, rk45GradientFlow, RK45_DEFAULT_RTOL } from '../../../src/dynamics/explicitFlow';
import { statusMessage, stiffGradientFlow, STIFF_DEFAULT_RTOL } from '../../../src/dynamics/stiffFlow';
import { gradientFlow } from '../../../src/dynamics/gradientFlow';
import { RODAS4 } from '../../../src/dynamics/rosenbrock';
import type { FlowResult } from '../../../src/dynamics/types';
import type { QuadraticModel } from '../../../src/moments/quadratic';
import { scalarExact } from '../helpers';

// L = ½·2·V² − V + ½, V = uU: V* = 1/2, a = 2, b = 1.
const scalar: QuadraticModel = { d: 1, P: [[2]], Q: [[1]], B: [[1]], c: 1 };
const lossOf = (V: number) => V * V - V + 0.5;
const close = (a: number, b: number, tol: number) => expect(Math.abs(a - b)).toBeLessThan(tol * Math.max(1, Math.abs(b)));

/** The fields every result must satisfy on its own returned state (d = 1 scalar model, target V*). */
function consistent(r: FlowResult, target = 0.5, targetNorm = 0.5): void {
  const u = r.u, X = r.U[0][0];
  expect(r.V[0][0]).toBe(u * X);
  close(r.loss, lossOf(u * X), 1e-14);
  close(r.relDistance, Math.abs(u * X - target) / targetNorm, 1e-12);
  close(r.measure, Math.abs(u * X - 0.5) / 0.5, 1e-12);
  close(r.balance, u * u - X * X, 1e-14);
  expect(r.trajectory.t.at(-1)).toBe(r.t);
  expect(r.trajectory.loss.at(-1)).toBe(r.loss);
  expect(r.trajectory.relDistance.at(-1)).toBe(r.relDistance);
  expect(r.trajectory.balance.at(-1)).toBe(r.balance);
  expect(r.stats.elapsedMs).toBeGreaterThanOrEqual(0);
  expect(r.stats.elapsedMs).toBeLessThan(60_000);
}

describe('stiff and rk45 routes on the balanced scalar flow (closed form)', () => {
  const routes = [
    ['stiff', stiffGradientFlow, 1e-10],
    ['rk45', rk45GradientFlow, 1e-10],
  ] as const;
  for (const [name, run, rtol] of routes) {
    it(`${name}: the state at t = 2 is the closed form; every field agrees with its definition`, () => {
      const r = run(scalar, { u0: 0.1, U0: [[0.1]], tMax: 2, rtol });
      expect(r.status).toBe('max-time');
      expect(r.method).toBe(name);
      expect(r.t).toBe(2);
      const exact = scalarExact(2, 1, 0.01, 2);
      close(r.u, exact, 1e-8);
      close(Math.abs(r.U[0][0]), exact, 1e-8);
      consistent(r);
      expect(r.rtol).toBe(rtol);
      expect(r.atol).toBe(rtol * 1e-2);
      expect(Math.abs(r.maxBalanceDrift)).toBeLessThan(1e-8);
      expect(r.trajectory.t[0]).toBe(0);
      close(r.trajectory.loss[0], lossOf(0.01), 1e-15);
      close(r.trajectory.relDistance[0], 0.98, 1e-15);
      close(r.trajectory.balance[0], 0, 1e-15);
      for (let i = 1; i < r.trajectory.t.length; i++) expect(r.trajectory.t[i]).toBeGreaterThan(r.trajectory.t[i - 1]);
      expect(r.message).toBe(`stopped at tMax = 2.00000 before convergence (relative distance ${r.measure.toExponential(2)} > ${name === 'stiff' ? 1e-12 : 1e-10})`);
      const { steps, accepted, rejected, rhsEvaluations, jacobianEvaluations, linearSolves } = r.stats;
      expect(accepted + rejected).toBe(steps);
      expect(accepted).toBe(r.trajectory.t.length - 1); // all kept (< 1000 samples), no duplicate final
      if (name === 'stiff') {
        expect(rhsEvaluations).toBe(1 + 8 * steps);
        expect(linearSolves).toBe(8 * steps);
        expect(jacobianEvaluations).toBe(steps);
        expect(r.scheme).toBe('Rodas5 (Rosenbrock, order 5(4), eigenbasis of P and Q, arrow Jacobian)');
      } else {
        expect(rhsEvaluations).toBe(2 + 6 * steps);
        expect([linearSolves, jacobianEvaluations]).toEqual([0, 0]);
        expect(r.scheme).toBe('Dormand–Prince 5(4) (explicit, adaptive, original coordinates)');
      }
    });

    it(`${name}: converges with its default tolerances, the message says so`, () => {
      const r = run(scalar, { u0: 0.1, U0: [[0.1]] });
      const tol = name === 'stiff' ? 1e-12 : ORIGINAL_DEFAULT_CONVERGENCE_TOL;
      expect(r.status).toBe('converged');
      expect(r.measure).toBeLessThanOrEqual(tol);
      expect(r.measure).toBeGreaterThan(tol / 1e4); // stopped soon after crossing, not run on
      expect(r.rtol).toBe(name === 'stiff' ? STIFF_DEFAULT_RTOL : RK45_DEFAULT_RTOL);
      expect(r.atol).toBe(r.rtol * 1e-2);
      consistent(r);
      close(r.u, scalarExact(2, 1, 0.01, r.t), 1e-8);
      expect(r.message).toBe(`converged at t = ${r.t.toPrecision(6)}: relative distance to the model's minimizer ${r.measure.toExponential(2)} ≤ ${tol} (d = 1)`);
    });

    it(`${name}: an unbalanced start keeps u² − U² up to the tolerance; a target and a step cap`, () => {
      const r = run(scalar, { u0: 1, U0: [[0.2]], tMax: 1, rtol: 1e-6, atol: 1e-9, target: [[2]], maxSamples: 2 });
      expect(r.atol).toBe(1e-9);
      consistent(r, 2, 2);
      close(r.balance, 0.96, 1e-4);
      expect(r.maxBalanceDrift).toBeGreaterThan(0);
      expect(r.maxBalanceDrift).toBeGreaterThanOrEqual(Math.abs(r.balance - 0.96));
      expect(r.maxBalanceDrift).toBeLessThan(1e-4);
      close(r.trajectory.relDistance[0], 1.8 / 2, 1e-15);
      expect(r.trajectory.t.length).toBeLessThanOrEqual(5);
      const zero = run(scalar, { u0: 1, U0: [[0.2]], tMax: 1, target: [[0]] });
      close(zero.relDistance, Math.abs(zero.u * zero.U[0][0]), 1e-15); // a zero target: absolute distance
      const capped = run(scalar, { u0: 1, U0: [[0.2]], maxSteps: 3 });
      expect(capped.status).toBe('max-steps');
      expect(capped.stats.steps).toBe(3);
      expect(capped.message).toBe(`stopped at the step cap before convergence (t = ${capped.t.toPrecision(6)}, relative distance ${capped.measure.toExponential(2)} > ${name === 'stiff' ? 1e-12 : 1e-10})`);
      const loose = run(scalar, { u0: 1, U0: [[0.2]], convergenceTol: 1e-3 });
      expect(loose.status).toBe('converged');
      expect(loose.measure).toBeLessThanOrEqual(1e-3);
      expect(loose.measure).toBeGreaterThan(1e-6);
    });

    it(`${name}: B = 0 (minimizer 0): distances are absolute; progress reports are monotone and end at 1`, () => {
      const seen: number[] = [];
      const steps: number[] = [];
      const r = run({ ...scalar, B: [[0]] }, { u0: 0.5, U0: [[0.3]], tMax: 1, onProgress: (p) => (seen.push(p.fraction), steps.push(p.steps)), progressEvery: 2 });
      close(r.measure, Math.abs(r.u * r.U[0][0]), 1e-15);
      close(r.relDistance, r.measure, 1e-15);
      expect(steps[0]).toBe(0);
      expect(steps.slice(1, -1).every((s) => s % 2 === 0)).toBe(true);
      expect(steps.length).toBe(2 + Math.floor(r.stats.accepted / 2));
      expect(steps.at(-1)).toBe(r.stats.accepted);
      for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
      const conv: number[] = [];
      const c = run(scalar, { u0: 0.5, U0: [[0.5]], onProgress: (p) => conv.push(p.fraction) });
      expect(conv.at(-1)).toBe(1);
      expect(conv.length).toBe(2 + Math.floor(c.stats.accepted / 50));
    });
  }

  it('stiff: observe sees every accepted step in original coordinates; Rodas4 on request', () => {
    const seen: [number, number, number, number][] = [];
    const r = stiffGradientFlow(scalar, { u0: 0.3, U0: [[0.2]], tMax: 1, observe: (t, k, state) => { const s = state(); seen.push([t, k, s.u, s.U[0][0]]); } });
    expect(seen.length).toBe(r.stats.accepted);
    seen.forEach(([, k], i) => expect(k).toBe(i + 1));
    expect(seen.at(-1)).toEqual([1, r.stats.accepted, r.u, r.U[0][0]]);
    const r4 = stiffGradientFlow(scalar, { u0: 0.1, U0: [[0.1]], tMax: 2, rtol: 1e-10, tableau: RODAS4 });
    expect(r4.scheme).toMatch(/^Rodas4 \(Rosenbrock, order 4\(3\)/);
    expect(r4.stats.rhsEvaluations).toBe(1 + 6 * r4.stats.steps);
    close(r4.u, scalarExact(2, 1, 0.01, 2), 1e-8);
  });

  it('stiff and rk45 agree on a d = 2 model over a short horizon (rotation back to original coordinates)', () => {
    const model: QuadraticModel = { d: 2, P: [[2, 0.5], [0.5, 1]], Q: [[1.5, -0.3], [-0.3, 0.8]], B: [[0.7, -0.2], [0.4, 1.1]], c: 0.9 };
    const o = { u0: 0.8, U0: [[0.3, -0.5], [0.9, 0.2]], tMax: 0.7, rtol: 1e-10, target: [[1, 0], [0, 1]] };
    const a = stiffGradientFlow(model, o);
    const b = rk45GradientFlow(model, o);
    close(a.u, b.u, 1e-8);
    a.U.flat().forEach((v, i) => close(v, b.U.flat()[i], 1e-8));
    a.V.flat().forEach((v, i) => close(v, a.u * a.U.flat()[i], 1e-15));
    close(a.loss, b.loss, 1e-8);
    close(a.relDistance, b.relDistance, 1e-8);
    close(a.measure, b.measure, 1e-8);
    close(a.balance, b.balance, 1e-8);
    close(a.trajectory.relDistance[0], b.trajectory.relDistance[0], 1e-14);
    close(a.trajectory.loss[0], b.trajectory.loss[0], 1e-14);
  });
});

describe('gradient descent', () => {
  /** θ ← θ − η∇L at d = 1: G = 2uX − 1, u ← u − ηGX, X ← X − ηGu, until |uX − ½|/½ ≤ tol or k = kMax. */
  function byHand(u: number, X: number, eta: number, tol: number, kMax: number): { u: number; X: number; k: number } {
    let k = 0;
    while (Math.abs(u * X - 0.5) / 0.5 > tol && k < kMax) {
      const G = 2 * u * X - 1;
      [u, X] = [u - eta * G * X, X - eta * G * u];
      k++;
    }
    return { u, X, k };
  }
  it('follows the recursion exactly, to convergence and to the iteration cap', () => {
    const r = gradientDescent(scalar, { u0: 0.6, U0: [[0.6]], step: 0.1, convergenceTol: 1e-6 });
    const h = byHand(0.6, 0.6, 0.1, 1e-6, 1e9);
    expect(r.status).toBe('converged');
    expect(r.stats).toMatchObject({ steps: h.k, accepted: h.k, rejected: 0, rhsEvaluations: h.k, jacobianEvaluations: 0, linearSolves: 0 });
    close(r.u, h.u, 1e-14);
    close(r.U[0][0], h.X, 1e-14);
    close(r.t, h.k * 0.1, 1e-14);
    consistent(r);
    expect(Number.isNaN(r.rtol) && Number.isNaN(r.atol)).toBe(true);
    expect(r.method).toBe('gd');
    expect(r.scheme).toBe('gradient descent (step 0.1)');
    const c = gradientDescent(scalar, { u0: 0.6, U0: [[0.6]], step: 0.1, maxSteps: 4 });
    const hc = byHand(0.6, 0.6, 0.1, 0, 4);
    expect(c).toMatchObject({ status: 'max-steps', u: hc.u });
    expect(c.stats.steps).toBe(4);
    expect(c.trajectory.t.length).toBe(5);
    const d = gradientDescent(scalar, { u0: 0.6, U0: [[0.6]], step: 0.1, tMax: 0.25 });
    expect(d.status).toBe('max-time'); // k·η ≥ 0.25 first at k = 3
    expect(d.stats.steps).toBe(3);
    expect(d.message).toMatch(/^stopped at tMax = 0\.300000 before convergence/);
    const e = gradientDescent(scalar, { u0: 0.6, U0: [[0.6]], step: 0.1, tMax: 0.3 });
    expect(e.stats.steps).toBe(3);
  });
  it('an unbalanced start drifts at O(η²) per step; the drift is recorded', () => {
    const r = gradientDescent(scalar, { u0: 1, U0: [[0.3]], step: 0.05, maxSteps: 20 });
    const h = byHand(1, 0.3, 0.05, 0, 20);
    close(r.balance, h.u * h.u - h.X * h.X, 1e-13);
    expect(r.maxBalanceDrift).toBeGreaterThanOrEqual(Math.abs(r.balance - 0.91) - 1e-15);
    expect(r.maxBalanceDrift).toBeGreaterThan(0);
  });
  it('diverges for a big step without throwing; the start already at the minimizer converges at once', () => {
    const r = gradientDescent(scalar, { u0: 2, U0: [[2]], step: 3 });
    expect(r.status).toBe('diverged');
    expect(r.message).toBe(`diverged at t = ${r.t.toPrecision(6)} (iterates not finite or exploding)`);
    expect(r.stats.steps).toBeLessThan(20);
    const at = gradientDescent(scalar, { u0: Math.SQRT1_2, U0: [[Math.SQRT1_2]], step: 0.1, convergenceTol: 1e-12 });
    expect(at.status).toBe('converged');
    expect(at.stats.steps).toBe(0);
    expect(at.trajectory.t).toEqual([0]);
  });
  it('progress every 1000 iterations by default', () => {
    const seen: number[] = [];
    const r = gradientDescent(scalar, { u0: 0.6, U0: [[0.6]], step: 1e-4, maxSteps: 2500, onProgress: (p) => seen.push(p.steps) });
    expect(r.stats.steps).toBe(2500);
    expect(seen).toEqual([0, 1000, 2000, 2500]);
  });
  it('refuses a bad step', () => {
    expect(() => gradientDescent(scalar, { u0: 1, U0: [[1]], step: 0 })).toThrow(/^step must be a finite number > 0, got 0$/);
  });
  it('gdStepScale = 1/(λmax(P)·λmax(Q)·‖P⁻¹BQ⁻¹‖_F)', () => {
    // P = diag(1, 2), Q = diag(3, 0.5), B = I: V* = diag(1/3, 1)
    const m: QuadraticModel = { d: 2, P: [[1, 0], [0, 2]], Q: [[3, 0], [0, 0.5]], B: [[1, 0], [0, 1]], c: 0 };
    close(gdStepScale(m), 1 / (2 * 3 * Math.hypot(1 / 3, 1)), 1e-14);
    close(gdStepScale({ ...m, B: [[0, 0], [0, 0]] }), 1 / 6, 1e-15);
  });
});

describe('gradientFlow dispatch and statusMessage', () => {
  it('routes by method, stiff by default; refuses a missing step, an unknown method, bad options', () => {
    const o = { u0: 0.1, U0: [[0.1]], tMax: 0.5 };
    expect(gradientFlow(scalar, o).method).toBe('stiff');
    expect(gradientFlow(scalar, { ...o, method: 'stiff' }).method).toBe('stiff');
    expect(gradientFlow(scalar, { ...o, method: 'rk45' }).method).toBe('rk45');
    const g = gradientFlow(scalar, { ...o, method: 'gd', step: 0.1 });
    expect(g.method).toBe('gd');
    expect(g.stats.steps).toBe(5);
    expect(() => gradientFlow(scalar, { ...o, method: 'gd' })).toThrow(/^step is required for method gd \(a finite number > 0\)$/);
    expect(() => gradientFlow(scalar, { ...o, method: 'euler' as never })).toThrow(/^method must be one of stiff, rk45, gd, got 'euler'$/);
    expect(() => gradientFlow(scalar, null as never)).toThrow(/^options must be an object \{ u0, U0, method\?, … \}$/);
    expect(() => gradientFlow(scalar, 7 as never)).toThrow(RangeError);
  });
  it('one line per status', () => {
    expect(statusMessage('converged', 1.5, 1e-13, 1e-12, 3)).toBe("converged at t = 1.50000: relative distance to the model's minimizer 1.00e-13 ≤ 1e-12 (d = 3)");
    expect(statusMessage('max-time', 2, 0.25, 1e-12, 3)).toBe('stopped at tMax = 2.00000 before convergence (relative distance 2.50e-1 > 1e-12)');
    expect(statusMessage('max-steps', 0.125, 0.5, 1e-10, 3)).toBe('stopped at the step cap before convergence (t = 0.125000, relative distance 5.00e-1 > 1e-10)');
    expect(statusMessage('step-size-underflow', 3, 0.5, 1e-10, 3)).toBe('step size underflow at t = 3.00000: the tolerances cannot be met (relative distance 5.00e-1)');
    expect(statusMessage('diverged', 7, NaN, 1e-10, 3)).toBe('diverged at t = 7.00000 (iterates not finite or exploding)');
  });
});
