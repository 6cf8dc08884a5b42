/** The claims table shows a falsified claim's counterexample and how to replay it. */
import { describe, expect, it } from 'vitest';
import { add, identity, scale, trace, type Mat } from '../../src/linalg/matrix';
import { paperFormulas } from '../../src/theory/formulas';
import { claimRegistry } from '../../src/claims/registry';
import { runClaims } from '../../src/claims/run';
import { renderVerifyReport, verifyReport } from '../../src/report/verifyReport';

const wrongGamma = (lambda: Mat, n: number): Mat => add(lambda, scale(identity(lambda.length), trace(lambda) / n));

describe('renderVerifyReport', () => {
  it('prints the verdict, the shrunk inputs, both values and the replay command of a falsified claim', async () => {
    const claims = claimRegistry(paperFormulas({ gamma: wrongGamma })).filter((c) => c.id === 'C06');
    const results = await runClaims(claims, { seed: 3, runs: 30 });
    const report = verifyReport('test', 3, 30, results, 0);
    const text = renderVerifyReport(report);
    expect(report.summary).toEqual({ verified: 0, falsified: 1, inconclusive: 0, newFalsified: 1 });
    expect(text).toMatch(/C06\s+Lemma 5\.3 .*\s+falsified/);
    expect(text).toMatch(/C06 counterexample \(part minimizer\): \{"d":1,/);
    expect(text).toContain('claimed');
    expect(text).toContain(`icl-audit verify --claims C06 --part minimizer --seed 3 --replay '`);
    expect(text).toMatch(/C06 counterexample \(part minimizer\)/);
    expect(text).toMatch(/0 verified, 1 falsified \(1 new, 0 known findings only\), 0 inconclusive/);
  });
});
