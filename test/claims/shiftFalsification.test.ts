/**
 * The shift claims can fail: deliberately wrong statements fed through the same machinery come out
 * falsified in the part that checks them (and the paper's own statements do not, except where the
 * paper is wrong: C14's "as stated" part and C17's conditional statement).
 */
import { describe, expect, it } from 'vitest';
import { matmul, inverse, scale, diag, type Mat } from '../../src/linalg/matrix';
import { shiftFormulas } from '../../src/theory/shifts';
import { c11TaskShift } from '../../src/claims/c11TaskShift';
import { c13CovariateShift } from '../../src/claims/c13CovariateShift';
import { c15PromptLength } from '../../src/claims/c15PromptLength';
import { c16Theorem45 } from '../../src/claims/c16Theorem45';
import { c17RandomCovLimit } from '../../src/claims/c17RandomCovLimit';
import type { Claim } from '../../src/contract/types';

async function partVerdict(claim: Claim, partName: RegExp): Promise<string> {
  const r = await claim.check({ seed: 7, runs: 20 });
  const p = r.parts?.find((x) => partName.test(x.name));
  if (!p) throw new Error(`no part matching ${partName}`);
  return p.verdict;
}

describe('wrong shift formulas are falsified', () => {
  it('C11: Theorem 4.2 with the bias over N instead of N²', async () => {
    const good = shiftFormulas();
    const f = shiftFormulas({ theorem42TaskShiftError: (l, n, m, t, s2) => good.theorem42TaskShiftError(l, Math.sqrt(n), m, t, s2) });
    expect(await partVerdict(c11TaskShift(f), /Theorem 4.2/)).toBe('falsified');
  });
  it('C13: covariates scaled by c read as ŷ ≈ c·x_qᵀw (c instead of c²)', async () => {
    const f = shiftFormulas({ section42LimitMap: (l: Mat, lp: Mat) => { const t = matmul(inverse(l), lp); return scale(t, 1 / Math.sqrt(t[0][0])); } });
    expect(await partVerdict(c13CovariateShift(f), /c² law pointwise/)).toBe('falsified');
  });
  it('C15: a limit of 0 (no error left at finite N)', async () => {
    const f = shiftFormulas({ shiftedLimitError: () => 0 });
    expect(await partVerdict(c15PromptLength(f), /derived/)).toBe('falsified');
  });
  it('C16: Q without the (N+1)/N factor', async () => {
    const f = shiftFormulas({ theorem45Q: (mom, d, n) => diag(new Array<number>(d).fill(mom(2) / (mom(3) + (mom(3) + (d - 1) * mom(2) * mom(1)) / n))) });
    expect(await partVerdict(c16Theorem45(f), /\(4.12\): Q/)).toBe('falsified');
  });
  it('C17: a slope of ½ instead of m₁m₂/m₃', async () => {
    const f = shiftFormulas({ eq413Slope: () => 0.5 });
    expect(await partVerdict(c17RandomCovLimit(f), /slope m₁V_jj/)).toBe('falsified');
  });
  it("the paper's own formulas pass those parts", async () => {
    expect(await partVerdict(c13CovariateShift(), /c² law pointwise/)).toBe('verified');
    expect(await partVerdict(c16Theorem45(), /\(4.12\): Q/)).toBe('verified');
  });
});
