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

/** Check every part and combine them (falsified if any part is). */
export function checkParts(parts: PropertyPart[], ctx: CheckContext, claimId: string): CheckResult {
  const results: Array<{ name: string; result: CheckResult }> = [];
  for (const p of parts) {
    const c = { ...ctx, seed: partSeed(ctx.seed, p.seedName) };
    try {
      results.push({ name: p.name, result: checkProperty(p.property as ClaimProperty<unknown>, c, { claimId }) });
    } catch (e) {
      if (ctx.path && /replay/i.test((e as Error).message)) continue; // the path is another part's
      throw e;
    }
  }
  if (results.length === 0) throw new Error(`no part of ${claimId} can replay path ${ctx.path}`);
  return combineParts(results);
}
