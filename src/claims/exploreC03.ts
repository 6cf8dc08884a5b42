/**
 * Exploration of C03 (the remark after Lemma 5.1) along the prompt length N: for which (d, N) does one
 * prompt's H = ½X ⊗ (EEᵀ/N) have at least d + 1 negative eigenvalues, as the remark says? The count is
 * taken from the eigenvalues of H (src/linalg) for a prompt drawn from the training distribution.
 */
import { symmetricEigen } from '../linalg/matrix';
import { drawCovariance } from '../random/covariance';
import { Stream } from '../random/stream';
import { trainingDistribution } from '../icl/distribution';
import { embedding, samplePrompts } from '../icl/prompts';
import { paperFormulas } from '../theory/formulas';
import { firstFailure, type ExploreOptions, type ExploreResult, type ExploreRow, type ExploreSeries } from './explore';

/** Negative eigenvalues of a symmetric matrix, below −(size · 64u · ‖H‖) (rounding of a symmetric eigensolver). */
export function countNegative(values: readonly number[]): number {
  const norm = Math.max(...values.map(Math.abs));
  const thr = values.length * 64 * 2 ** -53 * norm;
  return values.filter((v) => v < -thr).length;
}

/** `explore --claim C03 --vary N`. */
export function exploreC03Length(opts: ExploreOptions): ExploreResult {
  const f = paperFormulas();
  const series: ExploreSeries[] = [];
  const dMax = 6;
  for (let d = 1; d <= dMax; d++) {
    opts.onProgress?.(d - 1, dMax, `d = ${d}`);
    const rng = new Stream(opts.seed, ['explore', 'C03', String(d)]);
    const lambda = drawCovariance('rotated', d, rng.child('lambda'), { kappa: 10 });
    const rows: ExploreRow[] = [];
    for (let n = 1; n <= d + 2; n++) {
      const batch = samplePrompts(trainingDistribution(lambda), n, 1, rng.child(`prompt-${n}`));
      const h = f.lemma51H(embedding(batch, 0));
      const count = countNegative(symmetricEigen(h).values);
      const claimed = f.lemma51NegativeCount(d);
      rows.push({ inputs: { d, N: n }, holds: count >= claimed, outcome: `${count} negative eigenvalues (the remark: at least ${claimed})`, measured: { negative: count, claimedAtLeast: claimed, minNdPlus1: Math.min(n, d) + 1 } });
    }
    const firstHold = rows.find((r) => r.holds)?.inputs.N as number | undefined;
    const lastFail = [...rows].reverse().find((r) => r.holds === false)?.inputs.N as number | undefined;
    series.push({
      label: `d = ${d}`,
      assumptionBound: null,
      rows,
      largestHolding: rows.length && rows[rows.length - 1].holds ? (rows[rows.length - 1].inputs.N as number) : null,
      smallestFailing: (rows.find((r) => r.holds === false)?.inputs.N as number | undefined) ?? null,
      summary: lastFail === undefined ? `holds for every N tried (1..${d + 2})` : `fails for N ≤ ${lastFail}, holds from N = ${firstHold ?? 'none'}; counts ${rows.map((r) => (r.measured as { negative: number }).negative).join(', ')} for N = 1..${d + 2}`,
    });
  }
  opts.onProgress?.(dMax, dMax, 'done');
  const sf = firstFailure(series);
  return {
    claim: 'C03',
    vary: 'N',
    seed: opts.seed,
    outside: 'the remark states no condition on N; here N runs from 1 to d + 2 for d = 1..6 (one prompt each, Λ rotated κ = 10)',
    holdsMeans: 'H = ½X ⊗ (EEᵀ/N) of one prompt has at least d + 1 eigenvalues below −(d+1)²·64u·‖H‖',
    series,
    smallestFailingCase: sf,
    findings: [
      sf ? `smallest failing case: d = ${String(sf.inputs.d)}, N = ${String(sf.inputs.N)}: ${sf.outcome}` : 'no failure found',
      'the count found is min(N, d) + 1 = rank(E): "at least d + 1" holds exactly when N ≥ d',
      ...series.map((x) => `${x.label}: ${x.summary}`),
    ],
  };
}
