/**
 * The reduced gradient flow in the original coordinates (no eigenbasis): state y = (u, U row-major),
 * V = uU, G = ∇_V L = P V Q − B, du/dt = −⟨G, U⟩_F, dU/dt = −u G. Each evaluation costs two d×d×d
 * products. Used by the explicit cross-check route and by discrete gradient descent.
 */
import { toFloat64, type Mat } from '../linalg/matrix';
import type { QuadraticModel } from '../moments/quadratic';

/** The flow's right-hand side and loss in original coordinates. */
export interface OriginalSystem {
  n: number;
  d: number;
  /** out ← −∇L(y). */
  f(y: Float64Array, out: Float64Array): void;
  /** L(y). */
  loss(y: Float64Array): number;
}

/** Build the original-coordinate system of `model`. */
export function originalSystem(model: QuadraticModel): OriginalSystem {
  const d = model.d;
  const m = d * d;
  const P = toFloat64(model.P);
  const Q = toFloat64(model.Q);
  const B = toFloat64(model.B);
  const W = new Float64Array(m);
  const G = new Float64Array(m);
  /** G ← P (uU) Q − B for U at offset 1 of y. */
  const gradient = (y: Float64Array): void => {
    const u = y[0];
    W.fill(0); // W = U Q
    for (let i = 0; i < d; i++)
      for (let r = 0; r < d; r++) {
        const x = y[1 + i * d + r];
        if (x === 0) continue;
        for (let j = 0; j < d; j++) W[i * d + j] += x * Q[r * d + j];
      }
    for (let k = 0; k < m; k++) G[k] = -B[k]; // G = u P W − B
    for (let i = 0; i < d; i++)
      for (let r = 0; r < d; r++) {
        const p = u * P[i * d + r];
        if (p === 0) continue;
        for (let j = 0; j < d; j++) G[i * d + j] += p * W[r * d + j];
      }
  };
  return {
    n: 1 + m,
    d,
    f(y, out) {
      gradient(y);
      const u = y[0];
      let su = 0;
      for (let k = 0; k < m; k++) {
        su += G[k] * y[k + 1];
        out[k + 1] = -u * G[k];
      }
      out[0] = -su;
    },
    loss(y) {
      // L = ½⟨V, PVQ⟩ − ⟨B, V⟩ + ½c = ½⟨V, G − B⟩ + ½c with G = PVQ − B.
      gradient(y);
      const u = y[0];
      let s = 0;
      for (let k = 0; k < m; k++) s += u * y[k + 1] * (G[k] - B[k]);
      return 0.5 * s + 0.5 * model.c;
    },
  };
}

/** Pack (u, U) into a state vector. */
export function packState(u: number, U: Mat): Float64Array {
  const d = U.length;
  const y = new Float64Array(1 + d * d);
  y[0] = u;
  y.set(toFloat64(U), 1);
  return y;
}

/** ‖uU − T‖_F for T row-major: the same computation as in the eigenbasis (states are (u, entries of U)). */
export { eigenDistance as stateDistance } from './eigenSystem';

/** U from a state vector as a Mat. */
export function unpackU(y: Float64Array, d: number): Mat {
  return Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => y[1 + i * d + j]));
}
