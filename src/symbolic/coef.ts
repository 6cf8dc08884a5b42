/**
 * The polynomial layer's coefficients: exact rationals held as a double while they are integers of
 * magnitude below 2^53 (every such integer is a double exactly), and as a BigInt {@link Rat} otherwise.
 * The representation is canonical — a coefficient is a `number` exactly when it is an integer with
 * |c| ≤ 2^53 − 1 — so two equal coefficients have the same form, and zero is always the number 0.
 *
 * Exactness of the fast path: for safe integers a and b the true sum or product is an integer; when its
 * magnitude is at most 2^53 − 1 it is a double exactly, so the rounded result is the true one, and when
 * it is 2^53 or more the rounded result is 2^53 or more too (rounding is monotone and 2^53 is a double),
 * so `Number.isSafeInteger` of the rounded result tells exactly whether the fast result is the true one.
 * Otherwise the operation is redone over BigInt.
 */
import { radd, rmul, rat, type Rat } from './rational';

/** A coefficient: a safe integer as a number, anything else as a Rat in lowest terms. */
export type Coef = number | Rat;

const MAX_BIG = BigInt(Number.MAX_SAFE_INTEGER);

/** How many sums and products took the BigInt path (the hot path should take none; tests read it). */
export const coefStats = { fallbacks: 0 };

/** The coefficient as a Rat (a fresh object for a number). */
export function coefToRat(c: Coef): Rat {
  return typeof c === 'number' ? { n: BigInt(c), d: 1n } : c;
}

/** The canonical coefficient of a Rat in lowest terms: a number when it is a safe integer. */
export function coefOfRat(r: Rat): Coef {
  if (r.d === 1n && r.n <= MAX_BIG && r.n >= -MAX_BIG) return Number(r.n);
  return r;
}

/** The canonical coefficient of an integer-valued number, bigint or Rat (a number must be an integer). */
export function coefOf(c: Rat | bigint | number): Coef {
  if (typeof c === 'number') return Number.isSafeInteger(c) ? c + 0 : coefOfRat(rat(c));
  if (typeof c === 'bigint') return coefOfRat(rat(c));
  return coefOfRat(c);
}

/** a + b, exact. */
export function cadd(a: Coef, b: Coef): Coef {
  if (typeof a === 'number' && typeof b === 'number') {
    const s = a + b;
    if (Number.isSafeInteger(s)) return s + 0;
  }
  coefStats.fallbacks++;
  return coefOfRat(radd(coefToRat(a), coefToRat(b)));
}

/** a · b, exact. */
export function cmul(a: Coef, b: Coef): Coef {
  if (typeof a === 'number' && typeof b === 'number') {
    const p = a * b;
    if (Number.isSafeInteger(p)) return p + 0;
  }
  coefStats.fallbacks++;
  return coefOfRat(rmul(coefToRat(a), coefToRat(b)));
}

/** −a. */
export function cneg(a: Coef): Coef {
  return typeof a === 'number' ? 0 - a : { n: -a.n, d: a.d };
}

/** Whether a = b (both canonical). */
export function ceq(a: Coef, b: Coef): boolean {
  if (typeof a === 'number' || typeof b === 'number') return a === b;
  return a.n === b.n && a.d === b.d;
}

/** Sign of a: −1, 0 or 1. */
export function csign(a: Coef): number {
  if (typeof a === 'number') return Math.sign(a);
  return a.n < 0n ? -1 : a.n > 0n ? 1 : 0;
}
