/** The report of `icl-audit verify`: JSON for machines, a claims table for people. */
import type { ClaimReport } from '../claims/run';
import { fmt } from '../contract/propertyCheck';
import { renderTable } from './table';

/** The JSON report of a verify run. Keys naming times end in `Ms`, so reports compare with timings aside. */
export interface VerifyReport {
  tool: 'icl-audit';
  version: string;
  command: 'verify';
  seed: number;
  runs: number;
  claims: ClaimReport[];
  summary: { verified: number; falsified: number; inconclusive: number };
  elapsedMs: number;
}

/** Build the report. */
export function verifyReport(version: string, seed: number, runs: number, claims: ClaimReport[], elapsedMs: number): VerifyReport {
  const count = (v: string): number => claims.filter((c) => c.verdict === v).length;
  return {
    tool: 'icl-audit',
    version,
    command: 'verify',
    seed,
    runs,
    claims,
    summary: { verified: count('verified'), falsified: count('falsified'), inconclusive: count('inconclusive') },
    elapsedMs,
  };
}

/** The claims table and, under it, each counterexample and note worth reading. */
export function renderVerifyReport(r: VerifyReport): string {
  const rows = r.claims.map((c) => [
    c.id,
    c.source,
    c.verdict,
    c.routes.map((r) => r.replace(/\s*\(.*\)\s*$/, '')).join(' | '),
    `${fmt(c.worstError)} / ${fmt(c.tolerance)}`,
    String(c.cases),
    `${(c.elapsedMs / 1000).toFixed(1)}s`,
  ]);
  const lines = [renderTable(['id', 'source', 'verdict', 'routes', 'worst error / tolerance', 'cases', 'time'], rows)];
  for (const c of r.claims) {
    for (const p of c.parts ?? []) lines.push(`  ${c.id} · ${p.id} · ${p.name}: ${p.verdict} (${fmt(p.worstError)} / ${fmt(p.tolerance)})${p.note ? ` — ${p.note}` : ''}`);
    if (c.verdict !== 'verified') {
      for (const n of c.notes ?? []) lines.push(`  ${c.id}: ${n}`);
      if (c.verdict === 'inconclusive') lines.push(`  ${c.id} inconclusive: ${c.reason}`);
      else {
        const ce = c.counterexample;
        const small = Object.fromEntries(Object.entries(ce.inputs).filter(([, v]) => !Array.isArray(v)));
        lines.push(`  ${c.id} counterexample${ce.part ? ` (part ${ce.part})` : ''}: ${JSON.stringify(small)}; claimed ${short(ce.claimed)}, found ${short(ce.found)}`);
        lines.push(`  ${c.id} replay: ${ce.replay}`);
      }
    }
  }
  const s = r.summary;
  lines.push('', `${s.verified} verified, ${s.falsified} falsified, ${s.inconclusive} inconclusive — seed ${r.seed}, ${r.runs} runs per property, ${(r.elapsedMs / 1000).toFixed(1)}s`);
  return lines.join('\n');
}

function short(v: unknown): string {
  const s = typeof v === 'number' ? fmt(v) : JSON.stringify(v, (_k, x) => (typeof x === 'number' ? Number(x.toPrecision(6)) : x));
  return s.length > 160 ? s.slice(0, 157) + '...' : s;
}
