/** CheckResult is a union on `verdict`: a counterexample exists exactly when falsified, an inconclusive
 * result says why; parts combine into one verdict whose counterexample names its part. */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { combineParts, replayCommand, runParts } from '../../src/contract/parts';
import type { CheckResult, Counterexample, FalsifiedResult, InconclusiveResult, VerifiedResult } from '../../src/contract/types';

const ce = (claim: string, path: string): Counterexample => ({
  claim,
  inputs: { d: 1 },
  claimed: 1,
  found: 2,
  error: 1,
  tolerance: 0.5,
  seed: 7,
  claimSeed: 123,
  path,
  shrunk: true,
  replay: replayCommand({ claim, seed: 7, path }),
});
const common = { worstError: 0.1, tolerance: 1, worstRatio: 0.1, cases: 3 };
const ok: CheckResult = { verdict: 'verified', ...common };
const bad: CheckResult = { verdict: 'falsified', ...common, worstError: 2, worstRatio: 2, counterexample: ce('C10', '3:0:1') };
const unsure: CheckResult = { verdict: 'inconclusive', ...common, reason: 'a route threw' };

describe('CheckResult as a union', () => {
  it('types: a counterexample only when falsified, a reason only when inconclusive', () => {
    expectTypeOf<FalsifiedResult['counterexample']>().toEqualTypeOf<Counterexample>();
    expectTypeOf<InconclusiveResult['reason']>().toEqualTypeOf<string>();
    expectTypeOf<VerifiedResult['counterexample']>().toEqualTypeOf<undefined>();
    const narrow = (r: CheckResult): string => (r.verdict === 'falsified' ? r.counterexample.replay : r.verdict === 'inconclusive' ? r.reason : 'ok');
    expect([ok, bad, unsure].map(narrow)).toEqual(['ok', "icl-audit verify --claims C10 --seed 7 --replay '3:0:1'", 'a route threw']);
    // @ts-expect-error a falsified result without a counterexample does not type-check
    const noCe: CheckResult = { verdict: 'falsified', ...common };
    // @ts-expect-error a verified result with a counterexample does not type-check
    const okCe: CheckResult = { verdict: 'verified', ...common, counterexample: ce('C01', '1') };
    // @ts-expect-error an inconclusive result must say why
    const noReason: CheckResult = { verdict: 'inconclusive', ...common };
    expect([noCe, okCe, noReason].length).toBe(3);
  });

  it('combineParts: the first falsified part gives the counterexample, naming the part in its replay', () => {
    const r = combineParts([
      { id: 'derived', name: 'derived', result: ok },
      { id: 'general', name: 'general', result: bad },
      { id: 'rate', name: 'rate', result: unsure },
    ]);
    expect(r.verdict).toBe('falsified');
    if (r.verdict !== 'falsified') return;
    expect(r.counterexample.part).toBe('general');
    expect(r.counterexample.replay).toBe("icl-audit verify --claims C10 --part general --seed 7 --replay '3:0:1'");
    expect(r.parts?.map((p) => [p.id, p.verdict])).toEqual([
      ['derived', 'verified'],
      ['general', 'falsified'],
      ['rate', 'inconclusive'],
    ]);
    expect(r.cases).toBe(9);
  });

  it('combineParts: inconclusive parts give their reasons; no parts is inconclusive', () => {
    const r = combineParts([
      { id: 'a', name: 'a', result: ok },
      { id: 'b', name: 'b', result: unsure },
    ]);
    expect(r.verdict === 'inconclusive' && r.reason).toBe('b: a route threw');
    expect(combineParts([]).verdict).toBe('inconclusive');
    expect(combineParts([{ id: 'a', name: 'a', result: ok }]).verdict).toBe('verified');
  });

  it('runParts runs only the part the context names', async () => {
    const ran: string[] = [];
    const part = (id: string) => ({ id, name: id, run: () => (ran.push(id), ok) });
    const r = await runParts([part('x'), part('y')], { seed: 1, runs: 1, part: 'y' });
    expect(ran).toEqual(['y']);
    expect(r.parts?.map((p) => p.id)).toEqual(['y']);
    const none = await runParts([part('x')], { seed: 1, runs: 1, part: 'z' });
    expect(none.verdict === 'inconclusive' && none.reason).toMatch(/no part 'z'/);
  });
});
