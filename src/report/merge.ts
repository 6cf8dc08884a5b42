/**
 * Joining the partial reports of a sharded `verify` (`verify --shard i/n`) into the report the unsharded
 * run gives: the same claims in the same order, the same summary; times are summed. The parts must come
 * from the same version, seed, runs and claim selection, and cover every shard exactly once.
 */
import type { ClaimReport } from '../claims/run';
import { UsageError } from '../validate/errors';
import { verifyReport, type VerifyReport } from './verifyReport';

/** What a partial report carries about its shard. */
export interface ShardInfo {
  index: number;
  count: number;
  /** Every claim id of the whole (unsharded) selection, in order. */
  of: string[];
}

/** A partial report: a verify report of one shard. */
export type PartialVerifyReport = VerifyReport & { shard: ShardInfo };

/** Merge the partial reports (`names[k]` names report k in messages). */
export function mergeVerifyReports(parts: PartialVerifyReport[], names: string[] = parts.map((_, k) => `report ${k + 1}`)): VerifyReport {
  if (parts.length === 0) throw new UsageError('merge needs at least one partial report', 'reports', 'at least one');
  const first = parts[0];
  const count = first.shard.count;
  const seen = new Map<number, string>();
  parts.forEach((p, k) => {
    const name = names[k];
    for (const key of ['version', 'seed', 'runs'] as const)
      if (p[key] !== first[key]) throw new UsageError(`${name}: its ${key} is ${p[key]}, but ${names[0]}'s is ${first[key]} (shards of one run must agree)`, name, `same ${key}`);
    if (p.shard.count !== count) throw new UsageError(`${name}: it is a shard of ${p.shard.count}, but ${names[0]} is a shard of ${count}`, name, 'same shard count');
    if (p.shard.of.join(',') !== first.shard.of.join(','))
      throw new UsageError(`${name}: its claim selection (${p.shard.of.join(',')}) differs from ${names[0]}'s (${first.shard.of.join(',')})`, name, 'same claims');
    const prev = seen.get(p.shard.index);
    if (prev !== undefined) throw new UsageError(`${name}: shard ${p.shard.index}/${count} is given twice (also ${prev})`, name, 'each shard once');
    seen.set(p.shard.index, name);
  });
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length) throw new UsageError(`reports: shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} missing`, 'reports', 'every shard once');
  const byId = new Map<string, ClaimReport>();
  for (const p of parts) for (const c of p.claims) byId.set(c.id, c);
  const claims = first.shard.of.map((id) => {
    const c = byId.get(id);
    if (!c) throw new UsageError(`reports: claim ${id} is in no shard's results`, 'reports', 'every claim once');
    return c;
  });
  if (byId.size !== claims.length) throw new UsageError(`reports: they hold claims outside their selection`, 'reports', 'every claim once');
  return verifyReport(first.version, first.seed, first.runs, claims, parts.reduce((s, p) => s + (p.elapsedMs ?? 0), 0));
}
