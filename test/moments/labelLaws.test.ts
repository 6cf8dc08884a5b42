/** The label laws' moments (src/moments/labelLaws) against other routes: Isserlis' fourth moments, a finer
 * quadrature grid, and Monte Carlo intervals. */
import { describe, expect, it } from 'vitest';
import { drawCovariance } from '../../src/random/covariance';
import { Stream } from '../../src/random/stream';
import { cholesky, matvec, type Mat } from '../../src/linalg/matrix';
import { fourthMoment } from '../../src/moments/isserlis';
import { gaussianExpectation, labelLawMoments, labelOf, type LabelLaw } from '../../src/moments/labelLaws';
import { criticalValue } from '../../src/montecarlo/normal';

const lambda: Mat = drawCovariance('rotated', 3, new Stream(3, ['lambda']), { kappa: 10 });
const w = [0.7, -0.4, 0.2];
const outer = (a: readonly number[]): Mat => a.map((x) => a.map((y) => x * y));
const maxRel = (a: Mat, b: Mat): number => Math.max(...a.flatMap((r, i) => r.map((v, j) => Math.abs(v - b[i][j]) / Math.max(1e-300, Math.abs(b[i][j]) + 1e-3))));

describe('label laws', () => {
  it('linear with noise: E[y²xxᵀ] = E[xxᵀwwᵀxxᵀ] + s²Λ (Isserlis), E[xy] = Λw', () => {
    const mom = labelLawMoments(lambda, w, { kind: 'linear', noiseStd: 0.5 });
    const iss = fourthMoment(lambda, outer(w)).map((r, i) => r.map((v, j) => v + 0.25 * lambda[i][j]));
    expect(maxRel(mom.K, iss)).toBeLessThan(1e-13);
    matvec(lambda, w).forEach((v, i) => expect(mom.m[i]).toBeCloseTo(v, 13));
  });

  it('cubic: E[x(wᵀx)³] = E[xxᵀwwᵀxxᵀ]w (Isserlis)', () => {
    const mom = labelLawMoments(lambda, w, { kind: 'cubic' });
    const m = matvec(fourthMoment(lambda, outer(w)), w);
    m.forEach((v, i) => expect(Math.abs(mom.m[i] - v)).toBeLessThan(1e-13 * Math.max(...m.map(Math.abs))));
  });

  it('the quadrature has converged: 4800 and 9600 intervals agree to 1e-12', () => {
    for (const h of [(z: number) => z * Math.tanh(1.3 * z), (z: number) => Math.tanh(1.3 * z) ** 2, (z: number) => z * z * Math.tanh(1.3 * z) ** 2, (z: number) => z ** 6])
      expect(Math.abs(gaussianExpectation(h) - gaussianExpectation(h, 9600))).toBeLessThan(1e-12 * Math.abs(gaussianExpectation(h, 9600)));
    expect(gaussianExpectation((z) => z ** 6)).toBeCloseTo(15, 11);
  });

  it.each<[string, LabelLaw]>([
    ['linear + noise', { kind: 'linear', noiseStd: 0.5 }],
    ['tanh + noise', { kind: 'tanh', noiseStd: 0.3 }],
  ])('%s: E[xy], E[y²xxᵀ], E[y²] inside Monte Carlo intervals (family level 1 − 1e-6)', (_name, law) => {
    const mom = labelLawMoments(lambda, w, law);
    const l = cholesky(lambda);
    const rng = new Stream(17, ['labelLaws', law.kind]);
    const n = 100_000;
    const d = 3;
    const q = d + d * d + 1;
    const sum = new Float64Array(q);
    const sum2 = new Float64Array(q);
    const z = new Array<number>(d);
    for (let s = 0; s < n; s++) {
      for (let k = 0; k < d; k++) z[k] = rng.normal();
      const x = l.map((row) => row.reduce((t, v, k) => t + v * z[k], 0));
      const y = labelOf(law, w.reduce((t, wk, k) => t + wk * x[k], 0), rng.normal());
      const vals = [...x.map((xi) => xi * y), ...x.flatMap((xi) => x.map((xj) => y * y * xi * xj)), y * y];
      vals.forEach((v, k) => ((sum[k] += v), (sum2[k] += v * v)));
    }
    const exact = [...mom.m, ...mom.K.flat(), mom.ey2];
    const zc = criticalValue(1 - 1e-6, q);
    exact.forEach((v, k) => {
      const mean = sum[k] / n;
      const se = Math.sqrt((sum2[k] / n - mean * mean) / n);
      expect(Math.abs(mean - v), `quantity ${k}`).toBeLessThanOrEqual(zc * se);
    });
  });
});
