/**
 * helpersReady (parallel.ts), which tests and benchmarks await so that helpers take part in a run: it
 * resolves only once the helpers run (their 'online' event has come), and rejects when a helper fails first.
 * Helpers are started inside the tests (not in a hook), so by the code under test as it is now.
 */
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { ensureHelpers, helpersReady, stopHelpers } from '../../src/montecarlo/parallel';

afterEach(() => {
  vi.restoreAllMocks();
});
afterAll(async () => {
  await stopHelpers();
});

describe('helpersReady', () => {
  it('resolves only once the helpers run', async () => {
    await stopHelpers();
    const [w] = ensureHelpers(1); // started, not yet running
    let online = false;
    w.once('online', () => (online = true));
    await helpersReady(1);
    expect(online).toBe(true);
    await stopHelpers();
  }, 60_000);

  it('rejects with the error of a helper that fails before it answers', async () => {
    await stopHelpers();
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const [x] = ensureHelpers(1);
    const ready = helpersReady(1);
    x.emit('error', new Error('no boot'));
    await expect(ready).rejects.toThrow('no boot');
    expect(write).toHaveBeenCalledTimes(1); // spawn's handler: the helper is dropped, once
    await x.terminate();
    await stopHelpers();
  }, 60_000);
});
