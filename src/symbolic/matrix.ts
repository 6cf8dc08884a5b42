/**
 * Small symbolic matrices with rational-function entries: named symbol matrices, products, traces,
 * determinants by Laplace expansion (memoized over minors), adjugates and inverses as adj/det.
 */
import { Poly, PolyRing, constant } from './poly';
import { RatFunc, rf } from './ratfunc';
import type { Rat } from './rational';

/** A matrix of rational functions (array of rows). */
export type SMat = RatFunc[][];

/** Options for {@link symbolMatrix}. */
export interface SymbolMatrixOptions {
  /** Use one symbol for (i, j) and (j, i), named with i ≤ j (`l12` for both). */
  symmetric?: boolean;
  /** Off-diagonal entries 0. */
  diagonal?: boolean;
}

/** The d×d matrix of symbols `${prefix}${i}${j}` (1-based) of `ring`. */
export function symbolMatrix(ring: PolyRing, prefix: string, d: number, rows = d, opts: SymbolMatrixOptions = {}): SMat {
  return Array.from({ length: rows }, (_, i) =>
    Array.from({ length: d }, (_, j) => {
      if (opts.diagonal && i !== j) return rf(0);
      const [a, b] = opts.symmetric && i > j ? [j, i] : [i, j];
      return rf(ring.sym(`${prefix}${a + 1}${b + 1}`));
    }),
  );
}

/** The ring of the first entry of `m` that has one (null when every entry is a constant). */
export function ringOf(m: readonly (readonly RatFunc[])[]): PolyRing | null {
  for (const row of m) for (const x of row) if (x.num.ring || x.factors.some((f) => f.base.ring)) return x.num.ring ?? x.factors.find((f) => f.base.ring)!.base.ring;
  return null;
}

/** A matrix of exact rationals as a symbolic matrix. */
export function constantMatrix(m: Rat[][]): SMat {
  return m.map((row) => row.map((r) => rf(constant(r))));
}

/** The n×n identity. */
export function sIdentity(n: number): SMat {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => rf(i === j ? 1 : 0)));
}

export function sAdd(a: SMat, b: SMat): SMat {
  return a.map((row, i) => row.map((x, j) => x.add(b[i][j])));
}

export function sSub(a: SMat, b: SMat): SMat {
  return a.map((row, i) => row.map((x, j) => x.sub(b[i][j])));
}

export function sScale(a: SMat, c: RatFunc): SMat {
  return a.map((row) => row.map((x) => x.mul(c)));
}

export function sTranspose(a: SMat): SMat {
  return a[0].map((_, j) => a.map((row) => row[j]));
}

/** a · b. */
export function sMatmul(a: SMat, b: SMat): SMat {
  return a.map((row) =>
    b[0].map((_, j) => {
      let s = rf(0);
      for (let k = 0; k < row.length; k++) if (!row[k].isZero() && !b[k][j].isZero()) s = s.add(row[k].mul(b[k][j]));
      return s;
    }),
  );
}

/** Product of several matrices, left to right. */
export function sMul(...ms: SMat[]): SMat {
  return ms.reduce((acc, m) => sMatmul(acc, m));
}

export function sTrace(a: SMat): RatFunc {
  let s = rf(0);
  for (let i = 0; i < a.length; i++) s = s.add(a[i][i]);
  return s;
}

/** Determinant by Laplace expansion along the first remaining row, memoized by column subset. */
export function sDet(a: SMat): RatFunc {
  const n = a.length;
  const memo = new Map<number, RatFunc>();
  const rec = (row: number, mask: number): RatFunc => {
    if (row === n) return rf(1);
    const hit = memo.get(mask);
    if (hit) return hit;
    let s = rf(0);
    let sign = 1;
    for (let j = 0; j < n; j++) {
      if (mask & (1 << j)) continue;
      const e = a[row][j];
      if (!e.isZero()) {
        const t = e.mul(rec(row + 1, mask | (1 << j)));
        s = sign > 0 ? s.add(t) : s.sub(t);
      }
      sign = -sign;
    }
    memo.set(mask, s);
    return s;
  };
  return rec(0, 0);
}

/** The minor of a without row r and column c. */
function minor(a: SMat, r: number, c: number): SMat {
  return a.filter((_, i) => i !== r).map((row) => row.filter((_, j) => j !== c));
}

/** The adjugate (transpose of the cofactor matrix). */
export function sAdjugate(a: SMat): SMat {
  const n = a.length;
  if (n === 1) return [[rf(1)]];
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      const m = sDet(minor(a, j, i));
      return (i + j) % 2 === 0 ? m : m.neg();
    }),
  );
}

/** a⁻¹ = adj(a)/det(a). */
export function sInverse(a: SMat): SMat {
  const det = sDet(a);
  return sAdjugate(a).map((row) => row.map((x) => x.div(det)));
}

/** Whether two matrices are entrywise identical rational functions. */
export function sEquals(a: SMat, b: SMat): boolean {
  return a.length === b.length && a.every((row, i) => row.length === b[i].length && row.every((x, j) => x.equals(b[i][j])));
}

/** Entries as polynomials (throws when an entry has a non-constant denominator). */
export function sToPolys(a: SMat): Poly[][] {
  return a.map((row) =>
    row.map((x) => {
      if (x.den.constantValue() === undefined) throw new RangeError('sToPolys: entry has a non-constant denominator');
      return x.num;
    }),
  );
}

/** Polynomial matrix as a symbolic matrix. */
export function fromPolys(a: Poly[][]): SMat {
  return a.map((row) => row.map((p) => rf(p)));
}

/** Evaluate every entry at a rational point. */
export function sEvaluate(a: SMat, point: Record<string, Rat>): Rat[][] {
  return a.map((row) => row.map((x) => x.evaluate(point)));
}
