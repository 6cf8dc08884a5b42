/**
 * Random exact rational points, drawn from seeded streams: parameters, SPD covariances (BBᵀ + I/2), and
 * their conversions to doubles for the numeric routes.
 */
import type { Mat } from '../linalg/matrix';
import type { Stream } from '../random/stream';
import { rat, radd, rmul, rtoNumber, type Rat } from './rational';

/** A rational in [lo, hi) with denominator `den` (before reduction). */
export function randomRational(rng: Stream, lo: number, hi: number, den = 16): Rat {
  const span = Math.round((hi - lo) * den);
  return rat(BigInt(Math.round(lo * den) + Math.floor(rng.uniform() * span)), BigInt(den));
}

/** A d×d symmetric positive definite rational matrix BBᵀ + I/2, entries of B in [−1, 1) with denominator 8. */
export function randomSpdRational(rng: Stream, d: number): Rat[][] {
  const b = Array.from({ length: d }, () => Array.from({ length: d }, () => randomRational(rng, -1, 1, 8)));
  return Array.from({ length: d }, (_, i) =>
    Array.from({ length: d }, (_, j) => {
      let s = i === j ? rat(1n, 2n) : rat(0n);
      for (let k = 0; k < d; k++) s = radd(s, rmul(b[i][k], b[j][k]));
      return s;
    }),
  );
}

/** A diagonal positive rational matrix, entries in [1/4, 2). */
export function randomDiagonalRational(rng: Stream, d: number): Rat[][] {
  return Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? randomRational(rng, 0.25, 2, 8) : rat(0n))));
}

/** Symbol assignments `${prefix}ij` (i ≤ j) for a symmetric rational matrix. */
export function matrixPoint(prefix: string, m: Rat[][], symmetric = true): Record<string, Rat> {
  const out: Record<string, Rat> = {};
  for (let i = 0; i < m.length; i++) for (let j = symmetric ? i : 0; j < m.length; j++) out[`${prefix}${i + 1}${j + 1}`] = m[i][j];
  return out;
}

/** A rational matrix as doubles. */
export function toMat(m: Rat[][]): Mat {
  return m.map((row) => row.map(rtoNumber));
}

/** |a − b| / max(|b|, floor). */
export function relativeError(a: number, b: number, floor = 1e-12): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), floor);
}

/**
 * The entries of one random rational point, drawn in sequence from one stream so that they are nonzero
 * and pairwise distinct (a value equal to an earlier one, or zero, is redrawn). A point with equal
 * entries cannot tell U from Uᵀ or a row from a column, and a zero entry silences every term it
 * multiplies; the derivations in `proofs/` draw their points here and check them with
 * {@link assertGenericPoint}.
 */
export class GenericPointDraw {
  private readonly seen = new Set<string>();

  constructor(private readonly rng: Stream) {}

  /** A rational in [lo, hi) with denominator `den`, nonzero and distinct from every entry drawn so far. */
  rational(lo = -1, hi = 1, den = 32): Rat {
    return this.draw(() => [randomRational(this.rng, lo, hi, den)], `rational in [${lo}, ${hi}) with denominator ${den}`)[0];
  }

  /** A rows×cols matrix of such rationals, drawn row by row. */
  matrix(rows: number, cols: number, lo = -1, hi = 1, den = 32): Rat[][] {
    return Array.from({ length: rows }, () => Array.from({ length: cols }, () => this.rational(lo, hi, den)));
  }

  /** A d×d SPD matrix BBᵀ + I/2 (entries of B in [−1, 1), denominator 8) whose upper-triangle entries are
   * nonzero and distinct from each other and from every entry drawn so far (B redrawn until so). */
  spd(d: number): Rat[][] {
    let m: Rat[][] = [];
    this.draw(() => {
      m = randomSpdRational(this.rng, d);
      return upper(m);
    }, `${d}×${d} SPD matrix`);
    return m;
  }

  /** A d×d diagonal matrix whose diagonal entries are such rationals in [lo, hi). */
  diagonal(d: number, lo = 0.25, hi = 2, den = 32): Rat[][] {
    const diag = Array.from({ length: d }, () => this.rational(lo, hi, den));
    return Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? diag[i] : rat(0n))));
  }

  private draw(make: () => Rat[], what: string): Rat[] {
    for (let attempt = 0; attempt < 10_000; attempt++) {
      const values = make();
      const keys = values.map(key);
      const fresh = new Set(keys);
      if (fresh.size === keys.length && keys.every((k) => !this.seen.has(k)) && values.every((v) => v.n !== 0n)) {
        for (const k of keys) this.seen.add(k);
        return values;
      }
    }
    throw new RangeError(`GenericPointDraw: no ${what} distinct from the ${this.seen.size} entries drawn (range too small)`);
  }
}

/** Throws unless the named entries of a random point are nonzero and pairwise distinct; returns the point.
 * `what` names the point in the message (e.g. 'P2-d2 point'). */
export function assertGenericPoint(what: string, entries: Record<string, Rat>): Record<string, Rat> {
  const byValue = new Map<string, string>();
  for (const [name, v] of Object.entries(entries)) {
    if (v.n === 0n) throw new Error(`${what}: entry ${name} is 0 (a random point must have nonzero entries)`);
    const k = key(v);
    const other = byValue.get(k);
    if (other !== undefined) throw new Error(`${what}: entries ${other} and ${name} are equal (${v.n}/${v.d}); a random point must have distinct entries`);
    byValue.set(k, name);
  }
  return entries;
}

function key(r: Rat): string {
  return `${r.n}/${r.d}`;
}

function upper(m: Rat[][]): Rat[] {
  return m.flatMap((row, i) => row.slice(i));
}
