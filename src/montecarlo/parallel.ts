/**
 * Helper threads for the Monte Carlo estimators: blocks of draws (blocks.ts) computed by the calling
 * thread and `workers − 1` helper threads (node:worker_threads) at once.
 *
 * The estimators are synchronous, so the calling thread takes part in the work and then blocks in
 * `Atomics.wait` until the helpers are done: block indices are handed out by an atomic counter in shared
 * memory, each thread writes its blocks' results at the blocks' places in a shared buffer, and the run
 * reads them in block order. Which thread computed a block never matters (the draws are addressed by
 * block), so results are identical for any number of workers. Helpers are started once, on first use,
 * and kept (unref'd, so they never keep the process alive); a helper that has not started yet when a job
 * comes simply finds no blocks left.
 */
import { Worker } from 'node:worker_threads';
import type { PromptDistribution } from '../icl/distribution';
import type { LsaParams } from '../lsa/params';
import type { SamplingMethod, LsaSampler } from './lsaSampler';
import { DRAW_BLOCK, blockScratch, fillLsaBlock } from './blocks';
import { spawnModuleWorker } from './spawnWorker';

/** What a helper needs to rebuild the sampler of a run. */
export interface LsaJobSpec {
  /** Unique per run (helpers cache the sampler by it). */
  id: number;
  dist: PromptDistribution;
  m: number;
  params: LsaParams;
  method: SamplingMethod;
  seed: number;
  path: string[];
}

/** The message a helper receives: compute blocks first … first+nb−1 (the last one `lastCount` samples). */
export interface BlockRequest {
  job: LsaJobSpec;
  first: number;
  nb: number;
  lastCount: number;
  /** Int32 [next block to take, blocks done, failed flag, blocks done by helpers]. */
  ctrl: SharedArrayBuffer;
  res: SharedArrayBuffer;
}

/** The most threads a run may use. */
export const MAX_WORKERS = 64;

let nextJobId = 1;
const helpers: Worker[] = [];
let helperBlocks = 0;

/** Blocks computed by helper threads since the process started (for tests and benchmarks). */
export function helperBlockCount(): number {
  return helperBlocks;
}

/** Helper threads started and not failed (tests and benchmarks). */
export function helperThreads(): number {
  return helpers.length;
}

/** Resolves once `n` helpers are running and answering (tests and benchmarks wait so helpers take part). */
export async function helpersReady(n: number): Promise<void> {
  await Promise.all(
    ensureHelpers(n).map(
      (w) =>
        new Promise<void>((resolve, reject) => {
          const onMessage = (m: unknown) => {
            if (m === 'pong') {
              w.off('message', onMessage);
              resolve();
            }
          };
          w.on('message', onMessage);
          w.once('error', reject);
          w.postMessage('ping');
        }),
    ),
  );
}

/** A fresh job id. */
export function newJobId(): number {
  return nextJobId++;
}

function spawn(): Worker {
  const w = spawnModuleWorker(import.meta.url, 'worker', { stdout: false, stderr: false });
  w.unref();
  w.on('error', (e) => {
    process.stderr.write(`icl-audit: a Monte Carlo helper thread failed (${e instanceof Error ? e.message : String(e)}); runs continue on the other threads\n`);
    const i = helpers.indexOf(w);
    if (i >= 0) helpers.splice(i, 1);
  });
  return w;
}

/** Start helpers until `n` exist (they boot in the background). */
export function ensureHelpers(n: number): Worker[] {
  while (helpers.length < n) helpers.push(spawn());
  return helpers.slice(0, n);
}

/** Stop every helper thread (tests; a process exits without this, helpers are unref'd). */
export async function stopHelpers(): Promise<void> {
  const all = helpers.splice(0);
  await Promise.all(all.map((w) => w.terminate()));
}

/**
 * Compute blocks first … first+nb−1 of `job` (the last with `lastCount` samples) into out[0 …], with the
 * calling thread and `threads − 1` helpers.
 */
export function runBlocks(job: LsaJobSpec, sampler: LsaSampler, first: number, nb: number, lastCount: number, out: Float64Array, threads: number): void {
  const scratch = blockScratch();
  const size = (j: number) => (j === nb - 1 ? lastCount : DRAW_BLOCK);
  const rng = { seed: job.seed, path: job.path };
  if (threads <= 1 || nb <= 1) {
    for (let j = 0; j < nb; j++) fillLsaBlock(sampler, rng, first + j, size(j), out, j * DRAW_BLOCK, scratch);
    return;
  }
  const ctrlBuf = new SharedArrayBuffer(4 * 4);
  const ctrl = new Int32Array(ctrlBuf);
  const total = (nb - 1) * DRAW_BLOCK + lastCount;
  const resBuf = new SharedArrayBuffer(total * 8);
  const res = new Float64Array(resBuf);
  const msg: BlockRequest = { job, first, nb, lastCount, ctrl: ctrlBuf, res: resBuf };
  for (const w of ensureHelpers(threads - 1)) w.postMessage(msg);
  for (;;) {
    const j = Atomics.add(ctrl, 0, 1);
    if (j >= nb) break;
    fillLsaBlock(sampler, rng, first + j, size(j), res, j * DRAW_BLOCK, scratch);
    Atomics.add(ctrl, 1, 1);
  }
  awaitBlocks(ctrl, nb, job);
  helperBlocks += Atomics.load(ctrl, 3);
  out.set(res.subarray(0, total));
}

/** Atomics.wait's signature (a parameter of {@link awaitBlocks}, so tests can play the helpers' part). */
export type WaitFn = (ctrl: Int32Array, index: number, value: number, timeoutMs: number) => 'ok' | 'not-equal' | 'timed-out';

/**
 * Block until ctrl[1] (blocks done) reaches `nb`, sleeping on ctrl[1] between checks (helpers notify it):
 * throws when a helper raised the failed flag ctrl[2], or when no block was finished for `patienceMs`.
 */
export function awaitBlocks(ctrl: Int32Array, nb: number, job: Pick<LsaJobSpec, 'seed' | 'path'>, patienceMs = 120_000, wait: WaitFn = Atomics.wait): void {
  for (;;) {
    const done = Atomics.load(ctrl, 1);
    if (done >= nb) return;
    if (Atomics.load(ctrl, 2) !== 0) throw new Error(`a Monte Carlo helper thread failed on a block of run ${job.path.join('/')} (seed ${job.seed}); rerun with workers: 1 to see the error`);
    if (wait(ctrl, 1, done, patienceMs) === 'timed-out' && Atomics.load(ctrl, 1) === done)
      throw new Error(`Monte Carlo helper threads made no progress for ${patienceMs / 1000} s (run ${job.path.join('/')}, seed ${job.seed}); rerun with workers: 1`);
  }
}
