/** The shared contract every covariance family must meet: SPD, d×d, reproducible from its seed. */
import { describe, expect, it } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { COVARIANCE_FAMILIES, drawCovariance, type CovarianceFamily } from '../../src/random/covariance';
import { conditionNumber, isSPD, symmetricEigen, trace } from '../../src/linalg/matrix';
import { Stream } from '../../src/random/stream';

const SEED = Number(process.env.ICL_AUDIT_SEED ?? 20261125);

/** Contract assertions applied to one family. */
function covarianceContract(family: CovarianceFamily): void {
  describe(`covariance family '${family}'`, () => {
    test.prop([fc.integer({ min: 1, max: 16 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 3000 })], { seed: SEED, numRuns: 60 })(
      'yields d×d symmetric positive definite matrices, reproducibly from the seed',
      (d, seed, k) => {
        const kappa = 10 ** (k / 1000);
        const a = drawCovariance(family, d, new Stream(seed, ['cov']), { kappa });
        const b = drawCovariance(family, d, new Stream(seed, ['cov']), { kappa });
        expect(a.length).toBe(d);
        expect(a.every((r) => r.length === d)).toBe(true);
        expect(isSPD(a)).toBe(true);
        expect(b).toEqual(a);
      },
    );
    it('differs between seeds (unless the family is deterministic)', () => {
      const a = drawCovariance(family, 4, new Stream(1));
      const b = drawCovariance(family, 4, new Stream(2));
      if (family === 'identity') expect(a).toEqual(b);
      else expect(a).not.toEqual(b);
    });
  });
}

for (const f of COVARIANCE_FAMILIES) covarianceContract(f);

describe('condition numbers and normalization', () => {
  it.each(['diagonal', 'rotated', 'spiked'] as const)('%s hits the requested condition number with mean eigenvalue 1', (family) => {
    for (const kappa of [1, 10, 1000]) {
      const a = drawCovariance(family, 8, new Stream(SEED), { kappa });
      expect(conditionNumber(a)).toBeCloseTo(kappa, 6);
      expect(trace(a) / 8).toBeCloseTo(1, 12);
    }
  });
  it('rotated keeps a given spectrum', () => {
    const spectrum = [0.5, 1, 2, 4];
    const { values } = symmetricEigen(drawCovariance('rotated', 4, new Stream(3), { spectrum }));
    values.forEach((v, i) => expect(v).toBeCloseTo(spectrum[i], 12));
  });
  it('exp-diag has Exp(1)-distributed diagonal entries (mean 1 within 5 standard errors)', () => {
    const a = drawCovariance('exp-diag', 4000, new Stream(SEED));
    const mean = a.reduce((s, r, i) => s + r[i], 0) / 4000;
    expect(Math.abs(mean - 1)).toBeLessThan(5 / Math.sqrt(4000));
  });
});
