/**
 * Φ⁻¹ and Φ against 20-digit values from mpmath 1.3 (mp.dps = 60: √2·erfinv(2p − 1), or a root of
 * log Φ(x) = log p in the far tail; mp.ncdf for Φ), at points in every branch of AS 241 (central
 * |p − ½| ≤ 0.425, tail with r = √(−log p) ≤ 5, far tail r > 5) and of Φ (series on (−3, 5), continued
 * fraction outside). Tolerance 1e-14 relative (2e-16 absolute on the series range): both algorithms are accurate to a few ulps (1e-16), so a
 * changed coefficient or operator, which moves results by far more, fails.
 */
import { describe, expect, it } from 'vitest';
import { criticalValue, normalCdf, normalPdf, normalQuantile } from '../../src/montecarlo/normal';

const QUANTILES: Array<[number, number]> = [
  [0.5 + 2 ** -12, 0.00061196983180892058224], // p − ½ exact in floating point
  [0.3, -0.52440051270804078404],
  [0.6, 0.2533471031357997988],
  [0.075, -1.4395314709384559153],
  [0.925, 1.4395314709384559153],
  [0.9, 1.281551565544600467],
  [0.05, -1.6448536269514727149],
  [0.02, -2.0537489106318230529],
  [0.001, -3.0902323061678135415],
  [1e-6, -4.7534243088228989482],
  [1e-9, -5.9978070150076868716],
  [1e-11, -6.7060231554951362873],
  [1e-12, -7.0344838253011319298],
  [1e-15, -7.941345326170996781],
  [1e-20, -9.2623400897984075737],
  [1e-50, -14.933337534788488981],
  [1e-100, -21.273453560965324295],
  [1e-300, -37.047096299361199237],
  [1 - 2 ** -24, 5.2947040848545980574], // upper tail, 1 − p exact
];

const CDF: Array<[number, number]> = [
  [0.3, 0.61791142218895263731],
  [-0.5, 0.30853753872598689636],
  [-1e-3, 0.49960105778608893742],
  [1.7, 0.95543453724145696051],
  [2.9, 0.99813418669961596205],
  [4.9, 0.99999952081672340968],
  [-2.9, 0.0018658133003840379503],
  [-3, 0.0013498980316300945267],
  [-3.5, 0.00023262907903552503635],
  [-8, 6.2209605742717841235e-16],
  [-30, 4.9067139271481870595e-198],
  [5, 0.99999971334842812081],
  [6.5, 0.99999999995983999416],
];

describe('normal quantile and distribution function against mpmath', () => {
  it('Φ⁻¹ in all three branches of AS 241', () => {
    for (const [p, x] of QUANTILES) expect(Math.abs(normalQuantile(p) - x), `p = ${p}`).toBeLessThanOrEqual(1e-14 * Math.abs(x));
  });

  it('Φ on the series range and in both tails', () => {
    // the series returns ½ + φ(x)·S, so its error is absolute (a few ulps of ½); the continued fraction keeps relative accuracy
    for (const [x, p] of CDF) {
      const tol = x > -3 && x < 5 ? 2e-16 : 1e-14 * p;
      expect(Math.abs(normalCdf(x) - p), `x = ${x}`).toBeLessThanOrEqual(tol);
    }
    expect(normalCdf(NaN)).toBeNaN();
    expect(normalPdf(0)).toBe(1 / Math.sqrt(2 * Math.PI));
    expect(Math.abs(normalPdf(1.5) - 0.12951759566589173)).toBeLessThan(1e-16); // e^{−1.125}/√(2π)
  });

  it('rejects p outside (0, 1) with the rule, and the Bonferroni level 1 − (1 − c)/count', () => {
    for (const p of [0, 1, -0.1, 1.5, NaN]) expect(() => normalQuantile(p)).toThrow(`p must be a probability in the open interval (0, 1), got ${p}`);
    for (const c of [0, 1, NaN]) expect(() => criticalValue(c)).toThrow(`confidence must be in the open interval (0, 1), got ${c}`);
    for (const n of [0, 2.5]) expect(() => criticalValue(0.9, n)).toThrow(`count must be an integer ≥ 1, got ${n}`);
    // z with P(|Z| ≤ z) = 1 − 0.05/4 per quantity: Φ⁻¹(1 − 0.00625) = 2.4977054744123728… (mpmath)
    expect(Math.abs(criticalValue(0.95, 4) - 2.4977054744123728)).toBeLessThan(1e-14);
    expect(Math.abs(criticalValue(0.99) - 2.5758293035489004)).toBeLessThan(1e-14);
  });
});
