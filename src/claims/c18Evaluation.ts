/**
 * C18's computation (loaded only when the claim runs: it starts TF.js). See c18Robustness.ts.
 */
import { selectBackend } from '../baselines/backends';
import { loadModel } from '../baselines/checkpoint';
import { disposeModel } from '../baselines/nn/model';
import { evaluateCovariateShift, type PanelResult } from '../baselines/evaluate';
import { Stream } from '../random/stream';
import type { CheckResult, Verdict } from '../contract/types';
import { COMPARISON_Z } from '../contract/tolerance';

/** Inputs of {@link runC18}. */
export interface C18Options {
  checkpoint: string;
  seed: number;
  /** The run's root seed, for the replay command. */
  rootSeed?: number;
  covariances: number;
  perCovariance: number;
  scales: number[];
  resamples: number;
  level: number;
  /** The training record saved beside the checkpoint (configuration, seed, time), for the notes. */
  record: { config?: { N?: number; steps?: number; batch?: number; lr?: number; seed?: number }; cpuSeconds?: number; wallSeconds?: number; cpuSecondsNote?: string } | null;
}

/** The standard deviation of bootstrap replicates: the bootstrap standard error of the statistic. */
function bootSd(a: Float64Array): number {
  let m = 0;
  for (const x of a) m += x;
  m /= a.length;
  let v = 0;
  for (const x of a) v += (x - m) * (x - m);
  return Math.sqrt(v / (a.length - 1));
}

function percentile(a: Float64Array, q: number): number {
  const s = Float64Array.from(a).sort();
  const pos = q * (s.length - 1);
  const i = Math.floor(pos);
  return i + 1 < s.length ? s[i] + (pos - i) * (s[i + 1] - s[i]) : s[i];
}

/** Mean over clusters of f(cluster) per bootstrap resample of clusters. */
function bootstrap(K: number, resamples: number, rng: Stream, stat: (idx: Int32Array) => number): Float64Array {
  const out = new Float64Array(resamples);
  const idx = new Int32Array(K);
  for (let r = 0; r < resamples; r++) {
    for (let k = 0; k < K; k++) idx[k] = rng.int(0, K - 1);
    out[r] = stat(idx);
  }
  return out;
}

function meanAt(cl: Float64Array[], idx: Int32Array | null, m: number): number {
  let s = 0;
  const n = idx ? idx.length : cl.length;
  for (let k = 0; k < n; k++) s += cl[idx ? idx[k] : k][m];
  return s / n;
}

/** Evaluate the checkpoint and the LSA limit on paired scaled prompts; the verdict and its intervals. */
export async function runC18(o: C18Options): Promise<CheckResult> {
  await selectBackend('wasm');
  const { model, metadata } = loadModel(o.checkpoint);
  if (model.kind !== 'gpt2') throw new Error('C18 checkpoint must be a GPT-2 model');
  const N = Number(metadata.train_N);
  const d = model.config.nDims;
  const maxM = model.config.nPositions;
  let results: PanelResult[];
  try {
    // The same stream for every scale: prompts at scale c are √c times the scale-1 prompts. Only the
    // first scale is read past M = N (the spike); the others are evaluated up to M = N only.
    results = [];
    for (const [ci, c] of o.scales.entries()) {
      const [r] = await evaluateCovariateShift({
        models: [{ name: 'gpt2', model }],
        d,
        trainN: N,
        trainCov: 'exp-diag',
        panels: [{ name: 'c18', cov: 'exp-diag', scale: c }],
        covariances: o.covariances,
        promptsPerCovariance: o.perCovariance,
        maxM,
        seed: o.seed,
        resamples: 10,
        positions: ci === 0 ? maxM : N + 1,
      });
      results.push(r);
    }
  } finally {
    disposeModel(model);
  }
  const K = o.covariances;
  const a = (1 - o.level) / 2;
  const rng = new Stream(o.seed, ['c18', 'bootstrap']);
  const notes: string[] = [];
  const parts: NonNullable<CheckResult['parts']> = [];
  const at = (ci: number, name: string) => results[ci].clusters.get(name)!;
  let worst = -Infinity;
  const verdicts: Verdict[] = [];
  const base = 0;
  for (let ci = 1; ci < o.scales.length; ci++) {
    const c = o.scales[ci];
    const growth = (name: string, idx: Int32Array | null) => meanAt(at(ci, name), idx, N) - meanAt(at(base, name), idx, N);
    const ratio = (idx: Int32Array | null) => growth('gpt2', idx) / growth('lsa-limit', idx);
    const boot = bootstrap(K, o.resamples, rng.child(`c${c}`), ratio);
    const lo = percentile(boot, a);
    const hi = percentile(boot, 1 - a);
    const r = ratio(null);
    worst = Math.max(worst, hi);
    // Falsified only when r exceeds 1 by COMPARISON_Z bootstrap standard errors: the audit's per-comparison
    // level (docs/statistics.md), not the percentile interval's 0.5 %, so a true claim is not reported
    // falsified by chance. Verified needs the whole percentile interval below 1.
    const v: Verdict = hi < 1 ? 'verified' : r - COMPARISON_Z * bootSd(boot) > 1 ? 'falsified' : 'inconclusive';
    verdicts.push(v);
    parts.push({ id: `growth-c${c}`, name: `c = ${c}: GPT-2 growth / LSA growth < 1`, verdict: v, worstError: hi, tolerance: 1, cases: K * o.perCovariance, note: `r = ${r.toPrecision(3)} [${lo.toPrecision(3)}, ${hi.toPrecision(3)}]` });
    const e = (name: string, cc: number) => meanAt(at(cc, name), null, N).toPrecision(3);
    notes.push(
      `c = ${c}: error/d at M = N = ${N}: GPT-2 ${e('gpt2', base)} → ${e('gpt2', ci)}, LSA limit ${e('lsa-limit', base)} → ${e('lsa-limit', ci)}, least squares ${e('least-squares', ci)}, zero ${e('zero', ci)}; growth ratio ${r.toPrecision(3)} [${lo.toPrecision(3)}, ${hi.toPrecision(3)}] (${(o.level * 100).toFixed(1)} %)`,
    );
  }
  // Precondition: the model learned in context at all (else "grows less" holds trivially, e.g. for ŷ = 0).
  const learned = (idx: Int32Array | null) => meanAt(at(base, 'gpt2'), idx, N) / meanAt(at(base, 'zero'), idx, N);
  const lBoot = bootstrap(K, o.resamples, rng.child('learned'), learned);
  const lHi = percentile(lBoot, 1 - a);
  const learnedVerdict: Verdict = lHi < 0.5 ? 'verified' : 'inconclusive';
  parts.unshift({ id: 'learned', name: 'precondition: GPT-2 learned in context (error at M = N, c = 1, below half the zero predictor\'s)', verdict: learnedVerdict, worstError: lHi, tolerance: 0.5, note: `ratio ${learned(null).toPrecision(3)}, upper bound ${lHi.toPrecision(3)}` });
  if (learnedVerdict !== 'verified') verdicts.push('inconclusive');
  // The spike past the training length, at c = 1: mean error/d over M = N+1 … maxM−1 against M = N.
  const g = at(base, 'gpt2');
  const past = (idx: Int32Array | null) => {
    let s = 0;
    for (let m = N + 1; m < maxM; m++) s += meanAt(g, idx, m);
    return s / (maxM - N - 1) - meanAt(g, idx, N);
  };
  const spikeBoot = bootstrap(K, o.resamples, rng.child('spike'), past);
  const sLo = percentile(spikeBoot, 0.05);
  const sHi = percentile(spikeBoot, 0.95);
  let peak = 0;
  let peakM = N;
  for (let m = N + 1; m < maxM; m++) if (meanAt(g, null, m) > peak) [peak, peakM] = [meanAt(g, null, m), m];
  // As for the growth ratio: falsified (no rise) only when the excess is below 0 by COMPARISON_Z standard errors.
  const spike: Verdict = sLo > 0 ? 'verified' : past(null) + COMPARISON_Z * bootSd(spikeBoot) < 0 ? 'falsified' : 'inconclusive';
  parts.push({ id: 'spike', name: 'GPT-2 error rises for M > N (c = 1)', verdict: spike, worstError: past(null), tolerance: 0, note: `mean excess over M = ${N + 1}…${maxM - 1}: ${past(null).toPrecision(3)} [${sLo.toPrecision(3)}, ${sHi.toPrecision(3)}] (90 %)` });
  notes.push(`M > N at c = 1: GPT-2 error/d ${meanAt(g, null, N).toPrecision(3)} at M = N, peak ${peak.toPrecision(3)} at M = ${peakM}; least squares ${meanAt(at(base, 'least-squares'), null, N).toPrecision(3)}`);
  const rec = o.record;
  if (rec?.config) notes.push(`checkpoint: tiny GPT-2, d = ${d}, N = ${N}, ${rec.config.steps} Adam steps, batch ${rec.config.batch}, lr ${rec.config.lr}, seed ${rec.config.seed}${rec.cpuSeconds ? `, ${Math.round(rec.cpuSeconds)} s CPU${rec.cpuSecondsNote ? ' for steps 801–3000 (about 500 s in all)' : ''}` : ''}; paper scale (standard, d = 20, N ∈ {40, 70, 100}, 500k steps) not run: no GPU here`);
  verdicts.push(spike);
  const verdict: Verdict = verdicts.includes('falsified') ? 'falsified' : verdicts.every((v) => v === 'verified') ? 'verified' : 'inconclusive';
  const common = { worstError: worst, tolerance: 1, worstRatio: worst, cases: K * o.perCovariance * o.scales.length, notes, parts };
  if (verdict === 'verified') return { verdict, ...common };
  if (verdict === 'inconclusive')
    return { verdict, reason: learnedVerdict !== 'verified' ? 'the GPT-2 checkpoint did not learn in context well enough (precondition)' : 'an interval includes 1 (growth ratio) or 0 (spike)', ...common };
  const failing = parts.find((p) => p.verdict === 'falsified')!;
  return {
    verdict,
    ...common,
    counterexample: {
      claim: 'C18',
      part: failing.id,
      inputs: { checkpoint: o.checkpoint, scales: o.scales, covariances: K, perCovariance: o.perCovariance },
      claimed: failing.name,
      found: failing.note,
      error: failing.worstError,
      tolerance: failing.tolerance,
      seed: o.seed,
      claimSeed: o.seed,
      path: 'c18/bootstrap',
      shrunk: false,
      replay: `icl-audit verify --claims C18 --seed ${o.rootSeed ?? o.seed}`,
    },
  };
}
