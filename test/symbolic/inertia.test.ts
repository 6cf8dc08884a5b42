/** Exact inertia (Faddeev–LeVerrier + Descartes) against known spectra and against ml-matrix. */
import { describe, expect, it } from 'vitest';
import { fc, test as fcTest } from '@fast-check/vitest';
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
