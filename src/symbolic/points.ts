/**
 * Random exact rational points, drawn from seeded streams: parameters, SPD covariances (BBᵀ + I/2), and
 * their conversions to doubles for the numeric routes.
 */
import type { Mat } from '../linalg/matrix';
import type { Stream } from '../random/stream';
import { rat, radd, rmul, rtoNumber, type Rat } from './rational';

/** A rational in [lo, hi) with denominator `den` (before reduction). */
export function randomRational(rng: Stream, lo: number, hi: number, den = 16): Rat {
  const span = Math.round((hi - lo) * den);
  return rat(BigInt(Math.round(lo * den) + Math.floor(rng.uniform() * span)), BigInt(den));
}

/** A d×d symmetric positive definite rational matrix BBᵀ + I/2, entries of B in [−1, 1) with denominator 8. */
export function randomSpdRational(rng: Stream, d: number): Rat[][] {
  const b = Array.from({ length: d }, () => Array.from({ length: d }, () => randomRational(rng, -1, 1, 8)));
  return Array.from({ length: d }, (_, i) =>
    Array.from({ length: d }, (_, j) => {
      let s = i === j ? rat(1n, 2n) : rat(0n);
      for (let k = 0; k < d; k++) s = radd(s, rmul(b[i][k], b[j][k]));
      return s;
    }),
  );
}

/** A diagonal positive rational matrix, entries in [1/4, 2). */
export function randomDiagonalRational(rng: Stream, d: number): Rat[][] {
  return Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? randomRational(rng, 0.25, 2, 8) : rat(0n))));
}

/** Symbol assignments `${prefix}ij` (i ≤ j) for a symmetric rational matrix. */
export function matrixPoint(prefix: string, m: Rat[][], symmetric = true): Record<string, Rat> {
  const out: Record<string, Rat> = {};
  for (let i = 0; i < m.length; i++) for (let j = symmetric ? i : 0; j < m.length; j++) out[`${prefix}${i + 1}${j + 1}`] = m[i][j];
  return out;
}

/** A rational matrix as doubles. */
export function toMat(m: Rat[][]): Mat {
  return m.map((row) => row.map(rtoNumber));
}

/** |a − b| / max(|b|, floor). */
export function relativeError(a: number, b: number, floor = 1e-12): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), floor);
}
