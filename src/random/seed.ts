/**
 * One default seed and one derivation of sub-seeds. Every seed in icl-audit is either a root seed (what
 * `--seed` takes; {@link DEFAULT_SEED} when none is given) or derived from one by {@link deriveSeed}: the
 * claims' seeds from the root and the claim id, the parts' from the claim's and the part id, and the
 * streams' generator seeds from their seed and path (`new Stream(s, path)` starts from
 * `deriveSeed(s, ...path)`). No other hashing or XOR mixing of seeds.
 */

/** The root seed when none is given: the CLI (unless $ICL_AUDIT_SEED is set), the derivations in
 * `proofs/`, and the Monte Carlo estimators all default to it. */
export const DEFAULT_SEED = 1;

/** 32-bit FNV-1a of `name`, started from the offset basis mixed with `seed`, then murmur3's fmix32
 * avalanche (deterministic, platform independent; an int32). */
export function hashSeed(seed: number, name: string): number {
  let h = (0x811c9dc5 ^ (seed | 0)) >>> 0;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h | 0;
}

/** The seed for the purpose named by `names` under `root` (an int32): `hashSeed` folded over the names,
 * the same derivation as a {@link Stream}'s path, so `new Stream(deriveSeed(r, 'a'), ['b'])` and
 * `new Stream(r, ['a', 'b'])` draw the same numbers. */
export function deriveSeed(root: number, ...names: string[]): number {
  if (!Number.isInteger(root)) throw new RangeError(`seed must be an integer, got ${root}`);
  let s = root | 0;
  for (const n of names) s = hashSeed(s, n);
  return s;
}
