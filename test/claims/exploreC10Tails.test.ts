/**
 * `explore --claim C10 --vary tails` (src/claims/exploreC10Tails.ts) with the χ² draw replaced by a constant
 * (χ²_ν ≡ ν/2), so a "Student-t" covariate is the Gaussian one scaled by a = √((ν − 2)/(ν/2)) and the error
 * has a closed form: at Λ = I₂, N = 20 (V* = Γ⁻¹ = I/1.15), M = 30, for x = a·z,
 *   E(ŷ − ⟨w, x_q⟩)² = a⁶·2g²(1 + 3/M) − 4g·a⁴ + 2a²,  g = 1/1.15
 * (E[wᵀS²w] = (1 + 1/M + d/M)‖w‖² for S the sample covariance of z; E‖w‖² = 2). The Monte Carlo estimate
 * must agree with it within its interval at ν = ∞ (a = 1) and at ν = 64 (a² = 1.9375, far above η + ε, so
 * the search stops there). 1500 prompts per point (the exploration's default is 40 000) keep it fast.
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/montecarlo/gamma', () => ({
  ChiSquare: class {
    constructor(readonly dof: number) {}
    draw(): number {
      return this.dof / 2;
    }
  },
}));

import { exploreC10Tails } from '../../src/claims/exploreC10Tails';
import { isSupportedExploration } from '../../src/claims/explore';
import { criticalValue } from '../../src/montecarlo/normal';
import { drawCovariance } from '../../src/random/covariance';
import { Stream } from '../../src/random/stream';
import { paperFormulas } from '../../src/theory/formulas';
import { trace } from '../../src/linalg/matrix';

const g = 1 / 1.15;
const exact = (a2: number) => a2 ** 3 * 2 * g * g * (1 + 3 / 30) - 4 * g * a2 * a2 + 2 * a2;

describe('explore C10 --vary tails (constant χ²)', () => {
  it('the estimates agree with the closed form; the search stops at the first interval above η + ε', () => {
    expect(isSupportedExploration('C10', 'tails')).toBe(true);
    const progress: unknown[][] = [];
    const r = exploreC10Tails({ claim: 'C10', vary: 'tails', seed: 1, onProgress: (...a) => progress.push(a) }, 1500);
    expect(progress).toEqual([[0, 2, 'identity, d = 2, N = 20'], [1, 2, 'rotated κ = 10, d = 3, N = 20'], [2, 2, 'done']]);
    expect([r.claim, r.vary, r.seed]).toEqual(['C10', 'tails', 1]);
    const s0 = r.series[0];
    expect(s0.label).toBe('identity, d = 2, N = 20');
    // ε = tr Λ/10 = 0.2, M = ⌈3·2/0.2⌉ = 30, η = (1 + 4 + 4)·2/400 = 0.045
    expect(s0.rows.map((x) => x.inputs)).toEqual([
      { d: 2, N: 20, M: 30, epsilon: 0.2, nu: 'Gaussian' },
      { d: 2, N: 20, M: 30, epsilon: 0.2, nu: 64 },
    ]);
    for (const [row, a2] of [
      [s0.rows[0], 1],
      [s0.rows[1], (2 * 62) / 64],
    ] as const) {
      const m = row.measured as { estimate: number; halfWidth: number; bound: number; prompts: number };
      expect(m.prompts).toBe(1500);
      expect(m.bound).toBeCloseTo(0.245, 12);
      expect(Math.abs(m.estimate - exact(a2)), `a² = ${a2}: ${m.estimate} ± ${m.halfWidth} vs ${exact(a2)}`).toBeLessThanOrEqual(m.halfWidth);
      // half-width z·sd/√n, z two-sided at 1 − 1e-3/14 (Bonferroni over 2 problems × 7 ν): the squared
      // error's sd is between ½ and 5 times its mean here
      const z = criticalValue(1 - 1e-3, 14);
      expect(m.halfWidth / ((z * m.estimate) / Math.sqrt(1500))).toBeGreaterThan(0.5);
      expect(m.halfWidth / ((z * m.estimate) / Math.sqrt(1500))).toBeLessThan(5);
    }
    expect(exact(1)).toBeLessThan(0.245);
    expect(exact(1.9375)).toBeGreaterThan(1);
    expect(s0.rows.map((x) => x.holds)).toEqual([true, false]);
    expect(s0.rows[0].outcome).toMatch(/^error [0-9.]+ ± [0-9.]+ < η \+ ε = 0\.2450$/);
    expect(s0.failingRow).toBe(s0.rows[1]);
    expect(s0.smallestFailing).toBe(64);
    expect(s0.largestHolding).toBeNull();
    expect(s0.assumptionBound).toBeNull();
    expect(s0.rows[1].outcome).toMatch(/^error [0-9.]+ ± [0-9.]+ > η \+ ε = 0\.2450$/);
    expect(s0.summary).toMatch(/^holds down to ν = Gaussian; stops at ν = 64: error .* \(M = 30, ε = 0\.200\)$/);
    for (const s of r.series) {
      for (const x of s.rows) {
        const e = x.measured as { estimate: number; halfWidth: number; bound: number };
        expect(x.holds).toBe(e.estimate + e.halfWidth <= e.bound ? true : e.estimate - e.halfWidth > e.bound ? false : null);
      }
      const stop = s.rows.findIndex((x) => x.holds === false);
      expect(s.rows.length).toBe(stop < 0 ? 7 : stop + 1);
      expect(s.failingRow).toBe(stop < 0 ? undefined : s.rows[stop]);
    }
    // the replay contract: Λ of problem k from Stream(seed, ['explore', 'C10-tails', k]).child('lambda') (rotated, κ = 10)
    const lam = drawCovariance('rotated', 3, new Stream(1, ['explore', 'C10-tails', '1']).child('lambda'), { kappa: 10 });
    expect(r.series[1].rows[0].measured.bound as number).toBeCloseTo(paperFormulas().corollary43Eta(lam, 20) + 0.1 * trace(lam), 12);
    expect(r.smallestFailingCase).toEqual({ series: 'identity, d = 2, N = 20', inputs: s0.rows[1].inputs, outcome: s0.rows[1].outcome });
    expect(r.findings[0]).toBe(`first failure found: identity, d = 2, N = 20, ν = 64: ${s0.rows[1].outcome}`);
    expect(r.findings.slice(1)).toEqual(r.series.map((s) => `${s.label}: ${s.summary}`));
    expect(exploreC10Tails({ claim: 'C10', vary: 'tails', seed: 1 }, 1500)).toEqual(r);
  });
});
