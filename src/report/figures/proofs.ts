/** The symbolic derivations' steps (from `prove`): each step's time, coloured by its verdict. */
import type { DerivationResult } from '../../../proofs/types';
import type { Figure, VegaLiteSpec } from './types';

/** The steps chart: one dot per step (time on a log axis), coloured by verdict, grouped by derivation. */
export function proofStepsSpec(results: readonly DerivationResult[]): VegaLiteSpec {
  const rows = results.flatMap((r) => r.steps.map((s, k) => ({ derivation: r.id, step: `${r.id} · ${k + 1}. ${s.name}`.slice(0, 90), ms: Math.max(s.ms, 0.01), verdict: s.verdict })));
  return {
    width: 420,
    height: { step: 12 },
    data: { values: rows },
    mark: { type: 'point', filled: true, size: 40 },
    encoding: {
      y: { field: 'step', type: 'nominal', sort: null, title: null, axis: { labelLimit: 420, labelFontSize: 9 } },
      x: { field: 'ms', type: 'quantitative', scale: { type: 'log' }, title: 'time of the step (ms)' },
      color: { field: 'verdict', type: 'nominal', scale: { domain: ['verified', 'falsified', 'inconclusive'], range: ['#2e7d32', '#c62828', '#f9a825'] }, legend: { orient: 'bottom' } },
    },
    config: { font: 'sans-serif' },
  };
}

/** The derivation-steps figure (one for all derivations run). */
export function proofFigures(results: readonly DerivationResult[]): Figure[] {
  if (results.length === 0) return [];
  const claims = [...new Set(results.flatMap((r) => r.claims))];
  return [
    {
      id: 'proof-steps',
      title: 'Symbolic derivations: every step checked',
      caption: `The steps of ${results.map((r) => r.id).join(', ')} (icl-audit prove): each identity re-derived from ŷ’s definition with exact rational polynomials and decided by expanding the difference to 0, confirmed at random rational points. Position: the step’s time (log axis); colour: its verdict.`,
      claims,
      placement: 'derivations',
      spec: proofStepsSpec(results),
    },
  ];
}
