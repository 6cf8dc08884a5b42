/** `icl-audit check` as a user runs it: exit codes 0/1/2 and what is printed. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const BIN = join(__dirname, '../../bin/icl-audit.mjs');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, CI: '1' } });

describe('icl-audit check', () => {
  it('verifies the paper’s minimizer (exit 0)', () => {
    const r = run('check', '--quantity', 'minimizer', '--formula', 'inv((1+1/N)*Lambda + trace(Lambda)/N*I)', '--seed', '1');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/check minimizer: verified/);
  });

  it('falsifies Γ without (1 + 1/N), printing the smallest counterexample and its replay (exit 1)', () => {
    const r = run('check', '--quantity', 'minimizer', '--formula', 'inv(Lambda + trace(Lambda)/N*I)', '--seed', '1');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/smallest counterexample: d = 1, N = 1, M = 1/);
    expect(r.stdout).toMatch(/Lambda = \[\[/);
    expect(r.stdout).toMatch(/formula gives/);
    expect(r.stdout).toMatch(/replay: icl-audit check --quantity minimizer --formula 'inv\(Lambda \+ trace\(Lambda\)\/N\*I\)' --seed 1 --runs \d+/);
  });

  it.each([
    [['--quantity', 'minimizer', '--formula', 'inv(Lambda +'], /--formula does not parse/],
    [['--quantity', 'minimizer', '--formula', 'inv(Lambda + Gamma)'], /--formula uses unknown symbol 'Gamma'/],
    [['--quantity', 'gammma', '--formula', 'Lambda'], /--quantity must be one of/],
    [['--quantity', 'gamma'], /--formula is required/],
    [['--quantity', 'gamma', '--formula', 'Lambda', '--runs', '0'], /--runs must be an integer/],
  ])('bad input %j is one line naming it (exit 2)', (args, message) => {
    const r = run('check', ...(args as string[]));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });
});
