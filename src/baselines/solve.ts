/**
 * Float64 least-squares solves for the closed-form predictors: Householder QR (stable, no normal
 * equations), minimum-norm solutions when the system is underdetermined, and an SVD fallback for
 * rank-deficient systems. Matrices are row-major Float64Arrays.
 */
import { Matrix, SingularValueDecomposition } from 'ml-matrix';

/** Householder QR of an r×c row-major matrix (r ≥ c), in place: R on and above the diagonal, reflectors kept apart. */
interface HouseholderQR {
  r: number;
  c: number;
  /** The factored matrix; its upper c×c triangle is R. */
  a: Float64Array;
  /** Reflector k is vs[k] (length r − k, unit norm), H_k = I − 2 v vᵀ acting on rows k…r−1. */
  vs: Float64Array[];
  /** Diagonal of R. */
  rdiag: Float64Array;
}

function householder(a: Float64Array, r: number, c: number): HouseholderQR {
  const vs: Float64Array[] = [];
  const rdiag = new Float64Array(c);
  for (let k = 0; k < c; k++) {
    const len = r - k;
    const v = new Float64Array(len);
    let norm = 0;
    for (let i = 0; i < len; i++) {
      v[i] = a[(k + i) * c + k];
      norm += v[i] * v[i];
    }
    norm = Math.sqrt(norm);
    if (norm === 0) {
      vs.push(v); // zero reflector: H_k = I
      rdiag[k] = 0;
      continue;
    }
    const alpha = v[0] > 0 ? -norm : norm;
    v[0] -= alpha;
    let vn = 0;
    for (let i = 0; i < len; i++) vn += v[i] * v[i];
    vn = Math.sqrt(vn);
    for (let i = 0; i < len; i++) v[i] /= vn;
    for (let j = k; j < c; j++) {
      let s = 0;
      for (let i = 0; i < len; i++) s += v[i] * a[(k + i) * c + j];
      s *= 2;
      for (let i = 0; i < len; i++) a[(k + i) * c + j] -= s * v[i];
    }
    rdiag[k] = alpha;
    vs.push(v);
  }
  return { r, c, a, vs, rdiag };
}

/** x ← H_k x for reflector k (x of length r). */
function reflect(qr: HouseholderQR, k: number, x: Float64Array): void {
  const v = qr.vs[k];
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * x[k + i];
  s *= 2;
  for (let i = 0; i < v.length; i++) x[k + i] -= s * v[i];
}

/** True when R's diagonal shows numerical rank < c (|R_kk| ≤ max(r, c)·ε·max|R_jj|). */
function rankDeficient(qr: HouseholderQR): boolean {
  let big = 0;
  for (const x of qr.rdiag) big = Math.max(big, Math.abs(x));
  const tol = Math.max(qr.r, qr.c) * Number.EPSILON * big;
  if (big === 0) return true;
  for (const x of qr.rdiag) if (!(Math.abs(x) > tol)) return true;
  return false;
}

/** Minimum-norm least squares through the SVD (singular values ≤ max(m, d)·ε·σ_max count as 0). */
function svdMinNorm(x: Float64Array, m: number, d: number, y: Float64Array): Float64Array {
  const rows: number[][] = [];
  for (let i = 0; i < m; i++) rows.push(Array.from(x.subarray(i * d, (i + 1) * d)));
  const svd = new SingularValueDecomposition(new Matrix(rows), { autoTranspose: true });
  const s = svd.diagonal;
  const u = svd.leftSingularVectors;
  const v = svd.rightSingularVectors;
  const tol = Math.max(m, d) * Number.EPSILON * Math.max(0, ...s);
  const w = new Float64Array(d);
  for (let k = 0; k < s.length; k++) {
    if (!(s[k] > tol)) continue;
    let uy = 0;
    for (let i = 0; i < m; i++) uy += u.get(i, k) * y[i];
    const c = uy / s[k];
    for (let j = 0; j < d; j++) w[j] += c * v.get(j, k);
  }
  return w;
}

/**
 * The minimum-norm least-squares solution ŵ = X⁺y of X w ≈ y, X m×d row-major. For m ≥ d and full
 * column rank, the unique minimizer of ‖Xw − y‖ (Householder QR of X); for m < d and full row rank, the
 * interpolant of smallest norm, ŵ = Xᵀ(XXᵀ)⁻¹y (QR of Xᵀ); rank-deficient systems go through the SVD.
 */
export function leastSquaresWeights(x: Float64Array, m: number, d: number, y: Float64Array): Float64Array {
  checkSizes(x, m, d, y);
  if (m >= d) {
    const qr = householder(Float64Array.from(x.subarray(0, m * d)), m, d);
    if (rankDeficient(qr)) return svdMinNorm(x, m, d, y);
    const qty = Float64Array.from(y.subarray(0, m));
    for (let k = 0; k < d; k++) reflect(qr, k, qty);
    const w = new Float64Array(d);
    for (let i = d - 1; i >= 0; i--) {
      let s = qty[i];
      for (let j = i + 1; j < d; j++) s -= qr.a[i * d + j] * w[j];
      w[i] = s / qr.a[i * d + i];
    }
    return w;
  }
  // m < d: Xᵀ = Q R (d×m), X = Rᵀ Qᵀ; Rᵀ z = y, ŵ = Q [z; 0].
  const xt = new Float64Array(d * m);
  for (let i = 0; i < m; i++) for (let j = 0; j < d; j++) xt[j * m + i] = x[i * d + j];
  const qr = householder(xt, d, m);
  if (rankDeficient(qr)) return svdMinNorm(x, m, d, y);
  const w = new Float64Array(d);
  for (let i = 0; i < m; i++) {
    let s = y[i];
    for (let j = 0; j < i; j++) s -= qr.a[j * m + i] * w[j];
    w[i] = s / qr.a[i * m + i];
  }
  for (let k = m - 1; k >= 0; k--) reflect(qr, k, w);
  return w;
}

/**
 * The ridge solution ŵ = argmin ‖Xw − y‖² + λ‖w‖² = (XᵀX + λI)⁻¹Xᵀy (λ > 0), computed as the least-squares
 * solution of the augmented system [X; √λ I] w ≈ [y; 0], which has full column rank for any m.
 */
export function ridgeWeights(x: Float64Array, m: number, d: number, y: Float64Array, lambda: number): Float64Array {
  checkSizes(x, m, d, y);
  if (!(lambda > 0) || !Number.isFinite(lambda)) throw new RangeError(`ridge penalty must be a finite number > 0, got ${lambda}`);
  const a = new Float64Array((m + d) * d);
  a.set(x.subarray(0, m * d));
  const root = Math.sqrt(lambda);
  for (let j = 0; j < d; j++) a[(m + j) * d + j] = root;
  const b = new Float64Array(m + d);
  b.set(y.subarray(0, m));
  return leastSquaresWeights(a, m + d, d, b);
}

function checkSizes(x: Float64Array, m: number, d: number, y: Float64Array): void {
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`prompt length must be an integer ≥ 1, got ${m}`);
  if (!Number.isInteger(d) || d < 1) throw new RangeError(`d must be an integer ≥ 1, got ${d}`);
  if (x.length < m * d) throw new RangeError(`covariates must hold m·d = ${m * d} numbers, got ${x.length}`);
  if (y.length < m) throw new RangeError(`labels must hold m = ${m} numbers, got ${y.length}`);
}
