/** One entry point for the three routes of the reduced gradient flow. */
import type { QuadraticModel } from '../moments/quadratic';
import { gradientDescent, rk45GradientFlow } from './explicitFlow';
import { stiffGradientFlow, type StiffFlowOptions } from './stiffFlow';
import type { FlowMethod, FlowResult } from './types';

/** Options of {@link gradientFlow}: the method, and the GD step when the method is 'gd'. */
export interface GradientFlowOptions extends StiffFlowOptions {
  /** 'stiff' (default, Rodas5 in the eigenbasis), 'rk45' (Dormand–Prince, original coordinates) or 'gd'. */
  method?: FlowMethod;
  /** GD step size (required for 'gd'). */
  step?: number;
}

/** Run the reduced gradient flow of `model` by the chosen route. */
export function gradientFlow(model: QuadraticModel, opts: GradientFlowOptions): FlowResult {
  if (opts === null || typeof opts !== 'object') throw new RangeError('options must be an object { u0, U0, method?, … }');
  const method = opts.method ?? 'stiff';
  switch (method) {
    case 'stiff':
      return stiffGradientFlow(model, opts);
    case 'rk45':
      return rk45GradientFlow(model, opts);
    case 'gd':
      if (opts.step === undefined) throw new RangeError('step is required for method gd (a finite number > 0)');
      return gradientDescent(model, { ...opts, step: opts.step });
    default:
      throw new RangeError(`method must be one of stiff, rk45, gd, got '${String(method)}'`);
  }
}
