/**
 * Exact rationals (src/symbolic/rational.ts) against hand-worked values: lowest terms, signs, the
 * integer fast paths and the general paths of each operation, conversions to and from doubles, and the
 * messages of the errors. Every expected value below is worked by hand (noted where not obvious).
 */
import { describe, expect, it } from 'vitest';
import {
  ONE,
  ZERO,
  rat,
  radd,
  rcmp,
  rdiv,
  req,
  rfromNumber,
  risZero,
  rmul,
  rneg,
  rpow,
  rsign,
  rsub,
  rtoNumber,
  rtoString,
} from '../../src/symbolic/rational';

/** A rational as [numerator, denominator] (plain bigints, for toEqual). */
const nd = (r: { n: bigint; d: bigint }): [bigint, bigint] => [r.n, r.d];

describe('rat: lowest terms, positive denominator', () => {
  it('reduces by the gcd, whatever the signs', () => {
    expect(nd(rat(6n, 4n))).toEqual([3n, 2n]);
    expect(nd(rat(-6n, 4n))).toEqual([-3n, 2n]);
    expect(nd(rat(6n, -4n))).toEqual([-3n, 2n]);
    expect(nd(rat(-6n, -4n))).toEqual([3n, 2n]);
    expect(nd(rat(12n, 18n))).toEqual([2n, 3n]); // gcd 6 needs two Euclid steps
    expect(nd(rat(35n, 14n))).toEqual([5n, 2n]);
    expect(nd(rat(0n, 7n))).toEqual([0n, 1n]);
    expect(nd(rat(0n, -7n))).toEqual([0n, 1n]);
    expect(nd(rat(5n, 7n))).toEqual([5n, 7n]);
  });
  it('takes numbers as well as bigints, and defaults the denominator to 1', () => {
    expect(nd(rat(9, 6))).toEqual([3n, 2n]);
    expect(nd(rat(-4))).toEqual([-4n, 1n]);
    expect(nd(rat(3n, -1n))).toEqual([-3n, 1n]);
    expect(nd(rat(10, -5))).toEqual([-2n, 1n]);
  });
  it('refuses a zero denominator with its message', () => {
    expect(() => rat(1n, 0n)).toThrow(new RangeError('rational with denominator 0'));
    expect(() => rat(0, 0)).toThrow(RangeError);
  });
  it('ZERO and ONE are 0/1 and 1/1', () => {
    expect(nd(ZERO)).toEqual([0n, 1n]);
    expect(nd(ONE)).toEqual([1n, 1n]);
  });
});

describe('arithmetic, integer fast path and general path', () => {
  it('radd', () => {
    expect(nd(radd(rat(2), rat(5)))).toEqual([7n, 1n]);
    expect(nd(radd(rat(-2), rat(5)))).toEqual([3n, 1n]);
    expect(nd(radd(rat(1, 2), rat(1, 3)))).toEqual([5n, 6n]);
    expect(nd(radd(rat(1, 2), rat(1, 2)))).toEqual([1n, 1n]); // reduced: 4/4
    expect(nd(radd(rat(1, 2), rat(3)))).toEqual([7n, 2n]); // one integer, one not
    expect(nd(radd(rat(3), rat(1, 2)))).toEqual([7n, 2n]);
    expect(nd(radd(rat(1, 6), rat(-1, 6)))).toEqual([0n, 1n]);
  });
  it('rsub', () => {
    expect(nd(rsub(rat(2), rat(5)))).toEqual([-3n, 1n]);
    expect(nd(rsub(rat(5), rat(2)))).toEqual([3n, 1n]);
    expect(nd(rsub(rat(1, 2), rat(1, 3)))).toEqual([1n, 6n]);
    expect(nd(rsub(rat(1, 3), rat(1, 2)))).toEqual([-1n, 6n]);
    expect(nd(rsub(rat(3), rat(1, 2)))).toEqual([5n, 2n]);
    expect(nd(rsub(rat(7, 2), rat(2)))).toEqual([3n, 2n]); // a fraction minus an integer
    expect(nd(rsub(rat(3, 4), rat(1, 4)))).toEqual([1n, 2n]);
  });
  it('rmul', () => {
    expect(nd(rmul(rat(-3), rat(4)))).toEqual([-12n, 1n]);
    expect(nd(rmul(rat(2, 3), rat(9, 4)))).toEqual([3n, 2n]);
    expect(nd(rmul(rat(2, 3), rat(3)))).toEqual([2n, 1n]);
    expect(nd(rmul(rat(5), rat(1, 7)))).toEqual([5n, 7n]);
  });
  it('rdiv, and its refusal of 0 with the message', () => {
    expect(nd(rdiv(rat(1, 2), rat(3, 4)))).toEqual([2n, 3n]);
    expect(nd(rdiv(rat(3), rat(-6)))).toEqual([-1n, 2n]);
    expect(nd(rdiv(rat(0), rat(5, 3)))).toEqual([0n, 1n]);
    expect(() => rdiv(rat(1), rat(0))).toThrow(new RangeError('division by the rational 0'));
  });
  it('rneg, rpow', () => {
    expect(nd(rneg(rat(3, 4)))).toEqual([-3n, 4n]);
    expect(nd(rneg(rat(-5)))).toEqual([5n, 1n]);
    expect(nd(rpow(rat(-2, 3), 3))).toEqual([-8n, 27n]);
    expect(nd(rpow(rat(-2, 3), 2))).toEqual([4n, 9n]);
    expect(nd(rpow(rat(7, 5), 0))).toEqual([1n, 1n]);
  });
});

describe('predicates and comparison', () => {
  it('risZero, req, rsign', () => {
    expect(risZero(rat(0, 5))).toBe(true);
    expect(risZero(rat(1, 5))).toBe(false);
    expect(req(rat(2, 4), rat(1, 2))).toBe(true);
    expect(req(rat(1, 2), rat(1, 3))).toBe(false);
    expect(req(rat(1, 2), rat(2, 2))).toBe(false);
    expect(req(rat(1, 3), rat(2, 3))).toBe(false); // same denominator, different numerator
    expect(req(rat(2, 3), rat(2, 5))).toBe(false); // same numerator, different denominator
    expect(rsign(rat(-3, 7))).toBe(-1);
    expect(rsign(rat(3, 7))).toBe(1);
    expect(rsign(ZERO)).toBe(0);
  });
  it('rcmp: 1/3 < 1/2, −1/2 < −1/3, equal values compare 0', () => {
    expect(rcmp(rat(1, 3), rat(1, 2))).toBe(-1);
    expect(rcmp(rat(1, 2), rat(1, 3))).toBe(1);
    expect(rcmp(rat(-1, 2), rat(-1, 3))).toBe(-1);
    expect(rcmp(rat(2, 4), rat(1, 2))).toBe(0);
    expect(rcmp(rat(3), rat(2))).toBe(1);
  });
});

describe('conversions', () => {
  it('rtoString: "n" or "n/d"', () => {
    expect(rtoString(rat(-3, 2))).toBe('-3/2');
    expect(rtoString(rat(4))).toBe('4');
    expect(rtoString(rat(8, 4))).toBe('2');
  });
  it('rtoNumber: integers, fractions, and values whose parts overflow a double', () => {
    expect(rtoNumber(rat(-7))).toBe(-7);
    expect(rtoNumber(rat(2n ** 60n))).toBe(2 ** 60);
    expect(rtoNumber(rat(1, 4))).toBe(0.25);
    expect(rtoNumber(rat(-3, 8))).toBe(-0.375);
    // n = 10^400 + 1 and d = 3·10^349 are coprime (n is odd, not a multiple of 5, and n ≡ 2 mod 3) and
    // both overflow a double: n/d = (10^51 + 10^-349)/3, i.e. 10^51/3 to double precision
    const big = rat(10n ** 400n + 1n, 3n * 10n ** 349n);
    expect(big.d).toBe(3n * 10n ** 349n);
    expect(Math.abs(rtoNumber(big) / (1e51 / 3) - 1)).toBeLessThan(1e-15);
    expect(Math.abs(rtoNumber(rneg(big)) / (-1e51 / 3) - 1)).toBeLessThan(1e-15);
    // and the reciprocal, 3·10^349/(10^400 + 1) = 3·10^-51 to double precision
    expect(Math.abs(rtoNumber(rdiv(ONE, big)) / 3e-51 - 1)).toBeLessThan(1e-15);
  });
  it('rfromNumber: the exact dyadic value of a double; refuses NaN and ±Infinity', () => {
    expect(nd(rfromNumber(0.375))).toEqual([3n, 8n]);
    expect(nd(rfromNumber(-0.75))).toEqual([-3n, 4n]);
    expect(nd(rfromNumber(5))).toEqual([5n, 1n]);
    expect(nd(rfromNumber(-(2 ** 60)))).toEqual([-(2n ** 60n), 1n]);
    expect(nd(rfromNumber(2.5))).toEqual([5n, 2n]);
    // 0.1 = 3602879701896397 / 2^55 (the double nearest 1/10; 3602879701896397 = round(2^55/10))
    expect(nd(rfromNumber(0.1))).toEqual([3602879701896397n, 2n ** 55n]);
    expect(() => rfromNumber(NaN)).toThrow(new RangeError('cannot make a rational from NaN'));
    expect(() => rfromNumber(Infinity)).toThrow(new RangeError('cannot make a rational from Infinity'));
    expect(() => rfromNumber(-Infinity)).toThrow(RangeError);
  });
});
