/**
 * The CLI under random malformed input (fast-check, in process through `main`, and a few real processes):
 * every bad flag, input file or output path gives exit 2, exactly one line on stderr naming the argument,
 * no stack trace and no output file; no input reaches exit 3 (internal error).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { junkNumberText, malformedCovariance } from '../validate/arbitraries';

const SEED = Number(process.env.ICL_AUDIT_SEED ?? 1);
const BIN = join(__dirname, '../../bin/icl-audit.mjs');
const dir = mkdtempSync(join(tmpdir(), 'icl-malformed-'));
let err: string[];
beforeEach(() => {
  err = [];
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (err.push(String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

/** Run main; expect exit 2, one stderr line naming `flag`, no stack, and no file at `out`. */
async function refused(argv: string[], flag: string, out: string): Promise<void> {
  err = [];
  rmSync(out, { force: true, recursive: true });
  const code = await main(argv);
  const msg = err.join('').trim();
  expect(code, `${argv.join(' ')} → ${msg}`).toBe(2);
  expect(msg.split('\n'), msg).toHaveLength(1);
  expect(msg).toContain(flag);
  expect(msg).not.toMatch(/\n\s+at /);
  expect(existsSync(out)).toBe(false);
}

const out = join(dir, 'out.json');
const flowFlags: Array<[string, fc.Arbitrary<string>]> = [
  ['--d', fc.oneof(junkNumberText, fc.constantFrom('0', '-1', '65', '2.5', '1e1'))],
  ['--N', fc.oneof(junkNumberText, fc.constantFrom('0', '-4', '3.5', '1e3'))],
  ['--kappa', fc.oneof(junkNumberText, fc.constantFrom('0.5', '0', '-2', '1e6', '1e300'))],
  ['--sigma', fc.oneof(junkNumberText, fc.constantFrom('0', '-1', '1e7'))],
  ['--seed', fc.oneof(junkNumberText, fc.constantFrom('1.5', '2147483648', '-2147483649'))],
  ['--rtol', fc.oneof(junkNumberText, fc.constantFrom('0', '-1e-9', '0.1'))],
  ['--method', fc.string({ maxLength: 6 }).filter((s) => !['stiff', 'rk45', 'gd'].includes(s.trim()))],
  ['--cov', fc.string({ maxLength: 8 }).filter((s) => !['identity', 'scaled', 'diagonal', 'rotated', 'spiked', 'wishart', 'exp-diag'].includes(s))],
  ['--max-steps', fc.oneof(junkNumberText, fc.constantFrom('0', '1.5'))],
  ['--integrator', fc.string({ maxLength: 8 }).filter((s) => !['rodas5', 'rodas5p', 'bdf'].includes(s.trim()))],
];

describe('the CLI refuses malformed input', () => {
  it('flow: one malformed flag among valid ones → exit 2, one line naming it, no report', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...flowFlags).chain(([flag, junk]) => junk.map((v) => [flag, v] as const)), async ([flag, value]) => {
        const base: Record<string, string> = { '--d': '2', '--N': '5' };
        base[flag] = value;
        const argv = ['flow', ...Object.entries(base).flatMap(([k, v]) => [k, v]), '--json', out];
        await refused(argv, flag, out);
      }),
      { seed: SEED, numRuns: 120 },
    );
  });

  it('flow --cov-file: every malformed covariance, corrupt or truncated file → exit 2 naming --cov-file', async () => {
    const cov = join(dir, 'cov.json');
    const content = fc.oneof(
      { weight: 3, arbitrary: malformedCovariance.map((m) => JSON.stringify(m.value) ?? 'undefined') },
      fc.string({ maxLength: 20 }),
      fc.constant('[[1, 0], [0, 1'),
      fc.constant(''),
    );
    await fc.assert(
      fc.asyncProperty(content, async (text) => {
        // NaN and ±Infinity do not survive JSON.stringify (they become null): both are malformed anyway
        writeFileSync(cov, text);
        let d = 2;
        try {
          const v = JSON.parse(text);
          if (Array.isArray(v) && v.length > 0) d = Math.min(64, v.length);
        } catch {
          /* corrupt: any d */
        }
        await refused(['flow', '--d', String(d), '--N', '5', '--cov-file', cov, '--json', out], '--cov-file', out);
      }),
      { seed: SEED, numRuns: 120 },
    );
  });

  it('verify and prove: malformed flags are refused before any claim runs', async () => {
    const cases = fc.oneof(
      junkNumberText.map((v) => ['verify', '--runs', v, '--runs'] as const),
      junkNumberText.map((v) => ['verify', '--seed', v, '--seed'] as const),
      fc.string({ minLength: 1, maxLength: 6 }).filter((s) => !/^\s*(C\d\d\s*,?\s*)+$/i.test(s) || /C(0[07]|1\d|[2-9]\d)/i.test(s)).map((v) => ['verify', '--claims', v, '--claims'] as const),
      fc.string({ maxLength: 6 }).filter((s) => !/^\s*\d+\/\d+\s*$/.test(s)).map((v) => ['verify', '--shard', v, '--shard'] as const),
      fc.tuple(fc.integer({ min: -3, max: 5 }), fc.integer({ min: -3, max: 5 })).filter(([i, n]) => !(n >= 1 && i >= 1 && i <= n)).map(([i, n]) => ['verify', '--shard', `${i}/${n}`, '--shard'] as const),
      junkNumberText.map((v) => ['prove', '--d', v, '--d'] as const),
      fc.oneof(junkNumberText, fc.constantFrom('0', '-1', '65', '1.5')).map((v) => ['verify', '--workers', v, '--workers'] as const),
      fc.oneof(junkNumberText, fc.constantFrom('0', '-2', '65', '2.5')).map((v) => ['prove', '--workers', v, '--workers'] as const),
      fc.string({ minLength: 1, maxLength: 4 }).filter((s) => !/^\s*(P[1-7]\s*,?\s*)+$/i.test(s)).map((v) => ['prove', '--only', v, '--only'] as const),
    );
    await fc.assert(
      fc.asyncProperty(cases, async ([cmd, flag, value, name]) => {
        const t0 = performance.now();
        await refused([cmd, flag, value, '--json', out], name, out);
        expect(performance.now() - t0).toBeLessThan(5000);
      }),
      { seed: SEED, numRuns: 120 },
    );
  });

  it('an output path that cannot be written is refused before the work, for every command', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const bad = [join(file, 'x.json'), join(file, 'deeper', 'x.json'), '/proc/icl-audit/x.json', '/proc/self/x.json', '/sys/x.json', dir, ''];
    for (const p of bad) {
      for (const argv of [
        ['verify', '--claims', 'C08', '--json', p],
        ['flow', '--d', '2', '--N', '5', '--json', p],
        ['prove', '--only', 'P1', '--json', p],
        ['merge', join(dir, 'none.json'), '--json', p],
      ]) {
        const t0 = performance.now();
        await refused(argv, '--json', out);
        expect(performance.now() - t0).toBeLessThan(5000);
      }
      await refused(['prove', '--only', 'P1', '--export', p === dir ? file : p], '--export', out);
    }
  });

  it('random argument lists never reach an internal error (exit 3)', async () => {
    const token = fc.oneof(
      fc.constantFrom('flow', 'merge', '--d', '--N', '--cov', '--cov-file', '--kappa', '--json', '--seed', '--claims', '--shard', '--nosuch', '-x', '--', '/proc/x', '2', '0', 'NaN', '1e9'),
      fc.string({ maxLength: 5 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 7 }), async (argv) => {
        err = [];
        const code = await main(argv);
        expect(code, `${argv.join(' ')} → ${err.join('')}`).not.toBe(3);
        expect(err.join('')).not.toMatch(/\n\s+at /);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});

describe('as a real process', () => {
  it('bad --cov-file and unwritable --json: exit 2, one line, no stack', () => {
    const cov = join(dir, 'wide.json');
    writeFileSync(cov, '[[1e308, 0], [0, 1e-308]]');
    const a = spawnSync(process.execPath, [BIN, 'flow', '--d', '2', '--N', '5', '--cov-file', cov, '--json', out], { encoding: 'utf8' });
    expect(a.status).toBe(2);
    expect(a.stderr.trim().split('\n')).toHaveLength(1);
    expect(a.stderr).toMatch(/--cov-file .* must have entries of magnitude/);
    const b = spawnSync(process.execPath, [BIN, 'verify', '--json', '/proc/nope/x.json'], { encoding: 'utf8', timeout: 300_000 });
    expect(b.status).toBe(2);
    expect(b.stderr).toMatch(/^icl-audit: --json must not be under \/proc/);
    expect(existsSync(out)).toBe(false);
  }, 600_000);
});
