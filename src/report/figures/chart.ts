/** Builds a vega-lite line/point chart (with optional log axes and interval bars) from named series. */
import type { Series, VegaLiteSpec } from './types';

/** Options of {@link lineChart}. */
export interface LineChartOptions {
  x: string;
  y: string;
  logX?: boolean;
  logY?: boolean;
  width?: number;
  height?: number;
  /** d3 format of the y axis labels (e.g. '.1e' for values near round-off). */
  yFormat?: string;
}

/** A multi-series chart: lines for series, points with error bars for `markers` series. */
export function lineChart(series: Series[], o: LineChartOptions): VegaLiteSpec {
  const rows = series.flatMap((s) =>
    s.points
      .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y) && (!o.logX || p.x > 0) && (!o.logY || p.y > 0))
      .map((p) => ({ series: s.name, x: p.x, y: p.y, lo: p.lo ?? null, hi: p.hi ?? null, markers: s.markers === true })),
  );
  const xEnc = { field: 'x', type: 'quantitative', title: o.x, scale: o.logX ? { type: 'log' } : { zero: false }, axis: o.logX ? { grid: false } : {} };
  const yEnc = { field: 'y', type: 'quantitative', title: o.y, scale: o.logY ? { type: 'log' } : { zero: false }, axis: o.yFormat ? { format: o.yFormat } : {} };
  const color = { field: 'series', type: 'nominal', title: null, legend: { orient: 'bottom', columns: 2, labelLimit: 320 } };
  const layers: VegaLiteSpec[] = [];
  if (rows.some((r) => !r.markers)) layers.push({ transform: [{ filter: '!datum.markers' }], mark: { type: 'line', strokeWidth: 1.6 }, encoding: { x: xEnc, y: yEnc, color } });
  if (rows.some((r) => r.markers)) layers.push({ transform: [{ filter: 'datum.markers' }], mark: { type: 'point', filled: true, size: 36 }, encoding: { x: xEnc, y: yEnc, color } });
  if (rows.some((r) => r.lo !== null && r.hi !== null))
    layers.push({
      transform: [{ filter: 'datum.lo !== null && datum.hi !== null' + (o.logY ? ' && datum.lo > 0' : '') }],
      mark: { type: 'rule' },
      encoding: { x: xEnc, y: { ...yEnc, field: 'lo' }, y2: { field: 'hi' }, color },
    });
  return {
    width: o.width ?? 520,
    height: o.height ?? 260,
    data: { values: rows },
    layer: layers,
    config: { font: 'sans-serif', axis: { labelFontSize: 11, titleFontSize: 12 }, legend: { labelFontSize: 11 } },
  };
}
