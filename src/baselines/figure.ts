/**
 * Figure 1's panels as SVG, rendered headless: a vega-lite spec (one facet per test condition; a line
 * and a 90 % band per model; log error axis), compiled and drawn by vega with no renderer attached.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { PanelResult } from './evaluate';

/** Floor of the log axis: errors below it (least squares past M = d, noiseless) are drawn at it. */
export const ERROR_FLOOR = 1e-3;

/** The vega-lite spec of the figure. */
export function figureSpec(results: PanelResult[], title: string): TopLevelSpec {
  const values = results.flatMap((r) =>
    r.curves.flatMap((c) =>
      r.ms.map((m, i) => ({
        panel: r.panel.name,
        model: c.model,
        M: m,
        error: Math.max(ERROR_FLOOR, c.mean[i]),
        lo: Math.max(ERROR_FLOOR, c.lo[i]),
        hi: Math.max(ERROR_FLOOR, c.hi[i]),
      })),
    ),
  );
  const y = { field: 'error', type: 'quantitative', scale: { type: 'log' }, title: 'squared error / d' } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    data: { values },
    facet: { field: 'panel', type: 'nominal', sort: results.map((r) => r.panel.name), title: 'test covariance' },
    columns: Math.min(4, results.length),
    spec: {
      width: 220,
      height: 180,
      layer: [
        {
          mark: { type: 'area', opacity: 0.2 },
          encoding: {
            x: { field: 'M', type: 'quantitative', title: 'in-context examples M' },
            y: { field: 'lo', type: 'quantitative', scale: { type: 'log' }, title: 'squared error / d' },
            y2: { field: 'hi' },
            color: { field: 'model', type: 'nominal' },
          },
        },
        {
          mark: { type: 'line' },
          encoding: { x: { field: 'M', type: 'quantitative' }, y, color: { field: 'model', type: 'nominal' } },
        },
      ],
    },
  } as TopLevelSpec;
}

/** Render the figure to an SVG string. */
export async function renderFigureSvg(results: PanelResult[], title: string): Promise<string> {
  const compiled = compile(figureSpec(results, title)).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}
