/**
 * The claim modules' wiring, with every property replaced by a stub (the properties and their
 * mathematics are tested in test/properties, test/claims/falsification.test.ts and the audit): each part id
 * of each claim runs the property the spec assigns to it, built from the formulas given to the claim, with
 * the claim and part named in its counterexample; a planted failing property falsifies exactly its part;
 * the notes a claim adds are computed from the right numbers. Fast (one stub case per part), so the
 * mutation run of src/claims can afford it for every mutant.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const H = vi.hoisted(() => {
  const state = {
    log: [] as string[],
    wrong: new Set<string>(),
    f: null as unknown,
    s: null as unknown,
    obsFill: true,
    calls: [] as Array<{ name: string; args: unknown[] }>,
  };
  const describeArg = (a: unknown): string => {
    if (a !== null && a === state.f) return 'f';
    if (a !== null && a === state.s) return 's';
    if (a && typeof a === 'object' && 'tag' in a) return (a as { tag: string }).tag;
    if (typeof a === 'function') return 'fn';
    return JSON.stringify(a);
  };
  const sig = (name: string, args: unknown[]) => `${name}(${args.map(describeArg).join(', ')})`;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const module = (fc: any, props: string[], tags: string[], extra: Record<string, unknown> = {}) => {
    const m: Record<string, unknown> = { ...extra };
    for (const name of props)
      m[name] = (...args: unknown[]) => {
        const s = sig(name, args);
        state.calls.push({ name, args });
        return {
          tag: s,
          arbitrary: fc.constant(null),
          evaluate: () => {
            state.log.push(s);
            if (name === 'plInequalityProperty' && state.obsFill) {
              const obs = args[1] as { ratioOverMu: number[]; uOverBound: number[]; rateUse: number[]; mu: number[] };
              obs.ratioOverMu.push(3, 1, 2);
              obs.uOverBound.push(5, 4, 6, 7);
              obs.rateUse.push(0.2, 0.9);
              obs.mu.push(0.1, 0.3, 0.2);
            }
            const bad = state.wrong.has(s);
            return { error: bad ? 2 : 0.5, tolerance: 1, claimed: name, found: 0, inputs: { property: s } };
          },
        };
      };
    for (const name of tags)
      m[name] = (...args: unknown[]) => {
        state.calls.push({ name, args });
        return { tag: sig(name, args) };
      };
    return m;
  };
  return { state, module };
});

vi.mock('../../properties/appendixD', async () => H.module((await import('fast-check')).default, ['lemmaD2Property', 'lemmaD2SampledProperty'], []));
vi.mock('../../properties/section5', async () =>
  H.module(
    (await import('fast-check')).default,
    ['lemma51CountProperty', 'lemma51NonConvexProperty', 'lemma51QuadraticProperty', 'lemma51SpectrumProperty', 'lemma51XProperty', 'conservationProperty', 'minimumLossProperty', 'stationaryPointProperty', 'plInequalityProperty'],
    [],
    { plObservations: () => ({ ratioOverMu: [], uOverBound: [], rateUse: [], mu: [] }) },
  ),
);
vi.mock('../../properties/section4', async () =>
  H.module(
    (await import('fast-check')).default,
    ['convergenceProperty', 'predictorProperty', 'etaEpsilonProperty', 'fixedTaskBoundProperty', 'generalFormProperty', 'rateBoundProperty', 'testErrorProperty', 'testErrorSampledProperty', 'theorem42LawProperty', 'theorem42LawSampledProperty'],
    [],
  ),
);
vi.mock('../../properties/shifts', async () =>
  H.module(
    (await import('fast-check')).default,
    ['limitRateProperty', 'shiftedSampledProperty', 'taskShiftExactProperty', 'queryShiftLimitProperty', 'covariateLimitProperty', 'scaleLawProperty', 'orthogonalQueryProperty', 'lengthLimitPositiveProperty'],
    ['sampledBase', 'taskShiftArbitrary', 'queryShiftArbitrary', 'fixedCovariateShiftArbitrary', 'lengthOnlyArbitrary'],
    {
      rateSummary: (...args: unknown[]) => {
        H.state.calls.push({ name: 'rateSummary', args });
        return '<rate summary>';
      },
      rateTable: (...args: unknown[]) => {
        H.state.calls.push({ name: 'rateTable', args });
        return ['<rate table>'];
      },
    },
  ),
);
vi.mock('../../properties/arbitraries', async () => H.module((await import('fast-check')).default, [], ['problemArbitrary']));
vi.mock('../../properties/section45', async () =>
  H.module(
    (await import('fast-check')).default,
    ['averagedLossSampledProperty', 'limitQProperty', 'randomFlowProperty', 'brittlenessProperty', 'conditionalSlopeProperty', 'eq413GapProperty', 'eq413GapSampledProperty', 'slopeLimitProperty', 'slopeSampledProperty'],
    [],
    {
      conditionalMeanSampled: (...args: unknown[]) => {
        H.state.calls.push({ name: 'conditionalMeanSampled', args });
        return { estimate: 0.123, halfWidth: 0.004 };
      },
    },
  ),
);

import { paperFormulas } from '../../src/theory/formulas';
import { shiftFormulas, type ShiftFormulas } from '../../src/theory/shifts';
import { diag, identity } from '../../src/linalg/matrix';
import { Stream } from '../../src/random/stream';
import type { Claim } from '../../src/contract/types';
import { claimIds, claimRegistry } from '../../src/claims/registry';
import { shiftClaims } from '../../src/claims/shiftRegistry';
import { c01LemmaD2 } from '../../src/claims/c01LemmaD2';
import { c03Lemma51 } from '../../src/claims/c03Lemma51';
import { c05Conservation } from '../../src/claims/c05Conservation';
import { c06Stationary } from '../../src/claims/c06Stationary';
import { c07PlInequality } from '../../src/claims/c07PlInequality';
import { c08Convergence } from '../../src/claims/c08Convergence';
import { c09Predictor } from '../../src/claims/c09Predictor';
import { c10TestError } from '../../src/claims/c10TestError';
import { c11TaskShift } from '../../src/claims/c11TaskShift';
import { c12QueryShift } from '../../src/claims/c12QueryShift';
import { c13CovariateShift } from '../../src/claims/c13CovariateShift';
import { c14OrthogonalQuery } from '../../src/claims/c14OrthogonalQuery';
import { c15PromptLength } from '../../src/claims/c15PromptLength';
import { c16Theorem45 } from '../../src/claims/c16Theorem45';
import { c17RandomCovLimit } from '../../src/claims/c17RandomCovLimit';
import { KNOWN_FINDINGS, knownFinding } from '../../src/claims/findings';

const S = H.state;
const P8 = 'problemArbitrary({"dMax":8})';

beforeEach(() => {
  S.log = [];
  S.wrong = new Set();
  S.calls = [];
  S.obsFill = true;
});

/** Each claim: how it is built, and the property (with its arguments) each part runs, as the spec assigns them. */
const F = paperFormulas();
const SF = shiftFormulas();
const WIRING: Array<{ id: string; build: () => Claim; parts: Record<string, string> | string }> = [
  { id: 'C01', build: () => c01LemmaD2(F), parts: { exact: 'lemmaD2Property(f)', sampled: 'lemmaD2SampledProperty(f)' } },
  {
    id: 'C03',
    build: () => c03Lemma51(F),
    parts: { quadratic: 'lemma51QuadraticProperty(f)', spectrum: 'lemma51SpectrumProperty(f)', x: 'lemma51XProperty()', count: 'lemma51CountProperty(f)', nonconvex: 'lemma51NonConvexProperty(f)' },
  },
  { id: 'C05', build: () => c05Conservation(F), parts: 'conservationProperty(f)' },
  { id: 'C06', build: () => c06Stationary(F), parts: { minimizer: 'stationaryPointProperty(f)', minimum: 'minimumLossProperty(f)' } },
  { id: 'C07', build: () => c07PlInequality(F), parts: 'plInequalityProperty(f, {"ratioOverMu":[],"uOverBound":[],"rateUse":[],"mu":[]})' },
  { id: 'C08', build: () => c08Convergence(F), parts: 'convergenceProperty(f)' },
  { id: 'C09', build: () => c09Predictor(F), parts: 'predictorProperty(f)' },
  {
    id: 'C10',
    build: () => c10TestError(F),
    parts: {
      derived: 'testErrorProperty(f)',
      general: 'generalFormProperty(f)',
      laws: 'theorem42LawProperty(f)',
      'fixed-bound': 'fixedTaskBoundProperty(f)',
      rate: 'rateBoundProperty(f)',
      eta: 'etaEpsilonProperty(f)',
      sampled: 'testErrorSampledProperty(f)',
      'laws-sampled': 'theorem42LawSampledProperty(f)',
    },
  },
  {
    id: 'C11',
    build: () => c11TaskShift(SF),
    parts: { exact: 'taskShiftExactProperty(s)', rates: `limitRateProperty(s, taskShiftArbitrary(${P8}))`, sampled: 'shiftedSampledProperty(taskShiftArbitrary(sampledBase()), fn)' },
  },
  {
    id: 'C12',
    build: () => c12QueryShift(SF),
    parts: { limit: 'queryShiftLimitProperty(s)', rates: `limitRateProperty(s, queryShiftArbitrary(${P8}))`, sampled: 'shiftedSampledProperty(queryShiftArbitrary(sampledBase(), 5))' },
  },
  {
    id: 'C13',
    build: () => c13CovariateShift(SF),
    parts: {
      pointwise: 'scaleLawProperty(s)',
      limit: 'covariateLimitProperty(s)',
      rates: `limitRateProperty(s, fixedCovariateShiftArbitrary(${P8}))`,
      sampled: 'shiftedSampledProperty(fixedCovariateShiftArbitrary(sampledBase()))',
    },
  },
  { id: 'C14', build: () => c14OrthogonalQuery(SF), parts: { 'as-stated': 'orthogonalQueryProperty(s)', isotropic: 'orthogonalQueryProperty(s, ["identity","scaled"])' } },
  {
    id: 'C15',
    build: () => c15PromptLength(SF),
    parts: {
      limit: 'covariateLimitProperty(s, false)',
      positive: 'lengthLimitPositiveProperty(s)',
      rates: `limitRateProperty(s, lengthOnlyArbitrary(${P8}))`,
      sampled: 'shiftedSampledProperty(lengthOnlyArbitrary(sampledBase()))',
    },
  },
  { id: 'C16', build: () => c16Theorem45(SF), parts: { sampled: 'averagedLossSampledProperty()', 'limit-q': 'limitQProperty(s)', flow: 'randomFlowProperty(s)' } },
  {
    id: 'C17',
    build: () => c17RandomCovLimit(SF),
    parts: {
      gap: 'eq413GapProperty(s)',
      'gap-sampled': 'eq413GapSampledProperty(s)',
      slope: 'slopeLimitProperty(s)',
      'slope-sampled': 'slopeSampledProperty()',
      conditional: 'conditionalSlopeProperty(s)',
      brittleness: 'brittlenessProperty()',
    },
  },
];


describe('each claim runs the properties the spec assigns to its parts', () => {
  for (const w of WIRING) {
    const parted = typeof w.parts !== 'string';
    it(`${w.id}: ids, parts, and the property behind each part`, async () => {
      S.f = F;
      S.s = SF;
      const c = w.build();
      expect(c.id).toBe(w.id);
      expect(c.source.length).toBeGreaterThan(0);
      expect(c.statement.length).toBeGreaterThan(0);
      expect(c.routes.length).toBeGreaterThan(0);
      expect(Object.keys(c.tolerance).sort()).toEqual(['bound', 'justification', 'measure']);
      if (typeof w.parts === 'string') {
        expect(c.partIds).toBeUndefined();
        const r = await c.check({ seed: 3, runs: 1 });
        expect(S.log).toEqual([w.parts]);
        expect(r.verdict).toBe('verified');
        expect(r.cases).toBe(1);
        return;
      }
      expect(c.partIds).toEqual(Object.keys(w.parts));
      // all parts, in order, each under its own seed
      const all = await c.check({ seed: 3, runs: 1 });
      expect(S.log).toEqual(Object.values(w.parts));
      expect(all.verdict).toBe('verified');
      expect(all.parts?.map((p) => p.id)).toEqual(Object.keys(w.parts));
      expect(all.cases).toBe(Object.keys(w.parts).length);
      // an unknown part: inconclusive, no part ran; the claim's own notes only
      S.log = [];
      const none = await c.check({ seed: 3, runs: 1, part: 'nope' });
      expect(none.verdict).toBe('inconclusive');
      expect(S.log).toEqual([]);
      expect((none.notes ?? []).some((n) => /Stryker|random cases/.test(n))).toBe(false);
      // each part alone
      for (const [id, sig] of Object.entries(w.parts)) {
        S.log = [];
        const one = await c.check({ seed: 3, runs: 1, part: id });
        expect(S.log, `${w.id} --part ${id}`).toEqual([sig]);
        expect(one.parts?.map((p) => p.id)).toEqual([id]);
      }
    });

    const failing = typeof w.parts === 'string' ? [['', w.parts] as const] : Object.entries(w.parts);
    it(`${w.id}: a failing property falsifies the claim, naming ${parted ? 'its part' : 'the claim'} in the counterexample`, async () => {
      S.f = F;
      S.s = SF;
      const c = w.build();
      for (const [id, sig] of failing) {
        S.wrong = new Set([sig]);
        const r = await c.check({ seed: 5, rootSeed: 41, runs: 1 });
        expect(r.verdict, `${w.id} ${id}`).toBe('falsified');
        if (r.verdict !== 'falsified') continue;
        expect(r.counterexample.claim).toBe(w.id);
        expect(r.counterexample.inputs).toEqual({ property: sig });
        expect(r.counterexample.seed).toBe(41);
        if (parted) {
          expect(r.counterexample.part).toBe(id);
          expect(r.counterexample.replay).toContain(`--claims ${w.id} --part ${id} --seed 41`);
          expect(r.parts?.map((p) => (p.verdict === 'falsified' ? p.id : '')).join('')).toBe(id);
        } else {
          expect(r.counterexample.part).toBeUndefined();
          expect(r.counterexample.replay).toContain(`--claims ${w.id} --seed 41`);
        }
      }
    });
  }
});

describe('the registry', () => {
  it('lists C01–C18 in order, each once', () => {
    expect(claimIds()).toEqual(Array.from({ length: 18 }, (_, k) => `C${String(k + 1).padStart(2, '0')}`));
  });

  it('builds the numeric claims against the formulas given, and adds the symbolic part where the proofs have one', async () => {
    const f = paperFormulas();
    S.f = f;
    const reg = claimRegistry(f);
    const byId = (id: string) => reg.find((c) => c.id === id)!;
    // the numeric routes run the formulas given (their symbolic part is not run here)
    await byId('C05').check({ seed: 1, runs: 1, part: 'numeric' });
    await byId('C06').check({ seed: 1, runs: 1, part: 'minimizer' });
    await byId('C07').check({ seed: 1, runs: 1 });
    await byId('C01').check({ seed: 1, runs: 1, part: 'exact' });
    await byId('C03').check({ seed: 1, runs: 1, part: 'count' });
    await byId('C08').check({ seed: 1, runs: 1, part: 'numeric' });
    await byId('C09').check({ seed: 1, runs: 1 });
    await byId('C10').check({ seed: 1, runs: 1, part: 'eta' });
    expect(S.log).toEqual([
      'conservationProperty(f)',
      'stationaryPointProperty(f)',
      'plInequalityProperty(f, {"ratioOverMu":[],"uOverBound":[],"rateUse":[],"mu":[]})',
      'lemmaD2Property(f)',
      'lemma51CountProperty(f)',
      'convergenceProperty(f)',
      'predictorProperty(f)',
      'etaEpsilonProperty(f)',
    ]);
    const parts = Object.fromEntries(reg.map((c) => [c.id, c.partIds]));
    // the six claims with a symbolic route (proofs/claims.ts) end in the part 'symbolic'; the numeric route
    // of those without parts becomes the part 'numeric'
    expect(parts.C01).toEqual(['exact', 'sampled', 'symbolic']);
    expect(parts.C05).toEqual(['numeric', 'symbolic']);
    expect(parts.C08).toEqual(['numeric', 'symbolic']);
    expect(parts.C06).toEqual(['minimizer', 'minimum', 'symbolic']);
    expect(parts.C03?.at(-1)).toBe('symbolic');
    expect(parts.C10?.at(-1)).toBe('symbolic');
    expect(parts.C07).toBeUndefined();
    expect(parts.C09).toBeUndefined();
    for (const id of ['C01', 'C03', 'C05', 'C06', 'C08', 'C10']) expect(byId(id).routes.at(-1)).toBe('symbolic (exact, d = 1, 2)');
    // the default is the paper's formulas
    expect(claimRegistry().map((c) => c.id)).toEqual(reg.map((c) => c.id));
  });

  it('the shift registry builds C11–C17 against the shift formulas given', async () => {
    const s = shiftFormulas();
    S.s = s;
    const claims = shiftClaims(s);
    expect(claims.map((c) => c.id)).toEqual(['C11', 'C12', 'C13', 'C14', 'C15', 'C16', 'C17']);
    for (const c of claims) await c.check({ seed: 1, runs: 1, part: c.partIds![1] });
    expect(S.log).toEqual([
      `limitRateProperty(s, taskShiftArbitrary(${P8}))`,
      `limitRateProperty(s, queryShiftArbitrary(${P8}))`,
      'covariateLimitProperty(s)',
      'orthogonalQueryProperty(s, ["identity","scaled"])',
      'lengthLimitPositiveProperty(s)',
      'limitQProperty(s)',
      'eq413GapSampledProperty(s)',
    ]);
    const dflt = shiftClaims();
    expect(dflt.length).toBe(7);
  });
});

describe('known findings', () => {
  it('each names a part of its claim, and is found by claim and part only', () => {
    const reg = claimRegistry();
    for (const k of KNOWN_FINDINGS) {
      expect(reg.find((c) => c.id === k.claim)?.partIds).toContain(k.part);
      expect(knownFinding(k.claim, k.part)).toBe(k);
      expect(knownFinding(k.claim, undefined)).toBeUndefined();
    }
    expect(KNOWN_FINDINGS.map((k) => `${k.claim}/${k.part}`)).toEqual(['C03/count', 'C14/as-stated', 'C17/conditional']);
    expect(knownFinding('C03', 'nonconvex')).toBeUndefined();
    expect(knownFinding('C14', 'count')).toBeUndefined();
    expect(knownFinding('C06', 'count')).toBeUndefined();
  });
});

describe('notes computed by the claims', () => {
  it('C07: the observed PL ratios, their median (middle of the sorted list) and extremes', async () => {
    S.f = F;
    const r = await c07PlInequality(F).check({ seed: 1, runs: 1 });
    const notes = r.notes!;
    expect(notes[0]).toMatch(/^1 random cases/);
    // ratios 3, 1, 2: smallest 1, median 2; μ 0.1, 0.3, 0.2 over 3 trajectories; u ratios 5, 4, 6, 7: median = 6 (index ⌊4/2⌋ of 4, 5, 6, 7)
    expect(notes[1]).toContain('smallest 1.00, median 2.00 over 3 trajectories (μ from 0.100 to 0.300)');
    expect(notes[2]).toContain('smallest 4.00, median 6.00');
    expect(notes[3]).toContain(': 0.900');
    expect(notes.length).toBe(4);
  });

  it('C07 with no trajectory observed: the median is NaN, not an entry', async () => {
    S.obsFill = false;
    const r = await c07PlInequality(F).check({ seed: 1, runs: 1 });
    expect(r.notes![1]).toContain('median NaN over 0 trajectories');
  });

  it('C11, C12, C15: the worked example Λ = diag(1,2,3) with each shift, its rate table and summary', async () => {
    const s = shiftFormulas();
    S.s = s;
    const lam = diag([1, 2, 3]);
    const cases: Array<[Claim, string, Record<string, unknown>, number[]]> = [
      [c11TaskShift(s), ', Rademacher task (Σ_w = I), noise 0.5', { taskCov: identity(3), noiseStd: 0.5 }, [10, 100, 1000]],
      [c12QueryShift(s), ', query covariance diag(4, 0.25, 1)', { queryCov: diag([4, 0.25, 1]) }, [10, 100, 1000]],
      [c15PromptLength(s), '', {}, [10, 100, 1000, 10000]],
    ];
    for (const [claim, heading, shifted, ms] of cases) {
      S.calls = [];
      const r = await claim.check({ seed: 2, runs: 1 });
      const notes = r.notes!;
      expect(notes.filter((n) => /random cases/.test(n)).length).toBe(claim.partIds!.length);
      const k = notes.indexOf(`exact errors, Λ = diag(1,2,3)${heading}:`);
      expect(k, claim.id).toBeGreaterThan(0);
      expect(notes.slice(k + 1)).toEqual(['<rate table>', '<rate summary>']);
      const dist = { d: 3, promptCov: lam, ...shifted };
      const table = S.calls.find((c) => c.name === 'rateTable')!;
      expect(table.args[0]).toEqual(lam);
      expect((table.args[1] as () => unknown)()).toEqual(dist);
      expect(table.args.slice(2)).toEqual([identity(3), [10, 100, 1000], ms]);
      const summary = S.calls.find((c) => c.name === 'rateSummary')!;
      expect(summary.args).toEqual([s, lam, 10, 10, dist, identity(3)]);
    }
  });

  it("C11's sampled part compares with (4.6) under the task law and the noise variance", async () => {
    const seen: unknown[][] = [];
    const s = shiftFormulas({ theorem42TaskShiftError: (...a: unknown[]) => (seen.push(a), 0) } as Partial<ShiftFormulas>);
    S.s = s;
    S.calls = [];
    await c11TaskShift(s).check({ seed: 1, runs: 1, part: 'sampled' });
    const sampled = S.calls.find((c) => c.name === 'shiftedSampledProperty')!;
    const exact = sampled.args[1] as (c: { n: number; m: number }, l: unknown, dist: { taskCov?: unknown; noiseStd?: number }) => number;
    exact({ n: 3, m: 4 }, 'L', { taskCov: 'T', noiseStd: 0.5 });
    exact({ n: 6, m: 7 }, 'L2', { taskCov: 'T2' });
    expect(seen).toEqual([
      ['L', 3, 4, 'T', 0.25],
      ['L2', 6, 7, 'T2', 0],
    ]);
  });

  it('C13: for covariates ×0.5 and ×2 the N → ∞ limit (c²−1)²c² tr Λ, the rate table and summary', async () => {
    const maps: unknown[][] = [];
    const s = shiftFormulas({ section42LimitMap: (a: unknown, b: unknown) => (maps.push([a, b]), { tag: `map${maps.length}` }) } as unknown as Partial<ShiftFormulas>);
    S.s = s;
    S.calls = [];
    const r = await c13CovariateShift(s).check({ seed: 2, runs: 1 });
    const notes = r.notes!.slice(4);
    const lam = diag([1, 2, 3]);
    // by hand: c = 0.5: (0.25 − 1)²·0.25·6 = 0.84375; c = 2: 3²·4·6 = 216
    expect(notes[0]).toBe('exact errors against ⟨w, x_q⟩, Λ = diag(1,2,3), covariates ×0.5 (not vanishing: 0.8438 = (c²−1)²c² tr Λ is the N → ∞ limit):');
    expect(notes[1]).toBe('<rate table>');
    expect(notes[2]).toBe('<rate summary> (against c²x_qᵀw)');
    expect(notes[3]).toContain('covariates ×2 (not vanishing: 216.0 =');
    expect(notes.length).toBe(6);
    const tables = S.calls.filter((c) => c.name === 'rateTable');
    const sums = S.calls.filter((c) => c.name === 'rateSummary');
    for (const [k, c] of [0.5, 2].entries()) {
      const lp = diag([1, 2, 3].map((x) => x * c * c));
      expect(tables[k].args[0]).toEqual(lam);
      expect((tables[k].args[1] as () => unknown)()).toEqual({ d: 3, promptCov: lp, queryCov: lp });
      expect(tables[k].args.slice(3)).toEqual([[10, 100, 1000], [10, 100, 1000]]);
      expect(sums[k].args.slice(0, 5)).toEqual([s, lam, 10, 10, { d: 3, promptCov: lp, queryCov: lp }]);
      // the table against the limit map of (Λ, Λ), the summary against that of (Λ, Λ′) = c²x_qᵀw
      expect(maps[2 * k]).toEqual([lam, lam]);
      expect(maps[2 * k + 1]).toEqual([lam, lp]);
      expect(tables[k].args[2]).toEqual({ tag: `map${2 * k + 1}` });
      expect(sums[k].args[5]).toEqual({ tag: `map${2 * k + 2}` });
    }
  });

  it('C14, C16: their notes follow the parts\' notes', async () => {
    for (const [claim, n, key] of [
      [c14OrthogonalQuery(SF), 1, /Γ⁻¹ maps span\{x_i\} into itself/],
      [c16Theorem45(SF), 3, /upper 1 − 1e-9 bound/],
    ] as const) {
      const r = await claim.check({ seed: 2, runs: 1 });
      const notes = r.notes!;
      expect(notes.length).toBe(claim.partIds!.length + n);
      expect(notes.slice(0, claim.partIds!.length).every((x) => /random cases/.test(x))).toBe(true);
      expect(notes.at(-1)).toMatch(key);
    }
  });

  it('C17: Q from (4.13) with Exp(1) moments, E[λ | x_q = 2] = ½ + 2/√2 by quadrature, and the importance-sampling route', async () => {
    const seen: unknown[][] = [];
    const s = shiftFormulas({ eq413Map: (m: (k: number) => number, d: number, n: number) => (seen.push([m(1), m(2), m(3), d, n]), [[0.3]]) } as unknown as Partial<ShiftFormulas>);
    S.s = s;
    S.calls = [];
    const r = await c17RandomCovLimit(s).check({ seed: 9, runs: 1 });
    // Exp(1): E λ^k = k!
    expect(seen).toEqual([[1, 2, 6, 1, 1000]]);
    const notes = r.notes!.slice(6);
    expect(notes.length).toBe(3);
    // Q = 0.3: Q·E[λ|0] = 0.15; Q·E[λ] = 0.3; at x_q = 2, Q(½ + 2/√2) = 0.5743
    expect(notes[0]).toContain('Q·E[λ | 0] = 0.150 ');
    expect(notes[0]).toContain("Q·E[λ] = 0.300 ≈ ⅓; at x_q = 2: 0.574 per unit x_q");
    // quadrature: Q·E[λ|2]·2 = 0.3·1.9142·2 = 1.149; paper: 0.6
    expect(notes[1]).toContain('= 0.123 ± 0.00400; quadrature 1.15; the paper\'s 0.600');
    const mc = S.calls.find((c) => c.name === 'conditionalMeanSampled')!;
    expect(mc.args.slice(0, 4)).toEqual([{ kind: 'exp' }, 2, 1000, 50]);
    const rng = mc.args[4] as Stream;
    const ref = new Stream(9, ['c17-importance']);
    expect(rng.uniform()).toBe(ref.uniform());
  });
});
