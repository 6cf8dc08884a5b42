/**
 * The two right-hand sides of the reduced flow at d = 2 against the formulas computed independently with
 * ml-matrix: G = P(uU)Q − B, u′ = −⟨G, U⟩_F, U′ = −uG, L = ½⟨V, PVQ⟩ − ⟨B, V⟩ + ½c; the eigenbasis system
 * rotated back must give the same vector field, and its Jacobian (through prepare/solve) the
 * finite-difference one. Eigenvalues of the 2×2 matrices by the quadratic formula.
 */
import { describe, expect, it } from 'vitest';
import { Matrix, solve } from 'ml-matrix';
import { eigenDistance, eigenLoss, eigenSystem, rotateIn, rotateOut, stateBalance } from '../../../src/dynamics/eigenSystem';
import { originalSystem, packState, stateDistance, unpackU } from '../../../src/dynamics/originalSystem';
import type { QuadraticModel } from '../../../src/moments/quadratic';
import type { Mat } from '../../../src/linalg/matrix';

const P: Mat = [[2, 0.5], [0.5, 1]];
const Q: Mat = [[1.5, -0.3], [-0.3, 0.8]];
const B: Mat = [[0.7, -0.2], [0.4, 1.1]];
const model: QuadraticModel = { d: 2, P, Q, B, c: 0.9 };
const u = 0.8;
const U: Mat = [[0.3, -0.5], [0.9, 0.2]];

const M = (m: Mat) => new Matrix(m);
const V = M(U).mul(u);
const G = M(P).mmul(V).mmul(M(Q)).sub(M(B));
const frob = (a: Matrix, b: Matrix) => a.to1DArray().reduce((s, x, i) => s + x * b.to1DArray()[i], 0);
const lossRef = 0.5 * frob(V, M(P).mmul(V).mmul(M(Q))) - frob(M(B), V) + 0.5 * 0.9;
const fRef = [-frob(G, M(U)), ...G.mul(-u).to1DArray()];
const vStarRef = solve(M(Q), solve(M(P), M(B)).transpose()).transpose(); // P⁻¹ B Q⁻¹ (Q symmetric)
const eig2 = (m: Mat) => {
  const tr = m[0][0] + m[1][1], det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
  const r = Math.sqrt(tr * tr - 4 * det);
  return [(tr - r) / 2, (tr + r) / 2];
};
const close = (a: number, b: number, tol = 1e-13) => expect(Math.abs(a - b)).toBeLessThan(tol * Math.max(1, Math.abs(b)));

describe('originalSystem (d = 2)', () => {
  const sys = originalSystem(model);
  const y = packState(u, U);
  it('packs and unpacks (u, U row-major)', () => {
    expect(Array.from(y)).toEqual([0.8, 0.3, -0.5, 0.9, 0.2]);
    expect(unpackU(y, 2)).toEqual(U);
    expect([sys.n, sys.d]).toEqual([5, 2]);
  });
  it('f = −∇L and the loss, against ml-matrix', () => {
    const out = new Float64Array(5);
    sys.f(y, out);
    fRef.forEach((v, i) => close(out[i], v));
    close(sys.loss(y), lossRef);
    // zero entries in U and u = 0 take the shortcut paths of the products: still exact
    const y0 = packState(0, [[0, 1], [0, 0]]);
    sys.f(y0, out);
    [B[0][1], 0, 0, 0, 0].forEach((v, i) => expect(out[i] + 0).toBe(v)); // u′ = −⟨−B, U⟩ = B₀₁; U′ = −0·G = 0
    close(sys.loss(y0), 0.45);
    const yz = packState(1.3, [[0, 0.4], [-0.6, 0]]);
    const Vz = M([[0, 0.4], [-0.6, 0]]).mul(1.3);
    const Gz = M(P).mmul(Vz).mmul(M(Q)).sub(M(B));
    sys.f(yz, out);
    close(out[0], -frob(Gz, M([[0, 0.4], [-0.6, 0]])));
    Gz.mul(-1.3).to1DArray().forEach((v, i) => close(out[i + 1], v));
    close(sys.loss(yz), 0.5 * frob(Vz, M(P).mmul(Vz).mmul(M(Q))) - frob(M(B), Vz) + 0.45);
  });
  it('stateDistance is ‖uU − T‖_F', () => {
    const T = Float64Array.from([1, 2, 3, 4]);
    close(stateDistance(y, T), Math.hypot(0.24 - 1, -0.4 - 2, 0.72 - 3, 0.16 - 4), 1e-15);
  });
});

describe('eigenSystem (d = 2)', () => {
  const sys = eigenSystem(model);
  it('eigenvalues ascending, eigenvectors as columns, a = p_i q_j, the constant and the minimizer', () => {
    expect(sys.n).toBe(5);
    expect(sys.d).toBe(2);
    expect(sys.c).toBe(0.9);
    eig2(P).forEach((v, i) => close(sys.p[i], v));
    eig2(Q).forEach((v, i) => close(sys.q[i], v));
    for (const [m, vals, vecs] of [[P, sys.p, sys.phi], [Q, sys.q, sys.psi]] as const)
      for (let k = 0; k < 2; k++) {
        const col = [vecs[0][k], vecs[1][k]];
        const mv = M(m).mmul(Matrix.columnVector(col)).to1DArray();
        mv.forEach((x, i) => close(x, vals[k] * col[i]));
        close(Math.hypot(...col), 1);
      }
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) close(sys.a[i * 2 + j], sys.p[i] * sys.q[j]);
    const vs = rotateOut(sys.vStar, 0, sys.phi, sys.psi);
    vStarRef.to1DArray().forEach((x, k) => close(vs[Math.floor(k / 2)][k % 2], x));
    close(sys.vStarNorm, vStarRef.norm('frobenius'));
    // b̃ = Φᵀ B Ψ
    M(sys.phi).transpose().mmul(M(B)).mmul(M(sys.psi)).to1DArray().forEach((x, k) => close(sys.b[k], x));
  });
  it('rotateIn / rotateOut are Φᵀ M Ψ and Φ X Ψᵀ (inverse to each other)', () => {
    const x = rotateIn(U, sys.phi, sys.psi);
    M(sys.phi).transpose().mmul(M(U)).mmul(M(sys.psi)).to1DArray().forEach((v, k) => close(x[k], v));
    const padded = new Float64Array(7);
    padded.set(x, 3);
    const back = rotateOut(padded, 3, sys.phi, sys.psi);
    back.forEach((row, i) => row.forEach((v, j) => close(v, U[i][j])));
    // a permutation as Φ (zeros skipped): rotateIn with Φ = [[0,1],[1,0]], Ψ = I swaps the rows
    const swap: Mat = [[0, 1], [1, 0]], I: Mat = [[1, 0], [0, 1]];
    expect(Array.from(rotateIn([[1, 2], [3, 4]], swap, I))).toEqual([3, 4, 1, 2]);
    expect(Array.from(rotateIn([[1, 2], [3, 4]], I, swap))).toEqual([2, 1, 4, 3]);
    expect(rotateOut(Float64Array.from([1, 2, 3, 4]), 0, swap, I)).toEqual([[3, 4], [1, 2]]);
    expect(rotateOut(Float64Array.from([9, 1, 2, 3, 4]), 1, I, swap)).toEqual([[2, 1], [4, 3]]);
  });
  it('its vector field rotated back is the original-coordinate one; its loss the same loss', () => {
    const y = new Float64Array(5);
    y[0] = u;
    y.set(rotateIn(U, sys.phi, sys.psi), 1);
    const out = new Float64Array(5);
    sys.f(y, out);
    close(out[0], fRef[0], 1e-12);
    rotateOut(out, 1, sys.phi, sys.psi).flat().forEach((v, k) => close(v, fRef[k + 1], 1e-12));
    close(eigenLoss(sys, y), lossRef, 1e-12);
    // balance and distance are rotation invariant
    close(stateBalance(y), u * u - M(U).norm('frobenius') ** 2, 1e-12);
    close(eigenDistance(y, sys.vStar), V.clone().sub(vStarRef).norm('frobenius'), 1e-12);
  });
  it('prepare/solve invert shift·I − J with J the finite-difference Jacobian of f', () => {
    const y = Float64Array.from([0.8, 0.3, -0.5, 0.9, 0.2]);
    const n = 5;
    const J = Matrix.zeros(n, n);
    const fp = new Float64Array(n), fm = new Float64Array(n);
    const h = 1e-6;
    for (let j = 0; j < n; j++) {
      const yp = y.slice(), ym = y.slice();
      yp[j] += h;
      ym[j] -= h;
      sys.f(yp, fp);
      sys.f(ym, fm);
      for (let i = 0; i < n; i++) J.set(i, j, (fp[i] - fm[i]) / (2 * h));
    }
    const r = [0.3, -1, 0.5, 2, -0.7];
    for (const shift of [0.5, 4]) {
      expect(sys.prepare(y, shift)).toBe(true);
      const z = Float64Array.from(r);
      sys.solve(z);
      // residual of the dense system: central differences are exact up to ~1e-10 for this cubic field
      const res = Matrix.eye(n).mul(shift).sub(J).mmul(Matrix.columnVector(Array.from(z))).to1DArray();
      res.forEach((v, i) => expect(Math.abs(v - r[i])).toBeLessThan(1e-8));
      const fused = Float64Array.from(r);
      const y2 = Float64Array.from([0.1, 0.2, 0.3, 0.4, 0.5]);
      sys.addSolve!(y2, fused);
      const f2 = new Float64Array(n);
      sys.f(y2, f2);
      const parts = Float64Array.from(r.map((v, i) => v + f2[i]));
      sys.solve(parts);
      parts.forEach((v, i) => close(fused[i], v, 1e-12));
    }
  });
  it('balance, loss and distance by hand at d = 1', () => {
    const one = eigenSystem({ d: 1, P: [[2]], Q: [[3]], B: [[1.5]], c: 0.4 });
    const y = Float64Array.from([2, 0.5]);
    expect(stateBalance(y)).toBe(3.75);
    expect(stateBalance(Float64Array.from([3, 1, 2, 2]))).toBe(0);
    close(eigenLoss(one, y), 0.5 * 6 * 1 - 1.5 * 1 + 0.2, 1e-15); // V = 1: ½·6·1 − 1.5 + 0.2
    expect(eigenDistance(y, Float64Array.from([4]))).toBe(3);
    close(one.vStar[0], 0.25, 1e-15);
    close(one.vStarNorm, 0.25, 1e-15);
    const out = new Float64Array(2);
    one.f(y, out); // g = u a X − b = 2·6·0.5 − 1.5 = 4.5; X′ = −u g = −9; u′ = −X g = −2.25
    expect(Array.from(out)).toEqual([-2.25, -9]);
  });
  it('refuses P or Q that is not positive definite, naming it', () => {
    const I: Mat = [[1, 0], [0, 1]];
    expect(() => eigenSystem({ ...model, P: [[1, 0], [0, -1]] })).toThrow(/^model\.P must be positive definite \(smallest eigenvalue -1\)$/);
    expect(() => eigenSystem({ ...model, P: [[0, 0], [0, 1]] })).toThrow(/model\.P must be positive definite/);
    expect(() => eigenSystem({ ...model, P: I, Q: [[2, 0], [0, 0]] })).toThrow(/^model\.Q must be positive definite \(smallest eigenvalue 0\)$/);
    expect(() => eigenSystem({ ...model, P: I, Q: I })).not.toThrow();
  });
});
