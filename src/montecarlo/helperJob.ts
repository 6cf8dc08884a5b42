/**
 * What a Monte Carlo helper thread does (worker.ts only hands it the thread's port): answer 'ping' with
 * 'pong', and serve each block request: take block indices from the shared counter, compute each block from
 * its own stream and write it at the block's place, count it; on an error, raise the failed flag. Kept apart
 * from worker.ts so that it can be run, and tested, on any thread (Stryker's mutants are active only on the
 * thread that runs the tests).
 */
import { lsaSampler, type LsaSampler } from './lsaSampler';
import { DRAW_BLOCK, blockScratch, fillLsaBlock } from './blocks';
import type { BlockRequest } from './parallel';

/** The side of a message port a helper uses (a worker's parentPort, or either end of a MessageChannel). */
export interface HelperPort {
  on(event: 'message', listener: (message: BlockRequest | 'ping') => void): unknown;
  postMessage(message: 'pong'): void;
}

/** Samplers of recent jobs, by job id (a run sends many requests; the sampler is built once). */
const samplers = new Map<number, LsaSampler>();
/** How many jobs' samplers are kept. */
export const SAMPLER_CACHE = 8;
const scratch = blockScratch();

function samplerOf(req: BlockRequest): LsaSampler {
  let s = samplers.get(req.job.id);
  if (!s) {
    const { dist, m, params, method } = req.job;
    s = lsaSampler(dist, m, params, method);
    if (samplers.size >= SAMPLER_CACHE) samplers.delete(samplers.keys().next().value as number);
    samplers.set(req.job.id, s);
  }
  return s;
}

/**
 * Compute blocks of `req` until the shared counter runs past the last one: ctrl[0] the next block to take,
 * ctrl[1] blocks done (notified), ctrl[3] blocks done by helpers; ctrl[2] set to 1 on an error.
 */
export function serveBlocks(req: BlockRequest): void {
  const ctrl = new Int32Array(req.ctrl);
  const res = new Float64Array(req.res);
  try {
    const sampler = samplerOf(req);
    const rng = { seed: req.job.seed, path: req.job.path };
    for (;;) {
      const j = Atomics.add(ctrl, 0, 1);
      if (j >= req.nb) break;
      fillLsaBlock(sampler, rng, req.first + j, j === req.nb - 1 ? req.lastCount : DRAW_BLOCK, res, j * DRAW_BLOCK, scratch);
      Atomics.add(ctrl, 3, 1);
      Atomics.add(ctrl, 1, 1);
      Atomics.notify(ctrl, 1);
    }
  } catch (e) {
    process.stderr.write(`icl-audit Monte Carlo helper: ${e instanceof Error ? e.stack : String(e)}\n`);
    Atomics.store(ctrl, 2, 1);
    Atomics.notify(ctrl, 1);
  }
}

/** Serve `port`: 'ping' is answered with 'pong', anything else is a {@link BlockRequest}. */
export function listen(port: HelperPort): void {
  port.on('message', (req) => {
    if (req === 'ping') port.postMessage('pong');
    else serveBlocks(req);
  });
}
