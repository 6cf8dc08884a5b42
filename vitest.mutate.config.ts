/**
 * vitest configuration for mutation testing (npm run mutate): the same as vitest.config.ts, but the test
 * files are scoped per mutated folder through MUTATE_TESTS (comma-separated globs), so each mutant runs
 * only the fast tests that cover its folder.
 */
import { defineConfig } from 'vitest/config';

const include = (process.env.MUTATE_TESTS ?? 'test/**/*.test.ts').split(',').map((s) => s.trim()).filter(Boolean);

export default defineConfig({
  test: {
    include,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
