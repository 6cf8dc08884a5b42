/**
 * One test body per kernel, run on every registered backend (as TF.js's `describeWithFlags(…, ALL_ENVS, …)`):
 * a new backend is a new file registering its kernels, and this suite must pass on it unchanged.
 */
import { describe } from 'vitest';
import { backendNames } from '../../src/kernels';

/** `describe(name)` once per registered backend; `body` receives the backend's name. */
export function describeEachBackend(name: string, body: (backend: string) => void): void {
  for (const backend of backendNames()) describe(`${name} [backend ${backend}]`, () => body(backend));
}
