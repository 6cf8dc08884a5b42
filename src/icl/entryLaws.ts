/**
 * Laws of the diagonal entries of a per-prompt random covariance Λ_τ = diag(λ_τ1, …, λ_τd) (Theorem 4.5,
 * spec C16–C17; Figure 1's c·diag(Exp(1))): the entries are i.i.d., positive almost surely, with finite
 * moments. Each law gives its exact raw moments E[λᵏ] (for the exact route) and draws from a seeded stream
 * (for Monte Carlo). `scale` multiplies the entry: c·Exp(1) is `{ kind: 'exp', scale: c }`.
 */
import type { Stream } from '../random/stream';

/** A positive entry law, times `scale` (default 1). */
export type EntryLaw =
  | { kind: 'exp'; scale?: number }
  | { kind: 'gamma'; shape: number; scale?: number }
  | { kind: 'uniform'; low: number; high: number; scale?: number }
  | { kind: 'lognormal'; mu: number; sigma: number; scale?: number }
  | { kind: 'two-point'; low: number; high: number; pLow: number; scale?: number };

/** Names of the entry laws, as written on the command line. */
export const ENTRY_LAWS = ['exp', 'gamma', 'uniform', 'lognormal', 'two-point'] as const;

/** Why a law is invalid (non-positive support, non-finite parameters), or null. */
export function entryLawProblem(law: EntryLaw): string | null {
  const c = law.scale ?? 1;
  if (!(c > 0) || !Number.isFinite(c)) return `scale must be a finite number > 0, got ${c}`;
  switch (law.kind) {
    case 'exp':
      return null;
    case 'gamma':
      return law.shape > 0 && Number.isFinite(law.shape) ? null : `gamma shape must be a finite number > 0, got ${law.shape}`;
    case 'uniform':
      return law.low >= 0 && law.high > law.low && Number.isFinite(law.high) ? null : `uniform needs 0 ≤ low < high < ∞, got [${law.low}, ${law.high}]`;
    case 'lognormal':
      return Number.isFinite(law.mu) && law.sigma >= 0 && Number.isFinite(law.sigma) ? null : `lognormal needs finite mu and sigma ≥ 0, got (${law.mu}, ${law.sigma})`;
    case 'two-point':
      return law.low > 0 && law.high > 0 && Number.isFinite(law.low) && Number.isFinite(law.high) && law.pLow >= 0 && law.pLow <= 1
        ? null
        : `two-point needs values > 0 and 0 ≤ pLow ≤ 1, got (${law.low}, ${law.high}, ${law.pLow})`;
  }
}

function check(law: EntryLaw): void {
  const p = entryLawProblem(law);
  if (p) throw new RangeError(`entry law ${law.kind}: ${p}`);
}

/** The raw moment E[λᵏ] of the law (k ≥ 0 an integer), exactly as the law defines it. */
export function entryMoment(law: EntryLaw, k: number): number {
  check(law);
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`moment order must be an integer ≥ 0, got ${k}`);
  const c = (law.scale ?? 1) ** k;
  switch (law.kind) {
    case 'exp': {
      let f = 1;
      for (let j = 2; j <= k; j++) f *= j;
      return c * f;
    }
    case 'gamma': {
      let f = 1;
      for (let j = 0; j < k; j++) f *= law.shape + j;
      return c * f;
    }
    case 'uniform':
      return (c * (law.high ** (k + 1) - law.low ** (k + 1))) / ((k + 1) * (law.high - law.low));
    case 'lognormal':
      return c * Math.exp(k * law.mu + (k * k * law.sigma * law.sigma) / 2);
    case 'two-point':
      return c * (law.pLow * law.low ** k + (1 - law.pLow) * law.high ** k);
  }
}

/** The law's density at λ (continuous laws), or null for the two-point law (use {@link entryAtoms}). */
export function entryDensity(law: EntryLaw, lambda: number): number | null {
  const c = law.scale ?? 1;
  const x = lambda / c;
  if (!(x > 0)) return law.kind === 'uniform' && x === 0 && law.low === 0 ? 1 / (c * (law.high - law.low)) : 0;
  switch (law.kind) {
    case 'exp':
      return Math.exp(-x) / c;
    case 'gamma':
      return Math.exp((law.shape - 1) * Math.log(x) - x - logGamma(law.shape)) / c;
    case 'uniform':
      return x >= law.low && x <= law.high ? 1 / (c * (law.high - law.low)) : 0;
    case 'lognormal':
      return law.sigma === 0 ? null : Math.exp(-((Math.log(x) - law.mu) ** 2) / (2 * law.sigma * law.sigma)) / (x * law.sigma * Math.sqrt(2 * Math.PI) * c);
    case 'two-point':
      return null;
  }
}

/** The atoms (value, probability) of a discrete law (two-point, or log-normal with σ = 0), or null. */
export function entryAtoms(law: EntryLaw): Array<[number, number]> | null {
  const c = law.scale ?? 1;
  if (law.kind === 'two-point') return [[c * law.low, law.pLow], [c * law.high, 1 - law.pLow]];
  if (law.kind === 'lognormal' && law.sigma === 0) return [[c * Math.exp(law.mu), 1]];
  return null;
}

/** The support [a, b] outside which the density vanishes (b may be ∞). */
export function entrySupport(law: EntryLaw): [number, number] {
  const c = law.scale ?? 1;
  return law.kind === 'uniform' ? [c * law.low, c * law.high] : [0, Infinity];
}

/** log Γ(x), x > 0 (Lanczos, g = 7, n = 9; relative error ~1e-15). */
export function logGamma(x: number): number {
  const g = 7;
  const p = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let a = p[0];
  const t = y + g + 0.5;
  for (let i = 1; i < 9; i++) a += p[i] / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Gamma(shape, 1) by Marsaglia and Tsang (ACM TOMS 26(3), 2000); shape < 1 boosted by U^(1/shape). */
export function drawGamma(shape: number, rng: Stream): number {
  if (shape < 1) return drawGamma(shape + 1, rng) * rng.uniformOpen() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number, v: number;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.uniformOpen();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** One draw of the entry. */
export function drawEntry(law: EntryLaw, rng: Stream): number {
  const c = law.scale ?? 1;
  switch (law.kind) {
    case 'exp':
      return c * rng.exponential();
    case 'gamma':
      return c * drawGamma(law.shape, rng);
    case 'uniform':
      return c * rng.uniformIn(law.low, law.high);
    case 'lognormal':
      return c * Math.exp(law.mu + law.sigma * rng.normal());
    case 'two-point':
      return c * (rng.uniform() < law.pLow ? law.low : law.high);
  }
}

/** The law times c (c > 0). */
export function scaleEntryLaw(law: EntryLaw, c: number): EntryLaw {
  if (!(c > 0) || !Number.isFinite(c)) throw new RangeError(`scale must be a finite number > 0, got ${c}`);
  return { ...law, scale: (law.scale ?? 1) * c };
}

/** A short name: `exp`, `gamma(2)`, `2·uniform(0.5,1.5)`. */
export function describeEntryLaw(law: EntryLaw): string {
  const c = law.scale ?? 1;
  const pre = c === 1 ? '' : `${c}·`;
  switch (law.kind) {
    case 'exp':
      return `${pre}Exp(1)`;
    case 'gamma':
      return `${pre}Gamma(${law.shape})`;
    case 'uniform':
      return `${pre}Uniform(${law.low},${law.high})`;
    case 'lognormal':
      return `${pre}LogNormal(${law.mu},${law.sigma})`;
    case 'two-point':
      return `${pre}TwoPoint(${law.low}@${law.pLow},${law.high})`;
  }
}

/**
 * Parse `exp`, `gamma:K`, `uniform:A,B`, `lognormal:MU,S`, `two-point:A,B,P` (P = probability of A).
 * Throws RangeError naming the rule.
 */
export function parseEntryLaw(text: string): EntryLaw {
  const [kind, rest = ''] = text.split(':');
  const nums = rest === '' ? [] : rest.split(',').map((s) => Number(s));
  if (nums.some((x) => !Number.isFinite(x))) throw new RangeError(`entry law '${text}': parameters must be finite numbers`);
  const need = (n: number): void => {
    if (nums.length !== n) throw new RangeError(`entry law '${text}': ${kind} takes ${n} parameter(s)`);
  };
  let law: EntryLaw;
  switch (kind) {
    case 'exp':
      need(0);
      law = { kind: 'exp' };
      break;
    case 'gamma':
      need(1);
      law = { kind: 'gamma', shape: nums[0] };
      break;
    case 'uniform':
      need(2);
      law = { kind: 'uniform', low: nums[0], high: nums[1] };
      break;
    case 'lognormal':
      need(2);
      law = { kind: 'lognormal', mu: nums[0], sigma: nums[1] };
      break;
    case 'two-point':
      need(3);
      law = { kind: 'two-point', low: nums[0], high: nums[1], pLow: nums[2] };
      break;
    default:
      throw new RangeError(`entry law '${text}': must be one of ${ENTRY_LAWS.join(', ')}`);
  }
  check(law);
  return law;
}
