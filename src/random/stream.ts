/**
 * Seeded random streams. Every random draw in icl-audit comes from a `Stream`: a pure-rand
 * xoroshiro128+ generator plus the seed and the path of names that made it, so any draw can be
 * replayed from `(seed, path)`. `child(name)` derives an independent stream for a named purpose, so
 * adding draws to one purpose never shifts the draws of another.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

import { deriveSeed } from './seed';

type Gen = ReturnType<typeof xoroshiro128plus>;

const TWO_POW_M32 = 2 ** -32;
const TWO_POW_M53 = 2 ** -53;

/** A seeded stream of uniform and Gaussian draws, replayable from its seed and path. */
export class Stream {
  /** The root seed this stream descends from. */
  readonly seed: number;
  /** Names of the derivations from the root, e.g. `['covariance', 'prompts']`. */
  readonly path: readonly string[];
  private readonly gen: Gen;
  private spare = 0;
  private hasSpare = false;

  constructor(seed: number, path: readonly string[] = []) {
    if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
    this.seed = seed;
    this.path = path;
    this.gen = xoroshiro128plus(deriveSeed(seed, ...path));
    // Warm up: the first outputs of xoroshiro from a sparse state are poorly mixed.
    for (let i = 0; i < 16; i++) this.gen.next();
  }

  /** An independent stream for a named purpose. */
  child(name: string): Stream {
    return new Stream(this.seed, [...this.path, name]);
  }

  /** Where this stream comes from, for replay messages: `seed=7 path=covariance/prompts`. */
  describe(): string {
    return `seed=${this.seed} path=${this.path.join('/') || '(root)'}`;
  }

  /** Raw unsigned 32-bit integer. */
  nextUint32(): number {
    return this.gen.next() >>> 0;
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  uniform(): number {
    const hi = this.gen.next() >>> 5; // 27 bits
    const lo = this.gen.next() >>> 6; // 26 bits
    return (hi * 67108864 + lo) * TWO_POW_M53;
  }

  /** Uniform double in (0, 1]: safe under log. */
  uniformPositive(): number {
    return 1 - this.uniform();
  }

  /** Uniform double in [a, b). */
  uniformIn(a: number, b: number): number {
    return a + (b - a) * this.uniform();
  }

  /** Uniform integer in [a, b] (inclusive). */
  int(a: number, b: number): number {
    const span = b - a + 1;
    if (span <= 0 || !Number.isFinite(span)) throw new RangeError(`int: empty range [${a}, ${b}]`);
    if (span > 2 ** 32) return a + Math.floor(this.uniform() * span);
    // rejection sampling for exact uniformity
    const limit = Math.floor(2 ** 32 / span) * span;
    let r: number;
    do r = this.nextUint32();
    while (r >= limit);
    return a + (r % span);
  }

  /** Standard normal draw (Marsaglia's polar method). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * ((this.gen.next() >>> 0) * TWO_POW_M32) - 1;
      v = 2 * ((this.gen.next() >>> 0) * TWO_POW_M32) - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    this.hasSpare = true;
    return u * f;
  }

  /** Fill `out` with standard normal draws. */
  fillNormal(out: Float64Array | Float32Array | number[]): void {
    for (let i = 0; i < out.length; i++) out[i] = this.normal();
  }

  /** Uniform double in the open interval (0, 1): never 0 or 1. */
  uniformOpen(): number {
    const hi = this.gen.next() >>> 5;
    const lo = this.gen.next() >>> 6;
    return (hi * 67108864 + lo + 0.5) * TWO_POW_M53;
  }

  /** Exp(1) draw (strictly positive). */
  exponential(): number {
    return -Math.log(this.uniformOpen());
  }
}

/** A new root stream from a seed. */
export function stream(seed: number): Stream {
  return new Stream(seed);
}
