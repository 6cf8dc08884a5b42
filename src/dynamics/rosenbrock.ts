/**
 * Stiffly accurate Rosenbrock methods of the Rodas family with an embedded error estimate, and an
 * adaptive driver for autonomous systems y' = f(y).
 *
 * One step from y with step h (Hairer & Wanner, Solving ODEs II, §IV.7, the form of their code RODAS):
 *
 *   (1/(hγ) I − J) k_i = f(y + Σ_{j<i} a_ij k_j) + Σ_{j<i} (c_ij / h) k_j,   i = 1..s,  J = f′(y),
 *   y_new = y + Σ_j b_j k_j,   error estimate = k_s.
 *
 * The methods are stiffly accurate: the last two (Rodas4) or three (Rodas5) stages re-use the previous
 * stage point plus the last increment, so b is the last row of a with ones appended. The exact Jacobian
 * is required for the full order (these are not W-methods). The linear solves are delegated to the
 * problem, which may exploit structure (the reduced gradient flow's Jacobian is arrow shaped).
 *
 * Coefficients: Rodas4 from Hairer & Wanner (RODAS, METH=1) and Rodas5 from Di Marzo (1993), as tabled
 * in OrdinaryDiffEq.jl (src/tableaus/rosenbrock_tableaus.jl). Their orders are checked empirically in
 * test/dynamics/rosenbrock.test.ts, not taken on trust.
 */
import { adaptiveLoop, initialStep, type AdaptiveOptions, type AdaptiveOutcome, type Stepper } from './adaptive';

/** A Rodas-type tableau in the transformed (a, c) form above. */
export interface RosenbrockTableau {
  name: string;
  /** Order of y_new. */
  order: number;
  /** Order of the embedded solution y_new − k_s (the local error estimate is O(h^(embeddedOrder+1))). */
  embeddedOrder: number;
  gamma: number;
  /** a[i][j], j < i, for stages i = 0..s−1 (row 0 empty). */
  a: number[][];
  /** c[i][j], j < i (row 0 empty). */
  c: number[][];
  /** Weights of y_new. */
  b: number[];
}

function stifflyAccurate(name: string, order: number, embeddedOrder: number, gamma: number, a: number[][], c: number[][], extra: number): RosenbrockTableau {
  // a holds the rows of the distinct stage points; the last `extra` stages reuse the last row plus ones.
  const rows = [[] as number[], ...a];
  const last = a[a.length - 1];
  for (let e = 1; e <= extra; e++) rows.push([...last, ...new Array<number>(e).fill(1)]);
  const b = [...last, ...new Array<number>(extra + 1).fill(1)];
  return { name, order, embeddedOrder, gamma, a: rows, c: [[], ...c], b };
}

/** Rodas4: 6 stages, order 4 with an embedded order-3 estimate, L-stable. */
export const RODAS4: RosenbrockTableau = stifflyAccurate(
  'Rodas4',
  4,
  3,
  0.25,
  [
    [1.544],
    [0.9466785280815826, 0.2557011698983284],
    [3.314825187068521, 2.896124015972201, 0.9986419139977817],
    [1.221224509226641, 6.019134481288629, 12.53708332932087, -0.687886036105895],
  ],
  [
    [-5.6688],
    [-2.430093356833875, -0.2063599157091915],
    [-0.1073529058151375, -9.594562251023355, -20.47028614809616],
    [7.496443313967647, -10.24680431464352, -33.99990352819905, 11.7089089320616],
    [8.083246795921522, -7.981132988064893, -31.52159432874371, 16.31930543123136, -6.058818238834054],
  ],
  1,
);

/** Rodas5: 8 stages, order 5 with an embedded order-4 estimate, L-stable. */
export const RODAS5: RosenbrockTableau = stifflyAccurate(
  'Rodas5',
  5,
  4,
  0.19,
  [
    [2.0],
    [3.040894194418781, 1.041747909077569],
    [2.576417536461461, 1.62208306077664, -0.9089668560264532],
    [2.760842080225597, 1.446624659844071, -0.3036980084553738, 0.2877498600325443],
    [-14.09640773051259, 6.925207756232704, -41.47510893210728, 2.343771018586405, 24.13215229196062],
  ],
  [
    [-10.31323885133993],
    [-21.04823117650003, -7.234992135176716],
    [32.22751541853323, -4.943732386540191, 19.44922031041879],
    [-20.69865579590063, -8.816374604402768, 1.260436877740897, -0.7495647613787146],
    [-46.22004352711257, -17.49534862857472, -289.6389582892057, 93.60855400400906, 318.3822534212147],
    [34.20013733472935, -14.1553540271769, 57.823356409884, 25.83362985412365, 1.408950972071624, -6.551835421242162],
    [42.57076742291101, -13.80770672017997, 93.98938432427124, 18.77919633714503, -31.5835918722337, -6.685968952921985, -5.810979938412932],
  ],
  2,
);

/** An autonomous system with a structured linear solver. */
export interface StiffProblem {
  /** Dimension. */
  n: number;
  /** out ← f(y). */
  f(y: Float64Array, out: Float64Array): void;
  /**
   * Prepare to solve (shift·I − J(y)) z = r, J the exact Jacobian at y; false when the matrix is
   * (numerically) singular. Later `solve` calls use this preparation.
   */
  prepare(y: Float64Array, shift: number): boolean;
  /** Overwrite r with z solving (shift·I − J) z = r for the last successful `prepare`. */
  solve(r: Float64Array): void;
  /** Optional fused form of `r += f(y)` followed by `solve(r)` (fewer passes over memory). */
  addSolve?(y: Float64Array, r: Float64Array): void;
}

/** Work buffers of one Rosenbrock step. */
export interface RosenbrockWork {
  /** The s stage increments, stage j at offset j·n. */
  k: Float64Array;
  stage: Float64Array;
  fy: Float64Array;
  /** The tableau as flat typed arrays: a and c row-major s×s (lower triangle), b, and c/h scratch. */
  A: Float64Array;
  C: Float64Array;
  B: Float64Array;
  ch: Float64Array;
  /** Views of k per stage. */
  views: Float64Array[];
}

/** Allocate step buffers for dimension n and a tableau. */
export function rosenbrockWork(n: number, tab: RosenbrockTableau): RosenbrockWork {
  const s = tab.b.length;
  const A = new Float64Array(s * s);
  const C = new Float64Array(s * s);
  for (let i = 0; i < s; i++)
    for (let j = 0; j < i; j++) {
      A[i * s + j] = tab.a[i][j];
      C[i * s + j] = tab.c[i][j];
    }
  const k = new Float64Array(s * n);
  return {
    k,
    stage: new Float64Array(n),
    fy: new Float64Array(n),
    A,
    C,
    B: Float64Array.from(tab.b),
    ch: new Float64Array(s),
    views: Array.from({ length: s }, (_, i) => k.subarray(i * n, (i + 1) * n)),
  };
}

/**
 * One Rosenbrock step: writes y_new into `out` and the error estimate into `err`. Returns the number of
 * f evaluations, or −1 when the linear system is singular or the result is not finite. Each stage makes
 * one fused pass for its point y + Σ a_ij k_j and its term Σ (c_ij/h) k_j, one f evaluation and one solve.
 */
export function rosenbrockStep(problem: StiffProblem, tab: RosenbrockTableau, y: Float64Array, h: number, out: Float64Array, err: Float64Array, work: RosenbrockWork): number {
  const n = problem.n;
  if (!problem.prepare(y, 1 / (h * tab.gamma))) return -1;
  const { k, stage, fy, A, C, B, ch, views } = work;
  const s = B.length;
  for (let i = 0; i < s; i++) {
    const ki = views[i];
    if (i === 0) {
      if (problem.addSolve) {
        ki.fill(0);
        problem.addSolve(y, ki);
        continue;
      }
      problem.f(y, ki);
    } else {
      const row = i * s;
      for (let j = 0; j < i; j++) ch[j] = C[row + j] / h;
      for (let m = 0; m < n; m++) {
        let st = y[m];
        let cs = 0;
        for (let j = 0, o = m; j < i; j++, o += n) {
          const kv = k[o];
          st += A[row + j] * kv;
          cs += ch[j] * kv;
        }
        stage[m] = st;
        ki[m] = cs;
      }
      if (problem.addSolve) {
        problem.addSolve(stage, ki);
        continue;
      }
      problem.f(stage, fy);
      for (let m = 0; m < n; m++) ki[m] += fy[m];
    }
    problem.solve(ki);
  }
  // x − x is 0 for finite x and NaN for ±∞ or NaN: the sum stays 0 exactly when every value is finite
  // (a plain sum of the values would overflow for finite values past 1.8e308 in total)
  let check = 0;
  for (let m = 0; m < n; m++) {
    let v = y[m];
    for (let j = 0, o = m; j < s; j++, o += n) v += B[j] * k[o];
    out[m] = v;
    const e = k[(s - 1) * n + m];
    err[m] = e;
    check += v - v + (e - e);
  }
  return Number.isFinite(check) ? s : -1;
}

/** Options of {@link integrateRosenbrock}. */
export type RosenbrockOptions = AdaptiveOptions;

/** What {@link integrateRosenbrock} returns (y is the final state, overwritten in place). */
export interface RosenbrockOutcome extends AdaptiveOutcome {
  jacobianEvaluations: number;
  linearSolves: number;
}


/**
 * Integrate y' = f(y) from t = 0 with an adaptive Rosenbrock method; `y` is advanced in place.
 * Step control: accept when the scaled RMS of the error estimate is ≤ 1; new step
 * h·min(facmax, max(0.2, 0.9·err^(−1/(q+1)))), q the embedded order, facmax 6 (1 right after a rejection).
 */
export function integrateRosenbrock(problem: StiffProblem, tab: RosenbrockTableau, y: Float64Array, opts: RosenbrockOptions): RosenbrockOutcome {
  const work = rosenbrockWork(problem.n, tab);
  const out: RosenbrockOutcome = { status: 'max-steps', t: 0, steps: 0, accepted: 0, rejected: 0, rhsEvaluations: 0, jacobianEvaluations: 0, linearSolves: 0 };
  const h0 = opts.h0 ?? initialStep(problem, y, opts.rtol, opts.atol);
  out.rhsEvaluations += opts.h0 === undefined ? 1 : 0;
  const stepper: Stepper = {
    expo: -1 / (tab.embeddedOrder + 1),
    facMax: 6,
    failShrink: 0.25,
    attempt(yy, h, ynew, err) {
      out.jacobianEvaluations++;
      const evals = rosenbrockStep(problem, tab, yy, h, ynew, err, work);
      if (evals < 0) return false;
      out.rhsEvaluations += evals;
      out.linearSolves += evals;
      return true;
    },
  };
  adaptiveLoop(stepper, y, h0, opts, out);
  return out;
}

