/** The report of `icl-audit verify`: JSON for machines, a claims table for people. */
import type { ClaimReport } from '../claims/run';
import { fmt } from '../contract/propertyCheck';
import { KNOWN_FINDINGS } from '../claims/findings';
import { renderTable } from './table';

/** The JSON report of a verify run. Keys naming times end in `Ms`, so reports compare with timings aside. */
export interface VerifyReport {
  tool: 'icl-audit';
  version: string;
  command: 'verify';
  seed: number;
  runs: number;
  claims: ClaimReport[];
  /** `falsified` counts every falsified claim; `newFalsified` those with a falsified part that is not a
   * recorded known finding (what makes `verify` exit 1 unless `--strict`). */
  summary: { verified: number; falsified: number; inconclusive: number; newFalsified: number };
  /** Each falsified part, and each recorded finding that was checked: known, new, or not reproduced. */
  findings: Finding[];
  elapsedMs: number;
}

/** A falsified part of a claim, or a recorded finding that was checked and did not come out falsified. */
export interface Finding {
  claim: string;
  /** The part (absent when the claim has no parts). */
  part?: string;
  /** 'known': falsified and recorded in src/claims/findings.ts; 'new': falsified and not recorded;
   * 'not reproduced': recorded, checked, and not falsified at this seed. */
  status: 'known' | 'new' | 'not reproduced';
  /** The paper's sentence and what was found (known findings). */
  sentence?: string;
  finding?: string;
}

/** The findings of a run: every falsified part, known or new, and the recorded findings not reproduced. */
export function classifyFindings(claims: ClaimReport[]): Finding[] {
  const out: Finding[] = [];
  for (const c of claims) {
    const falsifiedParts = c.verdict !== 'falsified' ? [] : c.parts?.length ? c.parts.filter((p) => p.verdict === 'falsified').map((p) => p.id) : [undefined];
    for (const part of falsifiedParts) {
      const k = KNOWN_FINDINGS.find((f) => f.claim === c.id && f.part === part);
      out.push(k ? { claim: c.id, part, status: 'known', sentence: k.sentence, finding: k.finding } : { claim: c.id, ...(part === undefined ? {} : { part }), status: 'new' });
    }
    for (const k of KNOWN_FINDINGS.filter((f) => f.claim === c.id)) {
      const p = c.parts?.find((q) => q.id === k.part);
      if (p && p.verdict !== 'falsified') out.push({ claim: c.id, part: k.part, status: 'not reproduced', sentence: k.sentence, finding: k.finding });
    }
  }
  return out;
}

/** Build the report. */
export function verifyReport(version: string, seed: number, runs: number, claims: ClaimReport[], elapsedMs: number): VerifyReport {
  const count = (v: string): number => claims.filter((c) => c.verdict === v).length;
  const findings = classifyFindings(claims);
  const newFalsified = new Set(findings.filter((f) => f.status === 'new').map((f) => f.claim)).size;
  return {
    tool: 'icl-audit',
    version,
    command: 'verify',
    seed,
    runs,
    claims,
    summary: { verified: count('verified'), falsified: count('falsified'), inconclusive: count('inconclusive'), newFalsified },
    findings,
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
  const known = r.findings.filter((f) => f.status === 'known');
  if (known.length > 0) {
    lines.push('', 'Known findings (falsified sentences of the paper, reviewed; src/claims/findings.ts):');
    for (const f of known) lines.push(`  ${f.claim} · ${f.part}: ${f.sentence} — ${f.finding}`);
  }
  for (const f of r.findings.filter((x) => x.status === 'new')) lines.push(`  NEW: ${f.claim}${f.part ? ` · ${f.part}` : ''} is falsified and is not a recorded finding`);
  for (const f of r.findings.filter((x) => x.status === 'not reproduced')) lines.push(`  note: known finding ${f.claim} · ${f.part} was not reproduced at this seed (no failing case drawn)`);
  const s = r.summary;
  const newNote = s.falsified > 0 ? ` (${s.newFalsified} new, ${s.falsified - s.newFalsified} known findings only)` : '';
  lines.push('', `${s.verified} verified, ${s.falsified} falsified${newNote}, ${s.inconclusive} inconclusive — seed ${r.seed}, ${r.runs} runs per property, ${(r.elapsedMs / 1000).toFixed(1)}s`);
  return lines.join('\n');
}

function short(v: unknown): string {
  const s = typeof v === 'number' ? fmt(v) : JSON.stringify(v, (_k, x) => (typeof x === 'number' ? Number(x.toPrecision(6)) : x));
  return s.length > 160 ? s.slice(0, 157) + '...' : s;
}
