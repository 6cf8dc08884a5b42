/**
 * Interned monomials (src/symbolic/monomial.ts) under planted hash collisions of every kind the lookups meet:
 * a candidate with the wanted variables but other exponents, with other variables but the same exponents,
 * and a longer one that starts like the wanted one; for `intern`, `product`, `part` and `renamed` (the last
 * has no degree test in front of its comparison). Collisions are built from the hash's definition,
 * h(Π v^e) = Σ e·w(v) mod 2^30 with w odd: e·w ≡ 0 for e = 2^30, and a·(w(0) − w(1)) ≡ 0 for a = 2^(30 − t),
 * t the number of trailing zero bits of w(0) − w(1). Also the accumulator with one id added twice past its
 * first size, and the constant monomial found by `intern`.
 */
import { describe, expect, it } from 'vitest';
import { Accumulator, MonoTable, monoHash, varWeight } from '../../src/symbolic/monomial';
import { PolyRing } from '../../src/symbolic/poly';
import type { Coef } from '../../src/symbolic/coef';

const E30 = 2 ** 30;
/** a with a·(w(0) − w(1)) ≡ 0 mod 2^30 (so x^a·m and y^a·m collide). */
function sameExpsCollision(): number {
  const d = Math.abs(varWeight(0) - varWeight(1));
  expect(d % 2).toBe(0); // both weights odd
  let t = 0;
  while (((d / 2 ** t) | 0) % 2 === 0 && t < 30) t++;
  const a = 2 ** (30 - t);
  expect(monoHash([0, 2], [a, 1])).toBe(monoHash([1, 2], [a, 1]));
  return a;
}

describe('planted collisions in every lookup', () => {
  it('intern: a longer candidate with the same start, and one with other variables but the same exponents', () => {
    const T = new MonoTable();
    const long = T.intern([1, 3], [1, E30]); // hash w(1), like y
    const y = T.intern([1], [1]);
    expect(y).not.toBe(long);
    expect([y.vars, y.exps]).toEqual([[1], [1]]);
    const a = sameExpsCollision();
    const xa = T.intern([0, 2], [a, 1]);
    const ya = T.intern([1, 2], [a, 1]);
    expect(ya).not.toBe(xa);
    expect(ya.vars).toEqual([1, 2]);
    expect(T.intern([1, 2], [a, 1])).toBe(ya);
  });
  it('intern of no variables is the constant monomial, id 0 (so d/dx x is the constant 1)', () => {
    const T = new MonoTable();
    expect(T.intern([], [])).toBe(T.byId[0]);
    expect(T.size).toBe(1);
    const R = new PolyRing();
    const one = R.sym('x').diff('x');
    expect(one.constantValue()).toEqual({ n: 1n, d: 1n });
    expect(one.ring).toBeNull();
  });
  it('product: a candidate of equal hash and degree with the same variables but other exponents', () => {
    // x^(2^30+1)·z and x·z^(2^30+1) both hash to w(0) + w(2) and have degree 2^30 + 2
    const T = new MonoTable();
    const other = T.intern([0, 2], [1, E30 + 1]);
    const a = T.intern([0], [E30]);
    const b = T.intern([0, 2], [1, 1]);
    const p = T.product(a, b);
    expect(p.hash).toBe(other.hash);
    expect(p).not.toBe(other);
    expect([p.vars, p.exps]).toEqual([[0, 2], [E30 + 1, 1]]);
  });
  it('part: candidates of equal hash and degree with other variables (bucket of two) or other exponents (bucket of one)', () => {
    const T = new MonoTable();
    const y30 = T.intern([1], [E30]); // bucket 0: the constant and y^(2^30)
    const m = T.intern([0, 2], [E30, 1]); // x^(2^30)·z
    const px = T.part(m, new Uint8Array([1, 0, 0]), 1); // x^(2^30): hash 0, degree 2^30
    expect(px).not.toBe(y30);
    expect([px.vars, px.exps]).toEqual([[0], [E30]]);
    // alone in its bucket: y^(2^30)·z (hash w(2)); the part x^(2^30)·z of x^(2^30)·z·u
    const U = new MonoTable();
    const yz = U.intern([1, 2], [E30, 1]);
    const pz = U.part(U.intern([0, 2, 3], [E30, 1, 1]), new Uint8Array([1, 0, 1, 0]), 1);
    expect(pz).not.toBe(yz);
    expect([pz.vars, pz.exps]).toEqual([[0, 2], [E30, 1]]);
    // same variables, other exponents: x^(2^30+1)·z (part of x^(2^30+1)·y·z) against x·z^(2^30+1)
    const V = new MonoTable();
    const xz = V.intern([0, 2], [1, E30 + 1]);
    const q = V.part(V.intern([0, 1, 2], [E30 + 1, 1, 1]), new Uint8Array([1, 0, 1]), 1);
    expect(q).not.toBe(xz);
    expect([q.vars, q.exps]).toEqual([[0, 2], [E30 + 1, 1]]);
  });
  it('renamed (no degree test): a longer candidate, one with other exponents, one with other variables', () => {
    const T = new MonoTable();
    const long = T.intern([1, 3], [1, E30]); // hash w(1)
    const z = T.intern([2], [1]);
    const zToY = new Int32Array([-1, -1, 1]);
    const r1 = T.renamed(z, zToY); // y: hash w(1)
    expect(r1).not.toBe(long);
    expect([r1.vars, r1.exps]).toEqual([[1], [1]]);
    const U = new MonoTable();
    const y31 = U.intern([1], [E30 + 1]); // hash (2^30 + 1)·w(1) ≡ w(1)
    const r2 = U.renamed(U.intern([2], [1]), zToY);
    expect(r2).not.toBe(y31);
    expect([r2.vars, r2.exps]).toEqual([[1], [1]]);
    const a = sameExpsCollision();
    const V = new MonoTable();
    const xa = V.intern([0, 2], [a, 1]);
    const r3 = V.renamed(V.intern([1, 3], [a, 1]), new Int32Array([-1, -1, -1, 2])); // u → z: y^a·z
    expect(r3).not.toBe(xa);
    expect([r3.vars, r3.exps]).toEqual([[1, 2], [a, 1]]);
  });
  it('renamed finds the interned monomial (its hash is the monomial’s hash), also past the scratch size', () => {
    const T = new MonoTable();
    const x = T.intern([0], [1]);
    const r = T.renamed(T.intern([1], [1]), new Int32Array([-1, 0])); // y → x
    expect(r).toBe(x);
    expect(r.hash).toBe(monoHash([0], [1]));
    const vars = Array.from({ length: 20 }, (_, k) => 2 * k);
    const exps = vars.map((_, k) => k + 1);
    const long = T.intern(vars, exps);
    const shift = new Int32Array(40).fill(-1);
    for (const v of vars) shift[v] = v + 1;
    const moved = T.renamed(long, shift);
    expect([moved.vars, moved.exps]).toEqual([vars.map((v) => v + 1), exps]);
    expect(moved.hash).toBe(monoHash(moved.vars, moved.exps));
  });
});

describe('the accumulator past its first size', () => {
  it('sums one id added twice at the first size (64) and far past it (1000)', () => {
    const A = new Accumulator();
    A.begin();
    A.add(64, 1);
    A.add(64, 2);
    A.add(1000, 5);
    A.add(1000, -7);
    A.add(1000, 1);
    const ids: number[] = [];
    const cs: Coef[] = [];
    A.finish(ids, cs);
    expect(ids).toEqual([64, 1000]);
    expect(cs).toEqual([3, -1]);
  });
});
