/** The statistical budget (docs/statistics.md): its constants agree with each other and with src/montecarlo's quantile. */
import { describe, expect, it } from 'vitest';
import { AUDIT_FALSE_ALARM, COMPARISON_ALPHA, COMPARISON_Z, SAMPLED_COMPARISONS_PER_AUDIT, SAMPLED_FAMILY_ALPHA } from '../../src/contract/tolerance';
import { normalCdf, normalQuantile } from '../../src/montecarlo/normal';
import { Z_BOUND } from '../../src/symbolic/montecarlo';
import { SAMPLED_CONFIDENCE } from '../../src/symbolic/sampledRoute';

describe('statistical budget', () => {
  it('splits 1e-6 per audit over the declared comparisons (Bonferroni)', () => {
    expect(AUDIT_FALSE_ALARM).toBeLessThanOrEqual(1e-6);
    expect(COMPARISON_ALPHA * SAMPLED_COMPARISONS_PER_AUDIT).toBeCloseTo(AUDIT_FALSE_ALARM, 18);
    expect(SAMPLED_FAMILY_ALPHA).toBe(COMPARISON_ALPHA);
    expect(Math.abs(1 - SAMPLED_CONFIDENCE - COMPARISON_ALPHA)).toBeLessThan(1e-15); // 1 − (1 − α) rounds
    // 36 comparisons counted in docs/statistics.md must fit under the declared bound
    expect(SAMPLED_COMPARISONS_PER_AUDIT).toBeGreaterThanOrEqual(36);
  });

  it('its z-bound is the two-sided critical value of one comparison’s level (never smaller)', () => {
    const z = normalQuantile(1 - COMPARISON_ALPHA / 2);
    expect(Math.abs(COMPARISON_Z - z)).toBeLessThan(1e-3);
    // the rounded constant errs on the side of fewer false alarms
    expect(2 * (1 - normalCdf(COMPARISON_Z))).toBeLessThanOrEqual(COMPARISON_ALPHA * 1.001);
    expect(Z_BOUND).toBe(COMPARISON_Z);
  });
});
