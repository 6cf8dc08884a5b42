/**
 * E[λ | x] for λ from an entry law and x | λ ~ N(0, λ), against references that do not share the
 * quadrature: closed forms of the generalized inverse Gaussian posterior (Exp and Gamma(2) entries, whose
 * Bessel ratios are elementary), Bayes' rule written out for two-point laws, and a plain trapezoid rule
 * in λ (not log λ) for the uniform law.
 */
import { describe, expect, it } from 'vitest';
import { posteriorEntryMean } from '../../src/moments/posteriorEntry';

/** Exp with mean s: the posterior is GIG(½, 2/s, x²), mean |x|·√(s/2) + s/2. */
const expPosterior = (x: number, s: number): number => Math.abs(x) * Math.sqrt(s / 2) + s / 2;

/** Gamma(2, 1): GIG(3/2, 2, x²), mean √(b/a)·K_{5/2}(z)/K_{3/2}(z), z = √(ab) = √2|x|, with
 * K_{5/2}/K_{3/2} = (1 + 3/z + 3/z²)/(1 + 1/z). */
function gamma2Posterior(x: number): number {
  const z = Math.SQRT2 * Math.abs(x);
  return (Math.abs(x) / Math.SQRT2) * ((1 + 3 / z + 3 / (z * z)) / (1 + 1 / z));
}

describe('posteriorEntryMean', () => {
  it('Exp(1): ½ + |x|/√2 (so E[λ | x] → ½, not E[λ] = 1, as x → 0)', () => {
    for (const x of [1e-6, 0.1, 0.5, 1, 2, -2, 5]) expect(posteriorEntryMean({ kind: 'exp' }, x)).toBeCloseTo(expPosterior(x, 1), 6);
  });

  it('Exp with a scale s: |x|√(s/2) + s/2', () => {
    for (const [x, s] of [[0.3, 0.5], [1, 2], [2, 4]] as const) expect(posteriorEntryMean({ kind: 'exp', scale: s }, x) / expPosterior(x, s)).toBeCloseTo(1, 6);
  });

  it('Gamma(2): the GIG(3/2) mean', () => {
    for (const x of [0.2, 1, 3]) expect(posteriorEntryMean({ kind: 'gamma', shape: 2 }, x) / gamma2Posterior(x)).toBeCloseTo(1, 6);
  });

  it('two-point law: Bayes’ rule over the two atoms', () => {
    const law = { kind: 'two-point' as const, low: 0.5, high: 3, pLow: 0.3 };
    for (const x of [0, 0.7, 2.5]) {
      const phi = (v: number) => Math.exp((-x * x) / (2 * v)) / Math.sqrt(v);
      const wl = law.pLow * phi(law.low);
      const wh = (1 - law.pLow) * phi(law.high);
      expect(posteriorEntryMean(law, x)).toBeCloseTo((law.low * wl + law.high * wh) / (wl + wh), 12);
    }
  });

  it('uniform law: a plain trapezoid rule in λ over [low, high]', () => {
    const law = { kind: 'uniform' as const, low: 0.5, high: 2 };
    for (const x of [0, 1, 2.5]) {
      const n = 200_000;
      const h = (law.high - law.low) / n;
      let num = 0;
      let den = 0;
      for (let k = 0; k <= n; k++) {
        const l = law.low + k * h;
        const w = (k === 0 || k === n ? 0.5 : 1) * Math.exp((-x * x) / (2 * l)) / Math.sqrt(l);
        num += l * w;
        den += w;
      }
      expect(posteriorEntryMean(law, x) / (num / den)).toBeCloseTo(1, 6);
    }
  });

  it('Exp with a large scale (s = 100, 1000): the quadrature reaches far enough into the tail', () => {
    // the posterior mean √(s/2)|x| + s/2 is of order s, so the integration must run well past λ = s
    for (const s of [100, 1000]) for (const x of [0.5, 3]) expect(posteriorEntryMean({ kind: 'exp', scale: s }, x) / expPosterior(x, s)).toBeCloseTo(1, 6);
  });

  it('uniform law at x = 0: the closed form (b^{3/2} − a^{3/2}) / (3(√b − √a)), to 1e-10', () => {
    // E[λ | x = 0] = ∫ λ·λ^{-1/2} dλ / ∫ λ^{-1/2} dλ over [a, b]. Simpson in log λ with 8000 steps (h ≤ 1.2e-3
    // here) errs by O(h⁴) ≈ 1e-12 relative; a trapezoid rule (O(h²), the integrand does not vanish at the
    // ends) would err by 5e-9 ([0.5, 2]) and 2e-7 ([0.01, 100]) (computed with NumPy), so 1e-10 separates them.
    for (const [a, b] of [[0.5, 2], [0.01, 100]] as const) {
      const exact = (b ** 1.5 - a ** 1.5) / (3 * (Math.sqrt(b) - Math.sqrt(a)));
      expect(Math.abs(posteriorEntryMean({ kind: 'uniform', low: a, high: b }, 0) / exact - 1)).toBeLessThan(1e-10);
    }
  });

  it('grows with |x| (a larger coordinate is evidence for a larger variance)', () => {
    const a = posteriorEntryMean({ kind: 'lognormal', mu: 0, sigma: 0.5 }, 0.5);
    const b = posteriorEntryMean({ kind: 'lognormal', mu: 0, sigma: 0.5 }, 2);
    expect(b).toBeGreaterThan(a);
  });
});
