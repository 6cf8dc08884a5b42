/**
 * Wishart draws by the Bartlett decomposition: for n ≥ k, W ~ Wishart_k(I, n) is T Tᵀ with T lower
 * triangular, T_ii = √χ²_{n−i} (i = 0…k−1) and T_ij ~ N(0, 1) below the diagonal, all independent. Then
 * C T Tᵀ Cᵀ ~ Wishart_k(C Cᵀ, n): the law of Σ_i g_i g_iᵀ for n i.i.d. g_i ~ N(0, C Cᵀ), drawn with
 * k(k+1)/2 variables instead of n·k. For n < k the Gram matrix of an n×k normal matrix is formed directly.
 */
import type { Ziggurat } from '../random/ziggurat';
import { ChiSquare } from './gamma';

/** A sampler of the Bartlett factor T of Wishart_k(I, n) (or, for n < k, of a factor of the Gram matrix). */
export class BartlettFactor {
  readonly k: number;
  readonly n: number;
  private readonly chis: ChiSquare[];

  constructor(k: number, n: number) {
    if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be an integer ≥ 1, got ${k}`);
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be an integer ≥ 1, got ${n}`);
    this.k = k;
    this.n = n;
    this.chis = n >= k ? Array.from({ length: k }, (_, i) => new ChiSquare(n - i)) : [];
  }

  /**
   * Fill `t` (k×k row-major) with a factor F such that F Fᵀ ~ Wishart_k(I, n). For n ≥ k, F is the
   * Bartlett factor (lower triangular). For n < k, F = Gᵀ for an n×k standard normal G, padded with zero
   * columns n…k−1 (then F Fᵀ = GᵀG, of rank n).
   */
  draw(z: Ziggurat, t: Float64Array): void {
    const { k, n } = this;
    if (n >= k) {
      for (let i = 0; i < k; i++) {
        const row = i * k;
        for (let j = 0; j < i; j++) t[row + j] = z.next();
        t[row + i] = Math.sqrt(this.chis[i].draw(z));
        for (let j = i + 1; j < k; j++) t[row + j] = 0;
      }
      return;
    }
    // F = Gᵀ padded: F[i][j] = G[j][i] for j < n, 0 otherwise.
    t.fill(0, 0, k * k);
    for (let j = 0; j < n; j++) for (let i = 0; i < k; i++) t[i * k + j] = z.next();
  }
}
