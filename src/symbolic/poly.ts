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
import { cadd, ceq, cmul, cneg, coefOf, coefToRat, csign, type Coef } from './coef';
import { MonoTable, ONE_MONO, type Mono } from './monomial';

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
      const m = this.monomials.intern([i], [1]);
      p = make(new Map([[m.id, 1]]), this);
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
      const out: TermView[] = [];
      const byId = monoTableOf(this.p);
      for (const [id, c] of this.p.coefs) out.push(new TermView(byId[id], c));
      this.list = out;
    }
    return this.list;
  }
  private map(): Map<string, Term> {
    if (!this.keyed) this.keyed = new Map(this.terms().map((t) => [t.mono.key, t]));
    return this.keyed;
  }
  get size(): number {
    return this.p.coefs.size;
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

/** The monomials of p's ring by id (a constant has only id 0). */
function monoTableOf(p: Poly): readonly Mono[] {
  return p.ring ? p.ring.monomials.byId : CONSTANT_ONLY;
}
const CONSTANT_ONLY: readonly Mono[] = [ONE_MONO];

/** m[id] += c, dropping the entry when it cancels. */
function accumulate(m: Map<number, Coef>, id: number, c: Coef): void {
  const t = m.get(id);
  if (t === undefined) m.set(id, c);
  else {
    const s = cadd(t, c);
    if (s === 0) m.delete(id);
    else m.set(id, s);
  }
}

/** Marks an internal construction (a map from monomial ids to nonzero coefficients). */
class Coefs {
  constructor(readonly m: Map<number, Coef>) {}
}

/** A polynomial from a map of monomial ids to nonzero coefficients; the ring is dropped when no variable occurs. */
function make(m: Map<number, Coef>, ring: PolyRing | null): Poly {
  return new Poly(new Coefs(m) as unknown as ReadonlyMap<string, Term>, ring);
}

/** An immutable multivariate polynomial with exact rational coefficients. */
export class Poly {
  /** Monomial id → coefficient (internal; do not mutate). */
  readonly coefs: ReadonlyMap<number, Coef>;
  /** The ring whose variables the terms use (null for a constant, which needs none). */
  readonly ring: PolyRing | null;
  private view: TermsView | undefined;

  /**
   * A polynomial from terms keyed by monomial (the keys are not read: equal monomials are merged and
   * zero coefficients dropped). A polynomial with variables needs its ring.
   */
  constructor(terms: ReadonlyMap<string, Term>, ring: PolyRing | null = null) {
    let m: Map<number, Coef>;
    if (terms instanceof Coefs) m = terms.m;
    else {
      m = new Map();
      for (const t of terms.values()) {
        if (t.vars.length === 0) {
          accumulate(m, 0, coefOf(t.c));
          continue;
        }
        if (ring === null) throw new RangeError('a polynomial with variables needs its ring');
        const c = coefOf(t.c);
        if (c !== 0) accumulate(m, ring.monomials.intern(t.vars.slice(), t.exps.slice()).id, c);
      }
      for (const [id, c] of m) if (c === 0) m.delete(id);
    }
    this.coefs = m;
    this.ring = ring !== null && m.size > (m.has(0) ? 1 : 0) ? ring : null;
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
    return make(k === 0 ? new Map() : new Map([[0, k]]), null);
  }

  /** Σ of polynomials (of one ring). */
  static sum(ps: readonly Poly[]): Poly {
    let ring: PolyRing | null = null;
    let m: Map<number, Coef> | null = null;
    for (const p of ps) {
      ring = joinRings(ring, p.ring);
      if (p.coefs.size === 0) continue;
      if (m === null) m = new Map(p.coefs);
      else for (const [id, c] of p.coefs) accumulate(m, id, c);
    }
    return make(m ?? new Map(), ring);
  }

  /** Number of terms. */
  get size(): number {
    return this.coefs.size;
  }

  /** Whether this is the zero polynomial. */
  isZero(): boolean {
    return this.coefs.size === 0;
  }

  /** The constant coefficient when this is a constant, else undefined. */
  constantValue(): Rat | undefined {
    if (this.coefs.size === 0) return ZERO;
    if (this.coefs.size === 1 && this.coefs.has(0)) return coefToRat(this.coefs.get(0)!);
    return undefined;
  }

  add(o: Poly): Poly {
    if (o.isZero()) return this;
    if (this.isZero()) return o;
    const ring = joinRings(this.ring, o.ring);
    const m = new Map(this.coefs);
    for (const [id, c] of o.coefs) accumulate(m, id, c);
    return make(m, ring);
  }

  sub(o: Poly): Poly {
    return this.add(o.neg());
  }

  neg(): Poly {
    const m = new Map<number, Coef>();
    for (const [id, c] of this.coefs) m.set(id, cneg(c));
    return make(m, this.ring);
  }

  /** c · this. */
  scale(c: Rat | number): Poly {
    const k = coefOf(c);
    if (k === 0) return make(new Map(), null);
    if (k === 1) return this;
    const m = new Map<number, Coef>();
    for (const [id, t] of this.coefs) m.set(id, cmul(t, k));
    return make(m, this.ring);
  }

  mul(o: Poly): Poly {
    const ring = joinRings(this.ring, o.ring);
    if (this.isZero() || o.isZero()) return make(new Map(), null);
    if (ring === null) return make(new Map([[0, cmul(this.coefs.get(0)!, o.coefs.get(0)!)]]), null);
    const table = ring.monomials;
    const byId = table.byId;
    const m = new Map<number, Coef>();
    for (const [ia, ca] of this.coefs) {
      const ma = byId[ia];
      for (const [ib, cb] of o.coefs) accumulate(m, table.product(ma, byId[ib]).id, cmul(ca, cb));
    }
    return make(m, ring);
  }

  /** this^k, k an integer ≥ 0. */
  pow(k: number): Poly {
    if (!Number.isInteger(k) || k < 0) throw new RangeError(`exponent must be an integer ≥ 0, got ${k}`);
    let out = Poly.constant(1);
    let base: Poly = this;
    while (k > 0) {
      if (k & 1) out = out.mul(base);
      k = Math.floor(k / 2);
      if (k) base = base.mul(base);
    }
    return out;
  }

  /** ∂/∂name. */
  diff(name: string): Poly {
    const v = this.indexOf(name);
    const m = new Map<number, Coef>();
    if (v < 0) return make(m, null);
    const ring = this.ring!;
    const byId = ring.monomials.byId;
    for (const [id, c] of this.coefs) {
      const t = byId[id];
      const k = t.vars.indexOf(v);
      if (k < 0) continue;
      const e = t.exps[k];
      const vars = t.vars.slice();
      const exps = t.exps.slice();
      if (e === 1) {
        vars.splice(k, 1);
        exps.splice(k, 1);
      } else exps[k] = e - 1;
      accumulate(m, ring.monomials.intern(vars, exps).id, cmul(c, coefOf(e)));
    }
    return make(m, ring);
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
    if (byIndex.size === 0 || this.ring === null) return make(new Map(this.coefs), this.ring);
    const own = this.ring;
    const powCache = new Map<string, Poly>();
    const parts: Poly[] = [];
    const kept = new Map<number, Coef>();
    for (const [id, c] of this.coefs) {
      const t = own.monomials.byId[id];
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
      const keep = own.monomials.intern(keepVars, keepExps).id;
      if (factor === null) accumulate(kept, keep, c);
      else parts.push(make(new Map([[keep, c]]), own).mul(factor));
    }
    return Poly.sum([make(kept, ring), ...parts]);
  }

  /** Rename variables (a substitution by variables, without multiplication). */
  rename(map: ReadonlyMap<number, number>): Poly {
    if (this.ring === null) return this;
    const table = this.ring.monomials;
    let top = -1;
    for (const v of map.keys()) if (v > top) top = v;
    const to = new Int32Array(top + 1).fill(-1);
    for (const [v, r] of map) if (v >= 0) to[v] = r;
    const m = new Map<number, Coef>();
    for (const [id, c] of this.coefs) accumulate(m, table.renamed(table.byId[id], to).id, c);
    return make(m, this.ring);
  }

  /** Evaluate exactly at a rational point; every variable present must have a value. */
  evaluate(point: ReadonlyMap<string, Rat> | Record<string, Rat>): Rat {
    const byIndex = new Map<number, Rat>();
    const entries = point instanceof Map ? [...point.entries()] : Object.entries(point);
    for (const [n, r] of entries) {
      const i = this.indexOf(n);
      if (i >= 0) byIndex.set(i, r);
    }
    const byId = monoTableOf(this);
    let s = ZERO;
    for (const [id, c] of this.coefs) {
      const t = byId[id];
      let p = coefToRat(c);
      for (let k = 0; k < t.vars.length; k++) {
        const r = byIndex.get(t.vars[k]);
        if (r === undefined) throw new RangeError(`evaluate: no value for variable '${this.needRing('evaluate').varName(t.vars[k])}'`);
        p = rmul(p, rpow(r, t.exps[k]));
      }
      s = radd(s, p);
    }
    return s;
  }

  /** Names of the variables that occur. */
  variables(): string[] {
    const s = new Set<number>();
    const byId = monoTableOf(this);
    for (const id of this.coefs.keys()) for (const v of byId[id].vars) s.add(v);
    return [...s].sort((a, b) => a - b).map((i) => this.needRing('variables').varName(i));
  }

  /** Highest exponent of `name` in any term. */
  degreeIn(name: string): number {
    const v = this.indexOf(name);
    const byId = monoTableOf(this);
    let d = 0;
    for (const id of this.coefs.keys()) {
      const t = byId[id];
      const k = t.vars.indexOf(v);
      if (k >= 0 && t.exps[k] > d) d = t.exps[k];
    }
    return d;
  }

  /** Total degree (−1 for the zero polynomial). */
  totalDegree(): number {
    const byId = monoTableOf(this);
    let d = -1;
    for (const id of this.coefs.keys()) d = Math.max(d, byId[id].deg);
    return d;
  }

  /**
   * Split by the variables in `set`: a map from the monomial in those variables (its key) to the
   * polynomial in the other variables that multiplies it, plus that monomial's (vars, exps).
   */
  splitBy(set: ReadonlySet<number>): Map<string, { vars: number[]; exps: number[]; rest: Poly }> {
    const groups = new Map<number, Map<number, Coef>>();
    const ring = this.ring;
    if (ring) {
      const table = ring.monomials;
      const flags = new Uint8Array(ring.size);
      for (const v of set) if (v >= 0 && v < flags.length) flags[v] = 1;
      for (const [id, c] of this.coefs) {
        const t = table.byId[id];
        const s = table.part(t, flags, 1);
        let g = groups.get(s.id);
        if (!g) groups.set(s.id, (g = new Map()));
        accumulate(g, s === t ? 0 : s.id === 0 ? id : table.part(t, flags, 0).id, c);
      }
    } else if (this.coefs.size) groups.set(0, new Map(this.coefs));
    const out = new Map<string, { vars: number[]; exps: number[]; rest: Poly }>();
    const byId = monoTableOf(this);
    for (const [sid, g] of groups) {
      const s = byId[sid];
      out.set(s.key, { vars: s.vars.slice(), exps: s.exps.slice(), rest: make(g, this.ring) });
    }
    return out;
  }

  /** The coefficient of name^k (a polynomial in the other variables). */
  coefficient(name: string, k: number): Poly {
    const v = this.indexOf(name);
    const m = new Map<number, Coef>();
    const byId = monoTableOf(this);
    for (const [id, c] of this.coefs) {
      const t = byId[id];
      const i = t.vars.indexOf(v);
      const e = i >= 0 ? t.exps[i] : 0;
      if (e !== k) continue;
      if (i < 0) accumulate(m, id, c);
      else accumulate(m, this.ring!.monomials.intern([...t.vars.slice(0, i), ...t.vars.slice(i + 1)], [...t.exps.slice(0, i), ...t.exps.slice(i + 1)]).id, c);
    }
    return make(m, this.ring);
  }

  /** Whether every coefficient is > 0 (with the zero polynomial: false). */
  allCoefficientsPositive(): boolean {
    if (this.isZero()) return false;
    for (const c of this.coefs.values()) if (csign(c) <= 0) return false;
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
    const byId = monoTableOf(this);
    for (const [id, c] of this.coefs) {
      const mono = this.printed(byId[id], 'firstCoefficient');
      if (best === null || mono < best.mono) best = { mono, c };
    }
    return best ? coefToRat(best.c) : ZERO;
  }

  /** If this is a single variable to the first power, its name. */
  singleVariable(): string | undefined {
    if (this.coefs.size !== 1) return undefined;
    const [[id, c]] = this.coefs;
    const t = monoTableOf(this)[id];
    return t.vars.length === 1 && t.exps[0] === 1 && c === 1 ? this.needRing('singleVariable').varName(t.vars[0]) : undefined;
  }

  equals(o: Poly): boolean {
    if (this.coefs.size !== o.coefs.size) return this.sub(o).isZero();
    joinRings(this.ring, o.ring);
    for (const [id, c] of this.coefs) {
      const x = o.coefs.get(id);
      if (x === undefined || !ceq(c, x)) return false;
    }
    return true;
  }

  /**
   * A string that nerdamer, mathjs and SymPy (after '^' → '**') parse to this polynomial: terms in a
   * canonical order, coefficients as `(p/q)`, powers as `^`, never a unary minus after `*`.
   */
  toString(): string {
    if (this.isZero()) return '0';
    const rendered: Array<{ mono: string; c: Rat }> = [];
    const byId = monoTableOf(this);
    for (const [id, c] of this.coefs) rendered.push({ mono: this.printed(byId[id], 'toString'), c: coefToRat(c) });
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

/** Shorthand: the constant c; `constant(p, q)` is p/q. */
export function constant(c: number | bigint | Rat, q?: number | bigint): Poly {
  if (q !== undefined) return Poly.constant(rat(typeof c === 'object' ? (c as Rat).n : c, q));
  return Poly.constant(c);
}

/** The zero polynomial. */
export const zeroPoly = (): Poly => new Poly(new Map());
