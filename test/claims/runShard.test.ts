/**
 * Running claims (src/claims/run.ts) and sharding them (src/claims/shard.ts), on toy claims whose result is
 * a function of the context they are given: each claim's seed is derived from the root seed and its id
 * alone, so shards merged give the unsharded run; a check that throws is inconclusive with its message;
 * bad options are refused naming the argument.
 */
import { describe, expect, it, vi } from 'vitest';
import { runClaims, claimSeed, type ClaimReport } from '../../src/claims/run';
import { shardOf } from '../../src/claims/shard';
import { deriveSeed } from '../../src/random/seed';
import type { CheckContext, CheckResult, Claim } from '../../src/contract/types';

const TOL = { measure: 'm', bound: 'b', justification: 'j' };

/** A claim that reports the context it saw (seed, runs, part, path) through its numbers and notes. */
function toy(id: string, seen: CheckContext[] = []): Claim {
  return {
    id,
    source: `source ${id}`,
    statement: `statement ${id}`,
    routes: ['theory', `route ${id}`],
    tolerance: TOL,
    async check(ctx): Promise<CheckResult> {
      seen.push(ctx);
      ctx.progress?.(1, 2);
      ctx.progress?.(2, 2);
      return { verdict: 'verified', worstError: ctx.seed % 1000, tolerance: ctx.runs, worstRatio: 0, cases: ctx.runs, notes: [`part ${ctx.part ?? '-'} path ${ctx.path ?? '-'} root ${ctx.rootSeed}`] };
    },
  };
}

const strip = (rs: ClaimReport[]) => rs.map(({ elapsedMs, ...r }) => (expect(Number.isInteger(elapsedMs) && elapsedMs >= 0).toBe(true), r));

describe('runClaims', () => {
  it('gives each claim the seed derived from the root seed and its id, and reports its identity', async () => {
    const seen: CheckContext[] = [];
    const rs = await runClaims([toy('C01', seen), toy('C02', seen)], { seed: 17, runs: 3, path: '4:1', part: 'p' });
    expect(rs.map((r) => r.seed)).toEqual([deriveSeed(17, 'C01'), deriveSeed(17, 'C02')]);
    expect(claimSeed(17, 'C02')).toBe(deriveSeed(17, 'C02'));
    expect(deriveSeed(17, 'C01')).not.toBe(deriveSeed(17, 'C02'));
    expect(seen.map((c) => [c.seed, c.rootSeed, c.runs, c.path, c.part])).toEqual([
      [deriveSeed(17, 'C01'), 17, 3, '4:1', 'p'],
      [deriveSeed(17, 'C02'), 17, 3, '4:1', 'p'],
    ]);
    const [r] = strip(rs);
    expect(r).toEqual({
      id: 'C01',
      source: 'source C01',
      statement: 'statement C01',
      routes: ['theory', 'route C01'],
      toleranceDeclared: TOL,
      seed: deriveSeed(17, 'C01'),
      verdict: 'verified',
      worstError: deriveSeed(17, 'C01') % 1000,
      tolerance: 3,
      worstRatio: 0,
      cases: 3,
      notes: ['part p path 4:1 root 17'],
    });
  });

  it('reports progress per claim: a start, then the check\'s own progress', async () => {
    const events: unknown[][] = [];
    await runClaims([toy('A'), toy('B')], { seed: 1, runs: 1, onProgress: (...a) => events.push(a) });
    expect(events).toEqual([
      [0, 2, 'A', 0, 1],
      [0, 2, 'A', 1, 2],
      [0, 2, 'A', 2, 2],
      [1, 2, 'B', 0, 1],
      [1, 2, 'B', 1, 2],
      [1, 2, 'B', 2, 2],
    ]);
    // without a callback, progress is a no-op
    await expect(runClaims([toy('A')], { seed: 1, runs: 1 })).resolves.toHaveLength(1);
  });

  it('a check that throws is reported inconclusive with its message, and the next claim still runs', async () => {
    const bad: Claim = { ...toy('C09'), check: async () => Promise.reject(new Error('boom at d = 3')) };
    const rs = await runClaims([bad, toy('C10')], { seed: 2, runs: 1 });
    expect(rs[0]).toMatchObject({ id: 'C09', verdict: 'inconclusive', reason: 'the check failed to run: boom at d = 3', cases: 0, notes: ['the check failed to run: boom at d = 3'] });
    expect(rs[0].worstError).toBeNaN();
    expect(rs[0].tolerance).toBeNaN();
    expect(rs[0].worstRatio).toBeNaN();
    expect(rs[1].verdict).toBe('verified');
  });

  it('refuses bad options, naming the argument', async () => {
    const c = [toy('A')];
    await expect(runClaims('C01' as unknown as Claim[], { seed: 1, runs: 1 })).rejects.toThrow(/^claims must be an array of claims$/);
    await expect(runClaims(c, null as unknown as { seed: number; runs: number })).rejects.toThrow(/^options must be an object \{ seed, runs \}$/);
    await expect(runClaims(c, 5 as unknown as { seed: number; runs: number })).rejects.toThrow(/^options /);
    await expect(runClaims(c, { seed: 1.5, runs: 1 })).rejects.toThrow(/^seed /);
    for (const runs of [0, 100_001, 2.5]) await expect(runClaims(c, { seed: 1, runs })).rejects.toThrow(/^runs /);
    for (const runs of [1, 100_000]) await expect(runClaims(c, { seed: 1, runs })).resolves.toHaveLength(1);
    for (const path of ['', 'x12:0', '12:0x', ':1', '1:', '1::2', 'a', '1 2'])
      await expect(runClaims(c, { seed: 1, runs: 1, path }), `path '${path}'`).rejects.toThrow(`path must be a fast-check path like 12:0:3, got '${path}'`);
    for (const path of ['7', '123', '12:0:3', '1:23:456:0']) await expect(runClaims(c, { seed: 1, runs: 1, path }), `path '${path}'`).resolves.toHaveLength(1);
  });

  it('elapsedMs is the check\'s own time, rounded to a millisecond', async () => {
    const times = [5000, 5042.4];
    const spy = vi.spyOn(performance, 'now').mockImplementation(() => times.shift()!);
    try {
      const [r] = await runClaims([toy('A')], { seed: 1, runs: 1 });
      expect(r.elapsedMs).toBe(42);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('shardOf', () => {
  const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
  it('takes every n-th item from the i-th, in order; the shards partition the items', () => {
    expect(shardOf(items, { index: 1, count: 3 })).toEqual(['a', 'd', 'g']);
    expect(shardOf(items, { index: 2, count: 3 })).toEqual(['b', 'e']);
    expect(shardOf(items, { index: 3, count: 3 })).toEqual(['c', 'f']);
    expect(shardOf(items, { index: 1, count: 1 })).toEqual(items);
    expect(shardOf(items, { index: 7, count: 7 })).toEqual(['g']);
    expect(shardOf(items, { index: 8, count: 8 })).toEqual([]);
  });

  it('refuses a shard that is not i/n with 1 ≤ i ≤ n', () => {
    for (const [index, count] of [
      [0, 3],
      [4, 3],
      [1, 0],
      [1.5, 3],
      [1, 2.5],
      [-1, 3],
      [NaN, 3],
      [1, NaN],
    ])
      expect(() => shardOf(items, { index, count }), `${index}/${count}`).toThrow(new RangeError(`shard must be i/n with 1 ≤ i ≤ n, got ${index}/${count}`));
  });

  it('shards run separately and merged in registry order give the unsharded run', async () => {
    const claims = ['C01', 'C02', 'C03', 'C04', 'C05'].map((id) => toy(id));
    const all = strip(await runClaims(claims, { seed: 23, runs: 2 }));
    for (const n of [1, 2, 3, 5]) {
      const parts: ReturnType<typeof strip> = [];
      for (let i = 1; i <= n; i++) parts.push(...strip(await runClaims(shardOf(claims, { index: i, count: n }), { seed: 23, runs: 2 })));
      parts.sort((a, b) => a.id.localeCompare(b.id));
      expect(parts, `n = ${n}`).toEqual(all);
    }
  });
});
