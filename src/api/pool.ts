/**
 * Worker threads for the whole commands (`verify`, `prove`): the tasks (one claim, or one derivation at
 * one dimension) are independent — each derives its seed from the root seed and its own id, as sharding
 * (src/claims/shard.ts) relies on — so they can run on several threads at once and give the same results
 * as one after the other. Tasks are handed out longest first (by a cost hint; unknown tasks last) to
 * whichever thread is free, and the results are returned in the tasks' order, whatever thread ran them.
 *
 * Each thread loads the modules it needs itself (node:worker_threads share no JavaScript objects), so a
 * task's memoized work (e.g. the symbolic expansions in proofs/derived.ts) is shared only by the tasks
 * of the same thread; that changes times, never results.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { spawnModuleWorker } from '../montecarlo/spawnWorker';

/**
 * What a worker thread runs: one claim (root seed, runs) or one derivation at one dimension. Tasks of the
 * same `group` run on one thread, one after the other in their order (so they share that thread's
 * memoized work); the group is handed out as one unit.
 */
export type PoolTask = (
  | { kind: 'claim'; id: string; seed: number; runs: number }
  | { kind: 'derivation'; id: string; d: number; seed: number; nerdamer: boolean }
) & { group?: string };

/** The most worker threads a command may use. */
export const MAX_COMMAND_WORKERS = 64;

/** The default number of worker threads: the cores available to the process, at most 4 (and at least 1). */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(availableParallelism(), 4));
}

/** `workers` checked: an integer from 1 to {@link MAX_COMMAND_WORKERS} (default {@link defaultWorkers}). */
export function resolveCommandWorkers(workers: number | undefined): number {
  const w = workers ?? defaultWorkers();
  if (!Number.isInteger(w) || w < 1 || w > MAX_COMMAND_WORKERS) throw new RangeError(`workers must be an integer from 1 to ${MAX_COMMAND_WORKERS}, got ${w}`);
  return w;
}

/** Messages from a worker thread. */
export type PoolMessage =
  | { index: number; type: 'progress'; done: number; total: number }
  | { index: number; type: 'result'; result: unknown }
  | { index: number; type: 'error'; message: string };

/** Callbacks of {@link runPooled}. */
export interface PoolCallbacks<R> {
  /** Task `index` has started (done 0) or progressed. */
  onProgress?: (index: number, done: number, total: number) => void;
  /** Task `index` finished with `result` (in completion order, not task order). */
  onResult?: (index: number, result: R) => void;
}

function spawn(): Worker {
  return spawnModuleWorker(import.meta.url, 'poolWorker');
}

/**
 * Run `tasks` on `workers` threads (at most one per unit: a group or a task alone), the costliest unit
 * first by the sum of `cost(task)` (ties keep the tasks' order); resolves to the results in the tasks' order. A task that throws
 * in its thread, or a thread that dies, rejects the run (the other threads are stopped).
 */
export async function runPooled<R>(tasks: readonly PoolTask[], workers: number, cost: (t: PoolTask) => number, cb: PoolCallbacks<R> = {}): Promise<R[]> {
  // units of work: a group's tasks in their order, or a task alone; the costliest unit first
  const unitOf = new Map<string, number[]>();
  const units: number[][] = [];
  tasks.forEach((t, i) => {
    const g = t.group;
    if (g === undefined) units.push([i]);
    else if (unitOf.has(g)) unitOf.get(g)!.push(i);
    else {
      const u = [i];
      unitOf.set(g, u);
      units.push(u);
    }
  });
  const unitCost = units.map((u) => u.reduce((s, i) => s + cost(tasks[i]), 0));
  const order = units.map((_, k) => k).sort((a, b) => unitCost[b] - unitCost[a] || units[a][0] - units[b][0]);
  const n = Math.min(resolveCommandWorkers(workers), units.length);
  const results = new Array<R>(tasks.length);
  if (n === 0) return results;
  let next = 0;
  let left = tasks.length;
  const threads: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (e: Error): void => {
        if (failed) return;
        failed = true;
        reject(e);
      };
      const queue = new Map<Worker, number[]>();
      const give = (w: Worker): void => {
        let q = queue.get(w);
        if (!q || q.length === 0) {
          if (next >= order.length) return;
          q = [...units[order[next++]]];
          queue.set(w, q);
        }
        const index = q.shift()!;
        cb.onProgress?.(index, 0, 1);
        w.postMessage({ index, task: tasks[index] });
      };
      for (let k = 0; k < n; k++) {
        const w = spawn();
        threads.push(w);
        w.on('message', (m: PoolMessage) => {
          if (failed) return;
          if (m.type === 'progress') cb.onProgress?.(m.index, m.done, m.total);
          else if (m.type === 'error') fail(new Error(`${tasks[m.index].kind} ${tasks[m.index].id}: ${m.message}`));
          else {
            results[m.index] = m.result as R;
            cb.onResult?.(m.index, m.result as R);
            if (--left === 0) resolve();
            else give(w);
          }
        });
        w.on('error', (e) => fail(new Error(`a worker thread failed: ${e instanceof Error ? e.message : String(e)}`)));
        w.on('exit', (code) => {
          if (left > 0) fail(new Error(`a worker thread exited (code ${code}) with ${left} task(s) left`));
        });
        give(w);
      }
    });
  } finally {
    await Promise.all(threads.map((w) => w.terminate()));
  }
  return results;
}
