/**
 * Dormand–Prince 5(4) and the Rodas steps on LINEAR problems y' = Ay, whose exact flows are closed forms
 * (scalar exp, and exp of an upper-triangular 2×2: [[e^a, b(e^a − e^c)/(a − c)], [0, e^c]]), plus the
 * counters and failure paths of the adaptive drivers. Small and fast: part of the mutation set.
 */
import { describe, expect, it } from 'vitest';
import { dopri5Step, dopri5Work, DOPRI5_NODES, integrateDopri5, type ExplicitProblem } from '../../../src/dynamics/dopri5';
import { integrateRosenbrock, RODAS4, RODAS5, rosenbrockStep, rosenbrockWork, type StiffProblem } from '../../../src/dynamics/rosenbrock';
import { slopes } from '../helpers';

/** y' = A y with A = [[a, b], [0, c]]; the linear solve (shift·I − A) z = r by back substitution. */
function linear2(a: number, b: number, c: number, failBelowShift = 0): StiffProblem & ExplicitProblem {
  let s = 0;
  return {
    n: 2,
    f(y, out) {
      const y0 = y[0], y1 = y[1];
      out[0] = a * y0 + b * y1;
      out[1] = c * y1;
    },
    prepare(_y, shift) {
      s = shift;
      return shift >= failBelowShift;
    },
    solve(r) {
      const z1 = r[1] / (s - c);
      r[0] = (r[0] + b * z1) / (s - a);
      r[1] = z1;
    },
  };
}
/** exp(tA) y0 for the upper-triangular A above (a ≠ c). */
function exact2(a: number, b: number, c: number, t: number, y0: number[]): number[] {
  const ea = Math.exp(a * t), ec = Math.exp(c * t);
  return [ea * y0[0] + (b * (ea - ec)) / (a - c) * y0[1], ec * y0[1]];
}
const A = -1, Bc = 2, C = -3;
const dist = (u: ArrayLike<number>, v: ArrayLike<number>) => Math.hypot(...Array.from(u, (x, i) => x - v[i]));

describe('Dormand–Prince 5(4) on y′ = λy', () => {
  it('one step multiplies by the stability polynomial 1 + z + … + z⁵/120 + z⁶/600 (Hairer–Wanner I, §IV.2)', () => {
    const sys: ExplicitProblem = { n: 1, f: (y, o) => void (o[0] = -2 * y[0]) };
    for (const h of [0.05, 0.3, 1]) {
      const z = -2 * h;
      const R = 1 + z + z ** 2 / 2 + z ** 3 / 6 + z ** 4 / 24 + z ** 5 / 120 + z ** 6 / 600;
      const w = dopri5Work(1);
      const y = new Float64Array([1.5]);
      sys.f(y, w.k[0]);
      const out = new Float64Array(1);
      const err = new Float64Array(1);
      dopri5Step(sys, y, h, out, err, w);
      expect(Math.abs(out[0] - 1.5 * R)).toBeLessThan(1e-14);
      expect(w.k[6][0]).toBe(-2 * out[0]); // first same as last: k7 = f(y_new)
    }
  });
  it('one step on a non-normal 2×2 system: local error O(h⁶), error estimate O(h⁵)', () => {
    const sys = linear2(A, Bc, C);
    const y0 = [0.7, -1.2];
    const local: number[] = [];
    const est: number[] = [];
    for (const h of [0.1, 0.05, 0.025, 0.0125]) {
      const w = dopri5Work(2);
      const y = Float64Array.from(y0);
      sys.f(y, w.k[0]);
      const out = new Float64Array(2);
      const err = new Float64Array(2);
      dopri5Step(sys, y, h, out, err, w);
      local.push(dist(out, exact2(A, Bc, C, h, y0)));
      est.push(Math.hypot(...err));
      expect(Array.from(y)).toEqual(y0); // the step does not touch y
    }
    for (const s of slopes(local)) expect(Math.abs(s - 6)).toBeLessThan(0.3);
    for (const s of slopes(est)) expect(Math.abs(s - 5)).toBeLessThan(0.3);
    // the estimate is the gap to the order-4 solution: much larger than the true order-5 error here
    expect(est.at(-1)!).toBeGreaterThan(10 * local.at(-1)!);
  });
  it('its nodes are those of the tableau', () => {
    expect(DOPRI5_NODES).toEqual([0, 1 / 5, 3 / 10, 4 / 5, 8 / 9, 1, 1]);
  });
  it('adaptive: meets the tolerance against exp(tA), counts 1 + 1 + 6 f-calls per step', () => {
    const sys = linear2(A, Bc, C);
    for (const rtol of [1e-5, 1e-9]) {
      const y = new Float64Array([0.7, -1.2]);
      const out = integrateDopri5(sys, y, { rtol, atol: rtol, tMax: 2, maxSteps: 1e5 });
      expect(out.status).toBe('max-time');
      expect(out.t).toBe(2);
      expect(dist(y, exact2(A, Bc, C, 2, [0.7, -1.2]))).toBeLessThan(10 * rtol);
      expect(out.rhsEvaluations).toBe(2 + 6 * out.steps);
      expect(out.accepted + out.rejected).toBe(out.steps);
    }
    // a given h0 saves the f-call of the initial-step heuristic; the step cap is honoured
    const y = new Float64Array([0.7, -1.2]);
    const capped = integrateDopri5(sys, y, { rtol: 1e-6, atol: 1e-6, tMax: 2, maxSteps: 3, h0: 1e-3 });
    expect(capped).toMatchObject({ status: 'max-steps', steps: 3, rhsEvaluations: 1 + 18 });
  });
  it('adaptive: a too-large first step is rejected, then h grows at most ×5 per accepted step', () => {
    const sys: ExplicitProblem = { n: 1, f: (y, o) => void (o[0] = -y[0]) };
    const ts: number[] = [0];
    const y = new Float64Array([1]);
    const out = integrateDopri5(sys, y, { rtol: 1e-8, atol: 1e-8, tMax: 5, maxSteps: 1e4, h0: 2, onAccept: (t) => (ts.push(t), false) });
    expect(out.rejected).toBeGreaterThan(0);
    expect(Math.abs(y[0] - Math.exp(-5))).toBeLessThan(1e-7);
    const hs = slopes(ts).map((_, i) => ts[i + 1] - ts[i]);
    for (let i = 1; i < hs.length - 1; i++) expect(hs[i] / hs[i - 1]).toBeLessThanOrEqual(5 + 1e-12);
  });
});

describe('Rodas steps on a linear non-normal 2×2 system (no addSolve: the f-then-solve path)', () => {
  for (const tab of [RODAS4, RODAS5]) {
    it(`${tab.name}: local error O(h^${tab.order + 1}), ${tab.b.length} stages, L-stable`, () => {
      const sys = linear2(A, Bc, C);
      const y0 = [0.7, -1.2];
      const local: number[] = [];
      for (const h of [0.1, 0.05, 0.025, 0.0125]) {
        const out = new Float64Array(2);
        const err = new Float64Array(2);
        expect(rosenbrockStep(sys, tab, Float64Array.from(y0), h, out, err, rosenbrockWork(2, tab))).toBe(tab.b.length);
        local.push(dist(out, exact2(A, Bc, C, h, y0)));
      }
      for (const s of slopes(local).slice(-2)) expect(Math.abs(s - (tab.order + 1))).toBeLessThan(0.35);
      // stiff limit: R(∞) = 0 for these stiffly accurate methods, so a huge step lands (nearly) on 0
      const out = new Float64Array(2);
      rosenbrockStep(sys, tab, Float64Array.from(y0), 1e8, out, new Float64Array(2), rosenbrockWork(2, tab));
      expect(Math.hypot(...out)).toBeLessThan(1e-6);
    });
  }
  it('the stage counts and weights of the stiffly accurate construction', () => {
    expect(RODAS4.b.length).toBe(6);
    expect(RODAS5.b.length).toBe(8);
    for (const tab of [RODAS4, RODAS5]) {
      const s = tab.b.length;
      expect(tab.a.length).toBe(s);
      expect(tab.c.length).toBe(s);
      tab.a.forEach((row, i) => expect(row.length).toBe(i));
      tab.c.forEach((row, i) => expect(row.length).toBe(i));
      expect(tab.b).toEqual([...tab.a[s - 1], 1]); // b = last row of a with a one appended
    }
    expect([RODAS4.gamma, RODAS5.gamma]).toEqual([0.25, 0.19]);
    expect([RODAS4.embeddedOrder, RODAS5.embeddedOrder]).toEqual([3, 4]);
  });
  it('refuses a singular system and a non-finite result with −1', () => {
    const sing = linear2(A, Bc, C, 1e9);
    expect(rosenbrockStep(sing, RODAS5, new Float64Array([1, 1]), 0.1, new Float64Array(2), new Float64Array(2), rosenbrockWork(2, RODAS5))).toBe(-1);
    const nan = linear2(A, Bc, C);
    for (const y of [[NaN, 1], [1, Infinity]])
      expect(rosenbrockStep(nan, RODAS5, Float64Array.from(y), 0.1, new Float64Array(2), new Float64Array(2), rosenbrockWork(2, RODAS5))).toBe(-1);
  });
});

describe('integrateRosenbrock: counters and failure shrink', () => {
  it("y′ = 0 with a solve that fails for h > 1/γ: shrink ×0.25 on failure, grow ×6 on a zero error estimate", () => {
    // Rodas5, γ = 0.19; prepare fails when the shift 1/(hγ) < 0.19, i.e. h > 27.7. Attempts: 100 ✗ → ×0.25,
    // 25 ✓ (t 25; zero error estimate → ×6), 150 ✗, 37.5 ✗, 9.375 ✓ (t 34.375) and the callback stops.
    const zero: StiffProblem = { n: 1, f: (_y, o) => void (o[0] = 0), prepare: (_y, s) => s >= 0.19, solve: () => undefined };
    const ts: number[] = [];
    const y = new Float64Array([3]);
    const out = integrateRosenbrock(zero, RODAS5, y, { rtol: 1e-6, atol: 1e-6, tMax: 1e6, maxSteps: 100, h0: 100, onAccept: (t) => (ts.push(t), ts.length === 2) });
    expect(ts).toEqual([25, 34.375]);
    expect(out).toMatchObject({ status: 'stopped', t: 34.375, steps: 5, accepted: 2, rejected: 3, jacobianEvaluations: 5, rhsEvaluations: 16, linearSolves: 16 });
    expect(y[0]).toBe(3);
  });
  it('without h0: one extra f-call for the initial step; linear decay to the closed form within tolerance', () => {
    const sys = linear2(A, Bc, C);
    for (const tab of [RODAS4, RODAS5]) {
      const y = new Float64Array([0.7, -1.2]);
      const out = integrateRosenbrock(sys, tab, y, { rtol: 1e-8, atol: 1e-8, tMax: 3, maxSteps: 1e4 });
      expect(out.status).toBe('max-time');
      expect(dist(y, exact2(A, Bc, C, 3, [0.7, -1.2]))).toBeLessThan(1e-6);
      expect(out.rhsEvaluations).toBe(1 + tab.b.length * out.steps);
      expect(out.linearSolves).toBe(tab.b.length * out.steps);
      expect(out.jacobianEvaluations).toBe(out.steps);
    }
  });
  it('Rodas5 adaptive: dividing the tolerance by 32 = 2^5 about doubles the accepted steps (error estimate O(h^5))', () => {
    // The controller keeps the per-step estimate E·h^5 near tol, so h ∝ tol^(1/5); allow 1.6–2.5.
    const sys = linear2(-1, 0, -1.5);
    const steps = [1e-6, 1e-6 / 32].map((tol) => {
      const y = new Float64Array([1, 1]);
      return integrateRosenbrock(sys, RODAS5, y, { rtol: tol, atol: tol, tMax: 4, maxSteps: 1e4, h0: 1e-3 });
    });
    const ratio = steps[1].accepted / steps[0].accepted;
    expect(ratio).toBeGreaterThan(1.6);
    expect(ratio).toBeLessThan(2.5);
    expect(steps[0].rejected).toBeLessThanOrEqual(2);
  });
});
