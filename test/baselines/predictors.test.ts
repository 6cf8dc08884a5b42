/**
 * The closed-form predictors against independent computations: least squares by the orthogonality of
 * its residual to X's columns (normal equations) and, when M < d, by interpolation and membership in X's
 * row space; ridge by its optimality condition (XᵀX + λI)ŵ = Xᵀy; the Bayes predictor against the
 * posterior-mean formula Σ_w Xᵀ(XΣ_wXᵀ + σ²I)⁻¹y formed with ml-matrix's inverse; one gradient step
 * against a central-difference gradient; the LSA predictor against the literal forward pass f(E; θ).
 * Tolerances: ε·(size)·κ-type bounds, stated per check.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EigenvalueDecomposition, Matrix, inverse as mlInverse } from 'ml-matrix';
import { Stream } from '../../src/random/stream';
import { conditionNumber, diag, identity, inverse, matmul, relativeDistance, scale, transpose, type Mat } from '../../src/linalg/matrix';
import { drawCovariance } from '../../src/random/covariance';
import {
  bayesPredictor,
  gradientStepPredictor,
  leastSquaresPredictor,
  lsaLimitV,
  lsaPredictor,
  predictBatch,
  promptAt,
  promptOf,
  ridgePredictor,
  zeroPredictor,
  randomCovLimitPredictor,
  randomCovLimitV,
  type Predictor,
  type Prompt,
} from '../../src/baselines';
import { samplePrompts, embedding } from '../../src/icl/prompts';
import { readout } from '../../src/lsa/forward';

const EPS = Number.EPSILON;

function randomPrompt(m: number, d: number, seed: number, rank = d): Prompt {
  const rng = new Stream(seed, ['prompt']);
  // rank-r covariates: X = G H, G m×r, H r×d
  const g = Array.from({ length: m }, () => Array.from({ length: rank }, () => rng.normal()));
  const h = Array.from({ length: rank }, () => Array.from({ length: d }, () => rng.normal()));
  const x = rank === d ? g : matmul(g, h);
  const ys = Array.from({ length: m }, () => rng.normal());
  const xq = Array.from({ length: d }, () => rng.normal());
  return promptOf(x, ys, xq);
}

function rows(p: Prompt): Mat {
  return Array.from({ length: p.m }, (_, i) => Array.from(p.xs.subarray(i * p.d, (i + 1) * p.d)));
}

function norm(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

/** Xᵀ(Xw − y). */
function normalResidual(x: Mat, w: ArrayLike<number>, y: ArrayLike<number>, ridge = 0): number[] {
  const d = x[0].length;
  const r = x.map((row, i) => row.reduce((s, v, j) => s + v * w[j], 0) - y[i]);
  return Array.from({ length: d }, (_, j) => x.reduce((s, row, i) => s + row[j] * r[i], 0) + ridge * w[j]);
}

function frob(x: Mat): number {
  return Math.sqrt(x.reduce((s, r) => s + r.reduce((t, v) => t + v * v, 0), 0));
}

const sizes = fc.record({ m: fc.integer({ min: 1, max: 40 }), d: fc.integer({ min: 1, max: 12 }), seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }) });

describe('least squares', () => {
  it('M ≥ d: the residual is orthogonal to every column of X (normal equations), to ε·‖X‖²‖ŵ‖·κ(X)·(m+d)', () => {
    fc.assert(
      fc.property(sizes, ({ m, d, seed }) => {
        fc.pre(m >= d);
        const p = randomPrompt(m, d, seed);
        const x = rows(p);
        const w = leastSquaresPredictor().weights(p);
        const kappa = Math.sqrt(conditionNumber(matmul(transpose(x), x)));
        const res = norm(normalResidual(x, w, p.ys));
        const tol = 8 * (m + d) * EPS * frob(x) * (frob(x) * norm(w) + norm(p.ys)) * kappa;
        expect(res).toBeLessThanOrEqual(tol);
      }),
      { seed: 11, numRuns: 200 },
    );
  });

  it('M < d: interpolates the labels and lies in the row space of X (the minimum-norm solution)', () => {
    fc.assert(
      fc.property(sizes, ({ m, d, seed }) => {
        fc.pre(m < d);
        const p = randomPrompt(m, d, seed);
        const x = rows(p);
        const w = Array.from(leastSquaresPredictor().weights(p));
        const fitted = x.map((row) => row.reduce((s, v, j) => s + v * w[j], 0));
        const gram = matmul(x, transpose(x));
        const kappa = conditionNumber(gram);
        const scaleY = frob(x) * norm(w) + norm(p.ys);
        expect(norm(fitted.map((f, i) => f - p.ys[i]))).toBeLessThanOrEqual(8 * (m + d) * EPS * scaleY * Math.sqrt(kappa));
        // projection onto the row space: Xᵀ(XXᵀ)⁻¹X w must give w back
        const proj = matmul(transpose(x), matmul(mlInverse(new Matrix(gram)).to2DArray(), x.map((row) => [row.reduce((s, v, j) => s + v * w[j], 0)])));
        const dist = norm(proj.map((r, j) => r[0] - w[j]));
        expect(dist).toBeLessThanOrEqual(8 * (m + d) * EPS * kappa * norm(w) + 1e-300);
      }),
      { seed: 12, numRuns: 200 },
    );
  });

  it('a rank-deficient X (rank 2, d = 5, M = 8) goes through the SVD: normal equations hold and ŵ is in the row space', () => {
    const p = randomPrompt(8, 5, 3, 2);
    const x = rows(p);
    const w = Array.from(leastSquaresPredictor().weights(p));
    expect(norm(normalResidual(x, w, p.ys))).toBeLessThan(1e-12 * frob(x) * (frob(x) * norm(w) + norm(p.ys)));
    // the null space of X contains e.g. vectors orthogonal to the rows; ŵ ⟂ null space ⇔ ŵ = Xᵀ α: check via X⁺X ŵ = ŵ
    const pinv = new Matrix(x).transpose().mmul(new Matrix(x)); // XᵀX, rank 2
    const e = new EigenvalueDecomposition(pinv, { assumeSymmetric: true });
    const vals = e.realEigenvalues;
    const vecs = e.eigenvectorMatrix;
    const big = Math.max(...vals);
    for (let k = 0; k < vals.length; k++) {
      if (vals[k] > 1e-10 * big) continue;
      let dotk = 0;
      for (let j = 0; j < 5; j++) dotk += vecs.get(j, k) * w[j];
      expect(Math.abs(dotk)).toBeLessThan(1e-12 * norm(w));
    }
  });

  it('recovers w exactly from noiseless labels when M ≥ d (Gaussian covariates)', () => {
    const d = 6;
    const lambda = drawCovariance('rotated', d, new Stream(4, ['l']), { kappa: 30 });
    const batch = samplePrompts({ d, promptCov: lambda }, 10, 20, new Stream(4, ['p']));
    for (let b = 0; b < batch.count; b++) {
      const w = leastSquaresPredictor().weights(promptAt(batch, b));
      const truth = batch.w.subarray(b * d, (b + 1) * d);
      expect(norm(Array.from(w, (v, j) => v - truth[j]))).toBeLessThan(1e-9 * norm(truth));
    }
  });
});

describe('ridge', () => {
  it('satisfies its optimality condition (XᵀX + λI)ŵ = Xᵀy for every M, d and λ', () => {
    fc.assert(
      fc.property(sizes, fc.integer({ min: -3, max: 3 }), ({ m, d, seed }, l10) => {
        const lambda = 10 ** l10;
        const p = randomPrompt(m, d, seed);
        const x = rows(p);
        const w = ridgePredictor(lambda).weights(p);
        const gram = matmul(transpose(x), x);
        const kappa = Math.sqrt(conditionNumber(gram.map((r, i) => r.map((v, j) => v + (i === j ? lambda : 0)))));
        const res = norm(normalResidual(x, w, p.ys, lambda));
        const tol = 8 * (m + 2 * d) * EPS * (frob(x) + Math.sqrt(lambda)) * ((frob(x) + Math.sqrt(lambda)) * norm(w) + norm(p.ys)) * kappa;
        expect(res).toBeLessThanOrEqual(tol);
      }),
      { seed: 13, numRuns: 200 },
    );
  });
  it('rejects a penalty that is not a finite positive number', () => {
    expect(() => ridgePredictor(0)).toThrow(/ridge penalty/);
    expect(() => ridgePredictor(Number.NaN)).toThrow(/ridge penalty/);
  });
});

/** Σ_w Xᵀ(XΣ_wXᵀ + σ²I)⁻¹y by ml-matrix. */
function posteriorMean(p: Prompt, taskCov: Mat, sigma: number): number[] {
  const x = rows(p);
  const k = matmul(matmul(x, taskCov), transpose(x)).map((r, i) => r.map((v, j) => v + (i === j ? sigma * sigma : 0)));
  const alpha = mlInverse(new Matrix(k)).mmul(Matrix.columnVector(Array.from(p.ys))).to1DArray();
  const xa = transpose(x).map((r) => r.reduce((s, v, i) => s + v * alpha[i], 0));
  return taskCov.map((r) => r.reduce((s, v, j) => s + v * xa[j], 0));
}

describe('Bayes-optimal predictor', () => {
  it('equals the posterior-mean formula Σ_w Xᵀ(XΣ_wXᵀ + σ²I)⁻¹y (any Σ_w, σ > 0)', () => {
    fc.assert(
      fc.property(sizes, fc.integer({ min: -2, max: 1 }), ({ m, d, seed }, l10) => {
        const sigma = 10 ** l10;
        const taskCov = drawCovariance('wishart', d, new Stream(seed, ['task']));
        const p = randomPrompt(m, d, seed);
        const w = bayesPredictor(d, { taskCov, noiseStd: sigma }).weights(p);
        const ref = posteriorMean(p, taskCov, sigma);
        const k = matmul(matmul(rows(p), taskCov), transpose(rows(p))).map((r, i) => r.map((v, j) => v + (i === j ? sigma * sigma : 0)));
        const tol = 64 * (m + d) * EPS * conditionNumber(k) * conditionNumber(taskCov);
        expect(relativeDistance([Array.from(w)], [ref])).toBeLessThanOrEqual(tol);
      }),
      { seed: 14, numRuns: 150 },
    );
  });
  it('with a fixed task (Σ_w = w₀w₀ᵀ, singular) predicts along w₀, as the posterior mean does', () => {
    const d = 4;
    const w0 = [1, -2, 0.5, 3];
    const taskCov = w0.map((a) => w0.map((b) => a * b));
    const p = randomPrompt(7, d, 5);
    const w = Array.from(bayesPredictor(d, { taskCov, noiseStd: 0.5 }).weights(p));
    expect(relativeDistance([w], [posteriorMean(p, taskCov, 0.5)])).toBeLessThan(1e-12);
    const c = w[0] / w0[0];
    expect(relativeDistance([w], [w0.map((v) => c * v)])).toBeLessThan(1e-12);
  });
  it('noiseless with Σ_w = I is the minimum-norm interpolant (M < d) and exact recovery (M ≥ d)', () => {
    for (const [m, d] of [[3, 7], [9, 4]]) {
      const p = randomPrompt(m, d, 6);
      const a = bayesPredictor(d).weights(p);
      const b = leastSquaresPredictor().weights(p);
      expect(relativeDistance([Array.from(a)], [Array.from(b)])).toBeLessThan(1e-13);
    }
  });
  it('has the smallest sampled error among ridge penalties on its own prior (Monte Carlo, d = 5, M = 4, σ = 0.5)', () => {
    const d = 5;
    const taskCov = diag([4, 2, 1, 0.5, 0.25]);
    const batch = samplePrompts({ d, promptCov: identity(d), taskCov, noiseStd: 0.5 }, 4, 20_000, new Stream(7, ['bayes-mc']));
    const err = (pred: Predictor) => {
      const yh = predictBatch(pred, batch);
      let s = 0;
      for (let b = 0; b < batch.count; b++) s += (yh[b] - batch.yq[b]) ** 2;
      return s / batch.count;
    };
    const bayes = err(bayesPredictor(d, { taskCov, noiseStd: 0.5 }));
    // paired comparison: the same prompts, so the differences are far larger than their noise here
    for (const lambda of [0.05, 0.25, 1, 4]) expect(bayes).toBeLessThan(err(ridgePredictor(lambda)));
    expect(bayes).toBeLessThan(err(leastSquaresPredictor()));
  });
});

describe('one gradient step', () => {
  it('is w₁ = −ηP∇L(0) with ∇L from central differences of L(w) = (1/2M)Σ(⟨w,x_i⟩ − y_i)²', () => {
    const d = 4;
    const p = randomPrompt(6, d, 8);
    const x = rows(p);
    const loss = (w: number[]) => x.reduce((s, r, i) => s + (r.reduce((t, v, j) => t + v * w[j], 0) - p.ys[i]) ** 2, 0) / (2 * p.m);
    const h = 1e-5;
    // L is quadratic: the central difference is exact up to rounding
    const grad = Array.from({ length: d }, (_, j) => {
      const e = Array.from({ length: d }, (_, k) => (k === j ? h : 0));
      return (loss(e) - loss(e.map((v) => -v))) / (2 * h);
    });
    const pre = drawCovariance('rotated', d, new Stream(8, ['pre']), { kappa: 5 });
    const eta = 0.7;
    const expected = pre.map((r) => -eta * r.reduce((s, v, j) => s + v * grad[j], 0));
    const got = gradientStepPredictor({ eta, preconditioner: pre }).weights(p);
    expect(relativeDistance([Array.from(got)], [expected])).toBeLessThan(1e-8);
    const plain = gradientStepPredictor({ eta }).weights(p);
    expect(relativeDistance([Array.from(plain)], [grad.map((g) => -eta * g)])).toBeLessThan(1e-8);
  });
});

describe('LSA predictors', () => {
  it('ŷ = sᵀVx_q equals the literal forward pass f(E; θ) with W^PV = [[0,0],[0,1]], W^KQ = [[V,0],[0,0]]', () => {
    const d = 3;
    const v = drawCovariance('wishart', d, new Stream(9, ['v']));
    v[0][1] += 0.3; // not symmetric
    const batch = samplePrompts({ d, promptCov: identity(d) }, 5, 10, new Stream(9, ['p']));
    const wpv = identity(d + 1).map((r, i) => r.map((x) => (i === d ? x : 0)));
    const wkq = Array.from({ length: d + 1 }, (_, i) => Array.from({ length: d + 1 }, (_, j) => (i < d && j < d ? v[i][j] : 0)));
    const yh = predictBatch(lsaPredictor(v), batch);
    for (let b = 0; b < batch.count; b++) expect(yh[b]).toBeCloseTo(readout(embedding(batch, b), { wpv, wkq }), 12);
  });
  it('the LSA limit for training covariance Λ and length N is Γ⁻¹, Γ = (1 + 1/N)Λ + tr(Λ)/N·I, to κ·1e-12', () => {
    const lambda = drawCovariance('rotated', 4, new Stream(10, ['l']), { kappa: 20 });
    const n = 7;
    const tr = lambda.reduce((s, r, i) => s + r[i], 0);
    const gamma = lambda.map((r, i) => r.map((v, j) => (1 + 1 / n) * v + (i === j ? tr / n : 0)));
    expect(relativeDistance(lsaLimitV(lambda, n), inverse(gamma))).toBeLessThan(20 * 20 * 1e-12);
  });
  it('the zero predictor predicts 0', () => {
    expect(zeroPredictor().predict(randomPrompt(3, 2, 1))).toBe(0);
  });
  it('scale(V) scales the prediction (linearity)', () => {
    const p = randomPrompt(5, 3, 2);
    const v = identity(3);
    expect(lsaPredictor(scale(v, 3)).predict(p)).toBeCloseTo(3 * lsaPredictor(v).predict(p), 12);
  });
});

describe('the random-covariance LSA limit (Theorem 4.5)', () => {
  it('for Exp(1) entries has V = I/(3 + (d + 5)/N) (a hand computation: E λ² = 2, E λ³ = 6)', () => {
    for (const [d, n] of [[1, 1], [3, 10], [5, 50]]) {
      const v = randomCovLimitV({ kind: 'exp' }, d, n);
      const want = 1 / (3 + (d + 5) / n);
      v.forEach((r, i) => r.forEach((x, j) => expect(x).toBeCloseTo(i === j ? want : 0, 14)));
    }
  });
  it('predicts with that V', () => {
    const p = randomPrompt(6, 3, 4);
    expect(randomCovLimitPredictor({ kind: 'exp' }, 3, 10).predict(p)).toBeCloseTo(lsaPredictor(scale(identity(3), 1 / (3 + 8 / 10))).predict(p), 13);
  });
});
