/**
 * The fourth-moment estimators sample by sample on the same normals: a run of a few samples equals the
 * mean of the samples written out with plain matrices — (xᵀAx) x xᵀ for x = L z; S A S for
 * S = (1/N) Σ x_r x_rᵀ (direct) or N·S = L T Tᵀ Lᵀ with the Bartlett factor T drawn from the same stream
 * (fast; for N < d, T Tᵀ is the explicit Gram matrix of the normals, see wishart.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { cholesky, matmul, transpose, type Mat } from '../../src/linalg/matrix';
import { stream } from '../../src/random/stream';
import { ziggurat } from '../../src/random/ziggurat';
import { DEFAULT_SEED } from '../../src/random/seed';
import { BartlettFactor } from '../../src/montecarlo/wishart';
import { estimateFourthMoment, estimateSampleFourthMoment } from '../../src/montecarlo/fourthMoment';

const lambda = [[2, 0.5, 0.1], [0.5, 1, -0.3], [0.1, -0.3, 1.5]];
const a = [[0.9, -0.4, 0.3], [0.2, 1.1, -0.7], [0.5, 0.1, 0.6]]; // not symmetric
const d = 3;
const L = cholesky(lambda);

const outer = (x: number[]): Mat => x.map((u) => x.map((v) => u * v));
const addTo = (acc: Mat, m: Mat, c: number) => acc.forEach((row, i) => row.forEach((_, j) => (row[j] += c * m[i][j])));
const zeros = (): Mat => Array.from({ length: d }, () => new Array<number>(d).fill(0));

function expectMat(got: Mat, want: Mat, label: string): void {
  const scale = Math.max(1, ...want.flat().map(Math.abs));
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) expect(Math.abs(got[i][j] - want[i][j]), `${label} [${i}][${j}]: ${got[i][j]} vs ${want[i][j]}`).toBeLessThan(1e-13 * scale);
}

describe('fourth-moment estimators on the same draws', () => {
  it('E[x xᵀ A x xᵀ]: mean of (xᵀAx) x xᵀ, x = L z, and the intervals per entry', () => {
    const samples = 3;
    const res = estimateFourthMoment(lambda, a, { seed: 5, samples, chunkSize: 2 }); // chunks of 2: the draws run on across chunks
    const z = ziggurat(stream(5).child('fourth-moment'));
    const mean = zeros();
    const sq = zeros();
    for (let s = 0; s < samples; s++) {
      const zz = Array.from({ length: d }, () => z.next());
      const x = L.map((row) => row.reduce((acc, l, k) => acc + l * zz[k], 0));
      const ax = a.map((row) => row.reduce((acc, v, k) => acc + v * x[k], 0));
      const q = x.reduce((acc, v, i) => acc + v * ax[i], 0);
      const m = outer(x).map((row) => row.map((v) => q * v));
      addTo(mean, m, 1 / samples);
      addTo(sq, m.map((row) => row.map((v) => v * v)), 1 / samples);
    }
    expectMat(res.mean, mean, 'mean');
    expect(res.method).toBe('direct');
    expect(res.estimates.map((e) => e.name).slice(0, 4)).toEqual(['E[xxᵀAxxᵀ][0][0]', 'E[xxᵀAxxᵀ][0][1]', 'E[xxᵀAxxᵀ][0][2]', 'E[xxᵀAxxᵀ][1][0]']);
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++) {
        const e = res.estimates[i * d + j];
        // standard error √(s²/n) with s² = n/(n−1)·(E x² − (E x)²)
        const se = Math.sqrt(((sq[i][j] - mean[i][j] ** 2) * samples) / (samples - 1) / samples);
        expect(Math.abs(res.standardError[i][j] - se)).toBeLessThan(1e-9 * Math.max(1, se));
        expect(res.lower[i][j]).toBe(e.ci[0]);
        expect(res.upper[i][j]).toBe(e.ci[1]);
        expect(res.standardError[i][j]).toBe(e.standardError);
      }
    expect(res.path).toBe('fourth-moment');
    expect(estimateFourthMoment(lambda, a, { samples: 1 }).seed).toBe(DEFAULT_SEED);
  });

  it('E[S A S], direct: S = (1/N) Σ x_r x_rᵀ from the next N·d normals', () => {
    for (const n of [1, 4]) {
      const samples = 2;
      const res = estimateSampleFourthMoment(lambda, a, n, { method: 'direct', seed: 6, samples, chunkSize: 1 });
      expect(res.path).toBe('sample-fourth-moment-direct');
      const z = ziggurat(stream(6).child('sample-fourth-moment-direct'));
      const mean = zeros();
      for (let s = 0; s < samples; s++) {
        const S = zeros();
        for (let r = 0; r < n; r++) {
          const zz = Array.from({ length: d }, () => z.next());
          addTo(S, outer(L.map((row) => row.reduce((acc, l, k) => acc + l * zz[k], 0))), 1 / n);
        }
        addTo(mean, matmul(matmul(S, a), S), 1 / samples);
      }
      expectMat(res.mean, mean, `direct N=${n}`);
    }
  });

  it('E[S A S], fast (the default): N·S = L T Tᵀ Lᵀ, T the Bartlett factor of the same stream', () => {
    for (const n of [2, 3, 7]) {
      const samples = 3;
      const res = estimateSampleFourthMoment(lambda, a, n, { seed: 7, samples, chunkSize: 2 });
      expect(res.method).toBe('fast');
      expect(res.path).toBe('sample-fourth-moment-fast');
      expect(res.estimates.map((e) => e.name).slice(0, 2)).toEqual(['E[SAS][0][0]', 'E[SAS][0][1]']);
      const z = ziggurat(stream(7).child('sample-fourth-moment-fast'));
      const bart = new BartlettFactor(d, n);
      const t = new Float64Array(d * d);
      const mean = zeros();
      for (let s = 0; s < samples; s++) {
        bart.draw(z, t);
        const T = Array.from({ length: d }, (_, i) => Array.from(t.subarray(i * d, (i + 1) * d)));
        const P = matmul(L, T);
        const S = matmul(P, transpose(P)).map((row) => row.map((v) => v / n));
        addTo(mean, matmul(matmul(S, a), S), 1 / samples);
      }
      expectMat(res.mean, mean, `fast N=${n}`);
    }
  });

  it('refuses bad inputs with the rule', () => {
    expect(() => estimateSampleFourthMoment(lambda, a, 2, { method: 'slow' as never })).toThrow("method must be 'direct' or 'fast', got slow");
    for (const n of [0, 1.5]) expect(() => estimateSampleFourthMoment(lambda, a, n)).toThrow(`n must be an integer ≥ 1, got ${n}`);
    // n is checked first (a bad method as well does not change the message)
    for (const n of [0, -1, 1.5]) expect(() => estimateSampleFourthMoment(lambda, a, n, { method: 'slow' as never })).toThrow(`n must be an integer ≥ 1, got ${n}`);
    expect(() => estimateFourthMoment(lambda, [[1, 0, 0], [0, 1, 0], [0, 0, NaN]])).toThrow('a must be a 3×3 matrix of finite numbers');
    expect(() => estimateFourthMoment(lambda, [[1, 0, 0], [0, 1, 0], [0, 0]])).toThrow('a must be a 3×3 matrix of finite numbers');
    expect(() => estimateFourthMoment(lambda, [[1, 0, 0], [0, 1, 0]])).toThrow('a must be a 3×3 matrix of finite numbers');
    expect(() => estimateFourthMoment(lambda, 'a' as never)).toThrow('a must be a 3×3 matrix of finite numbers');
    expect(() => estimateFourthMoment(lambda, [[1, 0, 0], [0, 1, 0], 'x' as never])).toThrow('a must be a 3×3 matrix of finite numbers');
    expect(() => estimateFourthMoment([[1, 0], [0, -1]], [[1, 0], [0, 1]])).toThrow(/lambda/);
  });
});
