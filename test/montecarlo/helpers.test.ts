/**
 * The small pieces of the Monte Carlo folder on inputs worked by hand: draw blocks (stream addressing and
 * where a block's squared errors land), dense operators and eigenframes, per-prompt predictions and
 * squared errors on a hand-built batch, and the input checks' messages.
 */
import { describe, expect, it } from 'vitest';
import { blockScratch, blockStream, DRAW_BLOCK, fillLsaBlock } from '../../src/montecarlo/blocks';
import { dot, eigenFrame, operator } from '../../src/montecarlo/dense';
import { predictBatchFull, predictBatchReduced, squaredErrors } from '../../src/montecarlo/predictions';
import { paramsOfV, validateParams, validateV, lsaSampler, type LsaSampler } from '../../src/montecarlo/lsaSampler';
import type { PromptBatch } from '../../src/icl/prompts';
import { Stream, stream } from '../../src/random/stream';
import { ziggurat, type Ziggurat } from '../../src/random/ziggurat';
import { identity } from '../../src/linalg/matrix';

describe('draw blocks', () => {
  it('block j of a run draws from the stream (seed, path…, block-j)', () => {
    const s = blockStream(stream(9).child('run').child('fast'), 17);
    expect(s.seed).toBe(9);
    expect(s.path).toEqual(['run', 'fast', 'block-17']);
    expect(s.nextUint32()).toBe(new Stream(9, ['run', 'fast', 'block-17']).nextUint32());
    const sc = blockScratch();
    expect(sc.yhat.length).toBe(DRAW_BLOCK);
    expect(sc.target.length).toBe(DRAW_BLOCK);
    expect(DRAW_BLOCK).toBe(1024);
  });

  it("fillLsaBlock writes (ŷ − target)² of the block's own draws at out[at …], nothing else", () => {
    // a sampler whose ŷ is the next normal of the ziggurat it is handed and whose target is k/2
    const fake: LsaSampler = {
      method: 'direct',
      d: 1,
      m: 1,
      fill(z: Ziggurat, count: number, yhat: Float64Array, target: Float64Array) {
        for (let k = 0; k < count; k++) {
          yhat[k] = z.next();
          target[k] = k / 2;
        }
      },
    };
    const rng = stream(4).child('blocks');
    const out = new Float64Array(20).fill(-1);
    fillLsaBlock(fake, rng, 3, 5, out, 7, blockScratch());
    const twin = ziggurat(new Stream(4, ['blocks', 'block-3']));
    for (let i = 0; i < 20; i++) {
      if (i < 7 || i >= 12) expect(out[i], `out[${i}]`).toBe(-1);
      else {
        const e = twin.next() - (i - 7) / 2;
        expect(out[i], `out[${i}]`).toBe(e * e);
      }
    }
  });
});

describe('dense helpers', () => {
  it('operator: zero and diagonal flags; off-diagonal entries below 1e-13 relative dropped', () => {
    const full = operator([[1, 2], [3, 4]]);
    expect(full).toEqual({ n: 2, a: Float64Array.from([1, 2, 3, 4]), diagonal: false, zero: false });
    const nearly = operator([[2, 1e-14], [-1e-14, 3]]);
    expect(nearly).toEqual({ n: 2, a: Float64Array.from([2, 0, 0, 3]), diagonal: true, zero: false });
    const zero = operator([[0, 0], [0, 0]]);
    expect(zero.zero).toBe(true);
    expect(zero.diagonal).toBe(true);
    expect(operator([[0, 0], [0, 1e-300]]).zero).toBe(false);
    expect(operator([[0, 5], [0, 0]])).toEqual({ n: 2, a: Float64Array.from([0, 5, 0, 0]), diagonal: false, zero: false });
  });

  it('eigenFrame: Qᵀ A Q = diag(values), Qᵀ q_j = e_j, and Qᵀ M Q for another M', () => {
    // A = [[2, 1], [1, 2]]: eigenvalues 1, 3 with eigenvectors (1, −1)/√2, (1, 1)/√2
    const f = eigenFrame([[2, 1], [1, 2]]);
    const vals = [...f.values].sort((a, b) => a - b);
    expect(Math.abs(vals[0] - 1)).toBeLessThan(1e-15);
    expect(Math.abs(vals[1] - 3)).toBeLessThan(1e-15);
    const r = f.rotate([[2, 1], [1, 2]]);
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) expect(Math.abs(r[i][j] - (i === j ? f.values[i] : 0))).toBeLessThan(1e-14);
    for (let j = 0; j < 2; j++) {
      const col = [f.q[0][j], f.q[1][j]];
      const e = f.rotateVector(col);
      for (let i = 0; i < 2; i++) expect(Math.abs(e[i] - (i === j ? 1 : 0))).toBeLessThan(1e-15);
    }
    // M = e_0 e_1ᵀ (not symmetric): (Qᵀ M Q)_ij = Q_0i Q_1j
    const m = f.rotate([[0, 1], [0, 0]]);
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) expect(Math.abs(m[i][j] - f.q[0][i] * f.q[1][j])).toBeLessThan(1e-15);
    // v = (3, −2): (Qᵀ v)_i = 3 Q_0i − 2 Q_1i
    const v = f.rotateVector([3, -2]);
    for (let i = 0; i < 2; i++) expect(Math.abs(v[i] - (3 * f.q[0][i] - 2 * f.q[1][i]))).toBeLessThan(1e-15);
  });

  it('dot of two slices at offsets', () => {
    const a = Float64Array.from([9, 1, 2, 3, 9]);
    const b = Float64Array.from([4, 5, 6, 9]);
    expect(dot(a, 1, b, 0, 3)).toBe(1 * 4 + 2 * 5 + 3 * 6);
    expect(dot(a, 2, b, 1, 2)).toBe(2 * 5 + 3 * 6);
    expect(dot(a, 0, b, 0, 0)).toBe(0);
  });
});

/** Two prompts, d = 2, M = 2, written out. */
function handBatch(): PromptBatch {
  return {
    d: 2,
    length: 2,
    count: 2,
    // prompt 0: x1 = (1, 0), x2 = (0, 2); prompt 1: x1 = (1, 1), x2 = (−1, 3)
    xs: Float64Array.from([1, 0, 0, 2, 1, 1, -1, 3]),
    ys: Float64Array.from([3, -1, 2, 0.5]),
    xq: Float64Array.from([1, 1, 2, -1]),
    yq: Float64Array.from([0.25, -4]),
    w: Float64Array.from([0, 0, 0, 0]),
  };
}

describe('predictions on given prompts', () => {
  it('reduced ŷ = (1/M) Σ y_i x_iᵀ V x_q, full ŷ of its parameters, and squared errors, by hand', () => {
    const batch = handBatch();
    const v = [[1, 2], [0, -1]];
    // prompt 0: Σ y_i x_i = 3(1,0) − (0,2) = (3, −2); V x_q = (3, −1); ŷ = (9 + 2)/2 = 5.5
    // prompt 1: Σ y_i x_i = 2(1,1) + 0.5(−1,3) = (1.5, 3.5); V x_q = (0, 1); ŷ = 3.5/2 = 1.75
    expect(Array.from(predictBatchReduced(batch, v))).toEqual([5.5, 1.75]);
    expect(Array.from(predictBatchFull(batch, paramsOfV(v)))).toEqual([5.5, 1.75]);
    expect(Array.from(squaredErrors(batch, [5.5, 1.75]))).toEqual([5.25 ** 2, 5.75 ** 2]);
    // a full θ with only the query term: r = e_1 (W^PV's last row picks x's first entry), W^KQ = I.
    // ŷ = (1/M)[Σ (x_i)_0 ⟨x_i, x_q⟩ + (x_q)_0 ⟨x_q, x_q⟩]: prompt 0: (1·1 + 0 + 1·2)/2 = 1.5; prompt 1: (1·1 + (−1)(−5) + 2·5)/2 = 8
    const wpv = [[0, 0, 0], [0, 0, 0], [1, 0, 0]];
    expect(Array.from(predictBatchFull(batch, { wpv, wkq: identity(3) }))).toEqual([1.5, 8]);
  });

  it('refuses malformed parameters and predictions with the rule', () => {
    const batch = handBatch();
    expect(() => squaredErrors(batch, [1])).toThrow('yhat must have one entry per prompt (2), got 1');
    expect(() => predictBatchReduced(batch, [[1, 0]])).toThrow('v must be a 2×2 matrix of finite numbers');
    expect(() => predictBatchFull(batch, { wpv: identity(3), wkq: identity(2) })).toThrow('params.wkq must be a 3×3 matrix of finite numbers (d = 2)');
    expect(() => validateParams({ wpv: [[1, 0, 0], [0, 1, 0], [0, 0, NaN]], wkq: identity(3) }, 2)).toThrow('params.wpv must be a 3×3');
    expect(() => validateParams({ wpv: [[1, 0, 0], [0, 1, 0], [0, 0]], wkq: identity(3) }, 2)).toThrow('params.wpv must be a 3×3');
    expect(() => validateParams({ wpv: [[1, 0, 0], [0, 1, 0], 'x' as never], wkq: identity(3) }, 2)).toThrow('params.wpv must be a 3×3');
    expect(() => validateParams({ wpv: 'x' as never, wkq: identity(3) }, 2)).toThrow('params.wpv must be a 3×3');
    expect(() => validateV([[1, Infinity], [0, 1]], 2)).toThrow('v must be a 2×2');
    expect(() => validateV([[1, 0], 3 as never], 2)).toThrow('v must be a 2×2');
    expect(() => validateV('v' as never, 2)).toThrow('v must be a 2×2');
    expect(() => validateV([[1, 0], [0, 1], [0, 0]], 2)).toThrow('v must be a 2×2');
    validateV([[1, 0], [0, 1]], 2);
    validateParams({ wpv: identity(3), wkq: identity(3) }, 2);
    expect(paramsOfV([[1, 2], [3, 4]])).toEqual({ wpv: [[0, 0, 0], [0, 0, 0], [0, 0, 1]], wkq: [[1, 2, 0], [3, 4, 0], [0, 0, 0]] });
  });

  it('lsaSampler refuses a bad prompt length or method, and the fast path refuses to record', () => {
    const dist = { d: 2, promptCov: identity(2) };
    const p = paramsOfV(identity(2));
    for (const m of [0, 1.5]) expect(() => lsaSampler(dist, m, p, 'fast')).toThrow(`prompt length m must be an integer ≥ 1, got ${m}`);
    expect(() => lsaSampler(dist, 3, p, 'slow' as never)).toThrow("method must be 'direct' or 'fast', got slow");
    const fast = lsaSampler(dist, 3, p, 'fast');
    expect([fast.method, fast.d, fast.m]).toEqual(['fast', 2, 3]);
    const direct = lsaSampler(dist, 3, p, 'direct');
    expect([direct.method, direct.d, direct.m]).toEqual(['direct', 2, 3]);
    const y = new Float64Array(2);
    expect(() => fast.fill(ziggurat(stream(1)), 2, y, y, handBatch())).toThrow('the fast path draws no prompts to record; use method "direct"');
  });
});
