/**
 * The second engine (src/symbolic/nerdamerEngine.ts, nerdamerModel.ts) on small cases worked by hand, and
 * the d = 1 loss against the SymPy chi-square derivation of test/symbolic/model.test.ts (same points, same
 * pasted values). Results are compared by value (nSubs at rational points) or by nEqual, never by the
 * order nerdamer prints terms in. nerdamer is slow; everything here is d = 1 or 2×2.
 */
import { describe, expect, it } from 'vitest';
import { nDeterminant, nDiff, nEqual, nExpand, nExpect, nExpectVector, nInverse, nIsZero, nSubs } from '../../src/symbolic/nerdamerEngine';
import { nGeneralParams, nReducedParams, nerdamerLoss } from '../../src/symbolic/nerdamerModel';

describe('nerdamer primitives', () => {
  it('expand, zero test, equality, derivative, substitution', () => {
    expect(nIsZero('(x+1)^2-x^2-2*x-1')).toBe(true);
    expect(nIsZero('(x+1)^2-x^2')).toBe(false);
    expect(nEqual('(a+b)^2', 'a^2+2*a*b+b^2')).toBe(true);
    expect(nEqual('(a+b)^2', 'a^2+b^2')).toBe(false);
    expect(nEqual(nExpand('(x-2)*(x+3)'), 'x^2+x-6')).toBe(true);
    expect(nEqual(nDiff('x^3*y+y^2', 'x'), '3*x^2*y')).toBe(true);
    expect(nSubs('x^2+y', { x: '2', y: '3' })).toBe('7');
    expect(nSubs('x*y', { x: '1/2' })).toBe(nExpand('y/2'));
  });
});

describe('expectations by the heat operator', () => {
  it('z ~ N(0, s): E z⁴ = 3s², E z⁶ = 15s³, E z³ = 0, E c = c', () => {
    const v = { coords: ['z'], cov: [['s']] };
    expect(nEqual(nExpectVector('z^4', v), '3*s^2')).toBe(true);
    expect(nEqual(nExpectVector('z^6', v), '15*s^3')).toBe(true);
    expect(nExpectVector('z^3', v)).toBe('0');
    expect(nExpectVector('c^2+1', v)).toBe('c^2+1'); // no coordinate present: returned as given
    expect(nEqual(nExpectVector('c*z^2+1', v), 'c*s+1')).toBe(true);
  });
  it('two coordinates: E z₁ z₂ = l12, E z₁² z₂² = l11 l22 + 2 l12², E z₁³ z₂ = 3 l11 l12', () => {
    const v = { coords: ['z1', 'z2'], cov: [['l11', 'l12'], ['l12', 'l22']] };
    expect(nEqual(nExpectVector('z1*z2', v), 'l12')).toBe(true);
    expect(nEqual(nExpectVector('z1^2*z2^2', v), 'l11*l22+2*l12^2')).toBe(true);
    expect(nEqual(nExpectVector('z1^3*z2', v), '3*l11*l12')).toBe(true);
    expect(nEqual(nExpectVector('z2^2', v), 'l22')).toBe(true);
  });
  it('a zero covariance entry: diag(2, 3): E z₁² z₂² = 6, E z₁ z₂ = 0', () => {
    const v = { coords: ['z1', 'z2'], cov: [['2', '0'], ['0', '3']] };
    expect(nExpectVector('z1^2*z2^2', v)).toBe('6');
    expect(nExpectVector('z1*z2', v)).toBe('0');
  });
  it('several independent vectors, one after another: E[g² h⁴] = s · 3t²', () => {
    const e = nExpect('g^2*h^4', [
      { coords: ['g'], cov: [['s']] },
      { coords: ['h'], cov: [['t']] },
    ]);
    expect(nEqual(e, '3*s*t^2')).toBe(true);
  });
});

describe('determinant and inverse', () => {
  it('det of a 1×1, 2×2 and 3×3 (Sarrus); the numeric 3×3 worked by hand is 23', () => {
    expect(nEqual(nDeterminant([['a']]), 'a')).toBe(true);
    expect(nEqual(nDeterminant([['a', 'b'], ['c', 'd']]), 'a*d-b*c')).toBe(true);
    const m = [
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
      ['g', 'h', 'i'],
    ];
    expect(nEqual(nDeterminant(m), 'a*e*i+b*f*g+c*d*h-c*e*g-a*f*h-b*d*i')).toBe(true);
    expect(nDeterminant([['0', '2', '1'], ['3', '0', '4'], ['1', '5', '0']])).toBe('23');
  });
  it('inverse: [[a]]⁻¹ = 1/a; [[2, 1], [1, 1]]⁻¹ = [[1, −1], [−1, 2]]; adj/det of a symbolic 2×2 at a point', () => {
    expect(nSubs(nInverse([['a']])[0][0], { a: '4' })).toBe('1/4');
    expect(nInverse([['2', '1'], ['1', '1']])).toEqual([['1', '-1'], ['-1', '2']]);
    // [[a, b], [c, d]]⁻¹ = [[d, −b], [−c, a]]/(ad − bc); at a = 2, b = 3, c = 5, d = 7: ad − bc = −1
    const inv = nInverse([['a', 'b'], ['c', 'd']]);
    const at = { a: '2', b: '3', c: '5', d: '7' };
    expect(inv.map((r) => r.map((x) => nSubs(x, at)))).toEqual([['-7', '3'], ['5', '-2']]);
    // a 3×3: [[1,2,0],[0,1,3],[4,0,1]]⁻¹ = adj/25 with the adjugate worked by hand in matrix.test.ts
    const inv3 = nInverse([['1', '2', '0'], ['0', '1', '3'], ['4', '0', '1']]);
    expect(inv3).toEqual([['1/25', '-2/25', '6/25'], ['12/25', '1/25', '-3/25'], ['-4/25', '8/25', '1/25']]);
  });
});

describe('the model rebuilt as strings', () => {
  it('the parameter matrices', () => {
    expect(nReducedParams(2)).toEqual({
      wpv: [['0', '0', '0'], ['0', '0', '0'], ['0', '0', 'u']],
      wkq: [['U11', 'U12', '0'], ['U21', 'U22', '0'], ['0', '0', '0']],
    });
    expect(nGeneralParams(1)).toEqual({ wpv: [['P11', 'P12'], ['P21', 'P22']], wkq: [['K11', 'K12'], ['K21', 'K22']] });
  });
  it('reduced, d = 1: ½[(uU)² λ³ (N + 2)/N − 2uU λ² + λ], over the denominator N²', () => {
    const { num, den } = nerdamerLoss(1, nReducedParams(1), { lambda: [['l']] });
    expect(den).toBe('(N)^2');
    expect(nEqual(num, '(1/2)*(U11^2*u^2*l^3*N*(N+2)-2*U11*u*l^2*N^2+l*N^2)')).toBe(true);
  });
  it('reduced, d = 2 at a numeric Λ: the closed form worked by hand (≈ 2.5 s; the only d = 2 case, it tells the two coordinates apart)', () => {
    // ŷ = u·wᵀSUx_q with S = (1/N)Σ x_i x_iᵀ, so 2L = E tr((uSU − I)ᵀ(uSU − I)Λ) = u² tr(UᵀE[S²]UΛ) − 2u tr(ΛUΛ) + tr Λ,
    // E[S²] = Λ²(N + 1)/N + tr(Λ)Λ/N (Isserlis). At Λ = [[2, 1], [1, 3]], u = 1/2, U = [[1, 2], [−1, 3]], N = 4, SymPy:
    //   L=Matrix([[2,1],[1,3]]); U=Matrix([[1,2],[-1,3]]); u=Rational(1,2); N=4; ES2=L*L*Rational(N+1,N)+L.trace()*L/N
    //   Rational(1,2)*(u**2*(U.T*ES2*U*L).trace()-2*u*(L*U*L).trace()+L.trace())  →  2585/32
    const { num, den } = nerdamerLoss(2, nReducedParams(2), { lambda: [['2', '1'], ['1', '3']] });
    expect(nSubs(`(${num})/(${den})`, { u: '1/2', U11: '1', U12: '2', U21: '-1', U22: '3', N: '4' })).toBe('2585/32');
  });
  it('general, d = 1: the SymPy values at points A and B (paper normalizer N and the wrong N + 1)', () => {
    const A = { P11: '7/3', P12: '-5/2', P21: '1/2', P22: '-3/4', K11: '2/3', K12: '9/4', K21: '5/7', K22: '-7/5', l: '3/2', N: '3' };
    const B = { P11: '1/6', P12: '3', P21: '-1/3', P22: '1/5', K11: '-2', K12: '4/9', K21: '1/4', K22: '2/7', l: '1/3', N: '5' };
    const paper = nerdamerLoss(1, nGeneralParams(1), { lambda: [['l']] });
    expect(paper.den).toBe('(N)^2');
    expect(nSubs(`(${paper.num})/(${paper.den})`, A)).toBe('36919/12544');
    const wrong = nerdamerLoss(1, nGeneralParams(1), { lambda: [['l']], normalizer: 'N+1' });
    expect(wrong.den).toBe('(N+1)^2');
    expect(nSubs(`(${wrong.num})/(${wrong.den})`, B)).toBe('82499/349920');
  });
});
