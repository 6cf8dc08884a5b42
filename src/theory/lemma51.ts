/**
 * Lemma 5.1 (C03), as the paper states it: for one prompt's embedding E (d+1)×(N+1),
 * ŷ(E; θ) = uᵀ H u with u = Vec(U) (columns stacked), U = [[W₁₁^KQ, w₂₁^PV], [(w₂₁^KQ)ᵀ, w₂₂^PV]] and
 * (5.1) H = ½ X ⊗ (E Eᵀ / N), X = [[0_{d×d}, x_q], [x_qᵀ, 0]]. The remark after it: the eigenvalues of H are
 * the products of those of ½X and EEᵀ/N; X has exactly one negative eigenvalue; "thus H has at least
 * d + 1 negative eigenvalues".
 */
import { matmul, transpose, type Mat } from '../linalg/matrix';

/** U of Lemma 5.1 from full parameters: first d columns of W^KQ beside the last row of W^PV (as a column). */
export function lemma51U(wpv: Mat, wkq: Mat): Mat {
  const d = wpv.length - 1;
  return Array.from({ length: d + 1 }, (_, i) => [...wkq[i].slice(0, d), wpv[d][i]]);
}

/** Vec(U): the columns of U stacked. */
export function vecColumns(a: Mat): number[] {
  const out: number[] = [];
  for (let j = 0; j < a[0].length; j++) for (let i = 0; i < a.length; i++) out.push(a[i][j]);
  return out;
}

/** X of (5.1) for the query x_q. */
export function lemma51X(xq: readonly number[]): Mat {
  const d = xq.length;
  const x: Mat = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
  for (let i = 0; i < d; i++) {
    x[i][d] = xq[i];
    x[d][i] = xq[i];
  }
  return x;
}

/** H of (5.1): ½ X ⊗ (E Eᵀ / N), N = number of columns of E minus one. */
export function lemma51H(e: Mat): Mat {
  const d = e.length - 1;
  const n = e[0].length - 1;
  const xq = e.slice(0, d).map((row) => row[n]);
  const x = lemma51X(xq);
  const g = matmul(e, transpose(e)).map((row) => row.map((v) => v / n));
  const k = d + 1;
  const h: Mat = Array.from({ length: k * k }, () => new Array<number>(k * k).fill(0));
  for (let a = 0; a < k; a++)
    for (let b = 0; b < k; b++) {
      const xab = 0.5 * x[a][b];
      if (xab === 0) continue;
      for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) h[a * k + i][b * k + j] = xab * g[i][j];
    }
  return h;
}

/** The remark after Lemma 5.1: the number of negative eigenvalues H has at least, d + 1. */
export function lemma51NegativeCount(d: number): number {
  return d + 1;
}
