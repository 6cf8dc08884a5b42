/** The LSA forward pass: the literal matrix formula, the fast full read-out and the reduced model agree. */
import { describe, expect, it } from 'vitest';
import { embedding, samplePrompts } from '../../src/icl/prompts';
import { trainingDistribution } from '../../src/icl/distribution';
import { forward, predictFull, predictReduced, readout } from '../../src/lsa/forward';
import { balance, fullFromReduced, productV, reducedFromFull } from '../../src/lsa/params';
import { initialReduced, randomTheta } from '../../src/lsa/init';
import { drawCovariance } from '../../src/random/covariance';
import { stream } from '../../src/random/stream';
import { frobenius, matmul, transpose } from '../../src/linalg/matrix';

const rng = stream(42);
const d = 3;
const lambda = drawCovariance('rotated', d, rng.child('lambda'), { kappa: 5 });
const batch = samplePrompts(trainingDistribution(lambda), 6, 4, rng.child('prompts'));
const randomMat = (n: number, s = rng.child('w' + n)) => Array.from({ length: n }, () => Array.from({ length: n }, () => s.normal()));

describe('LSA forward pass', () => {
  it('embeds a prompt as (d+1)×(N+1) with the query column (x_q; 0)', () => {
    const e = embedding(batch, 1);
    expect(e.length).toBe(d + 1);
    expect(e[0].length).toBe(7);
    expect(e[d][6]).toBe(0);
    expect(e[0][6]).toBe(batch.xq[1 * d]);
    expect(e[d][0]).toBe(batch.ys[6]);
  });
  it('predictFull equals entry (d+1, N+1) of the literal f(E; θ) for arbitrary W^PV, W^KQ', () => {
    const params = { wpv: randomMat(d + 1), wkq: randomMat(d + 1, rng.child('kq')) };
    for (let b = 0; b < batch.count; b++) {
      const lit = readout(embedding(batch, b), params);
      expect(Math.abs(predictFull(batch, b, params) - lit)).toBeLessThan(1e-12 * (1 + Math.abs(lit)));
    }
  });
  it('the full model with reduced blocks equals the reduced predictor sᵀ(uU)x_q', () => {
    const U = randomMat(d, rng.child('U'));
    const params = fullFromReduced({ u: 0.7, U });
    const v = productV({ u: 0.7, U });
    for (let b = 0; b < batch.count; b++) {
      const full = readout(embedding(batch, b), params);
      expect(Math.abs(predictReduced(batch, b, v) - full)).toBeLessThan(1e-12 * (1 + Math.abs(full)));
    }
    expect(reducedFromFull(params)).toEqual({ u: 0.7, U });
  });
  it('ŷ ignores W^PV outside its last row and W^KQ outside its first d columns (C02, numerically)', () => {
    const base = { wpv: randomMat(d + 1, rng.child('a')), wkq: randomMat(d + 1, rng.child('b')) };
    const changed = { wpv: base.wpv.map((r, i) => (i === d ? r : r.map((x) => x + 1))), wkq: base.wkq.map((r) => r.map((x, j) => (j === d ? x + 1 : x))) };
    const e = embedding(batch, 0);
    expect(readout(e, changed)).toBeCloseTo(readout(e, base), 12);
    // but the rest of f changes, so the test can tell
    expect(forward(e, changed)[0][0]).not.toBeCloseTo(forward(e, base)[0][0], 6);
  });
  it('Assumption 3.3 initialization: ‖ΘΘᵀ‖_F = 1 and u² = ‖U‖_F²', () => {
    const theta = randomTheta(5, stream(3));
    expect(frobenius(matmul(theta, transpose(theta)))).toBeCloseTo(1, 14);
    const init = initialReduced(0.1, theta);
    expect(Math.abs(balance(init))).toBeLessThan(1e-16);
    expect(() => initialReduced(-1, theta)).toThrow(/sigma/);
  });
});
