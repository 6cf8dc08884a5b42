/**
 * The Bartlett factor by exact identities on the same draws, and its law. For n < k the factor is Gᵀ for
 * the n×k normal matrix G of the next n·k normals (row by row), so F Fᵀ is the explicit Gram matrix GᵀG;
 * for n ≥ k it is lower triangular with, row by row, the row's normals then √χ²_{n−i} (the draw order a
 * replay relies on), and T Tᵀ ~ Wishart_k(I, n): E = n I, Var W_ii = 2n, Var W_ij = n.
 */
import { describe, expect, it } from 'vitest';
import { BartlettFactor } from '../../src/montecarlo/wishart';
import { ChiSquare } from '../../src/montecarlo/gamma';
import { ziggurat } from '../../src/random/ziggurat';
import { stream } from '../../src/random/stream';
import { criticalValue } from '../../src/montecarlo/normal';

function garbage(k: number): Float64Array {
  return Float64Array.from({ length: k * k }, (_, i) => 1000 + i);
}

describe('BartlettFactor', () => {
  it('n < k: F Fᵀ is the Gram matrix GᵀG of the next n·k normals, F zero past column n', () => {
    for (const [k, n] of [[3, 1], [3, 2], [5, 3], [4, 1]]) {
      const s = stream(5).child(`gram-${k}-${n}`);
      const t = garbage(k);
      new BartlettFactor(k, n).draw(ziggurat(s), t);
      const twin = ziggurat(stream(5).child(`gram-${k}-${n}`));
      const g = Array.from({ length: n }, () => Array.from({ length: k }, () => twin.next()));
      for (let i = 0; i < k; i++)
        for (let j = 0; j < k; j++) {
          let ff = 0;
          for (let c = 0; c < k; c++) ff += t[i * k + c] * t[j * k + c];
          let gram = 0;
          for (let r = 0; r < n; r++) gram += g[r][i] * g[r][j];
          expect(Math.abs(ff - gram), `k=${k} n=${n} [${i}][${j}]`).toBeLessThan(1e-13 * (1 + Math.abs(gram)));
          if (j >= n) expect(t[i * k + j]).toBe(0);
          else expect(t[i * k + j]).toBe(g[j][i]);
        }
    }
  });

  it('n ≥ k: lower triangular, row i = (its normals, √χ²_{n−i}), upper part zeroed', () => {
    for (const [k, n] of [[1, 1], [2, 2], [3, 3], [3, 7], [4, 10]]) {
      const t = garbage(k);
      new BartlettFactor(k, n).draw(ziggurat(stream(6).child(`b-${k}-${n}`)), t);
      const twin = ziggurat(stream(6).child(`b-${k}-${n}`));
      for (let i = 0; i < k; i++) {
        for (let j = 0; j < i; j++) expect(t[i * k + j], `k=${k} n=${n} [${i}][${j}]`).toBe(twin.next());
        expect(t[i * k + i], `k=${k} n=${n} [${i}][${i}]`).toBe(Math.sqrt(new ChiSquare(n - i).draw(twin)));
        expect(t[i * k + i]).toBeGreaterThan(0);
        for (let j = i + 1; j < k; j++) expect(t[i * k + j]).toBe(0);
      }
    }
  });

  it('T Tᵀ has the Wishart_k(I, n) mean and variances, for n ≥ k and n < k', () => {
    // 6 entries per case (the lower triangle of 3×3) × 2 cases: means within z·√(Var/R), z at 1e-6 / 12 two-sided.
    const R = 12_000;
    const z = criticalValue(1 - 1e-6, 12);
    for (const [k, n] of [[3, 5], [3, 2]]) {
      const f = new BartlettFactor(k, n);
      const zig = ziggurat(stream(7).child(`law-${k}-${n}`));
      const t = new Float64Array(k * k);
      const sum = new Float64Array(k * k);
      const sq = new Float64Array(k * k);
      for (let r = 0; r < R; r++) {
        f.draw(zig, t);
        for (let i = 0; i < k; i++)
          for (let j = 0; j <= i; j++) {
            let w = 0;
            for (let c = 0; c < k; c++) w += t[i * k + c] * t[j * k + c];
            sum[i * k + j] += w;
            sq[i * k + j] += w * w;
          }
      }
      for (let i = 0; i < k; i++)
        for (let j = 0; j <= i; j++) {
          const mean = sum[i * k + j] / R;
          const exact = i === j ? n : 0;
          const variance = i === j ? 2 * n : n;
          expect(Math.abs(mean - exact), `k=${k} n=${n} E W[${i}][${j}] = ${mean}`).toBeLessThan(z * Math.sqrt(variance / R));
          // second moment E W² = Var + mean²: within 10 % (its standard error is under 2.1 % here)
          expect(Math.abs(sq[i * k + j] / R / (variance + exact * exact) - 1), `k=${k} n=${n} E W²[${i}][${j}]`).toBeLessThan(0.1);
        }
    }
  });

  it('refuses a bad size or sample count with the rule', () => {
    for (const k of [0, 1.5, -1]) expect(() => new BartlettFactor(k, 3)).toThrow(`k must be an integer ≥ 1, got ${k}`);
    for (const n of [0, 2.5]) expect(() => new BartlettFactor(3, n)).toThrow(`n must be an integer ≥ 1, got ${n}`);
    const b = new BartlettFactor(2, 9);
    expect([b.k, b.n]).toEqual([2, 9]);
  });
});
