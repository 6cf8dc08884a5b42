/**
 * The model's definition rebuilt as nerdamer strings, independently of `model.ts`: ŷ's summand for an
 * example slot, the query column's term, the coincidence classes of Σ_a Σ_b (a = b: N terms; a ≠ b:
 * N(N−1) terms) and the expectations by {@link nExpect}. Used to re-derive the population loss (P2, P3)
 * and the moment identities (P1) with a second engine.
 */
import { nExpand, nExpect, type NerdamerVector } from './nerdamerEngine';

/** Parameters as string matrices, (d+1)×(d+1). */
export interface NerdamerParams {
  wpv: string[][];
  wkq: string[][];
}

/** The reduced parameters: W^PV = [[0,0],[0,u]], W^KQ = [[U,0],[0,0]]. */
export function nReducedParams(d: number): NerdamerParams {
  const wpv = Array.from({ length: d + 1 }, () => Array<string>(d + 1).fill('0'));
  const wkq = Array.from({ length: d + 1 }, () => Array<string>(d + 1).fill('0'));
  wpv[d][d] = 'u';
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) wkq[i][j] = `U${i + 1}${j + 1}`;
  return { wpv, wkq };
}

/** Every entry a symbol P_ij, K_ij. */
export function nGeneralParams(d: number): NerdamerParams {
  const m = (p: string): string[][] => Array.from({ length: d + 1 }, (_, i) => Array.from({ length: d + 1 }, (_, j) => `${p}${i + 1}${j + 1}`));
  return { wpv: m('P'), wkq: m('K') };
}

const sumOf = (xs: string[]): string => {
  const nz = xs.filter((x) => x !== '0');
  return nz.length ? `(${nz.join('+')})` : '0';
};
const prod = (a: string, b: string): string => (a === '0' || b === '0' ? '0' : `${a}*${b}`);

/** Options of {@link nerdamerLoss}. */
export interface NerdamerLossOptions {
  /** Covariance of the covariates and the query (string matrix, symmetric). */
  lambda: string[][];
  /** The attention normalizer as a string in N (default 'N'). */
  normalizer?: string;
}

/** ½ E(ŷ − ⟨w, x_q⟩)² from the definition, as { num, den } strings (den = normalizer²). */
export function nerdamerLoss(d: number, params: NerdamerParams, opts: NerdamerLossOptions): { num: string; den: string } {
  const norm = opts.normalizer ?? 'N';
  const w = Array.from({ length: d }, (_, k) => `w${k + 1}`);
  const xq = Array.from({ length: d }, (_, k) => `xq${k + 1}`);
  const ex = (s: string): string[] => Array.from({ length: d }, (_, k) => `x${s}${k + 1}`);
  const zOf = (s: string): string[] => {
    const x = ex(s);
    return [...x, sumOf(x.map((xk, k) => `${w[k]}*${xk}`))];
  };
  const zq = [...xq, '0'];
  const kzq = params.wkq.map((row) => sumOf(row.map((kij, j) => prod(kij, zq[j]))));
  const r = params.wpv[d];
  const summand = (s: string): string => {
    const z = zOf(s);
    return prod(sumOf(r.map((ri, i) => prod(ri, z[i]))), sumOf(z.map((zi, i) => prod(zi, kzq[i]))));
  };
  const q = prod(sumOf(r.map((ri, i) => prod(ri, zq[i]))), sumOf(zq.map((zi, i) => prod(zi, kzq[i]))));
  const yq = sumOf(w.map((wk, k) => `${wk}*${xq[k]}`));
  const vec = (coords: string[], cov: string[][]): NerdamerVector => ({ coords, cov });
  const eye = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? '1' : '0')));
  const vectors = [vec(w, eye), vec(xq, opts.lambda), vec(ex('a'), opts.lambda), vec(ex('b'), opts.lambda)];
  const E = (f: string): string => (f === '0' ? '0' : nExpect(f, vectors));
  const ga = summand('a');
  const gb = summand('b');
  const eaa = E(`(${ga})^2`);
  const eab = E(prod(ga, gb));
  const eaq = E(prod(ga, q));
  const eqq = E(q === '0' ? '0' : `(${q})^2`);
  const eay = E(prod(ga, yq));
  const eqy = E(prod(q, yq));
  const eyy = E(`(${yq})^2`);
  // norm²·2L = [N E(a,a) + N(N−1) E(a,b) + 2N E(a,q) + E(q,q)] − 2 norm [N E(a,y) + E(q,y)] + norm² E(y,y)
  const num = nExpand(
    `(1/2)*(N*(${eaa})+N*(N-1)*(${eab})+2*N*(${eaq})+(${eqq})+(-2)*(${norm})*(N*(${eay})+(${eqy}))+(${norm})^2*(${eyy}))`,
  );
  return { num, den: `(${norm})^2` };
}
