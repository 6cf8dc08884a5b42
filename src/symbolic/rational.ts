/**
 * Exact rational numbers over BigInt, always in lowest terms with a positive denominator. The
 * coefficient domain of the polynomial layer (`poly.ts`).
 */

/** An exact rational n/d (d > 0, gcd(n, d) = 1). */
export interface Rat {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** n/d in lowest terms. Throws RangeError when d is 0. */
export function rat(n: bigint | number, d: bigint | number = 1n): Rat {
  let nn = typeof n === 'bigint' ? n : BigInt(n);
  let dd = typeof d === 'bigint' ? d : BigInt(d);
  if (dd === 0n) throw new RangeError('rational with denominator 0');
  if (dd < 0n) {
    nn = -nn;
    dd = -dd;
  }
  if (dd === 1n) return { n: nn, d: 1n };
  const g = gcd(nn, dd);
  return g === 1n ? { n: nn, d: dd } : { n: nn / g, d: dd / g };
}

export const ZERO: Rat = { n: 0n, d: 1n };
export const ONE: Rat = { n: 1n, d: 1n };

/** a + b. */
export function radd(a: Rat, b: Rat): Rat {
  if (a.d === 1n && b.d === 1n) return { n: a.n + b.n, d: 1n };
  return rat(a.n * b.d + b.n * a.d, a.d * b.d);
}
/** a − b. */
export function rsub(a: Rat, b: Rat): Rat {
  if (a.d === 1n && b.d === 1n) return { n: a.n - b.n, d: 1n };
  return rat(a.n * b.d - b.n * a.d, a.d * b.d);
}
/** a · b. */
export function rmul(a: Rat, b: Rat): Rat {
  if (a.d === 1n && b.d === 1n) return { n: a.n * b.n, d: 1n };
  return rat(a.n * b.n, a.d * b.d);
}
/** a / b. Throws RangeError when b is 0. */
export function rdiv(a: Rat, b: Rat): Rat {
  if (b.n === 0n) throw new RangeError('division by the rational 0');
  return rat(a.n * b.d, a.d * b.n);
}
/** −a. */
export function rneg(a: Rat): Rat {
  return { n: -a.n, d: a.d };
}
/** a^k for an integer k ≥ 0. */
export function rpow(a: Rat, k: number): Rat {
  return { n: a.n ** BigInt(k), d: a.d ** BigInt(k) };
}
/** Whether a = 0. */
export function risZero(a: Rat): boolean {
  return a.n === 0n;
}
/** Whether a = b. */
export function req(a: Rat, b: Rat): boolean {
  return a.n === b.n && a.d === b.d;
}
/** Sign of a: −1, 0 or 1. */
export function rsign(a: Rat): number {
  return a.n < 0n ? -1 : a.n > 0n ? 1 : 0;
}
/** a as a double (nearest within double precision for moderate sizes). */
export function rtoNumber(a: Rat): number {
  if (a.d === 1n) return Number(a.n);
  const q = Number(a.n) / Number(a.d);
  if (Number.isFinite(q)) return q;
  // huge numerator/denominator: scale down
  const shift = BigInt(Math.max(a.n.toString().length, a.d.toString().length) - 300);
  const s = 10n ** (shift > 0n ? shift : 0n);
  return Number(a.n / s) / Number(a.d / s);
}
/** "n" or "n/d". */
export function rtoString(a: Rat): string {
  return a.d === 1n ? a.n.toString() : `${a.n}/${a.d}`;
}
/** The exact rational value of a finite double (every double is a dyadic rational). */
export function rfromNumber(x: number): Rat {
  if (!Number.isFinite(x)) throw new RangeError(`cannot make a rational from ${x}`);
  if (Number.isInteger(x)) return rat(BigInt(x));
  let d = 1n;
  let v = x;
  while (!Number.isInteger(v)) {
    v *= 2;
    d *= 2n;
  }
  return rat(BigInt(v), d);
}
/** Compare a and b: negative, 0 or positive. */
export function rcmp(a: Rat, b: Rat): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}
