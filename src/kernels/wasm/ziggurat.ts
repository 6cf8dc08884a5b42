/**
 * The `normalFill` kernel in WebAssembly (module: zigguratModule.ts). The common draw (≈ 98.8 %: one
 * xoroshiro128+ output, the fast test, one product) runs in the module on native 64-bit state; a draw that
 * fails the fast test comes back here and is finished by the JavaScript rare path (`slowFromState`, the
 * same code as the `js` backend's), on the same state words. So the draws, and the state left after
 * them, are those of the `js` backend, bit for bit (the conformance suite checks it draw for draw).
 */
import type { GeneratorState } from '../types';
import { kn, slowFromState, wn } from '../js/ziggurat';
import { CAPACITY, KN_AT, OUT_AT, STATE_AT, WN_AT, zigguratModuleBytes } from './zigguratModule';

interface Instance {
  fill: (start: number, end: number) => number;
  words: Int32Array;
  out: Float64Array;
}

/** The part of the WebAssembly API used here (the project's TypeScript libraries do not declare it). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
}

/**
 * Instantiate the module (`bytes`) with the WebAssembly API `api` (null: none) and copy the ziggurat's tables
 * into its memory; null where WebAssembly is missing or refuses the module.
 */
export function instantiateZiggurat(api: WasmApi | null = (globalThis as { WebAssembly?: WasmApi }).WebAssembly ?? null, bytes = zigguratModuleBytes()): Instance | null {
  let exports: Record<string, unknown>;
  try {
    exports = new api!.Instance(new api!.Module(bytes)).exports;
  } catch {
    return null;
  }
  const buffer = (exports.mem as { buffer: ArrayBuffer }).buffer;
  new Int32Array(buffer, KN_AT, 128).set(kn);
  new Float64Array(buffer, WN_AT, 128).set(wn);
  return {
    fill: exports.fill as (start: number, end: number) => number,
    words: new Int32Array(buffer, STATE_AT, 5),
    out: new Float64Array(buffer, OUT_AT, CAPACITY),
  };
}

const instance = instantiateZiggurat();

/** Whether the module runs here. */
export const wasmAvailable = instance !== null;

/** `out[offset … offset+count)` ← standard normals from the generator state `g` (advanced in place). */
export function normalFillWasm(g: GeneratorState, out: Float64Array, offset: number, count: number): void {
  const { fill, words, out: buf } = instance!;
  // state as two little-endian i64: s0 = (s00, s01), s1 = (s10, s11), low word first
  words[0] = g.s01;
  words[1] = g.s00;
  words[2] = g.s11;
  words[3] = g.s10;
  for (let done = 0; done < count; ) {
    const n = Math.min(CAPACITY, count - done);
    for (let i = fill(0, n); i < n; i = fill(i + 1, n)) {
      // the draw at i failed the fast test: finish it from its output u (index U_AT / 4 − STATE_AT / 4 = 4)
      const u = words[4];
      g.s00 = words[1];
      g.s01 = words[0];
      g.s10 = words[3];
      g.s11 = words[2];
      buf[i] = slowFromState(u << 7, u >>> 25, g);
      words[0] = g.s01;
      words[1] = g.s00;
      words[2] = g.s11;
      words[3] = g.s10;
    }
    out.set(buf.subarray(0, n), offset + done);
    done += n;
  }
  g.s00 = words[1];
  g.s01 = words[0];
  g.s10 = words[3];
  g.s11 = words[2];
}
