/**
 * Small symbolic matrices (src/symbolic/matrix.ts) against hand-worked results: symbol matrices, sums,
 * products, traces, determinants (the 2×2 and 3×3 formulas written out by hand), adjugates and
 * inverses (A·A⁻¹ = I, and the 2×2 inverse formula), and exact evaluation.
 */
import { describe, expect, it } from 'vitest';
import { PolyRing, constant } from '../../src/symbolic/poly';
import { rf } from '../../src/symbolic/ratfunc';
import { rat, type Rat } from '../../src/symbolic/rational';
import {
  constantMatrix,
  fromPolys,
  ringOf,
  sAdd,
  sAdjugate,
  sDet,
  sEquals,
  sEvaluate,
  sIdentity,
  sInverse,
  sMatmul,
  sMul,
  sScale,
  sSub,
  sToPolys,
  sTrace,
  sTranspose,
  symbolMatrix,
  type SMat,
} from '../../src/symbolic/matrix';

const R = new PolyRing();
const s = (name: string) => rf(R.sym(name));
const ints = (m: number[][]): SMat => constantMatrix(m.map((row) => row.map((v) => rat(v))));
const strs = (m: Rat[][]): string[][] => m.map((row) => row.map((r) => `${r.n}/${r.d}`));

describe('symbol matrices', () => {
  it('a 2×2 general matrix has four symbols a11, a12, a21, a22', () => {
    const m = symbolMatrix(R, 'a', 2);
    expect(m.map((row) => row.map((x) => x.toString()))).toEqual([
      ['a11', 'a12'],
      ['a21', 'a22'],
    ]);
  });
  it('symmetric: (2, 1) is a12; diagonal: off-diagonal 0; rows ≠ columns', () => {
    const m = symbolMatrix(R, 'b', 2, 2, { symmetric: true });
    expect(m[1][0].toString()).toBe('b12');
    expect(m[0][1].toString()).toBe('b12');
    expect(m[1][1].toString()).toBe('b22');
    const d = symbolMatrix(R, 'c', 2, 2, { diagonal: true });
    expect(d[0][1].isZero()).toBe(true);
    expect(d[1][0].isZero()).toBe(true);
    expect(d[1][1].toString()).toBe('c22');
    const r = symbolMatrix(R, 'e', 3, 2);
    expect(r).toHaveLength(2);
    expect(r[1].map((x) => x.toString())).toEqual(['e21', 'e22', 'e23']);
  });
  it('ringOf: the ring of the first entry that has one, in numerator or denominator; null for constants', () => {
    expect(ringOf(ints([[1, 2]]))).toBeNull();
    expect(ringOf([[rf(1), s('p')]])).toBe(R);
    expect(ringOf([[rf(1)], [rf(1).div(s('p'))]])).toBe(R);
  });
});

describe('arithmetic', () => {
  const a = ints([
    [1, 2],
    [3, 4],
  ]);
  const b = ints([
    [0, 1],
    [5, -2],
  ]);
  it('sum, difference, scaling, transpose', () => {
    expect(sEquals(sAdd(a, b), ints([[1, 3], [8, 2]]))).toBe(true);
    expect(sEquals(sSub(a, b), ints([[1, 1], [-2, 6]]))).toBe(true);
    expect(sEquals(sScale(a, rf(3)), ints([[3, 6], [9, 12]]))).toBe(true);
    expect(sEquals(sTranspose(ints([[1, 2, 3], [4, 5, 6]])), ints([[1, 4], [2, 5], [3, 6]]))).toBe(true);
  });
  it('products: [[1,2],[3,4]]·[[0,1],[5,−2]] = [[10,−3],[20,−5]]; a 2×3 times a 3×1', () => {
    expect(sEquals(sMatmul(a, b), ints([[10, -3], [20, -5]]))).toBe(true);
    expect(sEquals(sMatmul(ints([[1, 0, 2], [0, 3, 1]]), ints([[4], [5], [6]])), ints([[16], [21]]))).toBe(true);
    expect(sEquals(sMul(a, b, sIdentity(2)), ints([[10, -3], [20, -5]]))).toBe(true);
    expect(sEquals(sMul(b, a), ints([[3, 4], [-1, 2]]))).toBe(true);
  });
  it('a symbolic product: [[p, q]]·[[r], [t]] = pr + qt', () => {
    const m = sMatmul([[s('p'), s('q')]], [[s('r')], [s('t')]]);
    expect(m[0][0].equals(s('p').mul(s('r')).add(s('q').mul(s('t'))))).toBe(true);
  });
  it('trace and identity', () => {
    expect(sTrace(a).equals(rf(5))).toBe(true);
    expect(sTrace(symbolMatrix(R, 'a', 2)).equals(s('a11').add(s('a22')))).toBe(true);
    expect(sEquals(sIdentity(3), ints([[1, 0, 0], [0, 1, 0], [0, 0, 1]]))).toBe(true);
  });
  it('sEquals: different shapes or entries are unequal', () => {
    expect(sEquals(a, b)).toBe(false);
    expect(sEquals(a, ints([[1, 2], [3, 5]]))).toBe(false); // one entry differs, the others agree
    expect(sEquals(a, ints([[1, 2]]))).toBe(false);
    expect(sEquals(ints([[1, 2], [3, 4]]), ints([[1, 2], [3]]))).toBe(false);
    expect(sEquals(ints([[1], [3]]), ints([[1, 2], [3, 4]]))).toBe(false);
  });
});

describe('determinants, adjugates and inverses', () => {
  it('det of a general 2×2 is a11 a22 − a12 a21', () => {
    const m = symbolMatrix(R, 'a', 2);
    expect(sDet(m).equals(s('a11').mul(s('a22')).sub(s('a12').mul(s('a21'))))).toBe(true);
  });
  it('det of a general 3×3 by the rule of Sarrus', () => {
    const m = symbolMatrix(R, 'a', 3);
    const e = (i: number, j: number) => s(`a${i}${j}`);
    const sarrus = e(1, 1).mul(e(2, 2)).mul(e(3, 3))
      .add(e(1, 2).mul(e(2, 3)).mul(e(3, 1)))
      .add(e(1, 3).mul(e(2, 1)).mul(e(3, 2)))
      .sub(e(1, 3).mul(e(2, 2)).mul(e(3, 1)))
      .sub(e(1, 1).mul(e(2, 3)).mul(e(3, 2)))
      .sub(e(1, 2).mul(e(2, 1)).mul(e(3, 3)));
    expect(sDet(m).equals(sarrus)).toBe(true);
  });
  it('numeric determinants with zeros: det [[0,2,1],[3,0,4],[1,5,0]] = 0·… − 2(0 − 4) + 1(15 − 0) = 23', () => {
    expect(sDet(ints([[0, 2, 1], [3, 0, 4], [1, 5, 0]])).equals(rf(23))).toBe(true);
    expect(sDet(ints([[2, 0, 0, 0], [0, 3, 0, 0], [0, 0, 0, 5], [0, 0, 7, 0]])).equals(rf(-210))).toBe(true);
    expect(sDet(ints([[7]])).equals(rf(7))).toBe(true);
  });
  it('adjugate of a 2×2 is [[d, −b], [−c, a]]; of a 1×1 is [[1]]', () => {
    const m = symbolMatrix(R, 'a', 2);
    const adj = sAdjugate(m);
    expect(adj[0][0].equals(s('a22'))).toBe(true);
    expect(adj[0][1].equals(s('a12').neg())).toBe(true);
    expect(adj[1][0].equals(s('a21').neg())).toBe(true);
    expect(adj[1][1].equals(s('a11'))).toBe(true);
    expect(sEquals(sAdjugate(ints([[9]])), ints([[1]]))).toBe(true);
  });
  it('adjugate of [[1,2,0],[0,1,3],[4,0,1]] worked by hand (cofactors transposed)', () => {
    // cofactors: C11 = 1, C12 = 12, C13 = −4, C21 = −2, C22 = 1, C23 = 8, C31 = 6, C32 = −3, C33 = 1
    expect(sEquals(sAdjugate(ints([[1, 2, 0], [0, 1, 3], [4, 0, 1]])), ints([[1, -2, 6], [12, 1, -3], [-4, 8, 1]]))).toBe(true);
  });
  it('inverse: [[2,1],[1,1]]⁻¹ = [[1,−1],[−1,2]]; a general symbolic 3×3 times its inverse is I', () => {
    expect(sEquals(sInverse(ints([[2, 1], [1, 1]])), ints([[1, -1], [-1, 2]]))).toBe(true);
    const m = symbolMatrix(R, 'g', 3, 3, { symmetric: true });
    expect(sEquals(sMatmul(m, sInverse(m)), sIdentity(3))).toBe(true);
  });
});

describe('conversions', () => {
  it('sToPolys / fromPolys round trip; a non-constant denominator is refused with its message; a constant one is scaled in', () => {
    const p = [[R.sym('u'), constant(2)]];
    const m = fromPolys(p);
    const back = sToPolys(m);
    expect(back[0][0].equals(R.sym('u'))).toBe(true);
    expect(back[0][1].equals(constant(2))).toBe(true);
    expect(sToPolys([[rf(R.sym('u')).div(rf(4))]])[0][0].equals(R.sym('u').scale(rat(1, 4)))).toBe(true);
    expect(() => sToPolys([[rf(1).div(s('u'))]])).toThrow(new RangeError('sToPolys: entry has a non-constant denominator'));
  });
  it('sEvaluate at a rational point', () => {
    const m = [[s('u').div(s('v')), s('u').add(rf(1))]];
    expect(strs(sEvaluate(m, { u: rat(1, 2), v: rat(3) }))).toEqual([['1/6', '3/2']]);
  });
});
