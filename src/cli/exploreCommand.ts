/**
 * `icl-audit explore --claim ID --vary sigma|theta|tails|noise|N`: search outside a claim's assumptions
 * and print where it still holds and where it stops, with the smallest failing case. Findings outside
 * the assumptions are not falsifications: the exit code is 0 whatever is found (2 on bad input).
 */
import type { Command } from 'commander';
import { claimIds } from '../claims/registry';
import { explore, EXPLORE_VARIES, isSupportedExploration, supportedExplorations, type ExploreVary } from '../claims/explore';
import { idListArg, seedArg } from './args';
import { EXIT, UsageError } from './errors';
import { writeJsonFile } from './output';
import { progress } from './progress';
import { VERSION } from './version';

/** Options of `icl-audit explore`, as parsed. */
export interface ExploreCommandOptions {
  claim?: string;
  vary?: string;
  seed?: string;
  json?: string;
}

/** Register `icl-audit explore`. */
export function registerExplore(program: Command, setCode: (code: number) => void): void {
  program
    .command('explore')
    .description('search outside a claim\'s assumptions: where it still holds, where it stops, the smallest failing case (exit 0; 2 on bad input)')
    .option('--claim <ID>', `the claim (${supportedExplorations().join('; ')})`)
    .option('--vary <WHAT>', `what to vary: ${EXPLORE_VARIES.join('|')}`)
    .option('--seed <S>', 'root seed (integer; default $ICL_AUDIT_SEED or 1)')
    .option('--json <FILE>', 'write every point tried as JSON')
    .action((opts: ExploreCommandOptions) => {
      if (opts.claim === undefined) throw new UsageError(`--claim is required (one of ${supportedExplorations().join('; ')})`);
      const ids = idListArg('--claim', opts.claim, claimIds())!;
      if (ids.length !== 1) throw new UsageError('--claim takes exactly one claim id');
      const claim = ids[0];
      const vary = (opts.vary ?? '').trim();
      if (!(EXPLORE_VARIES as readonly string[]).includes(vary)) throw new UsageError(`--vary must be one of ${EXPLORE_VARIES.join(', ')}, got '${opts.vary ?? ''}'`);
      if (!isSupportedExploration(claim, vary)) throw new UsageError(`--claim ${claim} --vary ${vary} is not supported (supported: ${supportedExplorations().join('; ')})`);
      const seed = seedArg(opts.seed);
      if (opts.json !== undefined && opts.json.trim() === '') throw new UsageError('--json must name a file');
      const bar = progress('explore');
      const t0 = performance.now();
      const result = explore({ claim, vary: vary as ExploreVary, seed, onProgress: (done, total, label) => bar.update(done, total, label) });
      bar.done();
      const elapsedMs = Math.round(performance.now() - t0);
      if (opts.json) writeJsonFile(opts.json, { tool: 'icl-audit', version: VERSION, command: 'explore', elapsedMs, ...result });
      const lines = [
        `explore ${result.claim} --vary ${result.vary} (seed ${seed}) — outside the assumptions; findings, not falsifications`,
        `outside: ${result.outside}`,
        `holds means: ${result.holdsMeans}`,
        '',
        ...result.findings.map((l) => `• ${l}`),
        '',
        result.smallestFailingCase ? `smallest failing case: ${JSON.stringify(result.smallestFailingCase.inputs)} — ${result.smallestFailingCase.outcome}` : 'smallest failing case: none found',
        `${result.series.reduce((s, x) => s + x.rows.length, 0)} points tried in ${(elapsedMs / 1000).toFixed(1)}s`,
      ];
      process.stdout.write(lines.join('\n') + '\n');
      setCode(EXIT.ok);
    });
}
