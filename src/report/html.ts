/**
 * The static HTML report: one self-contained page (styles inline, figures as inline SVG, formulas
 * rendered by KaTeX in Node) that links only to files written beside it (KaTeX's stylesheet and fonts).
 */
import type { DerivationResult } from '../../proofs/types';
import type { ClaimReport } from '../claims/run';
import { fmt } from '../contract/propertyCheck';
import type { Evidence, Figure } from './figures/types';
import { auditLimits } from './limits';
import { TEX_STATEMENTS } from './statements';
import type { VerifyReport } from './verifyReport';

/** A figure with its rendered SVG. */
export interface RenderedFigure extends Figure {
  svg: string;
}

/** What the page shows. */
export interface HtmlReportInput {
  verify: VerifyReport;
  figures: RenderedFigure[];
  derivations: DerivationResult[];
  /** Evidence series attached to claims, rendered by the caller: claim id → rendered figures. */
  evidence?: Record<string, RenderedFigure[]>;
  /** Extra limits to state (besides the fixed ones). */
  limits?: string[];
}

type Katex = typeof import('katex').default;

/** Escape text for HTML. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Text with `$…$` segments rendered by KaTeX (a segment KaTeX rejects is shown as escaped TeX). */
export function texText(katex: Katex, s: string): string {
  return s
    .split('$')
    .map((part, k) => {
      if (k % 2 === 0) return escapeHtml(part);
      try {
        return katex.renderToString(part, { throwOnError: true, output: 'html' });
      } catch {
        return `<code>${escapeHtml(part)}</code>`;
      }
    })
    .join('');
}

/** The claim's evidence series attached to its result, if its check returned any. */
export function claimEvidence(c: ClaimReport): Evidence[] {
  const e = (c as ClaimReport & { evidence?: unknown }).evidence;
  return Array.isArray(e) ? (e as Evidence[]) : [];
}

/** The command that replays a claim's row. */
export function replayCommand(c: ClaimReport, r: VerifyReport): string {
  return c.counterexample?.replay ?? `icl-audit verify --claims ${c.id} --seed ${r.seed} --runs ${r.runs}`;
}

const CSS = `
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:1180px;margin:2rem auto;padding:0 1rem;color:#1d1d1f;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem} h2{margin-top:2.2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem} h3{margin-top:1.6rem}
table{border-collapse:collapse;width:100%;font-size:.88rem;margin:.6rem 0} th,td{border:1px solid #ddd;padding:.3rem .45rem;vertical-align:top;text-align:left}
th{background:#f5f5f7} code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.82rem} pre{background:#f7f7f9;padding:.6rem;overflow-x:auto}
.verdict{font-weight:600;padding:.05rem .4rem;border-radius:.3rem;white-space:nowrap} .verified{background:#e3f3e5;color:#1b5e20} .falsified{background:#fde4e4;color:#b71c1c} .inconclusive{background:#fff5d6;color:#8a6100}
figure{margin:1rem 0;padding:.6rem;border:1px solid #eee;border-radius:.4rem} figcaption{font-size:.85rem;color:#444;margin-top:.4rem} figure svg{max-width:100%;height:auto}
.meta{color:#555;font-size:.9rem} .small{font-size:.8rem;color:#555}
`;

function verdictBadge(v: string): string {
  return `<span class="verdict ${escapeHtml(v)}">${escapeHtml(v)}</span>`;
}

function figureHtml(f: RenderedFigure): string {
  return `<figure id="fig-${escapeHtml(f.id)}" class="figure" data-figure="${escapeHtml(f.id)}"><h4>${escapeHtml(f.title)}</h4>${f.svg}<figcaption>${escapeHtml(f.caption)}</figcaption></figure>`;
}

function statementHtml(katex: Katex, c: ClaimReport): string {
  const tex = TEX_STATEMENTS[c.id];
  return tex ? texText(katex, tex) : escapeHtml(c.statement);
}

/** The whole page. */
export async function renderHtmlReport(input: HtmlReportInput): Promise<string> {
  const katex = (await import('katex')).default;
  const r = input.verify;
  const ids = r.claims.map((c) => c.id);
  // each figure once: in the first of its claims this report shows, else in "further evidence"
  const byClaim = new Map<string, RenderedFigure[]>();
  const general: RenderedFigure[] = [];
  const derivationFigures = input.figures.filter((f) => f.placement === 'derivations');
  for (const f of input.figures.filter((x) => x.placement !== 'derivations')) {
    const home = f.claims.find((id) => ids.includes(id));
    if (home) byClaim.set(home, [...(byClaim.get(home) ?? []), f]);
    else general.push(f);
  }
  const rows = r.claims
    .map(
      (c) => `<tr id="row-${c.id}"><td><a href="#claim-${c.id}">${c.id}</a></td><td>${escapeHtml(c.source)}</td><td>${statementHtml(katex, c)}</td><td>${verdictBadge(c.verdict)}</td>
<td>${c.routes.map((x) => escapeHtml(x.replace(/\s*\(.*\)\s*$/, ''))).join('<br>')}</td><td>${fmt(c.worstError)} / ${fmt(c.tolerance)}<br><span class="small">ratio ${fmt(c.worstRatio)}, ${c.cases} cases</span></td>
<td>${c.seed}</td><td><code>${escapeHtml(replayCommand(c, r))}</code></td></tr>`,
    )
    .join('\n');
  const sections = r.claims
    .map((c) => {
      const parts = (c.parts ?? []).length
        ? `<table><tr><th>part</th><th>verdict</th><th>worst error / tolerance</th><th>cases</th><th>note</th></tr>${(c.parts ?? [])
            .map((p) => `<tr><td>${escapeHtml(p.name)}</td><td>${verdictBadge(p.verdict)}</td><td>${fmt(p.worstError)} / ${fmt(p.tolerance)}</td><td>${p.cases ?? ''}</td><td>${escapeHtml(p.note ?? '')}</td></tr>`)
            .join('')}</table>`
        : '';
      const notes = (c.notes ?? []).length ? `<ul>${(c.notes ?? []).map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>` : '';
      const ce = c.counterexample ? `<h4>Counterexample</h4><pre>${escapeHtml(JSON.stringify(c.counterexample, null, 2))}</pre>` : '';
      const figs = [...(byClaim.get(c.id) ?? []), ...(input.evidence?.[c.id] ?? [])].map(figureHtml).join('\n');
      const t = c.toleranceDeclared;
      return `<section class="claim" id="claim-${c.id}"><h3>${c.id} · ${escapeHtml(c.source)} ${verdictBadge(c.verdict)}</h3>
<p>${statementHtml(katex, c)}</p><p class="small">${escapeHtml(c.statement)}</p>
<p><b>Routes:</b> ${c.routes.map(escapeHtml).join(' · ')}</p>
<p><b>Tolerance:</b> ${escapeHtml(t.measure)} ≤ ${escapeHtml(t.bound)}. <span class="small">${escapeHtml(t.justification)}</span></p>
<p><b>Worst case:</b> error ${fmt(c.worstError)} against tolerance ${fmt(c.tolerance)} (ratio ${fmt(c.worstRatio)}) over ${c.cases} cases; seed ${c.seed}; replay <code>${escapeHtml(replayCommand(c, r))}</code></p>
${parts}${notes}${ce}${figs}</section>`;
    })
    .join('\n');
  const derivations = input.derivations.length
    ? `<h2 id="derivations">Symbolic derivations</h2><table><tr><th>derivation</th><th>claims</th><th>verdict</th><th>steps</th><th>time</th></tr>${input.derivations
        .map(
          (d) => `<tr><td>${escapeHtml(d.id)}: ${escapeHtml(d.title)}</td><td>${d.claims.map(escapeHtml).join(', ')}</td><td>${verdictBadge(d.verdict)}</td><td><details><summary>${d.steps.length} steps</summary><ol>${d.steps
            .map((s) => `<li>${verdictBadge(s.verdict)} ${escapeHtml(s.name)}${s.detail ? ` <span class="small">— ${escapeHtml(s.detail)}</span>` : ''}</li>`)
            .join('')}</ol></details></td><td>${(d.ms / 1000).toFixed(2)} s</td></tr>`,
        )
        .join('')}</table>${derivationFigures.map(figureHtml).join('\n')}`
    : derivationFigures.map(figureHtml).join('\n');
  const limits = [...auditLimits(ids), ...(input.limits ?? [])];
  const s = r.summary;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>icl-audit report — Trained Transformers Learn Linear Models In-Context</title>
<link rel="stylesheet" href="katex/katex.min.css"><style>${CSS}</style></head>
<body>
<h1>icl-audit report</h1>
<p class="meta">Zhang, Frei, Bartlett, “Trained Transformers Learn Linear Models In-Context”, JMLR 25(49), 2024 (arXiv 2306.09927), audited claim by claim. icl-audit ${escapeHtml(r.version)}; seed ${r.seed}; ${r.runs} runs per property.</p>
<p id="summary"><b>${s.verified} verified, ${s.falsified} falsified, ${s.inconclusive} inconclusive</b> of ${r.claims.length} claims.</p>
<h2 id="claims">Claims</h2>
<table id="claims-table"><tr><th>id</th><th>source</th><th>statement</th><th>verdict</th><th>routes</th><th>worst error / tolerance</th><th>seed</th><th>replay</th></tr>
${rows}
</table>
<h2 id="evidence">Evidence, claim by claim</h2>
${sections}
${general.length ? `<h2 id="further">Further evidence</h2>${general.map(figureHtml).join('\n')}` : ''}
${derivations}
<h2 id="limits">Limits of this audit</h2>
<ul>${limits.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>
</body></html>
`;
}
