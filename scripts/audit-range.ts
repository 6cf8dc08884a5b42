/**
 * The claims at the edge of their numerical range: each relative-error property evaluated at fixed corner
 * cases (d, κ, every conditioning-sensitive family, short and long prompts) through the same property
 * runner as `verify`. Reports each case's verdict and error/tolerance; a case past float64's reach must come
 * out inconclusive with the reason, never falsified.
 *
 * Usage: npm run audit:range -- [--d 64] [--kappa 1e4] [--claims C01,C06,C08,C09,C10,C10g] [--json FILE]
 * Exit 0 when nothing is falsified, 1 otherwise, 2 on bad input.
 */
import fc from 'fast-check';
import { paperFormulas } from '../src/theory/formulas';
import { checkProperty, type ClaimProperty } from '../src/contract/propertyCheck';
import type { CheckResult } from '../src/contract/types';
import { lemmaD2Property } from '../properties/appendixD';
import { convergenceProperty, generalFormProperty, predictorProperty, testErrorProperty } from '../properties/section4';
import { stationaryPointProperty } from '../properties/section5';
import type { FlowCase } from '../properties/flowCase';
import { idListArg, intArg, numberArg } from '../src/cli/args';
import { outputArg, writeJsonFile } from '../src/cli/output';
import { UsageError } from '../src/validate';

const f = paperFormulas();
/** The relative-error properties, by claim (C10g: C10's general per-task form). */
export const RANGE_PROPERTIES: Record<string, () => ClaimProperty<FlowCase>> = {
  C01: () => lemmaD2Property(f) as ClaimProperty<FlowCase>,
  C06: () => stationaryPointProperty(f) as ClaimProperty<FlowCase>,
  C08: () => convergenceProperty(f),
  C09: () => predictorProperty(f),
  C10: () => testErrorProperty(f) as ClaimProperty<FlowCase>,
  C10g: () => generalFormProperty(f) as ClaimProperty<FlowCase>,
};

/** Corner cases at dimension d and condition number kappa. */
export function cornerCases(d: number, kappa: number): FlowCase[] {
  const out: FlowCase[] = [];
  for (const family of ['rotated', 'spiked', 'diagonal'] as const) for (const n of [1, 500]) out.push({ d, n, m: 500, family, kappa, caseSeed: 7, sigmaFraction: 0.5 });
  return out;
}

/** Evaluate `prop` at one fixed case through the property runner. */
export function atCase(prop: ClaimProperty<FlowCase>, c: FlowCase, id: string): CheckResult {
  return checkProperty({ ...prop, arbitrary: fc.constant(c) }, { seed: 1, runs: 1 }, { claimId: id });
}

function flag(args: string[], name: string): string | undefined {
  const k = args.indexOf(name);
  return k < 0 ? undefined : args[k + 1];
}

async function run(): Promise<number> {
  const args = process.argv.slice(2);
  const d = intArg('--d', flag(args, '--d') ?? '64', 1, 64);
  const kappa = numberArg('--kappa', flag(args, '--kappa') ?? '1e4', { min: 1, max: 1e12 });
  const ids = idListArg('--claims', flag(args, '--claims'), Object.keys(RANGE_PROPERTIES)) ?? Object.keys(RANGE_PROPERTIES);
  const json = outputArg('--json', flag(args, '--json'));
  const rows: Array<Record<string, unknown>> = [];
  let falsified = 0;
  for (const id of ids) {
    for (const c of cornerCases(d, kappa)) {
      const t0 = performance.now();
      const r = atCase(RANGE_PROPERTIES[id](), c, id);
      if (r.verdict === 'falsified') falsified++;
      const row = { id, d, kappa, family: c.family, N: c.n, verdict: r.verdict, error: r.worstError, tolerance: r.tolerance, ratio: r.worstRatio, note: r.verdict === 'verified' ? '' : (r.notes ?? [])[0], ms: Math.round(performance.now() - t0) };
      rows.push(row);
      process.stdout.write(`${id.padEnd(5)} d=${d} κ=${kappa} ${c.family.padEnd(8)} N=${String(c.n).padEnd(3)} ${r.verdict.padEnd(12)} error/tolerance ${Number(r.worstError).toExponential(2)} / ${Number(r.tolerance).toExponential(2)}${row.note ? ` — ${row.note}` : ''} (${(row.ms / 1000).toFixed(1)} s)\n`);
    }
  }
  if (json) writeJsonFile(json, { tool: 'icl-audit', command: 'audit:range', d, kappa, rows, falsified });
  return falsified > 0 ? 1 : 0;
}

if (process.argv[1]?.endsWith('audit-range.ts'))
  run().then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(`audit:range: ${e instanceof UsageError ? '' : 'internal error: '}${(e as Error)?.message ?? e}\n`);
      process.exitCode = e instanceof UsageError ? 2 : 3;
    },
  );
