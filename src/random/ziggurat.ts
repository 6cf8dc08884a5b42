/**
 * Fast standard normal draws: the Marsaglia–Tsang ziggurat with 128 layers ("The Ziggurat Method for
 * Generating Random Variables", J. Stat. Software 5(8), 2000), over the xoroshiro128+ generator of a
 * {@link Stream} (each draw consumes `stream.nextUint32()` outputs, so it replays from the stream's seed and
 * path like every other draw).
 *
 * One 32-bit output makes a normal in about 98.8 % of the draws. Unlike the original RNOR, which takes the
 * layer index from the low 7 bits of the same word it scales, the layer index here is the top 7 bits and
 * the signed value is the remaining 25 bits (shifted up by 7): the two are disjoint, and the weak low bits
 * of xoroshiro128+ only touch the least significant places of the value. Resolution inside a layer is
 * 2⁻²⁴ of the layer width, ample for Monte Carlo averages.
 */
import type { Stream } from './stream';

const LAYERS = 128;
/** Right edge of the base layer (Marsaglia–Tsang's r for 128 layers). */
const R = 3.442619855899;
/** Area of each layer (v). */
const V = 9.91256303526217e-3;
const M1 = 2147483648; // 2^31
const TWO_POW_M32 = 2 ** -32;

/** Layer tables: `kn` the acceptance thresholds, `wn` the scales, `fn` the density at the layer edges. */
const kn = new Int32Array(LAYERS);
const wn = new Float64Array(LAYERS);
const fn = new Float64Array(LAYERS);
{
  let dn = R;
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

/** A standard normal generator (ziggurat) that draws its bits from a {@link Stream}. */
export class Ziggurat {
  /** The stream the bits come from (its `describe()` replays the draws). */
  readonly stream: Stream;

  constructor(stream: Stream) {
    this.stream = stream;
  }

  /** Uniform in the open interval (0, 1) from one 32-bit output. */
  private uniform(): number {
    return ((this.stream.nextUint32() >>> 0) + 0.5) * TWO_POW_M32;
  }

  /** The rare path: the base strip and tail (layer 0) or a wedge test (layers 1…127). */
  private slow(hz: number, iz: number): number {
    for (;;) {
      if (iz === 0) {
        // Marsaglia's tail method beyond R.
        let x: number, y: number;
        do {
          x = -Math.log(this.uniform()) / R;
          y = -Math.log(this.uniform());
        } while (y + y < x * x);
        return hz > 0 ? R + x : -R - x;
      }
      const x = hz * wn[iz];
      if (fn[iz] + this.uniform() * (fn[iz - 1] - fn[iz]) < Math.exp(-0.5 * x * x)) return x;
      const u = this.stream.nextUint32();
      hz = u << 7;
      iz = u >>> 25;
      if (Math.abs(hz) < kn[iz]) return hz * wn[iz];
    }
  }

  /** One standard normal draw. */
  next(): number {
    const u = this.stream.nextUint32();
    const hz = u << 7; // signed 32-bit, low 7 bits zero
    const iz = u >>> 25; // top 7 bits: the layer
    if (Math.abs(hz) < kn[iz]) return hz * wn[iz];
    return this.slow(hz, iz);
  }

  /** Fill `out[offset … offset+count)` with standard normal draws (default: the whole array). */
  fill(out: Float64Array, offset = 0, count = out.length - offset): void {
    const s = this.stream;
    const end = offset + count;
    for (let i = offset; i < end; i++) {
      const u = s.nextUint32();
      const hz = u << 7;
      const iz = u >>> 25;
      out[i] = Math.abs(hz) < kn[iz] ? hz * wn[iz] : this.slow(hz, iz);
    }
  }
}

/** A ziggurat normal generator over `stream`. */
export function ziggurat(stream: Stream): Ziggurat {
  return new Ziggurat(stream);
}
