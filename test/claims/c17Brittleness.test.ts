/**
 * C17's brittleness part on laws worked by hand. On identity prompts the N, M → ∞ predictor is Q w with
 * Q = E[λ²]/E[λ³], so the limit error is (1 − Q)² d for w ~ N(0, I): Exp(1) (E λ² = 2, E λ³ = 6) gives
 * Q = ⅓ and (⅔)² d; the two-point law 0.2 / 1.2 with P(0.2) = 0.9 has E λ² = 0.036 + 0.144 = 0.18 =
 * 0.0072 + 0.1728 = E λ³, so Q = 1 and the identity-prompt error vanishes: no brittleness there, and the
 * property must not report that law as a counterexample (it did at seed 45 before the exception was made).
 */
import { describe, expect, it } from 'vitest';
import { brittlenessProperty, type RandomCovCase } from '../../properties/section45';

const at = (law: RandomCovCase['law'], d = 2): RandomCovCase => ({ d, n: 1, m: 1, law, caseSeed: 0 });

describe('C17 brittleness on hand-worked laws', () => {
  const p = brittlenessProperty();
  it('Exp(1): identity prompts keep the error (1 − ⅓)² d; the part holds', () => {
    const r = p.evaluate(at({ kind: 'exp' } as RandomCovCase['law'])) as { error: number; tolerance: number; found: { atN1e7: { identity: number }; identityChecked: boolean } };
    expect(r.found.identityChecked).toBe(true);
    expect(r.found.atN1e7.identity).toBeCloseTo((4 / 9) * 2, 5);
    expect(r.error).toBeLessThanOrEqual(r.tolerance);
  });
  it('two-point 0.2 / 1.2 (P = 0.9): Q = 1, the identity-prompt error vanishes and only the random-prompt half is checked', () => {
    const r = p.evaluate(at({ kind: 'two-point', low: 0.2, high: 1.2, pLow: 0.9 } as RandomCovCase['law'])) as { error: number; tolerance: number; found: { atN1e7: { identity: number }; identityChecked: boolean } };
    expect(r.found.identityChecked).toBe(false);
    expect(r.found.atN1e7.identity).toBeLessThan(1e-10);
    expect(r.error).toBeLessThanOrEqual(r.tolerance);
  });
});
