/**
 * Test-time distribution shifts (spec §4.2–4.3; the paper follows Garg et al.): a {@link TestLaw} says
 * how a test prompt is drawn — the task, the label noise, the covariates (a fixed Gaussian law, or a
 * random diagonal covariance per prompt), the query and the prompt length — and a {@link Shift} is one
 * change to it. Shifts compose: `applyShifts(trainingLaw(Λ, N), [...])` applies them in order.
 *
 * Laws are plain data (JSON-describable) so that a counterexample shows them. `sampleTestPrompts` draws
 * prompts from any law; `testSecondMoments` gives the second moments E[wwᵀ], E[x_q x_qᵀ] and the noise
 * variance, which is all the exact route needs for task, noise and query shifts (the prediction error of a
 * predictor linear in the labels and in x_q is quadratic in w, ε and x_q).
 */
import { identity, matmul, scale, symmetrize, transpose, type Mat } from '../linalg/matrix';
import { applyFactor, factor, type Factor } from '../linalg/factor';
import type { Stream } from '../random/stream';
import type { PromptDistribution } from './distribution';
import type { PromptBatch } from './prompts';
import { describeEntryLaw, drawEntry, entryLawProblem, entryMoment, type EntryLaw } from './entryLaws';

/** How the task w is drawn. */
export type TaskLaw =
  | { kind: 'gaussian'; cov: Mat }
  | { kind: 'rademacher'; scale: number }
  | { kind: 'sparse'; k: number; scale: number }
  | { kind: 'fixed'; w: number[] };

/** Label noise ε_i (mean 0, standard deviation `std`, independent of everything else). */
export interface NoiseLaw {
  kind: 'gaussian' | 'rademacher' | 'uniform';
  std: number;
}

/** How the prompt covariates x_1…x_M are drawn. */
export type CovariateLaw =
  | { kind: 'gaussian'; cov: Mat }
  /** Λ_τ = diag(λ_1…λ_d), λ_j i.i.d. from `law`, drawn once per prompt (Theorem 4.5); R Λ_τ Rᵀ when `rotation` R is given. */
  | { kind: 'random-diagonal'; law: EntryLaw; rotation?: Mat };

/** How the query x_q is drawn. */
export type QueryLaw =
  /** From the prompt's own covariate law (the same Λ_τ when it is random). */
  | { kind: 'same' }
  | { kind: 'gaussian'; cov: Mat }
  /** x_q = F z / √(χ²_ν/ν): multivariate Student-t with scale matrix `cov` (second moment ν/(ν−2)·cov, ν > 2). */
  | { kind: 'student-t'; dof: number; cov: Mat }
  | { kind: 'point'; x: number[] }
  /** A draw from the prompt's covariate law projected onto the orthogonal complement of span{x_1…x_M} (needs M < d). */
  | { kind: 'orthogonal' };

/** Everything that defines a test prompt. */
export interface TestLaw {
  d: number;
  /** Prompt length M. */
  m: number;
  task: TaskLaw;
  noise: NoiseLaw | null;
  covariates: CovariateLaw;
  query: QueryLaw;
}

/** One change to a test law. */
export type Shift =
  | { kind: 'task'; task: TaskLaw }
  | { kind: 'noise'; noise: NoiseLaw }
  | { kind: 'query'; query: QueryLaw }
  /** Covariates (prompt and query) multiplied by c: covariance c²Λ. */
  | { kind: 'covariate-scale'; c: number }
  /** Covariance RΛRᵀ for an orthogonal R (given as a matrix). */
  | { kind: 'covariate-rotation'; rotation: Mat }
  /** Another covariance altogether (another spectrum). */
  | { kind: 'covariate-cov'; cov: Mat }
  /** c·diag(λ), λ_j i.i.d. from `law`, per prompt. */
  | { kind: 'random-diagonal'; law: EntryLaw; c: number }
  | { kind: 'length'; m: number };

/** The paper's training law on covariance Λ with prompts of length N (spec §1). */
export function trainingLaw(lambda: Mat, n: number): TestLaw {
  return { d: lambda.length, m: n, task: { kind: 'gaussian', cov: identity(lambda.length) }, noise: null, covariates: { kind: 'gaussian', cov: lambda }, query: { kind: 'same' } };
}

function scaleQuery(q: QueryLaw, c: number): QueryLaw {
  switch (q.kind) {
    case 'same':
    case 'orthogonal':
      return q;
    case 'gaussian':
      return { kind: 'gaussian', cov: scale(q.cov, c * c) };
    case 'student-t':
      return { ...q, cov: scale(q.cov, c * c) };
    case 'point':
      return { kind: 'point', x: q.x.map((v) => c * v) };
  }
}

/** The law after one shift. */
export function applyShift(law: TestLaw, shift: Shift): TestLaw {
  switch (shift.kind) {
    case 'task':
      return { ...law, task: shift.task };
    case 'noise':
      return { ...law, noise: shift.noise };
    case 'query':
      return { ...law, query: shift.query };
    case 'length':
      return { ...law, m: shift.m };
    case 'covariate-scale': {
      const c = shift.c;
      const covariates: CovariateLaw =
        law.covariates.kind === 'gaussian'
          ? { kind: 'gaussian', cov: scale(law.covariates.cov, c * c) }
          : { ...law.covariates, law: { ...law.covariates.law, scale: (law.covariates.law.scale ?? 1) * c * c } };
      return { ...law, covariates, query: scaleQuery(law.query, c) };
    }
    case 'covariate-rotation': {
      const r = shift.rotation;
      if (law.covariates.kind === 'random-diagonal') {
        const prev = law.covariates.rotation;
        return { ...law, covariates: { ...law.covariates, rotation: prev ? matmul(r, prev) : r } };
      }
      return { ...law, covariates: { kind: 'gaussian', cov: symmetrize(matmul(matmul(r, law.covariates.cov), transpose(r))) } };
    }
    case 'covariate-cov':
      return { ...law, covariates: { kind: 'gaussian', cov: shift.cov } };
    case 'random-diagonal':
      return { ...law, covariates: { kind: 'random-diagonal', law: { ...shift.law, scale: (shift.law.scale ?? 1) * shift.c } } };
  }
}

/** The law after shifts applied in order. */
export function applyShifts(law: TestLaw, shifts: readonly Shift[]): TestLaw {
  return shifts.reduce(applyShift, law);
}

/** Why a law cannot be sampled (sizes, non-finite entries, an orthogonal query with M ≥ d, ν ≤ 2), or null. */
export function testLawProblem(law: TestLaw): string | null {
  const { d, m } = law;
  if (!Number.isInteger(d) || d < 1) return `d must be an integer ≥ 1, got ${d}`;
  if (!Number.isInteger(m) || m < 1) return `prompt length must be an integer ≥ 1, got ${m}`;
  const sq = (a: Mat, what: string): string | null =>
    a.length === d && a.every((r) => r.length === d && r.every(Number.isFinite)) ? null : `${what} must be a finite ${d}×${d} matrix`;
  const t = law.task;
  if (t.kind === 'gaussian' && sq(t.cov, 'task covariance')) return sq(t.cov, 'task covariance');
  if (t.kind === 'fixed' && (t.w.length !== d || !t.w.every(Number.isFinite))) return `fixed task must have ${d} finite entries`;
  if (t.kind === 'sparse' && !(Number.isInteger(t.k) && t.k >= 1 && t.k <= d)) return `sparse task needs 1 ≤ k ≤ d, got ${t.k}`;
  if (law.noise && !(law.noise.std >= 0 && Number.isFinite(law.noise.std))) return `noise std must be a finite number ≥ 0, got ${law.noise.std}`;
  if (law.covariates.kind === 'gaussian' && sq(law.covariates.cov, 'covariate covariance')) return sq(law.covariates.cov, 'covariate covariance');
  if (law.covariates.kind === 'random-diagonal') {
    const p = entryLawProblem(law.covariates.law);
    if (p) return `random-diagonal entries: ${p}`;
    if (law.covariates.rotation && sq(law.covariates.rotation, 'rotation')) return sq(law.covariates.rotation, 'rotation');
  }
  const q = law.query;
  if (q.kind === 'student-t' && !(q.dof > 2)) return `Student-t query needs ν > 2 (finite second moment), got ${q.dof}`;
  if (q.kind === 'point' && (q.x.length !== d || !q.x.every(Number.isFinite))) return `point query must have ${d} finite entries`;
  if (q.kind === 'orthogonal' && m >= d) return `an orthogonal query needs M < d (got M = ${m}, d = ${d})`;
  return null;
}

/** A short description of a law for reports. */
export function describeTestLaw(law: TestLaw): Record<string, unknown> {
  const cov = law.covariates.kind === 'gaussian' ? { covariates: 'gaussian', cov: law.covariates.cov } : { covariates: `random diagonal, entries ${describeEntryLaw(law.covariates.law)}` };
  return { d: law.d, M: law.m, task: law.task, noise: law.noise, ...cov, query: law.query };
}

/**
 * The second moments the exact route needs, as a {@link PromptDistribution}: prompt covariance, E[x_q x_qᵀ],
 * E[wwᵀ] and the noise standard deviation. Null when the covariates' covariance is random per prompt or
 * the query depends on the prompt (orthogonal): those need their own exact routes.
 */
export function testSecondMoments(law: TestLaw): PromptDistribution | null {
  if (law.covariates.kind !== 'gaussian' || law.query.kind === 'orthogonal') return null;
  const d = law.d;
  const promptCov = law.covariates.cov;
  const q = law.query;
  const queryCov =
    q.kind === 'same' ? promptCov : q.kind === 'gaussian' ? q.cov : q.kind === 'student-t' ? scale(q.cov, q.dof / (q.dof - 2)) : q.x.map((a) => q.x.map((b) => a * b));
  const t = law.task;
  const taskCov =
    t.kind === 'gaussian' ? t.cov : t.kind === 'rademacher' ? scale(identity(d), t.scale * t.scale) : t.kind === 'sparse' ? scale(identity(d), (t.k / d) * t.scale * t.scale) : t.w.map((a) => t.w.map((b) => a * b));
  return { d, promptCov, queryCov, taskCov, noiseStd: law.noise?.std ?? 0 };
}

/** E[λᵏ] of a random-diagonal (unrotated) law's entries, or null otherwise. */
export function covariateEntryMoment(law: TestLaw): ((k: number) => number) | null {
  const c = law.covariates;
  return c.kind === 'random-diagonal' && !c.rotation ? (k) => entryMoment(c.law, k) : null;
}

/** Draws of a law, with its factors computed once. */
export interface TestSampler {
  law: TestLaw;
  /** Draw `count` prompts into a batch (allocated when not given or too small). Also returns each prompt's Λ_τ diagonal when random. */
  sample(count: number, rng: Stream, into?: PromptBatch): PromptBatch & { lambdas?: Float64Array };
}

function chiSquare(dof: number, rng: Stream): number {
  // χ²_ν = 2·Gamma(ν/2): Marsaglia–Tsang through drawEntry's gamma law
  return 2 * drawEntry({ kind: 'gamma', shape: dof / 2 }, rng);
}

/** A sampler for `law` (validated). */
export function testSampler(law: TestLaw): TestSampler {
  const problem = testLawProblem(law);
  if (problem) throw new RangeError(problem);
  const { d, m } = law;
  const fixedX: Factor | null = law.covariates.kind === 'gaussian' ? factor(law.covariates.cov) : null;
  const entryLaw = law.covariates.kind === 'random-diagonal' ? law.covariates.law : null;
  const rot = law.covariates.kind === 'random-diagonal' && law.covariates.rotation ? law.covariates.rotation : null;
  const zr = new Float64Array(d);
  const q = law.query;
  const fq: Factor | null = q.kind === 'gaussian' || q.kind === 'student-t' ? factor(q.cov) : null;
  const t = law.task;
  const fw: Factor | null = t.kind === 'gaussian' ? factor(t.cov) : null;
  const z = new Float64Array(d);
  const noise = law.noise && law.noise.std > 0 ? law.noise : null;
  return {
    law,
    sample(count, rng, into) {
      const batch: PromptBatch & { lambdas?: Float64Array } =
        into && into.count >= count && into.d === d && into.length === m
          ? into
          : { d, length: m, count, xs: new Float64Array(count * m * d), ys: new Float64Array(count * m), xq: new Float64Array(count * d), yq: new Float64Array(count), w: new Float64Array(count * d) };
      if (entryLaw && (!batch.lambdas || batch.lambdas.length < count * d)) batch.lambdas = new Float64Array(count * d);
      const sqrtLam = new Float64Array(d);
      for (let b = 0; b < count; b++) {
        // task
        const wo = b * d;
        if (fw) {
          rng.fillNormal(z);
          applyFactor(fw, z, 0, batch.w, wo);
        } else if (t.kind === 'rademacher') {
          for (let j = 0; j < d; j++) batch.w[wo + j] = rng.uniform() < 0.5 ? -t.scale : t.scale;
        } else if (t.kind === 'sparse') {
          for (let j = 0; j < d; j++) batch.w[wo + j] = 0;
          // k distinct coordinates (partial Fisher–Yates over the index set)
          const idx = Array.from({ length: d }, (_, j) => j);
          for (let j = 0; j < t.k; j++) {
            const r = rng.int(j, d - 1);
            [idx[j], idx[r]] = [idx[r], idx[j]];
            batch.w[wo + idx[j]] = t.scale * rng.normal();
          }
        } else if (t.kind === 'fixed') {
          batch.w.set(t.w, wo);
        }
        // covariance of this prompt
        if (entryLaw) for (let j = 0; j < d; j++) {
          const l = drawEntry(entryLaw, rng);
          batch.lambdas![b * d + j] = l;
          sqrtLam[j] = Math.sqrt(l);
        }
        const drawX = (out: Float64Array, off: number): void => {
          rng.fillNormal(z);
          if (fixedX) applyFactor(fixedX, z, 0, out, off);
          else if (!rot) for (let j = 0; j < d; j++) out[off + j] = sqrtLam[j] * z[j];
          else {
            for (let j = 0; j < d; j++) zr[j] = sqrtLam[j] * z[j];
            for (let i = 0; i < d; i++) {
              let s = 0;
              for (let j = 0; j < d; j++) s += rot[i][j] * zr[j];
              out[off + i] = s;
            }
          }
        };
        for (let i = 0; i < m; i++) {
          const off = (b * m + i) * d;
          drawX(batch.xs, off);
          let y = 0;
          for (let j = 0; j < d; j++) y += batch.w[wo + j] * batch.xs[off + j];
          if (noise) y += noise.std * noiseDraw(noise.kind, rng);
          batch.ys[b * m + i] = y;
        }
        // query
        const qo = b * d;
        switch (q.kind) {
          case 'same':
            drawX(batch.xq, qo);
            break;
          case 'gaussian':
            rng.fillNormal(z);
            applyFactor(fq!, z, 0, batch.xq, qo);
            break;
          case 'student-t': {
            rng.fillNormal(z);
            applyFactor(fq!, z, 0, batch.xq, qo);
            const s = 1 / Math.sqrt(chiSquare(q.dof, rng) / q.dof);
            for (let j = 0; j < d; j++) batch.xq[qo + j] *= s;
            break;
          }
          case 'point':
            batch.xq.set(q.x, qo);
            break;
          case 'orthogonal':
            drawX(batch.xq, qo);
            projectOutPrompt(batch.xs.subarray(b * m * d, (b + 1) * m * d), m, d, batch.xq.subarray(qo, qo + d));
            break;
        }
        let yq = 0;
        for (let j = 0; j < d; j++) yq += batch.w[wo + j] * batch.xq[qo + j];
        batch.yq[b] = yq;
      }
      return batch;
    },
  };
}

/** A unit-variance draw of the noise law. */
function noiseDraw(kind: NoiseLaw['kind'], rng: Stream): number {
  switch (kind) {
    case 'gaussian':
      return rng.normal();
    case 'rademacher':
      return rng.uniform() < 0.5 ? -1 : 1;
    case 'uniform':
      return Math.sqrt(3) * (2 * rng.uniform() - 1);
  }
}

/**
 * x ← x minus its projection onto span{x_1…x_M} (rows of xs), by modified Gram–Schmidt applied twice
 * (reorthogonalization keeps |⟨x, x_i⟩| at rounding level).
 */
export function projectOutPrompt(xs: Float64Array, m: number, d: number, x: Float64Array): void {
  const basis: Float64Array[] = [];
  for (let i = 0; i < m; i++) {
    const v = Float64Array.from(xs.subarray(i * d, (i + 1) * d));
    for (let pass = 0; pass < 2; pass++)
      for (const u of basis) {
        let s = 0;
        for (let j = 0; j < d; j++) s += u[j] * v[j];
        for (let j = 0; j < d; j++) v[j] -= s * u[j];
      }
    let n = 0;
    for (let j = 0; j < d; j++) n += v[j] * v[j];
    n = Math.sqrt(n);
    if (n === 0) continue;
    for (let j = 0; j < d; j++) v[j] /= n;
    basis.push(v);
  }
  for (let pass = 0; pass < 2; pass++)
    for (const u of basis) {
      let s = 0;
      for (let j = 0; j < d; j++) s += u[j] * x[j];
      for (let j = 0; j < d; j++) x[j] -= s * u[j];
    }
}
