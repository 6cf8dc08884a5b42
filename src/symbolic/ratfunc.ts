/**
 * Rational functions num/den over the polynomial layer. No gcd cancellation: two rational functions are
 * equal when num₁·den₂ − num₂·den₁ expands to 0, which is how identities are decided here.
 */
import { Poly, constant, varIndex, varName, type Term } from './poly';

/** p divided by the monomial Π name^e (which must divide every term). */
function divideMonomial(p: Poly, mono: ReadonlyMap<string, number>): Poly {
  const idx = new Map([...mono].map(([n, e]) => [varIndex(n), e]));
  const m = new Map<string, Term>();
  for (const t of p.terms.values()) {
    const vars: number[] = [];
    const exps: number[] = [];
    t.vars.forEach((v, k) => {
      const e = t.exps[k] - (idx.get(v) ?? 0);
      if (e > 0) {
        vars.push(v);
        exps.push(e);
      }
    });
    const key = vars.map((v, k) => `${v}^${exps[k]}`).join('*');
    m.set(key, { vars, exps, c: t.c });
  }
  return new Poly(m);
}
import { rdiv, risZero, type Rat } from './rational';

/** A rational function num/den (den not the zero polynomial). */
export class RatFunc {
  readonly num: Poly;
  readonly den: Poly;

  constructor(num: Poly, den: Poly = constant(1)) {
    if (den.isZero()) throw new RangeError('rational function with zero denominator');
    const c = den.constantValue();
    if (c !== undefined && !(c.n === 1n && c.d === 1n)) {
      // fold a constant denominator into the numerator
      this.num = num.scale(rdiv({ n: 1n, d: 1n }, c));
      this.den = constant(1);
    } else if (den.size === 1) {
      // a monomial denominator: cancel the largest monomial dividing both
      const [dt] = den.terms.values();
      const common = new Map<string, number>();
      dt.vars.forEach((v, k) => common.set(varName(v), dt.exps[k]));
      for (const t of num.terms.values()) {
        for (const [name, e] of common) {
          const k = t.vars.indexOf(varIndex(name));
          const have = k < 0 ? 0 : t.exps[k];
          if (have < e) {
            if (have === 0) common.delete(name);
            else common.set(name, have);
          }
        }
        if (common.size === 0) break;
      }
      if (common.size === 0 || num.isZero()) {
        this.num = num;
        this.den = den;
      } else {
        this.num = divideMonomial(num, common);
        this.den = divideMonomial(den, common);
      }
    } else {
      this.num = num;
      this.den = den;
    }
  }

  static of(p: Poly): RatFunc {
    return new RatFunc(p);
  }

  add(o: RatFunc): RatFunc {
    if (this.den.equals(o.den)) return new RatFunc(this.num.add(o.num), this.den);
    return new RatFunc(this.num.mul(o.den).add(o.num.mul(this.den)), this.den.mul(o.den));
  }

  sub(o: RatFunc): RatFunc {
    return this.add(o.neg());
  }

  neg(): RatFunc {
    return new RatFunc(this.num.neg(), this.den);
  }

  mul(o: RatFunc): RatFunc {
    return new RatFunc(this.num.mul(o.num), this.den.mul(o.den));
  }

  /** this / o (o not identically 0). */
  div(o: RatFunc): RatFunc {
    if (o.num.isZero()) throw new RangeError('division by the zero rational function');
    return new RatFunc(this.num.mul(o.den), this.den.mul(o.num));
  }

  scale(c: Rat | number): RatFunc {
    return new RatFunc(this.num.scale(c), this.den);
  }

  isZero(): boolean {
    return this.num.isZero();
  }

  /** Whether this and o are the same rational function (cross-multiplied difference expands to 0). */
  equals(o: RatFunc): boolean {
    return this.num.mul(o.den).sub(o.num.mul(this.den)).isZero();
  }

  /** ∂/∂name by the quotient rule. */
  diff(name: string): RatFunc {
    const dn = this.num.diff(name);
    const dd = this.den.diff(name);
    if (dd.isZero()) return new RatFunc(dn, this.den);
    return new RatFunc(dn.mul(this.den).sub(this.num.mul(dd)), this.den.mul(this.den));
  }

  /** Substitute polynomials for variables in numerator and denominator. */
  subs(values: Record<string, Poly> | ReadonlyMap<string, Poly>): RatFunc {
    return new RatFunc(this.num.subs(values), this.den.subs(values));
  }

  /** Exact value at a rational point (the denominator must not vanish there). */
  evaluate(point: Record<string, Rat> | ReadonlyMap<string, Rat>): Rat {
    const d = this.den.evaluate(point);
    if (risZero(d)) throw new RangeError('evaluate: the denominator vanishes at this point');
    return rdiv(this.num.evaluate(point), d);
  }

  variables(): string[] {
    return [...new Set([...this.num.variables(), ...this.den.variables()])].sort();
  }

  /** "num" or "(num)/(den)", parsable by nerdamer, mathjs and SymPy (after '^' → '**'). */
  toString(): string {
    const c = this.den.constantValue();
    if (c !== undefined) return this.num.toString();
    return `(${this.num.toString()})/(${this.den.toString()})`;
  }
}

/** A polynomial as a rational function. */
export function rf(p: Poly | number): RatFunc {
  return new RatFunc(typeof p === 'number' ? constant(p) : p);
}
