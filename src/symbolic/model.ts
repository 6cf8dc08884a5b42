/**
 * The model's definition, symbolically: the embedding E, the LSA prediction ŷ = entry (d+1, n+1) of
 * E + W^PV · E · (Eᵀ W^KQ E)/n, and the population loss ½ E(ŷ − ⟨w, x_q⟩)², all built from the
 * definitions of spec §1 (never from the paper's closed forms; this folder does not import src/theory/).
 *
 * With E's columns z_1…z_n, z_q, E·Eᵀ = Σ_c z_c z_cᵀ, so
 *   ŷ = e_{d+1}ᵀ W^PV (Σ_a z_a z_aᵀ + z_q z_qᵀ) W^KQ z_q / n,   z_a = (x_a; ⟨w, x_a⟩),  z_q = (x_q; 0),
 * a sum over the examples (slot `a`) plus the query column's own term. The normalizer n is a parameter
 * of the definition, so a wrong definition (n + 1) can be swapped in to show that the checks catch it.
 */
import { Poly, PolyRing, constant } from './poly';
import { RatFunc, rf } from './ratfunc';
import { SumPoly, coords, expectation, type GaussianVector } from './gaussian';

/** Which attention normalizer the model divides by, as a function of the prompt length symbol. */
export interface ModelDefinition {
  /** Short name for reports, e.g. 'attention / N'. */
  name: string;
  /** The normalizer as a polynomial in the prompt-length symbol. */
  normalizer(n: Poly): Poly;
}

/** The paper's model: the attention is divided by the prompt length N. */
export const PAPER_MODEL: ModelDefinition = { name: 'attention / N (spec §1)', normalizer: (n) => n };

/** A deliberately wrong model, dividing by N + 1 (for tests that a mismatch is reported). */
export const WRONG_NORMALIZER_MODEL: ModelDefinition = { name: 'attention / (N + 1) (wrong on purpose)', normalizer: (n) => n.add(constant(1)) };

/** LSA parameters as symbolic (d+1)×(d+1) matrices of polynomials. */
export interface SymbolicParams {
  wpv: Poly[][];
  wkq: Poly[][];
}

/** Every entry a symbol of `ring`: W^PV = (P_ij), W^KQ = (K_ij), 1-based names `P11`…, `K11`…. */
export function generalParams(ring: PolyRing, d: number, pv = 'P', kq = 'K'): SymbolicParams {
  const m = (p: string): Poly[][] => Array.from({ length: d + 1 }, (_, i) => Array.from({ length: d + 1 }, (_, j) => ring.sym(`${p}${i + 1}${j + 1}`)));
  return { wpv: m(pv), wkq: m(kq) };
}

/** The reduced parameters of Lemma 5.2: W^PV = [[0,0],[0,u]], W^KQ = [[U,0],[0,0]] with symbols `u`, `U11`… of `ring`. */
export function reducedParams(ring: PolyRing, d: number, u: Poly = ring.sym('u'), Uprefix = 'U'): SymbolicParams {
  const wpv = Array.from({ length: d + 1 }, () => Array.from({ length: d + 1 }, () => constant(0)));
  const wkq = Array.from({ length: d + 1 }, () => Array.from({ length: d + 1 }, () => constant(0)));
  wpv[d][d] = u;
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) wkq[i][j] = ring.sym(`${Uprefix}${i + 1}${j + 1}`);
  return { wpv, wkq };
}

/** The d×d symmetric covariance of symbols `${prefix}ij` (i ≤ j) of `ring`, full or diagonal. */
export function covarianceSymbols(ring: PolyRing, prefix: string, d: number, shape: 'full' | 'diagonal' = 'full'): Poly[][] {
  return Array.from({ length: d }, (_, i) =>
    Array.from({ length: d }, (_, j) => {
      if (shape === 'diagonal' && i !== j) return constant(0);
      const [a, b] = i <= j ? [i, j] : [j, i];
      return ring.sym(`${prefix}${a + 1}${b + 1}`);
    }),
  );
}

/** The d×d identity as polynomials. */
export function identityPolys(d: number): Poly[][] {
  return Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => constant(i === j ? 1 : 0)));
}

/** The prompt distribution: covariances of the covariates, the query and the task (polynomial entries). */
export interface SymbolicDistribution {
  d: number;
  promptCov: Poly[][];
  /** Default: promptCov. */
  queryCov?: Poly[][];
  /** Default: I. */
  taskCov?: Poly[][];
}

/** The independent Gaussian vectors of a prompt: x (one per example), xq, w. */
export function promptVectors(dist: SymbolicDistribution): GaussianVector[] {
  return [
    { name: 'x', cov: dist.promptCov, perExample: true },
    { name: 'xq', cov: dist.queryCov ?? dist.promptCov },
    { name: 'w', cov: dist.taskCov ?? identityPolys(dist.d) },
  ];
}

function dot(a: Poly[], b: Poly[]): Poly {
  return Poly.sum(a.map((x, i) => x.mul(b[i])));
}

function matvec(m: Poly[][], v: Poly[]): Poly[] {
  return m.map((row) => dot(row, v));
}

/** The label y_q = ⟨w, x_q⟩ of the query, in `ring`. */
export function queryLabel(ring: PolyRing, d: number): Poly {
  return dot(coords(ring, 'w', d), coords(ring, 'xq', d));
}

/** Options of {@link prediction}. */
export interface PredictionOptions {
  /** The attention normalizer (default: the paper's, divide by n). */
  model?: ModelDefinition;
  /** The prompt-length symbol (default the ring's `N`; `M` for test prompts). */
  length?: Poly;
}

/** ŷ from the definition, in `ring`, as a sum over the examples plus the query column's term, divided by the normalizer. */
export function prediction(ring: PolyRing, d: number, params: SymbolicParams, opts: PredictionOptions = {}): SumPoly {
  const model = opts.model ?? PAPER_MODEL;
  const n = opts.length ?? ring.sym('N');
  const w = coords(ring, 'w', d);
  const xa = coords(ring, 'x', d, 'a');
  const xq = coords(ring, 'xq', d);
  const za = [...xa, dot(w, xa)];
  const zq = [...xq, constant(0)];
  const r = params.wpv[d]; // e_{d+1}ᵀ W^PV
  const kzq = matvec(params.wkq, zq); // W^KQ z_q
  const body = dot(r, za).mul(dot(za, kzq));
  const queryTerm = dot(r, zq).mul(dot(zq, kzq));
  const inv = new RatFunc(constant(1), model.normalizer(n));
  return SumPoly.over('a', body, inv).add(SumPoly.plain(queryTerm, inv));
}

/** Options of {@link populationLoss}. */
export interface LossOptions extends PredictionOptions {
  /** Multiply E(ŷ − y_q)² by this (default ½, the training loss; 1 gives the test error). */
  half?: boolean;
  stats?: { classes: number; monomials: number };
}

/** ½ E(ŷ − ⟨w, x_q⟩)² (or E(·)² with half: false) as a rational function in `ring`, from the definition. */
export function populationLoss(ring: PolyRing, dist: SymbolicDistribution, params: SymbolicParams, opts: LossOptions = {}): RatFunc {
  const d = dist.d;
  const residual = prediction(ring, d, params, opts).add(SumPoly.plain(queryLabel(ring, d).neg()));
  const sq = residual.square();
  const e = expectation(sq, { vectors: promptVectors(dist), count: opts.length ?? ring.sym('N'), stats: opts.stats });
  return opts.half === false ? e : e.mul(rf(constant(1, 2)));
}
