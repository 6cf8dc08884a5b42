/**
 * vitest setup (vitest.config.ts, vitest.mutate.config.ts): each test's fast-check properties that give no
 * seed of their own run with a seed derived from the test's file and name (FNV-1a, 32 bits), so every run of
 * `npm test` draws the same cases and a failure replays as it is. FC_RANDOM=1 lets fast-check draw fresh
 * seeds instead (its failure report names the seed and path then).
 */
import fc from 'fast-check';
import { beforeEach } from 'vitest';

/** FNV-1a (32 bits) of a string. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

beforeEach((ctx) => {
  if (process.env.FC_RANDOM === '1') return;
  fc.configureGlobal({ seed: fnv1a(`${ctx.task.file?.name ?? ''}::${ctx.task.name}`) });
});
