/**
 * Random exact points (src/symbolic/points.ts). With a scripted stream (uniform() returns given values)
 * every draw is worked by hand: randomRational(lo, hi, den) = (round(lo·den) + ⌊u·span⌋)/den with
 * span = round((hi − lo)·den). With the project's seeded streams: ranges, symmetry and positive
 * definiteness (Sylvester's criterion, worked with exact rationals here), reproducibility.
 */
import { describe, expect, it } from 'vitest';
import { stream, type Stream } from '../../src/random/stream';
import { rat, radd, rmul, rsub, rcmp, type Rat } from '../../src/symbolic/rational';
import {
  GenericPointDraw,
  assertGenericPoint,
  matrixPoint,
  randomDiagonalRational,
  randomRational,
  randomSpdRational,
  relativeError,
  toMat,
} from '../../src/symbolic/points';

/** A stream whose uniform() returns the given values in turn (then throws). */
const scripted = (us: number[]): Stream => {
  let i = 0;
  return {
    uniform: () => {
      if (i >= us.length) throw new Error('scripted stream exhausted');
      return us[i++];
    },
  } as unknown as Stream;
};
const nd = (r: Rat): string => `${r.n}/${r.d}`;

describe('randomRational', () => {
  it('maps u ∈ [0, 1) onto the grid lo, lo + 1/den, …, hi − 1/den', () => {
    // lo = −1, hi = 1, den = 16: span 32, numerators −16 + ⌊32u⌋
    expect(nd(randomRational(scripted([0]), -1, 1))).toBe('-1/1');
    expect(nd(randomRational(scripted([0.5]), -1, 1))).toBe('0/1');
    expect(nd(randomRational(scripted([0.999]), -1, 1))).toBe('15/16');
    expect(nd(randomRational(scripted([0.3]), -1, 1))).toBe('-7/16'); // −16 + ⌊9.6⌋ = −7
    // lo = 0.25, hi = 2, den = 8: span 14, numerators 2 + ⌊14u⌋
    expect(nd(randomRational(scripted([0]), 0.25, 2, 8))).toBe('1/4');
    expect(nd(randomRational(scripted([0.99]), 0.25, 2, 8))).toBe('15/8');
    // lo = 0.3, hi = 0.55, den = 10: numerator round(3) = 3, span round(2.5) = 3
    expect(nd(randomRational(scripted([0.7]), 0.3, 0.55, 10))).toBe('1/2'); // 3 + ⌊2.1⌋ = 5
  });
  it('seeded draws stay in [lo, hi) with denominator dividing den', () => {
    const rng = stream(11).child('rr');
    for (let k = 0; k < 200; k++) {
      const r = randomRational(rng, -2, 3, 8);
      expect(rcmp(r, rat(-2)) >= 0 && rcmp(r, rat(3)) < 0).toBe(true);
      expect(8n % r.d).toBe(0n);
    }
  });
});

describe('random matrices', () => {
  it('randomSpdRational(2) from scripted B entries is BBᵀ + I/2', () => {
    // B entries (denominator 8, span 16: −8 + ⌊16u⌋): u = 0.75 → 4/8, 0.25 → −4/8, 0 → −1, 0.5 → 0
    const m = randomSpdRational(scripted([0.75, 0.25, 0, 0.5]), 2);
    // B = [[1/2, −1/2], [−1, 0]]: BBᵀ = [[1/2, −1/2], [−1/2, 1]], plus I/2
    expect(m.map((r) => r.map(nd))).toEqual([['1/1', '-1/2'], ['-1/2', '3/2']]);
  });
  it('seeded SPD matrices are symmetric with positive leading minors (d = 3)', () => {
    const rng = stream(5).child('spd');
    for (let k = 0; k < 20; k++) {
      const m = randomSpdRational(rng, 3);
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(m[i][j]).toEqual(m[j][i]);
      const m1 = m[0][0];
      const m2 = rsub(rmul(m[0][0], m[1][1]), rmul(m[0][1], m[1][0]));
      const det3 = [0, 1, 2].reduce((acc: Rat, j) => {
        const [a, b] = [0, 1, 2].filter((c) => c !== j);
        const minor = rsub(rmul(m[1][a], m[2][b]), rmul(m[1][b], m[2][a]));
        const t = rmul(m[0][j], minor);
        return j === 1 ? rsub(acc, t) : radd(acc, t);
      }, rat(0));
      // BBᵀ + I/2 ⪰ I/2: each diagonal entry ≥ 1/2 and every leading minor > 0
      expect(rcmp(m1, rat(1, 2)) >= 0).toBe(true);
      expect(rcmp(m2, rat(0)) > 0).toBe(true);
      expect(rcmp(det3, rat(1, 8)) >= 0).toBe(true); // det ≥ (1/2)³
    }
  });
  it('randomDiagonalRational: zeros off the diagonal, diagonal in [1/4, 2) on the grid of eighths', () => {
    expect(randomDiagonalRational(scripted([0, 0.99]), 2).map((r) => r.map(nd))).toEqual([['1/4', '0/1'], ['0/1', '15/8']]);
    const rng = stream(2).child('diag');
    const m = randomDiagonalRational(rng, 4);
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++) {
        if (i !== j) expect(nd(m[i][j])).toBe('0/1');
        else expect(rcmp(m[i][i], rat(1, 4)) >= 0 && rcmp(m[i][i], rat(2)) < 0 && 8n % m[i][i].d === 0n).toBe(true);
      }
  });
});

describe('conversions', () => {
  it('matrixPoint: upper triangle for a symmetric matrix, every entry otherwise', () => {
    const m = [[rat(1), rat(2)], [rat(3), rat(4)]];
    expect(Object.fromEntries(Object.entries(matrixPoint('l', m)).map(([k, v]) => [k, nd(v)]))).toEqual({ l11: '1/1', l12: '2/1', l22: '4/1' });
    expect(Object.fromEntries(Object.entries(matrixPoint('U', m, false)).map(([k, v]) => [k, nd(v)]))).toEqual({ U11: '1/1', U12: '2/1', U21: '3/1', U22: '4/1' });
  });
  it('toMat gives doubles; relativeError uses |b| or the floor', () => {
    expect(toMat([[rat(1, 4), rat(-3)], [rat(2, 5), rat(0)]])).toEqual([[0.25, -3], [0.4, 0]]);
    expect(relativeError(1.5, 2)).toBe(0.25);
    expect(relativeError(-1.5, -2)).toBe(0.25);
    expect(relativeError(1e-13, 0)).toBeCloseTo(0.1, 15); // floor 1e-12
    expect(relativeError(1, 0, 0.5)).toBe(2);
    expect(relativeError(3, 2, 4)).toBe(0.25);
  });
});

describe('GenericPointDraw and assertGenericPoint', () => {
  it('redraws a zero or a repeated value (scripted): the drawn values are nonzero and distinct', () => {
    // den = 4 on [−1, 1): span 8, numerators −4 + ⌊8u⌋: u = 0.5 → 0 (redrawn), 0.75 → 2/4, 0.75 again (redrawn), 0.25 → −2/4
    const g = new GenericPointDraw(scripted([0.5, 0.75, 0.75, 0.25]));
    expect(nd(g.rational(-1, 1, 4))).toBe('1/2');
    expect(nd(g.rational(-1, 1, 4))).toBe('-1/2');
  });
  it('matrix: rows × cols entries, all distinct; diagonal: distinct diagonal, zeros elsewhere', () => {
    const g = new GenericPointDraw(stream(9).child('g'));
    const m = g.matrix(2, 3);
    expect(m).toHaveLength(2);
    expect(m[0]).toHaveLength(3);
    const d = g.diagonal(3);
    const all = [...m.flat(), d[0][0], d[1][1], d[2][2]].map(nd);
    expect(new Set(all).size).toBe(9);
    expect(nd(d[0][1])).toBe('0/1');
    expect(nd(d[2][1])).toBe('0/1');
    for (let i = 0; i < 3; i++) expect(rcmp(d[i][i], rat(1, 4)) >= 0 && rcmp(d[i][i], rat(2)) < 0).toBe(true);
    for (const x of m.flat()) expect(rcmp(x, rat(-1)) >= 0 && rcmp(x, rat(1)) < 0 && 32n % x.d === 0n).toBe(true);
    const s = g.spd(2);
    expect(s[0][1]).toEqual(s[1][0]);
  });
  it('spd redraws a matrix whose upper entries repeat (scripted: first B gives entries 1, 0, 1)', () => {
    // first B = [[1/2, −1/2], [−1/2, 1/2]]·…: u = 0.75, 0.25, 0.25, 0.75 → B = [[1/2, −1/2], [−1/2, 1/2]]
    // BBᵀ + I/2 = [[1, −1/2], [−1/2, 1]]: the diagonal entries repeat → redrawn
    // second B: u = 0.75, 0.25, 0, 0.5 → [[1, −1/2], [−1/2, 3/2]] (worked above)
    const g = new GenericPointDraw(scripted([0.75, 0.25, 0.25, 0.75, 0.75, 0.25, 0, 0.5]));
    expect(g.spd(2).map((r) => r.map(nd))).toEqual([['1/1', '-1/2'], ['-1/2', '3/2']]);
  });
  it('spd redraws when one upper entry (not all) was drawn before, or one (not all) is 0', () => {
    // B = [[7/8, 0], [1/2, 1/2]] (u = 15/16, 1/2, 3/4, 3/4): BBᵀ + I/2 = [[81/64, 7/16], [7/16, 1]]
    const second = [0.9375, 0.5, 0.75, 0.75];
    const want = [['81/64', '7/16'], ['7/16', '1/1']];
    // −1/2 drawn first (den 4: u = 1/4 → −2/4); then [[1, −1/2], [−1/2, 3/2]] repeats it in one entry only
    const g = new GenericPointDraw(scripted([0.25, 0.75, 0.25, 0, 0.5, ...second]));
    expect(nd(g.rational(-1, 1, 4))).toBe('-1/2');
    expect(g.spd(2).map((r) => r.map(nd))).toEqual(want);
    // B = [[1/2, 0], [0, 1/4]] (u = 3/4, 1/2, 1/2, 5/8): BBᵀ + I/2 = diag(3/4, 9/16), a zero off the diagonal
    const h = new GenericPointDraw(scripted([0.75, 0.5, 0.5, 0.625, ...second]));
    expect(h.spd(2).map((r) => r.map(nd))).toEqual(want);
  });
  it('rational() defaults to [−1, 1) with denominator 32', () => {
    const g = new GenericPointDraw(scripted([0, 0.99]));
    expect(nd(g.rational())).toBe('-1/1');
    expect(nd(g.rational())).toBe('31/32'); // −32 + ⌊63.36⌋
  });
  it('gives up with its message when the range cannot hold another distinct value', () => {
    const g = new GenericPointDraw(stream(4).child('tiny'));
    // [1, 2) with denominator 1 holds the single value 1
    expect(nd(g.rational(1, 2, 1))).toBe('1/1');
    expect(() => g.rational(1, 2, 1)).toThrow(new RangeError('GenericPointDraw: no rational in [1, 2) with denominator 1 distinct from the 1 entries drawn (range too small)'));
    // a 1×1 SPD matrix whose entry repeats: u = 0.5 gives B = 0 and [[1/2]] every time; the first draw
    // takes one value, the second gives up after exactly 10 000 attempts (the script holds 1 + 10 000 values)
    const h = new GenericPointDraw(scripted(new Array<number>(10_001).fill(0.5)));
    expect(nd(h.spd(1)[0][0])).toBe('1/2');
    expect(() => h.spd(1)).toThrow(new RangeError('GenericPointDraw: no 1×1 SPD matrix distinct from the 1 entries drawn (range too small)'));
  });
  it('assertGenericPoint returns the point, or names the zero entry or the equal pair', () => {
    const p = { a: rat(1, 2), b: rat(-1, 2), c: rat(3) };
    expect(assertGenericPoint('pt', p)).toBe(p);
    expect(() => assertGenericPoint('pt', { a: rat(1), z: rat(0) })).toThrow(new Error('pt: entry z is 0 (a random point must have nonzero entries)'));
    expect(() => assertGenericPoint('pt', { a: rat(2, 3), b: rat(1), c: rat(4, 6) })).toThrow(
      new Error('pt: entries a and c are equal (2/3); a random point must have distinct entries'),
    );
  });
});
