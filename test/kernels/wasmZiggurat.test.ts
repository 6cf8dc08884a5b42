/**
 * The `wasm` backend's module and loader (src/kernels/wasm/): the LEB128 encoders against the
 * specification's worked values, the module's layout, the fall-back where WebAssembly is missing or refuses
 * the bytes, and the backend's registration. Its draws are checked draw for draw by the conformance suite.
 */
import { describe, expect, it } from 'vitest';
import { activeBackend, backendNames, hasKernel } from '../../src/kernels';
import { CAPACITY, KN_AT, OUT_AT, STATE_AT, U_AT, WN_AT, sleb, sleb64, uleb, zigguratModuleBytes } from '../../src/kernels/wasm/zigguratModule';
import { instantiateZiggurat, normalFillWasm, wasmAvailable } from '../../src/kernels/wasm/ziggurat';
import { kn, wn } from '../../src/kernels/js/ziggurat';

describe('the wasm ziggurat module', () => {
  it('encodes LEB128 as the WebAssembly specification and its examples do', () => {
    expect(uleb(0)).toEqual([0]);
    expect(uleb(127)).toEqual([0x7f]);
    expect(uleb(128)).toEqual([0x80, 0x01]);
    expect(uleb(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(uleb(2 ** 32 - 1)).toEqual([0xff, 0xff, 0xff, 0xff, 0x0f]);
    expect(sleb(0)).toEqual([0]);
    expect(sleb(63)).toEqual([0x3f]);
    expect(sleb(64)).toEqual([0xc0, 0x00]);
    expect(sleb(-1)).toEqual([0x7f]);
    expect(sleb(-64)).toEqual([0x40]);
    expect(sleb(-65)).toEqual([0xbf, 0x7f]);
    expect(sleb(-123456)).toEqual([0xc0, 0xbb, 0x78]);
    expect(sleb64(37n)).toEqual([0x25]);
    expect(sleb64(64n)).toEqual([0xc0, 0x00]);
    expect(sleb64(-64n)).toEqual([0x40]);
    expect(sleb64(-65n)).toEqual([0xbf, 0x7f]);
    expect(sleb64(-123456n)).toEqual([0xc0, 0xbb, 0x78]);
    // 0xFFFF0000FFFFFFFF (the mask of the word-wise shift), 7 bits at a time from the low end: four groups of
    // ones, then bits 28…34 = 0001111, bits 35…41 = 0, bits 42…48 = 1000000, and the rest all ones (the sign)
    expect(sleb64(-0x0000ffff00000001n)).toEqual([0xff, 0xff, 0xff, 0xff, 0x8f, 0x80, 0x40]);
  });

  it('is a valid module laid out as documented, the same bytes every time', () => {
    const bytes = zigguratModuleBytes();
    expect(Array.from(bytes.subarray(0, 8))).toEqual([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
    expect((globalThis as unknown as { WebAssembly: { validate(b: Uint8Array): boolean } }).WebAssembly.validate(bytes)).toBe(true);
    expect(Array.from(zigguratModuleBytes())).toEqual(Array.from(bytes));
    expect([KN_AT + 4 * 128 <= WN_AT, WN_AT + 8 * 128 <= STATE_AT, STATE_AT + 16 === U_AT, U_AT + 4 <= OUT_AT]).toEqual([true, true, true, true]);
    expect(OUT_AT + 8 * CAPACITY).toBe(65536);
    const inst = instantiateZiggurat()!;
    expect(Array.from(new Int32Array(inst.words.buffer, KN_AT, 128))).toEqual(Array.from(kn));
    expect(Array.from(new Float64Array(inst.words.buffer, WN_AT, 128))).toEqual(Array.from(wn));
    expect(inst.out.length).toBe(CAPACITY);
    // an empty range returns its end at once and leaves the state as it was
    inst.words.set([1, 2, 3, 4]);
    expect(inst.fill(5, 5)).toBe(5);
    expect(Array.from(inst.words.subarray(0, 4))).toEqual([1, 2, 3, 4]);
  });

  it('stops at the first draw that fails the fast test, with its output stored and the state past it', () => {
    const inst = instantiateZiggurat()!;
    // s0 = 0, s1 = 0x80000000·2³²: output u = 0x80000000, layer 64, hz = 0 → passes (|0| < kn[64]);
    // s1 = 0x00000001·2³² (u = 1, layer 0, hz = 128 < kn[0]) passes; a u with layer 1 (kn[1] = 0) always fails.
    inst.words.set([0, 0, 0, 0x02000000]); // u = 0x02000000: iz = 1, hz = 0 → fails (kn[1] = 0)
    expect(inst.fill(0, 10)).toBe(0);
    expect(inst.words[4]).toBe(0x02000000);
    // the state advanced once: s1 ^= s0 → a = s1; s0 = a ^ (a ≪ 16 word-wise); s1 = rotl(a, 37)
    expect(Array.from(inst.words.subarray(0, 4))).toEqual([0x00000200, 0x02000000, 0x40000000, 0]);
  });

  it('falls back (null) where WebAssembly is missing or refuses the bytes', () => {
    expect(instantiateZiggurat(null)).toBeNull();
    expect(instantiateZiggurat(null, new Uint8Array(0))).toBeNull();
    const api = (globalThis as unknown as { WebAssembly: Parameters<typeof instantiateZiggurat>[0] }).WebAssembly;
    expect(instantiateZiggurat(api, Uint8Array.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 99]))).toBeNull();
    expect(instantiateZiggurat(api)).not.toBeNull();
  });

  it('is registered as the default backend with normalFill only', () => {
    expect(wasmAvailable).toBe(true);
    expect(backendNames()).toEqual(['js', 'wasm']);
    expect(activeBackend()).toBe('wasm');
    expect(hasKernel('normalFill', 'wasm')).toBe(true);
    expect(hasKernel('mcFastFill', 'wasm')).toBe(false);
    // a fill of zero draws leaves the state as it was
    const g = { s00: 1, s01: 2, s10: 3, s11: 4 };
    normalFillWasm(g, new Float64Array(1), 0, 0);
    expect(g).toEqual({ s00: 1, s01: 2, s10: 3, s11: 4 });
  });
});
