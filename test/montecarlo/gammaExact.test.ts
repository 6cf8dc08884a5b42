/**
 * ChiSquare on draws handed in: Marsaglia and Tsang's transform (d = a − 1/3, c = 1/√(9d), v = (1 + c x)³,
 * accepted as d·v when u < 1 − 0.0331 x⁴ or log u < x²/2 + d(1 − v + log v)), the shape boost
 * Gamma(a) = Gamma(a + 1)·U^{1/a} for χ² with fewer than 2 degrees of freedom, which draws each path
 * consumes, and where fill redraws its rejected entries. The accept/reject decisions of the values used
 * were worked out by hand (see each case).
 */
import { describe, expect, it } from 'vitest';
import { ChiSquare } from '../../src/montecarlo/gamma';
import type { Ziggurat } from '../../src/random/ziggurat';

const TWO_POW_M32 = 2 ** -32;

/** A ziggurat replaying given normals, bulk uniforms and raw 32-bit words; the queues must be used up exactly. */
function handed(normals: number[], uniforms: number[], words: number[]) {
  const n = [...normals];
  const u = [...uniforms];
  const w = [...words];
  const take = (q: number[], what: string) => {
    if (q.length === 0) throw new Error(`no ${what} left`);
    return q.shift() as number;
  };
  const z = {
    next: () => take(n, 'normal'),
    fill(out: Float64Array, offset = 0, count = out.length - offset) {
      for (let i = 0; i < count; i++) out[offset + i] = take(n, 'normal');
    },
    fillUniform(out: Float64Array, offset = 0, count = out.length - offset) {
      for (let i = 0; i < count; i++) out[offset + i] = take(u, 'uniform');
    },
    stream: { nextUint32: () => take(w, 'word') },
  } as unknown as Ziggurat;
  return { z, left: () => [n.length, u.length, w.length] };
}

/** The 32-bit word whose uniform ((w + ½)·2⁻³²) is nearest u, and that uniform. */
function word(u: number): [number, number] {
  const w = Math.floor(u * 2 ** 32);
  return [w, (w + 0.5) * TWO_POW_M32];
}

/** 2·d·(1 + c x)³ for χ²_dof (shape dof/2, boosted to dof/2 + 1 below 1). */
function accepted(dof: number, x: number): number {
  const a = dof / 2 < 1 ? dof / 2 + 1 : dof / 2;
  const d = a - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  return 2 * d * (1 + c * x) ** 3;
}

describe('ChiSquare on handed draws', () => {
  it('draw (7 dof): v ≤ 0 skipped without a uniform, a rejection, then acceptance by the log test', () => {
    // x = −6: 1 + c x < 0. x = 2, u = 0.999: squeeze 1 − 0.0331·16 < u, log u = −0.001 > −0.035: reject.
    // x = 1, u = 0.98: squeeze 0.9669 < u, log u = −0.0202 < −0.0035: accept.
    const [w1] = word(0.999);
    const [w2] = word(0.98);
    const { z, left } = handed([-6, 2, 1], [], [w1, w2]);
    expect(new ChiSquare(7).draw(z)).toBeCloseTo(accepted(7, 1), 13);
    expect(left()).toEqual([0, 0, 0]);
    // x = 0, u = 0.5: accepted by the squeeze; exactly 2d
    const h = handed([0], [], [word(0.5)[0]]);
    expect(new ChiSquare(7).draw(h.z)).toBe(2 * (3.5 - 1 / 3));
  });

  it('fill (7 dof): first attempts from the bulk draws, rejected entries redrawn in index order, at the offset', () => {
    // bulk: (0, 0.5) squeeze; (0.3, 0.99) squeeze; (2, 0.999) reject; (−6, ·) v ≤ 0. Redraws: x = 1 with u = 0.98 (log test), x = −1 with u = 0.2 (squeeze).
    const { z, left } = handed([0, 0.3, 2, -6, 1, -1], [0.5, 0.99, 0.999, 0.5], [word(0.98)[0], word(0.2)[0]]);
    const out = new Float64Array(8).fill(-7);
    new ChiSquare(7).fill(z, out, 2, 4);
    expect(left()).toEqual([0, 0, 0]);
    expect(out[0]).toBe(-7);
    expect(out[1]).toBe(-7);
    expect(out[6]).toBe(-7);
    expect(out[7]).toBe(-7);
    const want = [accepted(7, 0), accepted(7, 0.3), accepted(7, 1), accepted(7, -1)];
    for (let k = 0; k < 4; k++) expect(Math.abs(out[2 + k] - want[k]), `entry ${k}`).toBeLessThan(1e-14 * want[k]);
    // no rejection: nothing drawn one by one
    const h = handed([0.1, -0.2], [0.3, 0.4], []);
    const o = new Float64Array(2);
    new ChiSquare(7).fill(h.z, o, 0, 2);
    expect(h.left()).toEqual([0, 0, 0]);
    expect(Math.abs(o[1] - accepted(7, -0.2))).toBeLessThan(1e-14 * o[1]);
  });

  it('fewer than 2 dof: the boost multiplies by U^{2/dof}, in draw and in fill', () => {
    // χ²_1: shape ½ boosted to 3/2 (d = 7/6); x = 0.5, u = 0.3 accepted by the squeeze; boost uniform 0.25 → ·0.25²
    const [w, u] = word(0.25);
    const { z, left } = handed([0.5], [], [word(0.3)[0], w]);
    const g = new ChiSquare(1).draw(z);
    expect(left()).toEqual([0, 0, 0]);
    expect(Math.abs(g - accepted(1, 0.5) * u ** 2)).toBeLessThan(1e-14 * g);
    // χ²_1.5 in bulk: boost exponent 1/0.75; the third fill gives the boost uniforms
    const h = handed([0.5, -0.4], [0.3, 0.6, 0.25, 0.81], []);
    const o = new Float64Array(2);
    new ChiSquare(1.5).fill(h.z, o, 0, 2);
    expect(h.left()).toEqual([0, 0, 0]);
    expect(Math.abs(o[0] - accepted(1.5, 0.5) * 0.25 ** (1 / 0.75))).toBeLessThan(1e-14 * o[0]);
    expect(Math.abs(o[1] - accepted(1.5, -0.4) * 0.81 ** (1 / 0.75))).toBeLessThan(1e-14 * o[1]);
    // exactly 2 dof: shape 1, no boost
    const two = handed([0.5], [0.3], []);
    const o2 = new Float64Array(1);
    new ChiSquare(2).fill(two.z, o2, 0, 1);
    expect(two.left()).toEqual([0, 0, 0]);
    expect(Math.abs(o2[0] - accepted(2, 0.5))).toBeLessThan(1e-14 * o2[0]);
  });

  it('grows its bulk buffers and refuses bad degrees of freedom', () => {
    const c = new ChiSquare(7);
    const small = handed([0], [0.5], []);
    c.fill(small.z, new Float64Array(1), 0, 1);
    const big = handed([0, 0, 0, 0, 0], [0.5, 0.5, 0.5, 0.5, 0.5], []);
    const o = new Float64Array(5);
    c.fill(big.z, o, 0, 5);
    expect(Array.from(o)).toEqual(new Array(5).fill(2 * (3.5 - 1 / 3)));
    expect(c.dof).toBe(7);
    for (const k of [0, -1, NaN, Infinity]) expect(() => new ChiSquare(k)).toThrow(`dof must be a finite number > 0, got ${k}`);
  });

  it('draw: v exactly 0 is skipped like v < 0 (no uniform drawn for it)', () => {
    // 7 dof: d = 19/6, c = 1/√(9d); x = −1/c gives 1 + c x = 0 exactly in float64 (checked below), so v = 0:
    // no uniform is taken for it. Then x = 0 with u = ½ is accepted by the squeeze (2d).
    const d = 3.5 - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    expect(1 + c * (-1 / c)).toBe(0);
    const { z, left } = handed([-1 / c, 0], [], [word(0.5)[0]]);
    expect(new ChiSquare(7).draw(z)).toBe(2 * d);
    expect(left()).toEqual([0, 0, 0]);
  });

  it('draw: the uniform of word w is (w + ½)·2⁻³² (the half decides a log test 0.1 ulp-of-2⁻³² from its bound)', () => {
    // 7 dof, x = 2: the squeeze bound 1 − 0.0331·16 = 0.47 is far below u, so the log test decides:
    // accept iff u < T = exp(x²/2 + d(1 − v + log v)), v = (1 + 2c)³. T·2³² = k − 0.0985… for the integer k
    // below, so the word k gives u = (k + ½)·2⁻³² > T (rejected; the next attempt, x = 0, u = ½, is
    // accepted: 2d), whereas (k − ½)·2⁻³² would be < T (accepted: 2d·v). The margins, 0.4 and 0.6 of 2⁻³²,
    // are 10⁶ times the rounding error of the log.
    const d = 3.5 - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    const v = (1 + 2 * c) ** 3;
    const t = Math.exp(2 + d * (1 - v + Math.log(v))) * 2 ** 32;
    const k = Math.round(t);
    expect(Math.abs(t - k - -0.0985)).toBeLessThan(1e-3);
    const { z, left } = handed([2, 0], [], [k, word(0.5)[0]]);
    expect(new ChiSquare(7).draw(z)).toBe(2 * d);
    expect(left()).toEqual([0, 0, 0]);
  });

  it('fill of one draw whose first attempt is rejected redraws it, and touches nothing past its entries', () => {
    // 7 dof: bulk (2, 0.999) rejected (see above); redraw x = 1, u = 0.98 accepted by the log test.
    const { z, left } = handed([2, 1], [0.999], [word(0.98)[0]]);
    const out = new Float64Array([-7, -7, NaN]);
    new ChiSquare(7).fill(z, out, 1, 1);
    expect(left()).toEqual([0, 0, 0]);
    expect(out[0]).toBe(-7);
    expect(Math.abs(out[1] - accepted(7, 1))).toBeLessThan(1e-14 * out[1]);
    expect(out[2]).toBeNaN(); // a NaN past the end is not taken for a rejected entry
    // boosted (1.5 dof), a fresh sampler: the boost loop stops at the last entry too
    const h = handed([0.5, -0.4], [0.3, 0.6, 0.25, 0.81], []);
    const o = new Float64Array([-7, -7, -7, -7]);
    new ChiSquare(1.5).fill(h.z, o, 1, 2);
    expect(h.left()).toEqual([0, 0, 0]);
    expect([o[0], o[3]]).toEqual([-7, -7]);
    expect(Math.abs(o[1] - accepted(1.5, 0.5) * 0.25 ** (1 / 0.75))).toBeLessThan(1e-14 * o[1]);
  });
});
