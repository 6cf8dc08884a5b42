import { describe, expect, it } from 'vitest';
import { Stream, stream } from '../../src/random/stream';

describe('Stream', () => {
  it('replays from seed and path, and children are independent of siblings', () => {
    const a = stream(5).child('x');
    const b = new Stream(5, ['x']);
    const xs = Array.from({ length: 10 }, () => a.normal());
    expect(Array.from({ length: 10 }, () => b.normal())).toEqual(xs);
    expect(stream(5).child('y').normal()).not.toBe(xs[0]);
    expect(a.describe()).toBe('seed=5 path=x');
  });
  it('uniform draws lie in [0, 1) and open draws in (0, 1)', () => {
    const s = stream(1);
    for (let i = 0; i < 10000; i++) {
      const u = s.uniform();
      const o = s.uniformOpen();
      expect(u >= 0 && u < 1).toBe(true);
      expect(o > 0 && o < 1).toBe(true);
    }
  });
  it('normal draws have mean 0 and variance 1 (5-sigma bounds, n = 2e5)', () => {
    const s = stream(2);
    const n = 200_000;
    let m = 0;
    let q = 0;
    for (let i = 0; i < n; i++) {
      const x = s.normal();
      m += x;
      q += x * x;
    }
    m /= n;
    q /= n;
    expect(Math.abs(m)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(q - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
  });
  it('int is uniform over its range and rejects empty ranges', () => {
    const s = stream(3);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30000; i++) counts[s.int(0, 2)]++;
    for (const c of counts) expect(Math.abs(c - 10000)).toBeLessThan(5 * Math.sqrt(30000 * (1 / 3) * (2 / 3)));
    expect(() => s.int(3, 2)).toThrow(RangeError);
  });
  it('rejects a non-integer seed', () => {
    expect(() => new Stream(1.5)).toThrow(/seed must be an integer/);
  });
});
