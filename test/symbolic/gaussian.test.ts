/** The Gaussian expectation engine: Isserlis moments, coincidence classes, and agreement with src/moments. */
import { describe, expect, it } from 'vitest';
import { fc, fcTest } from './fcProp';
import { gaussianMoment } from '../../src/moments';
import { constant, PolyRing } from '../../src/symbolic/poly';

/** This file's polynomial ring. */
const R = new PolyRing();
const sym = (name: string) => R.sym(name);
import { rf } from '../../src/symbolic/ratfunc';
import { SumPoly, coord, coords, expectPoly, expectation, fallingFactorial, setPartitions } from '../../src/symbolic/gaussian';
import { covarianceSymbols } from '../../src/symbolic/model';
import { rat, rtoNumber } from '../../src/symbolic/rational';

const s = sym('s');
const one = [{ name: 'g', cov: [[s]] }];
const z = coord(R, 'g', 0);

describe('Isserlis moments', () => {
  it('E z⁴ = 3s², E z⁶ = 15s³, odd moments 0 (z ~ N(0, s))', () => {
    expect(expectPoly(z.pow(4), one).equals(s.pow(2).scale(3))).toBe(true);
    expect(expectPoly(z.pow(6), one).equals(s.pow(3).scale(15))).toBe(true);
    expect(expectPoly(z.pow(5), one).isZero()).toBe(true);
  });
  it('E[z₁² z₂²] = l11 l22 + 2 l12²', () => {
    const cov = covarianceSymbols(R, 'l', 2);
    const [a, b] = coords(R, 'h', 2);
    const e = expectPoly(a.pow(2).mul(b.pow(2)), [{ name: 'h', cov }]);
    expect(e.equals(sym('l11').mul(sym('l22')).add(sym('l12').pow(2).scale(2)))).toBe(true);
  });
  fcTest.prop([fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 2, maxLength: 6 }).filter((a) => a.length % 2 === 0)], { numRuns: 40 })(
    'at a numeric covariance, every moment of order ≤ 6 equals src/moments gaussianMoment',
    (idx) => {
      const lam = [
        [2, 0.5, -0.25],
        [0.5, 1, 0.125],
        [-0.25, 0.125, 1.5],
      ];
      const cov = lam.map((row) => row.map((v) => constant(rat(BigInt(v * 8), 8n))));
      const c = coords(R, 'k', 3);
      const p = idx.reduce((acc, i) => acc.mul(c[i]), constant(1));
      const e = expectPoly(p, [{ name: 'k', cov }]);
      expect(rtoNumber(e.constantValue()!)).toBeCloseTo(gaussianMoment(lam, idx), 12);
    },
  );
  it('nerdamer’s heat operator gives the same E[z₁² z₂²]', async () => {
    // imported here: nerdamer takes seconds to load, which every mutation run of this file's other tests would pay
    const { nExpect } = await import('../../src/symbolic/nerdamerEngine');
    const e = nExpect('x1^2*x2^2', [{ coords: ['x1', 'x2'], cov: [['l11', 'l12'], ['l12', 'l22']] }]);
    expect(e.replace(/\s/g, '')).toMatch(/^(2\*l12\^2\+l11\*l22|l11\*l22\+2\*l12\^2)$/);
  });
});

describe('coincidence classes', () => {
  it('set partitions of k slots are counted by the Bell numbers 1, 2, 5, 15', () => {
    expect([1, 2, 3, 4].map((k) => setPartitions(k).length)).toEqual([1, 2, 5, 15]);
    expect(fallingFactorial(sym('N'), 3).equals(sym('N').mul(sym('N').sub(constant(1))).mul(sym('N').sub(constant(2))))).toBe(true);
  });
  it('E[(Σ_a x_a²)²] = N·3λ² + N(N − 1)·λ² and E[(Σ_a x_a)²] = Nλ, with N a symbol', () => {
    const lam = [[sym('lam')]];
    const vec = [{ name: 'x', cov: lam, perExample: true }];
    const sq = SumPoly.over('a', coord(R, 'x', 0, 'a').pow(2));
    const e = expectation(sq.mul(sq), { vectors: vec });
    const N = sym('N');
    expect(e.equals(rf(N.scale(3).add(N.mul(N.sub(constant(1)))).mul(sym('lam').pow(2))))).toBe(true);
    const lin = SumPoly.over('a', coord(R, 'x', 0, 'a'));
    expect(expectation(lin.square(), { vectors: vec }).equals(rf(N.mul(sym('lam'))))).toBe(true);
  });
  it('refuses a coordinate of a vector that was not declared', () => {
    expect(() => expectPoly(coord(R, 'nope', 0), one)).toThrow(/no such vector/);
  });
});
