import { bool, numberIn, text, withDefaults } from '../charts/common';
import { assertFigure, figureJson, figureTitle, type Figure } from '../charts/figure';
import { plotlyScriptTag } from './plotly-js';

/** Options of {@link figureHtml}. */
export interface FigureHtmlOptions {
  /** The page's `<title>`. Default `null`: the figure's title, else "news-stance chart". */
  title?: string | null;
  /** Height of the chart in pixels. Default `null`: the figure's `layout.height`, else 560. */
  height?: number | null;
  /** Text under the chart (plain text, escaped). Default `''`: none. */
  caption?: string;
  /** Inline plotly.js so the page works from file:// offline. Default `true`; `false` only for pages that load plotly.js some other way. */
  inlinePlotly?: boolean;
}

/** The defaults of {@link figureHtml}. */
export const FIGURE_HTML_DEFAULTS = Object.freeze({ title: null as string | null, height: null as number | null, caption: '', inlinePlotly: true });

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A self-contained interactive HTML page for one figure: plotly.js inlined once, the figure as
 * JSON in a `<script type="application/json">` element, drawn on load. Works from file://
 * without a network.
 *
 * @example writeFileAtomic('out/heatmap.html', figureHtml(stanceHeatmap(matrix)))
 */
export function figureHtml(figure: Figure, options: FigureHtmlOptions = {}): string {
  assertFigure(figure);
  const o = withDefaults('figureHtml', FIGURE_HTML_DEFAULTS, options);
  const title = o.title === null ? figureTitle(figure) || 'news-stance chart' : text('figureHtml', 'title', o.title);
  const height = o.height === null ? (typeof figure.layout.height === 'number' ? figure.layout.height : 560) : numberIn('figureHtml', 'height', o.height, 50, 10000);
  const caption = text('figureHtml', 'caption', o.caption);
  const inline = bool('figureHtml', 'inlinePlotly', o.inlinePlotly);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="news-stance">
<title>${escapeHtml(title)}</title>
<style>
  body { margin: 16px; font-family: "DejaVu Sans", Arial, sans-serif; color: #222; background: #fff; }
  #chart { width: 100%; height: ${height}px; }
  .caption { color: #555; font-size: 14px; max-width: 60em; }
  .no-plotly { color: #a00; }
</style>
${inline ? plotlyScriptTag() : ''}
</head>
<body>
<div id="chart" class="news-stance-chart"></div>
${caption ? `<p class="caption">${escapeHtml(caption)}</p>\n` : ''}<script type="application/json" id="figure">${figureJson(figure)}</script>
<script type="text/javascript">
(function () {
  var el = document.getElementById('chart');
  var fig = JSON.parse(document.getElementById('figure').textContent);
  if (!window.Plotly) { el.innerHTML = '<p class="no-plotly">plotly.js did not load, so the chart cannot be drawn.</p>'; return; }
  var layout = Object.assign({}, fig.layout, { height: ${height} });
  window.Plotly.newPlot(el, fig.data, layout, Object.assign({ responsive: true }, fig.config || {}));
})();
</script>
</body>
</html>
`;
}
