/**
 * Shared types of the gradient-flow integrators: options, the recorded trajectory and the result.
 */
import type { Mat } from '../linalg/matrix';

/** How a run ended. */
export type FlowStatus =
  /** the convergence measure fell below `convergenceTol` */
  | 'converged'
  /** t reached `tMax` before convergence */
  | 'max-time'
  /** the step (or iteration) cap was hit before convergence */
  | 'max-steps'
  /** the adaptive step size fell below its floor (the tolerances cannot be met) */
  | 'step-size-underflow'
  /** discrete gradient descent blew up (non-finite or exploding iterates) */
  | 'diverged';

/** Which integrator produced a result. */
export type FlowMethod = 'stiff' | 'rk45' | 'gd';

/** Progress report passed to {@link FlowOptions.onProgress}. */
export interface FlowProgress {
  /** Estimated fraction done in [0, 1]: log of the convergence measure over log of the tolerance. */
  fraction: number;
  /** Current time (GD: iteration × step). */
  t: number;
  /** Accepted steps (GD: iterations) so far. */
  steps: number;
  /** Current convergence measure (relative distance to the model's own minimizer). */
  measure: number;
}

/** Options common to every route. */
export interface FlowOptions {
  /** Initial u (Assumption 3.3: σ). */
  u0: number;
  /** Initial U (Assumption 3.3: σΘΘᵀ), d×d. */
  U0: Mat;
  /** Matrix the recorded relative distance ‖uU − V_target‖_F/‖V_target‖_F refers to (default: the model's own minimizer P⁻¹BQ⁻¹). */
  target?: Mat;
  /** Relative tolerance of the adaptive integrators (default 1e-12 stiff, 1e-11 rk45). */
  rtol?: number;
  /** Absolute tolerance (default rtol × 1e-2). */
  atol?: number;
  /** Stop when ‖uU − V*‖_F/‖V*‖_F ≤ this, V* = P⁻¹BQ⁻¹ the model's minimizer (default 1e-12 stiff, 1e-10 rk45 and GD). */
  convergenceTol?: number;
  /** Stop at this time (default 1e12). */
  tMax?: number;
  /** Cap on steps (stiff default 1e5; rk45 default 2e6; GD: iterations, default 1e6). */
  maxSteps?: number;
  /** Most samples kept in the trajectory (default 1000): every accepted step is offered, and when the buffer fills every other sample is dropped, so samples stay evenly spaced in step count; the last state is always kept. */
  maxSamples?: number;
  /** Called after accepted steps (at most every `progressEvery` steps, default 50). */
  onProgress?: (p: FlowProgress) => void;
  /**
   * Called after every accepted step (stiff route) with the time, the number of accepted steps and a
   * getter of the state (u, U) in the original coordinates (calling it costs O(d³), so call it sparingly).
   */
  observe?: (t: number, step: number, state: () => { u: number; U: Mat }) => void;
  /** Steps between progress calls (default 50). */
  progressEvery?: number;
}

/** Options of the discrete gradient descent route. */
export interface GradientDescentOptions extends FlowOptions {
  /** Step size η > 0 of θ ← θ − η∇L. */
  step: number;
}

/** Samples recorded along a run (parallel arrays). */
export interface FlowTrajectory {
  t: number[];
  loss: number[];
  /** ‖uU − V_target‖_F / ‖V_target‖_F. */
  relDistance: number[];
  /** u² − ‖U‖_F² (conserved by the exact flow, C05). */
  balance: number[];
}

/** Work counters of a run. */
export interface FlowStats {
  /** Steps attempted (GD: iterations). */
  steps: number;
  accepted: number;
  rejected: number;
  /** Evaluations of the right-hand side (GD: gradient evaluations). */
  rhsEvaluations: number;
  /** Jacobian evaluations (= linear-system factorizations; stiff route only). */
  jacobianEvaluations: number;
  /** Linear solves (stiff route only). */
  linearSolves: number;
  /** Wall time of the run in milliseconds. */
  elapsedMs: number;
}

/** The end of a run. */
export interface FlowResult {
  method: FlowMethod;
  /** Name of the scheme, e.g. 'Rodas5 (Rosenbrock, order 5(4))'. */
  scheme: string;
  status: FlowStatus;
  /** One line on why the run ended. */
  message: string;
  u: number;
  U: Mat;
  /** V = uU (computed as u times the returned U, entry by entry). */
  V: Mat;
  t: number;
  loss: number;
  /** ‖uU − V_target‖_F / ‖V_target‖_F at the end. */
  relDistance: number;
  /** The convergence measure at the end: ‖uU − V*‖_F/‖V*‖_F, V* the model's own minimizer. */
  measure: number;
  /** u² − ‖U‖_F² at the end. */
  balance: number;
  /** max over every accepted step of |u² − ‖U‖_F² − (initial value)|. */
  maxBalanceDrift: number;
  rtol: number;
  atol: number;
  stats: FlowStats;
  trajectory: FlowTrajectory;
}
