/**
 * The `normalFill` kernel in plain JavaScript, and the ziggurat's tables (shared with src/random/ziggurat.ts).
 *
 * Marsaglia–Tsang's ziggurat with 128 layers over xoroshiro128+: each 32-bit output u gives the layer
 * (top 7 bits, u >>> 25) and a signed value (u << 7); about 98.8 % of outputs make a normal at once, the
 * rest go through the wedge or tail test, which draws further outputs of the same generator. The state
 * words are the stream's own, advanced exactly as pure-rand's `XoroShiro128Plus.next()` advances them, so
 * the draws are those of `count` calls of `Ziggurat.next()` on the stream.
 */
import type { GeneratorState } from '../types';

const LAYERS = 128;
/** Right edge of the base layer (Marsaglia–Tsang's r for 128 layers). */
export const ZIGGURAT_R = 3.442619855899;
/** Area of each layer (v). */
const V = 9.91256303526217e-3;
const M1 = 2147483648; // 2^31
const TWO_POW_M32 = 2 ** -32;

/** Layer tables: `kn` the acceptance thresholds, `wn` the scales, `fn` the density at the layer edges. */
export const kn = new Int32Array(LAYERS);
export const wn = new Float64Array(LAYERS);
export const fn = new Float64Array(LAYERS);
{
  let dn = ZIGGURAT_R;
  let tn = dn;
  const q = V / Math.exp(-0.5 * dn * dn);
  kn[0] = Math.floor((dn / q) * M1);
  kn[1] = 0;
  wn[0] = q / M1;
  wn[LAYERS - 1] = dn / M1;
  fn[0] = 1;
  fn[LAYERS - 1] = Math.exp(-0.5 * dn * dn);
  for (let i = LAYERS - 2; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(V / dn + Math.exp(-0.5 * dn * dn)));
    kn[i + 1] = Math.floor((dn / tn) * M1);
    tn = dn;
    fn[i] = Math.exp(-0.5 * dn * dn);
    wn[i] = dn / M1;
  }
}

/** One xoroshiro128+ output (signed 32-bit), advancing `g`. */
function step(g: GeneratorState): number {
  const { s00, s01, s10, s11 } = g;
  const u = (s00 + s10) | 0;
  const a0 = s10 ^ s00;
  const a1 = s11 ^ s01;
  g.s00 = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
  g.s01 = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
  g.s10 = (a1 << 5) ^ (a0 >>> 27);
  g.s11 = (a0 << 5) ^ (a1 >>> 27);
  return u;
}

function uniformOpen(g: GeneratorState): number {
  return ((step(g) >>> 0) + 0.5) * TWO_POW_M32;
}

/**
 * The rare path for an output whose value `hz` fell outside layer `iz`'s rectangle: the tail beyond R
 * (layer 0, Marsaglia's method) or the wedge test, drawing further outputs from `next` (a uniform in (0, 1)
 * from one output) and `raw` (one output).
 */
export function zigguratSlow(hz: number, iz: number, uniform: () => number, raw: () => number): number {
  for (;;) {
    if (iz === 0) {
      let x: number, y: number;
      do {
        x = -Math.log(uniform()) / ZIGGURAT_R;
        y = -Math.log(uniform());
      } while (y + y < x * x);
      return hz > 0 ? ZIGGURAT_R + x : -ZIGGURAT_R - x;
    }
    const x = hz * wn[iz];
    if (fn[iz] + uniform() * (fn[iz - 1] - fn[iz]) < Math.exp(-0.5 * x * x)) return x;
    const u = raw();
    hz = u << 7;
    iz = u >>> 25;
    if (Math.abs(hz) < kn[iz]) return hz * wn[iz];
  }
}

/** {@link zigguratSlow} drawing from the state words directly (no closures on the hot path's exits). */
export function slowFromState(hz: number, iz: number, g: GeneratorState): number {
  for (;;) {
    if (iz === 0) {
      let x: number, y: number;
      do {
        x = -Math.log(uniformOpen(g)) / ZIGGURAT_R;
        y = -Math.log(uniformOpen(g));
      } while (y + y < x * x);
      return hz > 0 ? ZIGGURAT_R + x : -ZIGGURAT_R - x;
    }
    const x = hz * wn[iz];
    if (fn[iz] + uniformOpen(g) * (fn[iz - 1] - fn[iz]) < Math.exp(-0.5 * x * x)) return x;
    const u = step(g);
    hz = u << 7;
    iz = u >>> 25;
    if (hz < kn[iz] && hz > -kn[iz]) return hz * wn[iz];
  }
}

/** `out[offset … offset+count)` ← standard normals from the generator state `g` (advanced in place). */
export function normalFillJs(g: GeneratorState, out: Float64Array, offset: number, count: number): void {
  const end = offset + count;
  const KN = kn;
  const WN = wn;
  let s00 = g.s00;
  let s01 = g.s01;
  let s10 = g.s10;
  let s11 = g.s11;
  for (let i = offset; i < end; i++) {
    const u = (s00 + s10) | 0;
    const a0 = s10 ^ s00;
    const a1 = s11 ^ s01;
    const n00 = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
    const n01 = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
    s10 = (a1 << 5) ^ (a0 >>> 27);
    s11 = (a0 << 5) ^ (a1 >>> 27);
    s00 = n00;
    s01 = n01;
    const hz = u << 7;
    const iz = u >>> 25;
    const k = KN[iz];
    // |hz| < k, as two comparisons (Math.abs of the int32 −2³¹ would leave the integer range)
    if (hz < k && hz > -k) out[i] = hz * WN[iz];
    else {
      g.s00 = s00;
      g.s01 = s01;
      g.s10 = s10;
      g.s11 = s11;
      out[i] = slowFromState(hz, iz, g);
      s00 = g.s00;
      s01 = g.s01;
      s10 = g.s10;
      s11 = g.s11;
    }
  }
  g.s00 = s00;
  g.s01 = s01;
  g.s10 = s10;
  g.s11 = s11;
}
