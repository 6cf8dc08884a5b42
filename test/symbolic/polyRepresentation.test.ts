/**
 * The polynomial layer's fast representation against BigInt reference arithmetic: coefficients as
 * doubles with an exact BigInt fallback at the 2^53 boundary (coef.ts), interned monomials found by an
 * additive hash with planted collisions and exponents at the 2^53 limit (monomial.ts), the dense
 * accumulator, and whole polynomials (add, mul, diff, rename, splitBy, subs) against a reference written
 * here over BigInt with dense exponent vectors.
 */
import { describe, expect, it } from 'vitest';
import { fc, fcTest } from './fcProp';
import { cadd, ceq, cmul, cneg, coefOf, coefOfRat, coefStats, coefToRat, csign, type Coef } from '../../src/symbolic/coef';
import { Accumulator, MonoTable, monoHash, varWeight } from '../../src/symbolic/monomial';
import { Poly, PolyRing, constant, zeroPoly, type Term } from '../../src/symbolic/poly';
import { rat, type Rat } from '../../src/symbolic/rational';

const MAX = Number.MAX_SAFE_INTEGER; // 2^53 − 1
const TWO53 = 2n ** 53n;

/** Reference: the canonical coefficient of the exact rational n/d (number iff a safe integer). */
function expectCanonical(c: Coef, n: bigint, d = 1n): void {
  const r = rat(n, d);
  if (r.d === 1n && r.n < TWO53 && r.n > -TWO53) {
    expect(typeof c).toBe('number');
    expect(c).toBe(Number(r.n));
    expect(Object.is(c, -0)).toBe(false);
  } else {
    expect(typeof c).toBe('object');
    expect(c).toEqual(r);
  }
}

describe('coefficients: doubles while safe, BigInt past 2^53 − 1, decided exactly', () => {
  it('add at the boundary: 2^53 − 1 stays a number, 2^53 and −2^53 fall back', () => {
    expectCanonical(cadd(MAX - 1, 1), TWO53 - 1n);
    expectCanonical(cadd(MAX, 1), TWO53);
    expectCanonical(cadd(-MAX, -1), -TWO53);
    expectCanonical(cadd(MAX, MAX), 2n * (TWO53 - 1n));
    // 2^53 + 1 is not a double: the fast sum rounds it to 2^53; the fallback gives the true value
    expectCanonical(cadd(MAX, 2), TWO53 + 1n);
    expectCanonical(cadd(MAX, -MAX), 0n);
    expectCanonical(cadd(-5, 5), 0n);
  });
  it('multiply at the boundary: 94906265² < 2^53 ≤ 94906266², 2^26·2^27 = 2^53', () => {
    expectCanonical(cmul(94906265, 94906265), 94906265n ** 2n);
    expectCanonical(cmul(94906266, 94906266), 94906266n ** 2n);
    expectCanonical(cmul(-94906266, 94906266), -(94906266n ** 2n));
    expectCanonical(cmul(2 ** 26, 2 ** 27), TWO53);
    expectCanonical(cmul(MAX, 1), TWO53 - 1n);
    expectCanonical(cmul(MAX, -1), -(TWO53 - 1n));
    expectCanonical(cmul(3, -7), -21n);
    expectCanonical(cmul(0, -3), 0n); // −0 in binary64; the canonical zero is +0
    expectCanonical(cmul(-3, 0), 0n);
  });
  it('no BigInt on the hot path: safe-integer sums and products stay doubles; each overflow falls back once', () => {
    const before = coefStats.fallbacks;
    expect(cadd(MAX - 1, 1)).toBe(MAX);
    expect(cadd(-MAX, MAX)).toBe(0);
    expect(cmul(94906265, 94906265)).toBe(94906265 * 94906265);
    expect(cmul(-3, 7)).toBe(-21);
    const R = new PolyRing();
    const p = R.sym('x').add(R.sym('y').scale(3)).pow(6).sub(R.sym('x').pow(6));
    expect(p.size).toBe(6);
    expect(coefStats.fallbacks).toBe(before);
    cadd(MAX, 1);
    expect(coefStats.fallbacks).toBe(before + 1);
    cmul(MAX, 2);
    expect(coefStats.fallbacks).toBe(before + 2);
    cadd(coefOfRat(rat(1n, 2n)), 1); // a rational takes the BigInt path
    cmul(coefOfRat(rat(1n, 2n)), 1);
    expect(coefStats.fallbacks).toBe(before + 4);
  });
  it('come back to a number once a BigInt result is small again; rationals stay rationals', () => {
    const big = cadd(MAX, 1); // 2^53 as a Rat
    expectCanonical(cadd(big, -1), TWO53 - 1n);
    expectCanonical(cadd(big, cneg(big)), 0n);
    expectCanonical(cmul(big, coefOfRat(rat(1n, TWO53))), 1n);
    expectCanonical(cadd(coefOfRat(rat(1n, 2n)), coefOfRat(rat(1n, 2n))), 1n);
    expectCanonical(cadd(coefOfRat(rat(1n, 2n)), 1), 3n, 2n);
    expectCanonical(cmul(coefOfRat(rat(2n, 3n)), 3), 2n);
    expectCanonical(cmul(coefOfRat(rat(2n, 3n)), coefOfRat(rat(3n, 5n))), 2n, 5n);
  });
  it('convert: numbers must be integers; unsafe integers and bigints go through BigInt; −0 is 0', () => {
    expect(() => coefOf(1.5)).toThrow(RangeError);
    expectCanonical(coefOf(2 ** 60), 2n ** 60n);
    expectCanonical(coefOf(-(2 ** 53)), -TWO53);
    expectCanonical(coefOf(-0), 0n);
    expectCanonical(coefOf(7n), 7n);
    expectCanonical(coefOf(TWO53), TWO53);
    expectCanonical(coefOf(-TWO53 + 1n), -TWO53 + 1n);
    expectCanonical(coefOf(rat(6n, 3n)), 2n);
    expectCanonical(coefOfRat(rat(TWO53 - 1n)), TWO53 - 1n);
    expectCanonical(coefOfRat(rat(-(TWO53 - 1n))), -(TWO53 - 1n));
    expect(coefToRat(5)).toEqual(rat(5n));
    expect(coefToRat(rat(1n, 3n))).toEqual(rat(1n, 3n));
  });
  it('negate, compare and sign', () => {
    expect(cneg(0)).toBe(0);
    expect(Object.is(cneg(0), -0)).toBe(false);
    expect(cneg(4)).toBe(-4);
    expect(cneg(rat(-1n, 3n))).toEqual(rat(1n, 3n));
    expect(ceq(3, 3)).toBe(true);
    expect(ceq(3, 4)).toBe(false);
    expect(ceq(rat(1n, 3n), rat(1n, 3n))).toBe(true);
    expect(ceq(rat(1n, 3n), rat(2n, 3n))).toBe(false);
    expect(ceq(rat(1n, 3n), rat(1n, 4n))).toBe(false);
    expect(ceq(rat(TWO53), 3)).toBe(false);
    expect([csign(-2), csign(0), csign(9)]).toEqual([-1, 0, 1]);
    expect([csign(rat(-TWO53)), csign(rat(TWO53)), csign(rat(0n, 3n))]).toEqual([-1, 1, 0]);
  });

  const near = fc.oneof(
    fc.bigInt({ min: -(2n ** 54n), max: 2n ** 54n }),
    fc.bigInt({ min: -100n, max: 100n }),
    fc.bigInt({ min: TWO53 - 20n, max: TWO53 + 20n }),
    fc.bigInt({ min: -TWO53 - 20n, max: -TWO53 + 20n }),
    fc.bigInt({ min: -(2n ** 27n), max: 2n ** 27n }),
  );
  const coefArb = fc.tuple(near, fc.oneof(fc.constant(1n), fc.bigInt({ min: 1n, max: 12n }))).map(([n, d]) => rat(n, d));
  fcTest.prop([coefArb, coefArb], { numRuns: 200 })('sum and product equal BigInt rational arithmetic, in canonical form', (a, b) => {
    const s = cadd(coefOfRat(a), coefOfRat(b));
    expectCanonical(s, a.n * b.d + b.n * a.d, a.d * b.d);
    const p = cmul(coefOfRat(a), coefOfRat(b));
    expectCanonical(p, a.n * b.n, a.d * b.d);
  });
});

describe('interned monomials: additive hash, verified candidates, exponents refused past 2^53 − 1', () => {
  it('the hash of a product is the sum of the hashes (mod 2^30), and weights are odd 30-bit numbers', () => {
    for (const v of [0, 1, 2, 77, 1 << 20]) {
      const w = varWeight(v);
      expect(w % 2).toBe(1);
      expect(w).toBeGreaterThan(0);
      expect(w).toBeLessThan(2 ** 30);
    }
    expect(new Set([0, 1, 2, 3, 4, 5].map(varWeight)).size).toBe(6);
    expect(monoHash([], [])).toBe(0);
    expect(monoHash([3], [2])).toBe((2 * varWeight(3)) % 2 ** 30);
    expect(monoHash([1, 4], [1, 3])).toBe((varWeight(1) + monoHash([4], [3])) % 2 ** 30);
  });
  it('interns each monomial once; products and parts are found or built, never confused', () => {
    const T = new MonoTable();
    const x = T.intern([0], [1]);
    const y = T.intern([1], [2]);
    expect(T.intern([0], [1])).toBe(x);
    expect(T.size).toBe(3);
    const xy = T.product(x, y);
    expect([xy.vars, xy.exps, xy.deg]).toEqual([[0, 1], [1, 2], 3]);
    expect(T.intern([0, 1], [1, 2])).toBe(xy);
    expect(T.product(y, x)).toBe(xy);
    expect(T.product(xy, x)).toBe(T.intern([0, 1], [2, 2]));
    expect(T.product(T.byId[0], xy)).toBe(xy);
    expect(T.product(xy, T.byId[0])).toBe(xy);
    const flags = new Uint8Array([1, 0]);
    expect(T.part(xy, flags, 1)).toBe(x);
    expect(T.part(xy, flags, 0)).toBe(y);
    expect(T.part(x, flags, 0)).toBe(T.byId[0]);
    expect(T.part(x, flags, 1)).toBe(x);
    // variables past the flags count as not in the set
    const z = T.intern([5], [1]);
    const xz = T.product(x, z);
    expect(T.part(xz, flags, 0)).toBe(z);
    const fresh = T.part(T.intern([0, 2, 5], [1, 1, 4]), flags, 0);
    expect([fresh.vars, fresh.exps, fresh.deg]).toEqual([[2, 5], [1, 4], 5]);
    expect(x.key).toBe('0^1');
    expect(xy.key).toBe('0^1*1^2');
    expect(T.byId[0].key).toBe('');
  });
  it('planted collisions: x^(2^30), x^(2^31) and 1 share hash 0 and stay distinct', () => {
    const T = new MonoTable();
    const a = T.intern([0], [2 ** 30]);
    const b = T.intern([0], [2 ** 31]);
    expect(a.hash).toBe(0);
    expect(b.hash).toBe(0);
    expect(a).not.toBe(T.byId[0]);
    expect(b).not.toBe(a);
    expect(T.product(a, a)).toBe(b);
    expect(T.intern([0], [2 ** 30])).toBe(a);
    expect(T.intern([0], [2 ** 31])).toBe(b);
    const c = T.product(b, a);
    expect(c.exps).toEqual([3 * 2 ** 30]);
    expect(T.product(a, b)).toBe(c);
    // parts that collide: y·x^(2^30) split back by y
    const y = T.intern([1], [1]);
    const ya = T.product(y, a);
    const flags = new Uint8Array([1, 0]);
    expect(T.part(ya, flags, 1)).toBe(a);
    expect(T.part(T.product(y, b), flags, 1)).toBe(b);
    const to = new Int32Array([-1, 0]); // rename y → x
    expect(T.renamed(T.intern([1], [2 ** 30]), to)).toBe(a);
    expect(T.renamed(T.product(y, T.intern([1], [2 ** 30 - 1])), to).exps).toEqual([2 ** 30]);
  });
  it('planted collisions of equal hash and equal degree are told apart exponent by exponent', () => {
    // x^(2^30) and y^(2^30) both hash to 0 (odd weights) and have the same degree
    const T = new MonoTable();
    const y30 = T.intern([1], [2 ** 30]); // bucket 0 now holds 1 and y^(2^30)
    const x29 = T.intern([0], [2 ** 29]);
    const x30 = T.product(x29, x29);
    expect(x30).not.toBe(y30);
    expect([x30.vars, x30.exps]).toEqual([[0], [2 ** 30]]);
    expect(T.product(x29, x29)).toBe(x30);
    // a bucket with a single entry: y^(2^30)·z is alone at hash w(z); x^(2^29) · x^(2^29)·z lands there
    const U = new MonoTable();
    const yz = U.intern([1, 2], [2 ** 30, 1]);
    const a = U.intern([0], [2 ** 29]);
    const b = U.intern([0, 2], [2 ** 29, 1]);
    expect(U.product(a, b).hash).toBe(yz.hash);
    const xz = U.product(a, b);
    expect(xz).not.toBe(yz);
    expect([xz.vars, xz.exps]).toEqual([[0, 2], [2 ** 30, 1]]);
    // and as polynomials: x^(2^30) − y^(2^30) is not zero
    const R = new PolyRing();
    const px = R.sym('x').pow(2 ** 30);
    const py = R.sym('y').pow(2 ** 30);
    expect(px.sub(py).size).toBe(2);
    expect(px.mul(R.sym('z')).equals(py.mul(R.sym('z')))).toBe(false);
  });
  it('exponents: the largest safe one is kept, one more is refused (product, intern, rename)', () => {
    const T = new MonoTable();
    const top = T.intern([0], [MAX]);
    const x = T.intern([0], [1]);
    expect(() => T.product(top, x)).toThrow(/degree .* passes 2\^53/);
    expect(() => T.intern([0, 1], [MAX, 1])).toThrow(RangeError);
    expect(T.intern([0, 1], [MAX - 1, 1]).deg).toBe(MAX);
    expect(() => T.intern([0, 1], [2 ** 52, 2 ** 52])).toThrow(RangeError);
    // a renamed monomial keeps its degree, so merged exponents stay within it
    const full = T.intern([0, 1], [2 ** 52, 2 ** 52 - 1]);
    expect(T.renamed(full, new Int32Array([-1, 0])).exps).toEqual([MAX]);
    const R = new PolyRing();
    const px = R.sym('x');
    expect(px.pow(MAX).degreeIn('x')).toBe(MAX);
    expect(() => px.pow(MAX).mul(px)).toThrow(RangeError);
  });
  it('renames with merging, in sorted order, through the scratch buffers (long monomials grow them)', () => {
    const T = new MonoTable();
    const m = T.intern([0, 1, 2, 3], [1, 2, 3, 4]);
    const r = T.renamed(m, new Int32Array([3, -1, 0])); // 0→3, 2→0
    expect([r.vars, r.exps]).toEqual([[0, 1, 3], [3, 2, 5]]);
    expect(T.renamed(m, new Int32Array([-1, -1, -1, -1]))).toBe(m);
    expect(T.renamed(m, new Int32Array(0))).toBe(m);
    const vars = Array.from({ length: 40 }, (_, k) => 2 * k);
    const long = T.intern(vars, vars.map(() => 1));
    const shift = new Int32Array(80).fill(-1);
    for (const v of vars) shift[v] = v + 1;
    const moved = T.renamed(long, shift);
    expect(moved.vars).toEqual(vars.map((v) => v + 1));
    expect(T.renamed(moved, new Int32Array(0))).toBe(moved);
  });
});

describe('the accumulator', () => {
  it('sums by id, drops cancelled entries, keeps first-added order, grows past its first size', () => {
    const A = new Accumulator();
    A.begin();
    for (let id = 0; id < 200; id++) A.add(id * 3, id + 1);
    A.add(3, -2);
    A.add(0, 5);
    const ids: number[] = [];
    const cs: Coef[] = [];
    A.finish(ids, cs);
    expect(ids).toEqual(Array.from({ length: 199 }, (_, k) => (k === 0 ? 0 : 3 * (k + 1))));
    expect(cs[0]).toBe(6);
    expect(cs[1]).toBe(3);
    A.begin();
    A.add(6, 1);
    const ids2: number[] = [];
    A.finish(ids2, []);
    expect(ids2).toEqual([6]); // nothing of the previous sum leaks in
  });
  it('after 2^31 − 1 sums the stamps restart without leaking', () => {
    const A = new Accumulator();
    (A as unknown as { gen: number }).gen = 0x7fffffff - 1;
    A.begin();
    A.add(1, 10);
    A.finish([], []);
    A.begin(); // the stamps wrap here
    expect((A as unknown as { gen: number }).gen).toBe(1);
    A.add(2, 1);
    A.add(1, 4);
    const ids: number[] = [];
    const cs: Coef[] = [];
    A.finish(ids, cs);
    expect(ids).toEqual([2, 1]);
    expect(cs).toEqual([1, 4]);
  });
});

// ---------------------------------------------------------------------------------------------------
// Whole polynomials against a BigInt reference with dense exponent vectors over x, y, z.

const NAMES = ['x', 'y', 'z'];
type Ref = Map<string, Rat>; // "ex,ey,ez" → coefficient (nonzero)

function refAdd(a: Ref, b: Ref): Ref {
  const out = new Map(a);
  for (const [k, c] of b) {
    const t = out.get(k);
    const s = t ? rat(t.n * c.d + c.n * t.d, t.d * c.d) : c;
    if (s.n === 0n) out.delete(k);
    else out.set(k, s);
  }
  return out;
}
function refMul(a: Ref, b: Ref): Ref {
  let out: Ref = new Map();
  for (const [ka, ca] of a)
    for (const [kb, cb] of b) {
      const ea = ka.split(',').map(Number);
      const eb = kb.split(',').map(Number);
      out = refAdd(out, new Map([[ea.map((e, i) => e + eb[i]).join(','), rat(ca.n * cb.n, ca.d * cb.d)]]));
    }
  return out;
}
function refDiff(a: Ref, v: number): Ref {
  let out: Ref = new Map();
  for (const [k, c] of a) {
    const e = k.split(',').map(Number);
    if (e[v] === 0) continue;
    const f = BigInt(e[v]);
    e[v] -= 1;
    out = refAdd(out, new Map([[e.join(','), rat(c.n * f, c.d)]]));
  }
  return out;
}
/** The polynomial's terms as a Ref, read through the public view. */
function asRef(p: Poly): Ref {
  const out: Ref = new Map();
  for (const t of p.terms.values()) {
    const e = [0, 0, 0];
    t.vars.forEach((v, k) => (e[NAMES.indexOf(p.ring!.varName(v))] = t.exps[k]));
    expect(out.has(e.join(','))).toBe(false); // no monomial twice
    expect(t.c.n).not.toBe(0n); // no zero coefficient
    out.set(e.join(','), t.c);
  }
  return out;
}
function fromRef(R: PolyRing, a: Ref): Poly {
  let p = constant(0);
  for (const [k, c] of a) {
    let m = constant(c);
    k.split(',').forEach((e, i) => (m = m.mul(R.sym(NAMES[i]).pow(Number(e)))));
    p = p.add(m);
  }
  return p;
}

describe('polynomials over the fast representation equal BigInt reference arithmetic', () => {
  const R = new PolyRing();
  const bigish = fc.oneof(fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n }), fc.bigInt({ min: -9n, max: 9n }), fc.bigInt({ min: TWO53 - 3n, max: TWO53 + 3n }));
  const coefArb = fc.tuple(bigish, fc.oneof(fc.constant(1n), fc.constant(1n), fc.bigInt({ min: 2n, max: 6n }))).map(([n, d]) => rat(n, d));
  const refArb = fc
    .array(fc.tuple(fc.tuple(fc.nat(3), fc.nat(3), fc.nat(3)), coefArb), { maxLength: 6 })
    .map((ts) => ts.reduce<Ref>((acc, [e, c]) => (c.n === 0n ? acc : refAdd(acc, new Map([[e.join(','), c]]))), new Map()));

  fcTest.prop([refArb, refArb], { numRuns: 40 })('add, sub, mul, diff, equals', (a, b) => {
    const p = fromRef(R, a);
    const q = fromRef(R, b);
    expect(asRef(p)).toEqual(a);
    expect(asRef(p.add(q))).toEqual(refAdd(a, b));
    expect(asRef(p.mul(q))).toEqual(refMul(a, b));
    expect(asRef(p.sub(q).add(q))).toEqual(a);
    expect(p.sub(p).isZero()).toBe(true);
    expect(asRef(p.diff('y'))).toEqual(refDiff(a, 1));
    expect(p.equals(fromRef(R, a))).toBe(true);
    expect(p.add(q).equals(p)).toBe(b.size === 0);
    expect(p.size).toBe(a.size);
    expect(p.terms.size).toBe(a.size);
  });
  fcTest.prop([refArb, refArb], { numRuns: 25 })('subs, rename and splitBy', (a, b) => {
    const p = fromRef(R, a);
    const q = fromRef(R, b);
    // z := q, by the reference: Σ c x^i y^j q^k
    let want: Ref = new Map();
    for (const [k, c] of a) {
      const [i, j, l] = k.split(',').map(Number);
      let t: Ref = new Map([[`${i},${j},0`, c]]);
      for (let r = 0; r < l; r++) t = refMul(t, b);
      want = refAdd(want, t);
    }
    expect(asRef(p.subs({ z: q }))).toEqual(want);
    // rename x → y: exponents of x move onto y
    const ix = R.varIndex('x');
    const iy = R.varIndex('y');
    let ren: Ref = new Map();
    for (const [k, c] of a) {
      const [i, j, l] = k.split(',').map(Number);
      ren = refAdd(ren, new Map([[`0,${i + j},${l}`, c]]));
    }
    expect(asRef(p.rename(new Map([[ix, iy]])))).toEqual(ren);
    // split by {x, z}: each part times its monomial sums back to p, and the rests carry only y
    const parts = p.splitBy(new Set([ix, R.varIndex('z')]));
    let back = constant(0);
    for (const { vars, exps, rest } of parts.values()) {
      expect(rest.variables().every((n) => n === 'y')).toBe(true);
      let m = rest;
      vars.forEach((v, k) => (m = m.mul(R.sym(R.varName(v)).pow(exps[k]))));
      back = back.add(m);
    }
    expect(asRef(back)).toEqual(a);
  });
  it('coefficients past 2^53 in a product and a power: (x + 2^30·y)^3 and its cancellation back to doubles', () => {
    const x = R.sym('x');
    const y = R.sym('y');
    const p = x.add(y.scale(2 ** 30)).pow(3);
    expect(asRef(p)).toEqual(
      new Map([
        ['3,0,0', rat(1n)],
        ['2,1,0', rat(3n * 2n ** 30n)],
        ['1,2,0', rat(3n * 2n ** 60n)],
        ['0,3,0', rat(2n ** 90n)],
      ]),
    );
    const back = p.sub(y.pow(3).scale(rat(2n ** 90n))).sub(x.mul(y.pow(2)).scale(rat(3n * 2n ** 60n)));
    expect(back.equals(x.pow(3).add(x.pow(2).mul(y).scale(3 * 2 ** 30)))).toBe(true);
    expect(back.cs.every((c) => typeof c === 'number')).toBe(true);
    expect(p.evaluate({ x: rat(1n), y: rat(1n, 2n ** 30n) })).toEqual(rat(8n));
  });
});

describe('public view and constructor', () => {
  const R = new PolyRing();
  const x = R.sym('x');
  const y = R.sym('y');
  it('the terms view answers size, get, has, keys, entries, iteration and forEach alike', () => {
    const p = x.pow(2).scale(3).add(y).add(constant(rat(-1n, 2n)));
    const v = p.terms;
    expect(p.terms).toBe(v); // made once
    const ix = R.varIndex('x');
    const iy = R.varIndex('y');
    const keys = [`${ix}^2`, `${iy}^1`, ''];
    expect(v.size).toBe(3);
    expect([...v.keys()].sort()).toEqual([...keys].sort());
    expect(v.get(`${ix}^2`)!.c).toEqual(rat(3n));
    expect(v.get(`${ix}^2`)!.vars).toEqual([ix]);
    expect(v.get('')!.c).toEqual(rat(-1n, 2n));
    expect(v.get('')!.exps).toEqual([]);
    expect(v.has(`${iy}^1`)).toBe(true);
    expect(v.has(`${iy}^2`)).toBe(false);
    expect(v.get('nope')).toBeUndefined();
    expect([...v].map(([k]) => k).sort()).toEqual([...keys].sort());
    expect([...v.entries()].map(([k, t]) => [k, t.c])).toEqual([...v].map(([k, t]) => [k, t.c]));
    const seen: string[] = [];
    const self: unknown[] = [];
    v.forEach(function (this: unknown, t, k, m) {
      seen.push(k);
      expect(m).toBe(v);
      self.push(this);
      expect(v.get(k)).toBe(t);
    }, 'ctx');
    expect(seen.sort()).toEqual([...keys].sort());
    expect(self.every((s) => String(s) === 'ctx')).toBe(true);
    expect([...v.values()].map((t) => t.c.n).sort()).toEqual([-1n, 1n, 3n]);
  });
  it('the constructor merges equal monomials, drops zeros, needs a ring only for variables', () => {
    const ix = R.varIndex('x');
    const terms = new Map<string, Term>([
      ['a', { vars: [ix], exps: [1], c: rat(2n) }],
      ['b', { vars: [ix], exps: [1], c: rat(3n) }],
      ['c', { vars: [], exps: [], c: rat(0n) }],
      ['d', { vars: [], exps: [], c: rat(4n) }],
      ['e', { vars: [], exps: [], c: rat(-4n) }],
    ]);
    const p = new Poly(terms, R);
    expect(p.toString()).toBe('5*x');
    expect(p.ring).toBe(R);
    expect(new Poly(new Map([['', { vars: [], exps: [], c: rat(7n) }]]), R).ring).toBeNull();
    expect(() => new Poly(new Map([['x', { vars: [ix], exps: [1], c: rat(1n) }]]))).toThrow(/needs its ring/);
    expect(new Poly(x.mul(y).terms, R).equals(x.mul(y))).toBe(true); // from another polynomial's view
    expect(new Poly(new Map([['', { vars: [], exps: [], c: rat(2n ** 70n) }]])).constantValue()).toEqual(rat(2n ** 70n));
    expect(zeroPoly().isZero()).toBe(true);
    expect(zeroPoly().ring).toBeNull();
  });
  it('constants: no ring, scale and multiply exactly, keep ring when combined', () => {
    expect(constant(3).mul(constant(rat(1n, 3n))).constantValue()).toEqual(rat(1n));
    expect(constant(2 ** 52).mul(constant(4)).constantValue()).toEqual(rat(2n ** 54n));
    expect(constant(5).ring).toBeNull();
    expect(constant(0).isZero()).toBe(true);
    expect(x.scale(0).isZero()).toBe(true);
    expect(x.scale(0).ring).toBeNull();
    expect(x.scale(1)).toBe(x);
    expect(x.mul(constant(0)).ring).toBeNull();
    expect(x.sub(x).ring).toBeNull();
    expect(x.add(constant(2)).sub(x).ring).toBeNull();
    expect(x.add(constant(2)).sub(x).constantValue()).toEqual(rat(2n));
    expect(x.mul(constant(2)).ring).toBe(R);
    expect(x.subs({}).equals(x)).toBe(true);
    expect(constant(4).subs({ x: y }).constantValue()).toEqual(rat(4n));
    expect(x.diff('nope').isZero()).toBe(true);
    expect(constant(4).rename(new Map([[0, 1]])).constantValue()).toEqual(rat(4n));
    expect(constant(4).splitBy(new Set([0])).get('')!.rest.constantValue()).toEqual(rat(4n));
    expect(constant(0).splitBy(new Set([0])).size).toBe(0);
  });
  it('degrees, coefficients, first coefficient and printing read the interned monomials', () => {
    const p = x.pow(3).mul(y).scale(-2).add(x.mul(y.pow(2))).add(constant(7));
    expect(p.totalDegree()).toBe(4);
    expect(zeroPoly().totalDegree()).toBe(-1);
    expect(constant(3).totalDegree()).toBe(0);
    expect(p.degreeIn('x')).toBe(3);
    expect(p.degreeIn('y')).toBe(2);
    expect(p.coefficient('x', 3).toString()).toBe('-2*y');
    expect(p.coefficient('x', 0).toString()).toBe('7');
    expect(p.coefficient('x', 1).toString()).toBe('y^2');
    expect(p.firstCoefficient()).toEqual(rat(7n));
    expect(p.sub(constant(7)).firstCoefficient()).toEqual(rat(1n)); // 'x*y^2' < 'x^3*y'
    expect(p.sub(constant(7)).sub(x.mul(y.pow(2))).firstCoefficient()).toEqual(rat(-2n));
    expect(p.variables()).toEqual(['x', 'y']);
    const z = R.sym('z'); // interned after x and y
    expect(z.mul(x).variableIndices()).toEqual([R.varIndex('x'), R.varIndex('z')]);
    expect(z.mul(x).variables()).toEqual(['x', 'z']);
    expect(constant(3).variableIndices()).toEqual([]);
    expect(constant(3).variables()).toEqual([]);
    expect(p.allCoefficientsPositive()).toBe(false);
    expect(p.sub(p.coefficient('x', 3).mul(x.pow(3))).allCoefficientsPositive()).toBe(true);
    expect(x.singleVariable()).toBe('x');
    expect(x.scale(2).singleVariable()).toBeUndefined();
    expect(x.pow(2).singleVariable()).toBeUndefined();
    expect(x.add(y).singleVariable()).toBeUndefined();
    expect(constant(1).singleVariable()).toBeUndefined();
    expect(x.scale(rat(2n ** 60n, 3n)).toString()).toBe(`(${2n ** 60n}/3)*x`);
    expect(x.scale(rat(-(2n ** 60n))).toString()).toBe(`-${2n ** 60n}*x`);
  });
});
