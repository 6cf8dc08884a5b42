/** P4 (C05): symbolic gradients of L(u, U) vs spec §3, and d/dt(u² − ‖U‖_F²) = 0 identically. */
import { reducedLossAndGradient, trainingLossModel } from '../src/moments';
import { DEFAULT_SEED } from '../src/random/seed';
import { stream } from '../src/random/stream';
import { Poly, constant, sym } from '../src/symbolic/poly';
import { RatFunc, rf } from '../src/symbolic/ratfunc';
import { symbolMatrix } from '../src/symbolic/matrix';
import { nDiff, nIsZero } from '../src/symbolic/nerdamerEngine';
import { GenericPointDraw, assertGenericPoint, matrixPoint, relativeError, toMat } from '../src/symbolic/points';
import { rat, rtoNumber, type Rat } from '../src/symbolic/rational';
import { PAPER_MODEL } from '../src/symbolic/model';
import { derivedLoss, lambdaSymbols } from './derived';
import { reducedGradientPaper } from './paper';
import { StepLog, checkDimension } from './steps';
import type { Derivation, ProveOptions } from './types';

const TITLE = 'Gradients of L(u, U) vs spec §3; conservation of u² − ‖U‖_F²';

/** The derivation P4. */
export const P4: Derivation = {
  id: 'P4',
  title: TITLE,
  claims: ['C05'],
  dims: [1, 2, 3],
  maxD: 3,
  async run(opts: ProveOptions) {
    const { d } = opts;
    checkDimension('P4', d, 3);
    const model = opts.model ?? PAPER_MODEL;
    const log = new StepLog();
    const L = derivedLoss(d, 'uU', 'full', model).value;
    const Unames = Array.from({ length: d * d }, (_, k) => `U${Math.floor(k / d) + 1}${(k % d) + 1}`);
    const grads = log.run<{ du: RatFunc; dU: RatFunc[] }>('∂L/∂u and ∂L/∂U_jk by differentiating P2’s derived L (own layer)', () => ({
      ok: true,
      value: { du: L.diff('u'), dU: Unames.map((n) => L.diff(n)) },
    }))!;
    log.exports.dL_du = grads.du.toString();
    Unames.forEach((n, k) => (log.exports[`dL_d${n}`] = grads.dU[k].toString()));
    const paper = reducedGradientPaper(lambdaSymbols(d), rf(sym('u')), symbolMatrix('U', d));
    log.run('∂L/∂u = u tr(ΛΓUΛUᵀ) − tr(UΛ²) and ∂L/∂U = u²ΓΛUΛ − uΛ² (spec §3): differences expanded to 0', () => {
      const badU = Unames.filter((n, k) => !grads.dU[k].equals(paper.dU[Math.floor(k / d)][k % d]));
      const okU = grads.du.equals(paper.du);
      return { ok: okU && badU.length === 0, detail: `∂u: ${okU ? 'identical' : 'DIFFERS'}; ∂U: ${badU.length ? `differs at ${badU.join(', ')}` : `${d * d} entries identical`}` };
    });
    log.run('d/dt(u² − ‖U‖²) = −2u ∂L/∂u + 2 Σ U_jk ∂L/∂U_jk expands to 0 identically (C05)', () => {
      let s = grads.du.mul(rf(sym('u'))).neg();
      Unames.forEach((n, k) => (s = s.add(grads.dU[k].mul(rf(sym(n))))));
      return { ok: s.isZero(), detail: s.isZero() ? 'the zero rational function' : `${s.num.size} terms remain` };
    });
    if (opts.nerdamer !== false) {
      // d ≤ 2: fully symbolic. d = 3: Λ and N at a random rational point first (a full nerdamer pass takes ~35 s),
      // u and U symbolic, so gradients and conservation are still identities in (u, U).
      const atPoint = d >= 3;
      log.run(
        `nerdamer: its own diff of the exported L gives the same gradients and the same conservation identity${atPoint ? ' (Λ, N at a random rational point; u, U symbolic)' : ''}`,
        () => {
          let Ls = L;
          let g = grads;
          if (atPoint) {
            const prng = stream(opts.seed ?? DEFAULT_SEED).child(`P4-d${d}`).child('nerdamer-point');
            const lam = new GenericPointDraw(prng).spd(d);
            assertGenericPoint(`P4-d${d} nerdamer point`, matrixPoint('l', lam));
            const at: Record<string, Poly> = { N: constant(rat(5n)) };
            for (const [n, r] of Object.entries(matrixPoint('l', lam))) at[n] = constant(r);
            Ls = L.subs(at);
            g = { du: grads.du.subs(at), dU: grads.dU.map((x) => x.subs(at)) };
          }
          const num = Ls.num.toString();
          const den = Ls.den.toString(); // free of u and U
          const du = nDiff(num, 'u');
          const dUs = Unames.map((n) => nDiff(num, n));
          const okDu = nIsZero(`(${du})*(${g.du.den.toString()})-(${g.du.num.toString()})*(${den})`);
          const bad = Unames.filter((n, k) => !nIsZero(`(${dUs[k]})*(${g.dU[k].den.toString()})-(${g.dU[k].num.toString()})*(${den})`));
          const cons = nIsZero(`(-1)*u*(${du})+${Unames.map((n, k) => `${n}*(${dUs[k]})`).join('+')}`);
          return { ok: okDu && bad.length === 0 && cons, detail: `gradients ${okDu && !bad.length ? 'agree' : 'DIFFER'}; conservation ${cons ? 'expands to 0' : 'FAILS'}` };
        },
      );
    }

    const rng = stream(opts.seed ?? DEFAULT_SEED).child(`P4-d${d}`);
    const draw = new GenericPointDraw(rng.child('point'));
    const lamQ = draw.spd(d);
    const uQ = draw.rational();
    const UQ = draw.matrix(d, d);
    const point: Record<string, Rat> = { ...assertGenericPoint(`P4-d${d} point`, { ...matrixPoint('l', lamQ), ...matrixPoint('U', UQ, false), u: uQ }), N: rat(3n) };
    log.run('at a random rational point (N = 3): = src/moments reducedLossAndGradient, relative error ≤ 1e-12', () => {
      const m = reducedLossAndGradient(trainingLossModel(toMat(lamQ), 3), rtoNumber(uQ), toMat(UQ));
      let worst = relativeError(rtoNumber(grads.du.evaluate(point)), m.du);
      Unames.forEach((n, k) => (worst = Math.max(worst, relativeError(rtoNumber(grads.dU[k].evaluate(point)), m.dU[Math.floor(k / d)][k % d]))));
      return { ok: worst <= 1e-12, detail: `worst relative error ${worst.toExponential(2)} over ${1 + d * d} components` };
    });
    log.notes.push('gradients are compared with the exact numeric route (src/moments); the loss they differentiate is compared with Monte Carlo in P2');
    return log.result('P4', TITLE, P4.claims, opts);
  },
};
