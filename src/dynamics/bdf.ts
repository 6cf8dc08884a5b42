/**
 * Variable-order, variable-step backward differentiation (the NDF/BDF scheme of Shampine & Reichelt,
 * "The MATLAB ODE Suite", SIAM J. Sci. Comput. 18 (1997), in the quasi-constant step form that SciPy's
 * solve_ivp(method='BDF') uses), for autonomous y′ = f(y) with a structured linear solver.
 *
 * Why here: in Λ's eigenbasis the reduced flow's diagonal entries relax quickly (rate u² a_k) to a
 * quasi-equilibrium b̃_k/(u a_k) that moves with u. One-step Rosenbrock methods (stage order 1) lose
 * order on such components once h·u²a_k ≫ 1 (their measured local error grows like h^2.2 there, see
 * docs/flow.md); multistep BDF formulas have no stage order to lose, so at tight tolerances they take
 * far fewer steps. Each step costs one or two Newton iterations (an f and an O(n) structured solve
 * each) instead of the eight stages of Rodas5.
 *
 * The algorithm follows SciPy 1.17's BDF step by step (orders 1–5, NDF κ coefficients, backward
 * differences D rescaled on a step change, simplified Newton with at most 4 iterations, the Jacobian
 * re-evaluated only when Newton fails, the iteration matrix refactored when h or the order changes,
 * order changes considered after order + 1 equal steps), so the two take the same steps on the same
 * problem; test/dynamics/bdf.test.ts checks that against counts recorded from SciPy.
 */
import type { StiffProblem } from './rosenbrock';
import type { AdaptiveOptions, AdaptiveOutcome } from './adaptive';

const MAX_ORDER = 5;
const NEWTON_MAXITER = 4;
const MIN_FACTOR = 0.2;
const MAX_FACTOR = 10;

/** κ of the NDFs (order 1..5; index 0 unused), Shampine & Reichelt Table 1 with κ5 = 0 (plain BDF5). */
export const NDF_KAPPA = [0, -0.185, -1 / 9, -0.0823, -0.0415, 0];
/** γ_k = Σ_{j ≤ k} 1/j. */
export const BDF_GAMMA = [0, 1, 1.5, 11 / 6, 25 / 12, 137 / 60];
const ALPHA = NDF_KAPPA.map((k, i) => (1 - k) * BDF_GAMMA[i]);
/** Error constants κ_k γ_k + 1/(k+1), k = 0..6 (index 6 for the order-increase test at order 5). */
export const BDF_ERROR_CONST = [...NDF_KAPPA, 0].map((k, i) => k * (i < BDF_GAMMA.length ? BDF_GAMMA[i] : 0) + 1 / (i + 1));

/** RMS norm of e/scale. */
function rmsScaled(e: Float64Array, scale: Float64Array, factor = 1): number {
  let s = 0;
  for (let i = 0; i < e.length; i++) {
    const r = (factor * e[i]) / scale[i];
    s += r * r;
  }
  return Math.sqrt(s / e.length);
}

/** R(order, factor) of the difference rescaling: cumulative products down the columns of M. */
export function rescaleMatrix(order: number, factor: number): number[][] {
  const k = order + 1;
  const M = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let j = 0; j < k; j++) M[0][j] = 1;
  for (let i = 1; i < k; i++) for (let j = 1; j < k; j++) M[i][j] = (i - 1 - factor * j) / i;
  for (let i = 1; i < k; i++) for (let j = 0; j < k; j++) M[i][j] *= M[i - 1][j];
  return M;
}

/**
 * Rescale the backward differences D[0..order] (rows of length n in `D`) from step h to factor·h:
 * D ← (R U)ᵀ D with R = R(order, factor), U = R(order, 1).
 */
export function changeDifferences(D: Float64Array, n: number, order: number, factor: number, tmp: Float64Array): void {
  const R = rescaleMatrix(order, factor);
  const U = rescaleMatrix(order, 1);
  const k = order + 1;
  const RU: number[][] = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => R[i].reduce((s, r, l) => s + r * U[l][j], 0)));
  tmp.fill(0, 0, k * n);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      const w = RU[j][i];
      const src = j * n;
      const dst = i * n;
      for (let q = 0; q < n; q++) tmp[dst + q] += w * D[src + q];
    }
  D.set(tmp.subarray(0, k * n), 0);
}

/** Hairer's initial step for a method of order 1 (SciPy's select_initial_step); counts one f. */
export function bdfInitialStep(problem: StiffProblem, y: Float64Array, f0: Float64Array, rtol: number, atol: number): number {
  const n = y.length;
  const scale = new Float64Array(n);
  for (let i = 0; i < n; i++) scale[i] = atol + Math.abs(y[i]) * rtol;
  const d0 = rmsScaled(y, scale);
  const d1 = rmsScaled(f0, scale);
  const h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : (0.01 * d0) / d1;
  const y1 = new Float64Array(n);
  for (let i = 0; i < n; i++) y1[i] = y[i] + h0 * f0[i];
  const f1 = new Float64Array(n);
  problem.f(y1, f1);
  for (let i = 0; i < n; i++) f1[i] -= f0[i];
  const d2 = rmsScaled(f1, scale) / h0;
  const h1 = d1 <= 1e-15 && d2 <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : (0.01 / Math.max(d1, d2)) ** 0.5;
  return Math.min(100 * h0, h1);
}

/** What {@link integrateBdf} returns (y is the final state, overwritten in place). */
export interface BdfOutcome extends AdaptiveOutcome {
  jacobianEvaluations: number;
  /** Factorizations of the iteration matrix (prepare calls). */
  factorizations: number;
  linearSolves: number;
  /** Order of the next step (after the last accepted step's order selection, as SciPy's `order`). */
  order: number;
}

/** A zeroed outcome (pass one to {@link integrateBdf} to watch its counters from `onAccept`). */
export function bdfOutcome(): BdfOutcome {
  return { status: 'max-steps', t: 0, steps: 0, accepted: 0, rejected: 0, rhsEvaluations: 0, jacobianEvaluations: 0, factorizations: 0, linearSolves: 0, order: 1 };
}

/**
 * Integrate y′ = f(y) from t = 0 by variable-order BDF; `y` is advanced in place. `opts.h0` overrides
 * the initial step. Steps counted: every attempt (accepted, rejected on the error test, or failed
 * Newton). The problem's `prepare(yJ, 1/c)` gives (I − cJ) up to the factor c, with J evaluated at yJ.
 */
export function integrateBdf(problem: StiffProblem, y: Float64Array, opts: AdaptiveOptions, out: BdfOutcome = bdfOutcome()): BdfOutcome {
  const n = problem.n;
  const { rtol, atol } = opts;
  const eps = 2 ** -52;
  const newtonTol = Math.max((10 * eps) / rtol, Math.min(0.03, Math.sqrt(rtol)));
  const D = new Float64Array((MAX_ORDER + 3) * n);
  const tmp = new Float64Array((MAX_ORDER + 1) * n);
  const f = new Float64Array(n);
  problem.f(y, f);
  out.rhsEvaluations++;
  let hAbs = opts.h0 ?? bdfInitialStep(problem, y, f, rtol, atol);
  if (opts.h0 === undefined) out.rhsEvaluations++;
  D.set(y, 0);
  for (let q = 0; q < n; q++) D[n + q] = f[q] * hAbs;
  const yJ = Float64Array.from(y); // where the Jacobian was last evaluated
  out.jacobianEvaluations++;
  let order = 1;
  let nEqual = 0;
  let luC = NaN; // c of the current factorization of (I − cJ), NaN when none
  let currentJac = false; // J was evaluated during the current step (reset when a step is accepted)
  let t = 0;
  const yPred = new Float64Array(n);
  const scale = new Float64Array(n);
  const psi = new Float64Array(n);
  const yNew = new Float64Array(n);
  const d = new Float64Array(n);
  const r = new Float64Array(n);
  const factor = (c: number): boolean => {
    out.factorizations++;
    luC = problem.prepare(yJ, 1 / c) ? c : NaN;
    return luC === c;
  };
  // The Newton iteration on y = y_pred + d: (I − cJ) Δ = c f(y) − ψ − d. Returns the iterations used,
  // negative when it failed. With a factorization for an older c′ (kept after an error-test failure, as SciPy does) the matrix is
  // (I − c′J) = c′(I/c′ − J), so Δ = c′⁻¹(I/c′ − J)⁻¹(c f − ψ − d) = (c/c′)·(I/c′ − J)⁻¹(f − (ψ + d)/c).
  // Passes over memory per iteration: the solve (two, fused with f when the problem offers addSolve),
  // one for Δ's norm and the c/c′ scaling (c/c′ = 1 exactly when the factorization is current), one for
  // the update fused with the next right-hand side.
  const newton = (c: number): number => {
    yNew.set(yPred);
    d.fill(0);
    const ratio = c / luC;
    for (let q = 0; q < n; q++) r[q] = -psi[q] / c;
    let old = NaN;
    for (let k = 0; k < NEWTON_MAXITER; k++) {
      if (problem.addSolve) problem.addSolve(yNew, r);
      else {
        problem.f(yNew, f);
        for (let q = 0; q < n; q++) r[q] += f[q];
        problem.solve(r);
      }
      out.rhsEvaluations++;
      out.linearSolves++;
      let s2 = 0;
      for (let q = 0; q < n; q++) {
        const v = r[q] * ratio;
        r[q] = v;
        const z = v / scale[q];
        s2 += z * z;
      }
      const dyNorm = Math.sqrt(s2 / n);
      if (!Number.isFinite(dyNorm)) return -(k + 1);
      // The contraction rate: NaN at the first iteration (old = NaN), so both tests below are false there.
      const rate = dyNorm / old;
      if (rate >= 1 || (rate ** (NEWTON_MAXITER - k) / (1 - rate)) * dyNorm > newtonTol) return -(k + 1);
      const done = dyNorm === 0 || (rate / (1 - rate)) * dyNorm < newtonTol;
      for (let q = 0; q < n; q++) {
        yNew[q] += r[q];
        const dq = d[q] + r[q];
        d[q] = dq;
        r[q] = -(psi[q] + dq) / c;
      }
      if (done) return k + 1;
      old = dyNorm;
    }
    return -NEWTON_MAXITER;
  };
  while (true) {
    if (t >= opts.tMax) {
      out.status = 'max-time';
      break;
    }
    if (out.steps >= opts.maxSteps) {
      out.status = 'max-steps';
      break;
    }
    const minStep = 10 * Math.max(Math.abs(t), 1e-300) * eps;
    if (!(hAbs >= minStep) || !Number.isFinite(hAbs)) {
      out.status = 'step-size-underflow';
      break;
    }
    out.steps++;
    const alpha = ALPHA[order];
    const c = hAbs / alpha;
    for (let q = 0; q < n; q++) {
      let p = D[q];
      let s = 0;
      for (let j = 1, o = n + q; j <= order; j++, o += n) {
        p += D[o];
        s += BDF_GAMMA[j] * D[o];
      }
      yPred[q] = p;
      psi[q] = s / alpha;
      scale[q] = atol + rtol * Math.abs(p);
    }
    let iters: number;
    while (true) {
      if (Number.isNaN(luC) && !factor(c)) iters = -1;
      else iters = newton(c);
      if (iters > 0 || currentJac) break;
      yJ.set(yPred);
      out.jacobianEvaluations++;
      currentJac = true;
      luC = NaN;
    }
    if (iters < 0) {
      out.rejected++;
      hAbs *= 0.5;
      changeDifferences(D, n, order, 0.5, tmp);
      nEqual = 0;
      luC = NaN;
      continue;
    }
    const safety = (0.9 * (2 * NEWTON_MAXITER + 1)) / (2 * NEWTON_MAXITER + iters);
    for (let q = 0; q < n; q++) scale[q] = atol + rtol * Math.abs(yNew[q]);
    const errNorm = rmsScaled(d, scale, BDF_ERROR_CONST[order]);
    if (errNorm > 1) {
      out.rejected++;
      const fac = Math.max(MIN_FACTOR, safety * errNorm ** (-1 / (order + 1)));
      hAbs *= fac;
      changeDifferences(D, n, order, fac, tmp);
      nEqual = 0;
      continue; // the factorization is kept, as SciPy does after an error-test failure
    }
    // accepted
    out.accepted++;
    currentJac = false;
    nEqual++;
    t += hAbs;
    y.set(yNew);
    const o1 = (order + 1) * n;
    const o2 = (order + 2) * n;
    for (let q = 0; q < n; q++) {
      D[o2 + q] = d[q] - D[o1 + q];
      D[o1 + q] = d[q];
    }
    for (let i = order; i >= 0; i--) {
      const oi = i * n;
      for (let q = 0; q < n; q++) D[oi + q] += D[oi + n + q];
    }
    if (nEqual >= order + 1) {
      const errM = order > 1 ? rmsScaled(D.subarray(order * n, (order + 1) * n), scale, BDF_ERROR_CONST[order - 1]) : Infinity;
      const errP = order < MAX_ORDER ? rmsScaled(D.subarray((order + 2) * n, (order + 3) * n), scale, BDF_ERROR_CONST[order + 1]) : Infinity;
      const factors = [errM ** (-1 / order), errNorm ** (-1 / (order + 1)), errP ** (-1 / (order + 2))];
      let best = 0;
      for (let i = 1; i < 3; i++) if (factors[i] > factors[best]) best = i;
      order += best - 1;
      const fac = Math.min(MAX_FACTOR, safety * factors[best]);
      hAbs *= fac;
      changeDifferences(D, n, order, fac, tmp);
      nEqual = 0;
      luC = NaN;
    }
    out.order = order;
    if (opts.onAccept && opts.onAccept(t, y)) {
      out.status = 'stopped';
      break;
    }
  }
  out.t = t;
  return out;
}
