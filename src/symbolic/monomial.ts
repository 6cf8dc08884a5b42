/**
 * Interned monomials: each distinct monomial Π vars[k]^exps[k] (vars strictly increasing, exponents ≥ 1)
 * of a ring gets one {@link Mono} object and a small integer id, so a polynomial is a map from ids to
 * coefficients (integer keys, no strings) and two equal monomials are the same object.
 *
 * Lookup is by an additive hash, h(Π v^e) = Σ e·r(v) mod 2^30 with a fixed pseudo-random r(v) per variable
 * index, so the hash of a product is the sum of the hashes and a product is found in the table before it
 * is built (no allocation when it is already interned). The hash only picks candidates: every candidate
 * is compared with the wanted monomial exponent by exponent, so a collision costs time, never exactness
 * (test/symbolic/polyRepresentation.test.ts plants collisions). Degrees (so every exponent) are safe
 * integers; a monomial whose degree would pass 2^53 − 1 is refused with a RangeError rather than rounded.
 */

import { cadd, type Coef } from './coef';

const MASK = 0x3fffffff;

/** One interned monomial. Its arrays are shared: never mutate them. */
export class Mono {
  /** The printed key, `v^e*v^e…` over variable indices (made on first use). */
  private keyCache: string | undefined;
  constructor(
    readonly vars: readonly number[],
    readonly exps: readonly number[],
    readonly hash: number,
    readonly id: number,
    readonly deg: number,
  ) {}

  /** `v^e*v^e…` over variable indices ('' for the constant monomial). */
  get key(): string {
    if (this.keyCache === undefined) {
      let s = '';
      for (let k = 0; k < this.vars.length; k++) s += (k ? '*' : '') + this.vars[k] + '^' + this.exps[k];
      this.keyCache = s;
    }
    return this.keyCache;
  }
}

/** The hash weight of variable index v: a fixed odd pseudo-random 30-bit number. */
export function varWeight(v: number): number {
  let h = Math.imul(v + 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h | 1) & MASK;
}

/** Hash of Π vars[k]^exps[k]. */
export function monoHash(vars: readonly number[], exps: readonly number[]): number {
  let h = 0;
  for (let k = 0; k < vars.length; k++) h = (h + Math.imul(exps[k], varWeight(vars[k]))) & MASK;
  return h;
}

/** The constant monomial, id 0 in every table. */
export const ONE_MONO = new Mono([], [], 0, 0, 0);

function checkedSum(a: number, b: number): number {
  const s = a + b;
  if (!Number.isSafeInteger(s)) throw new RangeError(`monomial degree ${a} + ${b} passes 2^53 − 1`);
  return s;
}

/** Whether c = a · b, exponent by exponent. */
function isProduct(c: Mono, a: Mono, b: Mono): boolean {
  const av = a.vars;
  const bv = b.vars;
  const cv = c.vars;
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < av.length || j < bv.length) {
    if (k >= cv.length) return false;
    let v: number;
    let e: number;
    if (j >= bv.length || (i < av.length && av[i] < bv[j])) {
      v = av[i];
      e = a.exps[i++];
    } else if (i >= av.length || bv[j] < av[i]) {
      v = bv[j];
      e = b.exps[j++];
    } else {
      v = av[i];
      e = a.exps[i++] + b.exps[j++];
    }
    if (cv[k] !== v || c.exps[k] !== e) return false;
    k++;
  }
  return k === cv.length;
}

/** Whether c is the part of m in the variables v with flags[v] === want (variables past the flags: 0). */
function isPart(c: Mono, m: Mono, flags: Uint8Array, want: number): boolean {
  const cv = c.vars;
  let k = 0;
  for (let i = 0; i < m.vars.length; i++) {
    if ((flags[m.vars[i]] ?? 0) !== want) continue;
    if (k >= cv.length || cv[k] !== m.vars[i] || c.exps[k] !== m.exps[i]) return false;
    k++;
  }
  return k === cv.length;
}

/** Whether c is the monomial of the first n (sorted, distinct) scratch entries. */
function isScratch(c: Mono, vars: Int32Array, exps: Float64Array, n: number): boolean {
  if (c.vars.length !== n) return false;
  for (let k = 0; k < n; k++) if (c.vars[k] !== vars[k] || c.exps[k] !== exps[k]) return false;
  return true;
}

function sameArrays(c: Mono, vars: readonly number[], exps: readonly number[]): boolean {
  if (c.vars.length !== vars.length) return false;
  for (let k = 0; k < vars.length; k++) if (c.vars[k] !== vars[k] || c.exps[k] !== exps[k]) return false;
  return true;
}

/** A ring's table of interned monomials. */
export class MonoTable {
  /** Monomials by id; id 0 is the constant monomial. */
  readonly byId: Mono[] = [ONE_MONO];
  /** The accumulator of sums over this table's monomials. */
  readonly acc = new Accumulator();
  private readonly byHash = new Map<number, Mono | Mono[]>([[0, ONE_MONO]]);
  private scratchVars = new Int32Array(16);
  private scratchExps = new Float64Array(16);

  /** Number of monomials interned (the constant one included). */
  get size(): number {
    return this.byId.length;
  }

  private add(vars: readonly number[], exps: readonly number[], hash: number, deg: number): Mono {
    const m = new Mono(vars, exps, hash, this.byId.length, deg);
    this.byId.push(m);
    const e = this.byHash.get(hash);
    if (e === undefined) this.byHash.set(hash, m);
    else if (Array.isArray(e)) e.push(m);
    else this.byHash.set(hash, [e, m]);
    return m;
  }

  /** The interned Π vars[k]^exps[k] (vars strictly increasing, exps ≥ 1; the arrays are kept, not copied). */
  intern(vars: readonly number[], exps: readonly number[]): Mono {
    const hash = monoHash(vars, exps);
    const e = this.byHash.get(hash);
    if (e !== undefined) {
      if (Array.isArray(e)) {
        for (const c of e) if (sameArrays(c, vars, exps)) return c;
      } else if (sameArrays(e, vars, exps)) return e;
    }
    let deg = 0;
    for (const x of exps) deg = checkedSum(deg, x);
    return this.add(vars, exps, hash, deg);
  }

  /** The interned product a · b. */
  product(a: Mono, b: Mono): Mono {
    if (a.id === 0) return b;
    if (b.id === 0) return a;
    const hash = (a.hash + b.hash) & MASK;
    // every exponent of a product is at most its degree: checking the degree checks them all
    const deg = checkedSum(a.deg, b.deg);
    const e = this.byHash.get(hash);
    if (e !== undefined) {
      if (Array.isArray(e)) {
        for (const c of e) if (c.deg === deg && isProduct(c, a, b)) return c;
      } else if (e.deg === deg && isProduct(e, a, b)) return e;
    }
    const vars: number[] = [];
    const exps: number[] = [];
    const av = a.vars;
    const bv = b.vars;
    let i = 0;
    let j = 0;
    while (i < av.length || j < bv.length) {
      if (j >= bv.length || (i < av.length && av[i] < bv[j])) {
        vars.push(av[i]);
        exps.push(a.exps[i++]);
      } else if (i >= av.length || bv[j] < av[i]) {
        vars.push(bv[j]);
        exps.push(b.exps[j++]);
      } else {
        vars.push(av[i]);
        exps.push(a.exps[i++] + b.exps[j++]); // ≤ the degree, checked above
      }
    }
    return this.add(vars, exps, hash, deg);
  }

  /** The interned part of m in the variables v with flags[v] === want (0 or 1; variables past the flags count as 0). */
  part(m: Mono, flags: Uint8Array, want: number): Mono {
    let hash = 0;
    let deg = 0;
    let n = 0;
    for (let i = 0; i < m.vars.length; i++) {
      if ((flags[m.vars[i]] ?? 0) !== want) continue;
      hash = (hash + Math.imul(m.exps[i], varWeight(m.vars[i]))) & MASK;
      deg += m.exps[i];
      n++;
    }
    if (n === m.vars.length) return m;
    if (n === 0) return ONE_MONO;
    const e = this.byHash.get(hash);
    if (e !== undefined) {
      if (Array.isArray(e)) {
        for (const c of e) if (c.deg === deg && isPart(c, m, flags, want)) return c;
      } else if (e.deg === deg && isPart(e, m, flags, want)) return e;
    }
    const vars: number[] = [];
    const exps: number[] = [];
    for (let i = 0; i < m.vars.length; i++)
      if ((flags[m.vars[i]] ?? 0) === want) {
        vars.push(m.vars[i]);
        exps.push(m.exps[i]);
      }
    return this.add(vars, exps, hash, deg);
  }

  /**
   * The interned monomial of m with variables renamed by `to` (to[v] ≥ 0: the new index of v; −1 or past
   * the end: unchanged); renamed variables that meet add their exponents.
   */
  renamed(m: Mono, to: Int32Array): Mono {
    const n0 = m.vars.length;
    let moved = false;
    for (let i = 0; i < n0 && !moved; i++) moved = (to[m.vars[i]] ?? -1) >= 0;
    if (!moved) return m;
    if (this.scratchVars.length < n0) {
      this.scratchVars = new Int32Array(2 * n0);
      this.scratchExps = new Float64Array(2 * n0);
    }
    const sv = this.scratchVars;
    const se = this.scratchExps;
    // insertion sort by the new index, merging equal indices
    let n = 0;
    let hash = 0;
    for (let i = 0; i < n0; i++) {
      const r = to[m.vars[i]] ?? -1;
      const v = r >= 0 ? r : m.vars[i];
      const e = m.exps[i];
      hash = (hash + Math.imul(e, varWeight(v))) & MASK;
      let k = n;
      while (k > 0 && sv[k - 1] > v) k--;
      if (k > 0 && sv[k - 1] === v) {
        se[k - 1] += e; // at most m's degree, which is safe
        continue;
      }
      for (let j = n; j > k; j--) {
        sv[j] = sv[j - 1];
        se[j] = se[j - 1];
      }
      sv[k] = v;
      se[k] = e;
      n++;
    }
    const e = this.byHash.get(hash);
    if (e !== undefined) {
      if (Array.isArray(e)) {
        for (const c of e) if (isScratch(c, sv, se, n)) return c;
      } else if (isScratch(e, sv, se, n)) return e;
    }
    const vars: number[] = [];
    const exps: number[] = [];
    for (let k = 0; k < n; k++) {
      vars.push(sv[k]);
      exps.push(se[k]);
    }
    return this.add(vars, exps, hash, m.deg);
  }
}

/**
 * Sums coefficients by monomial id in a dense array indexed by id (a generation stamp marks which
 * entries belong to the current sum), so a sum or product accumulates without hashing. One sum at a time
 * per accumulator: begin, add…, finish.
 */
export class Accumulator {
  private vals: Coef[] = new Array<Coef>(64).fill(0);
  private stamp = new Int32Array(64);
  private gen = 0;
  private touched = new Int32Array(64);
  private count = 0;

  /** Start a new sum. */
  begin(): void {
    if (this.gen === 0x7fffffff) {
      this.stamp.fill(0);
      this.gen = 0;
    }
    this.gen++;
    this.count = 0;
  }

  /** Add c to the coefficient of monomial id. */
  add(id: number, c: Coef): void {
    if (id >= this.stamp.length) this.grow(id);
    if (this.stamp[id] !== this.gen) {
      this.stamp[id] = this.gen;
      this.vals[id] = c;
      if (this.count === this.touched.length) {
        const t = new Int32Array(2 * this.count);
        t.set(this.touched);
        this.touched = t;
      }
      this.touched[this.count++] = id;
    } else this.vals[id] = cadd(this.vals[id], c);
  }

  private grow(id: number): void {
    const n = Math.max(2 * this.stamp.length, id + 1);
    const s = new Int32Array(n);
    s.set(this.stamp);
    this.stamp = s;
    for (let k = this.vals.length; k < n; k++) this.vals.push(0);
  }

  /** Append the nonzero sums to ids and cs (in the order the ids were first added). */
  finish(ids: number[], cs: Coef[]): void {
    const vals = this.vals;
    const touched = this.touched;
    for (let k = 0; k < this.count; k++) {
      const id = touched[k];
      const c = vals[id];
      if (c !== 0) {
        ids.push(id);
        cs.push(c);
      }
    }
    this.count = 0;
  }
}
