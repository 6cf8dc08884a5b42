/**
 * Rational functions (src/symbolic/ratfunc.ts) against hand-worked results. Identities are checked two
 * ways that do not depend on how the polynomial layer stores terms: `equals` against a form written by
 * hand, and exact values at rational points worked by hand. Printed forms are compared with strings
 * built from the polynomials' own printing (so a change of term order in poly.ts keeps them valid).
 */
import { describe, expect, it } from 'vitest';
import { PolyRing, constant } from '../../src/symbolic/poly';
import { RatFunc, rf, substituteRational, substituteRationalFn } from '../../src/symbolic/ratfunc';
import { rat, type Rat } from '../../src/symbolic/rational';

const R = new PolyRing();
const N = R.sym('N');
const x = R.sym('x');
const y = R.sym('y');
const q = (n: number, d = 1): Rat => rat(n, d);
const nd = (r: Rat): string => `${r.n}/${r.d}`;

describe('construction and normalization', () => {
  it('a constant denominator scales the numerator: (6x)/4 = (3/2)x, printed without a denominator', () => {
    const r = new RatFunc(x.scale(6), constant(4));
    expect(r.factors).toHaveLength(0);
    expect(r.num.equals(x.scale(rat(3, 2)))).toBe(true);
    expect(r.toString()).toBe(x.scale(rat(3, 2)).toString());
    expect(r.denString()).toBe('1');
    expect(r.den.equals(constant(1))).toBe(true);
  });
  it('a monomial denominator splits into variables and a constant: x/(2N²y) at N = 2, x = 3, y = 5 is 3/40', () => {
    const r = new RatFunc(x, N.pow(2).mul(y).scale(2));
    expect(nd(r.evaluate({ N: q(2), x: q(3), y: q(5) }))).toBe('3/40');
    expect(r.factors.map((f) => f.exp).sort()).toEqual([1, 2]);
    expect(r.den.equals(N.pow(2).mul(y))).toBe(true);
    expect(r.num.equals(x.scale(rat(1, 2)))).toBe(true);
  });
  it('a polynomial denominator is normalized to first coefficient 1 and its constant moves up: 1/(2N + 2) = (1/2)/(N + 1)', () => {
    const r = new RatFunc(constant(1), N.scale(2).add(constant(2)));
    expect(r.factors).toHaveLength(1);
    expect(r.factors[0].exp).toBe(1);
    expect(r.den.equals(N.add(constant(1)))).toBe(true);
    expect(r.num.equals(constant(rat(1, 2)))).toBe(true);
    expect(nd(r.evaluate({ N: q(3) }))).toBe('1/8');
  });
  it('refuses a zero denominator, with its message', () => {
    expect(() => new RatFunc(x, constant(0))).toThrow(new RangeError('rational function with zero denominator'));
  });
  it('cancels powers of a variable against the numerator: N²x/N³ = x/N, N³x/N² = Nx, (N²x + N³)/N = Nx + N²', () => {
    const a = new RatFunc(N.pow(2).mul(x), N.pow(3));
    expect(a.num.equals(x)).toBe(true);
    expect(a.den.equals(N)).toBe(true);
    expect(a.toString()).toBe(`(${x.toString()})/((${N.toString()}))`);
    const b = new RatFunc(N.pow(3).mul(x), N.pow(2));
    expect(b.factors).toHaveLength(0);
    expect(b.num.equals(N.mul(x))).toBe(true);
    const c = new RatFunc(N.pow(2).mul(x).add(N.pow(3)), N);
    expect(c.factors).toHaveLength(0);
    expect(c.num.equals(N.mul(x).add(N.pow(2)))).toBe(true);
  });
  it('cancels only the power every term shares: (N²x + N)/N² = (Nx + 1)/N', () => {
    const r = new RatFunc(N.pow(2).mul(x).add(N), N.pow(2));
    expect(r.num.equals(N.mul(x).add(constant(1)))).toBe(true);
    expect(r.den.equals(N)).toBe(true);
    expect(r.factors[0].exp).toBe(1);
  });
  it('cancels a variable that is not the ring’s first one: x²N/x³ = N/x', () => {
    const r = new RatFunc(x.pow(2).mul(N), x.pow(3));
    expect(r.num.equals(N)).toBe(true);
    expect(r.den.equals(x)).toBe(true);
  });
  it('RatFunc.of a polynomial is that polynomial over 1', () => {
    const r = RatFunc.of(x.add(constant(2)));
    expect(r.num.equals(x.add(constant(2)))).toBe(true);
    expect(r.factors).toHaveLength(0);
  });
  it('does not cancel when a term lacks the variable: (x + 1)/N stays', () => {
    const r = new RatFunc(x.add(constant(1)), N);
    expect(r.num.equals(x.add(constant(1)))).toBe(true);
    expect(r.den.equals(N)).toBe(true);
  });
  it('zero over anything is 0 with no denominator', () => {
    const r = new RatFunc(constant(0), N.add(constant(1)));
    expect(r.isZero()).toBe(true);
    expect(r.factors).toHaveLength(0);
    expect(r.toString()).toBe('0');
  });
  it('a denominator given as factors is kept: x / ((N + 1)² N)', () => {
    const base = new RatFunc(constant(1), N.add(constant(1))).factors[0];
    const r = new RatFunc(x, [{ ...base, exp: 2 }]);
    expect(r.den.equals(N.add(constant(1)).pow(2))).toBe(true);
    expect(r.denString()).toBe(`(${N.add(constant(1)).toString()})^2`);
    expect(r.toString()).toBe(`(${x.toString()})/((${N.add(constant(1)).toString()})^2)`);
  });
});

describe('arithmetic', () => {
  const invN = rf(1).div(rf(N));
  const invN1 = rf(1).div(rf(N.add(constant(1))));
  it('1/N + 1/(N + 1) = (2N + 1)/(N(N + 1)); at N = 2: 5/6', () => {
    const s = invN.add(invN1);
    expect(s.equals(new RatFunc(N.scale(2).add(constant(1)), N.mul(N.add(constant(1)))))).toBe(true);
    expect(nd(s.evaluate({ N: q(2) }))).toBe('5/6');
    expect(s.den.equals(N.mul(N.add(constant(1))))).toBe(true);
  });
  it('sums use the largest power of a shared factor: 1/N² + 1/N = (1 + N)/N²; at N = 3: 4/9', () => {
    const s = rf(1).div(rf(N.pow(2))).add(invN);
    expect(nd(s.evaluate({ N: q(3) }))).toBe('4/9');
    expect(s.den.equals(N.pow(2))).toBe(true);
    const t = invN.add(rf(1).div(rf(N.pow(2))));
    expect(t.den.equals(N.pow(2))).toBe(true);
    expect(t.equals(s)).toBe(true);
  });
  it('a sum over the same polynomial factor keeps it once: 1/(N + 1) + x/(N + 1) = (1 + x)/(N + 1)', () => {
    const s = invN1.add(rf(x).mul(invN1));
    expect(s.den.equals(N.add(constant(1)))).toBe(true);
    expect(s.num.equals(x.add(constant(1)))).toBe(true);
  });
  it('adding 0 returns the other operand', () => {
    expect(invN1.add(rf(0))).toBe(invN1);
    expect(rf(0).add(invN1)).toBe(invN1);
  });
  it('1/N − 1/(N + 1) = 1/(N(N + 1)); x − x = 0', () => {
    const d = invN.sub(invN1);
    expect(d.equals(new RatFunc(constant(1), N.mul(N.add(constant(1)))))).toBe(true);
    expect(nd(d.evaluate({ N: q(4) }))).toBe('1/20');
    expect(rf(x).sub(rf(x)).isZero()).toBe(true);
    expect(nd(rf(x).neg().evaluate({ x: q(3, 7) }))).toBe('-3/7');
  });
  it('products add exponents: (x/(N + 1)) · (y/(N + 1)) = xy/(N + 1)²; anything · 0 = 0', () => {
    const p = rf(x).mul(invN1).mul(rf(y).mul(invN1));
    expect(p.den.equals(N.add(constant(1)).pow(2))).toBe(true);
    expect(nd(p.evaluate({ x: q(2), y: q(3), N: q(1) }))).toBe('3/2');
    expect(p.mul(rf(0)).isZero()).toBe(true);
    expect(rf(0).mul(p).isZero()).toBe(true);
    expect(rf(0).mul(p).factors).toHaveLength(0);
    expect(p.mul(rf(0)).factors).toHaveLength(0);
  });
  it('division: (x/N) / (y/(N + 1)) = x(N + 1)/(N y); at x = 2, y = 3, N = 5: 4/5', () => {
    const a = rf(x).div(rf(N));
    const b = rf(y).div(rf(N.add(constant(1))));
    const r = a.div(b);
    expect(nd(r.evaluate({ x: q(2), y: q(3), N: q(5) }))).toBe('4/5');
    expect(r.equals(new RatFunc(x.mul(N.add(constant(1))), N.mul(y)))).toBe(true);
  });
  it('division by a polynomial with a constant factor: x / (2N + 4) at x = 3, N = 1 is 1/2', () => {
    const r = rf(x).div(rf(N.scale(2).add(constant(4))));
    expect(nd(r.evaluate({ x: q(3), N: q(1) }))).toBe('1/2');
    expect(rf(x).div(rf(constant(3))).num.equals(x.scale(rat(1, 3)))).toBe(true);
  });
  it('refuses division by 0, with its message', () => {
    expect(() => rf(x).div(rf(0))).toThrow(new RangeError('division by the zero rational function'));
  });
  it('scale by a rational or a number', () => {
    const r = invN1.scale(rat(3, 2));
    expect(nd(r.evaluate({ N: q(2) }))).toBe('1/2');
    expect(nd(invN1.scale(-4).evaluate({ N: q(1) }))).toBe('-2/1');
  });
  it('equals: the same function written two ways, and different ones', () => {
    const a = new RatFunc(N.add(constant(1)).mul(x), N.add(constant(1)).mul(N));
    expect(a.equals(rf(x).div(rf(N)))).toBe(true);
    expect(rf(x).div(rf(N)).equals(rf(x).div(rf(N.add(constant(1)))))).toBe(false);
    expect(rf(2).div(rf(N)).equals(invN.add(invN1))).toBe(false);
  });
});

describe('calculus, substitution and evaluation', () => {
  it('∂/∂N of x/(N + 1) is −x/(N + 1)²; at x = 3, N = 2: −1/3', () => {
    const r = rf(x).div(rf(N.add(constant(1)))).diff('N');
    expect(r.equals(rf(x).neg().div(rf(N.add(constant(1)).pow(2))))).toBe(true);
    expect(nd(r.evaluate({ x: q(3), N: q(2) }))).toBe('-1/3');
  });
  it('∂/∂N of (N² + x)/(N + y) = (N² + 2Ny − x)/(N + y)²; at N = 1, x = 2, y = 3: 5/16', () => {
    const r = new RatFunc(N.pow(2).add(x), N.add(y)).diff('N');
    expect(nd(r.evaluate({ N: q(1), x: q(2), y: q(3) }))).toBe('5/16');
  });
  it('∂/∂x of 1/(N(N + x)), one factor free of x and one not: −1/(N(N + x)²); at N = 2, x = 1: −1/18', () => {
    const r = rf(1).div(rf(N)).div(rf(N.add(x))).diff('x');
    expect(nd(r.evaluate({ N: q(2), x: q(1) }))).toBe('-1/18');
    expect(r.equals(rf(-1).div(rf(N)).div(rf(N.add(x)).mul(rf(N.add(x)))))).toBe(true);
  });
  it('∂/∂x of x²/(N + 1) touches only the numerator: 2x/(N + 1); at x = 3, N = 2: 2', () => {
    const r = new RatFunc(x.pow(2), N.add(constant(1))).diff('x');
    expect(r.den.equals(N.add(constant(1)))).toBe(true);
    expect(nd(r.evaluate({ x: q(3), N: q(2) }))).toBe('2/1');
  });
  it('subs: x/(N + 1) with N → 2y, x → y² is y²/(2y + 1); at y = 2: 4/5', () => {
    const r = rf(x).div(rf(N.add(constant(1)))).subs({ N: y.scale(2), x: y.pow(2) });
    expect(r.variables()).toEqual(['y']);
    expect(nd(r.evaluate({ y: q(2) }))).toBe('4/5');
    const s = rf(x).div(rf(N).mul(rf(N))).subs(new Map([['N', y.add(constant(1))]]));
    expect(nd(s.evaluate({ x: q(1), y: q(1) }))).toBe('1/4');
  });
  it('evaluate: (x + 1)/(N(N − 1)²) at x = 2, N = 3 is 1/4; refuses a vanishing denominator, with its message', () => {
    const r = new RatFunc(x.add(constant(1)), N.mul(N.sub(constant(1)).pow(2)));
    expect(nd(r.evaluate({ x: q(2), N: q(3) }))).toBe('1/4');
    expect(nd(r.evaluate(new Map([['x', q(2)], ['N', q(-1)]])))).toBe('-3/4');
    expect(() => r.evaluate({ x: q(2), N: q(1) })).toThrow(new RangeError('evaluate: the denominator vanishes at this point'));
  });
  it('variables: of numerator and denominator, sorted, once each', () => {
    expect(new RatFunc(x.mul(y), N.add(x)).variables()).toEqual(['N', 'x', 'y']);
    expect(rf(3).variables()).toEqual([]);
  });
  it('denString and toString: factors sorted by their printed form, exponents shown above 1', () => {
    // a polynomial denominator is one factor (never factored); products of factors stay apart
    expect(new RatFunc(x, N.pow(2).mul(N.add(constant(1)))).factors).toHaveLength(1);
    const r = rf(x).div(rf(N)).div(rf(N.add(constant(1)))).div(rf(N));
    const nk = N.toString();
    const n1 = N.add(constant(1)).toString();
    // the factors are sorted by their printed bases (as strings)
    const keys = [nk, n1].sort();
    expect(r.denString()).toBe(keys.map((k) => (k === nk ? `(${k})^2` : `(${k})`)).join('*'));
    expect(r.toString()).toBe(`(${x.toString()})/(${r.denString()})`);
  });
  it('rf of a number or a polynomial', () => {
    expect(rf(7).num.equals(constant(7))).toBe(true);
    expect(rf(x).num.equals(x)).toBe(true);
    expect(rf(x).factors).toHaveLength(0);
  });
});

describe('substituting rational functions', () => {
  it('x² + xy + 3 with x → 1/N (y kept) is 1/N² + y/N + 3; at N = 2, y = 5: 23/4', () => {
    const p = x.pow(2).add(x.mul(y)).add(constant(3));
    const r = substituteRational(p, { x: rf(1).div(rf(N)) });
    expect(r.equals(rf(1).div(rf(N.pow(2))).add(rf(y).div(rf(N))).add(rf(3)))).toBe(true);
    expect(nd(r.evaluate({ N: q(2), y: q(5) }))).toBe('23/4');
  });
  it('x³y² with x → N/(N + 1), y → 1/N: N/(N + 1)³; at N = 1: 1/8', () => {
    const p = x.pow(3).mul(y.pow(2));
    const r = substituteRational(p, { x: rf(N).div(rf(N.add(constant(1)))), y: rf(1).div(rf(N)) });
    expect(nd(r.evaluate({ N: q(1) }))).toBe('1/8');
    expect(r.equals(rf(N).div(rf(N.add(constant(1)).pow(3))))).toBe(true);
  });
  it('a name that is not a variable of the polynomial is ignored', () => {
    const R2 = new PolyRing();
    const a = R2.sym('a');
    const r = substituteRational(a.add(constant(1)), { zz: rf(2) });
    expect(r.equals(rf(a.add(constant(1))))).toBe(true);
    expect(substituteRational(constant(4), { x: rf(2) }).equals(rf(4))).toBe(true);
  });
  it('substituteRationalFn: (x + y)/(x y²) with x → 1/N, y → 2: (1/N + 2)/(4/N) = (1 + 2N)/4; at N = 3: 7/4', () => {
    const r = substituteRationalFn(new RatFunc(x.add(y), x.mul(y.pow(2))), { x: rf(1).div(rf(N)), y: rf(2) });
    expect(nd(r.evaluate({ N: q(3) }))).toBe('7/4');
    expect(r.equals(rf(N.scale(2).add(constant(1))).scale(rat(1, 4)))).toBe(true);
  });
});

describe('cancelling a variable keeps terms whose printed exponents run together', () => {
  it('(v0²·v23⁴ + v0¹³·v3⁴)/v0 = v0·v23⁴ + v0¹²·v3⁴ (over indices, "0^1" "23^4" and "0^12" "3^4" differ only by where a separator goes)', () => {
    const R = new PolyRing();
    const v = Array.from({ length: 24 }, (_, k) => R.sym(`v${k}`)); // v_k has index k
    const num = v[0].pow(2).mul(v[23].pow(4)).add(v[0].pow(13).mul(v[3].pow(4)));
    const r = new RatFunc(num, v[0]);
    const expected = v[0].mul(v[23].pow(4)).add(v[0].pow(12).mul(v[3].pow(4)));
    expect(r.num.equals(expected)).toBe(true);
    expect(r.den.constantValue()).toEqual(rat(1));
  });
});
