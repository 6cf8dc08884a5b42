/**
 * A Monte Carlo helper thread (started by parallel.ts): answers 'ping' with 'pong' and serves block
 * requests (helperJob.ts); see parallel.ts.
 */
import { parentPort } from 'node:worker_threads';
import { serveBlocks } from './helperJob';
import type { BlockRequest } from './parallel';

parentPort?.on('message', (req: BlockRequest | 'ping') => {
  if (req === 'ping') parentPort?.postMessage('pong');
  else serveBlocks(req);
});
