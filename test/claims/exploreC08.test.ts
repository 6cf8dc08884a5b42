/**
 * `explore --claim C08` (src/claims/exploreC08.ts) on a toy flow: the stiff gradient flow is replaced by a
 * rule whose outcome is known in advance (reaches the limit below a given σ/σ_max, else ends on the
 * stationary set, at the mirror minimum, or undecided), so the expanding-then-bisecting search, the
 * classification of where a flow ended, and the starts outside Assumption 3.3 are checked against values
 * worked out by hand. The real flow is exercised by test/dynamics and the C08 claim.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Mat } from '../../src/linalg/matrix';
import type { QuadraticModel } from '../../src/moments/quadratic';

interface Call {
  d: number;
  u0: number;
  U0: Mat;
  opts: Record<string, unknown>;
  model: QuadraticModel;
}
const H = vi.hoisted(() => ({
  calls: [] as Call[],
  rule: (() => ({ status: 'converged', u: 1, U: [[1]] })) as (c: Call, base: number) => { status: string; u: number; U: Mat },
  base: new Map<number, number>(),
}));
vi.mock('../../src/dynamics/stiffFlow', () => ({
  stiffGradientFlow: (model: QuadraticModel, opts: { u0: number; U0: Mat }) => {
    const d = opts.U0.length;
    const call: Call = { d, u0: opts.u0, U0: opts.U0, opts: { ...opts }, model };
    H.calls.push(call);
    // the first flow of each problem is at σ = σ_max/2 (sigma) or the Assumption 3.3 start (theta)
    if (!H.base.has(d)) H.base.set(d, opts.u0 / 0.5);
    const out = H.rule(call, H.base.get(d)!);
    return { ...out, t: 7, measure: 0.25, stats: { accepted: 11 }, message: `toy ${out.status}` };
  },
}));

import { explore } from '../../src/claims/explore';
import { REACH_TOL } from '../../src/claims/exploreC08';
import { frobenius, frobeniusDot, identity, matmul, transpose, zeros } from '../../src/linalg/matrix';
import { paperFormulas } from '../../src/theory/formulas';
import { drawCovariance } from '../../src/random/covariance';
import { randomTheta } from '../../src/lsa/init';
import { Stream } from '../../src/random/stream';

beforeEach(() => {
  H.calls = [];
  H.base = new Map();
});

/** 4 significant digits, exponent form outside [1e-3, 1e5) (with 3 decimals), non-finite as is. */
const fmt = (x: number): string => (!Number.isFinite(x) ? String(x) : Math.abs(x) >= 1e-3 && Math.abs(x) < 1e5 ? x.toPrecision(4) : x.toExponential(3));
expect(fmt(1e5)).toBe('1.000e+5');

const LABELS = ['identity, d = 1, N = 5', 'identity, d = 2, N = 10', 'diagonal κ = 10, d = 3, N = 10', 'rotated κ = 100, d = 5, N = 20', 'wishart, d = 8, N = 20'];

describe('explore C08 --vary sigma (toy flow)', () => {
  it('expands over σ/σ_max, bisects geometrically to 1.001 between the last holding and first failing factor, and classifies each end', () => {
    const zero = (d: number) => zeros(d, d);
    H.rule = (c, base) => {
      const f = c.u0 / base;
      switch (c.d) {
        case 1: // reaches the limit below 5.3 σ_max, else ends on the stationary set
          return f < 5.3 ? { status: 'converged', u: 2, U: c.U0 } : { status: 'max-steps', u: 0, U: zero(1) };
        case 2: // reaches it everywhere
          return { status: 'converged', u: 2, U: c.U0 };
        case 3: // from 3 σ_max on it reaches the mirror minimum u < 0
          return { status: 'converged', u: f < 3 ? 2 : -2, U: c.U0 };
        case 5: // undecided from the first σ on: u tiny but ⟨Λ², U⟩ ≠ 0, so not the stationary set
          return { status: 'max-steps', u: 1e-300, U: c.U0 };
        default: // d = 8: fails at ≥ 3 (stationary set), undecided in between (u ≠ 0, U = 0)
          return f < 2.5 ? { status: 'converged', u: 2, U: c.U0 } : f >= 3 ? { status: 'max-steps', u: 0, U: zero(8) } : { status: 'max-steps', u: 1, U: zero(8) };
      }
    };
    const progress: unknown[][] = [];
    const r = explore({ claim: 'C08', vary: 'sigma', seed: 2, onProgress: (...a) => progress.push(a) });
    expect(progress).toEqual([...LABELS.map((l, k) => [k, 5, l]), [5, 5, 'done']]);
    expect([r.claim, r.vary, r.seed]).toEqual(['C08', 'sigma', 2]);
    expect(r.series.map((s) => s.label)).toEqual(LABELS);
    const factors = (k: number) => r.series[k].rows.map((x) => x.inputs.sigmaOverBound as number);
    const grid = [0.5, 0.99, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192];

    // d = 1, N = 5: Λ = 1, Γ = 1 + 1/5 + 1/5 = 1.4, σ_max = √(2/1.4)
    const s1 = r.series[0];
    const smax = Math.sqrt(2 / 1.4);
    expect(s1.assumptionBound!).toBeCloseTo(smax, 12);
    expect(factors(0).slice(0, 6)).toEqual(grid.slice(0, 6));
    // bisection of [4, 8] at geometric midpoints until hi/lo ≤ 1.001: 2^(1/2^k) ≤ 1.001 first at k = 10
    expect(s1.rows.length).toBe(6 + 10);
    expect(factors(0)[6]).toBeCloseTo(Math.sqrt(32), 12);
    const lo = s1.largestHolding! / s1.assumptionBound!;
    const hi = s1.smallestFailing! / s1.assumptionBound!;
    expect(lo).toBeLessThan(5.3);
    expect(hi).toBeGreaterThanOrEqual(5.3);
    expect(hi / lo).toBeLessThanOrEqual(1.001);
    expect(hi / lo).toBeGreaterThan(1.0005);
    expect(s1.failingRow?.inputs.sigmaOverBound).toBeCloseTo(hi, 12);
    expect(s1.failingRow?.holds).toBe(false);
    expect(s1.failingRow?.outcome).toMatch(/^stays on the stationary set u = 0/);
    for (const x of s1.rows) expect(x.holds).toBe((x.inputs.sigmaOverBound as number) < 5.3);
    // the flow is started at (σ, σΘΘᵀ) with the documented budget
    const first = H.calls[0];
    expect(first.u0).toBeCloseTo(0.5 * smax, 12);
    expect(frobenius(first.U0)).toBeCloseTo(0.5 * smax, 12); // ‖ΘΘᵀ‖_F = 1
    expect(first.opts).toMatchObject({ convergenceTol: REACH_TOL, rtol: 1e-10, tMax: 1e10, maxSteps: 20_000 });
    expect(REACH_TOL).toBe(1e-8);
    // what was measured where the flow ended: Theorem 4.1's limit at Λ = 1, N = 5 is u* = ‖Γ⁻¹‖^{1/2}
    const m = s1.rows[0].measured as Record<string, number>;
    const limit = paperFormulas().theorem41Limit(identity(1), 5);
    const normU = frobenius(first.U0);
    expect(m).toMatchObject({ status: 'converged', t: 7, steps: 11, distanceToMinimizer: 0.25, u: 2 });
    expect(m.normU).toBeCloseTo(normU, 14);
    expect(m.balance).toBeCloseTo(4 - normU * normU, 14);
    const dist = Math.max(Math.abs(2 - limit.u) / Math.abs(limit.u), Math.abs(first.U0[0][0] - limit.U[0][0]) / Math.abs(limit.U[0][0]));
    expect(m.distanceToTheorem41).toBeCloseTo(dist, 12);
    expect(s1.rows[0].outcome).toBe(`reaches Theorem 4.1's limit (uU → Γ⁻¹ within ${REACH_TOL}, u > 0)`);

    // d = 2: holds at every factor, up to 8192
    const s2 = r.series[1];
    expect(factors(1)).toEqual(grid);
    expect(s2.largestHolding! / s2.assumptionBound!).toBeCloseTo(8192, 9);
    expect(s2.smallestFailing).toBeNull();
    expect(s2.failingRow).toBeUndefined();
    expect(s2.summary).toMatch(/^holds at every σ tried, up to .* = 8192× the bound .*: no failure found$/);

    // d = 3: the mirror minimum from 3σ_max: bisection of [2, 4]
    const s3 = r.series[2];
    expect(s3.rows[4].holds).toBe(false);
    expect(s3.rows[4].outcome).toMatch(/^reaches a global minimum with u < 0/);
    expect(s3.largestHolding! / s3.assumptionBound!).toBeLessThan(3);
    expect(s3.smallestFailing! / s3.assumptionBound!).toBeGreaterThanOrEqual(3);

    // d = 5: undecided at the first σ: the search stops there, nothing holding, nothing failing
    const s5 = r.series[3];
    expect(factors(3)).toEqual([0.5]);
    expect(s5.rows[0].holds).toBeNull();
    expect(s5.rows[0].outcome).toBe('undecided: toy max-steps');
    expect(s5.largestHolding).toBeNull();
    expect(s5.smallestFailing).toBeNull();
    expect(s5.summary).toBe(`holds up to 0.000e+0 (0.000e+0× the bound ${fmt(s5.assumptionBound!)}); beyond, undecided: toy max-steps`);

    // d = 8: holds to 2, fails at 4; the first midpoint √8 ≈ 2.83 is undecided, which ends the bisection
    const s8 = r.series[4];
    expect(factors(4)).toEqual([0.5, 0.99, 1, 2, 4, Math.sqrt(8)]);
    expect(s8.rows.map((x) => x.holds)).toEqual([true, true, true, true, false, null]);
    expect(s8.largestHolding! / s8.assumptionBound!).toBeCloseTo(2, 12);
    expect(s8.smallestFailing! / s8.assumptionBound!).toBeCloseTo(4, 12);
    expect(s8.failingRow).toBe(s8.rows[4]);

    // the replay contract: problem k draws Λ from Stream(seed, ['explore', 'C08', k]).child('lambda') (rotated, κ = 100 here)
    const lam3 = drawCovariance('rotated', 5, new Stream(2, ['explore', 'C08', '3']).child('lambda'), { kappa: 100 });
    expect(r.series[3].assumptionBound!).toBeCloseTo(paperFormulas().theorem41SigmaBound(lam3, 20), 12);
    expect(r.smallestFailingCase?.series).toBe(LABELS[0]);
    expect(r.smallestFailingCase?.inputs.sigmaOverBound).toBeCloseTo(hi, 12);
    expect(r.findings[1]).toBe(`largest ratio to the bound: 8192× (${LABELS[1]})`);
    // numbers as users read them: 4 significant digits, exponent form outside [10⁻³, 10⁵), NaN for none
    expect(r.findings[0]).toBe(
      `largest σ found where gradient flow still reaches the global minimum: ${r.series
        .map((x) => `${x.label}: σ = ${fmt(x.largestHolding ?? NaN)} vs the bound ${fmt(x.assumptionBound!)} (${fmt((x.largestHolding ?? 0) / x.assumptionBound!)}×)`)
        .join('; ')}`,
    );
    expect(r.findings[0]).toContain('σ = NaN vs the bound');
    expect(s1.summary).toBe(`holds up to σ = ${fmt(s1.largestHolding!)} (${fmt(lo)}× the bound ${fmt(smax)}); stops at ${fmt(s1.smallestFailing!)} (${fmt(hi)}×): ${s1.failingRow!.outcome}`);
    expect(s2.summary).toBe(`holds at every σ tried, up to ${fmt(s2.largestHolding!)} = 8192× the bound ${fmt(s2.assumptionBound!)}: no failure found`);
    expect(r.findings.slice(2, 7)).toEqual(r.series.map((s) => `${s.label}: ${s.summary}`));
    // without a progress callback: the same result
    expect(explore({ claim: 'C08', vary: 'sigma', seed: 2 })).toEqual(r);
  });
});

describe('explore C08 --vary theta (toy flow)', () => {
  it('starts outside Assumption 3.3 at σ = σ_max/2: the scaled, unbalanced, sign-flipped and orthogonal starts as described', () => {
    // reaches the limit from u(0) > 0, the mirror minimum from u(0) < 0, stays put from u(0) = 0
    H.rule = (c) => (c.u0 > 0 ? { status: 'converged', u: 2, U: c.U0 } : c.u0 < 0 ? { status: 'converged', u: -2, U: c.U0 } : { status: 'max-steps', u: 0, U: c.U0 });
    const progress: unknown[][] = [];
    const r = explore({ claim: 'C08', vary: 'theta', seed: 5, onProgress: (...a) => progress.push(a) });
    expect([r.claim, r.vary, r.seed]).toEqual(['C08', 'theta', 5]);
    expect(progress).toEqual([...LABELS.map((l, k) => [k, 5, l]), [5, 5, 'done']]);
    expect(H.calls.length).toBe(5 * 12);
    const smax = Math.sqrt(2 / 1.4); // d = 1, N = 5 as above
    const calls = H.calls.slice(0, 12);
    const sigma = 0.5 * smax;
    const P = calls[0].U0.map((row) => row.map((x) => x / sigma));
    expect(frobenius(P)).toBeCloseTo(1, 12);
    const rel = (a: number, b: number) => expect(a).toBeCloseTo(b, 12);
    // Assumption 3.3; Θ not normalized (×0.01, 10, 100); u(0) = 0.1σ, 0, −0.5σ, −σ; U(0) = −σΘΘᵀ; U(0) = σΘ; near / on the stationary set
    const u0s = [1, 1, 1, 1, 0.1, 0, -0.5, -1, 1, 1, 1e-6, 0].map((a) => a * sigma);
    calls.forEach((c, k) => rel(c.u0, u0s[k]));
    const norms = [1, 1e-2, 10, 100, 1, 1, 1, 1, 1].map((a) => a * sigma);
    norms.forEach((n, k) => rel(frobenius(calls[k].U0), n));
    rel(calls[8].U0[0][0], -calls[0].U0[0][0]);
    // at d = 1 the orthogonal start is 0 (Λ² spans everything); check it at d = 2, 3, 5, 8
    for (const k of [1, 2, 3, 4]) {
      const cs = H.calls.slice(12 * k, 12 * k + 12);
      const B = cs[0].model.B;
      const sig = cs[0].u0;
      for (const c of [cs[10], cs[11]]) {
        expect(Math.abs(frobeniusDot(c.U0, B))).toBeLessThan(1e-12 * sig * frobenius(B));
        rel(frobenius(c.U0), sig);
      }
      // U(0) = σΘ: ‖Θ‖²_F = tr ΘΘᵀ; ΘΘᵀ from the Assumption 3.3 start
      const theta = cs[9].U0.map((row) => row.map((x) => x / sig));
      const tt = matmul(theta, transpose(theta));
      cs[0].U0.forEach((row, i) => row.forEach((x, j) => rel(x / sig, tt[i][j])));
      expect(frobeniusDot(cs[0].U0, B)).toBeGreaterThan(0);
      // the replay contract: problem k draws Θ from Stream(seed, ['explore', 'C08', k]).child('theta')
      const drawn = randomTheta(cs[0].d, new Stream(5, ['explore', 'C08', String(k)]).child('theta'));
      drawn.forEach((row, i) => row.forEach((x, j) => rel(theta[i][j], x)));
    }
    expect(frobenius(calls[10].U0)).toBe(0);
    const s1 = r.series[0];
    expect(s1.rows.map((x) => x.holds)).toEqual([true, true, true, true, true, null, false, false, true, true, true, false]);
    // u(0) = 0 with U(0) = σΘΘᵀ: u stays 0 but ⟨Λ², U⟩ ≠ 0, so not the stationary set: undecided
    expect(s1.rows[5].outcome).toBe('undecided: toy max-steps');
    expect(s1.rows[11].outcome).toMatch(/^stays on the stationary set/);
    expect(s1.rows[6].outcome).toMatch(/^reaches a global minimum with u < 0/);
    expect(s1.rows[1].inputs).toMatchObject({ d: 1, N: 5, family: 'identity', normThetaThetaT: 1e-2 });
    expect(s1.rows[6].inputs).toMatchObject({ uOverSigma: -0.5 });
    rel(s1.rows[0].inputs.sigma as number, sigma);
    // each row is named after its start: the scale of Θ and u(0)/σ as run, the other starts by what they are
    const names = s1.rows.map((x) => String(x.inputs.start));
    expect(names[0]).toMatch(/^Assumption 3\.3 \(balanced/);
    [1e-2, 10, 100].forEach((c, k) => expect(names[1 + k]).toBe(`Θ not normalized: ‖ΘΘᵀ‖_F = ${c}`));
    [0.1, 0, -0.5, -1].forEach((a, k) => expect(names[4 + k]).toBe(`unbalanced: u(0) = ${a}σ, U(0) = σΘΘᵀ`));
    expect(names[8]).toMatch(/^U\(0\) = −σΘΘᵀ/);
    expect(names[9]).toMatch(/^U\(0\) = σΘ \(not symmetric/);
    expect(names[10]).toMatch(/^u\(0\) = 10⁻⁶σ, U\(0\) ⟂ Λ² \(near the stationary set\)$/);
    expect(names[11]).toMatch(/^u\(0\) = 0, U\(0\) ⟂ Λ² \(on the stationary set/);
    expect(new Set(names).size).toBe(12);
    // the summary: how many reached the limit, then each start that stopped short (holds false) and where it ended
    const stopped = s1.rows.filter((x) => x.holds === false);
    expect(stopped.length).toBe(3);
    expect(s1.summary).toBe(`8/12 starts reach Theorem 4.1's limit; stops for: ${stopped.map((x) => `${names[s1.rows.indexOf(x)]} → ${x.outcome}`).join('; ')}`);
    expect(s1.largestHolding).toBeNull();
    expect(s1.smallestFailing).toBeNull();
    rel(s1.assumptionBound!, smax);
    expect(r.smallestFailingCase).toEqual({ series: LABELS[0], inputs: s1.rows[6].inputs, outcome: s1.rows[6].outcome });
    expect(s1.summary).toContain('; stops for: ');
    expect(r.findings.slice(1)).toEqual(r.series.map((s) => `${s.label}: ${s.summary}`));
  });

  it('no failing start: no smallest failing case', () => {
    H.rule = (c) => ({ status: 'converged', u: 2, U: c.U0 });
    const r = explore({ claim: 'C08', vary: 'theta', seed: 5 });
    expect(r.smallestFailingCase).toBeNull();
    expect(r.series.every((s) => s.summary === '12/12 starts reach Theorem 4.1\'s limit')).toBe(true);
  });
});
