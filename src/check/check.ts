/**
 * `check`: audit a formula a user typed for one of the paper's quantities against first-principles
 * ground truth on random seeded instances. Verified when every instance agrees within its tolerance;
 * falsified with the smallest disagreeing instance (by d, then N, then M).
 */
import { frobenius, sub, identity, type Mat } from '../linalg/matrix';
import { compileFormula, FormulaError } from './formula';
import { drawInstances, type Instance, type ShiftMode } from './instances';
import { BASE_VARIABLES, kappaOf, QUANTITIES, QUANTITY_SPECS, type Quantity } from './quantities';

/** Options of {@link check}; the same as `icl-audit check`'s flags. */
export interface CheckOptions {
  /** Which quantity the formula claims to give. */
  quantity: Quantity;
  /** A mathjs expression in the quantity's variables (see {@link checkVariables}). */
  formula: string;
  /** Root seed of the instances (default 1). */
  seed?: number;
  /** Number of random instances (default 40; the flow quantities cost more per instance). */
  runs?: number;
  /** Covariate shift: 'general' Λ′ (default) or 'scale' (Λ′ = c²Λ, so formulas may use `c`). */
  shift?: ShiftMode;
  /** Draw Σ_w (the test task's second moment) at random instead of I. */
  randomTask?: boolean;
}

/** One instance's comparison. */
export interface CheckCase {
  index: number;
  d: number;
  N: number;
  M: number;
  kappa: number;
  /** The formula's value. */
  formula: number | Mat;
  /** The ground truth (for 'pl-constant': the smallest PL ratio observed). */
  truth: number | Mat;
  /** Relative error (matrix: Frobenius; scalar: against max(|truth|, the size of the cancelling terms); lower bound: how far the formula exceeds the observed minimum, relative to it). */
  error: number;
  tolerance: number;
  ok: boolean;
  note?: string;
}

/** The result of {@link check}: the verdict, every case, and the smallest counterexample. */
export interface FormulaCheckReport {
  tool: 'icl-audit';
  command: 'check';
  quantity: Quantity;
  meaning: string;
  formula: string;
  route: string;
  seed: number;
  runs: number;
  verdict: 'verified' | 'falsified';
  /** Largest error/tolerance ratio over the cases (lower bounds: the largest looseness is in `loosest`). */
  worstRatio: number;
  /** For 'pl-constant': smallest and largest (observed minimum ratio)/μ over the cases. */
  looseness?: { min: number; max: number };
  cases: CheckCase[];
  /** The smallest failing instance with its inputs (Λ and the other matrices) and both values. */
  counterexample?: CheckCase & { inputs: Record<string, number | Mat>; replay: string };
  elapsedMs: number;
}

/** The variables a formula for `quantity` may use. */
export function checkVariables(quantity: Quantity, shift: ShiftMode = 'general'): string[] {
  const extra = QUANTITY_SPECS[quantity].extraVariables.filter((v) => v !== 'c' || shift === 'scale');
  return [...BASE_VARIABLES, ...extra];
}

function scopeOf(inst: Instance, variables: readonly string[]): Record<string, number | Mat> {
  const all: Record<string, number | Mat> = {
    Lambda: inst.Lambda,
    N: inst.N,
    M: inst.M,
    d: inst.d,
    I: identity(inst.d),
    sigma: inst.sigma,
    Theta: inst.Theta,
    LambdaTest: inst.LambdaTest,
    SigmaW: inst.SigmaW,
    c: inst.c,
  };
  return Object.fromEntries(variables.map((v) => [v, all[v]]));
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * Check a formula for one of the paper's quantities against first-principles ground truth.
 *
 * ```ts
 * import { check } from 'icl-audit';
 * const r = await check({ quantity: 'minimizer', formula: 'inv((1+1/N)*Lambda + trace(Lambda)/N*I)' });
 * r.verdict; // 'verified'
 * ```
 *
 * @throws FormulaError (a RangeError) when the formula does not parse, uses an unknown symbol, or
 *   gives a value of the wrong shape; RangeError for a bad option.
 */
export async function check(options: CheckOptions): Promise<FormulaCheckReport> {
  const { quantity, formula } = options;
  if (!(QUANTITIES as readonly string[]).includes(quantity)) throw new RangeError(`quantity must be one of ${QUANTITIES.join(', ')}, got '${quantity}'`);
  const seed = options.seed ?? 1;
  const runs = options.runs ?? 40;
  const shift = options.shift ?? 'general';
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!Number.isInteger(runs) || runs < 1 || runs > 10_000) throw new RangeError(`runs must be an integer from 1 to 10000, got ${runs}`);
  if (shift !== 'general' && shift !== 'scale') throw new RangeError(`shift must be general or scale, got '${shift}'`);
  const spec = QUANTITY_SPECS[quantity];
  const variables = checkVariables(quantity, shift);
  const compiled = await compileFormula(formula, variables);
  const t0 = performance.now();
  const instances = drawInstances({ seed, count: runs, shift, randomTask: options.randomTask }, kappaOf);
  const cases: CheckCase[] = [];
  for (const inst of instances) {
    let value: number | Mat;
    try {
      value = compiled.evaluate(scopeOf(inst, variables));
    } catch (e) {
      if (e instanceof FormulaError) throw e;
      throw new FormulaError(`--formula cannot be evaluated at d = ${inst.d}, N = ${inst.N}, M = ${inst.M}: ${(e as Error).message}`);
    }
    const truth = spec.truth(inst);
    const tolerance = spec.tolerance(inst) + (truth.routeError ?? 0);
    let error: number;
    if (spec.kind === 'matrix') {
      if (!Array.isArray(value) || value.length !== inst.d || value.some((r) => r.length !== inst.d))
        throw new FormulaError(`--formula must give a d×d matrix for --quantity ${quantity}; at d = ${inst.d} it gives ${Array.isArray(value) ? `${value.length}×${value[0]?.length}` : 'a number'}`);
      error = frobenius(sub(value, truth.value as Mat)) / Math.max(frobenius(truth.value as Mat), 1e-300);
    } else {
      if (typeof value !== 'number') throw new FormulaError(`--formula must give a number for --quantity ${quantity}; at d = ${inst.d} it gives a ${value.length}×${value[0]?.length} matrix`);
      const t = truth.value as number;
      if (spec.kind === 'scalar') error = Math.abs(value - t) / Math.max(Math.abs(t), truth.scale ?? 0, 1e-300);
      else error = value > 0 ? Math.max(0, value - t) / t : Infinity; // a lower bound μ must be > 0 and ≤ the observed minimum
    }
    if (Number.isNaN(error)) error = Infinity;
    cases.push({ index: inst.index, d: inst.d, N: inst.N, M: inst.M, kappa: inst.kappa, formula: value, truth: truth.value, error, tolerance, ok: error <= tolerance, note: truth.note });
  }
  const failing = cases.filter((c) => !c.ok).sort((a, b) => a.d - b.d || a.N - b.N || a.M - b.M || a.index - b.index);
  const verdict = failing.length ? 'falsified' : 'verified';
  const report: FormulaCheckReport = {
    tool: 'icl-audit',
    command: 'check',
    quantity,
    meaning: spec.meaning,
    formula,
    route: spec.route,
    seed,
    runs,
    verdict,
    worstRatio: Math.max(...cases.map((c) => c.error / c.tolerance)),
    cases,
    elapsedMs: Math.round(performance.now() - t0),
  };
  if (spec.kind === 'lower-bound') {
    const loose = cases.filter((c) => (c.formula as number) > 0).map((c) => (c.truth as number) / (c.formula as number));
    if (loose.length) report.looseness = { min: Math.min(...loose), max: Math.max(...loose) };
  }
  if (failing.length) {
    const c = failing[0];
    const inst = instances[c.index];
    const flags = [`--quantity ${quantity}`, `--formula ${shellQuote(formula)}`, `--seed ${seed}`, `--runs ${c.index + 1}`];
    if (shift !== 'general') flags.push(`--shift ${shift}`);
    if (options.randomTask) flags.push('--random-task');
    report.counterexample = { ...c, inputs: scopeOf(inst, [...variables].filter((v) => v !== 'I')), replay: `icl-audit check ${flags.join(' ')}` };
  }
  return report;
}
