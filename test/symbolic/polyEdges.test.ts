/**
 * Edges of the polynomial layer's public operations (src/symbolic/poly.ts) that the algebraic tests do not
 * reach: refused inputs and their messages, arrays handed in or out that the caller may change later,
 * variables interned out of name order (printing sorts by name), terms whose id order differs from their
 * printed order, and index arithmetic in `coefficient` and `rename` on three-variable monomials. Every
 * expected value is worked by hand in the comment beside it.
 */
import { describe, expect, it } from 'vitest';
import { Poly, PolyRing, constant, zeroPoly, type Term } from '../../src/symbolic/poly';
import { rat } from '../../src/symbolic/rational';

describe('refusals name the argument and the rule', () => {
  const R = new PolyRing();
  const x = R.sym('x');
  const y = R.sym('y');
  it('variable names: a letter first, then letters, digits, _ or .', () => {
    expect(() => R.sym('1x')).toThrow(/variable name '1x' must match/);
    expect(() => R.sym('x y')).toThrow(/variable name 'x y' must match/);
    expect(R.size).toBe(2); // nothing interned by the refusals
    expect(R.sym('a_1.b').toString()).toBe('a_1.b');
  });
  it('pow: a negative or fractional exponent is refused', () => {
    expect(() => x.pow(-1)).toThrow(/exponent must be an integer ≥ 0, got -1/);
    expect(() => x.pow(1.5)).toThrow(/exponent must be an integer ≥ 0, got 1.5/);
    expect(x.pow(0).constantValue()).toEqual(rat(1n));
  });
  it('evaluate: a variable without a value is named', () => {
    expect(() => x.mul(y).evaluate({ x: rat(2n) })).toThrow(/evaluate: no value for variable 'y'/);
    expect(x.mul(y).evaluate({ x: rat(2n), y: rat(1n, 3n), z: rat(5n) })).toEqual(rat(2n, 3n)); // unknown names ignored
  });
});

describe('symbols and arrays shared with the caller', () => {
  it('a ring hands out one polynomial per variable', () => {
    const R = new PolyRing();
    expect(R.sym('x')).toBe(R.sym('x'));
  });
  it('the constructor copies the vars/exps arrays it is given (changing them later changes nothing)', () => {
    const R = new PolyRing();
    const ix = R.varIndex('x');
    const iy = R.varIndex('y');
    const vars = [ix];
    const exps = [2];
    const p = new Poly(new Map<string, Term>([['k', { vars, exps, c: rat(3n) }]]), R); // x² not interned before
    vars[0] = iy;
    exps[0] = 5;
    expect(p.toString()).toBe('3*x^2');
    expect(R.sym('x').pow(2).scale(3).equals(p)).toBe(true);
  });
  it('splitBy hands out copies of the monomial arrays', () => {
    const R = new PolyRing();
    const x = R.sym('x');
    const y = R.sym('y');
    const p = x.pow(2).mul(y).add(y);
    const q = x.pow(2); // interns x², the monomial splitBy finds for the part in x
    const parts = p.splitBy(new Set([R.varIndex('x')]));
    const ix = R.varIndex('x');
    const part = parts.get(`${ix}^2`)!;
    expect([part.vars, part.exps]).toEqual([[ix], [2]]);
    expect(part.rest.toString()).toBe('y');
    part.vars.push(7);
    part.exps[0] = 9;
    expect(p.toString()).toBe('x^2*y + y');
    expect(q.toString()).toBe('x^2');
    expect(p.splitBy(new Set([ix])).get(`${ix}^2`)!.exps).toEqual([2]);
  });
});

describe('order: by name when printing, by printed form for the first coefficient', () => {
  it('variables interned in reverse name order still print sorted by name', () => {
    const R = new PolyRing();
    const c = R.sym('c');
    const b = R.sym('b');
    const a = R.sym('a');
    expect(c.mul(b).mul(a).toString()).toBe('a*b*c');
    expect(c.pow(2).mul(a).toString()).toBe('a*c^2');
    expect(b.mul(a).add(c).toString()).toBe('a*b + c');
  });
  it('firstCoefficient takes the first printed term even when it is not the last one added', () => {
    const R = new PolyRing();
    const x = R.sym('x');
    const y = R.sym('y');
    // terms added x·y² (coefficient 1) then x³·y (−2): 'x*y^2' < 'x^3*y' as strings, so the first is x·y²
    const q = x.mul(y.pow(2)).add(x.pow(3).mul(y).scale(-2));
    expect(q.firstCoefficient()).toEqual(rat(1n));
    // and the other way round: x³·y (−2) added first, then x·y² (5)
    expect(x.pow(3).mul(y).scale(-2).add(x.mul(y.pow(2)).scale(5)).firstCoefficient()).toEqual(rat(5n));
  });
  it('a coefficient ±1/2 is printed, only ±1 is left out', () => {
    const R = new PolyRing();
    const x = R.sym('x');
    expect(x.scale(rat(1n, 2n)).toString()).toBe('(1/2)*x');
    expect(x.scale(rat(-1n, 2n)).toString()).toBe('-(1/2)*x');
    expect(x.scale(rat(2n)).toString()).toBe('2*x');
    expect(x.scale(rat(-1n)).toString()).toBe('-x');
  });
});

describe('coefficient, rename, singleVariable, allCoefficientsPositive on several variables', () => {
  const R = new PolyRing();
  const x = R.sym('x'); // index 0
  const y = R.sym('y'); // 1
  const z = R.sym('z'); // 2
  it('coefficient of x^k when terms hold x first, x absent, or two other variables', () => {
    // p = x·y·z + 2x + y²·z + 3: [x¹] = y·z + 2, [x⁰] = y²·z + 3
    const p = x.mul(y).mul(z).add(x.scale(2)).add(y.pow(2).mul(z)).add(constant(3));
    expect(p.coefficient('x', 1).equals(y.mul(z).add(constant(2)))).toBe(true);
    expect(p.coefficient('x', 0).equals(y.pow(2).mul(z).add(constant(3)))).toBe(true);
    // y in the middle of x·y·z: [y¹] = x·z
    expect(p.coefficient('y', 1).equals(x.mul(z))).toBe(true);
  });
  it('rename with the map’s keys in decreasing order: z → y and x → y in x·z give y²', () => {
    const iy = R.varIndex('y');
    const m = new Map([
      [R.varIndex('z'), iy],
      [R.varIndex('x'), iy],
    ]);
    expect(x.mul(z).rename(m).equals(y.pow(2))).toBe(true);
    expect(x.mul(z).add(z).rename(new Map([[R.varIndex('z'), R.varIndex('x')]])).equals(x.pow(2).add(x))).toBe(true);
  });
  it('singleVariable: x·y is not a single variable', () => {
    expect(x.mul(y).singleVariable()).toBeUndefined();
    expect(y.singleVariable()).toBe('y');
  });
  it('allCoefficientsPositive: false for the zero polynomial, true for 2x + 3', () => {
    expect(zeroPoly().allCoefficientsPositive()).toBe(false);
    expect(x.sub(x).allCoefficientsPositive()).toBe(false);
    expect(x.scale(2).add(constant(3)).allCoefficientsPositive()).toBe(true);
  });
  it('constant(p, q) with a Rat numerator takes its numerator over q: constant(3, 4) = 3/4', () => {
    expect(constant(rat(3n), 4).constantValue()).toEqual(rat(3n, 4n));
    expect(constant(6, 4n).constantValue()).toEqual(rat(3n, 2n));
  });
});
