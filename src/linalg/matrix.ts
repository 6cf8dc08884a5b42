/**
 * Small dense matrices as arrays of rows (`Mat`), the form used across icl-audit's public API and JSON
 * reports. Hot loops elsewhere work over Float64Array; these helpers serve d ≤ a few dozen.
 */
import { Matrix, EigenvalueDecomposition, CholeskyDecomposition, inverse as mlInverse } from 'ml-matrix';

/** A dense matrix as an array of rows. */
export type Mat = number[][];

/** n×m zero matrix. */
export function zeros(n: number, m: number = n): Mat {
  return Array.from({ length: n }, () => new Array<number>(m).fill(0));
}

/** n×n identity. */
export function identity(n: number): Mat {
  const out = zeros(n);
  for (let i = 0; i < n; i++) out[i][i] = 1;
  return out;
}

/** Diagonal matrix from a vector. */
export function diag(v: readonly number[]): Mat {
  const out = zeros(v.length);
  v.forEach((x, i) => (out[i][i] = x));
  return out;
}

/** The diagonal of a square matrix. */
export function diagonalOf(a: Mat): number[] {
  return a.map((row, i) => row[i]);
}

/** Deep copy. */
export function clone(a: Mat): Mat {
  return a.map((row) => row.slice());
}

/** Transpose. */
export function transpose(a: Mat): Mat {
  const n = a.length;
  const m = n === 0 ? 0 : a[0].length;
  const out = zeros(m, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) out[j][i] = a[i][j];
  return out;
}

/** Matrix product a·b. */
export function matmul(a: Mat, b: Mat): Mat {
  const n = a.length;
  const k = b.length;
  const m = k === 0 ? 0 : b[0].length;
  if (n > 0 && a[0].length !== k) throw new RangeError(`matmul: inner sizes differ (${a[0].length} vs ${k})`);
  const out = zeros(n, m);
  for (let i = 0; i < n; i++) {
    const ai = a[i];
    const oi = out[i];
    for (let p = 0; p < k; p++) {
      const aip = ai[p];
      if (aip === 0) continue;
      const bp = b[p];
      for (let j = 0; j < m; j++) oi[j] += aip * bp[j];
    }
  }
  return out;
}

/** Product of several matrices, left to right. */
export function mul(...ms: Mat[]): Mat {
  return ms.reduce((acc, m) => matmul(acc, m));
}

/** Matrix-vector product. */
export function matvec(a: Mat, x: readonly number[]): number[] {
  return a.map((row) => row.reduce((s, v, j) => s + v * x[j], 0));
}

/** a + b. */
export function add(a: Mat, b: Mat): Mat {
  return a.map((row, i) => row.map((v, j) => v + b[i][j]));
}

/** a − b. */
export function sub(a: Mat, b: Mat): Mat {
  return a.map((row, i) => row.map((v, j) => v - b[i][j]));
}

/** c·a. */
export function scale(a: Mat, c: number): Mat {
  return a.map((row) => row.map((v) => c * v));
}

/** Trace. */
export function trace(a: Mat): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i][i];
  return s;
}

/** Frobenius inner product ⟨a, b⟩ = tr(aᵀb). */
export function frobeniusDot(a: Mat, b: Mat): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) for (let j = 0; j < a[i].length; j++) s += a[i][j] * b[i][j];
  return s;
}

/**
 * Frobenius norm. The plain sum of squares serves when it lies in float64's normal range; otherwise (squares
 * that underflow, entries near 1e-160 and below, or overflow, entries near 1e154 and above) the entries are
 * scaled by the largest one first, as LAPACK's dnrm2 does, so the norm is exact to rounding at any magnitude.
 */
export function frobenius(a: Mat): number {
  const s = frobeniusDot(a, a);
  if (s > 1e-290 && s < Infinity) return Math.sqrt(s);
  const m = maxAbs(a);
  if (m === 0 || !Number.isFinite(m)) return m;
  let t = 0;
  for (const row of a)
    for (const v of row) {
      const r = v / m;
      t += r * r;
    }
  return m * Math.sqrt(t);
}

/** Largest absolute entry. */
export function maxAbs(a: Mat): number {
  let m = 0;
  for (const row of a) for (const v of row) m = Math.max(m, Math.abs(v));
  return m;
}

/** ‖a − b‖_F / max(‖b‖_F, floor): relative distance with a floor for b ≈ 0. */
export function relativeDistance(a: Mat, b: Mat, floor = 1e-300): number {
  return frobenius(sub(a, b)) / Math.max(frobenius(b), floor);
}

/** (a + aᵀ)/2. */
export function symmetrize(a: Mat): Mat {
  return a.map((row, i) => row.map((v, j) => (v + a[j][i]) / 2));
}

/** Inverse through ml-matrix's LU; throws on a singular matrix. */
export function inverse(a: Mat): Mat {
  return mlInverse(new Matrix(a)).to2DArray();
}

/** Symmetric eigen-decomposition a = Q diag(values) Qᵀ, eigenvalues ascending, Q's columns the vectors. */
export function symmetricEigen(a: Mat): { values: number[]; vectors: Mat } {
  const e = new EigenvalueDecomposition(new Matrix(symmetrize(a)), { assumeSymmetric: true });
  return { values: e.realEigenvalues, vectors: e.eigenvectorMatrix.to2DArray() };
}

/** f(a) for symmetric a: Q diag(f(λ)) Qᵀ. */
export function symmetricFunction(a: Mat, f: (x: number) => number): Mat {
  const { values, vectors } = symmetricEigen(a);
  const n = a.length;
  const out = zeros(n);
  for (let k = 0; k < n; k++) {
    const fk = f(values[k]);
    for (let i = 0; i < n; i++) {
      const qik = vectors[i][k] * fk;
      if (qik === 0) continue;
      for (let j = 0; j < n; j++) out[i][j] += qik * vectors[j][k];
    }
  }
  return out;
}

/** Spectral condition number of a symmetric positive definite matrix. */
export function conditionNumber(a: Mat): number {
  const { values } = symmetricEigen(a);
  return values[values.length - 1] / values[0];
}

/** True when every entry is a finite number and the matrix is n×n. */
export function isSquareFinite(a: unknown, n?: number): a is Mat {
  if (!Array.isArray(a) || a.length === 0) return false;
  const size = n ?? a.length;
  if (a.length !== size) return false;
  return a.every((row) => Array.isArray(row) && row.length === size && row.every((v) => typeof v === 'number' && Number.isFinite(v)));
}

/** Why a matrix is not square-finite and symmetric (relative tolerance `tol`), or null when it is. */
function symmetryProblem(a: Mat, tol: number): string | null {
  if (!isSquareFinite(a)) return 'must be a square matrix of finite numbers';
  const n = a.length;
  const s = maxAbs(a);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      if (Math.abs(a[i][j] - a[j][i]) > tol * Math.max(s, 1e-300))
        return `must be symmetric (entry [${i}][${j}] = ${a[i][j]} but [${j}][${i}] = ${a[j][i]})`;
  return null;
}

/** Why a matrix is not symmetric positive definite, or null when it is (relative symmetry tolerance `tol`). */
export function spdProblem(a: Mat, tol = 1e-12): string | null {
  const asym = symmetryProblem(a, tol);
  if (asym) return asym;
  const chol = new CholeskyDecomposition(new Matrix(symmetrize(a)));
  if (!chol.isPositiveDefinite()) return 'must be positive definite (Cholesky factorization failed)';
  const { values } = symmetricEigen(a);
  if (!(values[0] > 0)) return `must be positive definite (smallest eigenvalue ${values[0]})`;
  return null;
}

/** Why a matrix is not symmetric positive semidefinite, or null when it is (eigenvalues ≥ −tol·n·max|a_ij|). */
export function psdProblem(a: Mat, tol = 1e-12): string | null {
  const asym = symmetryProblem(a, tol);
  if (asym) return asym;
  const { values } = symmetricEigen(a);
  if (values[0] < -tol * a.length * Math.max(maxAbs(a), 1e-300)) return `must be positive semidefinite (smallest eigenvalue ${values[0]})`;
  return null;
}

/** True when a is symmetric positive definite. */
export function isSPD(a: Mat, tol = 1e-12): boolean {
  return spdProblem(a, tol) === null;
}

/** Cholesky factor L (lower triangular) with a = L Lᵀ. */
export function cholesky(a: Mat): Mat {
  const c = new CholeskyDecomposition(new Matrix(symmetrize(a)));
  if (!c.isPositiveDefinite()) throw new RangeError('cholesky: matrix is not positive definite');
  return c.lowerTriangularMatrix.to2DArray();
}

/** X with a X = b for symmetric positive definite a, by its Cholesky factor (two triangular solves;
 * backward stable, no explicit inverse). Throws a RangeError when a is not positive definite. */
export function solveSpd(a: Mat, b: Mat): Mat {
  const c = new CholeskyDecomposition(new Matrix(symmetrize(a)));
  if (!c.isPositiveDefinite()) throw new RangeError('solveSpd: matrix is not positive definite');
  return c.solve(new Matrix(b)).to2DArray();
}

/** Row-major Float64Array copy of a. */
export function toFloat64(a: Mat): Float64Array {
  const n = a.length;
  const m = n === 0 ? 0 : a[0].length;
  const out = new Float64Array(n * m);
  for (let i = 0; i < n; i++) out.set(a[i], i * m);
  return out;
}
