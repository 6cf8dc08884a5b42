/**
 * Exact inertia of a symmetric rational matrix: the characteristic polynomial by Faddeev–LeVerrier over
 * exact rationals, then Descartes' rule of signs, which is exact for polynomials whose roots are all
 * real (true of a symmetric matrix's characteristic polynomial).
 */
import { ONE, ZERO, radd, rdiv, risZero, rmul, rneg, rsign, rat, type Rat } from './rational';

/** Coefficients c_0 … c_n of det(λI − A) (c_n = 1). */
export function characteristicPolynomial(a: Rat[][]): Rat[] {
  const n = a.length;
  const c: Rat[] = new Array<Rat>(n + 1).fill(ZERO);
  c[n] = ONE;
  let m: Rat[][] = a.map((row) => row.map(() => ZERO));
  for (let k = 1; k <= n; k++) {
    // M_k = A M_{k−1} + c_{n−k+1} I
    const am = a.map((row, i) => m[0].map((_, j) => row.reduce((s, x, l) => (risZero(x) || risZero(m[l][j]) ? s : radd(s, rmul(x, m[l][j]))), ZERO)));
    m = am.map((row, i) => row.map((x, j) => (i === j ? radd(x, c[n - k + 1]) : x)));
    // c_{n−k} = −tr(A M_k)/k
    let tr = ZERO;
    for (let i = 0; i < n; i++) for (let l = 0; l < n; l++) tr = radd(tr, rmul(a[i][l], m[l][i]));
    c[n - k] = rneg(rdiv(tr, rat(BigInt(k))));
  }
  return c;
}

function signChanges(cs: Rat[]): number {
  let last = 0;
  let n = 0;
  for (const c of cs) {
    const s = rsign(c);
    if (s === 0) continue;
    if (last !== 0 && s !== last) n++;
    last = s;
  }
  return n;
}

/** Numbers of positive, negative and zero eigenvalues of a symmetric rational matrix (exact). */
export function inertia(a: Rat[][]): { positive: number; negative: number; zero: number } {
  const c = characteristicPolynomial(a);
  let zero = 0;
  while (zero < c.length && risZero(c[zero])) zero++;
  const positive = signChanges(c);
  const negative = signChanges(c.map((x, i) => (i % 2 === 1 ? rneg(x) : x)));
  return { positive, negative, zero };
}
