/**
 * Gaussian moments from Isserlis' theorem: E[x_{i1} ⋯ x_{i2k}] is the sum over the perfect matchings of
 * the 2k indices of the product of covariances of the matched pairs. Everything in `src/moments/` is
 * computed from this rule and the model's definition; it never imports the paper's formulas.
 */
import { zeros, type Mat } from '../linalg/matrix';

/** All perfect matchings of {0, …, n−1} (n even), as lists of pairs. */
export function perfectMatchings(n: number): Array<Array<[number, number]>> {
  if (n % 2 !== 0) return [];
  const out: Array<Array<[number, number]>> = [];
  const rec = (rest: number[], acc: Array<[number, number]>): void => {
    if (rest.length === 0) {
      out.push(acc.slice());
      return;
    }
    const [first, ...others] = rest;
    for (let k = 0; k < others.length; k++) {
      const partner = others[k];
      acc.push([first, partner]);
      rec(others.filter((_, j) => j !== k), acc);
      acc.pop();
    }
  };
  rec(Array.from({ length: n }, (_, i) => i), []);
  return out;
}

const MATCHINGS4 = perfectMatchings(4);

/** E[x_{idx[0]} ⋯ x_{idx[n−1]}] for x ~ N(0, cov), by Isserlis (odd orders give 0). */
export function gaussianMoment(cov: Mat, idx: readonly number[]): number {
  if (idx.length % 2 === 1) return 0;
  const matchings = idx.length === 4 ? MATCHINGS4 : perfectMatchings(idx.length);
  let s = 0;
  for (const m of matchings) {
    let p = 1;
    for (const [a, b] of m) p *= cov[idx[a]][idx[b]];
    s += p;
  }
  return s;
}

/** E[x xᵀ A x xᵀ] for x ~ N(0, Λ): entry (i, l) = Σ_{j,k} E[x_i x_j x_k x_l] A_jk (C01, first principles). */
export function fourthMoment(lambda: Mat, a: Mat): Mat {
  const d = lambda.length;
  const out = zeros(d);
  const idx = [0, 0, 0, 0];
  for (let i = 0; i < d; i++)
    for (let l = 0; l < d; l++) {
      let s = 0;
      for (let j = 0; j < d; j++)
        for (let k = 0; k < d; k++) {
          if (a[j][k] === 0) continue;
          idx[0] = i; idx[1] = j; idx[2] = k; idx[3] = l;
          s += gaussianMoment(lambda, idx) * a[j][k];
        }
      out[i][l] = s;
    }
  return out;
}

/**
 * E[S A S] for S = (1/N) Σ_i x_i x_iᵀ with x_i i.i.d. N(0, Λ): expanding the double sum, the N terms
 * with i = j give N·E[x xᵀ A x xᵀ], the N(N−1) terms with i ≠ j factor into E[x xᵀ] A E[x xᵀ] = ΛAΛ.
 */
export function sampleFourthMoment(lambda: Mat, a: Mat, n: number): Mat {
  const d = lambda.length;
  const same = fourthMoment(lambda, a);
  const out = zeros(d);
  for (let i = 0; i < d; i++)
    for (let l = 0; l < d; l++) {
      let cross = 0;
      for (let j = 0; j < d; j++) {
        if (lambda[i][j] === 0) continue;
        for (let k = 0; k < d; k++) cross += lambda[i][j] * a[j][k] * lambda[k][l];
      }
      out[i][l] = (n * same[i][l] + n * (n - 1) * cross) / (n * n);
    }
  return out;
}
