/**
 * vitest configuration for mutation testing (npm run mutate): the same as vitest.config.ts, but the test
 * files are scoped per mutated folder through MUTATE_TESTS (comma-separated globs), so each mutant runs
 * only the fast tests that cover its folder. MUTATE_ISOLATE=0 (set by scripts/mutate.ts for the folders in
 * its SHARED_MODULES) runs the test files without module isolation: the source modules are imported once
 * per Stryker run instead of once per test file and mutant (src/symbolic: ~0.6 s instead of ~10 s per
 * mutant on a loaded 2-core machine). Safe only for folders whose modules hold no mutable module-level
 * state (a cache filled while one mutant is active would leak into the next mutant's run).
 */
import { defineConfig } from 'vitest/config';

const include = (process.env.MUTATE_TESTS ?? 'test/**/*.test.ts').split(',').map((s) => s.trim()).filter(Boolean);

export default defineConfig({
  test: {
    include,
    setupFiles: ['test/setup/fcSeed.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    isolate: process.env.MUTATE_ISOLATE !== '0',
  },
});
