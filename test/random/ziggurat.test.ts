import { describe, expect, it } from 'vitest';
import { stream } from '../../src/random/stream';
import { ziggurat } from '../../src/random/ziggurat';
import { normalCdf, normalQuantile } from '../../src/montecarlo/normal';

// All statistical checks below use a fixed seed and a per-check failure probability of at most 1e-6 under
// a correct generator (Bonferroni over the checks of each test), so they are not flaky; they fail for a
// generator whose distribution is off by more than the stated resolution.
const N = 1_000_000;
const draws = (() => {
  const out = new Float64Array(N);
  ziggurat(stream(20261125).child('ziggurat-test')).fill(out);
  return out;
})();

describe('ziggurat normals', () => {
  it('is deterministic in (seed, path) and differs across paths', () => {
    const a = new Float64Array(1000);
    const b = new Float64Array(1000);
    const c = new Float64Array(1000);
    ziggurat(stream(5).child('x')).fill(a);
    const zb = ziggurat(stream(5).child('x'));
    for (let i = 0; i < 1000; i++) b[i] = zb.next(); // next() and fill() draw the same sequence
    ziggurat(stream(5).child('y')).fill(c);
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(a.some((v, i) => v !== c[i])).toBe(true);
  });

  it('has the first four moments of N(0, 1)', () => {
    // Sample moments m_k with E z^k = 0, 1, 0, 3 and Var z^k = 1, 2, 15, 96; four checks at 1e-6/4 each.
    const sums = [0, 0, 0, 0];
    for (let i = 0; i < N; i++) {
      const x = draws[i];
      const x2 = x * x;
      sums[0] += x;
      sums[1] += x2;
      sums[2] += x2 * x;
      sums[3] += x2 * x2;
    }
    const expected = [0, 1, 0, 3];
    const variance = [1, 2, 15, 96];
    const z = normalQuantile(1 - 1e-6 / 8);
    for (let k = 0; k < 4; k++) {
      const err = Math.abs(sums[k] / N - expected[k]);
      expect(err, `moment ${k + 1}`).toBeLessThan(z * Math.sqrt(variance[k] / N));
    }
  });

  it('passes a Kolmogorov–Smirnov test against Φ (DKW bound, α = 1e-6)', () => {
    const sorted = Float64Array.from(draws).sort();
    let dmax = 0;
    for (let i = 0; i < N; i++) {
      const f = normalCdf(sorted[i]);
      dmax = Math.max(dmax, Math.abs(f - i / N), Math.abs(f - (i + 1) / N));
    }
    // Dvoretzky–Kiefer–Wolfowitz: P(D_n > ε) ≤ 2 exp(−2 n ε²); ε for α = 1e-6 is 0.0027 at n = 1e6.
    const eps = Math.sqrt(Math.log(2 / 1e-6) / (2 * N));
    expect(dmax).toBeLessThan(eps);
  });

  it('passes a χ² test on 200 equiprobable bins and puts the right mass beyond the base layer', () => {
    const bins = 200;
    const counts = new Float64Array(bins);
    let tail = 0;
    for (let i = 0; i < N; i++) {
      const x = draws[i];
      counts[Math.min(bins - 1, Math.floor(normalCdf(x) * bins))]++;
      if (Math.abs(x) > 3.442619855899) tail++;
    }
    const e = N / bins;
    let chi2 = 0;
    for (const c of counts) chi2 += ((c - e) * (c - e)) / e;
    // Wilson–Hilferty upper quantile of χ²_199 at 1 − 5e-7 (two checks in this test share α = 1e-6).
    const k = bins - 1;
    const zq = normalQuantile(1 - 5e-7);
    const crit = k * (1 - 2 / (9 * k) + zq * Math.sqrt(2 / (9 * k))) ** 3;
    expect(chi2).toBeLessThan(crit);
    // |z| > r is the tail path: mass 2(1 − Φ(r)) ≈ 5.8e-4; binomial count within 5.3 standard deviations.
    const p = 2 * normalCdf(-3.442619855899);
    expect(Math.abs(tail - N * p)).toBeLessThan(normalQuantile(1 - 2.5e-7) * Math.sqrt(N * p * (1 - p)));
  });
});

describe('ziggurat uniforms', () => {
  it('fillUniform gives the values of repeated uniform() (one 32-bit output each, in (0, 1)) and the same stream state after', () => {
    const a = ziggurat(stream(77).child('u'));
    const b = ziggurat(stream(77).child('u'));
    const out = new Float64Array(10_003);
    a.fillUniform(out, 2, 10_000);
    for (let i = 0; i < 10_000; i++) expect(out[2 + i]).toBe(b.uniform());
    expect([out[0], out[1], out[10_002]]).toEqual([0, 0, 0]);
    expect(out.subarray(2, 10_002).every((u) => u > 0 && u < 1)).toBe(true);
    expect(a.next()).toBe(b.next());
  });
});
