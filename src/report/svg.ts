/**
 * Render a vega-lite specification to an SVG string in Node (vega and vega-lite are loaded on first use:
 * only the report needs them). No canvas, no network: the renderer is vega's SVG string renderer.
 */
import type { VegaLiteSpec } from './figures/types';

let modules: Promise<[typeof import('vega'), typeof import('vega-lite')]> | null = null;

/** The SVG of a vega-lite spec. Throws when the spec does not compile or render. */
export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  modules ??= Promise.all([import('vega'), import('vega-lite')]);
  const [vega, vegaLite] = await modules;
  const compiled = vegaLite.compile(spec as unknown as Parameters<typeof vegaLite.compile>[0]).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.Warn });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
