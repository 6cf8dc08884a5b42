/** The initialization of Assumption 3.3 (spec §2). */
import { frobenius, matmul, scale, transpose, type Mat } from '../linalg/matrix';
import type { Stream } from '../random/stream';
import { fullFromReduced, type LsaParams, type ReducedParams } from './params';

/** A random Θ ∈ ℝ^{d×d} (Gaussian entries) normalized so that ‖ΘΘᵀ‖_F = 1. */
export function randomTheta(d: number, rng: Stream): Mat {
  const theta: Mat = Array.from({ length: d }, () => Array.from({ length: d }, () => rng.normal()));
  const f = frobenius(matmul(theta, transpose(theta)));
  return scale(theta, 1 / Math.sqrt(f));
}

/** Reduced initial point: u(0) = σ, U(0) = σ ΘΘᵀ. Requires ‖ΘΘᵀ‖_F = 1 (checked to 1e-12). */
export function initialReduced(sigma: number, theta: Mat): ReducedParams {
  if (!(sigma > 0) || !Number.isFinite(sigma)) throw new RangeError(`sigma must be a finite number > 0, got ${sigma}`);
  const tt = matmul(theta, transpose(theta));
  const f = frobenius(tt);
  if (Math.abs(f - 1) > 1e-12) throw new RangeError(`Θ must satisfy ‖ΘΘᵀ‖_F = 1 (Assumption 3.3), got ${f}`);
  return { u: sigma, U: scale(tt, sigma) };
}

/** Full initial parameters: W^PV(0) = σ[[0,0],[0,1]], W^KQ(0) = σ[[ΘΘᵀ,0],[0,0]]. */
export function initialParams(sigma: number, theta: Mat): LsaParams {
  return fullFromReduced(initialReduced(sigma, theta));
}
