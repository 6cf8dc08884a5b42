/**
 * Factors of covariance matrices for drawing Gaussian vectors x = F z (row-major Float64Array), shared by
 * the prompt sampler (src/icl/) and the Monte Carlo kernels (src/montecarlo/).
 */
import { cholesky, symmetricFunction, type Mat } from './matrix';

/** Row-major copy of a d×d Mat. */
export function flat(a: Mat): Float64Array {
  const n = a.length;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i * n + j] = a[i][j];
  return out;
}

/** True when every off-diagonal entry is at most `rel` times the largest entry in absolute value. */
export function isNearlyDiagonal(a: Mat, rel: number): boolean {
  const n = a.length;
  let big = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) big = Math.max(big, Math.abs(a[i][j]));
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j && Math.abs(a[i][j]) > rel * big) return false;
  return true;
}

/**
 * A factor F of a covariance (F Fᵀ = a) for drawing x = F z. `kind` says which: `diagonal` (√a_ii, when a
 * is diagonal to relative 1e-13), `lower` (the Cholesky factor, a positive definite), or `full` (the
 * symmetric square root, for a semidefinite a such as a fixed task's second moment w wᵀ).
 */
export interface Factor {
  n: number;
  f: Float64Array;
  kind: 'diagonal' | 'lower' | 'full';
}

/** The factor of `a` used to draw from N(0, a). */
export function factor(a: Mat): Factor {
  const n = a.length;
  if (isNearlyDiagonal(a, 1e-13)) {
    const f = new Float64Array(n * n);
    for (let i = 0; i < n; i++) f[i * n + i] = Math.sqrt(Math.max(a[i][i], 0));
    return { n, f, kind: 'diagonal' };
  }
  try {
    return { n, f: flat(cholesky(a)), kind: 'lower' };
  } catch {
    return { n, f: flat(symmetricFunction(a, (x) => Math.sqrt(Math.max(x, 0)))), kind: 'full' };
  }
}

/** out = F z. */
export function applyFactor(fa: Factor, z: Float64Array, zOff: number, out: Float64Array, outOff: number): void {
  const { n, f } = fa;
  if (fa.kind === 'diagonal') {
    for (let i = 0; i < n; i++) out[outOff + i] = f[i * n + i] * z[zOff + i];
    return;
  }
  const full = fa.kind === 'full';
  for (let i = 0; i < n; i++) {
    let s = 0;
    const row = i * n;
    const end = full ? n - 1 : i;
    for (let k = 0; k <= end; k++) s += f[row + k] * z[zOff + k];
    out[outOff + i] = s;
  }
}

/** out = Fᵀ x. */
export function applyFactorT(fa: Factor, x: Float64Array, out: Float64Array): void {
  const { n, f } = fa;
  if (fa.kind === 'diagonal') {
    for (let i = 0; i < n; i++) out[i] = f[i * n + i] * x[i];
    return;
  }
  const start = fa.kind === 'full' ? () => 0 : (i: number) => i;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = start(i); k < n; k++) s += f[k * n + i] * x[k];
    out[i] = s;
  }
}

