/**
 * The library's public entry points under random malformed input: each refuses with a RangeError (a
 * UsageError where src/validate decides) whose one-line message names the argument, never a TypeError,
 * a hang, a crash of the process or a silently non-finite result.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { drawCovariance, resolveDistribution, samplePrompts, stream, runClaims, claimRegistry, mergeVerifyReports, verifyReport, type PartialVerifyReport } from '../../src/index';
import { testErrorModel, trainingLossModel } from '../../src/moments';
import { gradientFlow } from '../../src/dynamics';
import { estimateFourthMoment, estimateFullError, estimateReducedError } from '../../src/montecarlo';
import { malformedCovariance, validCovariance } from './arbitraries';

const SEED = Number(process.env.ICL_AUDIT_SEED ?? 1);
const opts = (numRuns: number) => ({ seed: SEED, numRuns });

/** Expect f to throw a RangeError with a one-line message matching `names`; never anything else. */
function refuses(f: () => unknown, names: RegExp): void {
  let err: unknown;
  try {
    f();
  } catch (e) {
    err = e;
  }
  expect(err, 'expected a refusal').toBeInstanceOf(RangeError);
  const msg = (err as Error).message;
  expect(msg.split('\n')).toHaveLength(1);
  expect(msg).toMatch(names);
}

const junkInt = fc.oneof(fc.constantFrom(0, -1, 1.5, NaN, Infinity, -Infinity), fc.double().filter((x) => !Number.isInteger(x) || x < 1), fc.anything().filter((x) => typeof x !== 'number'));

describe('library entry points refuse malformed input', () => {
  it('distributions and the exact moments: a malformed covariance names the field', () => {
    fc.assert(
      fc.property(malformedCovariance, ({ rule, value }) => {
        const d = Array.isArray(value) && value.length > 0 ? value.length : 2;
        refuses(() => resolveDistribution({ d, promptCov: value as number[][] }), /promptCov|d must|dist/);
        refuses(() => trainingLossModel(value as number[][], 5), /lambda|promptCov|d must/);
        // an absent queryCov (undefined or null) means "the prompt covariance"; the query's second moment need
        // only be PSD (a degenerate query is a shift), so the conditioning and range rules do not apply to it
        if (value !== null && value !== undefined && !['condition number', 'magnitude'].includes(rule)) refuses(() => testErrorModel({ d, promptCov: identity(d), queryCov: value as number[][] }, 3), /queryCov/);
      }),
      opts(150),
    );
  });

  it('prompt lengths, counts and noise must be valid; a batch past the memory limit is refused with its estimate', () => {
    const lambda = [[2, 0.5], [0.5, 1]];
    fc.assert(
      fc.property(junkInt, (n) => {
        refuses(() => trainingLossModel(lambda, n as number), /prompt length/);
        refuses(() => samplePrompts({ d: 2, promptCov: lambda }, n as number, 3, stream(1)), /prompt length/);
        refuses(() => samplePrompts({ d: 2, promptCov: lambda }, 3, n as number, stream(1)), /prompt count/);
      }),
      opts(100),
    );
    for (const noiseStd of [NaN, -1, Infinity]) refuses(() => testErrorModel({ d: 2, promptCov: lambda, noiseStd }, 3), /noiseStd/);
    refuses(() => samplePrompts({ d: 2, promptCov: lambda }, 1e6, 1e6, stream(1)), /^length, count would need about .* for 1000000 prompts/);
  });

  it('drawCovariance: bad d, family or kappa are refused; d past the cap is refused before any allocation', () => {
    fc.assert(
      fc.property(junkInt, (d) => refuses(() => drawCovariance('rotated', d as number, stream(1)), /^d must/)),
      opts(100),
    );
    refuses(() => drawCovariance('rotated', 1e9, stream(1)), /^d must be at most 4096/);
    refuses(() => drawCovariance('nope' as 'rotated', 2, stream(1)), /^family must be one of/);
    for (const kappa of [0.5, NaN, Infinity]) refuses(() => drawCovariance('rotated', 3, stream(1), { kappa }), /kappa/);
  });

  it('gradientFlow: a malformed model or initial point names the field', () => {
    const model = trainingLossModel([[2, 0.5], [0.5, 1]], 5);
    const U0 = [[0.1, 0], [0, 0.1]];
    refuses(() => gradientFlow(null as never, { u0: 0.1, U0 }), /^model must/);
    refuses(() => gradientFlow(model, null as never), /^options must/);
    refuses(() => gradientFlow({ ...model, P: [[NaN, 0], [0, 1]] }, { u0: 0.1, U0 }), /^model\.P/);
    refuses(() => gradientFlow({ ...model, c: Infinity }, { u0: 0.1, U0 }), /^model\.c/);
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(NaN, Infinity), fc.anything().filter((x) => typeof x !== 'number')), (u0) => refuses(() => gradientFlow(model, { u0: u0 as number, U0 }), /^u0/)),
      opts(50),
    );
    fc.assert(
      // U0 need not be symmetric or definite: only the shape and finiteness rules apply
      fc.property(malformedCovariance.filter((m) => ['finite', 'square', 'shape'].includes(m.rule)), ({ value }) => refuses(() => gradientFlow(model, { u0: 0.1, U0: value as number[][] }), /^U0/)),
      opts(100),
    );
    refuses(() => gradientFlow(model, { u0: 0.1, U0, method: 'euler' as 'stiff' }), /^method must/);
    refuses(() => gradientFlow(model, { u0: 0.1, U0, tMax: -1 }), /^tMax/);
    refuses(() => gradientFlow(model, { u0: 0.1, U0, integrator: 'lsoda' as 'bdf' }), /^integrator must/);
    refuses(() => gradientFlow(model, { u0: 0.1, U0, rtol: NaN }), /^rtol/);
  });

  it('Monte Carlo estimators: malformed covariances, sizes and options are refused', () => {
    const lambda = [[2, 0.5], [0.5, 1]];
    const V = [[0.3, 0], [0, 0.3]];
    fc.assert(
      fc.property(malformedCovariance, ({ value }) => {
        refuses(() => estimateReducedError({ d: 2, promptCov: value as number[][] }, 5, V, { samples: 10 }), /promptCov|d must|dist/);
        refuses(() => estimateFourthMoment(value as number[][], V, { samples: 10 }), /lambda|must/);
      }),
      opts(80),
    );
    for (const [o, name] of [
      [{ samples: 0 }, /samples/],
      [{ samples: 1.5 }, /samples/],
      [{ chunkSize: 2 ** 40 }, /chunkSize/],
      [{ confidence: 1 }, /confidence/],
      [{ seed: NaN }, /seed/],
    ] as const)
      refuses(() => estimateFullError({ d: 2, promptCov: lambda }, 5, { wpv: [[0, 0, 0], [0, 0, 0], [0, 0, 1]], wkq: [[1, 0, 0], [0, 1, 0], [0, 0, 0]] }, o as never), name);
  });

  it('runClaims and merging: bad seeds, runs and shard sets are refused', async () => {
    const claims = claimRegistry().slice(0, 1);
    await expect(runClaims(claims, { seed: 1.5, runs: 1 })).rejects.toThrow(/seed/);
    await expect(runClaims(claims, { seed: 1, runs: 0 })).rejects.toThrow(/runs/);
    const part = (index: number, count: number, seed = 1): PartialVerifyReport => ({ ...verifyReport('0', seed, 5, [], 0), shard: { index, count, of: [] } });
    refuses(() => mergeVerifyReports([]), /at least one/);
    refuses(() => mergeVerifyReports([part(1, 2)], ['a.json']), /shard 2\/2 missing/);
    refuses(() => mergeVerifyReports([part(1, 2), part(1, 2)], ['a.json', 'b.json']), /^b\.json: shard 1\/2 is given twice/);
    refuses(() => mergeVerifyReports([part(1, 2), part(2, 2, 7)], ['a.json', 'b.json']), /^b\.json: its seed is 7/);
  });

  it('valid inputs still pass: a valid covariance gives finite moments', () => {
    fc.assert(
      fc.property(validCovariance, (lambda) => {
        const m = trainingLossModel(lambda, 7);
        expect(m.P.flat().every(Number.isFinite)).toBe(true);
        expect(Number.isFinite(m.c)).toBe(true);
      }),
      opts(50),
    );
  });
});

function identity(d: number): number[][] {
  return Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? 1 : 0)));
}
