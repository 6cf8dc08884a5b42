/**
 * The thread side of the Monte Carlo helpers, run where the tests (and Stryker's mutants) run: a helper's
 * port wiring (listen: 'ping' → 'pong', block requests served, in order), the calling thread's wait for the
 * helpers' blocks (awaitBlocks, with the helpers' part played by a scripted wait: progress, a spurious
 * wake-up, no progress, a failed helper), how many helpers a run starts, that a run writes only its own
 * blocks, that the calling thread computes blocks itself, and what happens to a helper that fails.
 */
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnModuleWorker } from '../../src/montecarlo/spawnWorker';
import { listen } from '../../src/montecarlo/helperJob';
import { awaitBlocks, ensureHelpers, helpersReady, helperThreads, runBlocks, stopHelpers, type BlockRequest, type LsaJobSpec, type WaitFn } from '../../src/montecarlo/parallel';
import { blockScratch, DRAW_BLOCK, fillLsaBlock } from '../../src/montecarlo/blocks';
import { lsaSampler, paramsOfV } from '../../src/montecarlo/lsaSampler';

const dist = { d: 2, promptCov: [[1, 0.2], [0.2, 0.5]] };
let nextId = 2_000_000;

function job(method: 'fast' | 'direct' = 'fast'): LsaJobSpec {
  return { id: nextId++, dist, m: 3, params: paramsOfV([[0.5, 0], [0.1, 0.3]]), method, seed: 9, path: ['threads-test'] };
}

/** Blocks first … first+nb−1 computed one by one, here. */
function expected(j: LsaJobSpec, first: number, nb: number, lastCount: number): number[] {
  const out = new Float64Array((nb - 1) * DRAW_BLOCK + lastCount);
  const s = lsaSampler(j.dist, j.m, j.params, j.method === 'direct' ? 'direct' : 'fast');
  for (let b = 0; b < nb; b++) fillLsaBlock(s, { seed: j.seed, path: j.path }, first + b, b === nb - 1 ? lastCount : DRAW_BLOCK, out, b * DRAW_BLOCK, blockScratch());
  return Array.from(out);
}

afterEach(() => {
  vi.restoreAllMocks();
});
afterAll(async () => {
  await stopHelpers();
});

describe("a helper's port (listen)", () => {
  const ports: MessagePort[] = [];
  afterEach(() => {
    for (const p of ports.splice(0)) p.close();
  });

  it("answers 'ping' with 'pong' and serves block requests in the order they come", async () => {
    const { port1, port2 } = new MessageChannel();
    ports.push(port1, port2);
    listen(port1);
    port2.postMessage('ping');
    expect((await once(port2, 'message'))[0]).toBe('pong');
    const j = job();
    const ctrlBuf = new SharedArrayBuffer(16);
    const resBuf = new SharedArrayBuffer((DRAW_BLOCK + 6) * 8);
    const req: BlockRequest = { job: j, first: 2, nb: 2, lastCount: 6, ctrl: ctrlBuf, res: resBuf };
    port2.postMessage(req);
    port2.postMessage('ping');
    // the pong comes after the request was served (one port, messages in order)
    expect((await once(port2, 'message'))[0]).toBe('pong');
    expect(Array.from(new Int32Array(ctrlBuf))).toEqual([3, 2, 0, 2]);
    expect(Array.from(new Float64Array(resBuf))).toEqual(expected(j, 2, 2, 6));
  });
});

describe('the calling thread waiting for the helpers (awaitBlocks)', () => {
  const spec = { seed: 3, path: ['a', 'b'] };
  /** A wait that plays the helpers: each call runs the next step (on ctrl) and returns its answer; more calls than steps fail. */
  function scripted(steps: Array<(ctrl: Int32Array) => ReturnType<WaitFn>>): WaitFn & { calls: number[][] } {
    const calls: number[][] = [];
    const f = ((ctrl: Int32Array, index: number, value: number, timeoutMs: number) => {
      calls.push([index, value, timeoutMs]);
      const step = steps[calls.length - 1];
      if (!step) throw new Error('waited once more than scripted');
      return step(ctrl);
    }) as WaitFn & { calls: number[][] };
    f.calls = calls;
    return f;
  }

  it('returns at once when every block is done, without waiting', () => {
    const ctrl = new Int32Array([5, 3, 0, 1]);
    const wait = scripted([]);
    awaitBlocks(ctrl, 3, spec, 1000, wait);
    expect(wait.calls).toEqual([]);
  });

  it('sleeps on the done counter until the helpers finish, through a spurious wake-up and a timeout with progress', () => {
    const ctrl = new Int32Array([5, 1, 0, 0]);
    const wait = scripted([
      (c) => ((c[1] = 2), 'ok'), // a helper finished a block and notified
      () => 'ok', // woken, nothing new (not a failure)
      (c) => ((c[1] = 3), 'timed-out'), // the last block landed without a notify: progress, so no error
    ]);
    awaitBlocks(ctrl, 3, spec, 1000, wait);
    expect(wait.calls).toEqual([
      [1, 1, 1000],
      [1, 2, 1000],
      [1, 2, 1000],
    ]);
  });

  it('fails, naming the run, when no block was finished for the whole patience', () => {
    const ctrl = new Int32Array([5, 1, 0, 0]);
    expect(() => awaitBlocks(ctrl, 3, spec, 2500, scripted([() => 'timed-out']))).toThrow(
      'Monte Carlo helper threads made no progress for 2.5 s (run a/b, seed 3); rerun with workers: 1',
    );
  });

  it('fails at once, naming the run, when a helper raised the failed flag', () => {
    const ctrl = new Int32Array([5, 1, 1, 0]);
    const wait = scripted([]);
    expect(() => awaitBlocks(ctrl, 3, spec, 1000, wait)).toThrow(
      'a Monte Carlo helper thread failed on a block of run a/b (seed 3); rerun with workers: 1 to see the error',
    );
  });

  it('waits with Atomics.wait by default (here with nothing left to wait for)', () => {
    const ctrl = new Int32Array(new SharedArrayBuffer(16));
    ctrl[1] = 2;
    expect(() => awaitBlocks(ctrl, 2, spec)).not.toThrow();
  });
});

describe('runs with helper threads (runBlocks)', () => {
  it('start threads − 1 helpers, and none for a single block or a single thread', async () => {
    await stopHelpers();
    const j = job();
    const s = lsaSampler(j.dist, j.m, j.params, 'fast');
    const out = new Float64Array(DRAW_BLOCK + 3);
    runBlocks(j, s, 0, 1, 3, out, 3);
    expect(helperThreads()).toBe(0);
    runBlocks(j, s, 0, 2, 3, out, 1);
    expect(helperThreads()).toBe(0);
    expect(Array.from(out)).toEqual(expected(j, 0, 2, 3));
    runBlocks(j, s, 0, 2, 3, out, 2);
    expect(helperThreads()).toBe(1);
    expect(Array.from(out)).toEqual(expected(j, 0, 2, 3));
  });

  it('write only their own blocks into a longer buffer', () => {
    const j = job('direct');
    const s = lsaSampler(j.dist, j.m, j.params, 'direct');
    for (const threads of [1, 2]) {
      const out = new Float64Array(4 * DRAW_BLOCK).fill(-1);
      runBlocks(j, s, 1, 2, 10, out, threads);
      expect(Array.from(out.subarray(0, DRAW_BLOCK + 10))).toEqual(expected(j, 1, 2, 10));
      for (let i = DRAW_BLOCK + 10; i < out.length; i++) if (out[i] !== -1) throw new Error(`entry ${i} past the run's blocks was written (${threads} threads)`);
    }
  });

  it('have the calling thread compute blocks itself: a helper that cannot build the job takes none', async () => {
    // The helper rebuilds the sampler from the job spec and fails before taking a block (method 'exact'
    // does not exist); the calling thread has its own sampler, so it computes every block, and the run
    // succeeds whatever the helper did. Were the calling thread only to wait, the failed flag would end the run.
    // The helper is started here (not in a hook), so it is started by the code under test as it is now.
    await stopHelpers();
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const j = { ...job(), method: 'exact' as never };
    const s = lsaSampler(j.dist, j.m, j.params, 'fast');
    const out = new Float64Array(3 * DRAW_BLOCK);
    runBlocks(j, s, 0, 3, DRAW_BLOCK, out, 2);
    expect(Array.from(out)).toEqual(expected({ ...j, method: 'fast' }, 0, 3, DRAW_BLOCK));
    // the helper's error reaches this process's stderr (its output is passed through)
    const said = () => write.mock.calls.some((c) => String(c[0]).startsWith("icl-audit Monte Carlo helper: RangeError: method must be 'direct' or 'fast'"));
    for (let waited = 0; !said() && waited < 30_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    expect(said()).toBe(true);
  }, 60_000);

  it('a helper started from the sources boots, answers, keeps no listener of the wait, and stops', async () => {
    await stopHelpers();
    await helpersReady(1);
    const [w] = ensureHelpers(1);
    expect(w.listenerCount('message')).toBe(0);
    // it serves blocks: two threads give the blocks of one
    const j = job();
    const s = lsaSampler(j.dist, j.m, j.params, 'fast');
    const out = new Float64Array(2 * DRAW_BLOCK + 5);
    runBlocks(j, s, 0, 3, 5, out, 2);
    expect(Array.from(out)).toEqual(expected(j, 0, 3, 5));
    const exited = once(w, 'exit');
    await stopHelpers();
    await exited;
    expect(helperThreads()).toBe(0);
  }, 60_000);

  it('drop a helper that fails, say so once, and replace it when more are needed', async () => {
    await stopHelpers();
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const [a, b] = ensureHelpers(2);
    expect(helperThreads()).toBe(2);
    expect(ensureHelpers(1)).toEqual([a]);
    a.emit('error', new Error('boom'));
    expect(helperThreads()).toBe(1);
    expect(ensureHelpers(1)).toEqual([b]);
    expect(write.mock.calls.map((c) => c[0])).toEqual(['icl-audit: a Monte Carlo helper thread failed (boom); runs continue on the other threads\n']);
    const [, c] = ensureHelpers(2);
    expect(c).not.toBe(a);
    // an error that is not an Error, and a second error of a helper already dropped (nothing else is dropped)
    b.emit('error', 'lost');
    a.emit('error', new Error('again'));
    expect(ensureHelpers(1)).toEqual([c]);
    expect(helperThreads()).toBe(1);
    expect(write.mock.calls[1][0]).toBe('icl-audit: a Monte Carlo helper thread failed (lost); runs continue on the other threads\n');
    await Promise.all([a.terminate(), b.terminate()]);
    await stopHelpers();
  });
});

describe('spawnModuleWorker from compiled JavaScript (as from dist/)', () => {
  it('starts ./<name>.js beside the caller, with workerData passed on and no execArgv', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'icl-spawn-'));
    try {
      writeFileSync(join(dir, 'probe.js'), "import { parentPort, workerData } from 'node:worker_threads';\nparentPort.postMessage({ execArgv: process.execArgv, workerData });\n");
      writeFileSync(join(dir, 'package.json'), '{ "type": "module" }');
      const w = spawnModuleWorker(pathToFileURL(join(dir, 'caller.js')).href, 'probe', { workerData: 7 });
      const [msg] = await once(w, 'message');
      await w.terminate();
      expect(msg).toEqual({ execArgv: [], workerData: 7 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
