/**
 * A Monte Carlo helper thread (started by parallel.ts): takes block indices from the shared counter,
 * computes each block from its own stream and writes it at the block's place; see parallel.ts.
 */
import { parentPort } from 'node:worker_threads';
import { lsaSampler, type LsaSampler } from './lsaSampler';
import { DRAW_BLOCK, blockScratch, fillLsaBlock } from './blocks';
import type { BlockRequest } from './parallel';

const samplers = new Map<number, LsaSampler>();
const scratch = blockScratch();

function samplerOf(req: BlockRequest): LsaSampler {
  let s = samplers.get(req.job.id);
  if (!s) {
    const { dist, m, params, method } = req.job;
    s = lsaSampler(dist, m, params, method);
    if (samplers.size >= 8) samplers.delete(samplers.keys().next().value as number);
    samplers.set(req.job.id, s);
  }
  return s;
}

parentPort?.on('message', (req: BlockRequest | 'ping') => {
  if (req === 'ping') {
    parentPort?.postMessage('pong');
    return;
  }
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
});
