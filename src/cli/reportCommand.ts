/** `icl-audit report`: check the claims, print the claims table and write the static HTML report. */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { VerifyReport } from '../report/verifyReport';
import { idListArg, intArg, seedArg } from './args';
import { EXIT, UsageError } from './errors';
import { progress } from './progress';

/** Options of `icl-audit report`, as parsed. */
export interface ReportCommandOptions {
  out?: string;
  claims?: string;
  seed?: string;
  runs?: string;
  fromJson?: string;
  run?: string[];
  quick?: boolean;
  derivations?: boolean;
  failOnFalsified?: boolean;
  quiet?: boolean;
}

/** Register `icl-audit report`. */
export function registerReport(program: Command, setCode: (code: number) => void): void {
  program
    .command('report')
    .description('check the claims, print the claims table and write a static HTML report with figures (exit 0: written, falsified claims being findings shown in it; 1 with --fail-on-falsified when some are; 2: bad input)')
    .option('--out <DIR>', 'folder to write index.html, figures/ and katex/ into', 'report')
    .option('--claims <ids>', 'comma-separated claim ids (default all)')
    .option('--seed <S>', 'root seed (integer; default $ICL_AUDIT_SEED or 1)')
    .option('--runs <R>', 'random cases per property (integer 1..100000)', '100')
    .option('--from-json <FILE>', 'use a verify report written by `verify --json` instead of checking again')
    .option('--run <DIR>', 'a folder of a trained run to show beside the theory (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--quick', 'fewer points and samples in the figures')
    .option('--no-derivations', 'leave out the symbolic derivations section')
    .option('--fail-on-falsified', 'exit 1 when a claim is falsified (as verify does)')
    .option('--quiet', 'print only the summary lines')
    .action(async (opts: ReportCommandOptions) => {
      const [{ report }, { claimIds }, { renderVerifyReport }] = await Promise.all([import('../api/report'), import('../claims/registry'), import('../report/verifyReport')]);
      const ids = idListArg('--claims', opts.claims, claimIds());
      const seed = seedArg(opts.seed);
      const runs = intArg('--runs', opts.runs, 1, 100_000);
      if (!opts.out || opts.out.trim() === '') throw new UsageError('--out must name a folder');
      let given: VerifyReport | undefined;
      if (opts.fromJson !== undefined) {
        try {
          given = JSON.parse(readFileSync(opts.fromJson, 'utf8')) as VerifyReport;
        } catch (e) {
          throw new UsageError(`--from-json: cannot read a verify report from '${opts.fromJson}' (${(e as Error).message.split('\n')[0]})`);
        }
        if (given?.command !== 'verify' || !Array.isArray(given.claims)) throw new UsageError(`--from-json: '${opts.fromJson}' is not a report of icl-audit verify`);
      }
      const bar = progress('report');
      let r;
      try {
        r = await report({
          out: opts.out,
          seed: given?.seed ?? seed,
          runs,
          claims: ids,
          verifyReport: given,
          quick: opts.quick === true,
          derivations: opts.derivations !== false,
          inputs: { runs: opts.run ?? [] },
          onProgress: (k, n, id, done, total) => bar.update(k + Math.min(1, done / Math.max(total, 1)), n, `${id} ${done}/${total}`),
          onStage: (s) => bar.update(0, 1, s),
        });
      } catch (e) {
        if (e instanceof RangeError) throw new UsageError(`--out: ${e.message.replace(/^out:? /, '')}`);
        throw e;
      } finally {
        bar.done();
      }
      const text = renderVerifyReport(r.verify);
      process.stdout.write((opts.quiet ? text.split('\n').slice(-1).join('\n') : text) + '\n');
      process.stdout.write(`report: ${r.index} (${r.figures.length} figures, ${r.derivations} derivations)\n`);
      setCode(opts.failOnFalsified && r.verify.summary.falsified > 0 ? EXIT.falsified : EXIT.ok);
    });
}
