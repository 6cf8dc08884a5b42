/**
 * Rational functions num / Π baseᵉ over the polynomial layer, with the denominator kept factored into
 * the polynomials it was built from (N, N + 1, det Γ, …). Sums use the common multiple of the factored
 * denominators (maximum exponents), products add exponents, and factors that are single variables are
 * cancelled against the numerator. No polynomial gcd is needed: two rational functions are equal when
 * their difference over the common denominator expands to 0, which is how identities are decided here.
 */
import { Poly, constant, type Term } from './poly';
import { ONE, rdiv, rpow, rmul, risZero, type Rat } from './rational';

/** One denominator factor base^exp (base normalized: first printed coefficient 1). */
export interface DenFactor {
  readonly base: Poly;
  readonly key: string;
  readonly exp: number;
}

/** p divided by name^e (which must divide every term). */
function divideVariable(p: Poly, name: string, e: number): Poly {
  const v = p.ring?.lookup(name) ?? -1;
  const m = new Map<string, Term>();
  for (const t of p.terms.values()) {
    const vars: number[] = [];
    const exps: number[] = [];
    t.vars.forEach((w, k) => {
      const x = t.exps[k] - (w === v ? e : 0);
      if (x > 0) {
        vars.push(w);
        exps.push(x);
      }
    });
    m.set(vars.map((w, k) => `${w}^${exps[k]}`).join('*'), { vars, exps, c: t.c });
  }
  return new Poly(m, p.ring);
}

function minExponent(p: Poly, name: string): number {
  const v = p.ring?.lookup(name) ?? -1;
  let m = Infinity;
  for (const t of p.terms.values()) {
    const k = t.vars.indexOf(v);
    m = Math.min(m, k < 0 ? 0 : t.exps[k]);
    if (m === 0) return 0;
  }
  return m === Infinity ? 0 : m;
}

/** Split a polynomial denominator into normalized factors and a rational constant it carried. */
function factorsOf(den: Poly): { factors: DenFactor[]; scale: Rat } {
  if (den.isZero()) throw new RangeError('rational function with zero denominator');
  const c = den.constantValue();
  if (c !== undefined) return { factors: [], scale: c };
  if (den.size === 1) {
    const [t] = den.terms.values();
    return {
      factors: t.vars.map((v, k) => {
        const base = den.ring!.sym(den.ring!.varName(v));
        return { base, key: base.toString(), exp: t.exps[k] };
      }),
      scale: t.c,
    };
  }
  const lc = den.firstCoefficient();
  const base = den.scale(rdiv(ONE, lc));
  return { factors: [{ base, key: base.toString(), exp: 1 }], scale: lc };
}

function mergeFactors(a: readonly DenFactor[], b: readonly DenFactor[], how: 'add' | 'max'): DenFactor[] {
  const m = new Map<string, DenFactor>();
  for (const f of a) m.set(f.key, f);
  for (const f of b) {
    const g = m.get(f.key);
    m.set(f.key, g ? { ...g, exp: how === 'add' ? g.exp + f.exp : Math.max(g.exp, f.exp) } : f);
  }
  return [...m.values()].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

function productOf(fs: readonly DenFactor[], skip?: ReadonlyMap<string, number>): Poly {
  let p = constant(1);
  for (const f of fs) {
    const e = f.exp - (skip?.get(f.key) ?? 0);
    if (e > 0) p = p.mul(f.base.pow(e));
  }
  return p;
}

/** A rational function num / Π factors. */
export class RatFunc {
  readonly num: Poly;
  readonly factors: readonly DenFactor[];
  private denCache: Poly | undefined;

  /** num/den; `den` a polynomial (default 1) or an already factored denominator. */
  constructor(num: Poly, den: Poly | readonly DenFactor[] = constant(1)) {
    let factors: DenFactor[];
    if (den instanceof Poly) {
      const f = factorsOf(den);
      num = num.scale(rdiv(ONE, f.scale));
      factors = f.factors;
    } else factors = [...den];
    // cancel single-variable factors against the numerator
    if (num.isZero()) factors = [];
    else
      factors = factors
        .map((f) => {
          const name = f.base.singleVariable();
          if (!name) return f;
          const k = Math.min(f.exp, minExponent(num, name));
          if (k > 0) num = divideVariable(num, name, k);
          return { ...f, exp: f.exp - k };
        })
        .filter((f) => f.exp > 0);
    this.num = num;
    this.factors = factors;
  }

  /** The denominator as one polynomial. */
  get den(): Poly {
    if (!this.denCache) this.denCache = productOf(this.factors);
    return this.denCache;
  }

  static of(p: Poly): RatFunc {
    return new RatFunc(p);
  }

  add(o: RatFunc): RatFunc {
    if (o.num.isZero()) return this;
    if (this.num.isZero()) return o;
    const lcm = mergeFactors(this.factors, o.factors, 'max');
    const mine = new Map(this.factors.map((f) => [f.key, f.exp]));
    const theirs = new Map(o.factors.map((f) => [f.key, f.exp]));
    const num = this.num.mul(productOf(lcm, mine)).add(o.num.mul(productOf(lcm, theirs)));
    return new RatFunc(num, lcm);
  }

  sub(o: RatFunc): RatFunc {
    return this.add(o.neg());
  }

  neg(): RatFunc {
    return new RatFunc(this.num.neg(), this.factors);
  }

  mul(o: RatFunc): RatFunc {
    if (this.num.isZero() || o.num.isZero()) return new RatFunc(constant(0));
    return new RatFunc(this.num.mul(o.num), mergeFactors(this.factors, o.factors, 'add'));
  }

  /** this / o (o not identically 0). */
  div(o: RatFunc): RatFunc {
    if (o.num.isZero()) throw new RangeError('division by the zero rational function');
    const f = factorsOf(o.num);
    const num = this.num.mul(o.den).scale(rdiv(ONE, f.scale));
    return new RatFunc(num, mergeFactors(this.factors, f.factors, 'add'));
  }

  scale(c: Rat | number): RatFunc {
    return new RatFunc(this.num.scale(c), this.factors);
  }

  isZero(): boolean {
    return this.num.isZero();
  }

  /** Whether this and o are the same rational function (difference over the common denominator expands to 0). */
  equals(o: RatFunc): boolean {
    return this.sub(o).isZero();
  }

  /** ∂/∂name by the quotient rule. */
  diff(name: string): RatFunc {
    const dn = this.num.diff(name);
    if (this.factors.every((f) => f.base.degreeIn(name) === 0)) return new RatFunc(dn, this.factors);
    const den = this.den;
    return new RatFunc(dn.mul(den).sub(this.num.mul(den.diff(name))), mergeFactors(this.factors, this.factors, 'add'));
  }

  /** Substitute polynomials for variables in numerator and denominator. */
  subs(values: Record<string, Poly> | ReadonlyMap<string, Poly>): RatFunc {
    let out = new RatFunc(this.num.subs(values));
    for (const f of this.factors) out = out.div(new RatFunc(f.base.subs(values).pow(f.exp)));
    return out;
  }

  /** Exact value at a rational point (the denominator must not vanish there). */
  evaluate(point: Record<string, Rat> | ReadonlyMap<string, Rat>): Rat {
    let d: Rat = ONE;
    for (const f of this.factors) d = rmul(d, rpow(f.base.evaluate(point), f.exp));
    if (risZero(d)) throw new RangeError('evaluate: the denominator vanishes at this point');
    return rdiv(this.num.evaluate(point), d);
  }

  variables(): string[] {
    return [...new Set([...this.num.variables(), ...this.factors.flatMap((f) => f.base.variables())])].sort();
  }

  /** The denominator as a product string, e.g. `(N)^2*(1 + N)`. */
  denString(): string {
    if (this.factors.length === 0) return '1';
    return this.factors.map((f) => (f.exp === 1 ? `(${f.key})` : `(${f.key})^${f.exp}`)).join('*');
  }

  /** "num" or "(num)/(den)", parsable by nerdamer, mathjs and SymPy (after '^' → '**'). */
  toString(): string {
    if (this.factors.length === 0) return this.num.toString();
    return `(${this.num.toString()})/(${this.denString()})`;
  }
}

/** A polynomial (or an integer) as a rational function. */
export function rf(p: Poly | number): RatFunc {
  return new RatFunc(typeof p === 'number' ? constant(p) : p);
}

/** p with rational functions substituted for some of its variables (the others kept), as a rational function. */
export function substituteRational(p: Poly, values: Record<string, RatFunc>): RatFunc {
  const idx = new Map<number, RatFunc>();
  for (const [n, v] of Object.entries(values)) {
    const i = p.ring?.lookup(n);
    if (i !== undefined) idx.set(i, v);
  }
  const powCache = new Map<string, RatFunc>();
  const pw = (v: number, e: number): RatFunc => {
    const k = `${v}^${e}`;
    let r = powCache.get(k);
    if (!r) {
      r = e === 1 ? idx.get(v)! : pw(v, e - 1).mul(idx.get(v)!);
      powCache.set(k, r);
    }
    return r;
  };
  // group terms by their substituted part so each product of values is formed once
  const groups = p.splitBy(new Set(idx.keys()));
  let out = new RatFunc(constant(0));
  for (const { vars, exps, rest } of groups.values()) {
    let f = new RatFunc(rest);
    for (let k = 0; k < vars.length; k++) f = f.mul(pw(vars[k], exps[k]));
    out = out.add(f);
  }
  return out;
}

/** A rational function with rational functions substituted for some variables. */
export function substituteRationalFn(r: RatFunc, values: Record<string, RatFunc>): RatFunc {
  let out = substituteRational(r.num, values);
  for (const f of r.factors) out = out.div(substituteRational(f.base.pow(f.exp), values));
  return out;
}
