/**
 * `icl-audit prove` end to end (in process, through main): verdicts in the JSON report, the exported
 * d = 2 loss read back by mathjs and nerdamer and compared with the paper's formula as src/theory states
 * it (a route independent of src/symbolic), and bad input.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate } from 'mathjs';
import nerdamer from 'nerdamer';
import { main } from '../../src/cli/main';
import { reducedLossPaper } from '../../src/theory/reducedLoss';

let dir: string;
let out: string[];
let err: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'icl-prove-'));
  out = [];
  err = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (err.push(String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

describe('icl-audit prove', () => {
  it('--only P2,P6 --d 2: verified, JSON report with ids and verdicts, exports parsable by mathjs and nerdamer', async () => {
    const json = join(dir, 'p.json');
    const exp = join(dir, 'exp');
    expect(await main(['prove', '--only', 'P2,P6', '--d', '2', '--json', json, '--export', exp])).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.results.map((r: { id: string; verdict: string }) => `${r.id} ${r.verdict}`)).toEqual(['P2-d2 verified', 'P6-d2 verified']);
    expect(report.results[0].steps.every((s: { ms: number }) => typeof s.ms === 'number')).toBe(true);
    expect(readdirSync(exp).sort()).toEqual(['P2.json', 'P6.json']);
    expect(out.join('')).toMatch(/prove: 2 verified, 0 falsified, 0 inconclusive of 2/);

    const L: string = JSON.parse(readFileSync(join(exp, 'P2.json'), 'utf8')).expressions.d2.L_d2;
    const lam = [
      [1.25, -0.5],
      [-0.5, 0.75],
    ];
    const U = [
      [0.5, -1],
      [0.25, 2],
    ];
    const scope = { u: 0.75, U11: U[0][0], U12: U[0][1], U21: U[1][0], U22: U[1][1], l11: lam[0][0], l12: lam[0][1], l22: lam[1][1], N: 7 };
    const want = reducedLossPaper(lam, 7, 0.75, U);
    expect(Math.abs((evaluate(L, scope) as number) - want)).toBeLessThan(1e-12 * Math.abs(want));
    const exact = nerdamer(L, Object.fromEntries(Object.entries(scope).map(([k, v]) => [k, String(v)]))).evaluate().text('decimals');
    expect(Math.abs(Number(exact) - want)).toBeLessThan(1e-12 * Math.abs(want));
  });
  it('the same seed gives the same JSON report, times aside', async () => {
    const strip = (o: unknown): unknown =>
      Array.isArray(o)
        ? o.map(strip)
        : o && typeof o === 'object'
          ? Object.fromEntries(Object.entries(o).filter(([k]) => !/(time|ms$|seconds|duration|elapsed)/i.test(k)).map(([k, v]) => [k, strip(v)]))
          : o;
    const files = [join(dir, 'a.json'), join(dir, 'b.json')];
    for (const f of files) expect(await main(['prove', '--only', 'P3,P7', '--d', '1', '--seed', '11', '--no-nerdamer', '--json', f])).toBe(0);
    const [a, b] = files.map((f) => strip(JSON.parse(readFileSync(f, 'utf8'))));
    expect(a).toEqual(b);
    expect(JSON.stringify(a)).not.toMatch(/nerdamer:/);
  });
  it('bad input exits 2 with a message naming the option', async () => {
    expect(await main(['prove', '--only', 'P9'])).toBe(2);
    expect(err.join('')).toMatch(/--only: unknown id 'P9'/);
    expect(await main(['prove', '--d', '4'])).toBe(2);
    expect(err.join('')).toMatch(/--d must be an integer from 1 to 3/);
  });
});
