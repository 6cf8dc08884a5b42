/**
 * Figures of the HTML report, as data: a vega-lite specification (data inline) with a title, a caption
 * and the claims it is evidence for. Rendering to SVG is separate (src/report/svg.ts), so figure
 * functions stay plain and testable, and new figures are one more {@link FigureProvider}.
 */
import type { VerifyReport } from '../verifyReport';

/** A vega-lite (v6) top-level specification, kept as plain JSON. */
export type VegaLiteSpec = Record<string, unknown>;

/** One figure of the report. */
export interface Figure {
  /** Unique, file-name safe id, e.g. 'flow-loss-gap'. */
  id: string;
  title: string;
  /** What the figure shows and how to read it (plain text). */
  caption: string;
  /** Claim ids it is evidence for: it appears in those claims' sections (none: in the general section). */
  claims: string[];
  /** Where the figure goes: a claim's section (default) or the symbolic derivations section. */
  placement?: 'claims' | 'derivations';
  spec: VegaLiteSpec;
}

/** A point of a series: x, y, and optionally an interval [lo, hi] around y. */
export interface SeriesPoint {
  x: number;
  y: number;
  lo?: number;
  hi?: number;
}

/** A named series of points, e.g. one covariance's trajectory or one route's values. */
export interface Series {
  name: string;
  points: SeriesPoint[];
  /** Draw as points with error bars instead of a line. */
  markers?: boolean;
}

/**
 * Evidence a claim's check may attach to its result (`evidence` on a claim report): one or more
 * series to plot in the claim's section. Optional: claims without it get their parts table only.
 */
export interface Evidence {
  title: string;
  caption?: string;
  x: string;
  y: string;
  logX?: boolean;
  logY?: boolean;
  series: Series[];
}

/** What a figure provider receives. */
export interface FigureContext {
  /** Root seed of the report (every draw descends from it). */
  seed: number;
  /** The verify report the HTML shows. */
  verify: VerifyReport;
  /** Fewer points and samples (tests and quick looks). */
  quick: boolean;
  /** Extra inputs, e.g. `runs` (folders of trained runs given with `--run DIR`); providers ignore what they do not use. */
  inputs: Record<string, unknown>;
}

/** A function that computes figures for the report. */
export type FigureProvider = (ctx: FigureContext) => Figure[] | Promise<Figure[]>;
