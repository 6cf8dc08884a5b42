/**
 * Backends and their kernels, after TF.js's `registerKernel` / `getKernel`: a backend is a name and a set
 * of kernel functions; plain JavaScript (`js`) implements every kernel and is registered first; a faster
 * backend (WebAssembly, TF.js) registers the kernels it has and falls back to `js` for the rest. Callers
 * look a kernel up once (when they build their plan) and call it directly in their loops.
 */
import { KERNEL_NAMES, type KernelName } from './names';
import type { KernelSignatures } from './types';

/** A backend: a name and the kernels it implements. */
export interface KernelBackend {
  name: string;
  kernels: Partial<KernelSignatures>;
}

const backends = new Map<string, KernelBackend>();
let active = 'js';

/** Register a backend (its name must be new unless `replace`). */
export function registerBackend(backend: KernelBackend, replace = false): void {
  if (!/^[a-z][a-z0-9-]*$/.test(backend.name)) throw new RangeError(`backend name '${backend.name}' must match /^[a-z][a-z0-9-]*$/`);
  if (backends.has(backend.name) && !replace) throw new RangeError(`backend '${backend.name}' is already registered`);
  for (const k of Object.keys(backend.kernels))
    if (!(KERNEL_NAMES as readonly string[]).includes(k)) throw new RangeError(`backend '${backend.name}': unknown kernel '${k}' (known: ${KERNEL_NAMES.join(', ')})`);
  backends.set(backend.name, backend);
}

/** Names of the registered backends, `js` first. */
export function backendNames(): string[] {
  return [...backends.keys()];
}

/** The backend kernels are taken from by default (`js` unless changed by {@link setBackend}). */
export function activeBackend(): string {
  return active;
}

/** Make `name` the default backend. */
export function setBackend(name: string): void {
  if (!backends.has(name)) throw new RangeError(`backend '${name}' is not registered (registered: ${backendNames().join(', ')})`);
  active = name;
}

/** Whether `backend` implements `kernel` itself (rather than falling back to `js`). */
export function hasKernel(kernel: KernelName, backend: string): boolean {
  return backends.get(backend)?.kernels[kernel] !== undefined;
}

/** The function of `kernel` on `backend` (default: the active one), falling back to the `js` backend's. */
export function getKernel<K extends KernelName>(kernel: K, backend: string = active): KernelSignatures[K] {
  const b = backends.get(backend);
  if (!b) throw new RangeError(`backend '${backend}' is not registered (registered: ${backendNames().join(', ')})`);
  const f = b.kernels[kernel] ?? backends.get('js')?.kernels[kernel];
  if (!f) throw new RangeError(`kernel '${kernel}' has no implementation on backend '${backend}' or 'js'`);
  return f as KernelSignatures[K];
}
