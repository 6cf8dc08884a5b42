/**
 * Appendix D properties. C01, Lemma D.2: E[x xᵀ A x xᵀ] = Λ(A + Aᵀ)Λ + tr(AΛ)Λ and its sample form,
 * the paper's closed form against the moment rule applied index by index (Isserlis).
 */
import { fourthMoment, sampleFourthMoment } from '../src/moments/isserlis';
import { matmul, type Mat } from '../src/linalg/matrix';
import type { PaperFormulas } from '../src/theory/formulas';
import { PRECISION_LIMIT, type ClaimProperty } from '../src/contract/propertyCheck';
import { SAFETY, SAMPLED_FAMILY_ALPHA, gammaN } from '../src/contract/tolerance';
import { estimateFourthMoment, estimateSampleFourthMoment } from '../src/montecarlo/fourthMoment';
import { caseGaussianMatrix, caseLambda, caseStream, describeCase, problemArbitrary, type ProblemCase } from './arbitraries';

const absM = (a: Mat): Mat => a.map((r) => r.map(Math.abs));

/** max_ij |x_ij − y_ij| / scale_ij, where scale bounds the sum of absolute values of the terms. */
export function scaledMaxError(x: Mat, y: Mat, scale: Mat): number {
  let worst = 0;
  for (let i = 0; i < x.length; i++)
    for (let j = 0; j < x.length; j++) {
      const diff = Math.abs(x[i][j] - y[i][j]);
      const e = scale[i][j] > 0 ? diff / scale[i][j] : diff === 0 ? 0 : Infinity;
      if (!(e <= worst)) worst = e;
    }
  return worst;
}

/**
 * C01: both forms of Lemma D.2 at a random Λ (every family), a random non-symmetric A and a random N.
 * Error: entrywise difference over the sum of absolute values of the Isserlis terms. Tolerance:
 * SAFETY·2·γ_{3d²+8}: the Isserlis route sums 3d² two-factor products per entry, the closed form fewer.
 */
export function lemmaD2Property(f: PaperFormulas): ClaimProperty<ProblemCase> {
  return {
    precisionLimit: PRECISION_LIMIT,
    arbitrary: problemArbitrary(),
    evaluate(c) {
      const lambda = caseLambda(c);
      const a = caseGaussianMatrix(c, 'A');
      const absL = absM(lambda);
      const absA = absM(a);
      const scale4 = fourthMoment(absL, absA);
      const claimed = f.lemmaD2(lambda, a);
      const found = fourthMoment(lambda, a);
      const claimedS = f.lemmaD2Sample(lambda, a, c.n);
      const foundS = sampleFourthMoment(lambda, a, c.n);
      const cross = matmul(matmul(absL, absA), absL);
      const scaleS = scale4.map((row, i) => row.map((v, j) => v / c.n + cross[i][j]));
      const error = Math.max(scaledMaxError(claimed, found, scale4), scaledMaxError(claimedS, foundS, scaleS));
      return {
        error,
        tolerance: SAFETY * 2 * gammaN(3 * c.d * c.d + 8),
        claimed: { fourthMoment: claimed, sampleForm: claimedS },
        found: { fourthMoment: found, sampleForm: foundS },
        inputs: { ...describeCase(c, lambda), A: a },
      };
    },
  };
}

/** Sampled cases of the Monte Carlo part of C01 (each estimates 2d² entries). */
export const C01_SAMPLED_CASES = 4;

/**
 * C01, sampled: the paper's E[x xᵀ A x xᵀ] and E[S A S] lie inside simultaneous Monte Carlo intervals
 * (src/montecarlo/; the fast Wishart path for E[SAS]) at family confidence 1 − α/K per case.
 * Error: max over entries of |paper − estimate| / half-width; tolerance 1 (inside every interval).
 * d ≤ 4 and N ≤ 50 keep it to 2·10⁴ samples a case.
 */
export function lemmaD2SampledProperty(f: PaperFormulas): ClaimProperty<ProblemCase> {
  return {
    arbitrary: problemArbitrary({ dMax: 4, nMax: 50 }),
    runs: () => C01_SAMPLED_CASES,
    evaluate(c) {
      const lambda = caseLambda(c);
      const a = caseGaussianMatrix(c, 'A');
      const confidence = 1 - SAMPLED_FAMILY_ALPHA / C01_SAMPLED_CASES / 2;
      const e4 = estimateFourthMoment(lambda, a, { stream: caseStream(c, 'mc-fourth'), samples: 20_000, confidence });
      const eS = estimateSampleFourthMoment(lambda, a, c.n, { stream: caseStream(c, 'mc-sample'), samples: 20_000, confidence, method: 'fast' });
      const claimed = f.lemmaD2(lambda, a);
      const claimedS = f.lemmaD2Sample(lambda, a, c.n);
      let worst = 0;
      for (let i = 0; i < c.d; i++)
        for (let j = 0; j < c.d; j++) {
          const h4 = (e4.upper[i][j] - e4.lower[i][j]) / 2;
          const hS = (eS.upper[i][j] - eS.lower[i][j]) / 2;
          worst = Math.max(worst, Math.abs(claimed[i][j] - e4.mean[i][j]) / h4, Math.abs(claimedS[i][j] - eS.mean[i][j]) / hS);
        }
      return {
        error: worst,
        tolerance: 1,
        claimed: { fourthMoment: claimed, sampleForm: claimedS },
        found: { fourthMoment: e4.mean, sampleForm: eS.mean, replay: [e4.replay, eS.replay] },
        inputs: { ...describeCase(c, lambda), A: a },
      };
    },
  };
}
