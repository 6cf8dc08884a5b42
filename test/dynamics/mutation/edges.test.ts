/**
 * Edge cases found by mutation testing (mutation/SURVIVORS.md, section src/dynamics): boundary equalities of
 * the controller, the Rodas controller's exponent −1/(q+1) (each step size predicted from the previous step's
 * own error estimate), progress values and divergence bookkeeping of the explicit routes.
 */
import { describe, expect, it } from 'vitest';
import { adaptiveLoop, initialStep, scaledRms, type AdaptiveOutcome, type Stepper } from '../../../src/dynamics/adaptive';
import { progressTracker } from '../../../src/dynamics/common';
import { integrateRosenbrock, RODAS4, RODAS5, rosenbrockStep, rosenbrockWork, type StiffProblem } from '../../../src/dynamics/rosenbrock';
import { gradientDescent, rk45GradientFlow } from '../../../src/dynamics/explicitFlow';
import { stiffGradientFlow } from '../../../src/dynamics/stiffFlow';
import { gradientFlow } from '../../../src/dynamics/gradientFlow';
import type { QuadraticModel } from '../../../src/moments/quadratic';

const fresh = (): AdaptiveOutcome => ({ status: 'max-steps', t: 0, steps: 0, accepted: 0, rejected: 0, rhsEvaluations: 0 });
function scripted(script: number[], hs: number[], facMax = 5, failShrink = 0.3): Stepper {
  let k = 0;
  return {
    expo: -0.2,
    facMax,
    failShrink,
    attempt(y, h, ynew, err) {
      hs.push(h);
      const e = script[Math.min(k++, script.length - 1)];
      ynew[0] = y[0] + h;
      err[0] = e;
      return !Number.isNaN(e);
    },
  };
}
const opts = { rtol: 0, atol: 1, maxSteps: 100 };
const scalar: QuadraticModel = { d: 1, P: [[2]], Q: [[1]], B: [[1]], c: 1 };

describe('controller boundaries', () => {
  it('the very first accepted step may grow (no rejection yet); after a non-finite step growth is capped at 1', () => {
    const hs: number[] = [];
    adaptiveLoop(scripted([2 ** -10, 2 ** -10], hs), new Float64Array([0]), 1, { ...opts, tMax: 100, maxSteps: 2 }, fresh());
    expect(hs[1]).toBeCloseTo(3.6, 12);
    const hn: number[] = [];
    adaptiveLoop(scripted([NaN, 2 ** -10, 2 ** -10], hn), new Float64Array([0]), 1, { ...opts, tMax: 100, maxSteps: 3 }, fresh());
    expect(hn).toEqual([1, 0.3, 0.3]);
  });
  it('a step landing exactly on tMax is not recomputed as tMax − t', () => {
    // 0.1 + 0.2 = 0.30000000000000004 but 0.30000000000000004 − 0.1 = 0.20000000000000004 ≠ 0.2
    const hs: number[] = [];
    const out = fresh();
    adaptiveLoop(scripted([0], hs, 2), new Float64Array([0]), 0.1, { ...opts, tMax: 0.1 + 0.2 }, out);
    expect(hs).toEqual([0.1, 0.2]);
    expect(out.t).toBe(0.1 + 0.2);
  });
  it('h equal to the floor 1e-14·max(1, |t|) is already an underflow', () => {
    const out = fresh();
    adaptiveLoop(scripted([0], []), new Float64Array([0]), 1e-14, { ...opts, tMax: 1 }, out);
    expect(out).toMatchObject({ status: 'step-size-underflow', steps: 0 });
  });
  it('initialStep: exactly 1e-5 is not "tiny"', () => {
    const cst = (v: number) => ({ n: 1, f: (_y: Float64Array, o: Float64Array) => void (o[0] = v) });
    // d0 = 1e-5, d1 = 1 → 0.01·1e-5; d0 = 1, d1 = 1e-5 → 0.01/1e-5
    expect(initialStep(cst(1), new Float64Array([1e-5]), 0, 1)).toBeCloseTo(1e-7, 20);
    expect(initialStep(cst(1e-5), new Float64Array([1]), 0, 1)).toBeCloseTo(1000, 9);
  });
});

describe('Rodas controller: h_{n+1} = h_n·min(6, max(0.2, 0.9·e_n^(−1/(q+1))))', () => {
  for (const tab of [RODAS4, RODAS5]) {
    it(`${tab.name}: every accepted step size predicted from the previous step's own error estimate`, () => {
      let shift = 0;
      const decay: StiffProblem = { n: 1, f: (y, o) => void (o[0] = -y[0]), prepare: (_y, s) => ((shift = s), true), solve: (r) => void (r[0] /= shift + 1) };
      const rtol = 1e-6, atol = 1e-6;
      const ts = [0];
      const ys = [1];
      const y = new Float64Array([1]);
      const out = integrateRosenbrock(decay, tab, y, { rtol, atol, tMax: 6, maxSteps: 1000, h0: 0.01, onAccept: (t, s) => (ts.push(t), ys.push(s[0]), false) });
      expect(out.rejected).toBe(0);
      expect(ts.length).toBeGreaterThan(8);
      const q = tab.embeddedOrder;
      for (let i = 1; i < ts.length - 2; i++) {
        const h = ts[i] - ts[i - 1];
        const ynew = new Float64Array(1), err = new Float64Array(1);
        rosenbrockStep(decay, tab, Float64Array.from([ys[i - 1]]), h, ynew, err, rosenbrockWork(1, tab));
        const e = scaledRms(err, Float64Array.from([ys[i - 1]]), ynew, rtol, atol);
        const predicted = h * Math.min(6, Math.max(0.2, 0.9 * e ** (-1 / (q + 1))));
        // err is a difference of O(h) stage increments: relative accuracy about ε·h/|err|, up to ~1e-8 on the
        // early steps where |err| ≪ tol; a wrong exponent (−1/q or −1/(q+2)) moves the factor by percents.
        expect(Math.abs(ts[i + 1] - ts[i] - predicted) / predicted).toBeLessThan(1e-6);
      }
    });
  }
});

describe('progress and divergence bookkeeping of the routes', () => {
  it('each route reports log(m0/m)/log(m0/tol) from the initial measure m0 = |u0·U0 − V*|/|V*| = 0.98, and t', () => {
    const runs = [
      ['stiff', (o: object) => stiffGradientFlow(scalar, { u0: 0.1, U0: [[0.1]], tMax: 4, progressEvery: 1, convergenceTol: 1e-8, ...o }), 1e-8],
      ['rk45', (o: object) => rk45GradientFlow(scalar, { u0: 0.1, U0: [[0.1]], tMax: 4, progressEvery: 1, convergenceTol: 1e-8, ...o }), 1e-8],
      ['gd', (o: object) => gradientDescent(scalar, { u0: 0.1, U0: [[0.1]], step: 0.05, maxSteps: 30, progressEvery: 1, convergenceTol: 1e-8, ...o }), 1e-8],
    ] as const;
    for (const [name, run, tol] of runs) {
      const seen: { fraction: number; t: number; steps: number; measure: number }[] = [];
      const r = run({ onProgress: (p: { fraction: number; t: number; steps: number; measure: number }) => seen.push(p) });
      expect(seen[0].measure, name).toBeCloseTo(0.98, 14);
      let best = 0;
      for (const p of seen) {
        best = Math.max(best, Math.min(1, Math.max(0, Math.log(0.98 / p.measure) / Math.log(0.98 / tol))));
        expect(Math.abs(p.fraction - best), name).toBeLessThan(1e-12);
      }
      expect(best, name).toBeGreaterThan(0.01);
      if (name === 'gd') seen.forEach((p) => expect(p.t).toBeCloseTo(p.steps * 0.05, 14));
      expect(seen.at(-1)!.t, name).toBe(r.t);
    }
  });
  it('a zero measure is progress 1', () => {
    const f: number[] = [];
    const rep = progressTracker(1e-6, (p) => f.push(p.fraction), 1);
    rep(0, 0, 1);
    rep(0, 1, 0);
    expect(f).toEqual([0, 1]);
  });
  it('gradient descent: a start exactly at the tolerance has converged; divergence stops while the iterates are still finite', () => {
    // P = 4, Q = 1, B = 2: V* = 0.5 exactly (Cholesky factor 2); V = 0.75: measure 0.25/0.5 = 0.5 exactly
    const at = gradientDescent({ d: 1, P: [[4]], Q: [[1]], B: [[2]], c: 0 }, { u0: 1, U0: [[0.75]], step: 0.1, convergenceTol: 0.5 });
    expect(at.status).toBe('converged');
    expect(at.stats.steps).toBe(0);
    const r = gradientDescent(scalar, { u0: 2, U0: [[2]], step: 3 });
    expect(r.status).toBe('diverged');
    expect(Number.isFinite(r.u) && Number.isFinite(r.U[0][0])).toBe(true);
    expect(r.u ** 2 + r.U[0][0] ** 2).toBeGreaterThanOrEqual(1e200);
  });
  it('a state that overflowed reports loss NaN', () => {
    // G = 2·1e300 − 1 ≈ 2e300, then u ← 1e150 − 2e300·1e150 = −∞ (and likewise U)
    const r = gradientDescent(scalar, { u0: 1e150, U0: [[1e150]], step: 1 });
    expect(r.status).toBe('diverged');
    expect(Number.isFinite(r.u)).toBe(false);
    expect(r.loss).toBeNaN();
  });
  it('the tolerance options are named in the refusals of both adaptive routes; gradientFlow names its own options', () => {
    for (const run of [stiffGradientFlow, rk45GradientFlow]) {
      expect(() => run(scalar, { u0: 1, U0: [[1]], rtol: -1 })).toThrow(/^rtol must be a finite number > 0, got -1$/);
      expect(() => run(scalar, { u0: 1, U0: [[1]], atol: 0 })).toThrow(/^atol must be a finite number > 0, got 0$/);
    }
    expect(() => gradientFlow(scalar, 7 as never)).toThrow(/^options must be an object \{ u0, U0, method\?, … \}$/);
  });
});

describe('stiffGradientFlow: the integrator option', () => {
  const model: QuadraticModel = { d: 1, P: [[2]], Q: [[1]], B: [[1]], c: 0.5 };
  it('refuses a name other than rosenbrock or bdf; accepts both', () => {
    expect(() => stiffGradientFlow(model, { u0: 0.1, U0: [[0.1]], integrator: 'lsoda' as 'bdf' })).toThrow(/^integrator must be 'rosenbrock' or 'bdf', got 'lsoda'/);
    expect(stiffGradientFlow(model, { u0: 0.1, U0: [[0.1]], integrator: 'rosenbrock' }).scheme).toMatch(/^Rodas5 /);
    expect(stiffGradientFlow(model, { u0: 0.1, U0: [[0.1]], integrator: 'bdf' }).scheme).toMatch(/^BDF /);
  });
});
