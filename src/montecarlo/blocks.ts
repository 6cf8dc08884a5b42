/**
 * Draws addressed by block, so that a run's results do not depend on how many threads computed it.
 *
 * Sample i of a run comes from block ⌊i / DRAW_BLOCK⌋, and block j draws, in order, from its own stream
 * `rng.child('block-j')` (pure-rand's xoroshiro128+ seeded from the path, as every stream). A thread that
 * computes block j needs nothing but (seed, path, j): blocks are independent, so any number of workers
 * can compute them in any order, and the results, put back in block order, are the same for 1 or 8
 * workers. The replay of a run stays `(seed, path, samples)`.
 */
import { Stream } from '../random/stream';
import { ziggurat } from '../random/ziggurat';
import type { LsaSampler } from './lsaSampler';

/** Samples per draw block. */
export const DRAW_BLOCK = 1024;

/** The stream of block j of a run drawing from `rng`. */
export function blockStream(rng: Pick<Stream, 'seed' | 'path'>, j: number): Stream {
  return new Stream(rng.seed, [...rng.path, `block-${j}`]);
}

/** Scratch of {@link fillLsaBlock}. */
export interface BlockScratch {
  yhat: Float64Array;
  target: Float64Array;
}

/** A scratch for blocks of up to {@link DRAW_BLOCK} samples. */
export function blockScratch(): BlockScratch {
  return { yhat: new Float64Array(DRAW_BLOCK), target: new Float64Array(DRAW_BLOCK) };
}

/** Block j's `count` squared errors (ŷ − ⟨w, x_q⟩)² into out[at …]. */
export function fillLsaBlock(sampler: LsaSampler, rng: Pick<Stream, 'seed' | 'path'>, j: number, count: number, out: Float64Array, at: number, scratch: BlockScratch): void {
  const z = ziggurat(blockStream(rng, j));
  const { yhat, target } = scratch;
  sampler.fill(z, count, yhat, target);
  for (let k = 0; k < count; k++) {
    const e = yhat[k] - target[k];
    out[at + k] = e * e;
  }
}
