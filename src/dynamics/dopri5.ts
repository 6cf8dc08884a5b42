/**
 * Dormand–Prince 5(4): an explicit embedded Runge–Kutta pair with FSAL (Dormand & Prince 1980;
 * Hairer, Nørsett & Wanner, Solving ODEs I, Table II.5.2). The solution is propagated with the
 * order-5 weights; the difference to the order-4 weights is the local error estimate. Its order is
 * checked empirically in test/dynamics/dopri5.test.ts.
 */
import { adaptiveLoop, initialStep, type AdaptiveOptions, type AdaptiveOutcome, type Stepper } from './adaptive';

const C = [0, 1 / 5, 3 / 10, 4 / 5, 8 / 9, 1, 1];
const A: number[][] = [
  [],
  [1 / 5],
  [3 / 40, 9 / 40],
  [44 / 45, -56 / 15, 32 / 9],
  [19372 / 6561, -25360 / 2187, 64448 / 6561, -212 / 729],
  [9017 / 3168, -355 / 33, 46732 / 5247, 49 / 176, -5103 / 18656],
  [35 / 384, 0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84],
];
/** Order-5 weights (equal to the last row of A: first same as last). */
const B5 = [35 / 384, 0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84, 0];
/** Order-4 weights. */
const B4 = [5179 / 57600, 0, 7571 / 16695, 393 / 640, -92097 / 339200, 187 / 2100, 1 / 40];

/** The nodes c of the tableau (for tests). */
export const DOPRI5_NODES: readonly number[] = C;

/** An autonomous system y' = f(y). */
export interface ExplicitProblem {
  n: number;
  f(y: Float64Array, out: Float64Array): void;
}

/** Options of {@link integrateDopri5}: those of every adaptive driver here. */
export type Dopri5Options = AdaptiveOptions;

/** What {@link integrateDopri5} returns (y is advanced in place). */
export type Dopri5Outcome = AdaptiveOutcome;

/** Buffers for {@link dopri5Step}. */
export interface Dopri5Work {
  k: Float64Array[];
  stage: Float64Array;
}

/** Allocate step buffers. */
export function dopri5Work(n: number): Dopri5Work {
  return { k: Array.from({ length: 7 }, () => new Float64Array(n)), stage: new Float64Array(n) };
}

/**
 * One step from y with k[0] = f(y) already in `work.k[0]`: writes the order-5 solution to `out`, the
 * error estimate (order-5 minus order-4 solution) to `err`, and leaves f(out) in `work.k[6]`.
 */
export function dopri5Step(problem: ExplicitProblem, y: Float64Array, h: number, out: Float64Array, err: Float64Array, work: Dopri5Work): void {
  const n = problem.n;
  const { k, stage } = work;
  for (let i = 1; i < 7; i++) {
    stage.set(y);
    const ai = A[i];
    for (let j = 0; j < i; j++) {
      const c = h * ai[j];
      if (c === 0) continue;
      const kj = k[j];
      for (let m = 0; m < n; m++) stage[m] += c * kj[m];
    }
    if (i === 6) out.set(stage);
    problem.f(stage, k[i]);
  }
  err.fill(0);
  for (let j = 0; j < 7; j++) {
    const e = h * (B5[j] - B4[j]);
    if (e === 0) continue;
    const kj = k[j];
    for (let m = 0; m < n; m++) err[m] += e * kj[m];
  }
}

/** Integrate y' = f(y) from t = 0 with adaptive Dormand–Prince 5(4); `y` is advanced in place. */
export function integrateDopri5(problem: ExplicitProblem, y: Float64Array, opts: Dopri5Options): Dopri5Outcome {
  const work = dopri5Work(problem.n);
  const out: Dopri5Outcome = { status: 'max-steps', t: 0, steps: 0, accepted: 0, rejected: 0, rhsEvaluations: 0 };
  const h0 = opts.h0 ?? initialStep(problem, y, opts.rtol, opts.atol);
  if (opts.h0 === undefined) out.rhsEvaluations++;
  problem.f(y, work.k[0]);
  out.rhsEvaluations++;
  const stepper: Stepper = {
    expo: -0.2,
    facMax: 5,
    failShrink: 0.2,
    attempt(yy, h, ynew, err) {
      dopri5Step(problem, yy, h, ynew, err, work);
      out.rhsEvaluations += 6;
      return true;
    },
    onAccepted() {
      work.k[0].set(work.k[6]); // first same as last
    },
  };
  adaptiveLoop(stepper, y, h0, opts, out);
  return out;
}
