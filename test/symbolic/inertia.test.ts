/** Exact inertia (Faddeev–LeVerrier + Descartes) against known spectra and against ml-matrix. */
import { describe, expect, it } from 'vitest';
import { fc, fcTest } from './fcProp';
import { symmetricEigen } from '../../src/linalg/matrix';
import { characteristicPolynomial, inertia } from '../../src/symbolic/inertia';
import { rat, rtoString } from '../../src/symbolic/rational';

const R = (m: number[][]) => m.map((row) => row.map((v) => rat(BigInt(v))));

describe('inertia', () => {
  it('diag(1, −2, 0): one positive, one negative, one zero; char. poly λ³ + λ² − 2λ', () => {
    expect(inertia(R([[1, 0, 0], [0, -2, 0], [0, 0, 0]]))).toEqual({ positive: 1, negative: 1, zero: 1 });
    expect(characteristicPolynomial(R([[1, 0, 0], [0, -2, 0], [0, 0, 0]])).map(rtoString)).toEqual(['0', '-2', '1', '1']);
  });
  it('[[0, 1], [1, 0]] has eigenvalues ±1', () => {
    expect(inertia(R([[0, 1], [1, 0]]))).toEqual({ positive: 1, negative: 1, zero: 0 });
  });
  fcTest.prop([fc.array(fc.integer({ min: -6, max: 6 }), { minLength: 15, maxLength: 15 })], { numRuns: 60 })(
    'a random symmetric integer 5×5 matrix: counts agree with ml-matrix eigenvalues (away from 0)',
    (v) => {
      const m = Array.from({ length: 5 }, () => new Array<number>(5).fill(0));
      let k = 0;
      for (let i = 0; i < 5; i++) for (let j = i; j < 5; j++) m[i][j] = m[j][i] = v[k++];
      const eig = symmetricEigen(m).values;
      fc.pre(eig.every((x) => Math.abs(x) > 1e-6));
      const i = inertia(R(m));
      expect(i.negative).toBe(eig.filter((x) => x < 0).length);
      expect(i.positive).toBe(eig.filter((x) => x > 0).length);
    },
  );
});

describe('characteristic polynomials worked by hand', () => {
  const Q = (m: [number, number][][]) => m.map((row) => row.map(([n, d]) => rat(BigInt(n), BigInt(d))));
  it('1×1 [[−3]]: λ + 3; 2×2 [[2, 1], [1, 2]]: λ² − 4λ + 3 (eigenvalues 1, 3)', () => {
    expect(characteristicPolynomial(R([[-3]])).map(rtoString)).toEqual(['3', '1']);
    expect(characteristicPolynomial(R([[2, 1], [1, 2]])).map(rtoString)).toEqual(['3', '-4', '1']);
    expect(inertia(R([[2, 1], [1, 2]]))).toEqual({ positive: 2, negative: 0, zero: 0 });
  });
  it('not symmetric: [[1, 2], [3, 4]] has λ² − 5λ − 2', () => {
    expect(characteristicPolynomial(R([[1, 2], [3, 4]])).map(rtoString)).toEqual(['-2', '-5', '1']);
  });
  it('rational entries: [[1/2, 1/3], [1/3, 1/4]] has λ² − (3/4)λ + 1/72', () => {
    expect(characteristicPolynomial(Q([[[1, 2], [1, 3]], [[1, 3], [1, 4]]])).map(rtoString)).toEqual(['1/72', '-3/4', '1']);
  });
  it('tridiagonal [[2,1,0],[1,2,1],[0,1,2]]: λ³ − 6λ² + 10λ − 4 (eigenvalues 2, 2 ± √2)', () => {
    expect(characteristicPolynomial(R([[2, 1, 0], [1, 2, 1], [0, 1, 2]])).map(rtoString)).toEqual(['-4', '10', '-6', '1']);
    expect(inertia(R([[2, 1, 0], [1, 2, 1], [0, 1, 2]]))).toEqual({ positive: 3, negative: 0, zero: 0 });
  });
  it('[[1, 2, 3], [2, 4, 5], [3, 5, 6]]: λ³ − 11λ² − 4λ + 1 (tr 11, principal 2×2 minors 0 − 3 − 1 = −4, det −1)', () => {
    expect(characteristicPolynomial(R([[1, 2, 3], [2, 4, 5], [3, 5, 6]])).map(rtoString)).toEqual(['1', '-4', '-11', '1']);
    expect(inertia(R([[1, 2, 3], [2, 4, 5], [3, 5, 6]]))).toEqual({ positive: 2, negative: 1, zero: 0 });
  });
});

describe('inertia with zero coefficients and zero eigenvalues', () => {
  it('diag(1, −1): λ² − 1 (a zero coefficient between the signs): one each', () => {
    expect(inertia(R([[1, 0], [0, -1]]))).toEqual({ positive: 1, negative: 1, zero: 0 });
  });
  it('the zero matrix, [[1, 1], [1, 1]] (eigenvalues 0, 2) and −I₃', () => {
    expect(inertia(R([[0, 0], [0, 0]]))).toEqual({ positive: 0, negative: 0, zero: 2 });
    expect(inertia(R([[1, 1], [1, 1]]))).toEqual({ positive: 1, negative: 0, zero: 1 });
    expect(inertia(R([[-1, 0, 0], [0, -1, 0], [0, 0, -1]]))).toEqual({ positive: 0, negative: 3, zero: 0 });
    expect(inertia(R([[-2, 1], [1, -2]]))).toEqual({ positive: 0, negative: 2, zero: 0 });
  });
  it('diag(3, 0, 0, −5, 2): two positive, one negative, two zero', () => {
    const m = [3, 0, 0, -5, 2].map((v, i) => [3, 0, 0, -5, 2].map((_, j) => (i === j ? v : 0)));
    expect(inertia(R(m))).toEqual({ positive: 2, negative: 1, zero: 2 });
  });
});

describe('the empty matrix', () => {
  it('det(λI₀) = 1: the characteristic polynomial is [1]; no eigenvalues', () => {
    expect(characteristicPolynomial([]).map(rtoString)).toEqual(['1']);
    expect(inertia([])).toEqual({ positive: 0, negative: 0, zero: 0 });
  });
});
