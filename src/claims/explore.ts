/**
 * `explore`: search outside a claim's assumptions and report where the claim still holds and where it
 * stops, with the smallest failing case found. These are findings outside the paper's assumptions,
 * reported apart from falsifications (a claim is falsified only inside its assumptions, by `verify`).
 */
import { exploreC03Length } from './exploreC03';
import { exploreC08Sigma, exploreC08Theta } from './exploreC08';
import { exploreC10Noise } from './exploreC10';
import { exploreC10Tails } from './exploreC10Tails';

/** What may be varied. */
export const EXPLORE_VARIES = ['sigma', 'theta', 'tails', 'noise', 'N'] as const;
/** One of {@link EXPLORE_VARIES}. */
export type ExploreVary = (typeof EXPLORE_VARIES)[number];

/** One point tried: its inputs, whether the claim held there, and what was measured. */
export interface ExploreRow {
  inputs: Record<string, unknown>;
  holds: boolean | null;
  outcome: string;
  measured: Record<string, unknown>;
}

/** One family of points (e.g. one Λ) searched along the varied quantity. */
export interface ExploreSeries {
  label: string;
  /** The assumption's limit on the varied quantity, where it has one (e.g. Theorem 4.1's σ bound). */
  assumptionBound: number | null;
  rows: ExploreRow[];
  /** The largest (or last) value of the varied quantity at which the claim held. */
  largestHolding: number | null;
  /** The smallest value at which it stopped holding, if any was found. */
  smallestFailing: number | null;
  /** The failing row nearest to where the claim stops holding (after bisection), if any. */
  failingRow?: ExploreRow;
  /** One line. */
  summary: string;
}

/** The result of an exploration. */
export interface ExploreResult {
  claim: string;
  vary: ExploreVary;
  seed: number;
  /** The claim's assumption that is left, in words. */
  outside: string;
  /** What "holds" means here, in words. */
  holdsMeans: string;
  series: ExploreSeries[];
  /** The smallest failing case found over all series (null when none). */
  smallestFailingCase: { series: string; inputs: Record<string, unknown>; outcome: string } | null;
  /** Headline lines. */
  findings: string[];
}

/** Options of {@link explore}. */
export interface ExploreOptions {
  claim: string;
  vary: ExploreVary;
  seed: number;
  /** Progress: done out of total. */
  onProgress?: (done: number, total: number, label: string) => void;
}

type Explorer = (opts: ExploreOptions) => ExploreResult;

const EXPLORERS: Record<string, Partial<Record<ExploreVary, Explorer>>> = {
  C03: { N: exploreC03Length },
  C08: { sigma: exploreC08Sigma, theta: exploreC08Theta },
  C10: { noise: exploreC10Noise, tails: exploreC10Tails },
};

/** The (claim, vary) pairs `explore` supports, as 'C08 --vary sigma'. */
export function supportedExplorations(): string[] {
  return Object.entries(EXPLORERS).flatMap(([c, m]) => Object.keys(m).map((v) => `${c} --vary ${v}`));
}

/** Whether `explore` supports this pair. */
export function isSupportedExploration(claim: string, vary: string): boolean {
  return Boolean(EXPLORERS[claim]?.[vary as ExploreVary]);
}

/** Run the exploration of `opts.claim` along `opts.vary` (throws RangeError for an unsupported pair). */
export function explore(opts: ExploreOptions): ExploreResult {
  const f = EXPLORERS[opts.claim]?.[opts.vary];
  if (!f) throw new RangeError(`no exploration of ${opts.claim} along ${opts.vary} (supported: ${supportedExplorations().join('; ')})`);
  return f(opts);
}

/** The smallest failing case over series (series are listed from the smallest problem up). */
export function firstFailure(series: ExploreSeries[]): ExploreResult['smallestFailingCase'] {
  for (const s of series) {
    const r = s.failingRow ?? s.rows.find((x) => x.holds === false);
    if (r) return { series: s.label, inputs: r.inputs, outcome: r.outcome };
  }
  return null;
}
