/**
 * The paper's closed forms (src/theory) against independent values: the exact-moment route (src/moments,
 * Isserlis from ŷ's definition), values worked by hand for d = 1 and diagonal Λ, and the definitions of the
 * quantities (V = uU, u⁴ = tr Γ⁻², σ²‖Γ‖√d = 2 at the bound). Fast and exact enough to kill mutants of
 * src/theory (npm run mutate); the claims test the same formulas on random cases.
 */
import { describe, expect, it } from 'vitest';
import { fourthMoment, sampleFourthMoment } from '../../src/moments/isserlis';
import { populationLoss, quadraticMinimizer, reducedLossAndGradient, testError, testErrorModel, trainingLossModel } from '../../src/moments/quadratic';
import * as theory from '../../src/theory';

const L2: number[][] = [
  [2, 0.5],
  [0.5, 1],
];
const L3: number[][] = [
  [3, 0.4, -0.2],
  [0.4, 1.5, 0.3],
  [-0.2, 0.3, 0.7],
];
const A3: number[][] = [
  [0.3, -1.2, 0.5],
  [0.8, 0.1, -0.4],
  [0.2, 0.9, -0.6],
];
const U3: number[][] = [
  [0.4, -0.1, 0.2],
  [0.3, 0.5, -0.2],
  [-0.1, 0.2, 0.6],
];

const maxDiff = (a: number[][], b: number[][]): number => Math.max(...a.flatMap((r, i) => r.map((v, j) => Math.abs(v - b[i][j]))));
const closeM = (a: number[][], b: number[][], tol = 1e-12) => expect(maxDiff(a, b)).toBeLessThan(tol * Math.max(1, ...b.flat().map(Math.abs)));
const close = (a: number, b: number, tol = 1e-12) => expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));
const matmul = (a: number[][], b: number[][]) => a.map((r) => b[0].map((_, j) => r.reduce((s, v, k) => s + v * b[k][j], 0)));

describe('Γ and Lemma D.2', () => {
  it('Γ = (1 + 1/N)Λ + (tr Λ/N) I, by hand for Λ = L2, N = 4', () => {
    // tr Λ = 3: Γ = 1.25Λ + 0.75 I
    closeM(theory.gamma(L2, 4), [[3.25, 0.625], [0.625, 2]]);
    closeM(theory.gamma([[2]], 1), [[6]]);
  });

  it('E[x xᵀ A x xᵀ] and E[SAS] equal the Isserlis expansion of src/moments for a non-symmetric A', () => {
    closeM(theory.lemmaD2(L3, A3), fourthMoment(L3, A3));
    for (const n of [1, 3, 10]) closeM(theory.lemmaD2Sample(L3, A3, n), sampleFourthMoment(L3, A3, n));
  });
});

describe('Theorem 4.1, Lemma 5.3 and the reduced loss', () => {
  it('the stationary V (Lemma 5.3) is the exact loss minimizer P⁻¹BQ⁻¹', () => {
    for (const n of [1, 5, 40]) closeM(theory.lemma53StationaryV(L3, n), quadraticMinimizer(trainingLossModel(L3, n)), 1e-10);
  });

  it('the limit: V = uU = Γ⁻¹, u⁴ = tr Γ⁻², W^PV and W^KQ carry u and U in their blocks, zeros elsewhere', () => {
    const n = 6;
    const lim = theory.theorem41Limit(L3, n);
    const vStar = quadraticMinimizer(trainingLossModel(L3, n));
    closeM(lim.V, vStar, 1e-10);
    closeM(lim.U.map((r) => r.map((v) => v * lim.u)), vStar, 1e-10);
    const trG2 = matmul(vStar, vStar).reduce((s, r, i) => s + r[i], 0);
    close(lim.u ** 4, trG2, 1e-10);
    expect(lim.wpv).toHaveLength(4);
    expect(lim.wkq).toHaveLength(4);
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++) {
        expect(lim.wpv[i][j]).toBe(i === 3 && j === 3 ? lim.u : 0);
        expect(lim.wkq[i][j]).toBe(i < 3 && j < 3 ? lim.U[i][j] : 0);
      }
  });

  it('the minimum value is the exact loss at its minimizer', () => {
    for (const n of [1, 7]) {
      const m = trainingLossModel(L3, n);
      close(theory.theorem41MinimumValue(L3, n), populationLoss(m, quadraticMinimizer(m)), 1e-10);
    }
  });

  it('the σ bound: σ²‖Γ‖_op√d = 2 at the bound (Λ = diag(3, 1), N = 2: Γ = diag(6.5, 3.5))', () => {
    close(theory.theorem41SigmaBound([[3, 0], [0, 1]], 2), Math.sqrt(2 / (6.5 * Math.SQRT2)));
    close(theory.theorem41SigmaBound([[1, 0], [0, 4]], 2), Math.sqrt(2 / (8.5 * Math.SQRT2)));
  });

  it('the reduced loss and its gradient equal the exact loss of V = uU and its chain rule', () => {
    for (const [u, n] of [[0.7, 3], [-1.3, 20]] as const) {
      const m = trainingLossModel(L3, n);
      const ex = reducedLossAndGradient(m, u, U3);
      close(theory.reducedLossPaper(L3, n, u, U3), ex.loss, 1e-12);
      const g = theory.reducedGradientPaper(L3, n, u, U3);
      close(g.du, ex.du, 1e-12);
      closeM(g.dU, ex.dU, 1e-12);
    }
  });
});

describe('Corollary 4.3 and Theorem 4.2', () => {
  it('the prediction is x_qᵀ Γ⁻¹ s (non-symmetric pairing checked by hand)', () => {
    // Λ = diag(2, 1), N = 1: Γ = 2Λ + 3I = diag(7, 5)
    const lam = [[2, 0], [0, 1]];
    close(theory.corollary43Predict(lam, 1, [1, 2], [3, 5]), 3 / 7 + 10 / 5);
    const gi = quadraticMinimizer(trainingLossModel(L3, 4));
    const s = [0.3, -1, 2];
    const xq = [1.5, 0.2, -0.7];
    close(theory.corollary43Predict(L3, 4, s, xq), xq.reduce((t, x, i) => t + x * gi[i].reduce((r, g, j) => r + g * s[j], 0), 0), 1e-10);
  });

  it('the test error at the limit equals the exact test error of V = Γ⁻¹ on prompts of length M', () => {
    for (const [n, m] of [[3, 1], [5, 7], [40, 2]]) {
      const v = quadraticMinimizer(trainingLossModel(L3, n));
      close(theory.theorem42Error(L3, n, m), testError(testErrorModel({ d: 3, promptCov: L3 }, m), v), 1e-10);
    }
  });

  it('the general form, by hand at d = 1 (λ = 2, N = 2, M = 4, a = 3, Σ = 5, min error 0.5)', () => {
    // Γ = 2(1.5) + 1 = 4: 0.5 + 5·(1/16)·2/4 + (1/4)[9·8/16 + 2·2·9·4/16 + 4·9·2/16] = 0.5 + 0.15625 + 4.125
    close(theory.paperFormulas().theorem42General([[2]], 2, 4, [3], [[5]], 0.5), 0.5 + 0.15625 + (4.5 + 9 + 4.5) / 4);
  });

  it('the restated Corollary 4.3 bound, by hand (Λ = diag(4, 1/2), N = 2, M = 5: κ = 8, tr Λ = 4.5)', () => {
    // λ_min ≠ 1, so κ = λ_max/λ_min differs from λ_max·λ_min (a mutant that survived with diag(4, 1))
    close(theory.paperFormulas().corollary43Bound([[4, 0], [0, 0.5]], 2, 5), (3 * 4.5) / 5 + ((1 + 4 + 4 * 8) * 4.5) / 4);
  });

  it('the conserved quantity is u² − ‖U‖_F², and overrides replace one formula only', () => {
    close(theory.paperFormulas().conservedQuantity(2, [[1, -1], [0.5, 0]]), 4 - 2.25);
    const wrong = theory.paperFormulas({ gamma: (l) => l });
    closeM(wrong.lemma53StationaryV([[2]], 3), [[0.5]]);
    closeM(wrong.lemmaD2(L3, A3), theory.lemmaD2(L3, A3));
  });
});
