/**
 * Exploration of C10's Corollary 4.3 outside its assumptions along label noise: test prompts whose labels
 * carry noise of standard deviation s (the query's target stays ⟨w, x_q⟩). Does "M ≥ (d+1) tr Λ/ε ⇒
 * error ≤ η + ε" still hold? The error is exact (src/moments/, the exact minimizer of the training loss);
 * η is the paper's.
 */
import { trace } from '../linalg/matrix';
import { quadraticMinimizer, testError, testErrorModel, trainingLossModel } from '../moments/quadratic';
import { drawCovariance, type CovarianceFamily } from '../random/covariance';
import { Stream } from '../random/stream';
import { paperFormulas } from '../theory/formulas';
import { firstFailure, type ExploreOptions, type ExploreResult, type ExploreRow, type ExploreSeries } from './explore';

const PROBLEMS: Array<{ label: string; family: CovarianceFamily; d: number; n: number; kappa: number }> = [
  { label: 'identity, d = 1, N = 10', family: 'identity', d: 1, n: 10, kappa: 1 },
  { label: 'identity, d = 3, N = 20', family: 'identity', d: 3, n: 20, kappa: 1 },
  { label: 'rotated κ = 10, d = 5, N = 20', family: 'rotated', d: 5, n: 20, kappa: 10 },
];

/** `explore --claim C10 --vary noise`. */
export function exploreC10Noise(opts: ExploreOptions): ExploreResult {
  const f = paperFormulas();
  const series: ExploreSeries[] = PROBLEMS.map((p, k) => {
    opts.onProgress?.(k, PROBLEMS.length, p.label);
    const lambda = drawCovariance(p.family, p.d, new Stream(opts.seed, ['explore', 'C10', String(k)]), { kappa: p.kappa });
    const vStar = quadraticMinimizer(trainingLossModel(lambda, p.n));
    const eps = 0.1 * trace(lambda);
    const m = Math.ceil(((p.d + 1) * trace(lambda)) / eps);
    const bound = f.corollary43Eta(lambda, p.n) + eps;
    const at = (s: number): ExploreRow => {
      const err = testError(testErrorModel({ d: p.d, promptCov: lambda, noiseStd: s }, m), vStar);
      return { inputs: { d: p.d, N: p.n, M: m, epsilon: eps, noiseStd: s }, holds: err <= bound, outcome: `error ${err.toPrecision(4)} ${err <= bound ? '≤' : '>'} η + ε = ${bound.toPrecision(4)}`, measured: { error: err, bound } };
    };
    const rows: ExploreRow[] = [];
    let good = 0;
    let bad: number | null = null;
    let failingRow: ExploreRow | undefined;
    for (const s of [0, ...Array.from({ length: 14 }, (_, i) => 2 ** (i - 6))]) {
      const r = at(s);
      rows.push(r);
      if (r.holds) good = s;
      else {
        bad = s;
        failingRow = r;
        break;
      }
    }
    if (bad !== null && good > 0) {
      let lo = good;
      let hi = bad;
      for (let i = 0; i < 30 && hi - lo > 1e-6 * hi; i++) {
        const mid = (lo + hi) / 2;
        const r = at(mid);
        rows.push(r);
        if (r.holds) lo = mid;
        else {
          hi = mid;
          failingRow = r;
        }
      }
      good = lo;
      bad = hi;
    }
    return {
      label: p.label,
      assumptionBound: 0,
      rows,
      failingRow,
      largestHolding: good,
      smallestFailing: bad,
      summary: bad === null ? 'holds at every noise level tried (up to s = 128)' : `holds up to s = ${good.toPrecision(4)}, stops at s = ${bad.toPrecision(4)} (M = ${m}, ε = ${eps.toPrecision(3)})`,
    };
  });
  opts.onProgress?.(PROBLEMS.length, PROBLEMS.length, 'done');
  const sf = firstFailure(series);
  return {
    claim: 'C10',
    vary: 'noise',
    seed: opts.seed,
    outside: 'Corollary 4.3 assumes noiseless labels y_i = ⟨w, x_i⟩; here the test prompt labels carry N(0, s²) noise (the target stays ⟨w, x_q⟩), with M = ⌈(d+1) tr Λ/ε⌉, ε = tr Λ/10',
    holdsMeans: "the exact error E(ŷ − ⟨w, x_q⟩)² at the trained model is ≤ η + ε (Corollary 4.3's η)",
    series,
    smallestFailingCase: sf,
    findings: [sf ? `smallest failing case: ${sf.series}, s = ${String(sf.inputs.noiseStd)}: ${sf.outcome}` : 'no failure found', ...series.map((x) => `${x.label}: ${x.summary}`)],
  };
}
