/**
 * Side-by-side benchmarks against NumPy / SciPy / SymPy references of the same work.
 * Usage: npm run bench:compare [-- flow montecarlo symbolic] [--json FILE]
 * Each scripts/compare/NAME.ts exports `compare(): Promise<CompareRow[]>` and runs its Python twin.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import type { CompareRow } from './compare/types';


const ALL = ['flow', 'montecarlo', 'symbolic'] as const;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const jsonAt = args.indexOf('--json');
  const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
  const names = args.filter((a, i) => !a.startsWith('--') && (jsonAt < 0 || i !== jsonAt + 1));
  const unknown = names.filter((n) => !(ALL as readonly string[]).includes(n));
  if (unknown.length) {
    process.stderr.write(`bench:compare: unknown benchmark '${unknown[0]}' (known: ${ALL.join(', ')})\n`);
    process.exitCode = 2;
    return;
  }
  const chosen = names.length ? names : [...ALL];
  const rows: Array<CompareRow & { group: string }> = [];
  for (const name of chosen) {
    process.stderr.write(`running ${name}…\n`);
    const mod = (await import(`./compare/${name}.ts`)) as { compare(): Promise<CompareRow[]> };
    for (const r of await mod.compare()) rows.push({ group: name, ...r });
  }
  const fmt = (x: number) => (Math.abs(x) >= 1e4 || Math.abs(x) < 1e-2 ? x.toExponential(3) : x.toPrecision(4));
  const machine = `${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.versions.node}, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} at the end`;
  console.log(`machine: ${machine}`);
  const header = ['group', 'task', 'ours', 'threads', 'reference', 'unit', 'reference is', 'reference kernel', 'speedup'];
  const table = rows.map((r) => [r.group, r.task, fmt(r.ours), String(r.oursThreads), fmt(r.reference), r.unit, r.referenceLabel, r.referenceKernel, `${r.speedup.toFixed(2)}×`]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log([line(header), ...table.map(line)].join('\n'));
  for (const r of rows) if (r.notes) console.log(`- ${r.group} / ${r.task}: ${r.notes}`);
  if (jsonFile) writeFileSync(jsonFile, JSON.stringify(rows.map((r) => ({ ...r, machine })), null, 2) + '\n');
}

await main();
