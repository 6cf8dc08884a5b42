/**
 * P7 (C10, C13, C16, C17): the test error on prompts of length M from the definition; at V = Γ⁻¹ it is
 * C10's expression; the covariate-shift limit M → ∞ (C13, and C15 as Λ′ = Λ); the random-covariance
 * limit with Exp(1) moments (C16, C17).
 */
import { testError as momentsTestError, testErrorModel } from '../src/moments';
import { DEFAULT_SEED } from '../src/random/seed';
import { stream } from '../src/random/stream';
import { RING } from './ring';
import { RatFunc, rf, substituteRationalFn } from '../src/symbolic/ratfunc';
import { sMul, type SMat } from '../src/symbolic/matrix';
import { nExpand, nInverse } from '../src/symbolic/nerdamerEngine';
import { GenericPointDraw, assertGenericPoint, matrixPoint, relativeError, toMat } from '../src/symbolic/points';
import { monteCarloTestError, Z_BOUND, zCheck } from '../src/symbolic/montecarlo';
import { sampledRouteCheck } from '../src/symbolic/sampledRoute';
import { rat, rtoNumber, rtoString, type Rat } from '../src/symbolic/rational';
import { PAPER_MODEL } from '../src/symbolic/model';
import { derivedLoss, derivedTestError, lambdaSymbols } from './derived';
import { covariateShiftLimitPaper, expRandomCovarianceVjjPaper, gammaPaper, longPromptLimitPaper, minimizerPaper, testErrorPaper } from './paper';
import { expOneMoments, limitAtInfinity, stationaryPoint } from './solve';
import { StepLog, checkDimension } from './steps';
import type { Derivation, ProveOptions } from './types';

const TITLE = 'Test error on prompts of length M; covariate-shift and random-covariance limits';

/** The derivation P7. */
export const P7: Derivation = {
  id: 'P7',
  title: TITLE,
  claims: ['C10', 'C13', 'C15', 'C16', 'C17'],
  dims: [1, 2, 3],
  maxD: 3,
  async run(opts: ProveOptions) {
    const { d } = opts;
    checkDimension('P7', d, 3);
    const model = opts.model ?? PAPER_MODEL;
    const log = new StepLog();
    const rng = stream(opts.seed ?? DEFAULT_SEED).child(`P7-d${d}`);
    const Vn = Array.from({ length: d * d }, (_, k) => `V${Math.floor(k / d) + 1}${(k % d) + 1}`);
    const N = rf(RING.sym('N'));
    const M = rf(RING.sym('M'));
    const lam = lambdaSymbols(d);
    const atV = (m: SMat): Record<string, RatFunc> => Object.fromEntries(Vn.map((n, k) => [n, m[Math.floor(k / d)][k % d]]));

    const E = log.run<RatFunc>('E(ŷ − y_q)² on test prompts of length M, ŷ = sᵀVx_q, s = (1/M)Σ y_i x_i, from the definition (own layer)', () => {
      const r = derivedTestError(d, 'l', 'full', model);
      return { ok: true, value: r.value, detail: `${r.value.num.size} terms` };
    })!;
    log.exports.testError_V = E.toString();
    const gi = minimizerPaper(lam, N);
    const atMin = log.run<RatFunc>('at V = Γ⁻¹: = (1 + 1/M) tr(Γ⁻²Λ³) + (tr Λ/M) tr(Γ⁻²Λ²) − 2 tr(Γ⁻¹Λ²) + tr Λ (C10, derived form), difference expanded to 0', () => {
      const e = substituteRationalFn(E, atV(gi));
      const ok = e.equals(testErrorPaper(lam, N, M));
      return { ok, value: e, detail: ok ? 'identical' : 'differs' };
    })!;
    log.run('M → ∞ at V = Γ⁻¹: tr[(Γ⁻¹Λ − I)²Λ] (C15), exact limit of the derived rational function', () => {
      const lim = limitAtInfinity(atMin, 'M');
      const ok = lim.equals(longPromptLimitPaper(lam, N));
      return { ok, detail: ok ? 'identical' : 'differs' };
    });

    const shift = log.run<RatFunc>('covariate shift: prompts and query from N(0, Λ′) (symbols m11…), V = Γ⁻¹ of the training Λ; exact limit M → ∞', () => {
      const Es = derivedTestError(d, 'm', 'full', model).value;
      const lim = substituteRationalFn(limitAtInfinity(Es, 'M'), atV(gi));
      return { ok: true, value: lim, detail: `${lim.num.size} terms` };
    })!;
    log.run('= tr[(Γ⁻¹Λ′ − I)ᵀ Λ′ (Γ⁻¹Λ′ − I)] (C13, derived form), difference expanded to 0; it is not 0 when Λ′ ≠ Λ', () => {
      const paper = covariateShiftLimitPaper(lam, lambdaSymbols(d, 'full', 'm'), N);
      return { ok: shift.equals(paper), detail: shift.equals(paper) ? 'identical' : 'differs' };
    });

    // random covariance: Λ_τ diagonal with i.i.d. Exp(1) entries
    const diagNames = Array.from({ length: d }, (_, j) => `l${j + 1}${j + 1}`);
    const avg = log.run<RatFunc>('random covariance (C16): L_τ(V) from the definition with diagonal Λ_τ, averaged with Exp(1) moments E λᵏ = k!', () => {
      const L = derivedLoss(d, 'V', 'diagonal', model).value;
      const r = new RatFunc(expOneMoments(L.num, diagNames), L.factors);
      return { ok: true, value: r, detail: `${r.num.size} terms` };
    })!;
    log.exports.randomCovarianceLoss_V = avg.toString();
    const sol = log.run<RatFunc[]>('solve ∇_V E_τ L_τ = 0 exactly (Cramer)', () => {
      const s = stationaryPoint(avg, Vn);
      if (!s.x) return { ok: false, detail: 'singular system' };
      return { ok: s.quadratic, value: s.x };
    });
    if (sol) {
      Vn.forEach((n, k) => (log.exports[`randomCovariance_${n}`] = sol[k].toString()));
      log.run(`V* = diag(1/(3 + (d + 5)/N)) (C17) and V_jj = E[λ_j²]/E[λ_j²(Γ_τ)_jj] (C16 form, same Exp(1) moments), off-diagonal 0`, () => {
        const c17 = expRandomCovarianceVjjPaper(d, N);
        const lamD = lambdaSymbols(d, 'diagonal');
        const g = gammaPaper(lamD, N);
        const bad: string[] = [];
        for (let j = 0; j < d; j++)
          for (let k = 0; k < d; k++) {
            const v = sol[j * d + k];
            if (j !== k) {
              if (!v.isZero()) bad.push(`V${j + 1}${k + 1} ≠ 0`);
              continue;
            }
            if (!v.equals(c17)) bad.push(`V${j + 1}${j + 1} ≠ C17`);
            const l2 = sMul(lamD, lamD)[j][j];
            const numE = new RatFunc(expOneMoments(l2.num, diagNames));
            const den = l2.mul(g[j][j]);
            const denE = new RatFunc(expOneMoments(den.num, diagNames), den.factors);
            if (!v.equals(numE.div(denE))) bad.push(`V${j + 1}${j + 1} ≠ C16 form`);
          }
        return { ok: bad.length === 0, detail: bad.length ? bad.join('; ') : `V_jj = ${c17.toString()} for every j` };
      });
      log.notes.push('C17 consequence: on prompts with identity covariance and M → ∞ the trained model predicts V·w ≈ w/3 (N → ∞), whatever the prompt length');
    }

    // numeric and second-engine confirmation
    const draw = new GenericPointDraw(rng.child('point'));
    const lamQ = draw.spd(d);
    const lamP = draw.spd(d);
    const VQ = draw.matrix(d, d);
    assertGenericPoint(`P7-d${d} point`, { ...matrixPoint('l', lamQ), ...matrixPoint('m', lamP), ...matrixPoint('V', VQ, false) });
    const mVal = 5;
    const point: Record<string, Rat> = { ...matrixPoint('l', lamQ), ...matrixPoint('V', VQ, false), M: rat(BigInt(mVal)), N: rat(4n) };
    const eVal = rtoNumber(E.evaluate(point));
    log.run(`at a random rational point (M = ${mVal}): = src/moments testError(testErrorModel(Λ, M), V), relative error ≤ 1e-12`, () => {
      const m = momentsTestError(testErrorModel({ d, promptCov: toMat(lamQ) }, mVal), toMat(VQ));
      const e = relativeError(eVal, m);
      return { ok: e <= 1e-12, detail: `derived ${eVal.toPrecision(10)}, moments ${m.toPrecision(10)}` };
    });
    if (opts.monteCarlo !== false)
      log.run(`at that point: Monte Carlo with predictReduced (4·10⁴ prompts) within ${Z_BOUND} standard errors`, () => {
        const est = monteCarloTestError({ d, promptCov: toMat(lamQ) }, mVal, toMat(VQ), 40000, rng.child('mc'));
        const { ok, z } = zCheck(eVal, est);
        return { ok, detail: `derived ${eVal.toPrecision(6)}, sampled ${est.mean.toPrecision(6)} ± ${est.se.toPrecision(2)}, |z| = ${z.toFixed(2)}` };
      });
    if (opts.monteCarlo !== false)
      log.run('at that point: src/montecarlo estimateReducedError (its own fast sampler, 10⁶ prompts) interval contains the derived value', () =>
        sampledRouteCheck({ kind: 'reduced-error', v: toMat(VQ) }, { d, promptCov: toMat(lamQ) }, mVal, eVal, 1000000, rng.child('montecarlo')),
      );
    log.run('covariate shift at a random rational Λ, Λ′: src/moments\' M → ∞ limit equals the derived limit to 1e-9 (relative)', () => {
      // The exact test error is affine in 1/M (S averages M i.i.d. terms, so E[S Σ S] = A + B/M), hence
      // its limit is 2·E(2M) − E(M) exactly: no truncation error to tolerate, only rounding.
      const pt = { ...matrixPoint('l', lamQ), ...matrixPoint('m', lamP), N: rat(4n) };
      const lim = rtoNumber(shift.evaluate(pt));
      const giQ = minimizerPaper(lambdaSymbols(d), N).map((row) => row.map((x) => rtoNumber(x.evaluate(pt))));
      const at = (mm: number) => momentsTestError(testErrorModel({ d, promptCov: toMat(lamP) }, mm), giQ);
      const m = 2 * at(2e4) - at(1e4);
      const e = relativeError(m, lim);
      return { ok: e <= 1e-9, detail: `limit ${lim.toPrecision(10)}, moments (extrapolated from M = 10⁴, 2·10⁴) ${m.toPrecision(10)}` };
    });
    if (opts.nerdamer !== false)
      log.run('nerdamer: the exported test-error string at V = Γ⁻¹ (Γ⁻¹ computed by nerdamer) equals C10 at that point, exactly', () => {
        const at: Record<string, string> = Object.fromEntries(Object.entries(point).map(([n, r]) => [n, `(${rtoString(r)})`]));
        const nVal = 4;
        const l = lamQ.map((row) => row.map((r) => `(${rtoString(r)})`));
        const tr = l.map((row, i) => row[i]).join('+');
        const G = l.map((row, i) => row.map((x, j) => nExpand(`(1+1/${nVal})*${x}+(${i === j ? `(${tr})/${nVal}` : '0'})`)));
        const inv = nInverse(G);
        Vn.forEach((n, k) => (at[n] = `(${inv[Math.floor(k / d)][k % d]})`));
        const s = E.toString().replace(/\b(l\d\d|V\d\d|M|N)\b/g, (m) => at[m] ?? m);
        const got = nExpand(s);
        const want = rtoString(testErrorPaper(lambdaSymbols(d), N, M).evaluate({ ...matrixPoint('l', lamQ), M: rat(BigInt(mVal)), N: rat(4n) }));
        const ok = got === nExpand(want);
        return { ok, detail: `nerdamer ${got}, C10 ${want}` };
      });
    return log.result('P7', TITLE, P7.claims, opts);
  },
};
