/** Parameters of the one-layer linear self-attention model (spec §1): W^PV and W^KQ, both (d+1)×(d+1). */
import { frobenius, zeros, type Mat } from '../linalg/matrix';

/** θ = (W^PV, W^KQ). */
export interface LsaParams {
  wpv: Mat;
  wkq: Mat;
}

/** The reduced view of Lemma 5.2: u = w₂₂^PV, U = W₁₁^KQ; the predictor uses V = uU. */
export interface ReducedParams {
  u: number;
  U: Mat;
}

/** Embed (u, U) into full parameters: W^PV = [[0,0],[0,u]], W^KQ = [[U,0],[0,0]]. */
export function fullFromReduced({ u, U }: ReducedParams): LsaParams {
  const d = U.length;
  const wpv = zeros(d + 1);
  wpv[d][d] = u;
  const wkq = zeros(d + 1);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) wkq[i][j] = U[i][j];
  return { wpv, wkq };
}

/** Read (u, U) off full parameters (the blocks that Lemma 5.2 keeps; the others are ignored). */
export function reducedFromFull({ wpv, wkq }: LsaParams): ReducedParams {
  const d = wpv.length - 1;
  return { u: wpv[d][d], U: wkq.slice(0, d).map((row) => row.slice(0, d)) };
}

/** V = uU. */
export function productV({ u, U }: ReducedParams): Mat {
  return U.map((row) => row.map((v) => u * v));
}

/** The conserved quantity u² − ‖U‖_F² (spec §3, C05). */
export function balance({ u, U }: ReducedParams): number {
  const f = frobenius(U);
  return u * u - f * f;
}
