/**
 * Gradient-flow cases shared by the Section 4 and 5 properties: a random problem, a random Θ and a σ
 * inside Assumption 3.3 (a random fraction of the largest σ that Theorem 4.1 admits), and the flow of the
 * exact population loss from there, integrated by the stiff route of src/dynamics/.
 */
import fc from 'fast-check';
import type { Mat } from '../src/linalg/matrix';
import { trainingLossModel, type QuadraticModel } from '../src/moments/quadratic';
import { stiffGradientFlow } from '../src/dynamics/stiffFlow';
import type { FlowResult } from '../src/dynamics/types';
import { initialReduced, randomTheta } from '../src/lsa/init';
import type { ReducedParams } from '../src/lsa/params';
import type { PaperFormulas } from '../src/theory/formulas';
import { caseLambda, caseStream, describeCase, problemArbitrary, type ProblemCase } from './arbitraries';

/** A flow case: a problem and the fraction of Theorem 4.1's σ bound used as σ. */
export interface FlowCase extends ProblemCase {
  /** σ / σ_max ∈ [0.01, 0.99], σ_max the bound of Theorem 4.1. */
  sigmaFraction: number;
}

/** Arbitrary of flow cases (shrinks towards d = 1, N = M = 1, κ = 1, σ = 0.01 σ_max). */
export function flowCaseArbitrary(): fc.Arbitrary<FlowCase> {
  return fc.tuple(problemArbitrary(), fc.integer({ min: 1, max: 99 })).map(([c, k]) => ({ ...c, sigmaFraction: k / 100 }));
}

/** Relative distance of the flow's V to the model's own minimizer at which the flow is stopped. */
export const FLOW_CONVERGENCE_TOL = 1e-11;

/** A flow case made concrete. */
export interface FlowSetup {
  lambda: Mat;
  model: QuadraticModel;
  theta: Mat;
  sigma: number;
  init: ReducedParams;
  inputs: Record<string, unknown>;
}

/** Λ, the exact loss model, Θ, σ and the initial point of a flow case. */
export function flowSetup(c: FlowCase, f: PaperFormulas): FlowSetup {
  const lambda = caseLambda(c);
  const model = trainingLossModel(lambda, c.n);
  const theta = randomTheta(c.d, caseStream(c, 'theta'));
  const sigma = c.sigmaFraction * f.theorem41SigmaBound(lambda, c.n);
  return { lambda, model, theta, sigma, init: initialReduced(sigma, theta), inputs: { ...describeCase(c, lambda), sigma, theta } };
}

/** Relative tolerance of the integrator in the claims (the tolerances of C05 scale with it). */
export const FLOW_RTOL = 1e-12;

/** Run the flow of a setup to convergence (or report why not). */
export function runFlow(s: FlowSetup, opts: { tMax?: number; u0?: number; U0?: Mat; rtol?: number } = {}): FlowResult {
  return stiffGradientFlow(s.model, { u0: opts.u0 ?? s.init.u, U0: opts.U0 ?? s.init.U, convergenceTol: FLOW_CONVERGENCE_TOL, tMax: opts.tMax, rtol: opts.rtol ?? FLOW_RTOL });
}

/** Run the flow of a setup and require convergence: a flow that does not converge is a failure of the
 * route (the check becomes inconclusive with this message), not a counterexample. */
export function convergedFlow(s: FlowSetup): FlowResult {
  const r = runFlow(s);
  if (r.status !== 'converged') throw new Error(`the flow did not converge: ${r.message}`);
  return r;
}
