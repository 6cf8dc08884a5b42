/** `icl-audit merge`: join the partial reports of `verify --shard i/n` into the whole run's report. */
import type { Command } from 'commander';
import { z } from 'zod';
import { mergeVerifyReports, type PartialVerifyReport } from '../report/merge';
import { renderVerifyReport } from '../report/verifyReport';
import { assertValid, readJsonFile } from '../validate';
import { EXIT } from './errors';
import { outputArg, writeJsonFile } from './output';

/** The shape a partial report must have (extra keys kept). */
const partialSchema = z
  .looseObject({
    tool: z.literal('icl-audit'),
    command: z.literal('verify'),
    version: z.string(),
    seed: z.number().int(),
    runs: z.number().int().positive(),
    elapsedMs: z.number().optional(),
    claims: z.array(z.looseObject({ id: z.string(), verdict: z.enum(['verified', 'falsified', 'inconclusive']) })),
    summary: z.looseObject({}),
    shard: z.object({ index: z.number().int().positive(), count: z.number().int().positive(), of: z.array(z.string()) }),
  })
  .describe('must be a partial report written by `icl-audit verify --shard i/n --json FILE`');

/** Options of `icl-audit merge`, as parsed. */
export interface MergeCommandOptions {
  json?: string;
  quiet?: boolean;
  strict?: boolean;
}

/** Register `icl-audit merge`. */
export function registerMerge(program: Command, setCode: (code: number) => void): void {
  program
    .command('merge')
    .description('join the partial reports of `verify --shard i/n` into the report of the whole run (exit 0: nothing falsified beyond the known findings, 1: a new falsification (any with --strict), 2: bad input)')
    .argument('<reports...>', 'partial JSON reports, one per shard')
    .option('--json <FILE>', 'write the merged report as JSON')
    .option('--quiet', 'print only the summary line')
    .option('--strict', 'exit 1 on any falsified claim, known findings included')
    .action(async (files: string[], opts: MergeCommandOptions) => {
      outputArg('--json', opts.json);
      // validated by the schema, but kept as read (zod's output would reorder the keys)
      const parts = files.map((f) => {
        const data = readJsonFile(f, f);
        assertValid(partialSchema, data, f);
        return data as PartialVerifyReport;
      });
      const report = mergeVerifyReports(parts, files);
      if (opts.json) writeJsonFile(opts.json, report);
      const text = renderVerifyReport(report);
      process.stdout.write((opts.quiet ? text.split('\n').slice(-1).join('\n') : text) + '\n');
      // as verify: known findings stay reported falsified but exit 0; --strict exits 1 on any
      const failing = opts.strict ? report.summary.falsified : report.summary.newFalsified;
      setCode(failing > 0 ? EXIT.falsified : EXIT.ok);
    });
}
