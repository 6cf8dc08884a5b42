/**
 * withSymbolicPart (src/claims/symbolicPart.ts) on toy claims and a stubbed symbolic route: the claim's
 * verdict needs both routes; `--part symbolic` runs the symbolic route alone, any other part the numeric
 * route alone; the counterexample names the part it came from; inconclusive reasons are joined.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckContext, CheckResult, Claim, Counterexample } from '../../src/contract/types';

const H = vi.hoisted(() => ({ sym: null as null | CheckResult, symCalls: [] as CheckContext[] }));
vi.mock('../../proofs/claims', () => ({
  symbolicRoutes: {
    T1: async (ctx: CheckContext) => (H.symCalls.push(ctx), H.sym!),
    T2: async (ctx: CheckContext) => (H.symCalls.push(ctx), H.sym!),
  },
  symbolicClaims: () => [],
}));

import { withSymbolicPart } from '../../src/claims/symbolicPart';

const TOL = { measure: 'm', bound: 'b', justification: 'j' };
const ce = (claim: string, part?: string): Counterexample => ({
  claim,
  ...(part ? { part } : {}),
  inputs: { d: 2 },
  claimed: 1,
  found: 2,
  error: 5,
  tolerance: 1,
  seed: 3,
  claimSeed: 4,
  path: '1:2',
  shrunk: true,
  replay: 'old',
});
const verified = (err: number, notes: string[] = []): CheckResult => ({ verdict: 'verified', worstError: err, tolerance: 1, worstRatio: err, cases: 2, notes });
const inconclusive = (reason: string): CheckResult => ({ verdict: 'inconclusive', reason, worstError: NaN, tolerance: 1, worstRatio: NaN, cases: 1, notes: [] });
const falsified = (c: Counterexample): CheckResult => ({ verdict: 'falsified', worstError: 5, tolerance: 1, worstRatio: 5, cases: 3, counterexample: c, notes: ['n-f'] });

let numeric: CheckResult = verified(0.25);
const numCalls: CheckContext[] = [];
function toy(id: string, partIds?: string[]): Claim {
  return { id, source: 's', statement: 't', routes: ['theory', 'moments', 'lsa'], tolerance: TOL, ...(partIds ? { partIds } : {}), check: async (ctx) => (numCalls.push(ctx), numeric) };
}

beforeEach(() => {
  H.symCalls.length = 0;
  numCalls.length = 0;
  numeric = verified(0.25, ['n1']);
  H.sym = verified(0, ['s1']);
});

describe('withSymbolicPart', () => {
  it('leaves a claim without a symbolic route unchanged', () => {
    const c = toy('T9');
    expect(withSymbolicPart(c)).toBe(c);
  });

  it('adds the route and the part: numeric parts kept, or the part numeric', () => {
    const a = withSymbolicPart(toy('T1'));
    expect(a.partIds).toEqual(['numeric', 'symbolic']);
    expect(a.routes).toEqual(['theory', 'moments', 'lsa', 'symbolic (exact, d = 1, 2)']);
    expect(a.id).toBe('T1');
    const b = withSymbolicPart(toy('T2', ['x', 'y']));
    expect(b.partIds).toEqual(['x', 'y', 'symbolic']);
  });

  it('both verified: verified, with the numeric headline numbers, both parts, both notes', async () => {
    const r = await withSymbolicPart(toy('T1')).check({ seed: 8, runs: 2 });
    expect(r).toEqual({
      verdict: 'verified',
      worstError: 0.25,
      tolerance: 1,
      worstRatio: 0.25,
      cases: 2,
      parts: [
        { id: 'numeric', name: 'moments + lsa', verdict: 'verified', worstError: 0.25, tolerance: 1, cases: 2 },
        { id: 'symbolic', name: 'symbolic identities (d = 1, 2)', verdict: 'verified', worstError: 0, tolerance: 1, cases: 2 },
      ],
      notes: ['n1', 's1'],
    });
    expect(numCalls.map((c) => c.part)).toEqual([undefined]);
    expect(H.symCalls.map((c) => c.seed)).toEqual([8]);
  });

  it('a claim with parts keeps them and gets the symbolic one after', async () => {
    numeric = { ...verified(0.5), parts: [{ id: 'x', name: 'X', verdict: 'verified', worstError: 0.5, tolerance: 1 }] };
    H.sym = { ...verified(0), notes: undefined } as CheckResult;
    const r = await withSymbolicPart(toy('T2', ['x'])).check({ seed: 8, runs: 2 });
    expect(r.parts?.map((p) => p.id)).toEqual(['x', 'symbolic']);
    expect(r.notes).toEqual([]);
    expect(r.verdict).toBe('verified');
  });

  it('--part symbolic runs the symbolic route alone', async () => {
    H.sym = falsified(ce('T1'));
    const r = await withSymbolicPart(toy('T1')).check({ seed: 8, runs: 2, part: 'symbolic' });
    expect(numCalls).toEqual([]);
    expect(r.parts?.map((p) => [p.id, p.name])).toEqual([['symbolic', 'symbolic identities (d = 1, 2)']]);
    expect(r.verdict).toBe('falsified');
    expect(r.counterexample?.part).toBe('symbolic');
  });

  it('--part numeric (a claim without parts) runs the numeric route alone, as a whole', async () => {
    numeric = falsified(ce('T1'));
    const r = await withSymbolicPart(toy('T1')).check({ seed: 8, runs: 2, part: 'numeric' });
    expect(H.symCalls).toEqual([]);
    expect(numCalls.map((c) => c.part)).toEqual([undefined]);
    expect(r.verdict).toBe('falsified');
    expect(r.parts?.map((p) => p.id)).toEqual(['numeric']);
    expect(r.counterexample?.part).toBe('numeric');
    expect(r.counterexample?.replay).toBe("icl-audit verify --claims T1 --part numeric --seed 3 --replay '1:2'");
  });

  it('--part x (a claim with parts) passes the part to the numeric route and returns its result', async () => {
    numeric = verified(0.5);
    const r = await withSymbolicPart(toy('T2', ['x', 'y'])).check({ seed: 8, runs: 2, part: 'x' });
    expect(numCalls.map((c) => c.part)).toEqual(['x']);
    expect(H.symCalls).toEqual([]);
    expect(r).toBe(numeric);
  });

  it('numeric falsified: falsified with the numeric counterexample (named numeric), even when the symbolic is too', async () => {
    numeric = falsified(ce('T1'));
    H.sym = falsified(ce('T1', 'P1-d1'));
    const r = await withSymbolicPart(toy('T1')).check({ seed: 8, runs: 2 });
    expect(r.verdict).toBe('falsified');
    expect(r.counterexample?.part).toBe('numeric');
    expect(r.parts?.map((p) => p.verdict)).toEqual(['falsified', 'falsified']);
    expect(r.worstError).toBe(5);
    expect(r.notes).toEqual(['n-f', 'n-f']);
  });

  it('a claim with parts: its counterexample keeps its own part', async () => {
    numeric = { ...falsified(ce('T2', 'y')), notes: undefined } as CheckResult;
    H.sym = { ...verified(0), notes: undefined } as CheckResult;
    const r = await withSymbolicPart(toy('T2', ['x', 'y'])).check({ seed: 8, runs: 2 });
    expect(r.counterexample).toBe(numeric.counterexample);
    // a numeric result without parts or notes: only the symbolic part, no notes
    expect(r.parts?.map((p) => p.id)).toEqual(['symbolic']);
    expect(r.notes).toEqual([]);
  });

  it('only the symbolic falsified: falsified, the counterexample in part symbolic', async () => {
    H.sym = falsified(ce('T1'));
    const r = await withSymbolicPart(toy('T1')).check({ seed: 8, runs: 2 });
    expect(r.verdict).toBe('falsified');
    expect(r.counterexample?.part).toBe('symbolic');
    expect(r.counterexample?.replay).toBe("icl-audit verify --claims T1 --part symbolic --seed 3 --replay '1:2'");
    expect(r.worstError).toBe(0.25);
  });

  it('inconclusive on either side: inconclusive, with the reasons joined', async () => {
    for (const [n, s, reason] of [
      [inconclusive('numeric short'), verified(0), 'numeric short'],
      [verified(0), inconclusive('step undecided'), 'step undecided'],
      [inconclusive('numeric short'), inconclusive('step undecided'), 'numeric short; step undecided'],
    ] as const) {
      numeric = n;
      H.sym = s;
      const r = await withSymbolicPart(toy('T1')).check({ seed: 8, runs: 2 });
      expect(r.verdict).toBe('inconclusive');
      expect(r.reason).toBe(reason);
    }
  });
});
