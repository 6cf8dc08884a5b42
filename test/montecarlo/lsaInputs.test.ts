/**
 * The shape checks of V (validateV, used by the reduced-predictor estimator): every row must have exactly d
 * entries — a row too long or too short is refused, not read in part. (θ's checks: lsaSamplerEdges.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { validateV } from '../../src/montecarlo/lsaSampler';

describe('validateV', () => {
  it('refuses a row of d + 1 or d − 1 entries, and accepts d × d', () => {
    const msg = 'v must be a 2×2 matrix of finite numbers';
    expect(() => validateV([[1, 2], [3, 4]], 2)).not.toThrow();
    expect(() => validateV([[1, 2], [3, 4, 5]], 2)).toThrow(msg);
    expect(() => validateV([[1, 2, 5], [3, 4]], 2)).toThrow(msg);
    expect(() => validateV([[1], [3, 4]], 2)).toThrow(msg);
  });
});
