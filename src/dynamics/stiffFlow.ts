/**
 * Gradient flow of the reduced model by an adaptive Rosenbrock method (Rodas5) in the eigenbases of P
 * and Q: the stiff route. Cost per step O(d²) after one O(d³) eigen-decomposition.
 */
import { scale, type Mat } from '../linalg/matrix';
import type { QuadraticModel } from '../moments/quadratic';
import { checkInitial, normOrOne, positive, progressTracker } from './common';
import { eigenDistance, eigenLoss, eigenSystem, rotateIn, rotateOut, stateBalance } from './eigenSystem';
import { integrateRosenbrock, RODAS5, type RosenbrockTableau } from './rosenbrock';
import { integrateBdf } from './bdf';
import { TrajectoryRecorder } from './trajectory';
import type { FlowOptions, FlowResult, FlowStatus } from './types';

/** Options of {@link stiffGradientFlow}. */
export interface StiffFlowOptions extends FlowOptions {
  /** The Rosenbrock tableau (default Rodas5). */
  tableau?: RosenbrockTableau;
  /** 'rosenbrock' (default, the tableau above) or 'bdf' (variable-order BDF as SciPy's solve_ivp, bdf.ts). */
  integrator?: 'rosenbrock' | 'bdf';
}

/** Default relative tolerance of the stiff route. */
export const STIFF_DEFAULT_RTOL = 1e-12;

/**
 * Integrate dθ/dt = −∇L(θ), θ = (u, U), from (u0, U0) until the relative distance of uU to the model's
 * minimizer is ≤ `convergenceTol`, t reaches `tMax`, or `maxSteps` steps were tried. Nothing is
 * projected: u² − ‖U‖² is whatever the integration gives.
 */
export function stiffGradientFlow(model: QuadraticModel, opts: StiffFlowOptions): FlowResult {
  const started = performance.now();
  checkInitial(model, opts);
  const rtol = positive('rtol', opts.rtol ?? STIFF_DEFAULT_RTOL);
  const atol = positive('atol', opts.atol ?? rtol * 1e-2);
  const tol = opts.convergenceTol ?? 1e-12;
  const tab = opts.tableau ?? RODAS5;
  if (opts.integrator !== undefined && opts.integrator !== 'rosenbrock' && opts.integrator !== 'bdf')
    throw new RangeError(`integrator must be 'rosenbrock' or 'bdf', got '${String(opts.integrator)}'`);
  const sys = eigenSystem(model);
  const d = model.d;
  const y = new Float64Array(sys.n);
  y[0] = opts.u0;
  y.set(rotateIn(opts.U0, sys.phi, sys.psi), 1);
  const target = opts.target ? rotateIn(opts.target, sys.phi, sys.psi) : sys.vStar;
  const targetNorm = opts.target ? normOrOne(opts.target) : sys.vStarNorm > 0 ? sys.vStarNorm : 1;
  const vsNorm = sys.vStarNorm > 0 ? sys.vStarNorm : 1;
  const measureOf = (s: Float64Array): number => eigenDistance(s, sys.vStar) / vsNorm;
  const rec = new TrajectoryRecorder(opts.maxSamples ?? 1000);
  const b0 = stateBalance(y);
  let maxDrift = 0;
  const report = progressTracker(tol, opts.onProgress, opts.progressEvery ?? 50);
  let measure = measureOf(y);
  rec.offer(0, eigenLoss(sys, y), eigenDistance(y, target) / targetNorm, b0);
  report(0, 0, measure, true);
  let accepted = 0;
  const bdf = opts.integrator === 'bdf';
  const run = bdf ? integrateBdf : (p: typeof sys, yy: Float64Array, o: Parameters<typeof integrateBdf>[2]) => integrateRosenbrock(p, tab, yy, o);
  const out = run(sys, y, {
    rtol,
    atol,
    tMax: opts.tMax ?? 1e12,
    maxSteps: opts.maxSteps ?? 100_000,
    onAccept(t, s) {
      accepted++;
      const bal = stateBalance(s);
      maxDrift = Math.max(maxDrift, Math.abs(bal - b0));
      measure = measureOf(s);
      if (rec.wants()) rec.offer(t, eigenLoss(sys, s), eigenDistance(s, target) / targetNorm, bal);
      else rec.skip();
      report(t, accepted, measure);
      if (opts.observe) opts.observe(t, accepted, () => ({ u: s[0], U: rotateOut(s, 1, sys.phi, sys.psi) }));
      return measure <= tol;
    },
  });
  report(out.t, accepted, measure, true);
  const status: FlowStatus = out.status === 'stopped' ? 'converged' : out.status;
  const U = rotateOut(y, 1, sys.phi, sys.psi);
  const u = y[0];
  const V: Mat = scale(U, u);
  const loss = eigenLoss(sys, y);
  const rel = eigenDistance(y, target) / targetNorm;
  const bal = stateBalance(y);
  const trajectory = rec.finish(out.t, loss, rel, bal);
  return {
    method: 'stiff',
    scheme: bdf
      ? 'BDF (variable order 1–5, NDF form as SciPy solve_ivp, eigenbasis of P and Q, arrow Jacobian)'
      : `${tab.name} (Rosenbrock, order ${tab.order}(${tab.embeddedOrder}), eigenbasis of P and Q, arrow Jacobian)`,
    status,
    message: statusMessage(status, out.t, measure, tol, d),
    u,
    U,
    V,
    t: out.t,
    loss,
    relDistance: rel,
    measure,
    balance: bal,
    maxBalanceDrift: maxDrift,
    rtol,
    atol,
    stats: {
      steps: out.steps,
      accepted: out.accepted,
      rejected: out.rejected,
      rhsEvaluations: out.rhsEvaluations,
      jacobianEvaluations: out.jacobianEvaluations,
      linearSolves: out.linearSolves,
      elapsedMs: performance.now() - started,
    },
    trajectory,
  };
}

/** One line on how a run ended. */
export function statusMessage(status: FlowStatus, t: number, measure: number, tol: number, d: number): string {
  const m = measure.toExponential(2);
  switch (status) {
    case 'converged':
      return `converged at t = ${t.toPrecision(6)}: relative distance to the model's minimizer ${m} ≤ ${tol} (d = ${d})`;
    case 'max-time':
      return `stopped at tMax = ${t.toPrecision(6)} before convergence (relative distance ${m} > ${tol})`;
    case 'max-steps':
      return `stopped at the step cap before convergence (t = ${t.toPrecision(6)}, relative distance ${m} > ${tol})`;
    case 'step-size-underflow':
      return `step size underflow at t = ${t.toPrecision(6)}: the tolerances cannot be met (relative distance ${m})`;
    case 'diverged':
      return `diverged at t = ${t.toPrecision(6)} (iterates not finite or exploding)`;
  }
}
