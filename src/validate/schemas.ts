/**
 * zod schemas of the values icl-audit takes from outside (flags, files, library arguments), and
 * `assertValid`, which parses a value with one and turns a failure into a one-line UsageError naming the
 * argument and the rule. A schema's `.describe()` text is its rule ("must be an integer from 1 to 64");
 * a refinement's own message is used when it says more (a covariance's "must be symmetric (entry …)").
 */
import { z } from 'zod';
import { covarianceProblem, type CovarianceRules } from './covariance';
import { UsageError } from './errors';

/** A plain-text rendering of a rejected value for the message (short). */
export function show(v: unknown): string {
  let s: string;
  if (typeof v === 'string') s = `'${v}'`;
  else if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' || v === null || v === undefined) s = String(v);
  else {
    try {
      s = JSON.stringify(v) ?? String(v);
    } catch {
      s = Object.prototype.toString.call(v);
    }
  }
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/** Decimal notation only (no hex, no 'Infinity'): '2', '-0.5', '.5', '1e-3'. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const numericString = (v: unknown): unknown => {
  if (typeof v !== 'string') return v;
  const t = v.trim();
  return DECIMAL.test(t) ? Number(t) : v;
};

/** An integer in [min, max], given as a number or as a decimal string (no exponent, no fraction). */
export function integerSchema(min: number, max = Number.MAX_SAFE_INTEGER) {
  return z
    .preprocess((v) => (typeof v === 'string' && /^\s*[+-]?\d+\s*$/.test(v) ? Number(v) : v), z.number().int().min(min).max(max))
    .describe(`must be an integer from ${min} to ${max}`);
}

/** A finite number in [min, max] (or (min, max] with `openMin`), given as a number or a string. */
export function numberSchema(opts: { min?: number; max?: number; openMin?: boolean } = {}) {
  const { min = -Infinity, max = Infinity, openMin = false } = opts;
  let n = z.number();
  if (min > -Infinity) n = openMin ? n.gt(min) : n.gte(min);
  if (max < Infinity) n = n.lte(max);
  const rule = `must be a finite number ${openMin ? '>' : '≥'} ${min}${max < Infinity ? ` and ≤ ${max}` : ''}`;
  return z.preprocess(numericString, n).describe(rule);
}

/** A root seed: an integer that fits in int32. */
export const seedSchema = integerSchema(-(2 ** 31), 2 ** 31 - 1);

/** A shard "i/n": this is part i of n (1 ≤ i ≤ n ≤ 1000). */
export const shardSchema = z
  .string()
  .trim()
  .regex(/^\d+\/\d+$/)
  .transform((s) => {
    const [index, count] = s.split('/').map(Number);
    return { index, count };
  })
  .refine((s) => s.count >= 1 && s.count <= 1000 && s.index >= 1 && s.index <= s.count)
  .describe('must be i/n with 1 ≤ i ≤ n ≤ 1000 (e.g. 2/3)');

/** A matrix as an array of rows of finite numbers (any shape). */
export const matrixSchema = z.array(z.array(z.number()).min(1)).min(1).describe('must be a matrix: a non-empty array of non-empty rows of finite numbers');

/** A covariance icl-audit can compute with (see {@link covarianceProblem}); the rules fix size, conditioning and range. */
export function covarianceSchema(rules: CovarianceRules = {}) {
  return z
    .unknown()
    .superRefine((v, ctx) => {
      const p = covarianceProblem(v, rules);
      if (p) ctx.addIssue({ code: 'custom', message: p });
    })
    .transform((v) => v as number[][])
    .describe('must be a symmetric positive definite matrix of finite numbers');
}

/** Parse `value` with `schema`; on failure throw a UsageError "`argument` rule, got value". */
export function assertValid<S extends z.ZodType>(schema: S, value: unknown, argument: string): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const custom = issue?.code === 'custom' && issue.message && !/^Invalid input/.test(issue.message);
  const rule = custom ? issue.message : (schema.description ?? issue?.message ?? 'is invalid');
  const where = !custom && issue?.path?.length ? ` (at [${issue.path.join('][')}])` : '';
  const message = custom ? `${argument} ${rule}` : `${argument} ${rule}${where}, got ${show(value)}`;
  throw new UsageError(message, argument, rule);
}
