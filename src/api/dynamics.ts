/** The `dynamics` namespace of the public API: gradient flow of the exact loss and its integrators
 * (src/dynamics). */
export { gradientFlow, stiffGradientFlow, rk45GradientFlow, gradientDescent, integrateRosenbrock, integrateDopri5, RODAS4, RODAS5, STIFF_DEFAULT_RTOL, RK45_DEFAULT_RTOL } from '../dynamics';
export { RODAS5P } from '../dynamics/rodas5p';
export { integrateBdf } from '../dynamics/bdf';
export type {
  FlowMethod,
  FlowOptions,
  FlowResult,
  FlowStats,
  FlowStatus,
  FlowTrajectory,
  GradientDescentOptions,
  GradientFlowOptions,
  StiffFlowOptions,
  StiffProblem,
  RosenbrockOptions,
  RosenbrockOutcome,
  ExplicitProblem,
  Dopri5Options,
  Dopri5Outcome,
} from '../dynamics';
