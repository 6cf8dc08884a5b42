import { describe, expect, it } from 'vitest';
import type { ClaimReport } from '../../src/claims/run';
import { KNOWN_FINDINGS } from '../../src/claims/findings';
import { classifyFindings, verifyReport } from '../../src/report/verifyReport';

function claim(id: string, verdict: 'verified' | 'falsified', parts?: Array<[string, 'verified' | 'falsified']>): ClaimReport {
  return {
    id, source: 's', statement: 's', routes: [], toleranceDeclared: { measure: '', bound: '', justification: '' }, seed: 1, elapsedMs: 0,
    verdict, worstError: 0, tolerance: 1, worstRatio: 0, cases: 1,
    ...(verdict === 'falsified' ? { counterexample: { inputs: {}, claimed: 0, found: 1, error: 1, tolerance: 0, seed: 1, claimSeed: 1, path: '0', shrunk: false, replay: '' } } : {}),
    ...(parts ? { parts: parts.map(([pid, v]) => ({ id: pid, name: pid, verdict: v, worstError: 0, tolerance: 1 })) } : {}),
  } as unknown as ClaimReport;
}

describe('known findings', () => {
  const k = KNOWN_FINDINGS[0];

  it('a falsified part that is recorded is known; the claim still counts as falsified', () => {
    const r = verifyReport('x', 1, 1, [claim(k.claim, 'falsified', [[k.part, 'falsified'], ['other', 'verified']])], 0);
    expect(r.summary.falsified).toBe(1);
    expect(r.summary.newFalsified).toBe(0);
    expect(r.findings).toEqual([expect.objectContaining({ claim: k.claim, part: k.part, status: 'known' })]);
  });

  it('another falsified part of the same claim is new', () => {
    const r = verifyReport('x', 1, 1, [claim(k.claim, 'falsified', [[k.part, 'falsified'], ['other', 'falsified']])], 0);
    expect(r.summary.newFalsified).toBe(1);
    expect(r.findings.find((f) => f.part === 'other')?.status).toBe('new');
  });

  it('a falsified claim without parts and without a record is new', () => {
    const r = verifyReport('x', 1, 1, [claim('C08', 'falsified')], 0);
    expect(r.summary.newFalsified).toBe(1);
    expect(r.findings).toEqual([{ claim: 'C08', status: 'new' }]);
  });

  it('a recorded finding whose part verified is reported not reproduced, and is no failure', () => {
    const f = classifyFindings([claim(k.claim, 'verified', [[k.part, 'verified']])]);
    expect(f).toEqual([expect.objectContaining({ claim: k.claim, part: k.part, status: 'not reproduced' })]);
  });

  it('every recorded finding names a part of a registered claim', async () => {
    const { claimRegistry } = await import('../../src/claims/registry');
    const claims = claimRegistry();
    for (const f of KNOWN_FINDINGS) expect(claims.find((c) => c.id === f.claim)?.partIds ?? []).toContain(f.part);
  });
});
