/**
 * RunningMoments on given values: count, mean, M2 = Σ(x − mean)² and the unbiased variance against a
 * plain two-pass sum, by single values, by chunks (any split, any stride and offset) and by merges.
 */
import { describe, expect, it } from 'vitest';
import { RunningMoments } from '../../src/montecarlo/moments';

const DATA = [3, -1, 4, 1, -5, 9, 2, 6, 5, -3, 5, 8, 9, 7, 9];

function twoPass(xs: number[]): { mean: number; m2: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return { mean, m2: xs.reduce((a, b) => a + (b - mean) ** 2, 0) };
}

function expectMoments(m: RunningMoments, xs: number[], label: string): void {
  const { mean, m2 } = twoPass(xs);
  expect(m.count, label).toBe(xs.length);
  expect(Math.abs(m.mean - mean), label).toBeLessThan(1e-14 * Math.max(1, Math.abs(mean)));
  expect(Math.abs(m.m2 - m2), label).toBeLessThan(1e-13 * Math.max(1, m2));
  expect(Math.abs(m.variance - m2 / (xs.length - 1)), label).toBeLessThan(1e-13 * Math.max(1, m2));
  expect(Math.abs(m.standardError - Math.sqrt(m2 / (xs.length - 1) / xs.length)), label).toBeLessThan(1e-13);
}

describe('RunningMoments', () => {
  it('starts empty: count 0, mean 0, M2 0, variance NaN; one value has NaN variance', () => {
    const m = new RunningMoments();
    expect([m.count, m.mean, m.m2]).toEqual([0, 0, 0]);
    expect(m.variance).toBeNaN();
    m.push(4);
    expect([m.count, m.mean, m.m2]).toEqual([1, 4, 0]);
    expect(m.variance).toBeNaN();
    expect(m.standardError).toBeNaN();
    m.push(6);
    expect([m.count, m.mean, m.m2, m.variance]).toEqual([2, 5, 2, 2]);
    expect(m.standardError).toBe(1);
  });

  it('push, pushChunk with every split and merge agree with a two-pass sum', () => {
    const one = new RunningMoments();
    for (const x of DATA) one.push(x);
    expectMoments(one, DATA, 'push');
    for (let cut = 1; cut < DATA.length; cut++) {
      const c = new RunningMoments();
      c.pushChunk(DATA, 0, cut);
      c.pushChunk(DATA, cut, DATA.length - cut);
      expectMoments(c, DATA, `chunks at ${cut}`);
      const a = new RunningMoments();
      a.pushChunk(DATA, 0, cut);
      const b = twoPass(DATA.slice(cut));
      a.merge(DATA.length - cut, b.mean, b.m2);
      expectMoments(a, DATA, `merge at ${cut}`);
      // merging into an empty summary takes the other summary as it is
      const e = new RunningMoments();
      const s = twoPass(DATA.slice(0, cut));
      e.merge(cut, s.mean, s.m2);
      expect([e.count, e.mean, e.m2]).toEqual([cut, s.mean, s.m2]);
    }
  });

  it('reads a strided column at an offset, and ignores empty chunks and empty merges', () => {
    // column 1 of a 3-column row-major table, starting at row 2
    const table = DATA.flatMap((x, k) => [100 + k, x, -100 - k]);
    const m = new RunningMoments();
    m.pushChunk(table, 1 + 3 * 2, DATA.length - 2, 3);
    expectMoments(m, DATA.slice(2), 'strided');
    const before = [m.count, m.mean, m.m2];
    m.pushChunk(table, 0, 0, 3);
    m.pushChunk(table, 0, -1, 3);
    m.merge(0, 1e9, 1e9);
    m.merge(-2, 1e9, 1e9);
    expect([m.count, m.mean, m.m2]).toEqual(before);
    const empty = new RunningMoments();
    empty.merge(0, 5, 5);
    expect([empty.count, empty.mean, empty.m2]).toEqual([0, 0, 0]);
  });

  it('a chunk of equal values adds M2 = 0 (never a negative rounding residue)', () => {
    const m = new RunningMoments();
    m.pushChunk([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1], 0, 7);
    expect(m.m2).toBeGreaterThanOrEqual(0);
    expect(m.variance).toBeGreaterThanOrEqual(0);
    expect(Math.abs(m.mean - 0.1)).toBeLessThan(1e-16);
  });
});
