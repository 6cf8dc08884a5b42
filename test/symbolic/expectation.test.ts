/**
 * The Gaussian expectation engine (src/symbolic/gaussian.ts) against closed forms that do not use its
 * algorithm: a sum S = Σ_a x_a of N independent N(0, λ) draws is itself N(0, Nλ), so E S⁴ = 3N²λ² and
 * E S⁶ = 15N³λ³; for S ~ N(0, NΛ) independent of q ~ N(0, Γ), E (Sᵀq)² = N tr(ΛΓ); Wick's theorem by hand
 * for small moments. Also the bookkeeping: slots, products and squares of sums, set partitions, falling
 * factorials, the statistics counters and the error messages.
 */
import { describe, expect, it } from 'vitest';
import { PolyRing, constant } from '../../src/symbolic/poly';
import { rf } from '../../src/symbolic/ratfunc';
import { rat } from '../../src/symbolic/rational';
import { SumPoly, coord, coords, expectPoly, expectation, fallingFactorial, setPartitions } from '../../src/symbolic/gaussian';

describe('coordinates', () => {
  it('are named vec.k or vec.slot.k (1-based) and registered once in the ring', () => {
    const R = new PolyRing();
    expect(coord(R, 'g', 0).toString()).toBe('g.1');
    expect(coord(R, 'x', 2, 'a').toString()).toBe('x.a.3');
    expect(R.coordMeta.get(R.lookup('g.1')!)).toEqual({ vec: 'g', slot: null, k: 0 });
    expect(R.coordMeta.get(R.lookup('x.a.3')!)).toEqual({ vec: 'x', slot: 'a', k: 2 });
    expect(R.slotCoords.get('a')?.get('x.2')).toBe(R.lookup('x.a.3'));
    expect([...R.slotCoords.keys()]).toEqual(['a']); // a coordinate without a slot registers no slot
    coord(R, 'x', 2, 'a');
    expect(R.coordMeta.size).toBe(2);
    expect(coords(R, 'h', 3).map((p) => p.toString())).toEqual(['h.1', 'h.2', 'h.3']);
    expect(coords(R, 'h', 2, 'b').map((p) => p.toString())).toEqual(['h.b.1', 'h.b.2']);
  });
});

describe('set partitions and falling factorials', () => {
  it('the five partitions of {0, 1, 2}', () => {
    const norm = (ps: number[][][]) => ps.map((p) => JSON.stringify(p.map((b) => [...b].sort()).sort())).sort();
    expect(norm(setPartitions(3))).toEqual(
      norm([[[0, 1, 2]], [[0, 1], [2]], [[0, 2], [1]], [[0], [1, 2]], [[0], [1], [2]]]),
    );
    expect(setPartitions(0)).toEqual([[]]);
    expect(setPartitions(1)).toEqual([[[0]]]);
    expect(setPartitions(5)).toHaveLength(52); // Bell number B5
  });
  it('n(n − 1)(n − 2) at n = 7 is 210; k = 0 gives 1', () => {
    const R = new PolyRing();
    const n = R.sym('n');
    expect(fallingFactorial(n, 3).evaluate({ n: rat(7) })).toEqual(rat(210));
    expect(fallingFactorial(n, 0).equals(constant(1))).toBe(true);
    expect(fallingFactorial(n, 2).evaluate({ n: rat(1) })).toEqual(rat(0));
  });
});

describe('moments of one vector (Wick)', () => {
  const R = new PolyRing();
  const l = (i: number, j: number) => R.sym(`l${Math.min(i, j)}${Math.max(i, j)}`);
  const cov = [1, 2, 3].map((i) => [1, 2, 3].map((j) => l(i, j)));
  const vec = [{ name: 'z', cov }];
  const [z1, z2, z3] = coords(R, 'z', 3);
  it('E z₁ z₂ = l12; E z₁² = l11; E 1 = 1; odd moments 0', () => {
    expect(expectPoly(z1.mul(z2), vec).equals(l(1, 2))).toBe(true);
    expect(expectPoly(z1.pow(2), vec).equals(l(1, 1))).toBe(true);
    expect(expectPoly(constant(3), vec).equals(constant(3))).toBe(true);
    expect(expectPoly(z1.mul(z2).mul(z3), vec).isZero()).toBe(true);
  });
  it('E z₁ z₂ z₃² = l12 l33 + 2 l13 l23 (three pairings)', () => {
    expect(expectPoly(z1.mul(z2).mul(z3.pow(2)), vec).equals(l(1, 2).mul(l(3, 3)).add(l(1, 3).mul(l(2, 3)).scale(2)))).toBe(true);
  });
  it('E z₁³ z₂ = 3 l11 l12; E z₁² z₂² = l11 l22 + 2 l12²', () => {
    expect(expectPoly(z1.pow(3).mul(z2), vec).equals(l(1, 1).mul(l(1, 2)).scale(3))).toBe(true);
    expect(expectPoly(z2.pow(2).mul(z1.pow(2)), vec).equals(l(1, 1).mul(l(2, 2)).add(l(1, 2).pow(2).scale(2)))).toBe(true);
  });
  it('a zero covariance entry: z ~ N(0, diag(2, 3)): E z₁² z₂² = 6, E z₁ z₂ = 0, E z₁⁴ z₂² = 3·4·3 = 36', () => {
    const R2 = new PolyRing();
    const v = [{ name: 'y', cov: [[constant(2), constant(0)], [constant(0), constant(3)]] }];
    const [a, b] = coords(R2, 'y', 2);
    expect(expectPoly(a.pow(2).mul(b.pow(2)), v).equals(constant(6))).toBe(true);
    expect(expectPoly(a.mul(b), v).isZero()).toBe(true);
    expect(expectPoly(a.pow(4).mul(b.pow(2)), v).equals(constant(36))).toBe(true);
    // asked again (from the ring's memo): the same values
    expect(expectPoly(a.pow(4).mul(b.pow(2)), v).equals(constant(36))).toBe(true);
    expect(expectPoly(a.mul(b).add(a.pow(2)), v).equals(constant(2))).toBe(true);
  });
  it('independent vectors factorize and non-random symbols ride along: E[c · g² h⁴] = c · s · 3t²', () => {
    const R3 = new PolyRing();
    const s = R3.sym('s');
    const t = R3.sym('t');
    const c = R3.sym('c');
    const vs = [
      { name: 'g', cov: [[s]] },
      { name: 'h', cov: [[t]] },
    ];
    const g = coord(R3, 'g', 0);
    const h = coord(R3, 'h', 0);
    const stats = { classes: 0, monomials: 0 };
    expect(expectPoly(c.mul(g.pow(2)).mul(h.pow(4)), vs, stats).equals(c.mul(s).mul(t.pow(2)).scale(3))).toBe(true);
    expect(stats.monomials).toBe(1);
    expect(expectPoly(g.mul(h).add(g.pow(2)).add(c), vs, stats).equals(s.add(c))).toBe(true);
    expect(stats.monomials).toBe(4); // g·h, g², and the monomial without a random coordinate
    expect(stats.classes).toBe(0);
  });
  it('d = 12, diag(2, …, 13): E z₁₂² = 13 and then E z₂⁴ = 3·3² = 27 in the same ring (moments of index lists 11,11 and 1,1,1,1 kept apart)', () => {
    const R5 = new PolyRing();
    const cov = Array.from({ length: 12 }, (_, i) => Array.from({ length: 12 }, (_, j) => constant(i === j ? i + 2 : 0)));
    const v = [{ name: 'z', cov }];
    const z = coords(R5, 'z', 12);
    expect(expectPoly(z[11].pow(2), v).equals(constant(13))).toBe(true);
    expect(expectPoly(z[1].pow(4), v).equals(constant(27))).toBe(true);
    expect(expectPoly(z[0].pow(2).mul(z[10].pow(2)), v).equals(constant(24))).toBe(true);
    expect(expectPoly(z[0].pow(2).mul(z[1]).mul(z[1]), v).equals(constant(6))).toBe(true);
  });
  it('refuses a coordinate of an undeclared vector, naming it', () => {
    const R4 = new PolyRing();
    expect(() => expectPoly(coord(R4, 'nope', 0), [{ name: 'g', cov: [[constant(1)]] }])).toThrow(
      new RangeError("expectation: coordinate of vector 'nope' but no such vector given"),
    );
  });
});

describe('sums over examples', () => {
  it('S = Σ_a x_a ~ N(0, Nλ): E S² = Nλ, E S⁴ = 3N²λ², E S⁶ = 15N³λ³', () => {
    const R = new PolyRing();
    const lam = R.sym('lam');
    const N = R.sym('N');
    const vec = [{ name: 'x', cov: [[lam]], perExample: true }];
    const S = SumPoly.over('a', coord(R, 'x', 0, 'a'));
    const s2 = S.mul(S);
    const stats = { classes: 0, monomials: 0 };
    expect(expectation(s2, { vectors: vec, stats }).equals(rf(N.mul(lam))), 'E S²').toBe(true);
    expect(stats.classes).toBe(2); // the partitions of two slots
    expect(expectation(s2.mul(s2), { vectors: vec }).equals(rf(N.pow(2).mul(lam.pow(2)).scale(3))), 'E S⁴').toBe(true);
    expect(expectation(s2.square().mul(s2), { vectors: vec }).equals(rf(N.pow(3).mul(lam.pow(3)).scale(15))), 'E S⁶').toBe(true);
  });
  it('S = Σ_a x_a (d = 2, cov Λ), q ~ N(0, Γ): E (Sᵀq)² = N tr(ΛΓ)', () => {
    const R = new PolyRing();
    const L = [[R.sym('l11'), R.sym('l12')], [R.sym('l12'), R.sym('l22')]];
    const G = [[R.sym('g11'), R.sym('g12')], [R.sym('g12'), R.sym('g22')]];
    const vs = [
      { name: 'x', cov: L, perExample: true },
      { name: 'q', cov: G },
    ];
    const xa = coords(R, 'x', 2, 'a');
    const qq = coords(R, 'q', 2);
    const lin = SumPoly.over('a', xa[0].mul(qq[0]).add(xa[1].mul(qq[1])));
    const tr = L[0][0].mul(G[0][0]).add(L[0][1].mul(G[0][1]).scale(2)).add(L[1][1].mul(G[1][1]));
    expect(expectation(lin.square(), { vectors: vs }).equals(rf(R.sym('N').mul(tr)))).toBe(true);
    expect(expectation(lin.mul(lin), { vectors: vs }).equals(rf(R.sym('N').mul(tr)))).toBe(true);
  });
  it('a sum plus a plain term, squared: E (Σ_a x_a + 2y)² = Nλ + 4μ; with the count M instead of N: Mλ + 4μ', () => {
    const R = new PolyRing();
    const lam = R.sym('lam');
    const mu = R.sym('mu');
    const vs = [
      { name: 'x', cov: [[lam]], perExample: true },
      { name: 'y', cov: [[mu]] },
    ];
    const sp = SumPoly.over('a', coord(R, 'x', 0, 'a')).add(SumPoly.plain(coord(R, 'y', 0), rf(2)));
    expect(expectation(sp.square(), { vectors: vs }).equals(rf(R.sym('N').mul(lam).add(mu.scale(4))))).toBe(true);
    expect(expectation(sp.square(), { vectors: vs, count: R.sym('M') }).equals(rf(R.sym('M').mul(lam).add(mu.scale(4))))).toBe(true);
    // the factor of a term multiplies its expectation: (1/N) Σ_a x_a² has expectation λ
    const mean = SumPoly.over('a', coord(R, 'x', 0, 'a').pow(2), rf(1).div(rf(R.sym('N'))));
    expect(expectation(mean, { vectors: vs }).equals(rf(lam))).toBe(true);
    expect(expectation(mean.scale(rf(3)), { vectors: vs }).equals(rf(lam.scale(3)))).toBe(true);
  });
  it('the count defaults to the ring’s N even when the first term is a constant: E[7 + Σ_a x_a²] = 7 + Nλ', () => {
    const R = new PolyRing();
    const lam = R.sym('lam');
    const vs = [{ name: 'x', cov: [[lam]], perExample: true }];
    const sp = SumPoly.plain(constant(7)).add(SumPoly.over('a', coord(R, 'x', 0, 'a').pow(2)));
    expect(expectation(sp, { vectors: vs }).equals(rf(R.sym('N').mul(lam).add(constant(7))))).toBe(true);
  });
  it('constants only: the count defaults to 1 (no ring has a symbol N); Σ_a 5 over M examples is 5M', () => {
    const R = new PolyRing();
    expect(expectation(SumPoly.plain(constant(7)), { vectors: [] }).equals(rf(7))).toBe(true);
    expect(expectation(SumPoly.over('a', constant(5)), { vectors: [] }).equals(rf(5))).toBe(true);
    expect(expectation(SumPoly.over('a', constant(5)), { vectors: [], count: R.sym('M') }).equals(rf(R.sym('M').scale(5)))).toBe(true);
  });
  it('pruned drops terms whose body or factor is 0; scale multiplies every factor', () => {
    const R = new PolyRing();
    const x = R.sym('x');
    const sp = SumPoly.plain(x).add(SumPoly.plain(constant(0))).add(SumPoly.plain(x, rf(0))).add(SumPoly.over('a', x, rf(2)));
    expect(sp.terms).toHaveLength(4);
    const p = sp.pruned();
    expect(p.terms).toHaveLength(2);
    expect(p.terms[0].factor.equals(rf(1))).toBe(true);
    expect(p.terms[1].slots).toEqual(['a']);
    expect(p.scale(rf(3)).terms.map((t) => t.factor.toString())).toEqual(['3', '6']);
    expect(sp.mul(SumPoly.plain(constant(1))).terms).toHaveLength(2);
    expect(SumPoly.plain(constant(1)).mul(sp).terms).toHaveLength(2);
  });
  it('square forms each cross product once with factor 2, and equals the product with itself', () => {
    const R = new PolyRing();
    const [a, b, c] = ['a', 'b', 'c'].map((n) => R.sym(n));
    const sp = SumPoly.plain(a).add(SumPoly.plain(b)).add(SumPoly.plain(c));
    const sq = sp.square();
    expect(sq.terms).toHaveLength(6);
    const total = (s: SumPoly) => s.terms.reduce((acc, t) => acc.add(t.factor.mul(rf(t.body))), rf(0));
    const want = a.add(b).add(c).pow(2);
    expect(total(sq).equals(rf(want))).toBe(true);
    expect(total(sp.mul(sp)).equals(rf(want))).toBe(true);
    expect(sp.mul(sp).terms).toHaveLength(9);
  });
  it('a product of two sums over the same slot renames the second slot; distinct slots are kept', () => {
    const R = new PolyRing();
    const xa = coord(R, 'x', 0, 'a');
    const xb = coord(R, 'x', 0, 'b');
    const p = SumPoly.over('a', xa).mul(SumPoly.over('a', xa));
    expect(p.terms[0].slots[0]).toBe('a');
    expect(p.terms[0].slots[1]).not.toBe('a');
    expect(p.terms[0].body.variables().sort()).toEqual(['x.a.1', `x.${p.terms[0].slots[1]}.1`].sort());
    const q = SumPoly.over('a', xa).mul(SumPoly.over('b', xb));
    expect(q.terms[0].slots).toEqual(['a', 'b']);
    expect(q.terms[0].body.equals(xa.mul(xb))).toBe(true);
    // a slot the ring has no coordinates of: the bodies are kept as they are
    const z = SumPoly.over('zz', R.sym('c')).mul(SumPoly.over('zz', R.sym('e')));
    expect(z.terms[0].body.equals(R.sym('c').mul(R.sym('e')))).toBe(true);
    expect(z.terms[0].slots[0]).toBe('zz');
    expect(z.terms[0].slots[1]).not.toBe('zz');
    // a body without coordinates of the clashing slot is kept as it is
    const r = SumPoly.over('a', xa).mul(SumPoly.over('a', R.sym('c')));
    expect(r.terms[0].body.equals(xa.mul(R.sym('c')))).toBe(true);
    expect(r.terms[0].slots).toHaveLength(2);
  });
  it('refuses a product of sums over the same slot whose bodies have no ring, with its message', () => {
    expect(() => SumPoly.over('a', constant(2)).mul(SumPoly.over('a', constant(3)))).toThrow(
      new RangeError('a product of sums over examples whose bodies have no ring'),
    );
    // one body with a ring is enough
    const R = new PolyRing();
    expect(SumPoly.over('a', R.sym('c')).mul(SumPoly.over('a', constant(3))).terms[0].slots).toHaveLength(2);
  });
});
