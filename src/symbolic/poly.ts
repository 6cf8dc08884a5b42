/**
 * A small exact polynomial layer: sparse distributed polynomials (a map from monomials to exact
 * rational coefficients), after the design of SymPy's `polys/rings.py`. A {@link PolyRing} is an explicit
 * value that owns the symbol table (variables interned by name), the table of interned monomials, and the
 * state of the Gaussian engine built on it (which variable is which coordinate of which random vector,
 * fresh example slots); every polynomial with a variable carries its ring, and polynomials of two
 * different rings never combine. Constants need no symbol table and carry no ring (`ring` null): they
 * combine with any ring's polynomials, as the ground domain's elements do in SymPy.
 *
 * Representation: a map from interned monomial ids (monomial.ts: one object per distinct monomial of the
 * ring, found by an additive hash, so a product is looked up before it is built) to coefficients that are
 * doubles while they are safe integers and BigInt rationals otherwise (coef.ts: the fast path detects
 * overflow exactly and redoes the operation over BigInt). The public view {@link Poly.terms} (monomial key
 * → {vars, exps, c}) is made from it on demand.
 *
 * Operations: add, subtract, multiply, power, differentiate, substitute, evaluate at rational points,
 * split by a set of variables, and print in a syntax that nerdamer, mathjs and SymPy all parse.
 */
import { ONE, ZERO, radd, rmul, rpow, rtoString, rat, type Rat } from './rational';
import { cmul, cneg, coefOf, coefToRat, csign, type Coef } from './coef';
import { MonoTable, type Accumulator, type Mono } from './monomial';

const NAME_RULE = /^[A-Za-z][A-Za-z0-9_.]*$/;

/** What the Gaussian engine (gaussian.ts) knows of a variable: the k-th coordinate of vector `vec`, per example slot or not. */
export interface CoordMeta {
  vec: string;
  slot: string | null;
  k: number;
}

/**
 * A polynomial ring over the rationals: its symbol table (names ↔ indices, interned on first use), its
 * interned monomials and the Gaussian engine's state for the coordinates made in it. Make one per
 * derivation and pass it in; two rings never share variables.
 */
export class PolyRing {
  private readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly symbols: Poly[] = [];
  /** The interned monomials of this ring (internal to the polynomial layer). */
  readonly monomials = new MonoTable();
  /** Gaussian engine: coordinate variables by index. */
  readonly coordMeta = new Map<number, CoordMeta>();
  /** Gaussian engine: slot → "vec.k" → variable index. */
  readonly slotCoords = new Map<string, Map<string, number>>();
  /** Gaussian engine: memoized moments, per list of random vectors (by identity; see gaussian.ts). */
  readonly momentMemo = new WeakMap<object, unknown>();
  private slots = 0;

  /** The index of variable `name`, interning it on first use. Names: a letter, then letters, digits, '_' or '.'. */
  varIndex(name: string): number {
    let i = this.index.get(name);
    if (i === undefined) {
      if (!NAME_RULE.test(name)) throw new RangeError(`variable name '${name}' must match ${NAME_RULE}`);
      i = this.names.length;
      this.names.push(name);
      this.index.set(name, i);
    }
    return i;
  }

  /** The index of `name` if it is interned, else undefined. */
  lookup(name: string): number | undefined {
    return this.index.get(name);
  }

  /** The name of variable index `i`. */
  varName(i: number): string {
    return this.names[i];
  }

  /** Number of variables interned so far. */
  get size(): number {
    return this.names.length;
  }

  /** The variable `name` of this ring. */
  sym(name: string): Poly {
    const i = this.varIndex(name);
    let p = this.symbols[i];
    if (p === undefined) {
      p = make([this.monomials.intern([i], [1]).id], [1], this);
      this.symbols[i] = p;
    }
    return p;
  }

  /** A fresh example-slot name (`s1`, `s2`, …), unique within this ring. */
  freshSlot(): string {
    return `s${++this.slots}`;
  }
}

/** The ring of two operands: the one that is not null; throws when both have different rings. */
function joinRings(a: PolyRing | null, b: PolyRing | null): PolyRing | null {
  if (a === null) return b;
  if (b === null || a === b) return a;
  throw new RangeError('polynomials of two different rings combined (make one PolyRing per derivation and pass it in)');
}

/** One term: coefficient times the monomial Π vars[k]^exps[k] (vars strictly increasing). */
export interface Term {
  readonly vars: readonly number[];
  readonly exps: readonly number[];
  readonly c: Rat;
}

/** A term of the public view: the interned monomial and the coefficient, as a Rat on demand. */
class TermView implements Term {
  constructor(
    readonly mono: Mono,
    readonly coef: Coef,
  ) {}
  get vars(): readonly number[] {
    return this.mono.vars;
  }
  get exps(): readonly number[] {
    return this.mono.exps;
  }
  get c(): Rat {
    return coefToRat(this.coef);
  }
}

/** The read-only view monomial key → term of a polynomial (values() without making the keys). */
class TermsView implements ReadonlyMap<string, Term> {
  private list: TermView[] | undefined;
  private keyed: Map<string, Term> | undefined;
  constructor(private readonly p: Poly) {}
  private terms(): TermView[] {
    if (!this.list) {
      const byId = monosOf(this.p);
      const { ids, cs } = this.p;
      this.list = ids.map((id, k) => new TermView(byId[id], cs[k]));
    }
    return this.list;
  }
  private map(): Map<string, Term> {
    if (!this.keyed) this.keyed = new Map(this.terms().map((t) => [t.mono.key, t]));
    return this.keyed;
  }
  get size(): number {
    return this.p.ids.length;
  }
  values(): MapIterator<Term> {
    return this.terms()[Symbol.iterator]() as MapIterator<Term>;
  }
  keys(): MapIterator<string> {
    return this.map().keys();
  }
  entries(): MapIterator<[string, Term]> {
    return this.map().entries();
  }
  [Symbol.iterator](): MapIterator<[string, Term]> {
    return this.entries();
  }
  get(key: string): Term | undefined {
    return this.map().get(key);
  }
  has(key: string): boolean {
    return this.map().has(key);
  }
  forEach(cb: (value: Term, key: string, map: ReadonlyMap<string, Term>) => void, thisArg?: unknown): void {
    for (const [k, t] of this.map()) cb.call(thisArg, t, k, this);
  }
}

/** Constants (no ring) use this table: only its constant monomial, id 0. */
const CONSTANTS = new MonoTable();

/** The monomials of p's ring by id (a constant has only id 0). */
function monosOf(p: Poly): readonly Mono[] {
  return (p.ring ? p.ring.monomials : CONSTANTS).byId;
}

/** The accumulator for sums in `ring` (constants: a table of their own). */
function accOf(ring: PolyRing | null): Accumulator {
  return (ring ? ring.monomials : CONSTANTS).acc;
}

/** Finish acc's sum as a polynomial of `ring`. */
function built(acc: Accumulator, ring: PolyRing | null): Poly {
  const ids: number[] = [];
  const cs: Coef[] = [];
  acc.finish(ids, cs);
  return make(ids, cs, ring);
}

/** Marks an internal construction; the terms are passed in `pending`. */
const INTERNAL: ReadonlyMap<string, Term> = new Map();
let pendingIds: number[] = [];
let pendingCs: Coef[] = [];

/** A polynomial from distinct monomial ids and nonzero coefficients; the ring is dropped when no variable occurs. */
function make(ids: number[], cs: Coef[], ring: PolyRing | null): Poly {
  pendingIds = ids;
  pendingCs = cs;
  return new Poly(INTERNAL, ring);
}

/** The zero and one polynomials, shared (polynomials are immutable). */
let ZERO_POLY: Poly;
let ONE_POLY: Poly;
const zero = (): Poly => ZERO_POLY;

/** An immutable multivariate polynomial with exact rational coefficients. */
export class Poly {
  /** The interned monomial ids of the terms (internal; do not mutate). */
  readonly ids: readonly number[];
  /** The coefficients, parallel to ids: a safe integer as a number, else a Rat (internal; do not mutate). */
  readonly cs: readonly Coef[];
  /** The ring whose variables the terms use (null for a constant, which needs none). */
  readonly ring: PolyRing | null;
  private view: TermsView | undefined;

  /**
   * A polynomial from terms keyed by monomial (the keys are not read: equal monomials are merged and
   * zero coefficients dropped). A polynomial with variables needs its ring.
   */
  constructor(terms: ReadonlyMap<string, Term>, ring: PolyRing | null = null) {
    if (terms === INTERNAL) {
      this.ids = pendingIds;
      this.cs = pendingCs;
    } else {
      for (const t of terms.values()) if (t.vars.length && ring === null) throw new RangeError('a polynomial with variables needs its ring');
      const acc = accOf(ring);
      acc.begin();
      for (const t of terms.values()) {
        const c = t instanceof TermView ? t.coef : coefOf(t.c);
        if (c !== 0) acc.add(t.vars.length ? ring!.monomials.intern(t.vars.slice(), t.exps.slice()).id : 0, c);
      }
      const ids: number[] = [];
      const cs: Coef[] = [];
      acc.finish(ids, cs);
      this.ids = ids;
      this.cs = cs;
    }
    const n = this.ids.length;
    this.ring = ring !== null && (n > 1 || (n === 1 && this.ids[0] !== 0)) ? ring : null;
  }

  /** Terms keyed by monomial (`v^e*v^e…` over variable indices; '' for the constant term). */
  get terms(): ReadonlyMap<string, Term> {
    if (!this.view) this.view = new TermsView(this);
    return this.view;
  }

  /** This polynomial's ring, or an error naming `what` needed it (a constant has none). */
  private needRing(what: string): PolyRing {
    if (!this.ring) throw new RangeError(`${what}: a constant polynomial has no ring to look variable names up in`);
    return this.ring;
  }

  /** Index of `name` in this polynomial's ring, or −1 when the name is not interned there (or this is a constant). */
  private indexOf(name: string): number {
    return this.ring?.lookup(name) ?? -1;
  }

  /** The constant c (a Rat, a bigint or a safe integer). */
  static constant(c: Rat | bigint | number): Poly {
    const k = coefOf(c);
    return k === 0 ? ZERO_POLY : k === 1 ? ONE_POLY : make([0], [k], null);
  }

  /** Σ of polynomials (of one ring). */
  static sum(ps: readonly Poly[]): Poly {
    let ring: PolyRing | null = null;
    for (const p of ps) ring = joinRings(ring, p.ring);
    const acc = accOf(ring);
    acc.begin();
    for (const p of ps) {
      const { ids, cs } = p;
      for (let k = 0; k < ids.length; k++) acc.add(ids[k], cs[k]);
    }
    return built(acc, ring);
  }

  /** Number of terms. */
  get size(): number {
    return this.ids.length;
  }

  /** Whether this is the zero polynomial. */
  isZero(): boolean {
    return this.ids.length === 0;
  }

  /** The constant coefficient when this is a constant, else undefined. */
  constantValue(): Rat | undefined {
    if (this.ids.length === 0) return ZERO;
    if (this.ids.length === 1 && this.ids[0] === 0) return coefToRat(this.cs[0]);
    return undefined;
  }

  add(o: Poly): Poly {
    if (o.isZero()) return this;
    if (this.isZero()) return o;
    return Poly.sum([this, o]);
  }

  sub(o: Poly): Poly {
    return this.add(o.neg());
  }

  neg(): Poly {
    return make(this.ids as number[], this.cs.map(cneg), this.ring);
  }

  /** c · this. */
  scale(c: Rat | number): Poly {
    const k = coefOf(c);
    if (k === 0) return zero();
    if (k === 1) return this;
    return make(this.ids as number[], this.cs.map((t) => cmul(t, k)), this.ring);
  }

  mul(o: Poly): Poly {
    const ring = joinRings(this.ring, o.ring);
    if (this.isZero() || o.isZero()) return zero();
    if (ring === null) return make([0], [cmul(this.cs[0], o.cs[0])], null);
    const table = ring.monomials;
    const byId = table.byId;
    const acc = table.acc;
    const bm = o.ids.map((id) => byId[id]);
    const bc = o.cs;
    const nb = bm.length;
    acc.begin();
    const { ids, cs } = this;
    for (let i = 0; i < ids.length; i++) {
      const ma = byId[ids[i]];
      const ca = cs[i];
      for (let j = 0; j < nb; j++) acc.add(table.product(ma, bm[j]).id, cmul(ca, bc[j]));
    }
    return built(acc, ring);
  }

  /** this^k, k an integer ≥ 0. */
  pow(k: number): Poly {
    if (!Number.isInteger(k) || k < 0) throw new RangeError(`exponent must be an integer ≥ 0, got ${k}`);
    let out = Poly.constant(1);
    let base: Poly = this;
    while (k > 0) {
      if (k % 2 === 1) out = out.mul(base);
      k = Math.floor(k / 2);
      if (k) base = base.mul(base);
    }
    return out;
  }

  /** ∂/∂name. */
  diff(name: string): Poly {
    const v = this.indexOf(name);
    if (v < 0) return zero();
    const ring = this.ring!;
    const table = ring.monomials;
    const acc = table.acc;
    acc.begin();
    for (let i = 0; i < this.ids.length; i++) {
      const t = table.byId[this.ids[i]];
      const k = t.vars.indexOf(v);
      if (k < 0) continue;
      const e = t.exps[k];
      const vars = t.vars.slice();
      const exps = t.exps.slice();
      if (e === 1) {
        vars.splice(k, 1);
        exps.splice(k, 1);
      } else exps[k] = e - 1;
      acc.add(table.intern(vars, exps).id, cmul(this.cs[i], coefOf(e)));
    }
    return built(acc, ring);
  }

  /** Substitute polynomials for variables (simultaneously). */
  subs(values: ReadonlyMap<string, Poly> | Record<string, Poly>): Poly {
    const byIndex = new Map<number, Poly>();
    const entries = values instanceof Map ? [...values.entries()] : Object.entries(values);
    let ring = this.ring;
    for (const [n, p] of entries) {
      ring = joinRings(ring, p.ring);
      const i = this.indexOf(n);
      if (i >= 0) byIndex.set(i, p);
    }
    if (byIndex.size === 0 || this.ring === null) return make(this.ids as number[], this.cs as Coef[], this.ring);
    const own = this.ring;
    const table = own.monomials;
    const powCache = new Map<string, Poly>();
    const parts: Poly[] = [];
    const keptIds: number[] = [];
    const keptCs: Coef[] = [];
    for (let i = 0; i < this.ids.length; i++) {
      const t = table.byId[this.ids[i]];
      const c = this.cs[i];
      const keepVars: number[] = [];
      const keepExps: number[] = [];
      let factor: Poly | null = null;
      for (let k = 0; k < t.vars.length; k++) {
        const p = byIndex.get(t.vars[k]);
        if (p === undefined) {
          keepVars.push(t.vars[k]);
          keepExps.push(t.exps[k]);
        } else {
          const ck = `${t.vars[k]}^${t.exps[k]}`;
          let pp = powCache.get(ck);
          if (!pp) {
            pp = p.pow(t.exps[k]);
            powCache.set(ck, pp);
          }
          factor = factor ? factor.mul(pp) : pp;
        }
      }
      const keep = table.intern(keepVars, keepExps).id;
      if (factor === null) {
        keptIds.push(keep);
        keptCs.push(c);
      } else parts.push(make([keep], [c], own).mul(factor));
    }
    return Poly.sum([make(keptIds, keptCs, own), ...parts]);
  }

  /** Rename variables (a substitution by variables, without multiplication). */
  rename(map: ReadonlyMap<number, number>): Poly {
    if (this.ring === null) return this;
    const table = this.ring.monomials;
    let top = -1;
    for (const v of map.keys()) if (v > top) top = v;
    const to = new Int32Array(top + 1).fill(-1);
    for (const [v, r] of map) if (v >= 0) to[v] = r;
    const renamed = this.ids.map((id) => table.renamed(table.byId[id], to).id);
    const acc = table.acc;
    acc.begin();
    for (let i = 0; i < renamed.length; i++) acc.add(renamed[i], this.cs[i]);
    return built(acc, this.ring);
  }

  /** Evaluate exactly at a rational point; every variable present must have a value. */
  evaluate(point: ReadonlyMap<string, Rat> | Record<string, Rat>): Rat {
    const byIndex = new Map<number, Rat>();
    const entries = point instanceof Map ? [...point.entries()] : Object.entries(point);
    for (const [n, r] of entries) {
      const i = this.indexOf(n);
      if (i >= 0) byIndex.set(i, r);
    }
    const byId = monosOf(this);
    let s = ZERO;
    for (let i = 0; i < this.ids.length; i++) {
      const t = byId[this.ids[i]];
      let p = coefToRat(this.cs[i]);
      for (let k = 0; k < t.vars.length; k++) {
        const r = byIndex.get(t.vars[k]);
        if (r === undefined) throw new RangeError(`evaluate: no value for variable '${this.needRing('evaluate').varName(t.vars[k])}'`);
        p = rmul(p, rpow(r, t.exps[k]));
      }
      s = radd(s, p);
    }
    return s;
  }

  /** Indices (in this polynomial's ring) of the variables that occur, increasing. */
  variableIndices(): number[] {
    if (this.ring === null) return [];
    const byId = this.ring.monomials.byId;
    const seen = new Uint8Array(this.ring.size);
    for (const id of this.ids) for (const v of byId[id].vars) seen[v] = 1;
    const out: number[] = [];
    for (let v = 0; v < seen.length; v++) if (seen[v]) out.push(v);
    return out;
  }

  /** Names of the variables that occur. */
  variables(): string[] {
    const ring = this.ring;
    return ring ? this.variableIndices().map((i) => ring.varName(i)) : [];
  }

  /** Highest exponent of `name` in any term. */
  degreeIn(name: string): number {
    const v = this.indexOf(name);
    const byId = monosOf(this);
    let d = 0;
    for (const id of this.ids) {
      const t = byId[id];
      const k = t.vars.indexOf(v);
      if (k >= 0 && t.exps[k] > d) d = t.exps[k];
    }
    return d;
  }

  /** Total degree (−1 for the zero polynomial). */
  totalDegree(): number {
    const byId = monosOf(this);
    let d = -1;
    for (const id of this.ids) d = Math.max(d, byId[id].deg);
    return d;
  }

  /**
   * Split by the variables in `set`: a map from the monomial in those variables (its key) to the
   * polynomial in the other variables that multiplies it, plus that monomial's (vars, exps).
   */
  splitBy(set: ReadonlySet<number>): Map<string, { vars: number[]; exps: number[]; rest: Poly }> {
    const groups = new Map<number, { ids: number[]; cs: Coef[] }>();
    const ring = this.ring;
    const byId = monosOf(this);
    if (ring) {
      const table = ring.monomials;
      const flags = new Uint8Array(ring.size);
      for (const v of set) if (v >= 0 && v < flags.length) flags[v] = 1;
      for (let i = 0; i < this.ids.length; i++) {
        const id = this.ids[i];
        const t = byId[id];
        const s = table.part(t, flags, 1);
        let g = groups.get(s.id);
        if (!g) groups.set(s.id, (g = { ids: [], cs: [] }));
        // distinct monomials with equal parts in `set` have distinct rest parts: no sums needed
        g.ids.push(s === t ? 0 : s.id === 0 ? id : table.part(t, flags, 0).id);
        g.cs.push(this.cs[i]);
      }
    } else if (this.ids.length) groups.set(0, { ids: this.ids as number[], cs: this.cs as Coef[] });
    const out = new Map<string, { vars: number[]; exps: number[]; rest: Poly }>();
    for (const [sid, g] of groups) {
      const s = byId[sid];
      out.set(s.key, { vars: s.vars.slice(), exps: s.exps.slice(), rest: make(g.ids, g.cs, ring) });
    }
    return out;
  }

  /** The coefficient of name^k (a polynomial in the other variables). */
  coefficient(name: string, k: number): Poly {
    const v = this.indexOf(name);
    const byId = monosOf(this);
    const ids: number[] = [];
    const cs: Coef[] = [];
    for (let j = 0; j < this.ids.length; j++) {
      const t = byId[this.ids[j]];
      const i = t.vars.indexOf(v);
      const e = i >= 0 ? t.exps[i] : 0;
      if (e !== k) continue;
      // distinct monomials with the same exponent of name stay distinct without it: no sums needed
      ids.push(i < 0 ? this.ids[j] : this.ring!.monomials.intern([...t.vars.slice(0, i), ...t.vars.slice(i + 1)], [...t.exps.slice(0, i), ...t.exps.slice(i + 1)]).id);
      cs.push(this.cs[j]);
    }
    return make(ids, cs, this.ring);
  }

  /** Whether every coefficient is > 0 (with the zero polynomial: false). */
  allCoefficientsPositive(): boolean {
    if (this.isZero()) return false;
    for (const c of this.cs) if (csign(c) <= 0) return false;
    return true;
  }

  /** The printed monomial of t: variables by name, in name order. */
  private printed(t: Mono, what: string): string {
    if (t.vars.length === 0) return '';
    const ring = this.needRing(what);
    return t.vars
      .map((v, k) => [ring.varName(v), t.exps[k]] as const)
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([n, e]) => (e === 1 ? n : `${n}^${e}`))
      .join('*');
  }

  /** The coefficient of the term printed first by {@link Poly.toString} (canonical order); 0 for the zero polynomial. */
  firstCoefficient(): Rat {
    let best: { mono: string; c: Coef } | null = null;
    const byId = monosOf(this);
    for (let i = 0; i < this.ids.length; i++) {
      const mono = this.printed(byId[this.ids[i]], 'firstCoefficient');
      if (best === null || mono < best.mono) best = { mono, c: this.cs[i] };
    }
    return best ? coefToRat(best.c) : ZERO;
  }

  /** If this is a single variable to the first power, its name. */
  singleVariable(): string | undefined {
    if (this.ids.length !== 1) return undefined;
    const t = monosOf(this)[this.ids[0]];
    return t.vars.length === 1 && t.exps[0] === 1 && this.cs[0] === 1 ? this.needRing('singleVariable').varName(t.vars[0]) : undefined;
  }

  equals(o: Poly): boolean {
    return this.sub(o).isZero();
  }

  /**
   * A string that nerdamer, mathjs and SymPy (after '^' → '**') parse to this polynomial: terms in a
   * canonical order, coefficients as `(p/q)`, powers as `^`, never a unary minus after `*`.
   */
  toString(): string {
    if (this.isZero()) return '0';
    const byId = monosOf(this);
    const rendered = this.ids.map((id, i) => ({ mono: this.printed(byId[id], 'toString'), c: coefToRat(this.cs[i]) }));
    rendered.sort((a, b) => (a.mono < b.mono ? -1 : a.mono > b.mono ? 1 : 0));
    let s = '';
    rendered.forEach(({ mono, c }, idx) => {
      const neg = c.n < 0n;
      const abs: Rat = neg ? { n: -c.n, d: c.d } : c;
      const coef = abs.d === 1n ? rtoString(abs) : `(${rtoString(abs)})`;
      const body = mono === '' ? coef : abs.n === ONE.n && abs.d === ONE.d ? mono : `${coef}*${mono}`;
      s += idx === 0 ? (neg ? `-${body}` : body) : neg ? ` - ${body}` : ` + ${body}`;
    });
    return s;
  }
}

ZERO_POLY = make([], [], null);
ONE_POLY = make([0], [1], null);

/** Shorthand: the constant c; `constant(p, q)` is p/q. */
export function constant(c: number | bigint | Rat, q?: number | bigint): Poly {
  if (q !== undefined) return Poly.constant(rat(typeof c === 'object' ? (c as Rat).n : c, q));
  return Poly.constant(c);
}

/** The zero polynomial. */
export const zeroPoly = (): Poly => new Poly(new Map());
