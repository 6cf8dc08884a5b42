/**
 * Shift laws against independent evidence: sampled moments of the entry laws against their exact moments,
 * sampled second moments of tasks and queries against `testSecondMoments`, orthogonal queries against
 * the prompt, composition order, and validation of bad laws.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Stream } from '../../src/random/stream';
import { diag, identity } from '../../src/linalg/matrix';
import {
  applyShifts,
  composedShiftArbitrary,
  entryLawArbitrary,
  entryMoment,
  drawEntry,
  parseEntryLaw,
  queryLawArbitrary,
  taskLawArbitrary,
  testLawProblem,
  testSampler,
  testSecondMoments,
  trainingLaw,
  type TestLaw,
} from '../../src/icl';

/** Mean and standard error of samples. */
function meanSe(xs: number[]): { mean: number; se: number } {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const v = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return { mean, se: Math.sqrt(v / n) };
}

describe('entry laws', () => {
  it('sampled moments k = 1, 2, 3 agree with the exact ones within 6 standard errors (every law)', () => {
    fc.assert(
      fc.property(entryLawArbitrary(), fc.integer({ min: 0, max: 1000 }), (law, seed) => {
        const rng = new Stream(seed, ['entry']);
        const xs = Array.from({ length: 20_000 }, () => drawEntry(law, rng));
        expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
        for (const k of [1, 2, 3]) {
          const { mean, se } = meanSe(xs.map((x) => x ** k));
          expect(Math.abs(mean - entryMoment(law, k))).toBeLessThanOrEqual(6 * se + 1e-12);
        }
      }),
      { seed: 21, numRuns: 15 },
    );
  });
  it('Exp(1) has moments 1, 2, 6; Gamma(k) has k, k(k+1), k(k+1)(k+2)', () => {
    expect([1, 2, 3].map((k) => entryMoment({ kind: 'exp' }, k))).toEqual([1, 2, 6]);
    expect([1, 2, 3].map((k) => entryMoment({ kind: 'gamma', shape: 2 }, k))).toEqual([2, 6, 24]);
    expect(entryMoment({ kind: 'exp', scale: 3 }, 2)).toBe(18);
  });
  it('parses the command-line forms and rejects bad ones with the rule', () => {
    expect(parseEntryLaw('gamma:2')).toEqual({ kind: 'gamma', shape: 2 });
    expect(parseEntryLaw('two-point:0.5,2,0.3')).toEqual({ kind: 'two-point', low: 0.5, high: 2, pLow: 0.3 });
    expect(() => parseEntryLaw('uniform:2,1')).toThrow(/low < high/);
    expect(() => parseEntryLaw('cauchy')).toThrow(/must be one of/);
  });
});

function sampledSecondMoment(law: TestLaw, pick: 'w' | 'xq', n: number, seed: number): number[][] {
  const batch = testSampler(law).sample(n, new Stream(seed, ['m2']));
  const d = law.d;
  const arr = pick === 'w' ? batch.w : batch.xq;
  const out = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let b = 0; b < n; b++) for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) out[i][j] += (arr[b * d + i] * arr[b * d + j]) / n;
  return out;
}

describe('task and query laws', () => {
  const d = 3;
  it('sampled E[wwᵀ] matches testSecondMoments (every task law), entrywise within 6 standard errors', () => {
    fc.assert(
      fc.property(taskLawArbitrary(d), fc.integer({ min: 0, max: 99 }), (task, seed) => {
        const law: TestLaw = { ...trainingLaw(identity(d), 4), task };
        const exact = testSecondMoments(law)!.taskCov!;
        const n = 20_000;
        const got = sampledSecondMoment(law, 'w', n, seed);
        // entry (i,j) of wwᵀ has variance ≤ E[w_i² w_j²] ≤ √(E w_i⁴ E w_j⁴) ≤ 3·Σ_ii Σ_jj for these laws up to the sparse factor d/k
        for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) {
          const sd = Math.sqrt(3 * d * exact[i][i] * exact[j][j] + 1e-30);
          expect(Math.abs(got[i][j] - exact[i][j])).toBeLessThanOrEqual((6 * sd) / Math.sqrt(n) + 1e-12);
        }
      }),
      { seed: 22, numRuns: 20 },
    );
  });
  it('sampled E[x_q x_qᵀ] matches testSecondMoments (Gaussian, Student-t with ν ≥ 5, point mass)', () => {
    fc.assert(
      fc.property(queryLawArbitrary(d), fc.integer({ min: 0, max: 99 }), (query, seed) => {
        fc.pre(query.kind !== 'student-t' || query.dof >= 5); // finite fourth moment for the error bar
        const law: TestLaw = { ...trainingLaw(identity(d), 4), query };
        const exact = testSecondMoments(law)!.queryCov!;
        const n = 20_000;
        const got = sampledSecondMoment(law, 'xq', n, seed);
        const kurt = query.kind === 'student-t' ? 3 * (query.dof - 2) / (query.dof - 4) : 3;
        for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) {
          const sd = Math.sqrt(kurt * exact[i][i] * exact[j][j]);
          expect(Math.abs(got[i][j] - exact[i][j])).toBeLessThanOrEqual((6 * sd) / Math.sqrt(n) + 1e-12);
        }
      }),
      { seed: 23, numRuns: 20 },
    );
  });
});

describe('orthogonal queries and composition', () => {
  it('an orthogonal query is orthogonal to every prompt covariate (to 1e-12 relative) and is not zero', () => {
    const d = 6;
    const law = applyShifts(trainingLaw(diag([1, 2, 3, 4, 5, 6]), 10), [{ kind: 'length', m: 3 }, { kind: 'query', query: { kind: 'orthogonal' } }]);
    const batch = testSampler(law).sample(50, new Stream(1, ['orth']));
    for (let b = 0; b < 50; b++) {
      const xq = batch.xq.subarray(b * d, (b + 1) * d);
      const nq = Math.hypot(...xq);
      expect(nq).toBeGreaterThan(0);
      for (let i = 0; i < 3; i++) {
        const xi = batch.xs.subarray((b * 3 + i) * d, (b * 3 + i + 1) * d);
        const dot = xi.reduce((s, v, j) => s + v * xq[j], 0);
        expect(Math.abs(dot)).toBeLessThan(1e-12 * nq * Math.hypot(...xi));
      }
    }
  });
  it('rejects an orthogonal query when M ≥ d, and ν ≤ 2', () => {
    const base = trainingLaw(identity(2), 3);
    expect(testLawProblem({ ...base, query: { kind: 'orthogonal' } })).toMatch(/M < d/);
    expect(testLawProblem({ ...base, query: { kind: 'student-t', dof: 2, cov: identity(2) } })).toMatch(/ν > 2/);
  });
  it('composed shifts give laws that sample (every composition of up to 3 shifts, d = 3)', () => {
    fc.assert(
      fc.property(composedShiftArbitrary(3, 3, { mMax: 20 }), (shifts) => {
        const law = applyShifts(trainingLaw(identity(3), 5), shifts);
        expect(testLawProblem(law)).toBeNull();
        const batch = testSampler(law).sample(4, new Stream(2, ['c']));
        expect(batch.yq.every(Number.isFinite)).toBe(true);
      }),
      { seed: 24, numRuns: 100 },
    );
  });
  it('a covariate scale c multiplies the covariance by c² and a Student-t/point query by c', () => {
    const law = applyShifts(trainingLaw(identity(2), 3), [{ kind: 'query', query: { kind: 'point', x: [1, 2] } }, { kind: 'covariate-scale', c: 3 }]);
    expect(law.covariates).toEqual({ kind: 'gaussian', cov: [[9, 0], [0, 9]] });
    expect(law.query).toEqual({ kind: 'point', x: [3, 6] });
  });
});
