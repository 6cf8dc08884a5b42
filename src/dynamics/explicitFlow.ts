/**
 * The cross-check routes in original coordinates: gradient flow by adaptive Dormand–Prince 5(4), and
 * plain discrete gradient descent θ ← θ − η∇L. Neither uses an eigen-decomposition.
 */
import { symmetricEigen, toFloat64, type Mat } from '../linalg/matrix';
import { quadraticMinimizer, type QuadraticModel } from '../moments/quadratic';
import { checkInitial, normOrOne, positive, progressTracker } from './common';
import { integrateDopri5 } from './dopri5';
import { originalSystem, packState, stateDistance, unpackU, type OriginalSystem } from './originalSystem';
import { statusMessage } from './stiffFlow';
import { stateBalance } from './eigenSystem';
import { TrajectoryRecorder } from './trajectory';
import type { FlowMethod, FlowOptions, FlowResult, FlowStats, FlowStatus, GradientDescentOptions } from './types';

/**
 * Default convergence tolerance of the original-coordinate routes: evaluating G = PVQ − B in original
 * coordinates leaves a round-off floor of about ε·κ(P)·κ(Q) in ‖V − V*‖/‖V*‖ (2.7e-12 seen at d = 8,
 * κ(Λ) = 10), below which these routes cannot go; the eigenbasis route has no such floor.
 */
export const ORIGINAL_DEFAULT_CONVERGENCE_TOL = 1e-10;

/** Default relative tolerance of the explicit route. */
export const RK45_DEFAULT_RTOL = 1e-11;

interface Tracking {
  sys: OriginalSystem;
  target: Float64Array;
  targetNorm: number;
  vStar: Float64Array;
  vsNorm: number;
  rec: TrajectoryRecorder;
  b0: number;
  maxDrift: number;
  tol: number;
}

function startTracking(model: QuadraticModel, opts: FlowOptions, y: Float64Array): Tracking {
  const sys = originalSystem(model);
  const vs = quadraticMinimizer(model);
  const vStar = toFloat64(vs);
  const target = opts.target ? toFloat64(opts.target) : vStar;
  const vsNorm = normOrOne(vs);
  const b0 = stateBalance(y);
  const tr: Tracking = { sys, target, targetNorm: opts.target ? normOrOne(opts.target) : vsNorm, vStar, vsNorm, rec: new TrajectoryRecorder(opts.maxSamples ?? 1000), b0, maxDrift: 0, tol: opts.convergenceTol ?? ORIGINAL_DEFAULT_CONVERGENCE_TOL };
  tr.rec.offer(0, sys.loss(y), stateDistance(y, target) / tr.targetNorm, b0);
  return tr;
}

/** Record one accepted state; returns the convergence measure. */
function track(tr: Tracking, t: number, y: Float64Array): number {
  const bal = stateBalance(y);
  tr.maxDrift = Math.max(tr.maxDrift, Math.abs(bal - tr.b0));
  if (tr.rec.wants()) tr.rec.offer(t, tr.sys.loss(y), stateDistance(y, tr.target) / tr.targetNorm, bal);
  else tr.rec.skip();
  return stateDistance(y, tr.vStar) / tr.vsNorm;
}

function finish(tr: Tracking, method: FlowMethod, scheme: string, status: FlowStatus, t: number, y: Float64Array, rtol: number, atol: number, stats: FlowStats): FlowResult {
  const d = tr.sys.d;
  const U: Mat = unpackU(y, d);
  const u = y[0];
  const finite = y.every(Number.isFinite);
  const loss = finite ? tr.sys.loss(y) : NaN;
  const rel = stateDistance(y, tr.target) / tr.targetNorm;
  const bal = stateBalance(y);
  const measure = stateDistance(y, tr.vStar) / tr.vsNorm;
  return {
    method,
    scheme,
    status,
    message: statusMessage(status, t, measure, tr.tol, d),
    u,
    U,
    V: U.map((row) => row.map((v) => u * v)),
    t,
    loss,
    relDistance: rel,
    measure,
    balance: bal,
    maxBalanceDrift: tr.maxDrift,
    rtol,
    atol,
    stats,
    trajectory: tr.rec.finish(t, loss, rel, bal),
  };
}

/** Gradient flow by adaptive Dormand–Prince 5(4) in original coordinates (for mild, non-stiff cases). */
export function rk45GradientFlow(model: QuadraticModel, opts: FlowOptions): FlowResult {
  const started = performance.now();
  checkInitial(model, opts);
  const rtol = positive('rtol', opts.rtol ?? RK45_DEFAULT_RTOL);
  const atol = positive('atol', opts.atol ?? rtol * 1e-2);
  const y = packState(opts.u0, opts.U0);
  const tr = startTracking(model, opts, y);
  const report = progressTracker(tr.tol, opts.onProgress, opts.progressEvery ?? 50);
  let measure = stateDistance(y, tr.vStar) / tr.vsNorm;
  report(0, 0, measure, true);
  let accepted = 0;
  const out = integrateDopri5(tr.sys, y, {
    rtol,
    atol,
    tMax: opts.tMax ?? 1e12,
    maxSteps: opts.maxSteps ?? 2_000_000,
    onAccept(t, s) {
      accepted++;
      measure = track(tr, t, s);
      report(t, accepted, measure);
      return measure <= tr.tol;
    },
  });
  report(out.t, accepted, measure, true);
  const status: FlowStatus = out.status === 'stopped' ? 'converged' : out.status;
  return finish(tr, 'rk45', 'Dormand–Prince 5(4) (explicit, adaptive, original coordinates)', status, out.t, y, rtol, atol, {
    steps: out.steps,
    accepted: out.accepted,
    rejected: out.rejected,
    rhsEvaluations: out.rhsEvaluations,
    jacobianEvaluations: 0,
    linearSolves: 0,
    elapsedMs: performance.now() - started,
  });
}

/**
 * Discrete gradient descent θ_{k+1} = θ_k − η ∇L(θ_k) on (u, U). Ends 'converged', 'max-steps'
 * (iteration cap, default 1e6), 'max-time' (k·η ≥ tMax) or 'diverged' (a non-finite iterate, or
 * |u| or ‖U‖_F above 1e100); never throws for a too-large step. `t` reports k·η.
 */
export function gradientDescent(model: QuadraticModel, opts: GradientDescentOptions): FlowResult {
  const started = performance.now();
  checkInitial(model, opts);
  const eta = positive('step', opts.step);
  const y = packState(opts.u0, opts.U0);
  const tr = startTracking(model, opts, y);
  const report = progressTracker(tr.tol, opts.onProgress, opts.progressEvery ?? 1000);
  const g = new Float64Array(y.length);
  const maxIt = opts.maxSteps ?? 1_000_000;
  const tMax = opts.tMax ?? Infinity;
  let measure = stateDistance(y, tr.vStar) / tr.vsNorm;
  report(0, 0, measure, true);
  let status: FlowStatus = 'max-steps';
  let k = 0;
  while (true) {
    if (measure <= tr.tol) {
      status = 'converged';
      break;
    }
    if (k >= maxIt) {
      status = 'max-steps';
      break;
    }
    if (k * eta >= tMax) {
      status = 'max-time';
      break;
    }
    tr.sys.f(y, g);
    let norm2 = 0;
    for (let i = 0; i < y.length; i++) {
      y[i] += eta * g[i];
      norm2 += y[i] * y[i];
    }
    k++;
    if (!(norm2 < 1e200)) {
      status = 'diverged';
      break;
    }
    measure = track(tr, k * eta, y);
    report(k * eta, k, measure);
  }
  report(k * eta, k, measure, true);
  return finish(tr, 'gd', `gradient descent (step ${eta})`, status, k * eta, y, NaN, NaN, {
    steps: k,
    accepted: k,
    rejected: 0,
    rhsEvaluations: k,
    jacobianEvaluations: 0,
    linearSolves: 0,
    elapsedMs: performance.now() - started,
  });
}

/**
 * The gradient-descent step scale η_c = 1/(λmax(P) λmax(Q) ‖V*‖_F), V* = P⁻¹BQ⁻¹. At a balanced minimum
 * (u² = ‖U‖_F² = ‖V*‖_F) the Hessian of L in (u, U) has largest eigenvalue between λmax(P)λmax(Q)‖V*‖_F
 * and twice that, so GD is stable near the minimum for η < η_c and cannot settle there for η > 2η_c.
 */
export function gdStepScale(model: QuadraticModel): number {
  const lp = Math.max(...symmetricEigen(model.P).values);
  const lq = Math.max(...symmetricEigen(model.Q).values);
  return 1 / (lp * lq * normOrOne(quadraticMinimizer(model)));
}
