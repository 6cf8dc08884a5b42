/**
 * TF.js backends for the trained baselines: cpu (plain JS), wasm (SIMD, one thread) and webgpu (Dawn
 * for Node, the `webgpu` package: a hardware adapter where a GPU and its Vulkan driver exist, else Mesa's
 * software Vulkan device). `auto` takes webgpu on a hardware adapter, else wasm, else cpu.
 */
import { tf } from './nn/tf';

/** A backend name as the CLI takes it. */
export type BackendChoice = 'auto' | 'cpu' | 'wasm' | 'webgpu';
/** The backends that exist. */
export const BACKENDS: readonly BackendChoice[] = ['auto', 'cpu', 'wasm', 'webgpu'];

/** What was selected and on what. */
export interface BackendInfo {
  name: 'cpu' | 'wasm' | 'webgpu';
  /** The adapter for webgpu (vendor/architecture/description), else the backend in words. */
  device: string;
  /** True when webgpu runs on a software adapter (Mesa lavapipe/llvmpipe). */
  software: boolean;
}

let webgpuAdapter: { info: string; software: boolean } | null | undefined;

/** Make the webgpu backend available (once); null when no adapter is found. */
async function prepareWebgpu(): Promise<{ info: string; software: boolean } | null> {
  if (webgpuAdapter !== undefined) return webgpuAdapter;
  webgpuAdapter = null;
  try {
    if (!process.env.XDG_RUNTIME_DIR) process.env.XDG_RUNTIME_DIR = '/tmp';
    const webgpu = (await import('webgpu')) as unknown as { create(opts: string[]): GPU; globals: Record<string, unknown> };
    Object.assign(globalThis, webgpu.globals);
    const gpu = webgpu.create([]);
    const adapter = await gpu.requestAdapter();
    if (!adapter) return null;
    const info = (adapter as unknown as { info?: { vendor?: string; architecture?: string; description?: string; device?: string } }).info ?? {};
    const text = [info.vendor, info.architecture, info.device, info.description].filter((s) => s).join(' ');
    const software = /llvmpipe|lavapipe|swiftshader|software|cpu/i.test(text);
    (globalThis as unknown as { navigator: unknown }).navigator = { gpu };
    await import('@tensorflow/tfjs-backend-webgpu');
    webgpuAdapter = { info: text || 'unknown adapter', software };
  } catch {
    webgpuAdapter = null;
  }
  return webgpuAdapter;
}

interface GPU {
  requestAdapter(): Promise<unknown>;
}

/** Select and initialize a backend. Throws with a clear message when the named one cannot start. */
export async function selectBackend(choice: BackendChoice): Promise<BackendInfo> {
  if (choice === 'auto') {
    const a = await prepareWebgpu();
    if (a && !a.software && (await tf.setBackend('webgpu'))) return { name: 'webgpu', device: a.info, software: false };
    if (await tf.setBackend('wasm').catch(() => false)) return { name: 'wasm', device: 'WebAssembly (SIMD, 1 thread)', software: false };
    await tf.setBackend('cpu');
    return { name: 'cpu', device: 'JavaScript', software: false };
  }
  if (choice === 'webgpu') {
    const a = await prepareWebgpu();
    if (!a) throw new Error('webgpu: no WebGPU adapter (install a Vulkan driver, e.g. Mesa\'s mesa-vulkan-drivers, or use --backend wasm)');
    if (!(await tf.setBackend('webgpu'))) throw new Error('webgpu: the TF.js webgpu backend failed to start');
    await tf.ready();
    return { name: 'webgpu', device: a.info, software: a.software };
  }
  if (!(await tf.setBackend(choice))) throw new Error(`${choice}: the TF.js backend failed to start`);
  await tf.ready();
  return { name: choice, device: choice === 'wasm' ? 'WebAssembly (SIMD, 1 thread)' : 'JavaScript', software: false };
}
