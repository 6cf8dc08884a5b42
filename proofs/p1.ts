/** P1 (C01): Lemma D.2 and the sample form E[SAS], derived by Isserlis from the definition of the moments. */
import { fourthMoment, sampleFourthMoment } from '../src/moments';
import { DEFAULT_SEED } from '../src/random/seed';
import { stream } from '../src/random/stream';
import { Poly } from '../src/symbolic/poly';
import { RING } from './ring';
import { RatFunc, rf } from '../src/symbolic/ratfunc';
import { SumPoly, coords, expectPoly, expectation } from '../src/symbolic/gaussian';
import { covarianceSymbols } from '../src/symbolic/model';
import { fromPolys, sEvaluate, symbolMatrix, type SMat } from '../src/symbolic/matrix';
import { nEqual, nExpect } from '../src/symbolic/nerdamerEngine';
import { GenericPointDraw, assertGenericPoint, matrixPoint, relativeError, toMat } from '../src/symbolic/points';
import { monteCarloFourthMoment, Z_BOUND, zCheck } from '../src/symbolic/montecarlo';
import { SAMPLED_CONFIDENCE } from '../src/symbolic/sampledRoute';
import { estimateSampleFourthMoment } from '../src/montecarlo';
import { rat, rtoNumber, type Rat } from '../src/symbolic/rational';
import { constant } from '../src/symbolic/poly';
import { lemmaD2Paper, sampleFormPaper } from './paper';
import { StepLog, checkDimension } from './steps';
import type { Derivation, ProveOptions } from './types';

const TITLE = 'Lemma D.2 and the sample form E[SAS] from Isserlis';

function mismatchCount(a: SMat, b: SMat): number {
  let bad = 0;
  a.forEach((row, i) => row.forEach((x, j) => (x.equals(b[i][j]) ? 0 : bad++)));
  return bad;
}

/** The derivation P1. */
export const P1: Derivation = {
  id: 'P1',
  title: TITLE,
  claims: ['C01'],
  dims: [1, 2, 3],
  maxD: 3,
  async run(opts: ProveOptions) {
    const { d } = opts;
    checkDimension('P1', d, 3);
    const log = new StepLog();
    const lamP = covarianceSymbols(RING, 'l', d);
    const lam = fromPolys(lamP);
    const aS = symbolMatrix(RING, 'a', d); // a general (non-symmetric) A
    const aP = aS.map((row) => row.map((x) => x.num));
    const vectors = [{ name: 'z', cov: lamP }];
    const z = coords(RING, 'z', d);

    const fourth = log.run<SMat>('E[x xᵀ A x xᵀ] entrywise by Isserlis pairings (own layer)', () => {
      const quad = Poly.sum(aP.flatMap((row, j) => row.map((ajk, k) => ajk.mul(z[j]).mul(z[k]))));
      const m = z.map((zi) => z.map((zl) => rf(expectPoly(zi.mul(quad).mul(zl), vectors))));
      return { ok: true, value: m, detail: `${d * d} entries, general A (${d * d} symbols) and symmetric Λ (${(d * (d + 1)) / 2} symbols)` };
    })!;
    log.run('= Λ(A + Aᵀ)Λ + tr(AΛ)Λ (Lemma D.2), difference expanded to 0', () => {
      const bad = mismatchCount(fourth, lemmaD2Paper(lam, aS));
      return { ok: bad === 0, detail: bad ? `${bad} entries differ` : 'all entries identical' };
    });

    const sample = log.run<SMat>('E[S A S], S = (1/N) Σ x_i x_iᵀ, by coincidence classes {i = j: N, i ≠ j: N(N−1)} (own layer)', () => {
      const inv = new RatFunc(constant(1), RING.sym('N'));
      const S = (slot: string, i: number, j: number): SumPoly => SumPoly.over(slot, coords(RING, 'x', d, slot)[i].mul(coords(RING, 'x', d, slot)[j]), inv);
      const vecs = [{ name: 'x', cov: lamP, perExample: true }];
      const m = Array.from({ length: d }, (_, i) =>
        Array.from({ length: d }, (_, l) => {
          let acc = rf(0);
          for (let j = 0; j < d; j++)
            for (let k = 0; k < d; k++) acc = acc.add(rf(aP[j][k]).mul(expectation(S('a', i, j).mul(S('b', k, l)), { vectors: vecs })));
          return acc;
        }),
      );
      return { ok: true, value: m };
    })!;
    log.run('= ΛAΛ + (1/N)(ΛAᵀΛ + tr(AΛ)Λ) (sample form), difference expanded to 0', () => {
      const bad = mismatchCount(sample, sampleFormPaper(lam, aS));
      return { ok: bad === 0, detail: bad ? `${bad} entries differ` : 'all entries identical' };
    });
    for (let i = 0; i < d; i++) for (let l = 0; l < d; l++) log.exports[`E_xxAxx_${i + 1}${l + 1}`] = fourth[i][l].toString();
    for (let i = 0; i < d; i++) for (let l = 0; l < d; l++) log.exports[`E_SAS_${i + 1}${l + 1}`] = sample[i][l].toString();

    if (opts.nerdamer !== false) {
      log.run('nerdamer (heat operator E f = Σ Dᵏf/k! at 0) re-derives both forms and agrees', () => {
        const zs = Array.from({ length: d }, (_, k) => `z${k + 1}`);
        const lamS = lamP.map((row) => row.map((p) => p.toString()));
        const aStr = aP.map((row) => row.map((p) => p.toString()));
        const quad = aStr.flatMap((row, j) => row.map((a, k) => `${a}*${zs[j]}*${zs[k]}`)).join('+');
        const xa = zs.map((_, k) => `xa${k + 1}`);
        const xb = zs.map((_, k) => `xb${k + 1}`);
        const cross = aStr.flatMap((row, j) => row.map((a, k) => `${a}*${xa[j]}*${xb[k]}`)).join('+');
        let bad = 0;
        for (let i = 0; i < d; i++)
          for (let l = 0; l < d; l++) {
            const f4 = nExpect(`${zs[i]}*(${quad})*${zs[l]}`, [{ coords: zs, cov: lamS }]);
            if (!nEqual(f4, fourth[i][l].toString())) bad++;
            const fab = nExpect(`${xa[i]}*(${cross})*${xb[l]}`, [
              { coords: xa, cov: lamS },
              { coords: xb, cov: lamS },
            ]);
            // (1/N²)[N·E(same example) + N(N−1)·E(two examples)]
            const s = `(${f4})/N+(N-1)*(${fab})/N`;
            const own = sample[i][l];
            if (!nEqual(`(${s})*(${own.den.toString()})`, own.num.toString())) bad++;
          }
        return { ok: bad === 0, detail: bad ? `${bad} entries differ` : `${2 * d * d} entries agree` };
      });
    } else if (opts.nerdamer !== false) log.skip('nerdamer re-derivation', 'd = 3 is left to the own layer (nerdamer takes minutes)');

    const rng = stream(opts.seed ?? DEFAULT_SEED).child(`P1-d${d}`);
    const draw = new GenericPointDraw(rng.child('point'));
    const lamQ = draw.spd(d);
    const aQ = draw.matrix(d, d);
    const point: Record<string, Rat> = { ...assertGenericPoint(`P1-d${d} point`, { ...matrixPoint('l', lamQ), ...matrixPoint('a', aQ, false) }), N: rat(5n) };
    log.run('at a random rational point: = src/moments (fourthMoment, sampleFourthMoment), relative error ≤ 1e-12', () => {
      const f = sEvaluate(fourth, point).map((r) => r.map(rtoNumber));
      const s = sEvaluate(sample, point).map((r) => r.map(rtoNumber));
      const mf = fourthMoment(toMat(lamQ), toMat(aQ));
      const ms = sampleFourthMoment(toMat(lamQ), toMat(aQ), 5);
      let worst = 0;
      for (let i = 0; i < d; i++) for (let l = 0; l < d; l++) worst = Math.max(worst, relativeError(f[i][l], mf[i][l]), relativeError(s[i][l], ms[i][l]));
      return { ok: worst <= 1e-12, detail: `worst relative error ${worst.toExponential(2)}` };
    });
    if (opts.monteCarlo !== false)
      log.run(`at that point: Monte Carlo of E[x xᵀ A x xᵀ] (2·10⁴ draws per entry) within ${Z_BOUND} standard errors`, () => {
        const f = sEvaluate(fourth, point).map((r) => r.map(rtoNumber));
        let worstZ = 0;
        for (let i = 0; i < d; i++)
          for (let l = 0; l < d; l++) {
            const est = monteCarloFourthMoment(toMat(lamQ), toMat(aQ), i, l, 20000, rng.child(`mc${i}${l}`));
            worstZ = Math.max(worstZ, zCheck(f[i][l], est).z);
          }
        return { ok: worstZ <= Z_BOUND, detail: `worst |z| = ${worstZ.toFixed(2)} over ${d * d} entries` };
      });
    if (opts.monteCarlo !== false)
      log.run(`at that point: src/montecarlo estimateSampleFourthMoment (its own Wishart sampler, N = 5, 10⁵ draws): every entry of the derived E[SAS] inside its simultaneous 1 − ${(1 - SAMPLED_CONFIDENCE).toExponential(1)} interval`, () => {
        const s = sEvaluate(sample, point).map((r) => r.map(rtoNumber));
        const est = estimateSampleFourthMoment(toMat(lamQ), toMat(aQ), 5, { stream: rng.child('montecarlo'), samples: 100000, confidence: SAMPLED_CONFIDENCE });
        let outside = 0;
        for (let i = 0; i < d; i++) for (let l = 0; l < d; l++) if (s[i][l] < est.lower[i][l] || s[i][l] > est.upper[i][l]) outside++;
        return { ok: outside === 0, detail: `${outside} of ${d * d} entries outside (${est.path})` };
      });
    return log.result('P1', TITLE, P1.claims, opts);
  },
};
