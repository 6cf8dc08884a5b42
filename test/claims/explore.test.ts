/**
 * `explore` (src/claims/explore*.ts) against values derived by hand: C03's negative-eigenvalue count is
 * min(N, d) + 1 (rank of E plus one); C10's noise boundary is where the exact error, affine in s², meets
 * η + ε (closed forms at Λ = I).
 * Fast: both are exact (< 0.5 s). C10 tails: exploreC10Tails.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { explore, firstFailure, isSupportedExploration, supportedExplorations, type ExploreSeries } from '../../src/claims/explore';
import { countNegative } from '../../src/claims/exploreC03';
import { drawCovariance } from '../../src/random/covariance';
import { Stream } from '../../src/random/stream';
import { paperFormulas } from '../../src/theory/formulas';
import { trace } from '../../src/linalg/matrix';

describe('explore: dispatch and the first failure', () => {
  it('lists the supported pairs and refuses others', () => {
    expect(supportedExplorations()).toEqual(['C03 --vary N', 'C08 --vary sigma', 'C08 --vary theta', 'C10 --vary noise', 'C10 --vary tails']);
    expect(isSupportedExploration('C08', 'sigma')).toBe(true);
    expect(isSupportedExploration('C08', 'N')).toBe(false);
    expect(isSupportedExploration('C99', 'N')).toBe(false);
    expect(() => explore({ claim: 'C03', vary: 'sigma', seed: 1 })).toThrow(
      new RangeError('no exploration of C03 along sigma (supported: C03 --vary N; C08 --vary sigma; C08 --vary theta; C10 --vary noise; C10 --vary tails)'),
    );
    expect(() => explore({ claim: 'C99', vary: 'N', seed: 1 })).toThrow(RangeError);
  });

  it('firstFailure: the bisected failing row of the first series that has one, else its first failing row, else null', () => {
    const row = (x: number, holds: boolean | null) => ({ inputs: { x }, holds, outcome: `o${x}`, measured: {} });
    const s = (label: string, rows: ReturnType<typeof row>[], failingRow?: ReturnType<typeof row>): ExploreSeries => ({ label, assumptionBound: null, rows, largestHolding: null, smallestFailing: null, failingRow, summary: '' });
    expect(firstFailure([])).toBeNull();
    expect(firstFailure([s('a', [row(1, true), row(2, null)])])).toBeNull();
    expect(firstFailure([s('a', [row(1, true)]), s('b', [row(2, true), row(3, false), row(4, false)])])).toEqual({ series: 'b', inputs: { x: 3 }, outcome: 'o3' });
    expect(firstFailure([s('a', [row(1, false)], row(9, false)), s('b', [row(3, false)])])).toEqual({ series: 'a', inputs: { x: 9 }, outcome: 'o9' });
  });
});

describe('explore C03 --vary N', () => {
  it('countNegative: below −n·64u·max|λ| only', () => {
    const u = 2 ** -53;
    expect(countNegative([-1, -0.5, 2, 0])).toBe(2);
    // threshold for 4 values of max 2: 4·64·u·2 = 512u
    expect(countNegative([-600 * u, -400 * u, 2, 1])).toBe(1);
    expect(countNegative([-2, 1, 1, 1])).toBe(1);
    expect(countNegative([0, 0])).toBe(0);
  });

  it('the count is min(N, d) + 1, so "at least d + 1" holds exactly when N ≥ d; smallest failure d = 2, N = 1', () => {
    const progress: unknown[][] = [];
    const r = explore({ claim: 'C03', vary: 'N', seed: 4, onProgress: (...a) => progress.push(a) });
    expect(progress).toEqual([...[1, 2, 3, 4, 5, 6].map((d) => [d - 1, 6, `d = ${d}`]), [6, 6, 'done']]);
    expect([r.claim, r.vary, r.seed]).toEqual(['C03', 'N', 4]);
    expect(r.series.map((s) => s.label)).toEqual(['d = 1', 'd = 2', 'd = 3', 'd = 4', 'd = 5', 'd = 6']);
    for (const [k, s] of r.series.entries()) {
      const d = k + 1;
      expect(s.rows.map((x) => x.inputs)).toEqual(Array.from({ length: d + 2 }, (_, i) => ({ d, N: i + 1 })));
      expect(s.rows.map((x) => x.measured.negative)).toEqual(Array.from({ length: d + 2 }, (_, i) => Math.min(i + 1, d) + 1));
      expect(s.rows.map((x) => x.holds)).toEqual(Array.from({ length: d + 2 }, (_, i) => i + 1 >= d));
      expect(s.rows.every((x) => x.measured.claimedAtLeast === d + 1)).toBe(true);
      expect(s.rows.map((x) => x.measured.minNdPlus1)).toEqual(Array.from({ length: d + 2 }, (_, i) => Math.min(i + 1, d) + 1));
      expect(s.largestHolding).toBe(d + 2);
      expect(s.smallestFailing).toBe(d === 1 ? null : 1);
      expect(s.assumptionBound).toBeNull();
      expect(s.summary).toBe(d === 1 ? 'holds for every N tried (1..3)' : `fails for N ≤ ${d - 1}, holds from N = ${d}; counts ${Array.from({ length: d + 2 }, (_, i) => Math.min(i + 1, d) + 1).join(', ')} for N = 1..${d + 2}`);
    }
    expect(r.smallestFailingCase).toEqual({ series: 'd = 2', inputs: { d: 2, N: 1 }, outcome: '2 negative eigenvalues (the remark: at least 3)' });
    expect(r.findings[0]).toBe('smallest failing case: d = 2, N = 1: 2 negative eigenvalues (the remark: at least 3)');
    expect(r.findings.slice(2)).toEqual(r.series.map((s) => `${s.label}: ${s.summary}`));
    // without a progress callback, and again: the same result
    expect(explore({ claim: 'C03', vary: 'N', seed: 4 })).toEqual(r);
  });
});

describe('explore C10 --vary noise', () => {
  it('bisects to where the exact error (affine in s²) meets η + ε; at Λ = I, d = 1, N = 10 that is s = √((0.14 − e₀)/c) by hand', () => {
    const progress: unknown[][] = [];
    const r = explore({ claim: 'C10', vary: 'noise', seed: 3, onProgress: (...a) => progress.push(a) });
    expect(progress).toEqual([[0, 3, 'identity, d = 1, N = 10'], [1, 3, 'identity, d = 3, N = 20'], [2, 3, 'rotated κ = 10, d = 5, N = 20'], [3, 3, 'done']]);
    expect([r.claim, r.vary, r.seed]).toEqual(['C10', 'noise', 3]);
    // Λ = 1, N = 10: Γ = 1 + 1/10 + 1/10 = 1.2, g = 1/Γ; ε = 0.1, M = ⌈2/0.1⌉ = 20, η = (1 + 2 + 1)/100 = 0.04;
    // noiseless error (1 + 1/M)g² + g²/M − 2g + 1; the noise adds g²s²/M
    const g = 1 / 1.2;
    const e0 = (1 + 1 / 20) * g * g + (g * g) / 20 - 2 * g + 1;
    const c = (g * g) / 20;
    const sStar = Math.sqrt((0.14 - e0) / c);
    const s0 = r.series[0];
    expect(s0.label).toBe('identity, d = 1, N = 10');
    expect(s0.rows[0].inputs).toEqual({ d: 1, N: 10, M: 20, epsilon: 0.1, noiseStd: 0 });
    expect(s0.rows[0].measured.error as number).toBeCloseTo(e0, 12);
    expect(s0.rows[0].measured.bound as number).toBeCloseTo(0.14, 12);
    expect(s0.largestHolding!).toBeLessThanOrEqual(sStar * (1 + 1e-12));
    expect(s0.smallestFailing!).toBeGreaterThanOrEqual(sStar * (1 - 1e-12));
    expect(s0.smallestFailing! - s0.largestHolding!).toBeLessThanOrEqual(1e-6 * s0.smallestFailing!);
    expect(s0.smallestFailing! - s0.largestHolding!).toBeGreaterThan(0);
    // the grid: 0, 2⁻⁶, 2⁻⁵, … until the first failure (2¹ = 2 > s*), then bisection
    expect(s0.rows.slice(0, 9).map((x) => x.inputs.noiseStd)).toEqual([0, 2 ** -6, 2 ** -5, 2 ** -4, 2 ** -3, 2 ** -2, 2 ** -1, 1, 2]);
    expect(s0.rows[8].holds).toBe(false);
    for (const s of r.series) {
      expect(s.assumptionBound).toBe(0);
      for (const x of s.rows) expect(x.holds).toBe((x.measured.error as number) <= (x.measured.bound as number));
      // affine in s²: the boundary from two rows
      const [a, b] = [s.rows[1], s.rows[7]];
      const [sa, sb] = [a.inputs.noiseStd as number, b.inputs.noiseStd as number];
      const slope = ((b.measured.error as number) - (a.measured.error as number)) / (sb * sb - sa * sa);
      const root = Math.sqrt(((a.measured.bound as number) - (a.measured.error as number)) / slope + sa * sa);
      expect(s.largestHolding!).toBeLessThanOrEqual(root * (1 + 1e-9));
      expect(s.smallestFailing!).toBeGreaterThanOrEqual(root * (1 - 1e-9));
      expect(s.smallestFailing! / s.largestHolding! - 1).toBeLessThanOrEqual(1.01e-6);
      // bisection stops as soon as the bracket is within 1e-6 relative: one halving before, it was not
      expect(s.smallestFailing! - s.largestHolding!).toBeGreaterThan(0.5e-6 * s.smallestFailing! * (1 - 1e-9));
      expect(s.failingRow?.inputs.noiseStd).toBe(s.smallestFailing);
      expect(s.failingRow?.holds).toBe(false);
      expect(s.summary).toBe(`holds up to s = ${s.largestHolding!.toPrecision(4)}, stops at s = ${s.smallestFailing!.toPrecision(4)} (M = ${s.rows[0].inputs.M}, ε = ${(s.rows[0].inputs.epsilon as number).toPrecision(3)})`);
    }
    expect(r.findings[0]).toBe(`smallest failing case: identity, d = 1, N = 10, s = ${s0.smallestFailing}: ${s0.failingRow!.outcome}`);
    expect(s0.failingRow!.outcome).toBe(`error ${(s0.failingRow!.measured.error as number).toPrecision(4)} > η + ε = 0.1400`);
    expect(s0.rows[0].outcome).toBe(`error ${e0.toPrecision(4)} ≤ η + ε = 0.1400`);
    expect(r.smallestFailingCase?.series).toBe('identity, d = 1, N = 10');
    expect(r.smallestFailingCase?.inputs.noiseStd).toBe(s0.smallestFailing);
    expect(explore({ claim: 'C10', vary: 'noise', seed: 3 })).toEqual(r);
    // ε = tr Λ/10: Λ = I₃ gives 0.3, M = ⌈4·3/0.3⌉ = 40
    expect(r.series[1].rows[0].inputs).toEqual({ d: 3, N: 20, M: 40, epsilon: 0.30000000000000004, noiseStd: 0 });
    expect(r.findings.slice(1)).toEqual(r.series.map((s) => `${s.label}: ${s.summary}`));
    // the replay contract: problem k draws Λ from Stream(seed, ['explore', 'C10', k]) (rotated, κ = 10 here)
    const lam = drawCovariance('rotated', 5, new Stream(3, ['explore', 'C10', '2']), { kappa: 10 });
    expect(r.series[2].rows[0].measured.bound as number).toBeCloseTo(paperFormulas().corollary43Eta(lam, 20) + 0.1 * trace(lam), 12);
    // and its noiseless error is Theorem 4.2's at that Λ (spectrum drawn: the error depends on more than tr Λ),
    // M = ⌈6·tr Λ/(0.1·tr Λ)⌉ = 60
    expect(r.series[2].rows[0].inputs).toEqual({ d: 5, N: 20, M: 60, epsilon: 0.1 * trace(lam), noiseStd: 0 });
    const err0 = paperFormulas().theorem42Error(lam, 20, 60);
    expect(Math.abs((r.series[2].rows[0].measured.error as number) - err0)).toBeLessThanOrEqual(1e-9 * err0);
    const other = drawCovariance('rotated', 5, new Stream(3, ['explore', 'C10', '1']), { kappa: 10 });
    expect(Math.abs(paperFormulas().theorem42Error(other, 20, 60) - err0)).toBeGreaterThan(1e-6 * err0);
  });
});
