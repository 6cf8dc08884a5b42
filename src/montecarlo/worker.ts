/**
 * A Monte Carlo helper thread (started by parallel.ts): its port is served by helperJob.ts's `listen`
 * ('ping' → 'pong', block requests); see parallel.ts. Started only as a worker, where parentPort is set.
 */
import { parentPort } from 'node:worker_threads';
import { listen } from './helperJob';

listen(parentPort!);
