/** `icl-audit verify`: check the registered claims and print the claims table. */
import type { Command } from 'commander';
import { claimIds, claimRegistry } from '../claims/registry';
import { runClaims } from '../claims/run';
import { renderVerifyReport, verifyReport } from '../report/verifyReport';
import { shardOf } from '../claims/shard';
import { assertValid, shardSchema } from '../validate';
import { idListArg, intArg, seedArg } from './args';
import { EXIT, UsageError } from './errors';
import { outputArg, writeJsonFile } from './output';
import { progress } from './progress';
import { VERSION } from './version';

/** Options of `icl-audit verify`, as parsed. */
export interface VerifyCommandOptions {
  claims?: string;
  seed?: string;
  runs?: string;
  json?: string;
  replay?: string;
  part?: string;
  quiet?: boolean;
  shard?: string;
}

/** Register `icl-audit verify`. */
export function registerVerify(program: Command, setCode: (code: number) => void): void {
  program
    .command('verify')
    .description('check the claims of the paper and print the claims table (exit 0: none falsified, 1: some falsified, 2: bad input)')
    .option('--claims <ids>', `comma-separated claim ids (default: all of ${claimIds().join(', ')})`)
    .option('--seed <S>', 'root seed (integer; default $ICL_AUDIT_SEED or 1)')
    .option('--runs <R>', 'random cases per property (integer 1..100000)', '100')
    .option('--json <FILE>', 'write the full report as JSON')
    .option('--replay <PATH>', 'replay one fast-check case (from a counterexample) of the single claim given by --claims')
    .option('--part <ID>', 'run only this part of the single claim given by --claims (a counterexample names its part)')
    .option('--shard <i/n>', 'run only shard i of n (every n-th claim) and write a partial report; join the parts with `icl-audit merge`')
    .option('--quiet', 'print only the summary line')
    .action(async (opts: VerifyCommandOptions) => {
      const ids = idListArg('--claims', opts.claims, claimIds());
      const seed = seedArg(opts.seed);
      const runs = intArg('--runs', opts.runs, 1, 100_000);
      if (opts.replay !== undefined) {
        if (!ids || ids.length !== 1) throw new UsageError('--replay needs exactly one claim id in --claims');
        if (!/^\d+(:\d+)*$/.test(opts.replay)) throw new UsageError(`--replay must be a fast-check path like 12:0:3, got '${opts.replay}'`);
      }
      if (opts.part !== undefined && (!ids || ids.length !== 1)) throw new UsageError('--part needs exactly one claim id in --claims');
      const shard = opts.shard === undefined ? undefined : assertValid(shardSchema, opts.shard, '--shard');
      if (shard && (opts.replay !== undefined || opts.part !== undefined)) throw new UsageError('--shard cannot be used with --replay or --part (they run one claim)');
      outputArg('--json', opts.json);
      const selected = claimRegistry().filter((c) => !ids || ids.includes(c.id));
      const claims = shard ? shardOf(selected, shard) : selected;
      if (ids?.length === 1 && claims.length === 1) {
        const parts = claims[0].partIds;
        if (opts.part !== undefined && !parts?.includes(opts.part))
          throw new UsageError(parts ? `--part must be one of ${parts.join(', ')} for ${ids[0]}, got '${opts.part}'` : `--part: ${ids[0]} has no parts, got '${opts.part}'`);
        if (opts.replay !== undefined && parts && opts.part === undefined) throw new UsageError(`--replay on ${ids[0]} needs --part (one of ${parts.join(', ')}): a path replays one part's property`);
      }
      const bar = progress('verify');
      const t0 = performance.now();
      const results = await runClaims(claims, {
        seed,
        runs,
        path: opts.replay,
        part: opts.part,
        onProgress: (k, n, id, done, total) => bar.update(k + Math.min(1, done / Math.max(total, 1)), n, `${id} ${done}/${total}`),
      });
      bar.done();
      const whole = verifyReport(VERSION, seed, runs, results, Math.round(performance.now() - t0));
      const report = shard ? { ...whole, shard: { index: shard.index, count: shard.count, of: selected.map((c) => c.id) } } : whole;
      if (opts.json) writeJsonFile(opts.json, report);
      const text = renderVerifyReport(report) + (shard ? ` (shard ${shard.index}/${shard.count}: ${claims.map((c) => c.id).join(', ') || 'no claims'})` : '');
      process.stdout.write((opts.quiet ? text.split('\n').slice(-1).join('\n') : text) + '\n');
      setCode(report.summary.falsified > 0 ? EXIT.falsified : EXIT.ok);
    });
}
