/** `icl-audit prove`: run the symbolic derivations P1–P7 and print each step with its verdict and time. */
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { derivations, type DerivationResult } from '../../proofs/index';
import { prove } from '../api/prove';
import { idListArg, intArg, seedArg } from './args';
import { EXIT } from './errors';
import { outputArg, writeJsonFile } from './output';
import { makeFolders } from '../validate';
import { progress } from './progress';
import { defaultWorkers, MAX_COMMAND_WORKERS } from '../api/pool';

/** Options of `icl-audit prove`, as parsed. */
export interface ProveCommandOptions {
  only?: string;
  d?: string;
  json?: string;
  export?: string;
  seed?: string;
  nerdamer?: boolean;
  quiet?: boolean;
  workers?: string;
}

const MARK: Record<string, string> = { verified: '✓', falsified: '✗', inconclusive: '?' };

function renderResult(r: DerivationResult, quiet: boolean): string {
  const lines = [`${MARK[r.verdict]} ${r.id.padEnd(6)} ${r.verdict.padEnd(12)} ${(r.ms / 1000).toFixed(2).padStart(6)} s  ${r.title} [${r.claims.join(', ')}]`];
  if (!quiet) {
    for (const s of r.steps) lines.push(`    ${MARK[s.verdict]} ${s.name} (${s.ms < 1 ? s.ms.toFixed(1) : Math.round(s.ms)} ms)${s.detail ? ` — ${s.detail}` : ''}`);
    for (const n of r.notes ?? []) lines.push(`    · ${n}`);
  }
  return lines.join('\n');
}

/** The export file of one derivation: every derived expression, with the syntax and symbols used. */
export function exportFile(id: string, results: DerivationResult[]): unknown {
  const first = results[0];
  return {
    id,
    title: first.title,
    claims: first.claims,
    syntax:
      "polynomials and rational functions in the symbols below: '+', '-', '*', '/', '^' with integer exponents, rational coefficients written (p/q); parsed by nerdamer, mathjs and SymPy (after '^' -> '**')",
    symbols: {
      u: 'w22^PV (reduced model)',
      Ujk: 'W11^KQ entry (j, k), 1-based',
      Vjk: 'entry (j, k) of V = uU (prediction s^T V x_q)',
      Pij: 'W^PV entry (i, j), 1-based, (d+1)x(d+1)',
      Kij: 'W^KQ entry (i, j), 1-based',
      ljk: 'covariance Lambda entry (j, k), j <= k (symmetric: l21 = l12)',
      mjk: 'shifted covariance Lambda-prime entry (j, k), j <= k',
      ajk: 'entry (j, k) of the general matrix A (P1)',
      N: 'training prompt length',
      M: 'test prompt length',
    },
    expressions: Object.fromEntries(results.map((r) => [`d${r.d}`, r.exports ?? {}])),
  };
}

/** Register `icl-audit prove`. */
export function registerProve(program: Command, setCode: (code: number) => void): void {
  const ids = derivations.map((p) => p.id);
  program
    .command('prove')
    .description('run the symbolic derivations P1–P7 (exit 0: none falsified, 1: some falsified, 2: bad input)')
    .option('--only <ids>', `comma-separated derivations (default: all of ${ids.join(', ')})`)
    .option('--d <d>', 'run only dimension d (1..3; derivations that stop below d are skipped)')
    .option('--json <FILE>', 'write every result (steps, verdicts, times, exports) as JSON')
    .option('--export <DIR>', 'write each derivation’s derived expressions, one JSON file per derivation')
    .option('--seed <S>', 'root seed of the random points and Monte Carlo draws (integer; default $ICL_AUDIT_SEED or 1)')
    .option('--no-nerdamer', 'skip the second engine (nerdamer)')
    .option('--workers <n>', `worker threads to run the derivations on (integer 1..${MAX_COMMAND_WORKERS}; default: the available cores, at most 4, here ${defaultWorkers()}); the results are the same for any number`)
    .option('--quiet', 'print one line per derivation')
    .action(async (opts: ProveCommandOptions) => {
      const only = idListArg('--only', opts.only, ids);
      const d = opts.d === undefined ? undefined : intArg('--d', opts.d, 1, 3);
      const seed = seedArg(opts.seed);
      const workers = opts.workers === undefined ? defaultWorkers() : intArg('--workers', opts.workers, 1, MAX_COMMAND_WORKERS);
      outputArg('--json', opts.json);
      outputArg('--export', opts.export, 'folder');
      const bar = progress('prove');
      const report = await prove({
        only,
        d,
        seed,
        nerdamer: opts.nerdamer !== false,
        workers,
        onResult: (r, done, total) => {
          bar.done();
          process.stdout.write(renderResult(r, opts.quiet === true) + '\n');
          bar.update(done, total, r.id);
        },
      });
      bar.done();
      const { ms, summary, results } = report;
      process.stdout.write(
        `prove: ${summary.verified} verified, ${summary.falsified} falsified, ${summary.inconclusive} inconclusive of ${summary.derivations} (${(ms / 1000).toFixed(1)} s, seed ${seed})\n`,
      );
      if (opts.json) writeJsonFile(opts.json, report);
      if (opts.export) {
        const dir = resolve(opts.export);
        makeFolders('--export', dir);
        for (const id of ids) {
          const rs = results.filter((r) => r.id.startsWith(`${id}-`));
          if (rs.length) writeJsonFile(join(dir, `${id}.json`), exportFile(id, rs), '--export');
        }
      }
      setCode(summary.falsified > 0 ? EXIT.falsified : EXIT.ok);
    });
}
