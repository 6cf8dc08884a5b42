/**
 * INTERIM closed forms for `evaluate`, until src/baselines/predictors.ts (another branch) lands on main:
 * the same names and shapes (Prompt, Predictor), written minimally in float64. To be deleted then.
 */
import type { Mat } from '../linalg/matrix';

/** One prompt: M labeled examples and a query, row-major. */
export interface Prompt {
  d: number;
  m: number;
  xs: Float64Array;
  ys: Float64Array;
  xq: Float64Array;
}

/** A predictor: a name and ŷ for one prompt. */
export interface Predictor {
  name: string;
  predict(p: Prompt): number;
}

/** Solve the SPD system A x = b (n×n row-major) by Cholesky; null when A is not numerically SPD. */
function cholSolve(a: Float64Array, b: Float64Array, n: number): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
      if (i === j) {
        if (!(s > 0)) return null;
        l[i * n + i] = Math.sqrt(s);
      } else l[i * n + j] = s / l[j * n + j];
    }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * n + k] * y[k];
    y[i] = s / l[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * y[k];
    y[i] = s / l[i * n + i];
  }
  return y;
}

/** ŷ = 0. */
export function zeroPredictor(): Predictor {
  return { name: 'zero', predict: () => 0 };
}

/** Least squares, minimum norm when M < d (normal equations in float64; Gaussian prompts are full rank a.s.). */
export function leastSquaresPredictor(): Predictor {
  return {
    name: 'least-squares',
    predict({ d, m, xs, ys, xq }) {
      if (m === 0) return 0;
      if (m >= d) {
        const g = new Float64Array(d * d);
        const r = new Float64Array(d);
        for (let i = 0; i < m; i++)
          for (let a = 0; a < d; a++) {
            r[a] += xs[i * d + a] * ys[i];
            for (let b = 0; b < d; b++) g[a * d + b] += xs[i * d + a] * xs[i * d + b];
          }
        const w = cholSolve(g, r, d);
        if (!w) return NaN;
        let s = 0;
        for (let a = 0; a < d; a++) s += w[a] * xq[a];
        return s;
      }
      const k = new Float64Array(m * m);
      for (let i = 0; i < m; i++)
        for (let j = 0; j < m; j++) {
          let s = 0;
          for (let a = 0; a < d; a++) s += xs[i * d + a] * xs[j * d + a];
          k[i * m + j] = s;
        }
      const alpha = cholSolve(k, ys.subarray(0, m), m);
      if (!alpha) return NaN;
      let s = 0;
      for (let i = 0; i < m; i++) {
        let dot = 0;
        for (let a = 0; a < d; a++) dot += xs[i * d + a] * xq[a];
        s += alpha[i] * dot;
      }
      return s;
    },
  };
}

/** The LSA with reduced parameter V: ŷ = sᵀ V x_q, s = (1/M) Σ y_i x_i (0 with no examples). */
export function lsaPredictor(v: Mat, name = 'lsa'): Predictor {
  return {
    name,
    predict({ d, m, xs, ys, xq }) {
      if (m === 0) return 0;
      let out = 0;
      for (let a = 0; a < d; a++) {
        let s = 0;
        for (let i = 0; i < m; i++) s += ys[i] * xs[i * d + a];
        let vx = 0;
        for (let b = 0; b < d; b++) vx += v[a][b] * xq[b];
        out += (s / m) * vx;
      }
      return out;
    },
  };
}
