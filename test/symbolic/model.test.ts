/**
 * The model's definition built symbolically (src/symbolic/model.ts) at d = 1, against an independent
 * derivation. For d = 1, z_a = (x_a, w x_a) and z_q = (x_q, 0) give
 *   ŷ = [(P21 + P22 w)(K11 + K21 w) x_q S + P21 K11 x_q³] / n,   S = Σ_a x_a²,
 * and S/λ ~ χ²_N (E S = Nλ, E S² = λ²N(N + 2)), so ½E(ŷ − w x_q)² needs only scalar Gaussian moments.
 * The values below were produced that way with SymPy 1.14 (script: chi-square moments of S, E w^k and
 * E x_q^k by (k − 1)!!, expanded with sympy.Poly; no set partitions, no Wick pairings) and pasted:
 *   point A: P21 = 1/2, P22 = −3/4, K11 = 2/3, K21 = 5/7, λ = 3/2, N = 3
 *            loss 36919/12544, with the normalizer N + 1: 410223/200704, without the ½: 36919/6272
 *   point B: P21 = −1/3, P22 = 1/5, K11 = −2, K21 = 1/4, λ = 1/3, N = 5
 *            loss 62069/243000, with N + 1: 82499/349920
 * The reduced parameters (P21 = 0, P22 = u, K11 = U, K21 = 0) give the closed form, worked by hand from
 * the same moments: ½[(uU)² λ³ (N + 2)/N − 2uU λ² + λ].
 */
import { describe, expect, it } from 'vitest';
import { PolyRing, constant } from '../../src/symbolic/poly';
import { RatFunc, rf } from '../../src/symbolic/ratfunc';
import { rat, type Rat } from '../../src/symbolic/rational';
import { coords } from '../../src/symbolic/gaussian';
import {
  PAPER_MODEL,
  WRONG_NORMALIZER_MODEL,
  covarianceSymbols,
  generalParams,
  identityPolys,
  populationLoss,
  prediction,
  promptVectors,
  queryLabel,
  reducedParams,
} from '../../src/symbolic/model';

const nd = (r: Rat): string => `${r.n}/${r.d}`;
const pointA: Record<string, Rat> = {
  P11: rat(7, 3), P12: rat(-5, 2), P21: rat(1, 2), P22: rat(-3, 4),
  K11: rat(2, 3), K12: rat(9, 4), K21: rat(5, 7), K22: rat(-7, 5),
  l11: rat(3, 2), N: rat(3),
};
const pointB: Record<string, Rat> = {
  P11: rat(1, 6), P12: rat(3), P21: rat(-1, 3), P22: rat(1, 5),
  K11: rat(-2), K12: rat(4, 9), K21: rat(1, 4), K22: rat(2, 7),
  l11: rat(1, 3), N: rat(5),
};

describe('populationLoss at d = 1 against the chi-square derivation (SymPy)', () => {
  const R = new PolyRing();
  const params = generalParams(R, 1);
  const dist = { d: 1, promptCov: covarianceSymbols(R, 'l', 1) };
  it('the paper model (attention / N), with and without the ½', () => {
    const stats = { classes: 0, monomials: 0 };
    const loss = populationLoss(R, dist, params, { stats });
    expect(nd(loss.evaluate(pointA))).toBe('36919/12544');
    expect(nd(loss.evaluate(pointB))).toBe('62069/243000');
    expect(stats.classes).toBeGreaterThan(0);
    expect(stats.monomials).toBeGreaterThan(0);
    const full = populationLoss(R, dist, params, { half: false });
    expect(nd(full.evaluate(pointA))).toBe('36919/6272');
    expect(nd(populationLoss(R, dist, params, { half: true }).evaluate(pointA))).toBe('36919/12544');
  });
  it('the deliberately wrong model (attention / (N + 1)) gives the SymPy values for N + 1, which differ', () => {
    const wrong = populationLoss(R, dist, params, { model: WRONG_NORMALIZER_MODEL });
    expect(nd(wrong.evaluate(pointA))).toBe('410223/200704');
    expect(nd(wrong.evaluate(pointB))).toBe('82499/349920');
  });
  it('a prompt length symbol M in place of N gives the same function of M', () => {
    const lossM = populationLoss(R, dist, params, { length: R.sym('M') });
    const { N, ...rest } = pointA;
    expect(nd(lossM.evaluate({ ...rest, M: N }))).toBe('36919/12544');
    expect(lossM.variables()).not.toContain('N');
  });
  it('reduced parameters: ½[(uU)² λ³ (N + 2)/N − 2uU λ² + λ]', () => {
    const R2 = new PolyRing();
    const red = reducedParams(R2, 1);
    const loss = populationLoss(R2, { d: 1, promptCov: covarianceSymbols(R2, 'l', 1) }, red);
    const [u, U, l, N] = ['u', 'U11', 'l11', 'N'].map((n) => rf(R2.sym(n)));
    const uU = u.mul(U);
    const want = uU.mul(uU).mul(l.mul(l).mul(l)).mul(N.add(rf(2))).div(N).sub(uU.mul(l).mul(l).scale(2)).add(l).scale(rat(1, 2));
    expect(loss.equals(want)).toBe(true);
  });
  it('a task covariance other than I: w ~ N(0, τ) scales every w-moment: reduced model, ½[(uU)² τ λ³ (N + 2)/N − 2uU τ λ² + τ λ]', () => {
    const R3 = new PolyRing();
    const red = reducedParams(R3, 1);
    const tau = R3.sym('tau');
    const loss = populationLoss(R3, { d: 1, promptCov: covarianceSymbols(R3, 'l', 1), taskCov: [[tau]] }, red);
    const [u, U, l, N, t] = ['u', 'U11', 'l11', 'N', 'tau'].map((n) => rf(R3.sym(n)));
    const uU = u.mul(U);
    const want = uU.mul(uU).mul(t).mul(l.mul(l).mul(l)).mul(N.add(rf(2))).div(N).sub(uU.mul(t).mul(l).mul(l).scale(2)).add(t.mul(l)).scale(rat(1, 2));
    expect(loss.equals(want)).toBe(true);
  });
  it('a query covariance other than the prompt one: x_q ~ N(0, γ): ½[(uU)² γ λ² (N + 2)/N − 2uU γ λ + γ]', () => {
    const R4 = new PolyRing();
    const red = reducedParams(R4, 1);
    const g = R4.sym('g');
    const loss = populationLoss(R4, { d: 1, promptCov: covarianceSymbols(R4, 'l', 1), queryCov: [[g]] }, red);
    const [u, U, l, N, gg] = ['u', 'U11', 'l11', 'N', 'g'].map((n) => rf(R4.sym(n)));
    const uU = u.mul(U);
    const want = uU.mul(uU).mul(gg).mul(l.mul(l)).mul(N.add(rf(2))).div(N).sub(uU.mul(gg).mul(l).scale(2)).add(gg).scale(rat(1, 2));
    expect(loss.equals(want)).toBe(true);
  });
});

describe('the pieces of the definition', () => {
  it('prediction at d = 1: Σ_a (P21 + P22 w)(K11 + K21 w) x_a² x_q / N plus P21 K11 x_q³ / N', () => {
    const R = new PolyRing();
    const p = prediction(R, 1, generalParams(R, 1));
    expect(p.terms).toHaveLength(2);
    const [w] = coords(R, 'w', 1);
    const [xq] = coords(R, 'xq', 1);
    const [xa] = coords(R, 'x', 1, 'a');
    const P = (s: string) => R.sym(s);
    const sumTerm = p.terms.find((t) => t.slots.length === 1)!;
    const queryTerm = p.terms.find((t) => t.slots.length === 0)!;
    expect(sumTerm.slots).toEqual(['a']);
    expect(sumTerm.body.equals(P('P21').add(P('P22').mul(w)).mul(P('K11').add(P('K21').mul(w))).mul(xa.pow(2)).mul(xq))).toBe(true);
    expect(queryTerm.body.equals(P('P21').mul(P('K11')).mul(xq.pow(3)))).toBe(true);
    const invN = new RatFunc(constant(1), R.sym('N'));
    expect(sumTerm.factor.equals(invN)).toBe(true);
    expect(queryTerm.factor.equals(invN)).toBe(true);
    const wrong = prediction(R, 1, generalParams(R, 1), { model: WRONG_NORMALIZER_MODEL, length: R.sym('M') });
    expect(wrong.terms[0].factor.equals(new RatFunc(constant(1), R.sym('M').add(constant(1))))).toBe(true);
  });
  it('the models’ names and normalizers', () => {
    const R = new PolyRing();
    expect(PAPER_MODEL.name).toBe('attention / N (spec §1)');
    expect(WRONG_NORMALIZER_MODEL.name).toBe('attention / (N + 1) (wrong on purpose)');
    expect(PAPER_MODEL.normalizer(R.sym('N')).equals(R.sym('N'))).toBe(true);
    expect(WRONG_NORMALIZER_MODEL.normalizer(R.sym('N')).equals(R.sym('N').add(constant(1)))).toBe(true);
  });
  it('generalParams: (d+1)×(d+1) symbols P_ij, K_ij (or given prefixes)', () => {
    const R = new PolyRing();
    const g = generalParams(R, 2);
    expect(g.wpv.map((r) => r.map((x) => x.toString()))).toEqual([['P11', 'P12', 'P13'], ['P21', 'P22', 'P23'], ['P31', 'P32', 'P33']]);
    expect(g.wkq[2].map((x) => x.toString())).toEqual(['K31', 'K32', 'K33']);
    expect(generalParams(R, 1, 'A', 'B').wkq[0][1].toString()).toBe('B12');
    expect(generalParams(R, 1, 'A', 'B').wpv[1][0].toString()).toBe('A21');
  });
  it('reducedParams: W^PV = [[0, 0], [0, u]], W^KQ = [[U, 0], [0, 0]]; a given u and prefix', () => {
    const R = new PolyRing();
    const r = reducedParams(R, 2);
    expect(r.wpv.map((row) => row.map((x) => x.toString()))).toEqual([['0', '0', '0'], ['0', '0', '0'], ['0', '0', 'u']]);
    expect(r.wkq.map((row) => row.map((x) => x.toString()))).toEqual([['U11', 'U12', '0'], ['U21', 'U22', '0'], ['0', '0', '0']]);
    const s = reducedParams(R, 1, constant(5), 'V');
    expect(s.wpv[1][1].toString()).toBe('5');
    expect(s.wkq[0][0].toString()).toBe('V11');
  });
  it('covarianceSymbols: symmetric names l_ij with i ≤ j; diagonal shape zeroes the rest', () => {
    const R = new PolyRing();
    expect(covarianceSymbols(R, 'l', 3).map((r) => r.map((x) => x.toString()))).toEqual([
      ['l11', 'l12', 'l13'],
      ['l12', 'l22', 'l23'],
      ['l13', 'l23', 'l33'],
    ]);
    expect(covarianceSymbols(R, 'm', 2, 'diagonal').map((r) => r.map((x) => x.toString()))).toEqual([['m11', '0'], ['0', 'm22']]);
    expect(covarianceSymbols(R, 'n', 2, 'full')[1][0].toString()).toBe('n12');
  });
  it('identityPolys, promptVectors (defaults: query as prompt, task I) and queryLabel', () => {
    expect(identityPolys(2).map((r) => r.map((x) => x.toString()))).toEqual([['1', '0'], ['0', '1']]);
    const R = new PolyRing();
    const L = covarianceSymbols(R, 'l', 2);
    const vs = promptVectors({ d: 2, promptCov: L });
    expect(vs.map((v) => v.name)).toEqual(['x', 'xq', 'w']);
    expect(vs[0].perExample).toBe(true);
    expect(vs[1].perExample).toBeFalsy();
    expect(vs[2].perExample).toBeFalsy();
    expect(vs[0].cov).toBe(L);
    expect(vs[1].cov).toBe(L);
    expect(vs[2].cov.map((r) => r.map((x) => x.toString()))).toEqual([['1', '0'], ['0', '1']]);
    const G = identityPolys(2);
    const T = covarianceSymbols(R, 't', 2);
    const vs2 = promptVectors({ d: 2, promptCov: L, queryCov: G, taskCov: T });
    expect(vs2[1].cov).toBe(G);
    expect(vs2[2].cov).toBe(T);
    const [w1, w2] = coords(R, 'w', 2);
    const [q1, q2] = coords(R, 'xq', 2);
    expect(queryLabel(R, 2).equals(w1.mul(q1).add(w2.mul(q2)))).toBe(true);
  });
});
