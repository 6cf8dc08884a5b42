/**
 * The C18 claim's wrapper (src/claims/c18Robustness.ts), with the evaluation stubbed: it passes the
 * committed checkpoint, the claim's seed, the documented design (64 covariances × 16 prompts, scales 1, 4, 9,
 * 1000 resamples, two comparisons at 1 − 0.01/2 each: Bonferroni for a 99 % family) and the training record;
 * without the checkpoint it is inconclusive and says where it looked.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const H = vi.hoisted(() => ({ calls: [] as unknown[], exists: true }));
vi.mock('../../src/claims/c18Evaluation', () => ({
  runC18: async (o: unknown) => (H.calls.push(o), { verdict: 'verified', worstError: 0.5, tolerance: 1, worstRatio: 0.5, cases: 1 }),
}));
vi.mock('node:fs', async (orig) => {
  const fs = await orig<typeof import('node:fs')>();
  return { ...fs, existsSync: (p: string) => (String(p).endsWith('model.safetensors') && !H.exists ? false : fs.existsSync(p)) };
});

import { c18Robustness, C18_CHECKPOINT } from '../../src/claims/c18Robustness';

beforeEach(() => {
  H.calls = [];
  H.exists = true;
});

describe('C18 claim', () => {
  it('runs the evaluation on the committed checkpoint with the documented design and the training record', async () => {
    const c = c18Robustness();
    expect(c.id).toBe('C18');
    expect(c.partIds).toEqual(['learned', 'growth-c4', 'growth-c9', 'spike']);
    expect(c.routes.length).toBe(3);
    expect(Object.keys(c.tolerance).sort()).toEqual(['bound', 'justification', 'measure']);
    expect(C18_CHECKPOINT).toMatch(/src\/claims\/data\/c18\/model\.safetensors$/);
    const r = await c.check({ seed: 21, rootSeed: 3, runs: 1 });
    expect(r.verdict).toBe('verified');
    const record = JSON.parse(readFileSync(C18_CHECKPOINT.replace(/model\.safetensors$/, 'train.json'), 'utf8'));
    expect(H.calls).toEqual([{ checkpoint: C18_CHECKPOINT, seed: 21, rootSeed: 3, covariances: 64, perCovariance: 16, scales: [1, 4, 9], resamples: 1000, level: 1 - 0.01 / 2, record }]);
    expect(c.tolerance.justification).toContain('two-sided 99.5 % per comparison');
  });

  it('without the checkpoint: inconclusive, naming the path', async () => {
    H.exists = false;
    const r = await c18Robustness().check({ seed: 21, runs: 1 });
    expect(r).toEqual({ verdict: 'inconclusive', reason: `checkpoint missing: ${C18_CHECKPOINT}`, worstError: NaN, tolerance: 1, worstRatio: NaN, cases: 0 });
    expect(H.calls).toEqual([]);
  });
});
