/**
 * `fcTest.prop(arbitraries, params)(name, predicate)`: a fast-check property as one vitest test, the same
 * call shape as @fast-check/vitest's `test.prop`, on plain fast-check. @fast-check/vitest takes about 4 s to
 * import in a fresh worker, and under Stryker every mutant's run is a fresh worker (see SHARED_MODULES in
 * scripts/mutate.ts), so the symbolic tests use this instead. A failure throws fast-check's report, which
 * names the seed and path that replay it; the seed, unless `params` give one, is the per-test one that
 * test/setup/fcSeed.ts sets.
 */
import fc from 'fast-check';
import { it } from 'vitest';

export { fc };

type Arbs<Ts extends unknown[]> = { [K in keyof Ts]: fc.Arbitrary<Ts[K]> };

export const fcTest = {
  prop<Ts extends [unknown, ...unknown[]]>(arbitraries: Arbs<Ts>, params?: fc.Parameters<Ts>) {
    return (name: string, predicate: (...args: Ts) => boolean | void): void => {
      it(name, () => {
        const property = fc.property(...(arbitraries as unknown as [fc.Arbitrary<unknown>]), ((...args: unknown[]) => predicate(...(args as Ts))) as (a: unknown) => boolean | void);
        fc.assert(property as unknown as fc.IPropertyWithHooks<Ts>, params);
      });
    };
  },
};
