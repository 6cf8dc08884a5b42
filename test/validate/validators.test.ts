/**
 * The validators (src/validate) under random malformed input: every malformed covariance is refused with
 * one line saying the rule, every valid one is accepted, junk never throws anything but a UsageError.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import { assertMemory, assertValid, covarianceProblem, covarianceSchema, integerSchema, numberSchema, readJsonFile, seedSchema, shardSchema, UsageError } from '../../src/validate';
import { junkNumberText, malformedCovariance, validCovariance } from './arbitraries';

const SEED = Number(process.env.ICL_AUDIT_SEED ?? 1);
const opts = (numRuns: number) => ({ seed: SEED, numRuns });

/** Call f; return the UsageError it throws (failing on any other error), or null when it returns. */
function usageErrorOf(f: () => unknown): UsageError | null {
  try {
    f();
    return null;
  } catch (e) {
    if (!(e instanceof UsageError)) throw new Error(`expected a UsageError, got ${(e as Error)?.name}: ${(e as Error)?.message}`);
    expect(e.message.split('\n')).toHaveLength(1);
    return e;
  }
}

describe('covariance rules', () => {
  it('refuse every malformed covariance with a rule that names what is wrong, and never throw', () => {
    const words: Record<string, RegExp> = {
      finite: /finite/,
      square: /square|rows/,
      symmetric: /symmetric/,
      'positive definite': /positive definite|condition number/,
      magnitude: /magnitude/,
      'condition number': /condition number|positive definite/,
      shape: /array|rows|numbers|square/,
    };
    fc.assert(
      fc.property(malformedCovariance, ({ rule, value }) => {
        const p = covarianceProblem(value);
        expect(p, rule).not.toBeNull();
        expect(p).toMatch(/^must /);
        expect(p).toMatch(words[rule]);
      }),
      opts(400),
    );
  });

  it('accept every SPD matrix with condition number ≤ 1e6 (and the Cholesky factorization agrees)', () => {
    fc.assert(
      fc.property(validCovariance, (m) => {
        expect(covarianceProblem(m)).toBeNull();
        expect(new CholeskyDecomposition(new Matrix(m)).isPositiveDefinite()).toBe(true);
      }),
      opts(300),
    );
  });

  it('hold a matrix to its size d and to a caller’s eigenvalue range', () => {
    expect(covarianceProblem([[1, 0], [0, 1]], { d: 3 })).toMatch(/must be 3×3/);
    expect(covarianceProblem([[1e6, 0], [0, 1]], { eigenRange: [1e-5, 1e5], rangeBecause: 'the reach' })).toMatch(/eigenvalues in .*the reach/);
    expect(covarianceProblem([[1, 0], [0, 1e-9]], { maxCondition: 1e8 })).toMatch(/condition number ≤ 1\.00e\+8/);
  });

  it('covarianceSchema turns the rule into a UsageError naming the argument', () => {
    const e = usageErrorOf(() => assertValid(covarianceSchema({ d: 2 }), [[1, 2], [3, 1]], '--cov-file'));
    expect(e?.message).toMatch(/^--cov-file must be symmetric/);
    expect(e?.argument).toBe('--cov-file');
  });
});

describe('number, seed and shard rules', () => {
  it('an integer flag accepts exactly the integers in range and refuses junk with one line naming it', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), junkNumberText, fc.integer().map(String), fc.double().map(String)), (raw) => {
        const e = usageErrorOf(() => assertValid(integerSchema(1, 64), raw, '--d'));
        const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*[+-]?\d+\s*$/.test(raw) ? Number(raw) : NaN;
        const ok = Number.isInteger(n) && n >= 1 && n <= 64;
        expect(e === null).toBe(ok);
        if (e) expect(e.message).toMatch(/^--d must be an integer from 1 to 64/);
      }),
      opts(500),
    );
  });

  it('a number flag refuses NaN, ±Infinity, empty text and out-of-range values', () => {
    fc.assert(
      fc.property(junkNumberText, (raw) => {
        expect(usageErrorOf(() => assertValid(numberSchema({ min: 0, openMin: true }), raw, '--sigma'))?.message).toMatch(/^--sigma must be a finite number > 0/);
      }),
      opts(200),
    );
    for (const v of [0, -1, 1e7]) expect(usageErrorOf(() => assertValid(numberSchema({ min: 0, openMin: true, max: 1e6 }), v, '--sigma'))).not.toBeNull();
    expect(assertValid(numberSchema({ min: 0, openMin: true }), ' 2.5 ', '--sigma')).toBe(2.5);
  });

  it('seeds are int32 and shards are i/n with 1 ≤ i ≤ n ≤ 1000', () => {
    expect(assertValid(seedSchema, '-7', '--seed')).toBe(-7);
    for (const bad of ['2147483648', '1.5', 'x', '']) expect(usageErrorOf(() => assertValid(seedSchema, bad, '--seed'))).not.toBeNull();
    expect(assertValid(shardSchema, '2/3', '--shard')).toEqual({ index: 2, count: 3 });
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 8 }), fc.tuple(fc.integer({ min: -2, max: 1100 }), fc.integer({ min: -2, max: 1100 })).map(([i, n]) => `${i}/${n}`)), (raw) => {
        const m = /^\s*(\d+)\/(\d+)\s*$/.exec(raw);
        const ok = m !== null && +m[2] >= 1 && +m[2] <= 1000 && +m[1] >= 1 && +m[1] <= +m[2];
        const e = usageErrorOf(() => assertValid(shardSchema, raw, '--shard'));
        expect(e === null).toBe(ok);
        if (e) expect(e.message).toMatch(/^--shard must be i\/n/);
      }),
      opts(300),
    );
  });
});

describe('input files and memory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'icl-validate-'));

  it('a corrupt, truncated, empty or missing JSON file is one UsageError naming the argument', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constant(''), fc.json().map((j) => j.slice(0, Math.max(0, j.length - 1)))), (text) => {
        const f = join(dir, 'in.json');
        writeFileSync(f, text);
        let parsed: unknown;
        let valid = true;
        try {
          parsed = JSON.parse(text);
        } catch {
          valid = false;
        }
        const e = usageErrorOf(() => readJsonFile('--cov-file', f));
        expect(e === null).toBe(valid && text.trim() !== '');
        if (e) expect(e.message).toMatch(/^--cov-file /);
        else expect(readJsonFile('--cov-file', f)).toEqual(parsed);
      }),
      opts(200),
    );
    expect(usageErrorOf(() => readJsonFile('--cov-file', join(dir, 'missing.json')))?.message).toMatch(/cannot read .*ENOENT/);
    expect(usageErrorOf(() => readJsonFile('--cov-file', dir))?.message).toMatch(/is a folder/);
  });

  it('a size past the memory limit is refused with the estimate', () => {
    expect(usageErrorOf(() => assertMemory('count', 1e12, 'prompts', 2 ** 30))?.message).toMatch(/^count would need about 7\.28 TiB for prompts, more than the 1\.00 GiB/);
    expect(usageErrorOf(() => assertMemory('count', 1e3, 'prompts', 2 ** 30))).toBeNull();
    expect(usageErrorOf(() => assertMemory('count', NaN, 'prompts'))).not.toBeNull();
  });
});
