/**
 * Validation of command-line values at the boundary: every failure is a UsageError whose message names
 * the argument and the rule it broke.
 */
import { COVARIANCE_FAMILIES, isCovarianceFamily, type CovarianceFamily } from '../random/covariance';
import { DEFAULT_SEED } from '../random/seed';
import { assertValid, covarianceSchema, integerSchema, numberSchema, readJsonFile, type CovarianceRules } from '../validate';
import { UsageError } from './errors';

/** An integer argument within [min, max]. */
export function intArg(name: string, raw: string | number | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (raw === undefined) throw new UsageError(`${name} is required (an integer from ${min} to ${max})`, name, 'is required');
  return assertValid(integerSchema(min, max), raw, name);
}

/** A finite number argument in (min, max] or [min, max] depending on `openMin`. */
export function numberArg(name: string, raw: string | number | undefined, opts: { min?: number; max?: number; openMin?: boolean } = {}): number {
  const schema = numberSchema(opts);
  if (raw === undefined) throw new UsageError(`${name} is required (${schema.description?.replace(/^must be /, '')})`, name, 'is required');
  return assertValid(schema, raw, name);
}

/** A comma-separated list of ids, each in `known` (case-insensitive); duplicates dropped, order kept. */
export function idListArg(name: string, raw: string | undefined, known: readonly string[]): string[] | undefined {
  if (raw === undefined) return undefined;
  const ids = raw.split(',').map((s) => s.trim().toUpperCase()).filter((s) => s.length > 0);
  if (ids.length === 0) throw new UsageError(`${name} must list at least one id (known: ${known.join(', ')})`);
  const upper = new Map(known.map((k) => [k.toUpperCase(), k]));
  const out: string[] = [];
  for (const id of ids) {
    const k = upper.get(id);
    if (!k) throw new UsageError(`${name}: unknown id '${id}' (known: ${known.join(', ')})`);
    if (!out.includes(k)) out.push(k);
  }
  return out;
}

/** A covariance family name. */
export function familyArg(name: string, raw: string | undefined): CovarianceFamily {
  if (raw === undefined || !isCovarianceFamily(raw)) throw new UsageError(`${name} must be one of ${COVARIANCE_FAMILIES.join(', ')}, got '${raw}'`);
  return raw;
}

/**
 * A d×d covariance read from a JSON file (an array of rows, or an object with "lambda"): finite, square,
 * of size d, symmetric, positive definite, within float64's range and `rules` (conditioning, eigenvalue range).
 */
export function covarianceFileArg(name: string, path: string, d: number, rules: CovarianceRules = {}): number[][] {
  const data = readJsonFile(name, path);
  const m = data && typeof data === 'object' && !Array.isArray(data) && 'lambda' in data ? (data as { lambda: unknown }).lambda : data;
  if (!Array.isArray(m)) throw new UsageError(`${name}: '${path}' must hold a matrix as an array of rows (or an object with "lambda")`, name, 'must hold a matrix');
  return assertValid(covarianceSchema({ ...rules, d }), m, `${name} ('${path}')`);
}

/** The default root seed of every command: $ICL_AUDIT_SEED when set (CI fixes it), else DEFAULT_SEED (1). */
export function defaultSeed(): string {
  return process.env.ICL_AUDIT_SEED ?? String(DEFAULT_SEED);
}

/** The --seed argument, or the default seed. */
export function seedArg(raw: string | undefined): number {
  return intArg('--seed', raw ?? defaultSeed(), -(2 ** 31), 2 ** 31 - 1);
}
