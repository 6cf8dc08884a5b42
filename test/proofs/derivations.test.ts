/**
 * The derivations: every one verifies at d = 1 (d = 2 runs in the CLI test), a wrong model definition
 * (attention divided by N + 1) makes P2 and P5 report a mismatch at the paper's statement, and the
 * registry entries map results to verdicts.
 */
import { describe, expect, it } from 'vitest';
import { derivations } from '../../proofs/index';
import { P2 } from '../../proofs/p2';
import { P5 } from '../../proofs/p5';
import { symbolicClaims, symbolicRoutes } from '../../proofs/claims';
import { expOneMoments, limitAtInfinity } from '../../proofs/solve';
import { WRONG_NORMALIZER_MODEL } from '../../src/symbolic/model';
import { constant, sym } from '../../src/symbolic/poly';
import { RatFunc } from '../../src/symbolic/ratfunc';

describe('derivations at d = 1', () => {
  it('P1–P7 all verified, every step verified, ids P<k>-d1', async () => {
    for (const p of derivations) {
      const r = await p.run({ d: 1, monteCarlo: false });
      expect(r.id).toBe(`${p.id}-d1`);
      expect(r.steps.filter((s) => s.verdict !== 'verified').map((s) => `${s.name}: ${s.detail}`)).toEqual([]);
      expect(r.verdict).toBe('verified');
    }
  });
  it('reject a dimension outside the derivation’s range', async () => {
    await expect(P5.run({ d: 4 })).rejects.toThrow(/d must be an integer from 1 to 3/);
  });
});

describe('a wrong definition is caught', () => {
  it('P2 with attention / (N + 1): the comparison with spec §3 is falsified, by both engines and numerically', async () => {
    const r = await P2.run({ d: 1, model: WRONG_NORMALIZER_MODEL, monteCarlo: false });
    expect(r.verdict).toBe('falsified');
    const bad = r.steps.filter((s) => s.verdict === 'falsified').map((s) => s.name);
    expect(bad.some((n) => n.includes('spec §3'))).toBe(true);
    expect(bad.some((n) => n.startsWith('nerdamer'))).toBe(true);
    expect(bad.some((n) => n.includes('src/moments'))).toBe(true);
    expect(r.notes?.[0]).toMatch(/wrong on purpose/);
  });
  it('P5 with attention / (N + 1): V* ≠ Γ⁻¹ is reported', async () => {
    const r = await P5.run({ d: 1, model: WRONG_NORMALIZER_MODEL, monteCarlo: false });
    expect(r.verdict).toBe('falsified');
    expect(r.steps.find((s) => s.name.includes('V* = Γ⁻¹'))?.verdict).toBe('falsified');
  });
});

describe('exact helpers', () => {
  it('limit M → ∞ of (2M² + 3)/(M²·x) is 2/x; Exp(1) moments E λ² = 2, E λ³ = 6', () => {
    const M = sym('M');
    const r = new RatFunc(M.pow(2).scale(2).add(constant(3)), M.pow(2).mul(sym('x')));
    expect(limitAtInfinity(r, 'M').toString()).toBe('(2)/((x))');
    expect(expOneMoments(sym('l').pow(2).add(sym('l').pow(3).mul(sym('y'))), ['l']).toString()).toBe('2 + 6*y');
  });
});

describe('registry entries', () => {
  it("C02, C04 with exact tolerances; C03's symbolic route (P6) verified", async () => {
    const claims = symbolicClaims();
    expect(claims.map((c) => c.id)).toEqual(['C02', 'C04']);
    for (const c of claims) expect(c.tolerance.bound).toBe('0');
    const r = await symbolicRoutes.C03({ seed: 7, runs: 1 });
    expect(r.verdict).toBe('verified');
    expect(r.worstRatio).toBe(0);
    expect(r.parts?.map((p) => p.name)).toEqual(['P6-d1', 'P6-d2']);
  });
  it('routes for C01, C03, C05, C06, C08, C10', async () => {
    expect(Object.keys(symbolicRoutes).sort()).toEqual(['C01', 'C03', 'C05', 'C06', 'C08', 'C10']);
    const r = await symbolicRoutes.C06({ seed: 3, runs: 1 });
    expect(r.verdict).toBe('verified');
    expect(r.notes?.[0]).toMatch(/P5-d1 verified, P5-d2 verified/);
  });
});
