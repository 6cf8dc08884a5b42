/**
 * The WebAssembly module of the `wasm` backend's `normalFill`, assembled here, byte by byte, from the
 * instruction list below (no toolchain: the bytes are a pure function of this file, so the build is
 * reproducible and the module is what this source says).
 *
 * Memory (one 64 KiB page, exported as `mem`): `kn` (128 × i32) at {@link KN_AT}, `wn` (128 × f64) at
 * {@link WN_AT}, the generator state at {@link STATE_AT} (two i64: s0 = s00·2³² + s01, s1 = s10·2³² + s11,
 * little-endian, i.e. the i32 words s01, s00, s11, s10 in that order), the output u of a rare-path draw at
 * {@link U_AT}, and the output buffer, {@link CAPACITY} doubles, at {@link OUT_AT}.
 *
 * `fill(start, end) → i`: draws normals into out[start …] by xoroshiro128+ (pure-rand's `next()`: output
 * the 32-bit sum of the high words, then s1 ^= s0, s0 = rotl(s0, 24) ^ s1 ^ (s1 ≪ 16), s1 = rotl(s1, 37), with pure-rand's
 * word-wise ≪ 16: rotl(s1, 16) with bits 32…47 cleared)
 * and the ziggurat's fast test |hz| < kn[iz]; at the first draw that fails the test it stops, stores that
 * output u at U_AT and returns its index i (< end), the state already advanced past it; otherwise it returns
 * `end`. The caller finishes the rare draw (wedge or tail) in JavaScript and calls again from i + 1.
 */

/** Byte offset of the `kn` table (128 i32). */
export const KN_AT = 0;
/** Byte offset of the `wn` table (128 f64). */
export const WN_AT = 512;
/** Byte offset of the generator state (two i64). */
export const STATE_AT = 1536;
/** Byte offset of the rare-path output u (i32). */
export const U_AT = 1552;
/** Byte offset of the output buffer. */
export const OUT_AT = 2048;
/** Doubles the output buffer holds (the rest of the page). */
export const CAPACITY = (65536 - OUT_AT) / 8;

/** Unsigned LEB128. */
export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 of a 32-bit integer. */
export function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

/** Signed LEB128 of a 64-bit integer. */
export function sleb64(n: bigint): number[] {
  const out: number[] = [];
  for (;;) {
    const b = Number(n & 0x7fn);
    n >>= 7n;
    if ((n === 0n && (b & 0x40) === 0) || (n === -1n && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

function section(id: number, body: number[]): number[] {
  return [id, ...uleb(body.length), ...body];
}

function name(s: string): number[] {
  return [...uleb(s.length), ...[...s].map((c) => c.charCodeAt(0))];
}

// opcodes (WebAssembly core specification 1.0, §5.4)
const BLOCK = 0x02, LOOP = 0x03, IF = 0x04, ELSE = 0x05, END = 0x0b, BR = 0x0c, BR_IF = 0x0d, VOID = 0x40;
const GET = 0x20, SET = 0x21;
const I32_LOAD = 0x28, I64_LOAD = 0x29, F64_LOAD = 0x2b, I32_STORE = 0x36, I64_STORE = 0x37, F64_STORE = 0x39;
const I32_CONST = 0x41, I64_CONST = 0x42;
const I32_GE_U = 0x4f, I32_LT_S = 0x48, I32_GT_S = 0x4a;
const I32_ADD = 0x6a, I32_SUB = 0x6b, I32_AND = 0x71, I32_SHL = 0x74, I32_SHR_U = 0x76;
const I64_AND = 0x83, I64_XOR = 0x85, I64_SHR_U = 0x88, I64_ROTL = 0x89;
/** 0xFFFF0000FFFFFFFF as a signed 64-bit integer. */
const SHIFT16_MASK = -0x0000ffff00000001n;
const I32_WRAP_I64 = 0xa7, F64_MUL = 0xa2, F64_CONVERT_I32_S = 0xb7;
const I32 = 0x7f, I64 = 0x7e;

// locals: params start, end; then i32 i, u, hz, iz, k; then i64 s0, s1, a
const START = 0, END_ = 1, I = 2, U = 3, HZ = 4, IZ = 5, K = 6, S0 = 7, S1 = 8, A = 9;

const get = (l: number) => [GET, l];
const set = (l: number) => [SET, l];
const i32c = (n: number) => [I32_CONST, ...sleb(n)];
const i64c = (n: bigint) => [I64_CONST, ...sleb64(n)];
const mem = (op: number, align: number, offset: number) => [op, align, ...uleb(offset)];

/** The body of `fill` (locals and instructions). */
function fillBody(): number[] {
  const code = [
    // s0, s1 ← state
    ...i32c(0), ...mem(I64_LOAD, 3, STATE_AT), ...set(S0),
    ...i32c(0), ...mem(I64_LOAD, 3, STATE_AT + 8), ...set(S1),
    ...get(START), ...set(I),
    BLOCK, VOID,
    LOOP, VOID,
    ...get(I), ...get(END_), I32_GE_U, BR_IF, 1,
    // u = hi(s0) + hi(s1) (32-bit)
    ...get(S0), ...i64c(32n), I64_SHR_U, I32_WRAP_I64,
    ...get(S1), ...i64c(32n), I64_SHR_U, I32_WRAP_I64, I32_ADD, ...set(U),
    // a = s1 ^ s0; s0 = rotl(s0, 24) ^ a ^ (a << 16); s1 = rotl(a, 37)
    ...get(S1), ...get(S0), I64_XOR, ...set(A),
    // (pure-rand's a << 16 is taken word by word, the high word's top 16 bits moved into the low word:
    // rotl(a, 16) with bits 32…47 cleared)
    ...get(S0), ...i64c(24n), I64_ROTL, ...get(A), I64_XOR,
    ...get(A), ...i64c(16n), I64_ROTL, ...i64c(SHIFT16_MASK), I64_AND, I64_XOR, ...set(S0),
    ...get(A), ...i64c(37n), I64_ROTL, ...set(S1),
    // hz = u << 7, iz = u >>> 25, k = kn[iz]
    ...get(U), ...i32c(7), I32_SHL, ...set(HZ),
    ...get(U), ...i32c(25), I32_SHR_U, ...set(IZ),
    ...get(IZ), ...i32c(2), I32_SHL, ...mem(I32_LOAD, 2, KN_AT), ...set(K),
    // hz < k && hz > −k
    ...get(HZ), ...get(K), I32_LT_S, ...get(HZ), ...i32c(0), ...get(K), I32_SUB, I32_GT_S, I32_AND,
    IF, VOID,
    // out[i] = hz · wn[iz]
    ...get(I), ...i32c(3), I32_SHL,
    ...get(HZ), F64_CONVERT_I32_S, ...get(IZ), ...i32c(3), I32_SHL, ...mem(F64_LOAD, 3, WN_AT), F64_MUL,
    ...mem(F64_STORE, 3, OUT_AT),
    ...get(I), ...i32c(1), I32_ADD, ...set(I),
    BR, 1,
    ELSE,
    ...i32c(0), ...get(U), ...mem(I32_STORE, 2, U_AT),
    BR, 2,
    END,
    END,
    END,
    // state ← s0, s1; return i
    ...i32c(0), ...get(S0), ...mem(I64_STORE, 3, STATE_AT),
    ...i32c(0), ...get(S1), ...mem(I64_STORE, 3, STATE_AT + 8),
    ...get(I),
    END,
  ];
  const locals = [2, 5, I32, 3, I64];
  return [...uleb(locals.length + code.length), ...locals, ...code];
}

/** The module's bytes. */
export function zigguratModuleBytes(): Uint8Array {
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // "\0asm", version 1
    ...section(1, [1, 0x60, 2, I32, I32, 1, I32]), // type 0: (i32, i32) → i32
    ...section(3, [1, 0]), // function 0 has type 0
    ...section(5, [1, 0x00, 1]), // one memory, min 1 page
    ...section(7, [2, ...name('fill'), 0x00, 0, ...name('mem'), 0x02, 0]), // exports
    ...section(10, [1, ...fillBody()]), // code
  ];
  return Uint8Array.from(bytes);
}
