/**
 * The small Monte Carlo cross-checks of src/symbolic (montecarlo.ts, sampledRoute.ts). Two kinds of
 * check: (1) replay: the same seeded prompts are drawn again here and the sample mean and standard error
 * recomputed by a one-pass formula (Σv, Σv²), which must agree with the two-pass one to rounding;
 * (2) closed forms at parameters where the answer is known: with W^PV = 0 (or V = 0) the prediction is 0,
 * so ½E(ŷ − y_q)² = ½ tr Λ and E(ŷ − y_q)² = tr Λ (w ~ N(0, I)); and E[x_i (xᵀAx) x_l] = 2(ΛAΛ)_il + Λ_il tr(AΛ)
 * for symmetric A (Isserlis). Every draw comes from stream(seed) below; a failure replays with that seed.
 */
import { describe, expect, it } from 'vitest';
import { samplePrompts } from '../../src/icl';
import { predictFull, predictReduced } from '../../src/lsa';
import { estimateReducedError } from '../../src/montecarlo';
import { stream } from '../../src/random/stream';
import { COMPARISON_ALPHA, COMPARISON_Z } from '../../src/contract/tolerance';
import { Z_BOUND, monteCarloFourthMoment, monteCarloFullLoss, monteCarloTestError, zCheck } from '../../src/symbolic/montecarlo';
import { SAMPLED_CONFIDENCE, sampledRouteCheck } from '../../src/symbolic/sampledRoute';

/** Mean and standard error by the one-pass formula (a different algorithm from the code's two passes). */
function onePass(v: number[]): { mean: number; se: number } {
  const n = v.length;
  let s = 0;
  let ss = 0;
  for (const x of v) {
    s += x;
    ss += x * x;
  }
  const mean = s / n;
  return { mean, se: Math.sqrt((ss - n * mean * mean) / (n - 1) / n) };
}

const lam = [
  [1.5, 0.25],
  [0.25, 0.5],
];
const dist = { d: 2, promptCov: lam };
const params = {
  wpv: [
    [0.1, -0.2, 0.3],
    [0.05, 0.2, -0.1],
    [0.4, -0.3, 0.8],
  ],
  wkq: [
    [0.7, 0.1, -0.2],
    [0.2, 0.9, 0.3],
    [-0.1, 0.25, 0.5],
  ],
};

describe('replay: the same draws give the same mean and standard error', () => {
  it('monteCarloFullLoss (seed 101, 300 prompts of length 4)', () => {
    const est = monteCarloFullLoss(dist, 4, params, 300, stream(101));
    const batch = samplePrompts(dist, 4, 300, stream(101));
    const v = Array.from({ length: 300 }, (_, b) => 0.5 * (predictFull(batch, b, params) - batch.yq[b]) ** 2);
    const want = onePass(v);
    expect(est.count).toBe(300);
    expect(Math.abs(est.mean - want.mean)).toBeLessThanOrEqual(1e-12 * want.mean);
    expect(Math.abs(est.se - want.se)).toBeLessThanOrEqual(1e-9 * want.se);
  });
  it('monteCarloTestError (seed 102, 300 prompts of length 5)', () => {
    const V = [
      [0.6, -0.1],
      [0.2, 0.9],
    ];
    const est = monteCarloTestError(dist, 5, V, 300, stream(102));
    const batch = samplePrompts(dist, 5, 300, stream(102));
    const v = Array.from({ length: 300 }, (_, b) => (predictReduced(batch, b, V) - batch.yq[b]) ** 2);
    const want = onePass(v);
    expect(est.count).toBe(300);
    expect(Math.abs(est.mean - want.mean)).toBeLessThanOrEqual(1e-12 * want.mean);
    expect(Math.abs(est.se - want.se)).toBeLessThanOrEqual(1e-9 * want.se);
  });
  it('monteCarloFourthMoment (seed 103): the query draws of a one-example batch, x_i (xᵀAx) x_l', () => {
    const A = [
      [1, 0.5],
      [0.5, -2],
    ];
    for (const [i, l] of [[0, 1], [1, 1], [1, 0]]) {
      const est = monteCarloFourthMoment(lam, A, i, l, 200, stream(103));
      const batch = samplePrompts({ d: 2, promptCov: lam }, 1, 200, stream(103));
      const v = Array.from({ length: 200 }, (_, b) => {
        const x0 = batch.xq[2 * b];
        const x1 = batch.xq[2 * b + 1];
        const x = [x0, x1];
        const quad = A[0][0] * x0 * x0 + 2 * A[0][1] * x0 * x1 + A[1][1] * x1 * x1;
        return x[i] * quad * x[l];
      });
      const want = onePass(v);
      expect(est.count).toBe(200);
      expect(Math.abs(est.mean - want.mean)).toBeLessThanOrEqual(1e-12 * Math.abs(want.mean));
      expect(Math.abs(est.se - want.se)).toBeLessThanOrEqual(1e-9 * want.se);
    }
  });
});

describe('closed forms within the z-bound', () => {
  const zero3 = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
  it('W^PV = 0: ½E(0 − y_q)² = ½ tr Λ = 1; V = 0: E y_q² = tr Λ = 2 (seeds 201, 202)', () => {
    const full = monteCarloFullLoss(dist, 3, { wpv: zero3, wkq: params.wkq }, 4000, stream(201));
    expect(zCheck(1, full).ok, `seed 201: z = ${zCheck(1, full).z}`).toBe(true);
    const te = monteCarloTestError(dist, 3, [[0, 0], [0, 0]], 4000, stream(202));
    expect(zCheck(2, te).ok, `seed 202: z = ${zCheck(2, te).z}`).toBe(true);
    expect(zCheck(4, te).ok).toBe(false);
  });
  it('E[x_i (xᵀAx) x_l] = 2(ΛAΛ)_il + Λ_il tr(AΛ) (seed 203, 20000 draws)', () => {
    const A = [
      [1, 0.5],
      [0.5, -2],
    ];
    // by hand: ΛA = [[1.625, 0.25], [0.5, −0.875]], ΛAΛ = [[2.5, 0.53125], [0.53125, −0.3125]], tr(AΛ) = 0.75
    const lal = [
      [1.625 * 1.5 + 0.25 * 0.25, 1.625 * 0.25 + 0.25 * 0.5],
      [0.5 * 1.5 - 0.875 * 0.25, 0.5 * 0.25 - 0.875 * 0.5],
    ];
    const exact = (i: number, l: number) => 2 * lal[i][l] + lam[i][l] * 0.75;
    const est = monteCarloFourthMoment(lam, A, 0, 1, 20000, stream(203));
    expect(zCheck(exact(0, 1), est).ok, `seed 203: z = ${zCheck(exact(0, 1), est).z}`).toBe(true);
  });
});

describe('zCheck and the bound', () => {
  it('Z_BOUND is the audit’s two-sided critical value (≈ 5.5733 for α = 2.5·10⁻⁸)', () => {
    expect(Z_BOUND).toBe(COMPARISON_Z);
    expect(Z_BOUND).toBeCloseTo(5.5733, 4);
  });
  it('z = |mean − exact| / se; ok when z ≤ the bound', () => {
    const est = { mean: 1, se: 0.1, count: 10 };
    expect(zCheck(1.5, est).z).toBeCloseTo(5, 12);
    expect(zCheck(1.5, est).ok).toBe(true);
    expect(zCheck(0.4, est).ok).toBe(false); // z = 6
    const unit = { mean: 0, se: 1, count: 10 };
    expect(zCheck(Z_BOUND, unit)).toEqual({ ok: true, z: Z_BOUND }); // on the bound
    expect(zCheck(-Z_BOUND * (1 + 1e-9), unit).ok).toBe(false);
  });
  it('a zero standard error: equal values pass (z = 0), any difference fails', () => {
    expect(zCheck(2, { mean: 2, se: 0, count: 5 })).toEqual({ ok: true, z: 0 });
    expect(zCheck(2 + 1e-12, { mean: 2, se: 0, count: 5 }).ok).toBe(false);
  });
});

describe('sampledRouteCheck (src/montecarlo as the sampled route)', () => {
  const opts = (seed: number) => ({ stream: stream(seed), samples: 4000, confidence: SAMPLED_CONFIDENCE });
  it('the confidence is 1 − COMPARISON_ALPHA', () => {
    expect(SAMPLED_CONFIDENCE).toBe(1 - COMPARISON_ALPHA);
  });
  it('reduced error with V = 0: tr Λ = 2 is inside, 6 is not; the detail names the values', () => {
    const inside = sampledRouteCheck({ kind: 'reduced-error', v: [[0, 0], [0, 0]] }, dist, 3, 2, 4000, stream(301).child('route'));
    expect(inside.ok, inside.detail).toBe(true);
    expect(inside.detail).toMatch(new RegExp(`^derived 2\\.00000, src/montecarlo [0-9.]+, ${SAMPLED_CONFIDENCE} interval \\[[0-9.]+, [0-9.]+\\] \\(4000 samples, seed=301 path=route\\)$`));
    const outside = sampledRouteCheck({ kind: 'reduced-error', v: [[0, 0], [0, 0]] }, dist, 3, 6, 4000, stream(301));
    expect(outside.ok, outside.detail).toBe(false);
    // a root stream (empty path) is named as such, the way Stream.describe() writes it, not left blank
    expect(outside.detail).toMatch(/\(4000 samples, seed=301 path=\(root\)\)$/);
    expect(sampledRouteCheck({ kind: 'reduced-error', v: [[0, 0], [0, 0]] }, dist, 3, 0.5, 4000, stream(301)).ok).toBe(false);
  });
  it('full loss with W^PV = 0: ½ tr Λ = 1 is inside, tr Λ = 2 is not', () => {
    const zero3 = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
    const p = { wpv: zero3, wkq: params.wkq };
    const inside = sampledRouteCheck({ kind: 'full-loss', params: p }, dist, 3, 1, 4000, stream(302));
    expect(inside.ok, inside.detail).toBe(true);
    expect(sampledRouteCheck({ kind: 'full-loss', params: p }, dist, 3, 2, 4000, stream(302)).ok).toBe(false);
  });
  it('the interval’s end points count as inside', () => {
    const v = [[0, 0], [0, 0]];
    const r = estimateReducedError(dist, 3, v, opts(303)).testError;
    expect(sampledRouteCheck({ kind: 'reduced-error', v }, dist, 3, r.ci[0], 4000, stream(303)).ok).toBe(true);
    expect(sampledRouteCheck({ kind: 'reduced-error', v }, dist, 3, r.ci[1], 4000, stream(303)).ok).toBe(true);
    expect(sampledRouteCheck({ kind: 'reduced-error', v }, dist, 3, r.ci[1] * (1 + 1e-12), 4000, stream(303)).ok).toBe(false);
    expect(sampledRouteCheck({ kind: 'reduced-error', v }, dist, 3, r.ci[0] * (1 - 1e-12), 4000, stream(303)).ok).toBe(false);
  });
});
