/**
 * The variable-order BDF integrator (src/dynamics/bdf.ts): the same steps as SciPy's BDF (counts and
 * states recorded from SciPy 1.17 by scripts/compare/bdf-fixture.ts), exact rescaling of backward
 * differences, closed-form linear ODEs, statuses, and agreement with Rodas5 on the LSA flow.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BDF_ERROR_CONST, BDF_GAMMA, NDF_KAPPA, bdfInitialStep, bdfOutcome, changeDifferences, integrateBdf, rescaleMatrix } from '../../src/dynamics/bdf';
import { eigenSystem } from '../../src/dynamics/eigenSystem';
import { stiffGradientFlow } from '../../src/dynamics/stiffFlow';
import type { StiffProblem } from '../../src/dynamics/rosenbrock';
import type { ArrowSystem } from '../../src/kernels';
import { arrowAddSolveJs, arrowPrepareJs, arrowSolveJs } from '../../src/kernels/js/arrow';
import { flowFixture } from './helpers';
import { stream } from '../../src/random/stream';
import { drawCovariance } from '../../src/random/covariance';
import { initialReduced, randomTheta } from '../../src/lsa/init';
import { trainingLossModel } from '../../src/moments/quadratic';
import { rotateIn } from '../../src/dynamics/eigenSystem';

interface Mark {
  steps: number;
  t: number;
  y: number[];
  nfev: number;
  njev: number;
  nlu: number;
  order: number;
}
interface FixtureCase {
  name: string;
  a: number[];
  b: number[];
  /** Linear cases: y′ = −λ(y − g) solved with the wrong Jacobian −diag(μ). */
  lam?: number[];
  g?: number[];
  mu?: number[];
  y0: number[];
  rtol: number;
  atol: number;
  marks: Mark[];
}
const fixture = JSON.parse(readFileSync(new URL('./fixtures/bdf-scipy.json', import.meta.url), 'utf8')) as { scipy: string; cases: FixtureCase[] };

/** The diagonalized flow from arrays a, b, with the plain JS arrow kernels; `fused` toggles addSolve. */
function arrowProblem(a: number[], b: number[], fused = true): StiffProblem {
  const m = a.length;
  const sys: ArrowSystem = { a: Float64Array.from(a), b: Float64Array.from(b), cvec: new Float64Array(m), dinv: new Float64Array(m), s: new Float64Array(1) };
  const p: StiffProblem = {
    n: m + 1,
    f(y, out) {
      const u = y[0];
      let su = 0;
      for (let k = 0; k < m; k++) {
        const g = u * a[k] * y[k + 1] - b[k];
        out[k + 1] = -u * g;
        su += y[k + 1] * g;
      }
      out[0] = -su;
    },
    prepare: (y, shift) => arrowPrepareJs(sys, y, shift),
    solve: (r) => arrowSolveJs(sys, r),
  };
  if (fused) p.addSolve = (y, r) => arrowAddSolveJs(sys, y, r);
  return p;
}

/** Decoupled linear y_i′ = −λ_i (y_i − g_i): exact y_i(t) = g_i + (y_i(0) − g_i) e^(−λ_i t). Diagonal Jacobian. */
function linearProblem(lambda: number[], g: number[]): StiffProblem & { shifts: number[] } {
  let shift = NaN;
  const shifts: number[] = [];
  return {
    n: lambda.length,
    shifts,
    f(y, out) {
      for (let i = 0; i < y.length; i++) out[i] = -lambda[i] * (y[i] - g[i]);
    },
    prepare(_y, s) {
      shift = s;
      shifts.push(s);
      return true;
    },
    solve(r) {
      for (let i = 0; i < r.length; i++) r[i] /= shift + lambda[i];
    },
  };
}

/** y′ = −λ(y − g) whose iteration matrix uses −diag(μ) instead of the true Jacobian −diag(λ). */
function wrongJacobianProblem(lam: number[], g: number[], mu: number[]): StiffProblem {
  const p = linearProblem(lam, g);
  let shift = NaN;
  return { ...p, prepare: (_y, s) => ((shift = s), true), solve: (r) => r.forEach((v, i) => (r[i] = v / (shift + mu[i]))) };
}

describe('BDF: the same steps as SciPy (fixture recorded from SciPy ' + fixture.scipy + ')', () => {
  for (const c of fixture.cases)
    for (const fused of c.lam ? [false] : [true, false])
      it(`${c.name} (rtol ${c.rtol}${fused ? '' : ', unfused solve'}): t, y, f/J/LU counts and order at each checkpoint`, () => {
        const problem = c.lam ? wrongJacobianProblem(c.lam, c.g!, c.mu!) : arrowProblem(c.a, c.b, fused);
        const y = Float64Array.from(c.y0);
        const seen: { t: number; y: number[]; nfev: number; njev: number; nlu: number; order: number }[] = [];
        let accepted = 0;
        const last = c.marks[c.marks.length - 1].steps;
        const live = bdfOutcome();
        const out = integrateBdf(problem, y, {
          rtol: c.rtol,
          atol: c.atol,
          tMax: 1e12,
          maxSteps: 100_000,
          onAccept(t, s) {
            accepted++;
            if (c.marks.some((m) => m.steps === accepted))
              seen.push({ t, y: Array.from(s), nfev: live.rhsEvaluations, njev: live.jacobianEvaluations, nlu: live.factorizations, order: live.order });
            return accepted >= last;
          },
        }, live);
        expect(out).toBe(live);
        expect(out.status).toBe('stopped');
        expect(out.accepted).toBe(last);
        expect(seen).toHaveLength(c.marks.length);
        c.marks.forEach((m, i) => {
          const s = seen[i];
          // Same algorithm, rounding apart: the counters agree exactly. t and y differ by rounding (the
          // order of floating-point operations differs) carried along by the flow, whose start is a
          // saddle with an unstable direction: measured 3e-15 after 1 step, 2e-11 after 20, ≤ 1.1e-8
          // after 150-300 steps. Bound: 1e-7 relative (a wrong coefficient or control rule moves the
          // counters, which are compared exactly; this bound catches a wrong state update).
          expect(Math.abs(s.t - m.t)).toBeLessThanOrEqual(1e-7 * m.t);
          for (let k = 0; k < m.y.length; k++) expect(Math.abs(s.y[k] - m.y[k])).toBeLessThanOrEqual(1e-7 * (Math.abs(m.y[k]) + c.atol));
          expect({ nfev: s.nfev, njev: s.njev, nlu: s.nlu, order: s.order }).toEqual({ nfev: m.nfev, njev: m.njev, nlu: m.nlu, order: m.order });
        });
      });
});

describe('BDF: backward differences and coefficients', () => {
  /** ∇^j p(t) with spacing h for a vector polynomial p (coefficients c[deg][component]). */
  function backwardDifferences(c: number[][], t: number, h: number, order: number): Float64Array {
    const n = c[0].length;
    const p = (s: number) => Array.from({ length: n }, (_, q) => c.reduce((acc, row, k) => acc + row[q] * s ** k, 0));
    // ∇^j p(t) = Σ_i (−1)^i C(j, i) p(t − i h)
    const out = new Float64Array((order + 1) * n);
    for (let j = 0; j <= order; j++) {
      let binom = 1;
      for (let i = 0; i <= j; i++) {
        const v = p(t - i * h);
        for (let q = 0; q < n; q++) out[j * n + q] += (i % 2 === 0 ? 1 : -1) * binom * v[q];
        binom = (binom * (j - i)) / (i + 1);
      }
    }
    return out;
  }

  for (const [order, factor] of [
    [1, 0.5],
    [2, 2.7],
    [3, 0.37],
    [5, 1.9],
    [5, 0.2],
  ])
    it(`rescaling order ${order} by ${factor} gives the differences of a degree-${order} polynomial at spacing ${factor}·h, exactly`, () => {
      const c = Array.from({ length: order + 1 }, (_, k) => [1.5 - 0.3 * k, 0.2 * k * k - 1, (-1) ** k / (k + 1)]);
      const n = 3;
      const h = 0.13;
      const t = 0.8;
      const D = new Float64Array((order + 3) * n);
      D.set(backwardDifferences(c, t, h, order));
      D.fill(7, (order + 1) * n); // rows above `order` must be left alone
      changeDifferences(D, n, order, factor, new Float64Array((order + 1) * n));
      const want = backwardDifferences(c, t, factor * h, order);
      for (let i = 0; i < want.length; i++) expect(Math.abs(D[i] - want[i])).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(want[i])));
      for (let i = (order + 1) * n; i < D.length; i++) expect(D[i]).toBe(7);
    });

  it('R(order, 1) composed with itself is the identity (rescaling by 1 changes nothing)', () => {
    for (const order of [1, 3, 5]) {
      const U = rescaleMatrix(order, 1);
      const k = order + 1;
      for (let i = 0; i < k; i++)
        for (let j = 0; j < k; j++) {
          const v = U[i].reduce((s, r, l) => s + r * U[l][j], 0);
          expect(v).toBeCloseTo(i === j ? 1 : 0, 12);
        }
    }
  });

  it('the coefficients: γ_k harmonic numbers, error constants κ_k γ_k + 1/(k+1), BDF5 (κ = 0) has 1/6', () => {
    let h = 0;
    for (let k = 1; k <= 5; k++) {
      h += 1 / k;
      expect(BDF_GAMMA[k]).toBeCloseTo(h, 14);
    }
    expect(BDF_GAMMA[0]).toBe(0);
    // Shampine & Reichelt (1997), Table 1: κ = −0.1850, −1/9, −0.0823, −0.0415, 0 for orders 1..5.
    expect(NDF_KAPPA).toEqual([0, -0.185, -1 / 9, -0.0823, -0.0415, 0]);
    expect(BDF_ERROR_CONST.map((e) => +e.toFixed(12))).toEqual([1, 0.315, 1 / 6 + 1.5 / 9 - 1.5 / 9 - (1.5 * 1) / 9 + 1 / 3 - 1 / 6, 0.25 - 0.0823 * (11 / 6), 0.2 - 0.0415 * (25 / 12), 1 / 6, 1 / 7].map((e) => +e.toFixed(12)));
  });
});

/** Run integrateBdf and return the outcome and the final state. */
function runLinear(lambda: number[], g: number[], y0: number[], rtol: number, tMax: number) {
  const problem = linearProblem(lambda, g);
  const y = Float64Array.from(y0);
  const out = integrateBdf(problem, y, { rtol, atol: rtol, tMax, maxSteps: 100_000 });
  const exact = lambda.map((l, i) => g[i] + (y0[i] - g[i]) * Math.exp(-l * out.t));
  const err = Math.max(...exact.map((e, i) => Math.abs(y[i] - e)));
  return { out, y, err, problem };
}

describe('BDF: closed-form linear ODEs', () => {
  // Rates from 0.1 to 1e5 (stiffness ratio 1e6): y_i(t) = g_i + (y_i(0) − g_i) e^(−λ_i t), to t ≈ 20.
  const lambda = [0.1, 1, 1e3, 1e5];
  const g = [1, -2, 0.5, 3];
  it('the global error follows the tolerance: ≤ 50·rtol, and falls ≥ 100× per 1000× tighter rtol', () => {
    // Measured error/rtol: 0.2 (1e-4), 1.8 (1e-6), 2.6 (1e-8), 7.6 (1e-10), 20 (1e-12): BDF's global
    // error is a modest multiple of the local tolerance, growing slowly as the tolerance tightens.
    const errs = [1e-5, 1e-8, 1e-11].map((rtol) => {
      const r = runLinear(lambda, g, [0, 0, 0, 0], rtol, 20);
      expect(r.out.status).toBe('max-time');
      expect(r.out.t).toBeGreaterThanOrEqual(20);
      expect(r.err).toBeLessThanOrEqual(50 * rtol);
      return r.err;
    });
    expect(errs[0] / errs[1]).toBeGreaterThan(100);
    expect(errs[1] / errs[2]).toBeGreaterThan(100);
  });

  it('reaches order 5 on a smooth problem and keeps the factorization while h is unchanged', () => {
    const r = runLinear(lambda, g, [0, 0, 0, 0], 1e-10, 20);
    expect(r.out.order).toBe(5);
    // one factorization per change of h or order, not one per step
    expect(r.out.factorizations).toBeLessThan(r.out.accepted / 2);
    expect(r.out.factorizations).toBe(r.problem.shifts.length);
    // every shift handed to prepare is 1/c = α_k / h > 0
    for (const s of r.problem.shifts) expect(s).toBeGreaterThan(0);
    // every accepted or rejected attempt is a step
    expect(r.out.steps).toBe(r.out.accepted + r.out.rejected);
    // f: once at the start, once in the initial-step estimate, then once per Newton iteration (= solve)
    expect(r.out.rhsEvaluations).toBe(r.out.linearSolves + 2);
    const given = integrateBdf(linearProblem(lambda, g), new Float64Array(4), { rtol: 1e-10, atol: 1e-10, tMax: 1, maxSteps: 100_000, h0: 1e-6 });
    expect(given.rhsEvaluations).toBe(given.linearSolves + 1);
  });

  it('y′ = 0 from a fixed point: nothing moves, every step accepted, h grows', () => {
    const r = runLinear([2, 3], [1, -1], [1, -1], 1e-8, 1e3);
    expect(Array.from(r.y)).toEqual([1, -1]);
    expect(r.out.rejected).toBe(0);
    expect(r.out.accepted).toBeLessThan(30);
    // the error estimates are all 0, a tie between keeping the order and raising it: the order is kept
    expect(r.out.order).toBe(1);
    // h0 = 0.5 twice (an order change is considered only after order + 1 equal steps): t = 1 exactly, and
    // the run stops there, at tMax, not one step later
    const z = new Float64Array([1, -1]);
    const out = integrateBdf(linearProblem([2, 3], [1, -1]), z, { rtol: 1e-8, atol: 1e-8, tMax: 1, maxSteps: 100, h0: 0.5 });
    expect(out).toMatchObject({ status: 'max-time', t: 1, accepted: 2 });
  });
});

describe('BDF: statuses and failures', () => {
  const lambda = [1, 50];
  const g = [1, 1];
  it('a fresh outcome is zeroed; rejected attempts are counted as steps', () => {
    expect(bdfOutcome()).toEqual({ status: 'max-steps', t: 0, steps: 0, accepted: 0, rejected: 0, rhsEvaluations: 0, jacobianEvaluations: 0, factorizations: 0, linearSolves: 0, order: 1 });
    // rtol 1e-4 on the stiff linear problem rejects a few steps on the error test (7 measured)
    const r = runLinear([0.1, 1, 1e3, 1e5], [1, -2, 0.5, 3], [0, 0, 0, 0], 1e-4, 20);
    expect(r.out.rejected).toBeGreaterThan(0);
    expect(r.out.steps).toBe(r.out.accepted + r.out.rejected);
  });

  it('stops at maxSteps, at tMax, and when onAccept says so', () => {
    const y = new Float64Array(2);
    expect(integrateBdf(linearProblem(lambda, g), y, { rtol: 1e-8, atol: 1e-8, tMax: 10, maxSteps: 3 })).toMatchObject({ status: 'max-steps', steps: 3 });
    const r = runLinear(lambda, g, [0, 0], 1e-6, 0.01);
    expect(r.out.status).toBe('max-time');
    expect(r.out.t).toBeGreaterThanOrEqual(0.01);
    let calls = 0;
    const z = new Float64Array(2);
    const s = integrateBdf(linearProblem(lambda, g), z, { rtol: 1e-8, atol: 1e-8, tMax: 10, maxSteps: 1000, onAccept: () => ++calls === 4 });
    expect(s).toMatchObject({ status: 'stopped', accepted: 4 });
    expect(s.t).toBeGreaterThan(0);
  });

  it('an infinite or NaN h0 ends at once with a step-size underflow, no step taken', () => {
    for (const h0 of [Infinity, NaN]) {
      const out = integrateBdf(linearProblem(lambda, g), new Float64Array(2), { rtol: 1e-6, atol: 1e-6, tMax: 10, maxSteps: 100, h0 });
      expect(out).toMatchObject({ status: 'step-size-underflow', steps: 0, t: 0 });
    }
  });

  it('a first step exactly at the floor (10·1e-300·ε at t = 0) is taken, not refused', () => {
    const out = integrateBdf(linearProblem(lambda, g), new Float64Array(2), { rtol: 1e-6, atol: 1e-6, tMax: 10, maxSteps: 1, h0: 10 * 1e-300 * 2 ** -52 });
    expect(out).toMatchObject({ status: 'max-steps', steps: 1 });
  });

  it('a given h0 is the first step', () => {
    const y = new Float64Array(2);
    let first = NaN;
    integrateBdf(linearProblem(lambda, g), y, { rtol: 1e-3, atol: 1e-3, tMax: 10, maxSteps: 1000, h0: 1e-6, onAccept: (t) => ((first = t), true) });
    expect(first).toBe(1e-6);
  });

  it('f not finite past a wall: Newton fails, the Jacobian is re-evaluated once per step, h halves to underflow', () => {
    // y′ = 1, and f is NaN once y > 1: the flow hits the wall at t = 1 and cannot pass it.
    const problem: StiffProblem = {
      n: 1,
      f: (y, out) => void (out[0] = y[0] > 1 ? NaN : 1),
      prepare: () => true,
      solve: (r) => void (r[0] /= 1),
    };
    const y = new Float64Array(1);
    const out = integrateBdf(problem, y, { rtol: 1e-6, atol: 1e-6, tMax: 10, maxSteps: 10_000 });
    expect(out.status).toBe('step-size-underflow');
    expect(y[0]).toBeLessThanOrEqual(1);
    expect(y[0]).toBeGreaterThan(1 - 1e-9);
    expect(out.rejected).toBeGreaterThan(30);
    // the floor is 10 ulp of t ≈ 2e-15 at t ≈ 1: some 50 halvings from h ≈ 0.1, not ~1000 (to the subnormals)
    expect(out.rejected).toBeLessThan(150);
    // one fresh Jacobian per accepted step at most (plus the initial one)
    expect(out.jacobianEvaluations).toBeLessThanOrEqual(out.accepted + 2);
    // a failed Newton stops at its first non-finite correction: ≤ 2 f per rejected attempt (stale and
    // fresh Jacobian), ≤ 4 per accepted one, 2 at the start
    expect(out.rhsEvaluations).toBeLessThanOrEqual(2 + 4 * out.accepted + 2 * out.rejected);
    expect(out.jacobianEvaluations).toBeGreaterThan(1);
  });

  it('a singular iteration matrix (prepare fails) is a Newton failure, ending in underflow, not an exception', () => {
    const problem: StiffProblem = { n: 1, f: (_y, out) => void (out[0] = 1), prepare: () => false, solve: () => undefined };
    const y = new Float64Array(1);
    const out = integrateBdf(problem, y, { rtol: 1e-6, atol: 1e-6, tMax: 10, maxSteps: 10_000 });
    expect(out.status).toBe('step-size-underflow');
    expect(out.accepted).toBe(0);
    expect(out.factorizations).toBeGreaterThan(2);
    expect(y[0]).toBe(0);
    // no Newton iteration without a factorization: f only at the start and in the initial-step estimate
    expect(out.rhsEvaluations).toBe(2);
    expect(out.linearSolves).toBe(0);
  });

  it('the initial step: Hairer’s estimate min(100·h0, (0.01/max(d1, d2))^(1/2)), by hand', () => {
    // y′ = −y from y = 1, rtol = atol = 1e-3: scale = 2e-3, d0 = d1 = 500 → h0 = 0.01;
    // f1 − f0 = 0.01 → d2 = (0.01/2e-3)/0.01 = 500 → h1 = (0.01/500)^(1/2) = 0.004472…
    const y = new Float64Array([1]);
    const h = bdfInitialStep(linearProblem([1], [0]), y, new Float64Array([-1]), 1e-3, 1e-3);
    expect(h).toBeCloseTo(Math.sqrt(0.01 / 500), 15);
    // tiny y: h0 = 1e-6, and then h1 limits
    const z = new Float64Array([1e-12]);
    const h2 = bdfInitialStep(linearProblem([1], [0]), z, new Float64Array([-1e-12]), 1e-3, 1e-3);
    expect(h2).toBeCloseTo(1e-4, 15); // d1, d2 ≤ 1e-15 is false (5e-10); h1 = (0.01/5e-10)^(1/2) = 4472 → min(100·1e-6, …)
    // f ≡ 0: d1 = d2 = 0 → h1 = max(1e-6, 1e-9) = 1e-6, result min(1e-4, 1e-6)
    const h3 = bdfInitialStep(linearProblem([0], [0]), new Float64Array([1]), new Float64Array([0]), 1e-3, 1e-3);
    expect(h3).toBe(1e-6);
    // only f tiny (d0 = 500, d1 = 5e-10): h0 = 1e-6, h1 = (0.01/5e-10)^(1/2) ≈ 4472 → 100·h0 = 1e-4
    const h4 = bdfInitialStep(linearProblem([1e-12], [0]), new Float64Array([1]), new Float64Array([-1e-12]), 1e-3, 1e-3);
    expect(h4).toBeCloseTo(1e-4, 15);
    // f0 = 0 but f moves (d1 = 0, d2 = (1/2e-3)/1e-6 = 5e8): h1 = (0.01/5e8)^(1/2) ≈ 4.47e-6, below 100·h0
    const jump: StiffProblem = { n: 1, f: (_y, out) => void (out[0] = 1), prepare: () => true, solve: () => undefined };
    const h5 = bdfInitialStep(jump, new Float64Array([1]), new Float64Array([0]), 1e-3, 1e-3);
    expect(h5).toBeCloseTo(Math.sqrt(0.01 / 5e8), 15);
    // the thresholds are strict: d0 = 1e-5 exactly (atol 1, rtol 0, y = 1e-5, f0 = −1e-3) is not "tiny":
    // h0 = 0.01·1e-5/1e-3 = 1e-4, d2 = 0.1, h1 = (0.01/0.1)^(1/2) ≈ 0.32 → min(100·h0, h1) = 0.01
    expect(bdfInitialStep(linearProblem([100], [0]), new Float64Array([1e-5]), new Float64Array([-1e-3]), 0, 1)).toBeCloseTo(0.01, 14);
    // d1 = 1e-5 exactly (y = 1, f0 = −1e-5): h0 = 0.01/1e-5 = 1000, h1 = (0.01/1e-5)^(1/2) ≈ 31.6
    expect(bdfInitialStep(linearProblem([1e-5], [0]), new Float64Array([1]), new Float64Array([-1e-5]), 0, 1)).toBeCloseTo(Math.sqrt(1000), 10);
    // d1 = 1e-15 exactly and d2 = 0 (f constant to rounding): h1 = max(1e-6, 1e-9) = 1e-6, not (0.01/1e-15)^(1/2)
    const flat: StiffProblem = { n: 1, f: (_y, out) => void (out[0] = -1e-15), prepare: () => true, solve: () => undefined };
    expect(bdfInitialStep(flat, new Float64Array([1]), new Float64Array([-1e-15]), 0, 1)).toBe(1e-6);
    // d2 = 1e-15 exactly (f0 = 0, h0 = 1e-6, f1 = 1e-21 with 1e-21/1e-6 = 1e-15 in floating point) and d1 = 0
    const v = 1e-15 * 1e-6;
    expect(v / 1e-6).toBe(1e-15);
    const tiny: StiffProblem = { n: 1, f: (_y, out) => void (out[0] = v), prepare: () => true, solve: () => undefined };
    expect(bdfInitialStep(tiny, new Float64Array([1]), new Float64Array([0]), 0, 1)).toBe(1e-6);
  });
});

describe('BDF on the LSA flow (stiffGradientFlow, integrator "bdf")', () => {
  it('converges to the same minimizer as Rodas5, with the invariant drifting (not projected)', () => {
    const fx = flowFixture(4, 10, 'rotated', 30, 3, 0.1);
    const opts = { u0: fx.u0, U0: fx.U0, rtol: 1e-10, convergenceTol: 1e-9 };
    const b = stiffGradientFlow(fx.model, { ...opts, integrator: 'bdf' });
    const r = stiffGradientFlow(fx.model, opts);
    expect(b.status).toBe('converged');
    expect(b.scheme).toMatch(/^BDF/);
    expect(r.scheme).toMatch(/^Rodas5/);
    expect(b.measure).toBeLessThanOrEqual(1e-9);
    // both within 1e-9 of V*, so within 2e-9 of each other (relative to ‖V*‖_F ≈ ‖V‖_F)
    const vn = Math.hypot(...r.V.flat());
    const diff = Math.hypot(...b.V.flat().map((v, i) => v - r.V.flat()[i]));
    expect(diff / vn).toBeLessThanOrEqual(2.5e-9);
    expect(b.maxBalanceDrift).toBeGreaterThan(0);
    expect(b.maxBalanceDrift).toBeLessThan(1e-6);
    expect(b.stats.jacobianEvaluations).toBeLessThan(b.stats.steps / 10);
    expect(b.stats.rhsEvaluations).toBeLessThan(r.stats.rhsEvaluations);
    expect(b.stats.linearSolves).toBeGreaterThan(0);
  });

  it('a loose tolerance drifts more (the balance is what the integration gives)', () => {
    const fx = flowFixture(3, 8, 'rotated', 10, 4, 0.2);
    const loose = stiffGradientFlow(fx.model, { u0: fx.u0, U0: fx.U0, rtol: 1e-5, convergenceTol: 1e-6, integrator: 'bdf' });
    const tight = stiffGradientFlow(fx.model, { u0: fx.u0, U0: fx.U0, rtol: 1e-10, convergenceTol: 1e-6, integrator: 'bdf' });
    expect(loose.maxBalanceDrift).toBeGreaterThan(100 * tight.maxBalanceDrift);
  });
});

it('BDF through eigenSystem (the kernel seam) takes the same steps as SciPy on the first recorded case', () => {
  // Rebuild the case as scripts/compare/bdf-fixture.ts does; the arrays must be the recorded ones.
  const c = fixture.cases[0] as FixtureCase & { d: number; kappa: number; seed: number; sigma: number };
  const root = stream(c.seed);
  const lambda = drawCovariance('rotated', c.d, root.child('covariance'), { kappa: c.kappa });
  const init = initialReduced(c.sigma, randomTheta(c.d, root.child('theta')));
  const sys = eigenSystem(trainingLossModel(lambda, 5));
  expect(Array.from(sys.a)).toEqual(c.a);
  expect(Array.from(sys.b)).toEqual(c.b);
  const y = Float64Array.from([init.u, ...rotateIn(init.U, sys.phi, sys.psi)]);
  expect(Array.from(y)).toEqual(c.y0);
  const last = c.marks[c.marks.length - 1];
  const live = bdfOutcome();
  const z = Float64Array.from(c.y0);
  integrateBdf(sys, z, { rtol: c.rtol, atol: c.atol, tMax: 1e12, maxSteps: 100_000, onAccept: () => live.accepted === last.steps }, live);
  expect({ nfev: live.rhsEvaluations, njev: live.jacobianEvaluations, nlu: live.factorizations, order: live.order }).toEqual({ nfev: last.nfev, njev: last.njev, nlu: last.nlu, order: last.order });
});
