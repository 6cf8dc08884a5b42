/**
 * A small exact polynomial layer: sparse distributed polynomials (a map from monomials to exact
 * rational coefficients), after the design of SymPy's `polys/rings.py`. A {@link PolyRing} is an explicit
 * value that owns the symbol table (variables interned by name) and the state of the Gaussian engine
 * built on it (which variable is which coordinate of which random vector, fresh example slots); every
 * polynomial with a variable carries its ring, and polynomials of two different rings never combine.
 * Constants need no symbol table and carry no ring (`ring` null): they combine with any ring's
 * polynomials, as the ground domain's elements do in SymPy. A monomial is a sorted list of (variable
 * index, exponent) pairs and its string key.
 *
 * Operations: add, subtract, multiply, power, differentiate, substitute, evaluate at rational points,
 * split by a set of variables, and print in a syntax that nerdamer, mathjs and SymPy all parse.
 */
import { ONE, ZERO, radd, req, rmul, rneg, rpow, rtoString, risZero, rat, type Rat } from './rational';

const NAME_RULE = /^[A-Za-z][A-Za-z0-9_.]*$/;

/** What the Gaussian engine (gaussian.ts) knows of a variable: the k-th coordinate of vector `vec`, per example slot or not. */
export interface CoordMeta {
  vec: string;
  slot: string | null;
  k: number;
}

/**
 * A polynomial ring over the rationals: its symbol table (names ↔ indices, interned on first use) and the
 * Gaussian engine's state for the coordinates made in it. Make one per derivation and pass it in; two
 * rings never share variables.
 */
export class PolyRing {
  private readonly names: string[] = [];
  private readonly index = new Map<string, number>();
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
    const b = new Builder();
    b.add([i], [1], ONE);
    return b.build(this);
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

function keyOf(vars: readonly number[], exps: readonly number[]): string {
  let s = '';
  for (let k = 0; k < vars.length; k++) s += (k ? '*' : '') + vars[k] + '^' + exps[k];
  return s;
}

function mulMonomials(a: Term, b: Term): { vars: number[]; exps: number[] } {
  const vars: number[] = [];
  const exps: number[] = [];
  let i = 0;
  let j = 0;
  const av = a.vars;
  const bv = b.vars;
  while (i < av.length || j < bv.length) {
    if (j >= bv.length || (i < av.length && av[i] < bv[j])) {
      vars.push(av[i]);
      exps.push(a.exps[i++]);
    } else if (i >= av.length || bv[j] < av[i]) {
      vars.push(bv[j]);
      exps.push(b.exps[j++]);
    } else {
      vars.push(av[i]);
      exps.push(a.exps[i++] + b.exps[j++]);
    }
  }
  return { vars, exps };
}

/** Accumulates terms into a map keyed by monomial. */
class Builder {
  readonly map = new Map<string, Term>();
  add(vars: readonly number[], exps: readonly number[], c: Rat, key = keyOf(vars, exps)): void {
    if (risZero(c)) return;
    const t = this.map.get(key);
    if (t === undefined) this.map.set(key, { vars, exps, c });
    else {
      const s = radd(t.c, c);
      if (risZero(s)) this.map.delete(key);
      else this.map.set(key, { vars: t.vars, exps: t.exps, c: s });
    }
  }
  build(ring: PolyRing | null): Poly {
    return new Poly(this.map, ring);
  }
}

/** An immutable multivariate polynomial with exact rational coefficients. */
export class Poly {
  /** Terms keyed by monomial. Do not mutate. */
  readonly terms: ReadonlyMap<string, Term>;
  /** The ring whose variables the terms use (null for a constant, which needs none). */
  readonly ring: PolyRing | null;

  constructor(terms: ReadonlyMap<string, Term>, ring: PolyRing | null = null) {
    this.terms = terms;
    let hasVars = false;
    for (const t of terms.values())
      if (t.vars.length) {
        hasVars = true;
        break;
      }
    if (hasVars && ring === null) throw new RangeError('a polynomial with variables needs its ring');
    this.ring = hasVars ? ring : null;
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
    const r = typeof c === 'object' ? c : rat(c);
    const b = new Builder();
    b.add([], [], r, '');
    return b.build(null);
  }

  /** Σ of polynomials (of one ring). */
  static sum(ps: readonly Poly[]): Poly {
    const b = new Builder();
    let ring: PolyRing | null = null;
    for (const p of ps) {
      ring = joinRings(ring, p.ring);
      for (const [k, t] of p.terms) b.add(t.vars, t.exps, t.c, k);
    }
    return b.build(ring);
  }

  /** Number of terms. */
  get size(): number {
    return this.terms.size;
  }

  /** Whether this is the zero polynomial. */
  isZero(): boolean {
    return this.terms.size === 0;
  }

  /** The constant coefficient when this is a constant, else undefined. */
  constantValue(): Rat | undefined {
    if (this.terms.size === 0) return ZERO;
    if (this.terms.size === 1 && this.terms.has('')) return this.terms.get('')!.c;
    return undefined;
  }

  add(o: Poly): Poly {
    if (o.isZero()) return this;
    if (this.isZero()) return o;
    const ring = joinRings(this.ring, o.ring);
    const b = new Builder();
    for (const [k, t] of this.terms) b.add(t.vars, t.exps, t.c, k);
    for (const [k, t] of o.terms) b.add(t.vars, t.exps, t.c, k);
    return b.build(ring);
  }

  sub(o: Poly): Poly {
    return this.add(o.neg());
  }

  neg(): Poly {
    const m = new Map<string, Term>();
    for (const [k, t] of this.terms) m.set(k, { vars: t.vars, exps: t.exps, c: rneg(t.c) });
    return new Poly(m, this.ring);
  }

  /** c · this. */
  scale(c: Rat | number): Poly {
    const r = typeof c === 'number' ? rat(c) : c;
    if (risZero(r)) return new Poly(new Map());
    if (req(r, ONE)) return this;
    const m = new Map<string, Term>();
    for (const [k, t] of this.terms) m.set(k, { vars: t.vars, exps: t.exps, c: rmul(t.c, r) });
    return new Poly(m, this.ring);
  }

  mul(o: Poly): Poly {
    const ring = joinRings(this.ring, o.ring);
    if (this.isZero() || o.isZero()) return new Poly(new Map());
    const b = new Builder();
    for (const s of this.terms.values())
      for (const t of o.terms.values()) {
        const { vars, exps } = mulMonomials(s, t);
        b.add(vars, exps, rmul(s.c, t.c));
      }
    return b.build(ring);
  }

  /** this^k, k an integer ≥ 0. */
  pow(k: number): Poly {
    if (!Number.isInteger(k) || k < 0) throw new RangeError(`exponent must be an integer ≥ 0, got ${k}`);
    let out = Poly.constant(1);
    let base: Poly = this;
    while (k > 0) {
      if (k & 1) out = out.mul(base);
      k >>= 1;
      if (k) base = base.mul(base);
    }
    return out;
  }

  /** ∂/∂name. */
  diff(name: string): Poly {
    const v = this.indexOf(name);
    const b = new Builder();
    for (const t of this.terms.values()) {
      const k = t.vars.indexOf(v);
      if (k < 0) continue;
      const e = t.exps[k];
      const vars = t.vars.slice();
      const exps = t.exps.slice();
      if (e === 1) {
        vars.splice(k, 1);
        exps.splice(k, 1);
      } else exps[k] = e - 1;
      b.add(vars, exps, rmul(t.c, rat(e)));
    }
    return b.build(this.ring);
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
    const powCache = new Map<string, Poly>();
    const parts: Poly[] = [];
    const b = new Builder();
    for (const t of this.terms.values()) {
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
      if (factor === null) b.add(keepVars, keepExps, t.c);
      else {
        const mono = new Poly(new Map([[keyOf(keepVars, keepExps), { vars: keepVars, exps: keepExps, c: t.c }]]), this.ring);
        parts.push(mono.mul(factor));
      }
    }
    return Poly.sum([b.build(ring), ...parts]);
  }

  /** Rename variables (a substitution by variables, without multiplication). */
  rename(map: ReadonlyMap<number, number>): Poly {
    const b = new Builder();
    for (const t of this.terms.values()) {
      const pairs: Array<[number, number]> = [];
      let changed = false;
      for (let k = 0; k < t.vars.length; k++) {
        const r = map.get(t.vars[k]);
        if (r !== undefined) changed = true;
        pairs.push([r ?? t.vars[k], t.exps[k]]);
      }
      if (!changed) {
        b.add(t.vars, t.exps, t.c);
        continue;
      }
      pairs.sort((x, y) => x[0] - y[0]);
      const vars: number[] = [];
      const exps: number[] = [];
      for (const [v, e] of pairs) {
        if (vars.length && vars[vars.length - 1] === v) exps[exps.length - 1] += e;
        else {
          vars.push(v);
          exps.push(e);
        }
      }
      b.add(vars, exps, t.c);
    }
    return b.build(this.ring);
  }

  /** Evaluate exactly at a rational point; every variable present must have a value. */
  evaluate(point: ReadonlyMap<string, Rat> | Record<string, Rat>): Rat {
    const byIndex = new Map<number, Rat>();
    const entries = point instanceof Map ? [...point.entries()] : Object.entries(point);
    for (const [n, r] of entries) {
      const i = this.indexOf(n);
      if (i >= 0) byIndex.set(i, r);
    }
    let s = ZERO;
    for (const t of this.terms.values()) {
      let p = t.c;
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
    for (const t of this.terms.values()) for (const v of t.vars) s.add(v);
    return [...s].sort((a, b) => a - b).map((i) => this.needRing('variables').varName(i));
  }

  /** Highest exponent of `name` in any term. */
  degreeIn(name: string): number {
    const v = this.indexOf(name);
    let d = 0;
    for (const t of this.terms.values()) {
      const k = t.vars.indexOf(v);
      if (k >= 0 && t.exps[k] > d) d = t.exps[k];
    }
    return d;
  }

  /** Total degree (−1 for the zero polynomial). */
  totalDegree(): number {
    let d = -1;
    for (const t of this.terms.values()) d = Math.max(d, t.exps.reduce((a, b) => a + b, 0));
    return d;
  }

  /**
   * Split by the variables in `set`: a map from the monomial in those variables (its key) to the
   * polynomial in the other variables that multiplies it, plus that monomial's (vars, exps).
   */
  splitBy(set: ReadonlySet<number>): Map<string, { vars: number[]; exps: number[]; rest: Poly }> {
    const builders = new Map<string, { vars: number[]; exps: number[]; b: Builder }>();
    for (const t of this.terms.values()) {
      const sv: number[] = [];
      const se: number[] = [];
      const rv: number[] = [];
      const re: number[] = [];
      for (let k = 0; k < t.vars.length; k++) {
        if (set.has(t.vars[k])) {
          sv.push(t.vars[k]);
          se.push(t.exps[k]);
        } else {
          rv.push(t.vars[k]);
          re.push(t.exps[k]);
        }
      }
      const key = keyOf(sv, se);
      let e = builders.get(key);
      if (!e) {
        e = { vars: sv, exps: se, b: new Builder() };
        builders.set(key, e);
      }
      e.b.add(rv, re, t.c);
    }
    const out = new Map<string, { vars: number[]; exps: number[]; rest: Poly }>();
    for (const [k, e] of builders) out.set(k, { vars: e.vars, exps: e.exps, rest: e.b.build(this.ring) });
    return out;
  }

  /** The coefficient of name^k (a polynomial in the other variables). */
  coefficient(name: string, k: number): Poly {
    const v = this.indexOf(name);
    const b = new Builder();
    for (const t of this.terms.values()) {
      const i = t.vars.indexOf(v);
      const e = i >= 0 ? t.exps[i] : 0;
      if (e !== k) continue;
      if (i < 0) b.add(t.vars, t.exps, t.c);
      else b.add([...t.vars.slice(0, i), ...t.vars.slice(i + 1)], [...t.exps.slice(0, i), ...t.exps.slice(i + 1)], t.c);
    }
    return b.build(this.ring);
  }

  /** Whether every coefficient is > 0 (with the zero polynomial: false). */
  allCoefficientsPositive(): boolean {
    if (this.isZero()) return false;
    for (const t of this.terms.values()) if (t.c.n <= 0n) return false;
    return true;
  }

  /** The coefficient of the term printed first by {@link Poly.toString} (canonical order); 0 for the zero polynomial. */
  firstCoefficient(): Rat {
    let best: { mono: string; c: Rat } | null = null;
    for (const t of this.terms.values()) {
      const mono = t.vars
        .map((v, k) => [this.needRing('firstCoefficient').varName(v), t.exps[k]] as const)
        .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
        .map(([n, e]) => (e === 1 ? n : `${n}^${e}`))
        .join('*');
      if (best === null || mono < best.mono) best = { mono, c: t.c };
    }
    return best ? best.c : ZERO;
  }

  /** If this is a single variable to the first power, its name. */
  singleVariable(): string | undefined {
    if (this.terms.size !== 1) return undefined;
    const [t] = this.terms.values();
    return t.vars.length === 1 && t.exps[0] === 1 && req(t.c, ONE) ? this.needRing('singleVariable').varName(t.vars[0]) : undefined;
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
    const rendered: Array<{ mono: string; c: Rat }> = [];
    for (const t of this.terms.values()) {
      const parts: string[] = [];
      const order = t.vars.map((v, k) => [this.needRing('toString').varName(v), t.exps[k]] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      for (const [n, e] of order) parts.push(e === 1 ? n : `${n}^${e}`);
      rendered.push({ mono: parts.join('*'), c: t.c });
    }
    rendered.sort((a, b) => (a.mono < b.mono ? -1 : a.mono > b.mono ? 1 : 0));
    let s = '';
    rendered.forEach(({ mono, c }, idx) => {
      const neg = c.n < 0n;
      const abs = neg ? rneg(c) : c;
      const coef = abs.d === 1n ? rtoString(abs) : `(${rtoString(abs)})`;
      const body = mono === '' ? coef : req(abs, ONE) ? mono : `${coef}*${mono}`;
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
