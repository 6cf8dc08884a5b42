/**
 * Sharding an audit across machines: shard i of n takes every n-th claim (round robin over the selected
 * claims in registry order). Each claim's seed is derived from the root seed and its id alone
 * ({@link claimSeed}), so a claim's result does not depend on which shard runs it.
 */

/** A shard: part `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** The items of shard `shard` (round robin, order kept). */
export function shardOf<T>(items: readonly T[], shard: Shard): T[] {
  if (!Number.isInteger(shard.count) || shard.count < 1 || !Number.isInteger(shard.index) || shard.index < 1 || shard.index > shard.count)
    throw new RangeError(`shard must be i/n with 1 ≤ i ≤ n, got ${shard.index}/${shard.count}`);
  return items.filter((_, k) => k % shard.count === shard.index - 1);
}
