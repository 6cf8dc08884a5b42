/**
 * The fast path's compiled y = A x (src/kernels/js/montecarlo.ts): against the plain blocked loop (the
 * same products in the same order, so the same bits), and reused for a matrix of the same entries held
 * in another array (each run of an estimate builds a new plan; recompiling cost a run ~30 % at d = 20).
 */
import { describe, expect, it } from 'vitest';
import { applyOperatorBlock, compiledOperator } from '../../src/kernels/js/montecarlo';
import { stream } from '../../src/random/stream';

const rng = stream(20261130).child('compiled-operator');

function normals(n: number, r = rng): Float64Array {
  const a = new Float64Array(n);
  r.fillNormal(a);
  return a;
}

describe('compiledOperator', () => {
  it('gives the blocked loop’s bits, is reused for equal entries in another array, and not for other entries', () => {
    for (const n of [1, 3, 20]) {
      const a = normals(n * n, rng.child(`a${n}`));
      const x = normals(5 * n, rng.child(`x${n}`));
      const op = compiledOperator(a, n)!;
      expect(op).not.toBeNull();
      const got = new Float64Array(5 * n);
      const want = new Float64Array(5 * n);
      op(x, got, 5);
      for (let b = 0; b < 5; b++) applyOperatorBlock(a, n, false, x.subarray(b * n, (b + 1) * n), want.subarray(b * n, (b + 1) * n), 1);
      expect(Array.from(got)).toEqual(Array.from(want));
      // the same entries in a fresh array: the same (already optimized) function
      expect(compiledOperator(Float64Array.from(a), n)).toBe(op);
      // one entry changed (by one ulp): another function, with that entry's effect
      const b2 = Float64Array.from(a);
      b2[n * n - 1] = b2[n * n - 1] * (1 + 2 ** -52);
      const op2 = compiledOperator(b2, n)!;
      expect(op2).not.toBe(op);
      const e = new Float64Array([...new Array(n - 1).fill(0), 1]);
      const y1 = new Float64Array(n);
      const y2 = new Float64Array(n);
      op(e, y1, 1);
      op2(e, y2, 1);
      expect(y2[n - 1]).toBe(b2[n * n - 1]);
      expect(y1[n - 1]).toBe(a[n * n - 1]);
    }
  });
});
