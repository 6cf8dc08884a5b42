/**
 * A worker thread of the command pool (started by pool.ts): runs one task at a time — a claim through
 * `runClaims` (the same function and the same seeds as the serial run), or a derivation at one dimension
 * through `runDerivations` — and posts its progress (at most every 50 ms) and its result.
 */
import { parentPort } from 'node:worker_threads';
import type { PoolMessage, PoolTask } from './pool';

const post = (m: PoolMessage): void => parentPort?.postMessage(m);

async function run(index: number, task: PoolTask): Promise<unknown> {
  if (task.kind === 'claim') {
    const [{ claimRegistry }, { runClaims }] = await Promise.all([import('../claims/registry'), import('../claims/run')]);
    const claim = claimRegistry().find((c) => c.id === task.id);
    if (!claim) throw new RangeError(`unknown claim '${task.id}'`);
    let last = 0;
    const [report] = await runClaims([claim], {
      seed: task.seed,
      runs: task.runs,
      onProgress: (_k, _n, _id, done, total) => {
        const now = Date.now();
        if (now - last < 50) return;
        last = now;
        post({ index, type: 'progress', done, total });
      },
    });
    return report;
  }
  const { runDerivations } = await import('../../proofs/index');
  const [result] = await runDerivations({ only: [task.id], d: task.d, seed: task.seed, nerdamer: task.nerdamer });
  if (!result) throw new RangeError(`derivation ${task.id} does not run at d = ${task.d}`);
  return result;
}

parentPort?.on('message', (m: { index: number; task: PoolTask }) => {
  run(m.index, m.task).then(
    (result) => post({ index: m.index, type: 'result', result }),
    (e: unknown) => post({ index: m.index, type: 'error', message: e instanceof Error ? e.message : String(e) }),
  );
});
