/**
 * Side by side: P2's expansion — the reduced population loss L(u, U) = ½E(ŷ − y_q)² from the LSA
 * definition with full symbolic Λ and symbolic N — by our two engines and by SymPy doing the same
 * expansion from the same definition (scripts/compare/symbolic.py: coincidence classes, Wick pairings
 * memoized by index multiset, per independent vector).
 *
 * Forms timed:
 * - ours, own polynomial layer (src/symbolic/model.ts populationLoss): 3 warm-up runs (JIT), then the best
 *   of 20 (d = 2) or 10 (d = 3); the first, cold run is reported in the notes.
 * - ours, nerdamer (src/symbolic/nerdamerModel.ts, heat-operator expectations): one run after a warm-up
 *   at d = 1 (d = 3 with full Λ takes minutes; set SYMBOLIC_COMPARE_NERDAMER_D3=0 to skip it).
 * - SymPy 1.14: `ring` (sparse polynomials over QQ, the same representation as our layer; the reference)
 *   and `expr` (general expressions + expand), best of 5 / 3 runs timed inside Python after imports.
 * Both sides produce 2N²L with the same number of terms (56 at d = 2, 363 at d = 3), checked here, and
 * the same terms with the same exact coefficients (SymPy sends its terms; compared after the timing).
 *
 * Run standalone: npx tsx scripts/compare/symbolic.ts
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { covarianceSymbols, populationLoss, reducedParams } from '../../src/symbolic/model';
import { PolyRing } from '../../src/symbolic/poly';
import { rf } from '../../src/symbolic/ratfunc';
import { nerdamerLoss, nReducedParams } from '../../src/symbolic/nerdamerModel';
import { kernelLabel, type CompareRow, type KernelInfo } from './types';


interface PyResult {
  sympy: string;
  results: Record<string, { seconds: number; terms: number; runs: number; poly?: Array<[string, string]> }>;
  kernel: KernelInfo;
}

function ownLoss(d: number): number {
  const ring = new PolyRing(); // a fresh ring per run: interning the symbols is part of the time
  return populationLoss(ring, { d, promptCov: covarianceSymbols(ring, 'l', d) }, reducedParams(ring, d)).num.size;
}

/**
 * Compare our 2N²L with SymPy's term by term, exact coefficients: 'all K coefficients equal' or what
 * differs. Monomials are keyed as symbolic.py keys them (variables sorted by name, 'name^e' joined by '*').
 */
function sameCoefficients(d: number, theirs: Array<[string, string]> | undefined): string {
  if (!theirs) return 'SymPy sent no terms';
  const ring = new PolyRing();
  const L = populationLoss(ring, { d, promptCov: covarianceSymbols(ring, 'l', d) }, reducedParams(ring, d));
  const twoN2L = L.mul(rf(ring.sym('N').pow(2).scale(2)));
  if (twoN2L.factors.length) return `ours 2N²L keeps a denominator ${twoN2L.denString()} (DIFFER)`;
  const ours = new Map<string, string>();
  for (const t of twoN2L.num.terms.values()) {
    const key = t.vars
      .map((v, k) => [ring.varName(v), t.exps[k]] as const)
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([n, e]) => (e === 1 ? n : `${n}^${e}`))
      .join('*');
    ours.set(key, `${t.c.n}/${t.c.d}`);
  }
  for (const [key, c] of theirs) {
    const o = ours.get(key);
    if (o !== c) return `coefficient of ${key || '1'}: ours ${o ?? 'none'}, SymPy ${c} (DIFFER)`;
  }
  if (ours.size !== theirs.length) return `ours ${ours.size} terms, SymPy ${theirs.length} (DIFFER)`;
  return `all ${theirs.length} coefficients equal`;
}

function timeOwn(d: number, reps: number): { best: number; cold: number; terms: number } {
  let t = performance.now();
  const terms = ownLoss(d);
  const cold = (performance.now() - t) / 1000;
  for (let k = 0; k < 3; k++) ownLoss(d);
  let best = Infinity;
  for (let k = 0; k < reps; k++) {
    t = performance.now();
    ownLoss(d);
    best = Math.min(best, (performance.now() - t) / 1000);
  }
  return { best, cold, terms };
}

function lambdaStrings(d: number): string[][] {
  return Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => `l${Math.min(i, j) + 1}${Math.max(i, j) + 1}`));
}

function timeNerdamer(d: number): number {
  const t = performance.now();
  nerdamerLoss(d, nReducedParams(d), { lambda: lambdaStrings(d) });
  return (performance.now() - t) / 1000;
}

/** Run the comparison; rows for d = 2 and 3, both engines. */
export async function compare(): Promise<CompareRow[]> {
  const here = dirname(fileURLToPath(import.meta.url));
  const py = JSON.parse(
    execFileSync('python3', [join(here, 'symbolic.py')], { input: JSON.stringify({ dims: [2, 3, 4], repeats: 5 }), encoding: 'utf8', maxBuffer: 1 << 22 }),
  ) as PyResult;
  const rows: CompareRow[] = [];
  for (const d of [2, 3, 4]) {
    const own = timeOwn(d, d === 2 ? 20 : d === 3 ? 10 : 2);
    const ring = py.results[`ring-d${d}`];
    const expr = py.results[`expr-d${d}`] as { seconds: number; terms: number } | undefined;
    const sameTerms = ring.terms === own.terms && (!expr || expr.terms === own.terms);
    rows.push({
      task: `P2 L(u,U) d=${d}, full Λ: own polynomial layer`,
      ours: own.best,
      reference: ring.seconds,
      unit: 's',
      referenceLabel: `SymPy ${py.sympy} ring (QQ)`,
      speedup: ring.seconds / own.best,
      oursThreads: 1,
      referenceKernel: kernelLabel(py.kernel),
      notes: `ours best of ${d === 2 ? 20 : d === 3 ? 10 : 2} after 3 warm-ups (first cold run ${own.cold.toFixed(4)} s, ${(own.cold / own.best).toFixed(1)}× warm); ${expr ? `SymPy expr+expand ${expr.seconds.toFixed(4)} s (speedup vs it ${(expr.seconds / own.best).toFixed(1)}×)` : 'SymPy expr+expand not run at d = 4'}; terms of 2N²L: ours ${own.terms}, SymPy ${ring.terms}${sameTerms ? ' (same)' : ' (DIFFER)'}; ${sameCoefficients(d, ring.poly)}`,
    });
  }
  timeNerdamer(1); // warm-up
  for (const d of [2, 3]) {
    // nerdamer at d = 3 takes minutes: only when asked (SYMBOLIC_COMPARE_NERDAMER_D3=1)
    if (d === 3 && process.env.SYMBOLIC_COMPARE_NERDAMER_D3 !== '1') continue;
    const t = timeNerdamer(d);
    const ring = py.results[`ring-d${d}`];
    rows.push({
      task: `P2 L(u,U) d=${d}, full Λ: nerdamer (heat operator)`,
      ours: t,
      reference: ring.seconds,
      unit: 's',
      referenceLabel: `SymPy ${py.sympy} ring (QQ)`,
      speedup: ring.seconds / t,
      oursThreads: 1,
      referenceKernel: kernelLabel(py.kernel),
      notes: `one run; SymPy expr+expand ${py.results[`expr-d${d}`].seconds.toFixed(4)} s. nerdamer is the independent second engine, not the fast path`,
    });
  }
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const r of await compare()) console.log(`${r.task}: ours ${r.ours.toPrecision(4)} s, ${r.referenceLabel} ${r.reference.toPrecision(4)} s, speedup ${r.speedup.toFixed(2)}× — ${r.notes}`);
}
