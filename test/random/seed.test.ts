/** One default seed and one derivation of sub-seeds: the CLI, the proofs and Monte Carlo default to
 * DEFAULT_SEED; claims, parts and streams derive their seeds by deriveSeed, and nothing else hashes or
 * XOR-mixes seeds. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, deriveSeed, hashSeed } from '../../src/random/seed';
import { Stream, stream } from '../../src/random/stream';
import { claimSeed } from '../../src/claims/run';
import { defaultSeed } from '../../src/cli/args';
import { estimateMeans } from '../../src/montecarlo/estimate';
import { P6 } from '../../proofs/p6';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

describe('deriveSeed', () => {
  it("is the derivation of a Stream's path: new Stream(deriveSeed(r, 'a'), ['b']) draws as new Stream(r, ['a', 'b'])", () => {
    const a = new Stream(deriveSeed(7, 'a'), ['b']);
    const b = new Stream(7, ['a', 'b']);
    const c = stream(deriveSeed(7, 'a', 'b'));
    const xs = Array.from({ length: 5 }, () => a.normal());
    expect(Array.from({ length: 5 }, () => b.normal())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.normal())).toEqual(xs);
    expect(deriveSeed(7)).toBe(7);
    expect(deriveSeed(7, 'a', 'b')).toBe(hashSeed(hashSeed(7, 'a'), 'b'));
  });

  it('gives int32 seeds that differ by name, by root and by order', () => {
    const seeds = new Set<number>();
    for (let r = 0; r < 50; r++) for (const n of ['C01', 'C10', 'general', 'rate', 'sampled']) seeds.add(deriveSeed(r, n));
    expect(seeds.size).toBe(250);
    for (const s of seeds) expect(Number.isInteger(s) && s >= -(2 ** 31) && s < 2 ** 31).toBe(true);
    expect(deriveSeed(1, 'a', 'b')).not.toBe(deriveSeed(1, 'b', 'a'));
    expect(claimSeed(3, 'C08')).toBe(deriveSeed(3, 'C08'));
    expect(() => deriveSeed(1.5, 'x')).toThrow(/seed must be an integer/);
  });
});

describe('DEFAULT_SEED is the one default', () => {
  it('the CLI defaults to it when $ICL_AUDIT_SEED is unset', () => {
    const saved = process.env.ICL_AUDIT_SEED;
    delete process.env.ICL_AUDIT_SEED;
    try {
      expect(defaultSeed()).toBe(String(DEFAULT_SEED));
    } finally {
      if (saved !== undefined) process.env.ICL_AUDIT_SEED = saved;
    }
  });

  it('Monte Carlo defaults to it', () => {
    const normals = (r: Stream) => ({ names: ['z'], fill: (count: number, out: Float64Array) => r.fillNormal(out.subarray(0, count)) });
    const rng = (o: { seed?: number }) => estimateMeans('x', normals, { ...o, samples: 100 });
    const a = rng({});
    expect(a.seed).toBe(DEFAULT_SEED);
    expect(a.estimates[0].estimate).toBe(rng({ seed: DEFAULT_SEED }).estimates[0].estimate);
    expect(a.estimates[0].estimate).not.toBe(rng({ seed: DEFAULT_SEED + 1 }).estimates[0].estimate);
  });

  it('the derivations in proofs/ default to it', async () => {
    const strip = (r: { steps: Array<{ name: string; verdict: string; detail?: string }> }) => r.steps.map((s) => [s.name, s.verdict, s.detail]);
    const a = await P6.run({ d: 1, nerdamer: false });
    const b = await P6.run({ d: 1, seed: DEFAULT_SEED, nerdamer: false });
    expect(strip(a)).toEqual(strip(b));
  });
});

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : /\.(ts|mjs)$/.test(n) ? [p] : [];
  });
}

describe('one derivation', () => {
  it('no other file hashes seeds (FNV constants) or XOR-mixes a seed', () => {
    const files = ['src', 'proofs', 'properties', 'bin'].flatMap((d) => sources(join(ROOT, d)));
    expect(files.length).toBeGreaterThan(50);
    const fnv = files.filter((f) => /0x811c9dc5|0x01000193/i.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f));
    expect(fnv).toEqual(['src/random/seed.ts']);
    const xorMix = /seed[\w.]*\s*\)?\s*\^|\^\s*\(?\s*[\w.]*seed/i;
    // the scan catches the XOR mixing this replaced
    for (const old of ['{ ...ctx, seed: (ctx.seed ^ 0x5a5a5a5a) | 0 }', '({ ...ctx, seed: (ctx.seed ^ hash(name)) | 0 })', 'let h = (0x811c9dc5 ^ seed) >>> 0;']) expect(xorMix.test(old), old).toBe(true);
    const xorSeed = files.filter((f) => xorMix.test(readFileSync(f, 'utf8').replace(/^\s*(\*|\/\/).*$/gm, ''))).map((f) => relative(ROOT, f));
    expect(xorSeed).toEqual(['src/random/seed.ts']);
  });
});
