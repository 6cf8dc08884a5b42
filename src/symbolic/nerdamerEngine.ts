/**
 * The second, independent engine: nerdamer (exact big rationals) re-derives the same expectations from
 * the same definitions by a different algorithm. Where the own layer pairs indices (Isserlis), this
 * engine applies the Gaussian heat operator: for z ~ N(0, Σ) and a polynomial f,
 *   E f(z) = Σ_k (1/k!) Dᵏ f |_{z=0},   D = ½ Σ_ij Σ_ij ∂_i ∂_j,
 * using nerdamer's `diff`, `expand` and substitution only. Its `simplify` and `solve` are never used.
 * Expressions are built as strings with explicit `(-1)*` (nerdamer misreads a unary minus after `*`).
 */
import nerdamer from 'nerdamer';
import 'nerdamer/Calculus.js';

/** nerdamer's expansion of `expr`, as a string. */
export function nExpand(expr: string): string {
  return nerdamer(`expand(${expr})`).toString();
}

/** Whether `expr` expands to 0 in nerdamer. */
export function nIsZero(expr: string): boolean {
  return nExpand(expr) === '0';
}

/** Whether a and b expand to the same polynomial in nerdamer. */
export function nEqual(a: string, b: string): boolean {
  return nIsZero(`(${a})-(${b})`);
}

/** ∂expr/∂v in nerdamer. */
export function nDiff(expr: string, v: string): string {
  return nerdamer.diff(expr, v).toString();
}

/** Substitute values (strings) for variables and expand. */
export function nSubs(expr: string, values: Record<string, string>): string {
  return nerdamer(expr, values).expand().toString();
}

/** A Gaussian vector for the heat operator: coordinate names and covariance entries (strings). */
export interface NerdamerVector {
  coords: string[];
  cov: string[][];
}

/** E over one Gaussian vector by the heat operator. */
export function nExpectVector(expr: string, v: NerdamerVector): string {
  const zero: Record<string, string> = {};
  for (const c of v.coords) zero[c] = '0';
  const present = v.coords.filter((c) => expr.includes(c));
  if (present.length === 0) return expr;
  const applyD = (f: string): string => {
    const parts: string[] = [];
    for (let i = 0; i < v.coords.length; i++) {
      const di = nDiff(f, v.coords[i]);
      if (di === '0') continue;
      for (let j = i; j < v.coords.length; j++) {
        const cij = v.cov[i][j];
        if (cij === '0') continue;
        const dij = nDiff(di, v.coords[j]);
        if (dij === '0') continue;
        parts.push(i === j ? `(1/2)*(${cij})*(${dij})` : `(${cij})*(${dij})`);
      }
    }
    return parts.length ? nExpand(parts.join('+')) : '0';
  };
  let term = nExpand(expr);
  let result = nSubs(term, zero);
  for (let k = 1; term !== '0'; k++) {
    term = applyD(term);
    if (term === '0') break;
    term = nExpand(`(${term})/${k}`);
    const at0 = nSubs(term, zero);
    if (at0 !== '0') result = nExpand(`(${result})+(${at0})`);
  }
  return result;
}

/** E over several independent vectors, one after another. */
export function nExpect(expr: string, vectors: NerdamerVector[]): string {
  let e = expr;
  for (const v of vectors) e = nExpectVector(e, v);
  return e;
}

/** Determinant of a small matrix of nerdamer strings, by Laplace expansion along the first row (expanded). */
export function nDeterminant(m: string[][]): string {
  const n = m.length;
  if (n === 1) return nExpand(m[0][0]);
  const parts: string[] = [];
  for (let j = 0; j < n; j++) {
    const minor = m.slice(1).map((row) => row.filter((_, k) => k !== j));
    parts.push(`${j % 2 === 0 ? '' : '(-1)*'}(${m[0][j]})*(${nDeterminant(minor)})`);
  }
  return nExpand(parts.join('+'));
}

/** Inverse of a small matrix of nerdamer strings as adj/det, entries expanded. */
export function nInverse(m: string[][]): string[][] {
  const n = m.length;
  const det = nDeterminant(m);
  if (n === 1) return [[nExpand(`1/(${det})`)]];
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      const minor = m.filter((_, r) => r !== j).map((row) => row.filter((_, c) => c !== i));
      return nExpand(`${(i + j) % 2 === 0 ? '' : '(-1)*'}(${nDeterminant(minor)})/(${det})`);
    }),
  );
}
