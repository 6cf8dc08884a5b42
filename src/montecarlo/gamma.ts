/**
 * Gamma and chi-square draws (Marsaglia and Tsang, "A simple method for generating gamma variables",
 * ACM TOMS 26(3), 2000), over ziggurat normals and uniforms of one stream. Used by the Bartlett
 * decomposition of Wishart draws.
 */
import type { Ziggurat } from '../random/ziggurat';

const TWO_POW_M32 = 2 ** -32;

/** A sampler of χ²_k = 2·Gamma(k/2) for one fixed k > 0, with its constants precomputed. */
export class ChiSquare {
  /** Degrees of freedom. */
  readonly dof: number;
  private readonly d: number;
  private readonly c: number;
  /** Shape < 1 is boosted: Gamma(a) = Gamma(a + 1) · U^(1/a). */
  private readonly boost: number;
  private xs = new Float64Array(0);
  private us = new Float64Array(0);

  constructor(dof: number) {
    if (!(dof > 0) || !Number.isFinite(dof)) throw new RangeError(`dof must be a finite number > 0, got ${dof}`);
    this.dof = dof;
    const shape = dof / 2;
    const a = shape < 1 ? shape + 1 : shape;
    this.boost = shape < 1 ? 1 / shape : 0;
    this.d = a - 1 / 3;
    this.c = 1 / Math.sqrt(9 * this.d);
  }

  /**
   * Fill out[offset … offset+count) with χ² draws, in bulk: the first attempt of every draw takes its normal
   * and its uniform from two fills of `count` each; the few rejected ones (about 1 % at 100 degrees of
   * freedom) are then redrawn one by one with {@link draw}, in index order; for shapes below 1 the boost
   * uniforms come from a third fill. Each output is the first accepted attempt of a sequence of independent
   * attempts, so it has the χ² law, and the outputs are independent.
   */
  fill(z: Ziggurat, out: Float64Array, offset: number, count: number): void {
    if (this.xs.length < count) {
      this.xs = new Float64Array(count);
      this.us = new Float64Array(count);
    }
    const { d, c, xs, us } = this;
    z.fill(xs, 0, count);
    z.fillUniform(us, 0, count);
    let rejected = 0;
    for (let k = 0; k < count; k++) {
      const x = xs[k];
      let v = 1 + c * x;
      let g = NaN;
      if (v > 0) {
        v = v * v * v;
        const u = us[k];
        const x2 = x * x;
        if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) g = d * v;
      }
      if (g !== g) rejected++;
      out[offset + k] = g;
    }
    if (this.boost > 0) {
      z.fillUniform(us, 0, count);
      for (let k = 0; k < count; k++) out[offset + k] = 2 * out[offset + k] * Math.pow(us[k], this.boost);
    } else for (let k = 0; k < count; k++) out[offset + k] *= 2;
    if (rejected) for (let k = 0; k < count; k++) if (out[offset + k] !== out[offset + k]) out[offset + k] = this.draw(z);
  }

  /** One χ² draw. */
  draw(z: Ziggurat): number {
    const { d, c } = this;
    const s = z.stream;
    let g: number;
    for (;;) {
      const x = z.next();
      let v = 1 + c * x;
      if (v <= 0) continue;
      v = v * v * v;
      const u = ((s.nextUint32() >>> 0) + 0.5) * TWO_POW_M32;
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
        g = d * v;
        break;
      }
    }
    if (this.boost > 0) g *= Math.pow(((s.nextUint32() >>> 0) + 0.5) * TWO_POW_M32, this.boost);
    return 2 * g;
  }
}
