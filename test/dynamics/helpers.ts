/** Small fixtures shared by the dynamics tests. */
import { stream } from '../../src/random/stream';
import { drawCovariance, type CovarianceFamily } from '../../src/random/covariance';
import { initialReduced, randomTheta } from '../../src/lsa/init';
import { trainingLossModel, type QuadraticModel } from '../../src/moments/quadratic';
import type { Mat } from '../../src/linalg/matrix';

/** A training-loss model with Λ from a family, and Assumption 3.3's initial point for σ. */
export function flowFixture(d: number, n: number, family: CovarianceFamily, kappa: number, seed: number, sigma: number): { lambda: Mat; model: QuadraticModel; u0: number; U0: Mat } {
  const root = stream(seed);
  const lambda = drawCovariance(family, d, root.child('covariance'), { kappa });
  const theta = randomTheta(d, root.child('theta'));
  const init = initialReduced(sigma, theta);
  return { lambda, model: trainingLossModel(lambda, n), u0: init.u, U0: init.U };
}

/** The balanced scalar flow u = X, u′ = −u(a u² − b), whose square is logistic: w(t) = b w0 / (a w0 + (b − a w0) e^(−2bt)). */
export function scalarExact(a: number, b: number, w0: number, t: number): number {
  return Math.sqrt((b * w0) / (a * w0 + (b - a * w0) * Math.exp(-2 * b * t)));
}

/** log2 of successive error ratios (the empirical order when the step halves). */
export function slopes(errors: number[]): number[] {
  return errors.slice(1).map((e, i) => Math.log2(errors[i] / e));
}
