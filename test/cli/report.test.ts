/** `icl-audit report` as a user runs it: the table on stdout, the page on disk, exit codes, bad input. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = join(__dirname, '../../bin/icl-audit.mjs');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, CI: '1' } });

describe('icl-audit report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'icl-report-cli-'));

  it('prints the claims table and writes index.html with figures (exit 0)', () => {
    const out = join(dir, 'r1');
    const r = run('report', '--out', out, '--claims', 'C06', '--runs', '3', '--quick', '--no-derivations');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/C06\s+Lemma 5\.3.*\s+verified/);
    expect(r.stdout).toMatch(/report: .*index\.html \(\d+ figures, 0 derivations\)/);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toMatch(/<svg/);
  });

  it('reads a verify report with --from-json instead of checking again', () => {
    const json = join(dir, 'v.json');
    expect(run('verify', '--claims', 'C06', '--runs', '3', '--json', json).status).toBe(0);
    const out = join(dir, 'r2');
    const r = run('report', '--out', out, '--from-json', json, '--quick', '--no-derivations', '--quiet');
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'))).toEqual(JSON.parse(readFileSync(json, 'utf8')));
  });

  it('a falsified claim is shown, exit 0; with --fail-on-falsified, exit 1', () => {
    const json = join(dir, 'v.json');
    const v = JSON.parse(readFileSync(json, 'utf8'));
    const c = v.claims[0];
    v.claims[0] = { ...c, verdict: 'falsified', counterexample: { claim: c.id, inputs: { d: 1 }, claimed: 1, found: 2, error: 1, tolerance: 0, seed: 1, claimSeed: c.seed, path: '', shrunk: false, replay: `icl-audit verify --claims ${c.id} --seed 1` } };
    v.summary = { verified: 0, falsified: 1, inconclusive: 0 };
    const bad = join(dir, 'falsified.json');
    writeFileSync(bad, JSON.stringify(v));
    const a = run('report', '--out', join(dir, 'r3'), '--from-json', bad, '--quick', '--no-derivations', '--quiet');
    expect(a.status, a.stderr).toBe(0);
    expect(readFileSync(join(dir, 'r3', 'index.html'), 'utf8')).toContain('class="verdict falsified"');
    const b = run('report', '--out', join(dir, 'r4'), '--from-json', bad, '--quick', '--no-derivations', '--quiet', '--fail-on-falsified');
    expect(b.status).toBe(1);
  });

  it.each([
    [['--out', ''], /--out must name a folder/],
    [['--runs', '0'], /--runs must be an integer/],
    [['--claims', 'C99'], /unknown id 'C99'/],
    [['--from-json', '/nonexistent/v.json'], /--from-json: cannot read/],
  ])('bad input %j: one line, exit 2, nothing written', (args, message) => {
    const out = join(dir, `bad-${Math.random().toString(36).slice(2)}`);
    const r = run('report', ...(args[0] === '--out' ? args : ['--out', out, ...args]));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it('an --out that is a file is a usage error and the file is left alone', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'keep');
    const r = run('report', '--out', file, '--claims', 'C06', '--runs', '1', '--quick', '--no-derivations');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--out: .*is a file/);
    expect(readFileSync(file, 'utf8')).toBe('keep');
  });
});
