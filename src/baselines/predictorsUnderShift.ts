/**
 * The closed-form predictors and the trained LSA's limit under one kind of distribution shift, over a
 * grid of shift scales and test prompt lengths: each predictor's test error E(ŷ − ⟨w, x_q⟩)² by an exact
 * formula where one exists (src/moments/ for the LSA and zero; classical identities for least squares)
 * and by Monte Carlo (all predictors on the same prompts, simultaneous intervals), plus the regression
 * slope of the LSA's prediction on the truth, E[ŷ⟨w, x_q⟩]/E[⟨w, x_q⟩²] (the c² of §4.2, the ⅓ of §4.3).
 * This is the library function behind `icl-audit shift`.
 */
import { identity, inverse, matmul, mul, scale as scaleMat, trace, type Mat } from '../linalg/matrix';
import { applyShifts, testSecondMoments, trainingLaw, type Shift, type TestLaw } from '../icl/shifts';
import { entryMoment, describeEntryLaw, type EntryLaw } from '../icl/entryLaws';
import { testError, testErrorModel } from '../moments/quadratic';
import { randomDiagonalError, randomDiagonalModel } from '../moments/randomDiagonal';
import { estimateOnTestLaw, type PromptQuantity } from '../montecarlo/shiftedError';
import type { PromptBatch } from '../icl/prompts';
import { stream } from '../random/stream';
import { bayesPredictor, leastSquaresPredictor, lsaLimitV, promptAt, randomCovLimitV, ridgePredictor, zeroPredictor, lsaPredictor, type Predictor } from './predictors';

/** The kinds of shift `icl-audit shift` runs. */
export const SHIFT_KINDS = ['task', 'query', 'covariate', 'length', 'noise', 'orthogonal', 'random-cov'] as const;
/** A shift kind. */
export type ShiftKind = (typeof SHIFT_KINDS)[number];

/** Inputs of {@link predictorsUnderShift}. */
export interface ShiftExperimentOptions {
  kind: ShiftKind;
  /** Training covariance Λ (ignored for random-cov, whose training law is `law`). */
  lambda: Mat;
  /** Training prompt length N. */
  n: number;
  /** Test prompt lengths. */
  ms: number[];
  /** Shift scales (see {@link shiftOf}). */
  scales: number[];
  /** Entry law of the random covariance (random-cov; default Exp(1)). */
  law?: EntryLaw;
  /** Ridge penalty λ (default 1). */
  ridge?: number;
  /** Monte Carlo prompts per (scale, M). */
  samples: number;
  seed: number;
  /** Simultaneous confidence of the intervals of one (scale, M) (default 0.95). */
  confidence?: number;
  progress?: (done: number, total: number) => void;
}

/** One row of the report: a predictor's error at one (kind, scale, M). */
export interface ShiftRow {
  kind: ShiftKind;
  scale: number;
  M: number;
  predictor: string;
  /** Exact E(ŷ − ⟨w, x_q⟩)², or null where no formula exists. */
  exact: number | null;
  monteCarlo: { estimate: number; ci: [number, number]; halfWidth: number; samples: number; replay: string };
}

/** The LSA's slope E[ŷ⟨w, x_q⟩]/E[⟨w, x_q⟩²] at one (scale, M). */
export interface SlopeRow {
  scale: number;
  M: number;
  /** What the query is: the test law's own, or independent of the prompt's covariance (random-cov). */
  query: string;
  exact: number | null;
  monteCarlo: { estimate: number; ci: [number, number] };
}

/** What the scale means for each kind, in words (also in the report). */
export const SCALE_MEANING: Record<ShiftKind, string> = {
  task: 'w ~ N(0, s²I): the task scaled by s',
  query: 'x_q ~ N(0, s²Λ): the query scaled by s, prompts unchanged',
  covariate: 'prompt and query covariates scaled by c: covariance c²Λ (§4.2)',
  length: 'no shift (scale 1); the test length M is the variable',
  noise: 'label noise ε ~ N(0, s²) on y_1…y_M',
  orthogonal: 'x_q drawn from N(0, s²Λ) and projected onto span{x_1…x_M}^⊥ (M < d)',
  'random-cov': 'each prompt has covariance c·diag(λ), λ_j i.i.d. from the entry law (Figure 1\'s c)',
};

/** The shifts applied for kind and scale s (after the length M). */
export function shiftOf(kind: ShiftKind, s: number, law: EntryLaw, d: number, lambda: Mat): Shift[] {
  switch (kind) {
    case 'task':
      return [{ kind: 'task', task: { kind: 'gaussian', cov: scaleMat(identity(d), s * s) } }];
    case 'query':
      return [{ kind: 'query', query: { kind: 'gaussian', cov: scaleMat(lambda, s * s) } }];
    case 'covariate':
      return [{ kind: 'covariate-scale', c: s }];
    case 'length':
      return [];
    case 'noise':
      return [{ kind: 'noise', noise: { kind: 'gaussian', std: s } }];
    case 'orthogonal':
      return [{ kind: 'query', query: { kind: 'orthogonal' } }]; // the scale s multiplies x_q afterwards (see predictorsUnderShift)
    case 'random-cov':
      return [{ kind: 'random-diagonal', law, c: s }];
  }
}

function isIsotropic(a: Mat): boolean {
  const c = a[0][0];
  return a.every((r, i) => r.every((v, j) => (i === j ? Math.abs(v - c) <= 1e-14 * Math.abs(c) : v === 0)));
}

/** Exact errors where a formula exists; null elsewhere. */
function exactErrors(kind: ShiftKind, law: TestLaw, s: number, v: Mat, lambda: Mat, entry: EntryLaw): Record<string, number | null> {
  const d = law.d;
  const m = law.m;
  const out: Record<string, number | null> = { lsa: null, 'least-squares': null, ridge: null, bayes: null, zero: null };
  if (kind === 'random-cov') {
    const scaled = { ...entry, scale: (entry.scale ?? 1) * s };
    const model = randomDiagonalModel((k) => entryMoment(scaled, k), d, m);
    out.lsa = randomDiagonalError(model, v);
    out.zero = d * entryMoment(scaled, 1);
    if (m >= d) {
      out['least-squares'] = 0;
      out.bayes = 0;
    }
    return out;
  }
  if (kind === 'orthogonal') {
    // x_q ⟂ span{x_i}: least squares, ridge and the Bayes mean (ŵ in the span) predict 0 exactly; the LSA
    // too when Λ ∝ I (V ∝ I). Their error is then E⟨w, P⊥x_q⟩² = s²λ(d − M) (isotropic x_q, w ~ N(0, I)).
    if (isIsotropic(lambda)) {
      const zero = s * s * lambda[0][0] * (d - m);
      for (const k of Object.keys(out)) out[k] = zero;
    }
    return out;
  }
  const dist = testSecondMoments(law)!;
  const model = testErrorModel(dist, m);
  out.lsa = testError(model, v);
  out.zero = model.c;
  const noise = dist.noiseStd ?? 0;
  const lp = dist.promptCov;
  const lq = dist.queryCov!;
  const sw = dist.taskCov!;
  if (noise === 0 && m >= d) {
    out['least-squares'] = 0; // noiseless, X of full column rank a.s.: ŵ = w
    out.bayes = 0;
  } else if (noise > 0 && m > d + 1) {
    // E[x_qᵀ(XᵀX)⁻¹Xᵀε]² = σ² tr(Λ_q E[(XᵀX)⁻¹]), E[(XᵀX)⁻¹] = Λ′⁻¹/(M − d − 1) (inverse Wishart mean)
    out['least-squares'] = (noise * noise * trace(matmul(lq, inverse(lp)))) / (m - d - 1);
  } else if (noise === 0 && m < d && isIsotropic(lp) && isIsotropic(sw)) {
    // minimum norm: ŵ = P_X w, E[P_X] = (M/d) I for a rotation-invariant X: error s_w² (1 − M/d) tr Λ_q
    out['least-squares'] = sw[0][0] * (1 - m / d) * trace(lq);
    out.bayes = out['least-squares'];
  }
  return out;
}


/** The report of {@link predictorsUnderShift}. */
export interface ShiftExperiment {
  kind: ShiftKind;
  scaleMeaning: string;
  trainedOn: string;
  /** The trained LSA's V (the exact limit for the training law). */
  lsaV: Mat;
  rows: ShiftRow[];
  slopes: SlopeRow[];
}

/** Run the experiment. */
export function predictorsUnderShift(o: ShiftExperimentOptions): ShiftExperiment {
  const d = o.lambda.length;
  const entry = o.law ?? { kind: 'exp' };
  const v = o.kind === 'random-cov' ? randomCovLimitV(entry, d, o.n) : lsaLimitV(o.lambda, o.n);
  const ridgePenalty = o.ridge ?? 1;
  const rows: ShiftRow[] = [];
  const slopes: SlopeRow[] = [];
  const total = o.scales.length * o.ms.length;
  let done = 0;
  const root = stream(o.seed).child('shift').child(o.kind);
  const trainedOn = o.kind === 'random-cov' ? `random diagonal covariance, entries ${describeEntryLaw(entry)}, N = ${o.n}` : `N(0, Λ), N = ${o.n}`;
  for (const s of o.scales) {
    for (const m of o.ms) {
      const base = o.kind === 'random-cov' ? trainingLaw(identity(d), o.n) : trainingLaw(o.lambda, o.n);
      const law = applyShifts(base, [{ kind: 'length', m }, ...shiftOf(o.kind, s, entry, d, o.lambda)]);
      const moments2 = testSecondMoments(law);
      const taskCov = moments2?.taskCov ?? identity(d);
      const noise = moments2?.noiseStd ?? 0;
      const preds: Predictor[] = [lsaPredictor(v, 'lsa'), leastSquaresPredictor(), ridgePredictor(ridgePenalty), bayesPredictor(d, { taskCov, noiseStd: noise }), zeroPredictor()];
      const names = ['lsa', 'least-squares', 'ridge', 'bayes', 'zero'];
      const queryScale = o.kind === 'orthogonal' ? s : 1;
      const sq = (p: Predictor, name: string): PromptQuantity => ({
        name,
        value(batch: PromptBatch, b: number) {
          const pr = promptAt(batch, b);
          if (queryScale !== 1) {
            const e = p.predict({ ...pr, xq: pr.xq.map((x) => queryScale * x) }) - queryScale * batch.yq[b];
            return e * e;
          }
          const e = p.predict(pr) - batch.yq[b];
          return e * e;
        },
      });
      const exactTruth2 = exactTruthSecondMoment(o.kind, law, s, entry, d);
      const quantities: PromptQuantity[] = preds.map((p, i) => sq(p, names[i]));
      if (exactTruth2 !== null)
        quantities.push({ name: 'slope', value: (batch, b) => (preds[0].predict(promptAt(batch, b)) * batch.yq[b]) / exactTruth2 });
      const est = estimateOnTestLaw(law, quantities, { stream: root.child(`s${s}`).child(`M${m}`), samples: o.samples, confidence: o.confidence ?? 0.95 });
      const exact = exactErrors(o.kind, law, s, v, o.lambda, entry);
      names.forEach((name, i) => {
        const e = est.estimates[i];
        rows.push({
          kind: o.kind,
          scale: s,
          M: m,
          predictor: name === 'ridge' ? `ridge(${ridgePenalty})` : name,
          exact: exact[name],
          monteCarlo: { estimate: e.estimate, ci: e.ci, halfWidth: e.halfWidth, samples: e.samples, replay: est.replay },
        });
      });
      if (exactTruth2 !== null) {
        const e = est.estimates[names.length];
        slopes.push({ scale: s, M: m, query: "the test law's own", exact: exactSlope(o.kind, law, s, v, entry, d), monteCarlo: { estimate: e.estimate, ci: e.ci } });
      }
      if (o.kind === 'random-cov') {
        // the ⅓: a query independent of the prompt's covariance, x_q ~ N(0, I)
        const indep = applyShifts(law, [{ kind: 'query', query: { kind: 'gaussian', cov: identity(d) } }]);
        const q: PromptQuantity = { name: 'slope', value: (batch, b) => (preds[0].predict(promptAt(batch, b)) * batch.yq[b]) / d };
        const e2 = estimateOnTestLaw(indep, [q], { stream: root.child(`s${s}`).child(`M${m}`).child('independent-query'), samples: o.samples, confidence: o.confidence ?? 0.95 }).estimates[0];
        const m1 = entryMoment({ ...entry, scale: (entry.scale ?? 1) * s }, 1);
        slopes.push({ scale: s, M: m, query: 'x_q ~ N(0, I), independent of Λ_new', exact: (m1 * trace(v)) / d, monteCarlo: { estimate: e2.estimate, ci: e2.ci } });
      }
      o.progress?.(++done, total);
    }
  }
  return { kind: o.kind, scaleMeaning: SCALE_MEANING[o.kind], trainedOn, lsaV: v, rows, slopes };
}

/** E[⟨w, x_q⟩²] of the law (for the slope), or null when it depends on the prompt (orthogonal). */
function exactTruthSecondMoment(kind: ShiftKind, law: TestLaw, s: number, entry: EntryLaw, d: number): number | null {
  if (kind === 'orthogonal') return null;
  if (kind === 'random-cov') return d * entryMoment({ ...entry, scale: (entry.scale ?? 1) * s }, 1);
  const dist = testSecondMoments(law)!;
  return trace(matmul(dist.taskCov!, dist.queryCov!));
}

/** Exact slope E[ŷ⟨w, x_q⟩]/E[⟨w, x_q⟩²] of the LSA: tr(Σ_w Λ′ V Λ_q)/tr(Σ_w Λ_q) (E[s | w] = Λ′w at every M). */
function exactSlope(kind: ShiftKind, law: TestLaw, s: number, v: Mat, entry: EntryLaw, d: number): number | null {
  if (kind === 'random-cov') {
    // E[ŷ⟨w, x_q⟩] = Σ_j V_jj E[λ_j²] with x_q from the same Λ_new; E⟨w, x_q⟩² = d·m₁
    const sc = { ...entry, scale: (entry.scale ?? 1) * s };
    return (entryMoment(sc, 2) * trace(v)) / (d * entryMoment(sc, 1));
  }
  const dist = testSecondMoments(law);
  if (!dist) return null;
  const num = trace(mul(dist.taskCov!, dist.promptCov, v, dist.queryCov!));
  return num / trace(matmul(dist.taskCov!, dist.queryCov!));
}

