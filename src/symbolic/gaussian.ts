/**
 * The symbolic Gaussian expectation engine. The integrand is a polynomial in the coordinates of
 * independent zero-mean Gaussian vectors with symbolic covariances (the prompt covariates x_1…x_N, the
 * query x_q, the task w), possibly inside sums over the N examples.
 *
 * A sum over examples is written with named *slots*: `Σ_a body(x_a)`. A product of sums carries several
 * slots; its expectation is expanded by index-coincidence classes (set partitions of the slots): a class
 * with k blocks occurs N(N−1)⋯(N−k+1) times, and within it the examples of different blocks are
 * independent copies, so N stays a symbol. Each class's expectation factorizes over the independent
 * vectors, and each vector's moment is taken by Isserlis/Wick pairings:
 * E[z_{i1} ⋯ z_{i2k}] = Σ over perfect matchings of Π Σ_{ia ib}.
 */
import { Poly, PolyRing, constant, type CoordMeta } from './poly';
import { RatFunc, rf } from './ratfunc';

/** A zero-mean Gaussian vector with a symbolic covariance matrix (entries polynomials). */
export interface GaussianVector {
  /** Name: the vector's coordinates are variables `${name}.${k}` or, per example, `${name}.${slot}.${k}`. */
  name: string;
  /** Covariance, dim × dim, entries polynomials in the symbols of the problem. */
  cov: Poly[][];
  /** Whether the vector has one independent copy per example (the covariates x_i). */
  perExample?: boolean;
}

/** The k-th coordinate (0-based) of `vec` in `ring`, for example slot `slot` when the vector is per example. */
export function coord(ring: PolyRing, vec: string, k: number, slot?: string): Poly {
  const name = slot === undefined ? `${vec}.${k + 1}` : `${vec}.${slot}.${k + 1}`;
  const i = ring.varIndex(name);
  if (!ring.coordMeta.has(i)) {
    ring.coordMeta.set(i, { vec, slot: slot ?? null, k });
    if (slot !== undefined) {
      let m = ring.slotCoords.get(slot);
      if (!m) ring.slotCoords.set(slot, (m = new Map()));
      m.set(`${vec}.${k}`, i);
    }
  }
  return ring.sym(name);
}

/** The vector (coordinates) of `vec` of dimension d in `ring`, per slot if given. */
export function coords(ring: PolyRing, vec: string, d: number, slot?: string): Poly[] {
  return Array.from({ length: d }, (_, k) => coord(ring, vec, k, slot));
}

/** One term of a {@link SumPoly}: factor · Σ over the slots (each from 1 to the example count) of body. */
export interface SumTerm {
  factor: RatFunc;
  slots: string[];
  body: Poly;
}

function renameSlot(p: Poly, from: string, to: string): Poly {
  const ring = p.ring;
  const src = ring?.slotCoords.get(from);
  if (!ring || !src) return p;
  const map = new Map<number, number>();
  for (const [vk, i] of src) {
    const [vec, k] = [vk.slice(0, vk.lastIndexOf('.')), Number(vk.slice(vk.lastIndexOf('.') + 1))];
    map.set(i, ring.varIndex(coord(ring, vec, k, to).variables()[0]));
  }
  return p.rename(map);
}

function productTerm(s: SumTerm, t: SumTerm): SumTerm {
  let body = t.body;
  const slots = [...s.slots];
  for (const sl of t.slots) {
    if (slots.includes(sl)) {
      const ring = body.ring ?? s.body.ring;
      if (!ring) throw new RangeError('a product of sums over examples whose bodies have no ring');
      const f = ring.freshSlot();
      body = renameSlot(body, sl, f);
      slots.push(f);
    } else slots.push(sl);
  }
  return { factor: s.factor.mul(t.factor), slots, body: s.body.mul(body) };
}

/** A sum of terms, each a factor times a polynomial summed over its slots. */
export class SumPoly {
  readonly terms: readonly SumTerm[];
  constructor(terms: readonly SumTerm[]) {
    this.terms = terms;
  }

  /** A polynomial with no sum. */
  static plain(p: Poly, factor: RatFunc = rf(1)): SumPoly {
    return new SumPoly([{ factor, slots: [], body: p }]);
  }

  /** factor · Σ_slot body (body written with coordinates of `slot`). */
  static over(slot: string, body: Poly, factor: RatFunc = rf(1)): SumPoly {
    return new SumPoly([{ factor, slots: [slot], body }]);
  }

  add(o: SumPoly): SumPoly {
    return new SumPoly([...this.terms, ...o.terms]);
  }

  scale(c: RatFunc): SumPoly {
    return new SumPoly(this.terms.map((t) => ({ ...t, factor: t.factor.mul(c) })));
  }

  /** The same sum without terms whose body or factor is 0. */
  pruned(): SumPoly {
    return new SumPoly(this.terms.filter((t) => !t.body.isZero() && !t.factor.isZero()));
  }

  /** The product; slots of `o` that clash with slots of this are renamed to fresh ones. */
  mul(o: SumPoly): SumPoly {
    const out: SumTerm[] = [];
    for (const s of this.pruned().terms) for (const t of o.pruned().terms) out.push(productTerm(s, t));
    return new SumPoly(out);
  }

  /** The square, with each cross product formed once (2·tᵢtⱼ for i < j). */
  square(): SumPoly {
    const ts = this.pruned().terms;
    const out: SumTerm[] = [];
    for (let i = 0; i < ts.length; i++)
      for (let j = i; j < ts.length; j++) {
        const p = productTerm(ts[i], ts[j]);
        out.push(i === j ? p : { ...p, factor: p.factor.scale(2) });
      }
    return new SumPoly(out);
  }
}

/** All set partitions of {0, …, k−1}, as arrays of blocks. */
export function setPartitions(k: number): number[][][] {
  const out: number[][][] = [];
  const rec = (i: number, blocks: number[][]): void => {
    if (i === k) {
      out.push(blocks.map((b) => b.slice()));
      return;
    }
    for (const b of blocks) {
      b.push(i);
      rec(i + 1, blocks);
      b.pop();
    }
    blocks.push([i]);
    rec(i + 1, blocks);
    blocks.pop();
  };
  rec(0, []);
  return out;
}

/** The falling factorial n(n−1)⋯(n−k+1) as a polynomial in the symbol n. */
export function fallingFactorial(n: Poly, k: number): Poly {
  let p = constant(1);
  for (let j = 0; j < k; j++) p = p.mul(n.sub(constant(j)));
  return p;
}

/** Options of {@link expectation}. */
export interface ExpectationOptions {
  /** The independent Gaussian vectors; every random coordinate in the integrand must belong to one. */
  vectors: GaussianVector[];
  /** The number of examples each slot sums over (default: the symbol N of the integrand's ring). */
  count?: Poly;
  /** Statistics, filled in when given. */
  stats?: { classes: number; monomials: number };
}

/** E[z_{idx[0]} ⋯ z_{idx[n−1]}] by recursive Wick pairing of the first index, memoized by multiset. */
function wickMoment(cov: Poly[][], idx: number[], memo: Map<string, Poly>): Poly {
  if (idx.length === 0) return constant(1);
  if (idx.length % 2 === 1) return constant(0);
  const key = idx.join(',');
  const hit = memo.get(key);
  if (hit) return hit;
  const [first, ...rest] = idx;
  let s = constant(0);
  const seen = new Set<number>();
  for (let j = 0; j < rest.length; j++) {
    const v = rest[j];
    if (seen.has(v)) continue;
    seen.add(v);
    const mult = rest.filter((x) => x === v).length; // pairings of `first` with any copy of v
    const c = cov[first][v];
    if (c.isZero()) continue;
    const remaining = rest.slice();
    remaining.splice(j, 1);
    s = s.add(c.mul(wickMoment(cov, remaining, memo)).scale(mult));
  }
  memo.set(key, s);
  return s;
}

/** E[p] for a polynomial with no sums: Isserlis per vector, factorized over independent vectors. */
export function expectPoly(p: Poly, vectors: GaussianVector[], stats?: { classes: number; monomials: number }): Poly {
  const meta = p.ring?.coordMeta ?? new Map<number, CoordMeta>();
  const byVec = new Map(vectors.map((v) => [v.name, v]));
  const randomSet = new Set<number>();
  for (const t of p.terms.values())
    for (const v of t.vars) {
      const m = meta.get(v);
      if (m) {
        if (!byVec.has(m.vec)) throw new RangeError(`expectation: coordinate of vector '${m.vec}' but no such vector given`);
        randomSet.add(v);
      }
    }
  // Moments are memoized in the ring, per list of vectors (their covariances fix every moment): the
  // coincidence classes of one expectation share most of their random monomials.
  const cache = momentCache(p.ring, vectors);
  const memos = cache.wick;
  const parts: Poly[] = [];
  for (const [key, { vars, exps, rest }] of p.splitBy(randomSet)) {
    if (stats) stats.monomials++;
    const known = cache.monomials.get(key);
    if (known !== undefined) {
      if (!known.isZero()) parts.push(known.mul(rest));
      continue;
    }
    // group indices by (vector, slot)
    const groups = new Map<string, { vec: GaussianVector; idx: number[] }>();
    for (let k = 0; k < vars.length; k++) {
      const m = meta.get(vars[k])!;
      const g = `${m.vec}|${m.slot ?? ''}`;
      let e = groups.get(g);
      if (!e) groups.set(g, (e = { vec: byVec.get(m.vec)!, idx: [] }));
      for (let r = 0; r < exps[k]; r++) e.idx.push(m.k);
    }
    let mom = constant(1);
    for (const { vec, idx } of groups.values()) {
      let memo = memos.get(vec.name);
      if (!memo) memos.set(vec.name, (memo = new Map()));
      idx.sort((a, b) => a - b);
      const mm = wickMoment(vec.cov, idx, memo);
      mom = mom.mul(mm);
      if (mom.isZero()) break;
    }
    cache.monomials.set(key, mom);
    if (!mom.isZero()) parts.push(mom.mul(rest));
  }
  return Poly.sum(parts);
}

interface MomentCache {
  /** Per vector name: E of a multiset of coordinate indices. */
  wick: Map<string, Map<string, Poly>>;
  /** Per random monomial (its key in the ring): its expectation. */
  monomials: Map<string, Poly>;
}

/** The ring's memo of moments for this list of vectors (a fresh one for a constant, which has no ring). */
function momentCache(ring: PolyRing | null, vectors: GaussianVector[]): MomentCache {
  const fresh = (): MomentCache => ({ wick: new Map(), monomials: new Map() });
  if (!ring) return fresh();
  let c = ring.momentMemo.get(vectors) as MomentCache | undefined;
  if (!c) ring.momentMemo.set(vectors, (c = fresh()));
  return c;
}

/**
 * E[Σ terms] as a rational function: each term's slots are expanded by coincidence classes (set
 * partitions, multiplicity the falling factorial of the count), each class by {@link expectPoly}.
 */
export function expectation(sp: SumPoly, opts: ExpectationOptions): RatFunc {
  const ring = sp.terms.map((t) => t.body.ring).find((r) => r !== null);
  const count = opts.count ?? (ring ? ring.sym('N') : constant(1));
  let total = rf(0);
  for (const t of sp.terms) {
    let acc = constant(0);
    for (const blocks of setPartitions(t.slots.length)) {
      if (opts.stats) opts.stats.classes++;
      let body = t.body;
      for (const b of blocks) for (const j of b.slice(1)) body = renameSlot(body, t.slots[j], t.slots[b[0]]);
      const e = expectPoly(body, opts.vectors, opts.stats);
      if (!e.isZero()) acc = acc.add(e.mul(fallingFactorial(count, blocks.length)));
    }
    total = total.add(t.factor.mul(rf(acc)));
  }
  return total;
}
