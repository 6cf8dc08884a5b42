/**
 * P3 (C02, C04): ŷ from all of W^PV and W^KQ. The entries outside the last row of W^PV and the first d
 * columns of W^KQ have identically zero derivative; at w₂₁^PV = w₂₁^KQ = 0 the loss gradient in those
 * two blocks vanishes identically, so gradient flow keeps them at 0 and (u, U) follow the reduced loss.
 */
import { samplePrompts } from '../src/icl';
import { predictFull } from '../src/lsa';
import { DEFAULT_SEED } from '../src/random/seed';
import { stream, type Stream } from '../src/random/stream';
import { Poly, constant } from '../src/symbolic/poly';
import { RING } from './ring';
import { generalParams, prediction, PAPER_MODEL } from '../src/symbolic/model';
import type { SumPoly } from '../src/symbolic/gaussian';
import { nerdamerLoss, nGeneralParams } from '../src/symbolic/nerdamerModel';
import { nDiff, nIsZero, nSubs } from '../src/symbolic/nerdamerEngine';
import { GenericPointDraw, assertGenericPoint, matrixPoint, relativeError, toMat } from '../src/symbolic/points';
import { monteCarloFullLoss, Z_BOUND, zCheck } from '../src/symbolic/montecarlo';
import { sampledRouteCheck } from '../src/symbolic/sampledRoute';
import { rat, rfromNumber, rtoNumber, rtoString, type Rat } from '../src/symbolic/rational';
import { derivedLoss } from './derived';
import { StepLog, checkDimension } from './steps';
import type { Derivation, ProveOptions } from './types';

const TITLE = 'Full-parameter ŷ: unused blocks have zero gradient; w₂₁^PV = w₂₁^KQ = 0 is invariant';

/** The derivation P3. */
export const P3: Derivation = {
  id: 'P3',
  title: TITLE,
  claims: ['C02', 'C04'],
  dims: [1, 2, 3],
  maxD: 3,
  async run(opts: ProveOptions) {
    const { d } = opts;
    checkDimension('P3', d, 3);
    const model = opts.model ?? PAPER_MODEL;
    const log = new StepLog();
    const D = d + 1;
    const g = generalParams(RING, d);
    const yhat = prediction(RING, d, g, { model });
    const isUsed = (m: 'P' | 'K', i: number, j: number): boolean => (m === 'P' ? i === d : j < d);
    const names: Array<{ m: 'P' | 'K'; i: number; j: number; name: string }> = [];
    for (const m of ['P', 'K'] as const) for (let i = 0; i < D; i++) for (let j = 0; j < D; j++) names.push({ m, i, j, name: `${m}${i + 1}${j + 1}` });

    log.run(`ŷ with all 2(d+1)² = ${2 * D * D} entries symbolic: ∂ŷ/∂θ ≡ 0 exactly for the ${D * D} entries outside the last row of W^PV and the first d columns of W^KQ (C02)`, () => {
      const bad: string[] = [];
      const unusedButMoving: string[] = [];
      for (const { m, i, j, name } of names) {
        const zero = yhat.terms.every((t) => t.body.diff(name).isZero());
        if (!isUsed(m, i, j) && !zero) bad.push(name);
        if (isUsed(m, i, j) && zero) unusedButMoving.push(name);
      }
      const ok = bad.length === 0 && unusedButMoving.length === 0;
      return {
        ok,
        detail: ok
          ? `${D * D} derivatives are the zero polynomial; each of the other ${D * D} entries enters ŷ`
          : `nonzero derivative for ${bad.join(', ') || '—'}; entries expected to enter ŷ but absent: ${unusedButMoving.join(', ') || '—'}`,
      };
    });

    const full = log.run('L(θ) = ½E(ŷ − y_q)² in the (d+1) + (d+1)d entries that reach ŷ (last row of W^PV, first d columns of W^KQ), own layer', () => {
      const r = derivedLoss(d, 'full', 'full', model);
      return { ok: true, value: r.value, detail: `${r.value.num.size} terms, ${r.stats.classes} classes` };
    })!;
    log.exports[`L_full_d${d}`] = full.toString();
    const w21 = [...Array.from({ length: d }, (_, j) => `P${D}${j + 1}`), ...Array.from({ length: d }, (_, j) => `K${D}${j + 1}`)];
    const atZero: Record<string, Poly> = Object.fromEntries(w21.map((n) => [n, constant(0)]));
    log.run(`∂L/∂w₂₁^PV and ∂L/∂w₂₁^KQ (${2 * d} entries) vanish identically at w₂₁^PV = w₂₁^KQ = 0, for every u, U, Λ, N (C04)`, () => {
      const bad = w21.filter((n) => !full.diff(n).subs(atZero).isZero());
      return { ok: bad.length === 0, detail: bad.length ? `nonzero: ${bad.join(', ')}` : `${2 * d} gradients are the zero rational function` };
    });
    log.run('L(θ) at w₂₁ = 0 equals P2’s reduced L(u, U) with u = w₂₂^PV, U = W₁₁^KQ, so (u, U) follow the reduced gradient flow', () => {
      const ren: Record<string, Poly> = { ...atZero, [`P${D}${D}`]: RING.sym('u') };
      for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) ren[`K${i + 1}${j + 1}`] = RING.sym(`U${i + 1}${j + 1}`);
      const restricted = full.subs(ren);
      const reduced = derivedLoss(d, 'uU', 'full', model).value;
      return { ok: restricted.equals(reduced), detail: restricted.equals(reduced) ? 'identical' : 'differs' };
    });

    if (opts.nerdamer !== false) {
      if (d === 1) {
        log.run('nerdamer re-derives the full-parameter L (all 8 entries symbolic) from the definition and agrees', () => {
          const n = nerdamerLoss(d, nGeneralParams(d), { lambda: [['l11']], normalizer: model.normalizer(RING.sym('N')).toString() });
          const ok = nIsZero(`(${n.num})*(${full.den.toString()})-(${full.num.toString()})*(${n.den})`);
          return { ok, detail: ok ? 'agrees' : 'DIFFERS' };
        });
      }
      log.run('nerdamer: the exported L with every other symbol at random rationals (3 points), diff in each w₂₁ entry at w₂₁ = 0, is 0', () => {
        const s = full.num.toString(); // the denominator does not involve θ
        const zero = Object.fromEntries(w21.map((n) => [n, '0']));
        const others = full.num.variables().filter((n) => !w21.includes(n));
        const prng = stream(opts.seed ?? DEFAULT_SEED).child(`P3-d${d}`).child('nerdamer-points');
        let bad = 0;
        for (let k = 0; k < 3; k++) {
          const draw = new GenericPointDraw(prng);
          const pointK = assertGenericPoint(`P3-d${d} nerdamer point ${k + 1}`, Object.fromEntries(others.map((n) => [n, draw.rational(-2, 2, 28)])));
          const at = Object.fromEntries(Object.entries(pointK).map(([n, r]) => [n, rtoString(r)]));
          const reduced = nSubs(s, at);
          bad += w21.filter((n) => nSubs(nDiff(reduced, n), zero) !== '0').length;
        }
        return { ok: bad === 0, detail: bad ? `${bad} nonzero derivatives` : `${2 * d} derivatives vanish at each point` };
      });
    }

    const rng = stream(opts.seed ?? DEFAULT_SEED).child(`P3-d${d}`);
    const { lamQ, thetaPoint } = p3Point(rng.child('point'), d);
    const { wpv, wkq } = thetaMatrices(thetaPoint, d);
    log.run('the symbolic ŷ on a sampled prompt (N = 5, all entries random and distinct) = src/lsa predictFull, relative error ≤ 1e-12', () =>
      predictionOnPrompts(yhat, thetaPoint, lamQ, d, rng.child('prompt')),
    );
    if (opts.monteCarlo !== false)
      log.run(`L(θ) at a random θ (all entries) vs Monte Carlo with predictFull (4·10⁴ prompts, N = 4), within ${Z_BOUND} standard errors`, () => {
        const point = { ...matrixPoint('l', lamQ), ...thetaPoint, N: rat(4n) };
        const value = rtoNumber(full.evaluate(point));
        const est = monteCarloFullLoss({ d, promptCov: toMat(lamQ) }, 4, { wpv, wkq }, 40000, rng.child('mc'));
        const { ok, z } = zCheck(value, est);
        return { ok, detail: `derived ${value.toPrecision(6)}, sampled ${est.mean.toPrecision(6)} ± ${est.se.toPrecision(2)}, |z| = ${z.toFixed(2)}` };
      });
    if (opts.monteCarlo !== false)
      log.run('at that θ: src/montecarlo estimateFullError (its own fast sampler, 10⁶ prompts) interval contains the derived value', () => {
        const value = rtoNumber(full.evaluate({ ...matrixPoint('l', lamQ), ...thetaPoint, N: rat(4n) }));
        return sampledRouteCheck({ kind: 'full-loss', params: { wpv, wkq } }, { d, promptCov: toMat(lamQ) }, 4, value, 1000000, rng.child('montecarlo'));
      });
    return log.result('P3', TITLE, P3.claims, opts);
  },
};

/** The names of all 2(d+1)² entries of W^PV and W^KQ: `P11`…, `K11`…. */
function thetaNames(d: number): string[] {
  const D = d + 1;
  return (['P', 'K'] as const).flatMap((m) => Array.from({ length: D * D }, (_, k) => `${m}${Math.floor(k / D) + 1}${(k % D) + 1}`));
}

/** P3's random point: Λ (SPD) and every entry of W^PV and W^KQ, all nonzero and distinct (guarded). */
export function p3Point(rng: Stream, d: number): { lamQ: Rat[][]; thetaPoint: Record<string, Rat> } {
  const draw = new GenericPointDraw(rng);
  const lamQ = draw.spd(d);
  const thetaPoint: Record<string, Rat> = Object.fromEntries(thetaNames(d).map((n) => [n, draw.rational()]));
  assertGenericPoint(`P3-d${d} point`, { ...matrixPoint('l', lamQ), ...thetaPoint });
  return { lamQ, thetaPoint };
}

/** W^PV and W^KQ as doubles from a point's `P..` and `K..` entries. */
export function thetaMatrices(thetaPoint: Record<string, Rat>, d: number): { wpv: number[][]; wkq: number[][] } {
  const D = d + 1;
  const m = (p: string) => Array.from({ length: D }, (_, i) => Array.from({ length: D }, (_, j) => rtoNumber(thetaPoint[`${p}${i + 1}${j + 1}`])));
  return { wpv: m('P'), wkq: m('K') };
}

/** The step of P3 at a point: the symbolic ŷ evaluated on 3 sampled prompts (N = 5) against src/lsa
 * predictFull at the same W^PV, W^KQ, relative error ≤ 1e-12. */
export function predictionOnPrompts(yhat: SumPoly, thetaPoint: Record<string, Rat>, lamQ: Rat[][], d: number, rng: Stream): { ok: boolean; detail: string } {
  const n = 5;
  const { wpv, wkq } = thetaMatrices(thetaPoint, d);
  const batch = samplePrompts({ d, promptCov: toMat(lamQ) }, n, 3, rng);
  let worst = 0;
  for (let b = 0; b < 3; b++) {
    const base: Record<string, Rat> = { ...thetaPoint, N: rat(BigInt(n)) };
    for (let k = 0; k < d; k++) {
      base[`xq.${k + 1}`] = rfromNumber(batch.xq[b * d + k]);
      base[`w.${k + 1}`] = rfromNumber(batch.w[b * d + k]);
    }
    let total = 0;
    for (const t of yhat.terms) {
      const f = rtoNumber(t.factor.evaluate(base));
      if (t.slots.length === 0) total += f * rtoNumber(t.body.evaluate(base));
      else
        for (let i = 0; i < n; i++) {
          const pt = { ...base };
          for (let k = 0; k < d; k++) pt[`x.${t.slots[0]}.${k + 1}`] = rfromNumber(batch.xs[(b * n + i) * d + k]);
          total += f * rtoNumber(t.body.evaluate(pt));
        }
    }
    worst = Math.max(worst, relativeError(total, predictFull(batch, b, { wpv, wkq })));
  }
  return { ok: worst <= 1e-12, detail: `3 prompts, worst relative error ${worst.toExponential(2)}` };
}
