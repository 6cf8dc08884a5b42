/**
 * The library's prove() on two worker threads without an onResult callback. It used to spin forever:
 * the in-order reporting loop advanced its counter inside `options.onResult?.(…, ++shown)`, and optional
 * chaining skips the arguments when the callback is absent.
 */
import { describe, expect, it } from 'vitest';
import { prove } from '../../src/api/prove';

describe('prove() with workers', () => {
  it('returns with two workers and no onResult, the results in task order and equal to one worker', async () => {
    const two = await prove({ only: ['P5'], workers: 2, nerdamer: false });
    const one = await prove({ only: ['P5'], workers: 1, nerdamer: false });
    expect(two.results.map((r) => r.verdict)).toEqual(one.results.map((r) => r.verdict));
    expect(two.results.length).toBe(3);
    expect(JSON.stringify(two.summary)).toBe(JSON.stringify(one.summary));
  }, 60_000);
});
