/** Small row-major Float64Array helpers for the Monte Carlo kernels (d ≤ a few dozen); covariance factors are in src/linalg/factor.ts. */
import { matmul, symmetricEigen, transpose, type Mat } from '../linalg/matrix';
import { flat, isNearlyDiagonal } from '../linalg/factor';

/** A square matrix for y = A x, with a diagonal shortcut when A is diagonal to relative 1e-13. */
export interface Operator {
  n: number;
  a: Float64Array;
  diagonal: boolean;
  zero: boolean;
}

/** Wrap a square Mat as an {@link Operator}. */
export function operator(a: Mat): Operator {
  const n = a.length;
  let zero = true;
  for (const row of a) for (const v of row) if (v !== 0) zero = false;
  const diagonal = isNearlyDiagonal(a, 1e-13);
  const out = flat(a);
  if (diagonal) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) out[i * n + j] = 0;
  return { n, a: out, diagonal, zero };
}

/** Eigenbasis of a symmetric matrix: Q (columns) and eigenvalues, with Qᵀ M Q for other matrices. */
export function eigenFrame(a: Mat): { q: Mat; values: number[]; rotate(m: Mat): Mat; rotateVector(v: readonly number[]): number[] } {
  const { values, vectors: q } = symmetricEigen(a);
  const qt = transpose(q);
  return {
    q,
    values,
    rotate: (m) => matmul(matmul(qt, m), q),
    rotateVector: (v) => qt.map((row) => row.reduce((s, x, i) => s + x * v[i], 0)),
  };
}

/** Dot product of two length-n slices. */
export function dot(a: Float64Array, aOff: number, b: Float64Array, bOff: number, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[aOff + i] * b[bOff + i];
  return s;
}
