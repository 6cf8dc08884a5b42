import { describe, expect, it } from 'vitest';
import { criticalValue, normalCdf, normalQuantile } from '../../src/montecarlo/normal';

describe('normal quantile (AS 241) and distribution function', () => {
  it('matches published values', () => {
    // Reference values: standard normal tables (e.g. Abramowitz & Stegun 26.2, NIST DLMF), 16 digits.
    const table: Array<[number, number]> = [
      [0.975, 1.959963984540054],
      [0.995, 2.5758293035489004],
      [0.999, 3.090232306167813],
      [0.8413447460685429, 1],
      [1e-10, -6.361340902404056],
    ];
    for (const [p, x] of table) expect(Math.abs(normalQuantile(p) - x)).toBeLessThan(1e-14 * Math.max(1, Math.abs(x)));
    expect(normalQuantile(0.5)).toBe(0);
    expect(Math.abs(normalCdf(1) - 0.8413447460685429)).toBeLessThan(2e-16);
    expect(Math.abs(normalCdf(-10) / 7.619853024160527e-24 - 1)).toBeLessThan(1e-13);
  });

  it('inverts Φ (two independent algorithms) across the range, tails included', () => {
    // Φ is computed by a series / continued fraction, Φ⁻¹ by rational approximations: agreement to 1e-13
    // relative (both are accurate to ~1e-15; the slope of Φ in the tails amplifies by |x|).
    for (const p of [1e-300, 1e-100, 1e-20, 1e-8, 1e-3, 0.02, 0.1, 0.3, 0.4999, 0.5001, 0.7, 0.9, 0.975]) {
      const x = normalQuantile(p);
      expect(Math.abs(normalCdf(x) / p - 1), `p = ${p}`).toBeLessThan(1e-13 * Math.max(1, Math.abs(x)));
      if (p > 1e-6) expect(Math.abs(normalQuantile(1 - p) + x)).toBeLessThan(1e-9); // symmetry, up to rounding of 1 − p
    }
  });

  it('validates its inputs and applies the Bonferroni correction', () => {
    expect(() => normalQuantile(0)).toThrow(/open interval/);
    expect(() => normalQuantile(1)).toThrow(/open interval/);
    expect(() => criticalValue(1.2)).toThrow(/confidence/);
    expect(() => criticalValue(0.95, 0)).toThrow(/count/);
    expect(criticalValue(0.95)).toBeCloseTo(1.959963984540054, 14);
    expect(criticalValue(0.9, 4)).toBe(normalQuantile(1 - 0.1 / 8));
  });
});
