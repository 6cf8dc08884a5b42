/**
 * Validation of command-line values at the boundary: every failure is a UsageError whose message names
 * the argument and the rule it broke.
 */
import { readFileSync } from 'node:fs';
import { spdProblem, type Mat } from '../linalg/matrix';
import { COVARIANCE_FAMILIES, isCovarianceFamily, type CovarianceFamily } from '../random/covariance';
import { DEFAULT_SEED } from '../random/seed';
import { UsageError } from './errors';

/** An integer argument within [min, max]. */
export function intArg(name: string, raw: string | number | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (raw === undefined) throw new UsageError(`${name} is required (an integer from ${min} to ${max})`);
  const s = String(raw).trim();
  if (!/^[+-]?\d+$/.test(s)) throw new UsageError(`${name} must be an integer from ${min} to ${max}, got '${raw}'`);
  const v = Number(s);
  if (!Number.isSafeInteger(v) || v < min || v > max) throw new UsageError(`${name} must be an integer from ${min} to ${max}, got ${s}`);
  return v;
}

/** A finite number argument in (min, max] or [min, max] depending on `openMin`. */
export function numberArg(name: string, raw: string | number | undefined, opts: { min?: number; max?: number; openMin?: boolean } = {}): number {
  const { min = -Infinity, max = Infinity, openMin = false } = opts;
  const rule = `a finite number ${openMin ? '>' : '≥'} ${min}${max < Infinity ? ` and ≤ ${max}` : ''}`;
  if (raw === undefined) throw new UsageError(`${name} is required (${rule})`);
  const s = String(raw).trim();
  const v = s === '' ? NaN : Number(s);
  if (!Number.isFinite(v) || (openMin ? v <= min : v < min) || v > max) throw new UsageError(`${name} must be ${rule}, got '${raw}'`);
  return v;
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

/** A d×d symmetric positive definite matrix read from a JSON file (an array of rows). */
export function covarianceFileArg(name: string, path: string, d: number): Mat {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`${name}: cannot read '${path}' (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${name}: '${path}' is not valid JSON (${(e as Error).message.split('\n')[0]})`);
  }
  const m = (data && typeof data === 'object' && !Array.isArray(data) && 'lambda' in data ? (data as { lambda: unknown }).lambda : data) as unknown;
  if (!Array.isArray(m) || !m.every((row) => Array.isArray(row) && row.every((v) => typeof v === 'number' && Number.isFinite(v))))
    throw new UsageError(`${name}: '${path}' must hold a matrix as an array of rows of finite numbers`);
  const rows = m as number[][];
  if (!rows.every((row) => row.length === rows.length)) throw new UsageError(`${name}: the matrix in '${path}' must be square`);
  if (rows.length !== d) throw new UsageError(`${name}: the matrix in '${path}' is ${rows.length}×${rows.length}, but --d is ${d}`);
  const problem = spdProblem(rows);
  if (problem) throw new UsageError(`${name}: the matrix in '${path}' ${problem}`);
  return rows;
}

/** The default root seed of every command: $ICL_AUDIT_SEED when set (CI fixes it), else DEFAULT_SEED (1). */
export function defaultSeed(): string {
  return process.env.ICL_AUDIT_SEED ?? String(DEFAULT_SEED);
}

/** The --seed argument, or the default seed. */
export function seedArg(raw: string | undefined): number {
  return intArg('--seed', raw ?? defaultSeed(), -(2 ** 31), 2 ** 31 - 1);
}
