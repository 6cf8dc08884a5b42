/** Shared exact algebra for the derivations: stationary points of quadratics, limits, Exp(1) moments. */
import { Poly, constant } from '../src/symbolic/poly';
import { RatFunc } from '../src/symbolic/ratfunc';
import { sDet, type SMat } from '../src/symbolic/matrix';
import { rat, rmul, type Rat } from '../src/symbolic/rational';

/** ∇L = 0 for L quadratic in `vars`: the system H x = b and its solution by Cramer’s rule. */
export function stationaryPoint(L: RatFunc, vars: string[]): { H: SMat; b: RatFunc[]; x: RatFunc[] | null; quadratic: boolean } {
  const g = vars.map((n) => L.diff(n));
  const H = g.map((gi) => vars.map((n) => gi.diff(n)));
  const zero = Object.fromEntries(vars.map((n) => [n, constant(0)]));
  const b = g.map((gi) => gi.subs(zero).neg());
  const quadratic = H.every((row) => row.every((h) => vars.every((n) => h.diff(n).isZero())));
  const det = sDet(H);
  if (det.isZero()) return { H, b, x: null, quadratic };
  const x = vars.map((_, i) => sDet(H.map((row, r) => row.map((h, j) => (j === i ? b[r] : h)))).div(det));
  return { H, b, x, quadratic };
}

/** lim_{name → ∞} r, when r's denominator is name^e times factors free of name and deg_name(num) ≤ e. */
export function limitAtInfinity(r: RatFunc, name: string): RatFunc {
  let e = 0;
  const rest = [];
  for (const f of r.factors) {
    const deg = f.base.degreeIn(name);
    if (deg === 0) rest.push(f);
    else if (f.base.singleVariable() === name) e += f.exp;
    else throw new RangeError(`limitAtInfinity: denominator factor ${f.key} involves ${name}`);
  }
  const top = r.num.degreeIn(name);
  if (top > e) throw new RangeError(`limitAtInfinity: diverges (degree ${top} over ${e})`);
  return new RatFunc(top === e ? r.num.coefficient(name, e) : constant(0), rest);
}

/** Replace every monomial Π λ_j^{k_j} in the given variables by Π E[λ^{k}] for i.i.d. λ ~ Exp(1): E λ^k = k!. */
export function expOneMoments(p: Poly, names: string[]): Poly {
  const set = new Set(names.map((n) => p.ring?.lookup(n)).filter((i): i is number => i !== undefined));
  const fact = (k: number): Rat => {
    let r = rat(1n);
    for (let i = 2; i <= k; i++) r = rmul(r, rat(BigInt(i)));
    return r;
  };
  const parts: Poly[] = [];
  for (const { exps, rest } of p.splitBy(set).values()) {
    let c = rat(1n);
    for (const e of exps) c = rmul(c, fact(e));
    parts.push(rest.scale(c));
  }
  return Poly.sum(parts);
}
