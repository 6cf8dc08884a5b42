/**
 * The test error of the reduced LSA predictor ŷ = sᵀ V x_q, s = (1/M) Σ y_i x_i, averaged over prompts
 * whose covariance is itself random: Λ_τ = diag(λ_1, …, λ_d), λ_j i.i.d. from an entry law, then
 * x_1…x_M, x_q ~ N(0, Λ_τ) and w ~ N(0, I) (Theorem 4.5's loss (4.10) is half of this with M = N).
 *
 * Given Λ_τ the error is tr(P V Q Vᵀ) − 2⟨B, V⟩ + c with P = E[S S], Q = Λ_τ, B = Λ_τ², c = tr Λ_τ
 * (src/moments/quadratic.ts). Here P is expanded by Isserlis' rule with a *symbolic* diagonal
 * covariance, so each entry is a polynomial in λ; every matrix involved is diagonal, so the error is
 * Σ_ij P_ii λ_j V_ij² − 2 Σ_i λ_i² V_ii + Σ_i λ_i, and its expectation over Λ_τ is the same with each
 * monomial λ_a^α λ_b^β ⋯ (distinct a, b, …) replaced by m_α m_β ⋯, m_k = E[λᵏ] the law's moments.
 * Nothing here uses the paper's Γ_τ.
 */
import { zeros, type Mat } from '../linalg/matrix';
import { perfectMatchings } from './isserlis';

/** A polynomial in λ_1…λ_d: monomial key (sorted indices joined by ',') → coefficient. */
type Poly = Map<string, number>;

function addTerm(p: Poly, indices: number[], coef: number): void {
  const key = [...indices].sort((a, b) => a - b).join(',');
  p.set(key, (p.get(key) ?? 0) + coef);
}

const MATCHINGS4 = perfectMatchings(4);

/** E[x_{i0} x_{i1} x_{i2} x_{i3}] for x ~ N(0, diag(λ)) as a polynomial: a matched pair (a, b) gives λ_a if i_a = i_b, else 0. */
function diagonalFourthMoment(idx: readonly number[], out: Poly, coef: number): void {
  for (const m of MATCHINGS4) {
    const mono: number[] = [];
    let zero = false;
    for (const [a, b] of m) {
      if (idx[a] !== idx[b]) {
        zero = true;
        break;
      }
      mono.push(idx[a]);
    }
    if (!zero) addTerm(out, mono, coef);
  }
}

/**
 * P_il = E[(S S)_il] as polynomials, S = (1/M) Σ_a x_a x_aᵀ: the M terms a = b give (1/M) Σ_k E[x_i x_k x_k x_l],
 * the M(M − 1) terms a ≠ b give (1 − 1/M) Σ_k Λ_ik Λ_kl = (1 − 1/M) δ_il λ_i².
 */
function secondMomentOfS(d: number, m: number): Poly[][] {
  const out: Poly[][] = Array.from({ length: d }, () => Array.from({ length: d }, () => new Map()));
  for (let i = 0; i < d; i++)
    for (let l = 0; l < d; l++) {
      for (let k = 0; k < d; k++) diagonalFourthMoment([i, k, k, l], out[i][l], 1 / m);
      if (i === l) addTerm(out[i][l], [i, i], 1 - 1 / m);
    }
  return out;
}

/** E[Π λ] of a monomial under i.i.d. entries with raw moments `moment(k)`. */
function monomialMean(key: string, moment: (k: number) => number): number {
  if (key === '') return 1;
  const counts = new Map<string, number>();
  for (const i of key.split(',')) counts.set(i, (counts.get(i) ?? 0) + 1);
  let p = 1;
  for (const c of counts.values()) p *= moment(c);
  return p;
}

function polyMean(p: Poly, moment: (k: number) => number, times: number[] = []): number {
  let s = 0;
  for (const [key, coef] of p) {
    if (coef === 0) continue;
    const idx = key === '' ? [...times] : [...key.split(',').map(Number), ...times];
    s += coef * monomialMean(idx.sort((a, b) => a - b).join(','), moment);
  }
  return s;
}

/**
 * The averaged error as a function of V: E(ŷ − ⟨w, x_q⟩)² = Σ_ij A_ij V_ij² − 2 Σ_i b_i V_ii + c
 * (off-diagonal entries of P vanish for diagonal Λ_τ; `offDiagonalP` records the largest one found, 0).
 */
export interface RandomDiagonalModel {
  d: number;
  /** Prompt length M. */
  m: number;
  /** A_ij = E[P_ii λ_j]. */
  A: Mat;
  /** b_i = E[λ_i²]. */
  b: number[];
  /** c = E[tr Λ_τ]. */
  c: number;
  /** Largest |E P_il| with i ≠ l (0 by symmetry; kept as a self-check of the expansion). */
  offDiagonalP: number;
}

/**
 * The exact averaged error model on prompts of length m, Λ_τ diagonal with i.i.d. entries of raw moments
 * `moment(k)` (k ≤ 3 is used), w ~ N(0, I), no label noise.
 */
export function randomDiagonalModel(moment: (k: number) => number, d: number, m: number): RandomDiagonalModel {
  if (!Number.isInteger(d) || d < 1) throw new RangeError(`d must be an integer ≥ 1, got ${d}`);
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`prompt length must be an integer ≥ 1, got ${m}`);
  const p = secondMomentOfS(d, m);
  const A = zeros(d);
  let off = 0;
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) A[i][j] = polyMean(p[i][i], moment, [j]);
    for (let l = 0; l < d; l++) if (l !== i) off = Math.max(off, Math.abs(polyMean(p[i][l], moment)));
  }
  const m2 = moment(2);
  return { d, m, A, b: new Array<number>(d).fill(m2), c: d * moment(1), offDiagonalP: off };
}

/** The averaged error E(ŷ − ⟨w, x_q⟩)² at V. */
export function randomDiagonalError(model: RandomDiagonalModel, v: Mat): number {
  let s = model.c;
  for (let i = 0; i < model.d; i++) {
    for (let j = 0; j < model.d; j++) s += model.A[i][j] * v[i][j] * v[i][j];
    s -= 2 * model.b[i] * v[i][i];
  }
  return s;
}

/** ∇_V of the averaged loss ½E(ŷ − ⟨w, x_q⟩)²: A∘V − diag(b). */
export function randomDiagonalGradient(model: RandomDiagonalModel, v: Mat): Mat {
  return v.map((row, i) => row.map((x, j) => model.A[i][j] * x - (i === j ? model.b[i] : 0)));
}

/** The minimizer of the averaged loss: V_ii = b_i / A_ii, V_ij = 0 (i ≠ j); the loss is separable in V's entries. */
export function randomDiagonalMinimizer(model: RandomDiagonalModel): Mat {
  const v = zeros(model.d);
  for (let i = 0; i < model.d; i++) v[i][i] = model.b[i] / model.A[i][i];
  return v;
}
