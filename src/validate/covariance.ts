/**
 * What a covariance matrix must be for icl-audit to compute with it in float64, and why a given one is
 * not: finite entries, square and of the expected size, symmetric, positive definite, entries whose
 * magnitudes float64 can multiply together (the moments take products of up to four entries of Λ and a
 * trace), and a condition number the computation can resolve.
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

/** Largest entry magnitude accepted: products of four entries times d² stay far below 1.8e308. */
export const MAX_ENTRY = 1e60;
/** Smallest nonzero scale accepted: below it, products of four entries underflow to subnormals. */
export const MIN_SCALE = 1e-60;
/** Unit round-off of float64. */
export const UNIT_ROUNDOFF = 2 ** -53;

/** Rules a covariance is held to, beyond being symmetric positive definite. */
export interface CovarianceRules {
  /** Required size d (rows and columns). */
  d?: number;
  /** Largest condition number λ_max/λ_min accepted (default: 1/(64·d·u), where eigenvalues stop being resolvable). */
  maxCondition?: number;
  /** Interval the eigenvalues must lie in (e.g. the flow's reach). */
  eigenRange?: readonly [number, number];
  /** Relative tolerance of the symmetry test (default 1e-12 of the largest entry). */
  symmetryTol?: number;
  /** Words saying why `maxCondition` holds (added to the message). */
  conditionBecause?: string;
  /** Words saying why `eigenRange` holds (added to the message). */
  rangeBecause?: string;
}

function num(x: number): string {
  return Number.isInteger(x) && Math.abs(x) < 1e6 ? String(x) : x.toExponential(2);
}

/** The shape rules alone: an array of rows of finite numbers, square, of size d. Null when it holds. */
export function matrixShapeProblem(a: unknown, d?: number): string | null {
  if (!Array.isArray(a) || a.length === 0) return 'must be a non-empty array of rows';
  for (let i = 0; i < a.length; i++) {
    const row: unknown = a[i];
    if (!Array.isArray(row)) return `must be an array of rows (row ${i} is ${row === null ? 'null' : typeof row})`;
    for (let j = 0; j < row.length; j++) {
      const v: unknown = row[j];
      if (typeof v !== 'number') return `must hold numbers (entry [${i}][${j}] is ${v === null ? 'null' : typeof v})`;
      if (!Number.isFinite(v)) return `must hold finite numbers (entry [${i}][${j}] is ${v})`;
    }
  }
  const n = a.length;
  const bad = (a as unknown[][]).findIndex((row) => row.length !== n);
  if (bad >= 0) return `must be square (${n} rows, but row ${bad} has ${(a as unknown[][])[bad].length} entries)`;
  if (d !== undefined && n !== d) return `must be ${d}×${d} (d = ${d}), got ${n}×${n}`;
  return null;
}

/** Eigenvalues (ascending) of a symmetric matrix, computed on a scaled copy so nothing overflows. */
function scaledEigenvalues(a: number[][], s: number): number[] {
  const m = new Matrix(a.map((row, i) => row.map((v, j) => (0.5 * (v + a[j][i])) / s)));
  const vals = new EigenvalueDecomposition(m, { assumeSymmetric: true }).realEigenvalues.map((v) => v * s);
  return vals.sort((x, y) => x - y);
}

/** Why `a` is not a covariance icl-audit can compute with (one clause, starting with "must"), or null. */
export function covarianceProblem(a: unknown, rules: CovarianceRules = {}): string | null {
  const shape = matrixShapeProblem(a, rules.d);
  if (shape) return shape;
  const m = a as number[][];
  const n = m.length;
  let s = 0;
  for (const row of m) for (const v of row) s = Math.max(s, Math.abs(v));
  if (s > MAX_ENTRY) return `must have entries of magnitude ≤ ${num(MAX_ENTRY)} (float64 overflows in the fourth moments), got ${num(s)}`;
  if (s < MIN_SCALE) return `must have an entry of magnitude ≥ ${num(MIN_SCALE)} (float64 underflows in the fourth moments), largest is ${num(s)}`;
  const tol = rules.symmetryTol ?? 1e-12;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      if (Math.abs(m[i][j] - m[j][i]) > tol * s) return `must be symmetric (entry [${i}][${j}] = ${m[i][j]} but [${j}][${i}] = ${m[j][i]})`;
  const vals = scaledEigenvalues(m, s);
  const lo = vals[0];
  const hi = vals[n - 1];
  if (!(lo > 0)) return `must be positive definite (smallest eigenvalue ${num(lo)})`;
  const kappa = hi / lo;
  const maxCondition = rules.maxCondition ?? 1 / (64 * n * UNIT_ROUNDOFF);
  if (!(kappa <= maxCondition))
    return `must have condition number ≤ ${num(maxCondition)} (${rules.conditionBecause ?? 'past it float64 cannot resolve the smallest eigenvalue against the largest'}), got ${num(kappa)}`;
  if (rules.eigenRange) {
    const [a0, b0] = rules.eigenRange;
    if (lo < a0 || hi > b0)
      return `must have its eigenvalues in [${num(a0)}, ${num(b0)}]${rules.rangeBecause ? ` (${rules.rangeBecause})` : ''}, got [${num(lo)}, ${num(hi)}]`;
  }
  return null;
}
