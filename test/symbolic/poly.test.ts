/** The exact polynomial layer: rationals, polynomial arithmetic, printing that other parsers read back. */
import { beforeAll, describe, expect, it } from 'vitest';
import { fc, fcTest } from './fcProp';
import { Poly, constant, PolyRing } from '../../src/symbolic/poly';

/** This file's polynomial ring. */
const R = new PolyRing();
const sym = (name: string) => R.sym(name);
import { RatFunc, rf } from '../../src/symbolic/ratfunc';
import { rat, radd, rdiv, rfromNumber, rmul, rtoNumber, rtoString } from '../../src/symbolic/rational';

describe('rationals', () => {
  it('reduce to lowest terms with a positive denominator', () => {
    expect(rtoString(rat(6n, -4n))).toBe('-3/2');
    expect(rtoString(radd(rat(1n, 3n), rat(1n, 6n)))).toBe('1/2');
    expect(rtoString(rmul(rat(2n, 3n), rat(9n, 4n)))).toBe('3/2');
    expect(() => rdiv(rat(1n), rat(0n))).toThrow(RangeError);
  });
  it('convert doubles exactly (0.1 is a dyadic rational, not 1/10)', () => {
    expect(rtoString(rfromNumber(0.375))).toBe('3/8');
    expect(rfromNumber(0.1).d).toBe(2n ** 55n);
    expect(rtoNumber(rfromNumber(0.1))).toBe(0.1);
  });
});

describe('polynomials', () => {
  const x = sym('x');
  const y = sym('y');
  it('expand (x + y)³ to the binomial coefficients 1, 3, 3, 1', () => {
    expect(x.add(y).pow(3).toString()).toBe('3*x*y^2 + 3*x^2*y + x^3 + y^3'); // canonical order: monomials sorted as strings
  });
  it('cancel to the zero polynomial and differentiate', () => {
    expect(x.add(y).pow(2).sub(x.pow(2)).sub(y.pow(2)).sub(x.mul(y).scale(2)).isZero()).toBe(true);
    expect(x.pow(3).mul(y).diff('x').toString()).toBe('3*x^2*y');
    expect(x.pow(2).subs({ x: y.add(constant(1)) }).toString()).toBe('1 + 2*y + y^2');
  });
  it('print rational coefficients in parentheses and never a unary minus after *', () => {
    const p = x.scale(rat(-3n, 4n)).add(y.mul(x).scale(rat(-1n))).add(constant(5, 7));
    const s = p.toString();
    expect(s).toBe('(5/7) - (3/4)*x - x*y');
    expect(s.includes('*-')).toBe(false);
  });

  const smallPoly = fc
    .array(fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 6 })
    .map((ts) => Poly.sum(ts.map(([c, a, b]) => x.pow(a).mul(y.pow(b)).scale(c))));
  const pt = fc.tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: -9, max: 9 }), fc.integer({ min: 1, max: 9 }));

  fcTest.prop([smallPoly, smallPoly, pt], { numRuns: 100 })('evaluation is a ring homomorphism: (p·q)(t) = p(t)·q(t), (p+q)(t) = p(t)+q(t)', (p, q, [a, b, c, e]) => {
    const at = { x: rat(BigInt(a), BigInt(b)), y: rat(BigInt(c), BigInt(e)) };
    expect(p.mul(q).evaluate(at)).toEqual(rmul(p.evaluate(at), q.evaluate(at)));
    expect(p.add(q).evaluate(at)).toEqual(radd(p.evaluate(at), q.evaluate(at)));
  });
  fcTest.prop([smallPoly, smallPoly], { numRuns: 100 })('product rule: (pq)′ = p′q + pq′', (p, q) => {
    expect(p.mul(q).diff('x').equals(p.diff('x').mul(q).add(p.mul(q.diff('x'))))).toBe(true);
  });
  describe('the printed form in other parsers', () => {
    // loaded only when this test runs: mathjs and nerdamer take seconds to import, which every mutation run
    // of the other tests in this file would pay otherwise (Stryker runs only the tests covering a mutant)
    let mathEvaluate: (expr: string, scope: Record<string, number>) => unknown;
    let nerdamer: (expr: string, subs?: Record<string, string>) => { toString(): string };
    beforeAll(async () => {
      mathEvaluate = (await import('mathjs')).evaluate;
      nerdamer = (await import('nerdamer')).default as unknown as typeof nerdamer;
    });
  fcTest.prop([smallPoly, pt], { numRuns: 60 })('the printed form evaluates the same in mathjs and nerdamer', (p, [a, b, c, e]) => {
    const at = { x: rat(BigInt(a), BigInt(b)), y: rat(BigInt(c), BigInt(e)) };
    const exact = rtoNumber(p.evaluate(at));
    const s = p.toString();
    const viaMath = mathEvaluate(s, { x: a / b, y: c / e }) as number;
    expect(Math.abs(viaMath - exact)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(exact)));
    const viaNerdamer = nerdamer(s, { x: `${a}/${b}`, y: `${c}/${e}` }).toString();
    expect(viaNerdamer).toBe(nerdamer(rtoString(p.evaluate(at))).toString());
  });
  });
});

describe('rational functions', () => {
  const N = rf(sym('N'));
  it('add over the common multiple of factored denominators: 1/N + 1/(N + 1) = (2N + 1)/(N(N + 1))', () => {
    const s = rf(1).div(N).add(rf(1).div(N.add(rf(1))));
    const want = new RatFunc(sym('N').scale(2).add(constant(1)), sym('N').mul(sym('N').add(constant(1))));
    expect(s.equals(want)).toBe(true);
    expect(s.equals(rf(2).div(N))).toBe(false);
  });
  it('cancel powers of a variable: N²x/N³ = x/N', () => {
    const r = new RatFunc(sym('N').pow(2).mul(sym('x')), sym('N').pow(3));
    expect(r.toString()).toBe('(x)/((N))');
  });
  it('differentiate by the quotient rule: d/dN (1/(N + 1)) = −1/(N + 1)²', () => {
    const r = rf(1).div(N.add(rf(1))).diff('N');
    expect(r.equals(rf(-1).div(N.add(rf(1)).mul(N.add(rf(1)))))).toBe(true);
  });
});

describe('PolyRing: the symbol table and the Gaussian engine state are an explicit value', () => {
  it('keeps two rings apart: same names, separate tables; combining them is refused', () => {
    const A = new PolyRing();
    const B = new PolyRing();
    B.sym('z'); // interned first in B only: indices differ between the rings
    const xa = A.sym('x');
    const xb = B.sym('x');
    expect(A.size).toBe(1);
    expect(B.size).toBe(2);
    expect(xa.toString()).toBe(xb.toString());
    expect(() => xa.add(xb)).toThrow(/two different rings/);
    expect(() => xa.mul(xb)).toThrow(/two different rings/);
    // constants carry no ring and combine with either
    expect(xa.add(constant(2)).ring).toBe(A);
    expect(constant(3).mul(xb).ring).toBe(B);
    expect(xa.mul(xa).diff('x').toString()).toBe('2*x');
    expect(xa.diff('y').isZero()).toBe(true); // y is not a variable of A
  });

  it('keeps the Gaussian engine’s coordinates per ring (a coordinate of ring A is a plain symbol in ring B)', async () => {
    const { coord, expectPoly } = await import('../../src/symbolic/gaussian');
    const A = new PolyRing();
    const B = new PolyRing();
    const vec = [{ name: 'g', cov: [[constant(5)]] }];
    expect(expectPoly(coord(A, 'g', 0).pow(2), vec).toString()).toBe('5');
    const plainInB = B.sym('g.1').pow(2);
    expect(expectPoly(plainInB, vec).toString()).toBe('g.1^2');
    expect(A.coordMeta.size).toBe(1);
    expect(B.coordMeta.size).toBe(0);
  });
});
