/**
 * `npm run mutate [-- theory moments …]`: Stryker (9, vitest runner) over each folder of the checking
 * core, one folder at a time, each with only the tests that cover it (MUTATE_TESTS, see
 * vitest.mutate.config.ts) and its own incremental file (mutation/<folder>.incremental.json, committed, so a
 * re-run tests only mutants whose code or tests changed). Writes mutation/<folder>.json (Stryker's
 * report) and prints the score per folder. Slow: run it outside CI's test command, with `nice`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

/** Folders mutated, and the test files that cover each. */
export const FOLDERS: Record<string, string[]> = {
  theory: ['test/theory/**/*.test.ts'],
  moments: ['test/moments/**/*.test.ts', 'test/theory/**/*.test.ts'],
  lsa: ['test/lsa/**/*.test.ts'],
  // the fast mutation set (small d, short horizons, closed forms) plus the order tests; flow.test.ts's long
  // stiff runs would cost seconds per mutant; bdf.test.ts and rodas5p.test.ts (2 s together) cover the BDF and Rodas5P files
  dynamics: ['test/dynamics/mutation/**/*.test.ts', 'test/dynamics/dopri5.test.ts', 'test/dynamics/rosenbrock.test.ts', 'test/dynamics/bdf.test.ts', 'test/dynamics/rodas5p.test.ts'],
  symbolic: ['test/symbolic/**/*.test.ts'],
  // Instrumented for mutation, the Monte Carlo loops run many times slower: the large-sample statistical
  // checks (gamma.test.ts, fourthMoment.test.ts, lsaError.test.ts, 10⁵–10⁶ draws each) stay in npm test, and
  // the mutants meet the deterministic per-sample identities and the small Bonferroni-corrected law checks.
  montecarlo: [
    'test/montecarlo/normal.test.ts',
    'test/montecarlo/normalTable.test.ts',
    'test/montecarlo/moments.test.ts',
    'test/montecarlo/estimateExact.test.ts',
    'test/montecarlo/stoppingBoundary.test.ts',
    'test/montecarlo/edgeCases.test.ts',
    'test/montecarlo/gammaExact.test.ts',
    'test/montecarlo/wishart.test.ts',
    'test/montecarlo/fourthMomentExact.test.ts',
    'test/montecarlo/helpers.test.ts',
    'test/montecarlo/shiftedError.test.ts',
    'test/montecarlo/lsaLiteral.test.ts',
    'test/montecarlo/directDraws.test.ts',
    'test/montecarlo/lsaExact.test.ts',
    'test/montecarlo/lsaLaw.test.ts',
    'test/montecarlo/helperJob.test.ts',
    'test/montecarlo/parallel.test.ts',
    'test/montecarlo/helperThreads.test.ts',
    'test/montecarlo/lsaSamplerEdges.test.ts',
    'test/montecarlo/lsaInputs.test.ts',
    'test/montecarlo/helpersReady.test.ts',
  ],
  // the fast claim tests only (stubbed properties, toy claims, small explorations; each mutant re-runs those
  // that cover it): falsification.test.ts (38 s, end to end through the real properties) and c18.test.ts
  // (the TF.js checkpoint) stay in `npm test`
  claims: [
    'test/claims/wiring.test.ts',
    'test/claims/runShard.test.ts',
    'test/claims/symbolicPart.test.ts',
    'test/claims/explore.test.ts',
    'test/claims/exploreC08.test.ts',
    'test/claims/exploreC10Tails.test.ts',
    'test/claims/c18Verdict.test.ts',
    'test/claims/c18Claim.test.ts',
    'test/validate/library.test.ts',
  ],
};

/**
 * Mutators left out per folder (none at present; each would be stated with the score in mutation/SURVIVORS.md).
 * src/claims used to leave out every StringLiteral; it now leaves out only prose, by the `prose` ignorer
 * (FOLDER_OPTIONS.claims).
 */
export const EXCLUDED_MUTATORS: Record<string, string[]> = {};

/**
 * Folders whose tests run without module isolation under Stryker (MUTATE_ISOLATE=0, see
 * vitest.mutate.config.ts). Why this cannot carry one mutant's effects into another mutant's result:
 * - Stryker's vitest runner (pool `threads`, one worker) starts every run, the dry run and each mutant's,
 *   in a fresh worker thread: the source modules and globalThis are new per run, and are shared only
 *   between the test files of that one run. Checked 2026-12-01 with the runner's own settings
 *   (createVitest + ctx.start three times over two test files): a module-level counter and a counter on
 *   globalThis went 1, 2 within each run and restarted at 1 in the next run.
 * - So module-level state can pass only from one test file to the next within one mutant's run, under that
 *   same mutant: a later file failing because the mutant left a module's state wrong is a true detection of
 *   that mutant (the mutated program misbehaves), never a false one for another.
 * - Within a run the unmutated code reads no state that an earlier test could make stale. src/symbolic's
 *   module-level mutable state, all of it (grep `^(export )?(let|const)` in src/symbolic): poly.ts
 *   `pendingIds`/`pendingCs`, written by `make()` and read by the `new Poly(INTERNAL, ring)` on the next line,
 *   whose INTERNAL branch calls nothing in between (synchronous, not re-entrant), so always written just
 *   before each read; poly.ts `CONSTANTS`, the constants' monomial table, whose `byId`/`byHash` are never
 *   extended (constants intern nothing) and whose accumulator starts every sum with `begin()` (a new
 *   generation, count 0); the lazy caches of the shared `ZERO_POLY`/`ONE_POLY` (term views) and of
 *   `ONE_MONO` (its key), which hold values fixed by those constants whatever test fills them first;
 *   coef.ts `coefStats.fallbacks`, a counter that tests read as differences. Every interning table of
 *   variables and monomials lives in a PolyRing that the tests create.
 * - Collection-time code of the second and later test files of a run (describe bodies) runs with the mutant
 *   already active (Stryker activates it in the first file's beforeAll and globalThis is shared); this only
 *   lets that code meet the mutant too, as Stryker's static activation does.
 */
export const SHARED_MODULES = new Set(['symbolic']);

/**
 * Stryker options per folder over stryker.config.json (src/claims: see below). src/montecarlo: a mutant that stops the helper threads'
 * progress or loops a sampler forever would hold each run for the base 60 s; its tests take a few seconds,
 * so 15 s over Stryker's 1.5 × their measured time still separates a hang from a slow but finishing run;
 * the instrumented first run of its tests needs more than the default 5 min on a busy machine.
 */
export const FOLDER_OPTIONS: Record<string, Record<string, unknown>> = {
  montecarlo: { timeoutMS: 15_000, dryRunTimeoutMinutes: 15 },
  // src/symbolic: its whole test set takes ~7 s, so 10 s over 1.5 × a mutant's covering tests still tells a loop
  // from a finishing run, and the ~50 looping mutants (collision and accumulator loops) cost 12 s each, not 62
  symbolic: { timeoutMS: 10_000 },
  // The `prose` ignorer (scripts/strykerProseIgnorer.mjs): string and template literals only shown to a reader
  // (statements, sources, routes, tolerance texts, part titles, notes, explore summaries) are not mutated;
  // ids, part ids, verdicts, keys and messages are. mutation/SURVIVORS.md gives the number it removes.
  claims: { ignorers: ['prose'], plugins: ['@stryker-mutator/vitest-runner', './scripts/strykerProseIgnorer.mjs'] },
};

interface Mutant {
  status: string;
  mutatorName: string;
  replacement?: string;
  location: { start: { line: number; column: number } };
}
interface MutantFile {
  mutants: Mutant[];
}

/** Surviving and uncovered mutants as lines "file:line:column mutator → replacement". */
export function survivors(report: string): string[] {
  const files = (JSON.parse(readFileSync(report, 'utf8')) as { files: Record<string, MutantFile> }).files;
  return Object.entries(files).flatMap(([file, f]) =>
    f.mutants
      .filter((m) => m.status === 'Survived' || m.status === 'NoCoverage')
      .map((m) => `${file}:${m.location.start.line}:${m.location.start.column} ${m.status} ${m.mutatorName} → ${JSON.stringify(m.replacement ?? '')}`),
  );
}

function score(report: string): { killed: number; survived: number; noCoverage: number; timeout: number; total: number; score: number } {
  const files = (JSON.parse(readFileSync(report, 'utf8')) as { files: Record<string, MutantFile> }).files;
  const all = Object.values(files).flatMap((f) => f.mutants);
  const n = (s: string) => all.filter((m) => m.status === s).length;
  const killed = n('Killed');
  const timeout = n('Timeout');
  const survived = n('Survived');
  const noCoverage = n('NoCoverage');
  const detected = killed + timeout;
  const valid = detected + survived + noCoverage;
  return { killed, survived, noCoverage, timeout, total: all.length, score: valid ? (100 * detected) / valid : NaN };
}

const asked = process.argv.slice(2);
const unknown = asked.filter((f) => !(f in FOLDERS));
if (unknown.length) {
  process.stderr.write(`mutate: unknown folder '${unknown[0]}' (known: ${Object.keys(FOLDERS).join(', ')})\n`);
  process.exit(2);
}
mkdirSync('mutation', { recursive: true });
for (const folder of asked.length ? asked : Object.keys(FOLDERS)) {
  const report = `mutation/${folder}.json`;
  const base = JSON.parse(readFileSync('stryker.config.json', 'utf8')) as Record<string, unknown>;
  const config = `reports/stryker-${folder}.json`;
  mkdirSync('reports', { recursive: true });
  writeFileSync(
    config,
    JSON.stringify(
      {
        ...base,
        ...FOLDER_OPTIONS[folder],
        // MUTATE_CONCURRENCY=2 uses both cores on an otherwise idle machine (the default, 1, suits a shared one)
        ...(process.env.MUTATE_CONCURRENCY ? { concurrency: Number(process.env.MUTATE_CONCURRENCY) } : {}),
        $schema: undefined,
        mutate: [`src/${folder}/**/*.ts`, `!src/${folder}/index.ts`],
        incrementalFile: `mutation/${folder}.incremental.json`,
        // the initial (instrumented) run of a folder's tests on a loaded machine may pass Stryker's 5-minute default
        dryRunTimeoutMinutes: 30,
        ...(EXCLUDED_MUTATORS[folder] ? { mutator: { excludedMutations: EXCLUDED_MUTATORS[folder] } } : {}),
        jsonReporter: { fileName: report },
        htmlReporter: { fileName: `reports/mutation-${folder}.html` },
      },
      null,
      2,
    ),
  );
  // MUTATE_FORCE=1 re-tests every mutant (Stryker's --force) and still writes the incremental file: a figure from
  // one run that reuses nothing (an incremental run re-tests a mutant only when its own code or its tests changed,
  // so a change elsewhere in the source can leave a stale result)
  const args = ['stryker', 'run', config, ...(process.env.MUTATE_FORCE === '1' ? ['--force'] : [])];
  process.stderr.write(`mutate: src/${folder} with ${FOLDERS[folder].join(', ')}\n`);
  const r = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, MUTATE_TESTS: FOLDERS[folder].join(','), ...(SHARED_MODULES.has(folder) ? { MUTATE_ISOLATE: '0' } : {}) } });
  if (r.status !== 0 || !existsSync(report)) {
    process.stderr.write(`mutate: Stryker failed on src/${folder} (exit ${r.status})\n`);
    process.exitCode = 1;
    continue;
  }
  const s = score(report);
  for (const line of survivors(report)) process.stdout.write(`  ${line}\n`);
  process.stdout.write(`mutate: src/${folder}: score ${s.score.toFixed(1)} % (${s.killed} killed, ${s.timeout} timeout, ${s.survived} survived, ${s.noCoverage} no coverage, ${s.total} mutants)\n`);
}
