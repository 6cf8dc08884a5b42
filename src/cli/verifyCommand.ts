/** `icl-audit verify`: check the registered claims and print the claims table. */
import type { Command } from 'commander';
import { claimIds, claimRegistry } from '../claims/registry';
import { verify } from '../api/verify';
import { renderVerifyReport } from '../report/verifyReport';
import { idListArg, intArg, seedArg } from './args';
import { EXIT, UsageError } from './errors';
import { outputArg, writeJsonFile } from './output';
import { assertValid, shardSchema } from '../validate';
import { progress } from './progress';
import { defaultWorkers, MAX_COMMAND_WORKERS } from '../api/pool';

/** Options of `icl-audit verify`, as parsed. */
export interface VerifyCommandOptions {
  claims?: string;
  seed?: string;
  runs?: string;
  json?: string;
  replay?: string;
  part?: string;
  quiet?: boolean;
  strict?: boolean;
  shard?: string;
  workers?: string;
}

/** Register `icl-audit verify`. */
export function registerVerify(program: Command, setCode: (code: number) => void): void {
  program
    .command('verify')
    .description('check the claims of the paper and print the claims table (exit 0: nothing falsified beyond the known findings, 1: a new falsification (any with --strict), 2: bad input)')
    .option('--claims <ids>', `comma-separated claim ids (default: all of ${claimIds().join(', ')})`)
    .option('--seed <S>', 'root seed (integer; default $ICL_AUDIT_SEED or 1)')
    .option('--runs <R>', 'random cases per property (integer 1..100000)', '100')
    .option('--json <FILE>', 'write the full report as JSON')
    .option('--replay <PATH>', 'replay one fast-check case (from a counterexample) of the single claim given by --claims')
    .option('--part <ID>', 'run only this part of the single claim given by --claims (a counterexample names its part)')
    .option('--shard <i/n>', 'run only shard i of n (every n-th claim) and write a partial report; join the parts with `icl-audit merge`')
    .option('--workers <n>', `worker threads to check the claims on (integer 1..${MAX_COMMAND_WORKERS}; default: the available cores, at most 4, here ${defaultWorkers()}); the report is the same for any number`)
    .option('--quiet', 'print only the summary line')
    .option('--strict', 'exit 1 on any falsified claim, known findings included')
    .action(async (opts: VerifyCommandOptions) => {
      const ids = idListArg('--claims', opts.claims, claimIds());
      const seed = seedArg(opts.seed);
      const runs = intArg('--runs', opts.runs, 1, 100_000);
      const workers = opts.workers === undefined ? defaultWorkers() : intArg('--workers', opts.workers, 1, MAX_COMMAND_WORKERS);
      if (opts.replay !== undefined) {
        if (!ids || ids.length !== 1) throw new UsageError('--replay needs exactly one claim id in --claims');
        if (!/^\d+(:\d+)*$/.test(opts.replay)) throw new UsageError(`--replay must be a fast-check path like 12:0:3, got '${opts.replay}'`);
      }
      if (opts.part !== undefined && (!ids || ids.length !== 1)) throw new UsageError('--part needs exactly one claim id in --claims');
      const shard = opts.shard === undefined ? undefined : assertValid(shardSchema, opts.shard, '--shard');
      if (shard && (opts.replay !== undefined || opts.part !== undefined)) throw new UsageError('--shard cannot be used with --replay or --part (they run one claim)');
      outputArg('--json', opts.json);
      const claims = claimRegistry().filter((c) => !ids || ids.includes(c.id));
      if (ids?.length === 1) {
        const parts = claims[0].partIds;
        if (opts.part !== undefined && !parts?.includes(opts.part))
          throw new UsageError(parts ? `--part must be one of ${parts.join(', ')} for ${ids[0]}, got '${opts.part}'` : `--part: ${ids[0]} has no parts, got '${opts.part}'`);
        if (opts.replay !== undefined && parts && opts.part === undefined) throw new UsageError(`--replay on ${ids[0]} needs --part (one of ${parts.join(', ')}): a path replays one part's property`);
      }
      const bar = progress('verify');
      // Each claim's fraction done: with several workers, several claims progress at once.
      const frac = new Map<string, number>();
      const running = (): string => [...frac].filter(([, f]) => f < 1).map(([id]) => id).join(' ');
      const report = await verify({
        claims: ids,
        seed,
        runs,
        replay: opts.replay,
        part: opts.part,
        shard,
        workers,
        onProgress: (_k, n, id, done, total) => {
          // in one thread, a claim starting means the one before it is done
          if (workers === 1 && !frac.has(id)) for (const k of frac.keys()) frac.set(k, 1);
          frac.set(id, Math.min(1, done / Math.max(total, 1)));
          let sum = 0;
          for (const f of frac.values()) sum += f;
          bar.update(sum, n, workers > 1 ? running() : `${id} ${done}/${total}`);
        },
      });
      bar.done();
      if (opts.json) writeJsonFile(opts.json, report);
      const text = renderVerifyReport(report) + (shard && 'shard' in report ? ` (shard ${shard.index}/${shard.count}: ${report.claims.map((c) => c.id).join(', ') || 'no claims'})` : '');
      process.stdout.write((opts.quiet ? text.split('\n').slice(-1).join('\n') : text) + '\n');
      const failing = opts.strict ? report.summary.falsified : report.summary.newFalsified;
      setCode(failing > 0 ? EXIT.falsified : EXIT.ok);
    });
}
