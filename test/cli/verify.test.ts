/** `icl-audit verify` as a user runs it: exit codes, bad input, reproducible JSON. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = join(__dirname, '../../bin/icl-audit.mjs');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, CI: '1' } });

/** Drop keys that name times, as a user comparing two reports would. */
function withoutTimes(o: unknown): unknown {
  if (Array.isArray(o)) return o.map(withoutTimes);
  if (o && typeof o === 'object') return Object.fromEntries(Object.entries(o).filter(([k]) => !/Ms$|time|seconds/i.test(k)).map(([k, v]) => [k, withoutTimes(v)]));
  return o;
}

describe('icl-audit verify', () => {
  const dir = mkdtempSync(join(tmpdir(), 'icl-verify-'));

  it('prints the claims table, exits 0, and gives the same JSON for the same seed', () => {
    const a = run('verify', '--claims', 'C01,C06,C10', '--seed', '5', '--runs', '20', '--json', join(dir, 'a.json'));
    expect(a.status, a.stderr).toBe(0);
    expect(a.stdout).toMatch(/C01\s+Lemma D\.2 .*\s+verified/);
    expect(a.stdout).toMatch(/3 verified, 0 falsified/);
    const b = run('verify', '--claims', 'C01,C06,C10', '--seed', '5', '--runs', '20', '--json', join(dir, 'b.json'));
    expect(b.status).toBe(0);
    const ja = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8'));
    const jb = JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8'));
    expect(withoutTimes(jb)).toEqual(withoutTimes(ja));
    expect(ja.claims.map((c: { id: string; verdict: string }) => [c.id, c.verdict])).toEqual([['C01', 'verified'], ['C06', 'verified'], ['C10', 'verified']]);
  });

  it('a claim run alone gives the same result as within a larger run', () => {
    run('verify', '--claims', 'C06', '--seed', '5', '--runs', '20', '--json', join(dir, 'c.json'));
    const alone = JSON.parse(readFileSync(join(dir, 'c.json'), 'utf8')).claims[0];
    const within = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')).claims.find((c: { id: string }) => c.id === 'C06');
    expect(withoutTimes(alone)).toEqual(withoutTimes(within));
  });

  it.each([
    [['--claims', 'C99'], /--claims: unknown id 'C99'/],
    [['--runs', '0'], /--runs must be an integer from 1/],
    [['--runs', '2.5'], /--runs must be an integer/],
    [['--seed', 'abc'], /--seed must be an integer/],
    [['--replay', '1:2'], /--replay needs exactly one claim/],
    [['--claims', 'C06', '--replay', 'x'], /--replay must be a fast-check path/],
    [['--part', 'general'], /--part needs exactly one claim/],
    [['--claims', 'C10', '--part', 'nosuch'], /--part must be one of derived, general, laws, fixed-bound, rate, eta, sampled, laws-sampled, symbolic for C10, got 'nosuch'/],
    [['--claims', 'C09', '--part', 'x'], /--part: C09 has no parts/],
    [['--claims', 'C10', '--replay', '1:2'], /--replay on C10 needs --part \(one of derived, general, laws, fixed-bound, rate, eta, sampled, laws-sampled, symbolic\)/],
  ])('bad input %j: one line naming the argument, exit 2, no report', (args, message) => {
    const out = join(dir, `bad-${args.join('_').replace(/[^\w]/g, '')}.json`);
    const r = run('verify', ...args, '--json', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it('--part runs one part of a claim alone', () => {
    run('verify', '--claims', 'C10', '--part', 'rate', '--seed', '5', '--runs', '10', '--json', join(dir, 'part.json'));
    const c = JSON.parse(readFileSync(join(dir, 'part.json'), 'utf8')).claims[0];
    expect(c.parts.map((p: { id: string }) => p.id)).toEqual(['rate']);
    expect(c.verdict).toBe('verified');
  });

  it('an unknown option is a usage error (exit 2)', () => {
    const r = run('verify', '--nosuch');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown option/);
  });
});
