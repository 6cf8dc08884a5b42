/**
 * Claims checked in several parts, each a property with its own derived seed. A replay path (from a
 * counterexample) belongs to one part only: under `--replay`, parts whose property cannot replay that
 * path are left out instead of failing the whole claim.
 */
import { combineParts } from '../contract/parts';
import { checkProperty, type ClaimProperty } from '../contract/propertyCheck';
import type { CheckContext, CheckResult } from '../contract/types';

/** A named part: its property, and the name its seed is derived from (the first part uses the claim's seed). */
export interface PropertyPart {
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- parts hold properties of different case types
  property: ClaimProperty<any>;
  seedName?: string;
}

/** The seed of a part: the claim's seed mixed with the FNV-1a hash of the part's seed name. */
export function partSeed(seed: number, name: string | undefined): number {
  if (!name) return seed;
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return (seed ^ h) | 0;
}

/**
 * Check every part and combine them (falsified if any part is). A counterexample's replay path gets the
 * index of its part as a leading segment (`k:path`), so `--replay` runs that part alone on that path.
 */
export function checkParts(parts: PropertyPart[], ctx: CheckContext, claimId: string): CheckResult {
  let only: number | null = null;
  let path = ctx.path;
  if (path !== undefined) {
    const [head, ...rest] = path.split(':');
    only = Number(head);
    if (!Number.isInteger(only) || only < 0 || only >= parts.length || rest.length === 0)
      throw new Error(`the replay path of ${claimId} must start with a part index 0..${parts.length - 1} (e.g. 1:${path}), got ${path}`);
    path = rest.join(':');
  }
  const results: Array<{ name: string; result: CheckResult }> = [];
  parts.forEach((p, k) => {
    if (only !== null && k !== only) return;
    const c = { ...ctx, path, seed: partSeed(ctx.seed, p.seedName) };
    const result = checkProperty(p.property as ClaimProperty<unknown>, c, { claimId });
    const ce = result.counterexample;
    if (ce) {
      const tagged = `${k}:${ce.path}`;
      const replay = ce.replay.replace(`--replay '${ce.path}'`, `--replay '${tagged}'`);
      result.notes = result.notes?.map((n) => n.replace(ce.replay, replay));
      result.counterexample = { ...ce, path: tagged, replay };
    }
    results.push({ name: p.name, result });
  });
  return combineParts(results);
}
