/**
 * Test laws D over (x, y) with x ~ N(0, Λ) and labels that are not a Gaussian-task linear model: a fixed
 * task w with label noise, and nonlinear links y = tanh(⟨w, x⟩) + noise, y = ⟨w, x⟩³. Their moments
 * E[xy], E[y² x xᵀ], E[y²] from first principles: with z = ⟨w, x⟩ ~ N(0, τ²), τ² = wᵀΛw, x splits as
 * x = (Λw/τ²) z + x⊥, x⊥ ~ N(0, C) independent of z, C = Λ − ΛwwᵀΛ/τ², so
 *   E[x g(z)] = (Λw/τ²) E[z g(z)],  E[g(z)² x xᵀ] = E[g²] C + E[z² g²] ΛwwᵀΛ/τ⁴.
 * Gaussian moments of polynomials are exact (E z^{2k} = (2k−1)!! τ^{2k}); tanh's by 1-D quadrature
 * (composite Simpson on ±12 standard deviations). Nothing here uses the paper's formulas.
 */
import { matvec, type Mat } from '../linalg/matrix';

/** A label law for a fixed task w. */
export type LabelLaw = { kind: 'linear'; noiseStd: number } | { kind: 'tanh'; noiseStd: number } | { kind: 'cubic' };

/** The label law's kinds. */
export const LABEL_LAW_KINDS = ['linear', 'tanh', 'cubic'] as const;

/** The moments of D that Theorem 4.2 uses. */
export interface LabelMoments {
  /** E[x y]. */
  m: number[];
  /** E[y² x xᵀ]. */
  K: Mat;
  /** E[y²]. */
  ey2: number;
}

/** E[h(z)] for z ~ N(0, 1), composite Simpson with `intervals` (even) on [−12, 12]. */
export function gaussianExpectation(h: (z: number) => number, intervals = 4800): number {
  const a = -12;
  const step = 24 / intervals;
  let s = 0;
  for (let i = 0; i <= intervals; i++) {
    const z = a + i * step;
    const wgt = i === 0 || i === intervals ? 1 : i % 2 === 1 ? 4 : 2;
    s += wgt * h(z) * Math.exp(-0.5 * z * z);
  }
  return (s * step) / 3 / Math.sqrt(2 * Math.PI);
}

/** The label of a covariate with z = ⟨w, x⟩ under `law`, given a standard normal draw for the noise. */
export function labelOf(law: LabelLaw, z: number, noise: number): number {
  switch (law.kind) {
    case 'linear':
      return z + law.noiseStd * noise;
    case 'tanh':
      return Math.tanh(z) + law.noiseStd * noise;
    case 'cubic':
      return z * z * z;
  }
}

/** E[x y], E[y² x xᵀ], E[y²] of `law` with task w under x ~ N(0, Λ). */
export function labelLawMoments(lambda: Mat, w: readonly number[], law: LabelLaw): LabelMoments {
  const lw = matvec(lambda, w);
  const tau2 = w.reduce((s, x, i) => s + x * lw[i], 0);
  if (!(tau2 > 0)) throw new RangeError('the task w must be nonzero');
  const tau = Math.sqrt(tau2);
  // e1 = E[z g(z)], e2 = E[g²], e3 = E[z² g²] for z ~ N(0, τ²), noise variance s² added to g²
  let e1: number;
  let e2: number;
  let e3: number;
  if (law.kind === 'linear') {
    const s2 = law.noiseStd ** 2;
    e1 = tau2;
    e2 = tau2 + s2;
    e3 = 3 * tau2 * tau2 + s2 * tau2;
  } else if (law.kind === 'cubic') {
    e1 = 3 * tau2 * tau2;
    e2 = 15 * tau2 ** 3;
    e3 = 105 * tau2 ** 4;
  } else {
    const s2 = law.noiseStd ** 2;
    e1 = gaussianExpectation((x) => tau * x * Math.tanh(tau * x));
    const t2 = gaussianExpectation((x) => Math.tanh(tau * x) ** 2);
    e2 = t2 + s2;
    e3 = gaussianExpectation((x) => tau2 * x * x * Math.tanh(tau * x) ** 2) + s2 * tau2;
  }
  const d = w.length;
  const m = lw.map((v) => (v / tau2) * e1);
  const K: Mat = Array.from({ length: d }, (_, i) =>
    Array.from({ length: d }, (_, j) => {
      const c = lambda[i][j] - (lw[i] * lw[j]) / tau2;
      return e2 * c + (e3 * lw[i] * lw[j]) / (tau2 * tau2);
    }),
  );
  return { m, K, ey2: e2 };
}

/**
 * E(ŷ − y_q)² for the predictor ŷ = sᵀ V x_q, s = (1/M) Σ y_i x_i, with (x_i, y_i), (x_q, y_q) i.i.d. from D
 * (x ~ N(0, Λ)): E[s] = m, E[s sᵀ] = m mᵀ + (K − m mᵀ)/M, x_q independent of s, E[x_q y_q] = m, so
 *   E(ŷ − y_q)² = tr(V Λ Vᵀ E[s sᵀ]) − 2 mᵀ V m + E[y²].
 * Returns the value and the sum of the absolute values of its three terms (for rounding bounds).
 */
export function lawTestError(v: Mat, lambda: Mat, mom: LabelMoments, mLen: number): { value: number; scale: number } {
  const d = lambda.length;
  const { m, K, ey2 } = mom;
  const ess: Mat = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => m[i] * m[j] + (K[i][j] - m[i] * m[j]) / mLen));
  // tr(V Λ Vᵀ E[ssᵀ])
  let t1 = 0;
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) {
      let vlv = 0;
      for (let k = 0; k < d; k++) for (let l = 0; l < d; l++) vlv += v[i][k] * lambda[k][l] * v[j][l];
      t1 += vlv * ess[j][i];
    }
  let t2 = 0;
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) t2 += m[i] * v[i][j] * m[j];
  return { value: t1 - 2 * t2 + ey2, scale: Math.abs(t1) + 2 * Math.abs(t2) + ey2 };
}
