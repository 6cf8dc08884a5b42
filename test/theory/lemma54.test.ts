/**
 * Lemma 5.4's μ, Lemma A.5's u_min² and Corollary A.2's min ℓ̃ (src/theory/lemma54), evaluated by hand for
 * Λ = diag(2, 1), Γ = diag(3, 1.5), σ = ½ and Θ = [[1, ½], [0, 1]]: ΛΘ = [[2, 1], [0, 1]], ‖ΛΘ‖²_F = 6,
 * ‖Λ‖_op = 2, ‖Γ‖_op = 3, tr(Γ⁻¹Λ⁻¹) = 1/6 + 2/3 = 5/6, tr Λ⁻¹ = 3/2, and the bracket 2 − √2·¼·3.
 */
import { describe, expect, it } from 'vitest';
import { corollaryA2MinLoss, lemma54Mu, lemmaA5USquaredBound } from '../../src/theory/lemma54';
import { paperFormulas } from '../../src/theory/formulas';

const lambda = [[2, 0], [0, 1]];
const gamma = [[3, 0], [0, 1.5]];
const theta = [[1, 0.5], [0, 1]];
const bracket = 2 - Math.SQRT2 * 0.25 * 3;
const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-13 * Math.abs(b));

describe('Lemma 5.4 and the lemmas of its proof, by hand', () => {
  it('(A.14) u_min² = σ²‖ΛΘ‖²_F [2 − √d σ²‖Γ‖_op] / (2√d ‖Λ‖²_op)', () => {
    close(lemmaA5USquaredBound(lambda, gamma, 0.5, theta), (0.25 * 6 * bracket) / (2 * Math.SQRT2 * 4));
  });

  it('(5.7) μ = σ²‖ΛΘ‖²_F [2 − √d σ²‖Γ‖_op] / (√d ‖Λ‖²_op tr(Γ⁻¹Λ⁻¹) tr Λ⁻¹)', () => {
    close(lemma54Mu(lambda, gamma, 0.5, theta), (0.25 * 6 * bracket) / (Math.SQRT2 * 4 * (5 / 6) * 1.5));
  });

  it('Corollary A.2: min ℓ̃ = −½ tr(Λ²Γ⁻¹) = −½ (4/3 + 2/3) = −1', () => {
    close(corollaryA2MinLoss(lambda, gamma), -1);
  });

  it('paperFormulas passes Γ = Γ(Λ, N) to them: N = 3 gives Γ = diag(11/3, 7/3)', () => {
    const f = paperFormulas();
    const g = [[11 / 3, 0], [0, 7 / 3]];
    close(f.corollaryA2MinLoss(lambda, 3), -0.5 * (4 * 3 / 11 + 3 / 7));
    close(f.lemma54Mu(lambda, 3, 0.5, theta), lemma54Mu(lambda, g, 0.5, theta));
    close(f.lemmaA5USquared(lambda, 3, 0.5, theta), lemmaA5USquaredBound(lambda, g, 0.5, theta));
    // ‖Γ‖_op = 11/3 enters the bracket: 2 − √2·¼·11/3
    close(f.lemmaA5USquared(lambda, 3, 0.5, theta), (0.25 * 6 * (2 - Math.SQRT2 * 0.25 * (11 / 3))) / (2 * Math.SQRT2 * 4));
  });
});
