/**
 * The three routes of the reduced gradient flow: agreement of the stiff (eigenbasis) and explicit
 * (original coordinates) integrators, conservation of u² − ‖U‖_F² without projection, convergence from
 * Assumption 3.3 for ill-conditioned Λ, and gradient descent's two outcomes.
 */
import { describe, expect, it } from 'vitest';
import { Matrix, solve } from 'ml-matrix';
import { conditionNumber, frobenius, relativeDistance, type Mat } from '../../src/linalg/matrix';
import { gdStepScale, gradientDescent, rk45GradientFlow } from '../../src/dynamics/explicitFlow';
import { stiffGradientFlow } from '../../src/dynamics/stiffFlow';
import { gradientFlow } from '../../src/dynamics/gradientFlow';
import { RODAS4 } from '../../src/dynamics/rosenbrock';
import { subsampleTrajectory, TrajectoryRecorder } from '../../src/dynamics/trajectory';
import { populationLoss } from '../../src/moments/quadratic';
import { theorem41SigmaBound } from '../../src/theory/theorem41';
import { flowFixture } from './helpers';

const EPS = 2 ** -52;

/** V* solving P V Q = B, by two dense LU solves (ml-matrix), independent of the flow's code. */
function minimizerBySolve(P: Mat, Q: Mat, B: Mat): Mat {
  const x = solve(new Matrix(P), new Matrix(B)); // P X = B
  return solve(new Matrix(Q), x.transpose()).transpose().to2DArray(); // V Q = X, Q symmetric
}

describe('stiff (Rodas5, eigenbasis) vs explicit (Dormand–Prince, original coordinates)', () => {
  const fx = flowFixture(5, 10, 'rotated', 4, 21, 0.2);
  it('agree on the state in the transient and at convergence', () => {
    // t = 3 lies in the escape from the saddle at 0 (distance to V* still ≈ 0.5): the hard part.
    const a = stiffGradientFlow(fx.model, { u0: fx.u0, U0: fx.U0, rtol: 1e-11, tMax: 3 });
    const b = rk45GradientFlow(fx.model, { u0: fx.u0, U0: fx.U0, rtol: 1e-11, tMax: 3 });
    expect(a.status).toBe('max-time');
    expect(b.status).toBe('max-time');
    expect(a.t).toBe(3);
    expect(b.t).toBe(3);
    expect(a.measure).toBeGreaterThan(0.1);
    // Measured: |Δu| 7e-13, ‖ΔU‖/‖U‖ 4e-13 (global errors of a few rtol each). Bound 1e-9 leaves a
    // ×1000 margin; a wrong sign, rotation or Jacobian entry changes the state at O(1e-2) or more.
    expect(Math.abs(a.u - b.u)).toBeLessThan(1e-9);
    expect(relativeDistance(a.U, b.U)).toBeLessThan(1e-9);
    const ca = gradientFlow(fx.model, { u0: fx.u0, U0: fx.U0 });
    const cb = gradientFlow(fx.model, { u0: fx.u0, U0: fx.U0, method: 'rk45' });
    expect(ca.status).toBe('converged');
    expect(cb.status).toBe('converged');
    expect(relativeDistance(ca.V, cb.V)).toBeLessThan(1e-9); // rk45 stops at 1e-10 from V*
    // the point reached on the manifold of minima is fixed by the conserved balance: u agrees too
    expect(Math.abs(ca.u - cb.u) / ca.u).toBeLessThan(1e-8);
    expect(cb.stats.rhsEvaluations).toBeGreaterThan(ca.stats.rhsEvaluations / 4); // sanity: both did real work
  });

  it('Rodas4 and Rodas5 reach the same point', () => {
    const a = stiffGradientFlow(fx.model, { u0: fx.u0, U0: fx.U0 });
    const b = stiffGradientFlow(fx.model, { u0: fx.u0, U0: fx.U0, tableau: RODAS4 });
    expect(a.scheme).toMatch(/Rodas5/);
    expect(b.scheme).toMatch(/Rodas4/);
    expect(Math.abs(a.u - b.u) / a.u).toBeLessThan(1e-9);
    expect(relativeDistance(a.U, b.U)).toBeLessThan(1e-9);
  });
});

describe('conservation of u² − ‖U‖_F² (C05) comes out of the integration', () => {
  const fx = flowFixture(6, 10, 'rotated', 30, 4, 0.1);
  it('drifts by O(rtol) along the whole trajectory, and visibly more at a loose rtol (no projection)', () => {
    const tight = stiffGradientFlow(fx.model, { u0: fx.u0, U0: fx.U0, rtol: 1e-12 });
    const loose = stiffGradientFlow(fx.model, { u0: fx.u0, U0: fx.U0, rtol: 1e-6 });
    for (const r of [tight, loose]) {
      expect(r.status).toBe('converged');
      const scale = Math.max(1, r.u * r.u);
      // Each accepted step changes the invariant by ≲ its local error ≈ rtol·scale (RMS control);
      // the errors partly cancel, measured drift/(rtol·scale) ≈ 0.3–5 across the cases tried: bound 50.
      expect(r.maxBalanceDrift).toBeLessThan(50 * r.rtol * scale);
      for (const b of r.trajectory.balance) expect(Math.abs(b - r.trajectory.balance[0])).toBeLessThanOrEqual(r.maxBalanceDrift);
      // the recorded balance equals u² − ‖U‖² of the returned state
      expect(Math.abs(r.balance - (r.u * r.u - frobenius(r.U) ** 2))).toBeLessThan(1e-13 * scale);
    }
    expect(loose.maxBalanceDrift).toBeGreaterThan(100 * tight.maxBalanceDrift);
  });
});

describe('convergence from Assumption 3.3 for ill-conditioned Λ', () => {
  const cases = [
    { d: 16, n: 20, family: 'rotated', kappa: 1e3, seed: 1 },
    { d: 4, n: 3, family: 'diagonal', kappa: 1e3, seed: 2 },
    { d: 12, n: 50, family: 'spiked', kappa: 300, seed: 3 },
    { d: 16, n: 5, family: 'wishart', kappa: 1, seed: 4 },
  ] as const;
  for (const c of cases) {
    it(`d = ${c.d}, N = ${c.n}, ${c.family} κ = ${c.kappa}`, () => {
      const probe = flowFixture(c.d, c.n, c.family, c.kappa, c.seed, 1);
      const sigma = 0.5 * theorem41SigmaBound(probe.lambda, c.n);
      const fx = flowFixture(c.d, c.n, c.family, c.kappa, c.seed, sigma);
      const vStar = minimizerBySolve(fx.model.P, fx.model.Q, fx.model.B);
      const r = stiffGradientFlow(fx.model, { u0: fx.u0, U0: fx.U0, target: vStar });
      expect(r.status, r.message).toBe('converged');
      // stop rule 1e-12 plus the round-off of the reference solve, ≈ ε·κ(P)·κ(Q) (×10 margin)
      const tol = 1e-12 + 10 * EPS * conditionNumber(fx.model.P) * conditionNumber(fx.model.Q);
      expect(r.relDistance).toBeLessThan(tol);
      expect(Math.abs(r.balance)).toBeLessThan(50 * r.rtol * Math.max(1, r.u * r.u));
      // the loss at the end is the loss of V* (quadratic: the gap is ½‖V − V*‖²_H, tiny)
      const lossStar = populationLoss(fx.model, vStar);
      expect(Math.abs(r.loss - lossStar)).toBeLessThan(1e-10 * Math.max(1, Math.abs(lossStar)));
      expect(r.stats.steps).toBeLessThan(20_000);
    });
  }
});

describe('discrete gradient descent', () => {
  const fx = flowFixture(4, 10, 'rotated', 3, 7, 0.1);
  const eta = gdStepScale(fx.model);
  it('converges for a small step', () => {
    const r = gradientDescent(fx.model, { u0: fx.u0, U0: fx.U0, step: 0.5 * eta });
    expect(r.status).toBe('converged');
    const vStar = minimizerBySolve(fx.model.P, fx.model.Q, fx.model.B);
    expect(relativeDistance(r.V, vStar)).toBeLessThan(2e-10);
    expect(r.t).toBeCloseTo(r.stats.steps * 0.5 * eta, 9);
  });
  it('reports divergence for a big step, without throwing', () => {
    const r = gradientDescent(fx.model, { u0: fx.u0, U0: fx.U0, step: 50 * eta });
    expect(r.status).toBe('diverged');
    expect(r.message).toMatch(/diverged/);
    expect(r.stats.steps).toBeLessThan(1000);
  });
  it('stops at its iteration cap with a clear status', () => {
    const r = gradientDescent(fx.model, { u0: fx.u0, U0: fx.U0, step: 0.01 * eta, maxSteps: 10 });
    expect(r.status).toBe('max-steps');
    expect(r.stats.steps).toBe(10);
  });
});

describe('options, progress and trajectory', () => {
  const fx = flowFixture(3, 5, 'rotated', 10, 5, 0.1);
  it('rejects bad options with the option named', () => {
    expect(() => stiffGradientFlow(fx.model, { u0: NaN, U0: fx.U0 })).toThrow(/u0/);
    expect(() => stiffGradientFlow(fx.model, { u0: 1, U0: [[1]] })).toThrow(/U0/);
    expect(() => stiffGradientFlow(fx.model, { u0: 1, U0: fx.U0, rtol: -1 })).toThrow(/rtol/);
    expect(() => gradientFlow(fx.model, { u0: 1, U0: fx.U0, method: 'gd' })).toThrow(/step/);
  });
  it('stops at the step cap and at tMax with a status', () => {
    expect(stiffGradientFlow(fx.model, { u0: fx.u0, U0: fx.U0, maxSteps: 5 }).status).toBe('max-steps');
    expect(stiffGradientFlow(fx.model, { u0: fx.u0, U0: fx.U0, tMax: 0.5 }).status).toBe('max-time');
  });
  it('reports monotone progress ending at 1', () => {
    const seen: number[] = [];
    const r = stiffGradientFlow(fx.model, { u0: fx.u0, U0: fx.U0, onProgress: (p) => seen.push(p.fraction), progressEvery: 1 });
    expect(r.status).toBe('converged');
    expect(seen.length).toBeGreaterThan(10);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
    expect(seen[0]).toBeGreaterThanOrEqual(0);
    expect(seen.at(-1)).toBe(1);
  });
  it('records a bounded, evenly thinned trajectory that starts at t = 0 and ends at the final state', () => {
    const r = stiffGradientFlow(fx.model, { u0: fx.u0, U0: fx.U0, maxSamples: 50 });
    const tr = r.trajectory;
    expect(tr.t.length).toBeLessThanOrEqual(101);
    expect(tr.t[0]).toBe(0);
    expect(tr.t.at(-1)).toBe(r.t);
    expect(tr.loss.at(-1)).toBe(r.loss);
    for (let i = 1; i < tr.t.length; i++) expect(tr.t[i]).toBeGreaterThan(tr.t[i - 1]);
    const s = subsampleTrajectory(tr, 20);
    expect(s.t.length).toBe(20);
    expect(s.t[0]).toBe(tr.t[0]);
    expect(s.t.at(-1)).toBe(tr.t.at(-1));
    const rec = new TrajectoryRecorder(4);
    for (let i = 0; i < 100; i++) rec.offer(i, i, i, i);
    const out = rec.finish(99, 99, 99, 99);
    expect(out.t.length).toBeLessThanOrEqual(9);
    expect(out.t.at(-1)).toBe(99);
  });
});
