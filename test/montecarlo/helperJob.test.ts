/**
 * A helper thread's work on one block request, run on this thread: it takes the blocks the shared counter
 * still offers, writes each at its place (the last one short), counts them, leaves taken blocks alone,
 * raises the failed flag on an error, and caches samplers by job id (the most recent SAMPLER_CACHE).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SAMPLER_CACHE, serveBlocks } from '../../src/montecarlo/helperJob';
import { blockScratch, DRAW_BLOCK, fillLsaBlock } from '../../src/montecarlo/blocks';
import { lsaSampler, paramsOfV } from '../../src/montecarlo/lsaSampler';
import type { BlockRequest, LsaJobSpec } from '../../src/montecarlo/parallel';

const dist = { d: 2, promptCov: [[1, 0.2], [0.2, 0.5]] };
let nextId = 1_000_000;

function job(v: number[][], method: 'fast' | 'direct' = 'fast', id = nextId++): LsaJobSpec {
  return { id, dist, m: 3, params: paramsOfV(v), method, seed: 4, path: ['helper-test'] };
}

function request(j: LsaJobSpec, first: number, nb: number, lastCount: number, taken = 0): { req: BlockRequest; ctrl: Int32Array; res: Float64Array } {
  const ctrl = new SharedArrayBuffer(16);
  const res = new SharedArrayBuffer(((nb - 1) * DRAW_BLOCK + lastCount) * 8);
  new Int32Array(ctrl)[0] = taken;
  new Float64Array(res).fill(-1);
  return { req: { job: j, first, nb, lastCount, ctrl, res }, ctrl: new Int32Array(ctrl), res: new Float64Array(res) };
}

/** Blocks first … first+nb−1 computed directly. */
function expected(j: LsaJobSpec, first: number, nb: number, lastCount: number): Float64Array {
  const out = new Float64Array((nb - 1) * DRAW_BLOCK + lastCount);
  const s = lsaSampler(j.dist, j.m, j.params, j.method);
  for (let b = 0; b < nb; b++) fillLsaBlock(s, { seed: j.seed, path: j.path }, first + b, b === nb - 1 ? lastCount : DRAW_BLOCK, out, b * DRAW_BLOCK, blockScratch());
  return out;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a helper thread serving a block request', () => {
  for (const method of ['fast', 'direct'] as const)
    it(`computes every block still offered, at its place, and counts them (${method})`, () => {
      const j = job([[0.5, 0], [0.1, 0.3]], method);
      const { req, ctrl, res } = request(j, 5, 3, 10);
      serveBlocks(req);
      expect(Array.from(ctrl)).toEqual([4, 3, 0, 3]);
      expect(Array.from(res)).toEqual(Array.from(expected(j, 5, 3, 10)));
    });

  it('leaves blocks already taken by another thread', () => {
    const j = job([[0.5, 0], [0.1, 0.3]]);
    const { req, ctrl, res } = request(j, 0, 3, 7, 2);
    serveBlocks(req);
    expect(Array.from(ctrl)).toEqual([4, 1, 0, 1]);
    const want = expected(j, 0, 3, 7);
    for (let i = 0; i < 2 * DRAW_BLOCK; i++) if (res[i] !== -1) throw new Error(`entry ${i} of a taken block was written`);
    expect(Array.from(res.subarray(2 * DRAW_BLOCK))).toEqual(Array.from(want.subarray(2 * DRAW_BLOCK)));
  });

  it('raises the failed flag and reports the error when the job cannot be built', () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const { req, ctrl } = request(job([[1, 0], [0, 1]], 'exact' as never), 0, 2, 5);
    serveBlocks(req);
    expect(ctrl[2]).toBe(1);
    expect(ctrl[1]).toBe(0);
    expect(write).toHaveBeenCalledTimes(1);
    expect(String(write.mock.calls[0][0])).toMatch(/^icl-audit Monte Carlo helper: RangeError: method must be 'direct' or 'fast'/);
  });

  it(`keeps the samplers of the last ${SAMPLER_CACHE} jobs by id`, () => {
    const a = [[0.5, 0], [0.1, 0.3]];
    const b = [[-2, 1], [0.7, 0.9]];
    const id = nextId++;
    const run = (v: number[][], jobId: number) => {
      const { req, res } = request(job(v, 'fast', jobId), 0, 1, 50);
      serveBlocks(req);
      return Array.from(res);
    };
    const withA = run(a, id);
    expect(withA).toEqual(Array.from(expected(job(a), 0, 1, 50)));
    // the same id again: the cached sampler (of a), whatever the request says
    expect(run(b, id)).toEqual(withA);
    // SAMPLER_CACHE − 1 other jobs: id is still cached
    for (let k = 0; k < SAMPLER_CACHE - 1; k++) run(a, nextId++);
    expect(run(b, id)).toEqual(withA);
    // one more: id was the oldest and is dropped, so b's sampler is built
    run(a, nextId++);
    expect(run(b, id)).toEqual(Array.from(expected(job(b), 0, 1, 50)));
    expect(SAMPLER_CACHE).toBe(8);
  });
});
