/** `icl-audit check`: audit a formula for one of the paper's quantities against first-principles ground truth. */
import type { Command } from 'commander';
import { intArg, seedArg } from './args';
import { EXIT, UsageError } from './errors';
import { writeJsonFile } from './output';

/** Options of `icl-audit check`, as parsed. */
export interface CheckCommandOptions {
  quantity?: string;
  formula?: string;
  seed?: string;
  runs?: string;
  shift?: string;
  randomTask?: boolean;
  json?: string;
}

const QUANTITY_NAMES = 'gamma, minimizer, limit, min-loss, test-error, covariate-limit, pl-constant';

function show(v: unknown): string {
  return JSON.stringify(v, (_k, x) => (typeof x === 'number' ? Number(x.toPrecision(6)) : x));
}

/** Register `icl-audit check`. */
export function registerCheck(program: Command, setCode: (code: number) => void): void {
  program
    .command('check')
    .description('check a formula for a quantity of the paper against first-principles ground truth on random instances (exit 0: verified, 1: falsified, 2: bad input)')
    .option('--quantity <Q>', QUANTITY_NAMES)
    .option('--formula <EXPR>', 'a mathjs expression in Lambda, N, M, d, I (and sigma, Theta for limit and pl-constant; LambdaTest, SigmaW, c for covariate-limit)')
    .option('--seed <S>', 'root seed of the instances (integer; default $ICL_AUDIT_SEED or 1)')
    .option('--runs <R>', 'number of random instances (integer 1..10000; default 40)')
    .option('--shift <MODE>', 'covariate-limit: general Λ′ (default) or scale (Λ′ = c²Λ; the formula may use c)')
    .option('--random-task', 'covariate-limit: draw the test task’s second moment SigmaW at random (default I)')
    .option('--json <FILE>', 'write every case, the verdict and the counterexample as JSON')
    .action(async (opts: CheckCommandOptions) => {
      const { check, QUANTITIES, FormulaError } = await import('../check/index');
      if (opts.quantity === undefined || !(QUANTITIES as readonly string[]).includes(opts.quantity))
        throw new UsageError(`--quantity must be one of ${QUANTITY_NAMES}, got ${opts.quantity === undefined ? 'nothing' : `'${opts.quantity}'`}`);
      if (opts.formula === undefined) throw new UsageError('--formula is required (a mathjs expression)');
      const seed = seedArg(opts.seed);
      const runs = opts.runs === undefined ? undefined : intArg('--runs', opts.runs, 1, 10_000);
      if (opts.shift !== undefined && opts.shift !== 'general' && opts.shift !== 'scale') throw new UsageError(`--shift must be general or scale, got '${opts.shift}'`);
      if (opts.json !== undefined && opts.json.trim() === '') throw new UsageError('--json must name a file');
      let r;
      try {
        r = await check({ quantity: opts.quantity as (typeof QUANTITIES)[number], formula: opts.formula, seed, runs, shift: opts.shift as 'general' | 'scale' | undefined, randomTask: opts.randomTask === true });
      } catch (e) {
        if (e instanceof FormulaError) throw new UsageError(e.message);
        throw e;
      }
      if (opts.json) writeJsonFile(opts.json, r);
      const lines = [`check ${r.quantity}: ${r.verdict} — ${r.cases.length} instances (seed ${r.seed}), worst error/tolerance ${r.worstRatio.toPrecision(3)}, ${(r.elapsedMs / 1000).toFixed(1)} s`];
      lines.push(`  quantity: ${r.meaning}`, `  ground truth: ${r.route}`);
      if (r.looseness) lines.push(`  looseness (observed minimum ratio / μ): ${r.looseness.min.toPrecision(3)} … ${r.looseness.max.toPrecision(3)}`);
      const ce = r.counterexample;
      if (ce) {
        lines.push(`  smallest counterexample: d = ${ce.d}, N = ${ce.N}, M = ${ce.M} (κ = ${ce.kappa.toPrecision(3)}), instance ${ce.index}`);
        for (const [k, v] of Object.entries(ce.inputs)) if (!['d', 'N', 'M'].includes(k)) lines.push(`    ${k} = ${show(v)}`);
        lines.push(`    formula gives ${show(ce.formula)}`, `    ground truth  ${show(ce.truth)}`);
        lines.push(`    relative error ${ce.error.toPrecision(3)} > tolerance ${ce.tolerance.toPrecision(3)}${ce.note ? ` (${ce.note})` : ''}`);
        lines.push(`  replay: ${ce.replay}`);
      }
      process.stdout.write(lines.join('\n') + '\n');
      setCode(r.verdict === 'verified' ? EXIT.ok : EXIT.falsified);
    });
}
