/**
 * Determinism and sharding, end to end through the CLI (in process): for every command that writes JSON,
 * the same seed gives byte-identical JSON once the keys that name times (`…Ms`, `ms`) are dropped; a
 * sharded `verify` joined by `merge` is byte-identical to the unsharded run in the same sense, and so is a
 * run on worker threads (`--workers 2`) to the run in one thread (`--workers 1`).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';

const TIME_KEY = /(^ms$|Ms$)/;
/** The report as text with time keys dropped (key order kept, so equal text means byte-identical). */
function timeless(file: string): string {
  const strip = (o: unknown): unknown => {
    if (Array.isArray(o)) return o.map(strip);
    if (o && typeof o === 'object') return Object.fromEntries(Object.entries(o).filter(([k]) => !TIME_KEY.test(k)).map(([k, v]) => [k, strip(v)]));
    return o;
  };
  return JSON.stringify(strip(JSON.parse(readFileSync(file, 'utf8'))), null, 1);
}

const dir = mkdtempSync(join(tmpdir(), 'icl-determinism-'));
const f = (name: string) => join(dir, name);
beforeAll(() => {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterAll(() => vi.restoreAllMocks());

// numeric (C01 with Monte Carlo, C06) and symbolic (C03) claims; few runs to keep it quick
const VERIFY = ['verify', '--claims', 'C01,C03,C06', '--seed', '11', '--runs', '4'];

describe('same seed, same JSON (times aside)', () => {
  it('verify: twice the same report; under another seed a different one', async () => {
    expect(await main([...VERIFY, '--json', f('v1.json')])).toBe(0);
    expect(await main([...VERIFY, '--json', f('v2.json')])).toBe(0);
    expect(timeless(f('v2.json'))).toBe(timeless(f('v1.json')));
    // the comparison can see a difference: another seed changes C06's cases
    expect(await main(['verify', '--claims', 'C06', '--seed', '12', '--runs', '4', '--json', f('v3.json')])).toBe(0);
    expect(await main(['verify', '--claims', 'C06', '--seed', '11', '--runs', '4', '--json', f('v4.json')])).toBe(0);
    expect(timeless(f('v3.json'))).not.toBe(timeless(f('v4.json')));
  }, 600_000);

  it('verify --shard 1/3, 2/3, 3/3 joined by merge equal the unsharded report', async () => {
    for (const i of [1, 2, 3]) expect(await main([...VERIFY, '--shard', `${i}/3`, '--json', f(`s${i}.json`)])).toBe(0);
    const parts = [1, 2, 3].map((i) => JSON.parse(readFileSync(f(`s${i}.json`), 'utf8')));
    expect(parts.map((p) => p.claims.map((c: { id: string }) => c.id))).toEqual([['C01'], ['C03'], ['C06']]);
    // order of the parts on the command line does not matter
    expect(await main(['merge', f('s3.json'), f('s1.json'), f('s2.json'), '--json', f('merged.json')])).toBe(0);
    expect(timeless(f('merged.json'))).toBe(timeless(f('v1.json')));
  }, 600_000);

  it('verify --workers 2 (claims on two threads) equals --workers 1 (one after the other)', async () => {
    // four claims, so each thread runs more than one and the order they finish in differs from the list's
    const args = ['verify', '--claims', 'C03,C06,C12,C14', '--seed', '11', '--runs', '4'];
    expect(await main([...args, '--workers', '1', '--json', f('w1.json')])).toBe(0);
    expect(await main([...args, '--workers', '2', '--json', f('w2.json')])).toBe(0);
    const w1 = JSON.parse(readFileSync(f('w1.json'), 'utf8'));
    expect(w1.claims.map((c: { id: string }) => c.id)).toEqual(['C03', 'C06', 'C12', 'C14']);
    expect(timeless(f('w2.json'))).toBe(timeless(f('w1.json')));
  }, 600_000);

  it('merge refuses a missing shard, a shard twice, shards of other seeds, and a file that is not a report (exit 2, nothing written)', async () => {
    expect(await main(['merge', f('s1.json'), f('s2.json'), '--json', f('bad1.json')])).toBe(2);
    expect(await main(['merge', f('s1.json'), f('s1.json'), f('s2.json'), f('s3.json'), '--json', f('bad2.json')])).toBe(2);
    expect(await main(['merge', f('s1.json'), f('v1.json'), '--json', f('bad3.json')])).toBe(2);
    expect(readdirSync(dir).filter((n) => n.startsWith('bad'))).toEqual([]);
  });

  it('flow: twice the same report', async () => {
    for (const k of [1, 2]) expect(await main(['flow', '--d', '5', '--N', '9', '--cov', 'wishart', '--seed', '4', '--json', f(`flow${k}.json`)])).toBe(0);
    expect(timeless(f('flow2.json'))).toBe(timeless(f('flow1.json')));
  });

  it('prove --json and --export: twice the same files', async () => {
    for (const k of [1, 2]) expect(await main(['prove', '--only', 'P1,P6', '--d', '1', '--seed', '4', '--no-nerdamer', '--json', f(`prove${k}.json`), '--export', f(`export${k}`)])).toBe(0);
    expect(timeless(f('prove2.json'))).toBe(timeless(f('prove1.json')));
    const files = readdirSync(f('export1')).sort();
    expect(files.length).toBeGreaterThan(0);
    expect(readdirSync(f('export2')).sort()).toEqual(files);
    for (const name of files) expect(timeless(join(f('export2'), name))).toBe(timeless(join(f('export1'), name)));
  });

  it('prove --workers 2 equals --workers 1 (results in the same order, times aside)', async () => {
    const args = ['prove', '--only', 'P1,P4,P6', '--d', '2', '--seed', '4', '--no-nerdamer'];
    expect(await main([...args, '--workers', '1', '--json', f('pw1.json')])).toBe(0);
    expect(await main([...args, '--workers', '2', '--json', f('pw2.json')])).toBe(0);
    expect(JSON.parse(readFileSync(f('pw1.json'), 'utf8')).results.map((r: { id: string }) => r.id)).toEqual(['P1-d2', 'P4-d2', 'P6-d2']);
    expect(timeless(f('pw2.json'))).toBe(timeless(f('pw1.json')));
  }, 600_000);
});
