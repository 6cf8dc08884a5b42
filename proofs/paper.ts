/**
 * The paper's side of each comparison, built symbolically from the statements as spec.md restates them
 * (the paper's formulas typed in as matrix expressions, never the derived polynomials). Everything is a
 * symbolic matrix over rational functions, so a comparison with a derivation is an exact identity check.
 */
import { constant } from '../src/symbolic/poly';
import { RING } from './ring';
import { RatFunc, rf } from '../src/symbolic/ratfunc';
import { sAdd, sIdentity, sInverse, sMul, sScale, sSub, sTrace, sTranspose, type SMat } from '../src/symbolic/matrix';

const half = rf(constant(1, 2));

/** 1/x as a rational function. */
export function recip(x: RatFunc): RatFunc {
  return rf(1).div(x);
}

/** Γ = (1 + 1/N) Λ + (tr Λ / N) I (Theorem 4.1). */
export function gammaPaper(lambda: SMat, n: RatFunc = rf(RING.sym('N'))): SMat {
  const d = lambda.length;
  return sAdd(sScale(lambda, rf(1).add(recip(n))), sScale(sIdentity(d), sTrace(lambda).div(n)));
}

/** Lemma D.2: E[x xᵀ A x xᵀ] = Λ(A + Aᵀ)Λ + tr(AΛ)Λ. */
export function lemmaD2Paper(lambda: SMat, a: SMat): SMat {
  return sAdd(sMul(lambda, sAdd(a, sTranspose(a)), lambda), sScale(lambda, sTrace(sMul(a, lambda))));
}

/** Its sample form: E[SAS] = ΛAΛ + (1/N)(ΛAᵀΛ + tr(AΛ)Λ). */
export function sampleFormPaper(lambda: SMat, a: SMat, n: RatFunc = rf(RING.sym('N'))): SMat {
  const inner = sAdd(sMul(lambda, sTranspose(a), lambda), sScale(lambda, sTrace(sMul(a, lambda))));
  return sAdd(sMul(lambda, a, lambda), sScale(inner, recip(n)));
}

/** Spec §3: L(u, U) = ½ tr(ΛΓ V Λ Vᵀ) − tr(V Λ²) + ½ tr Λ, V = uU. */
export function reducedLossPaper(lambda: SMat, v: SMat, n: RatFunc = rf(RING.sym('N'))): RatFunc {
  const g = gammaPaper(lambda, n);
  return half
    .mul(sTrace(sMul(lambda, g, v, lambda, sTranspose(v))))
    .sub(sTrace(sMul(v, lambda, lambda)))
    .add(half.mul(sTrace(lambda)));
}

/** Spec §3: ∂L/∂u = u tr(ΛΓ U Λ Uᵀ) − tr(U Λ²) and ∂L/∂U = u² ΓΛUΛ − uΛ². */
export function reducedGradientPaper(lambda: SMat, u: RatFunc, U: SMat, n: RatFunc = rf(RING.sym('N'))): { du: RatFunc; dU: SMat } {
  const g = gammaPaper(lambda, n);
  const l2 = sMul(lambda, lambda);
  const du = u.mul(sTrace(sMul(lambda, g, U, lambda, sTranspose(U)))).sub(sTrace(sMul(U, l2)));
  const dU = sSub(sScale(sMul(g, lambda, U, lambda), u.mul(u)), sScale(l2, u));
  return { du, dU };
}

/** Lemma 5.3 / Theorem 4.1: the minimizer V = Γ⁻¹ (as adj Γ / det Γ). */
export function minimizerPaper(lambda: SMat, n: RatFunc = rf(RING.sym('N'))): SMat {
  return sInverse(gammaPaper(lambda, n));
}

/** C08 (derived): the minimum value ½[tr Λ − tr(Γ⁻¹Λ²)]. */
export function minimumValuePaper(lambda: SMat, n: RatFunc = rf(RING.sym('N'))): RatFunc {
  return half.mul(sTrace(lambda).sub(sTrace(sMul(minimizerPaper(lambda, n), lambda, lambda))));
}

/** C10 (derived): (1 + 1/M) tr(Γ⁻²Λ³) + (tr Λ / M) tr(Γ⁻²Λ²) − 2 tr(Γ⁻¹Λ²) + tr Λ. */
export function testErrorPaper(lambda: SMat, n: RatFunc, m: RatFunc): RatFunc {
  const gi = minimizerPaper(lambda, n);
  const gi2 = sMul(gi, gi);
  const l2 = sMul(lambda, lambda);
  const l3 = sMul(l2, lambda);
  const tl = sTrace(lambda);
  return rf(1)
    .add(recip(m))
    .mul(sTrace(sMul(gi2, l3)))
    .add(tl.div(m).mul(sTrace(sMul(gi2, l2))))
    .sub(rf(2).mul(sTrace(sMul(gi, l2))))
    .add(tl);
}

/** C13 (derived): the covariate-shift limit tr[(Γ⁻¹Λ′ − I)ᵀ Λ′ (Γ⁻¹Λ′ − I)], Γ from the training Λ. */
export function covariateShiftLimitPaper(lambda: SMat, lambdaPrime: SMat, n: RatFunc): RatFunc {
  const e = sSub(sMul(minimizerPaper(lambda, n), lambdaPrime), sIdentity(lambda.length));
  return sTrace(sMul(sTranspose(e), lambdaPrime, e));
}

/** C15 (derived): the M → ∞ error on the training distribution, tr[(Γ⁻¹Λ − I)² Λ]. */
export function longPromptLimitPaper(lambda: SMat, n: RatFunc): RatFunc {
  const e = sSub(sMul(minimizerPaper(lambda, n), lambda), sIdentity(lambda.length));
  return sTrace(sMul(e, e, lambda));
}

/** C17 (derived): with i.i.d. Exp(1) diagonal entries, V_jj = 1 / (3 + (d + 5)/N). */
export function expRandomCovarianceVjjPaper(d: number, n: RatFunc = rf(RING.sym('N'))): RatFunc {
  return recip(rf(3).add(rf(d + 5).div(n)));
}
