/** `icl-audit/vitest`: claims and formulas registered as tests, seeded from ICL_AUDIT_SEED, failing with the counterexample and replay. */
import { afterEach, describe, expect, it } from 'vitest';
import { assertClaim, assertFormula, auditSeed, claimFailureMessage, describeClaims, itChecksFormula } from '../../src/vitest/index';
import type { ClaimReport } from '../../src/claims/run';

// Registered through the helpers themselves: these run as ordinary tests of this file.
describeClaims({ claims: ['C06'], runs: 5 });
itChecksFormula('the paper’s minimizer Γ⁻¹ (registered by itChecksFormula)', { quantity: 'minimizer', formula: 'inv((1+1/N)*Lambda + trace(Lambda)/N*I)', runs: 10 });
itChecksFormula('a known misreading pinned as falsified', { quantity: 'minimizer', formula: 'inv(Lambda + trace(Lambda)/N*I)', runs: 10, expect: 'falsified' });

describe('the helpers fail with what replays the failure', () => {
  const saved = process.env.ICL_AUDIT_SEED;
  afterEach(() => {
    if (saved === undefined) delete process.env.ICL_AUDIT_SEED;
    else process.env.ICL_AUDIT_SEED = saved;
  });

  it('takes the seed from ICL_AUDIT_SEED and refuses a seed that is not an integer', () => {
    process.env.ICL_AUDIT_SEED = '42';
    expect(auditSeed()).toBe(42);
    delete process.env.ICL_AUDIT_SEED;
    expect(auditSeed()).toBe(1);
    process.env.ICL_AUDIT_SEED = 'abc';
    expect(() => auditSeed()).toThrow(/ICL_AUDIT_SEED must be an integer/);
  });

  it('a wrong formula rejects with the smallest counterexample, the seed and the replay command', async () => {
    process.env.ICL_AUDIT_SEED = '17';
    const err = await assertFormula({ quantity: 'minimizer', formula: 'inv(Lambda)', runs: 10 }).then(
      () => null,
      (e: Error) => e,
    );
    expect(err).not.toBeNull();
    expect(err!.message).toMatch(/falsified at ICL_AUDIT_SEED=17/);
    expect(err!.message).toMatch(/smallest counterexample: d = 1, N = 1, M = 1/);
    expect(err!.message).toMatch(/replay: npx icl-audit check --quantity minimizer --formula 'inv\(Lambda\)' --seed 17 --runs \d+/);
  });

  it('a formula expected falsified that verifies fails too', async () => {
    await expect(assertFormula({ quantity: 'gamma', formula: '(1+1/N)*Lambda + trace(Lambda)/N*I', runs: 5, expect: 'falsified' })).rejects.toThrow(/expected falsified/);
  });

  it('a verified claim resolves with its report', async () => {
    const c = await assertClaim('C06', { runs: 3, seed: 5 });
    expect(c.verdict).toBe('verified');
  });

  it('a falsified claim’s message carries the counterexample and its replay', () => {
    const c = {
      id: 'C99', source: 'Lemma X', statement: '', routes: [], toleranceDeclared: { measure: '', bound: '', justification: '' }, seed: 3, elapsedMs: 0,
      verdict: 'falsified', worstError: 0.5, tolerance: 1e-12, worstRatio: 5e11, cases: 4,
      counterexample: { claim: 'C99', inputs: { d: 1, N: 2 }, claimed: 1, found: 2, error: 0.5, tolerance: 1e-12, seed: 9, claimSeed: 3, path: '1:0', shrunk: true, replay: 'icl-audit verify --claims C99 --seed 9 --replay 1:0' },
    } as unknown as ClaimReport;
    const m = claimFailureMessage(c, 9, 100);
    expect(m).toMatch(/C99 \(Lemma X\) falsified at ICL_AUDIT_SEED=9/);
    expect(m).toMatch(/counterexample: \{"d":1,"N":2\}/);
    expect(m).toMatch(/replay: npx icl-audit verify --claims C99 --seed 9 --replay 1:0/);
  });
});
