import { createHash } from 'node:crypto';
import { NewsStanceError } from '../errors';
import { bool, numberIn, withDefaults } from '../charts/common';
import { assertFigure, figureJson, figureTitle, type Figure } from '../charts/figure';

/**
 * Showing plotly figures in a tslab notebook. One output carries the figure twice:
 * `application/vnd.plotly.v1+json`, which the plotly extension renders in JupyterLab 4 and
 * Notebook 7 (offline: the extension ships plotly.js), and a `text/html` fallback for every
 * other viewer (nbconvert's HTML, classic front ends), a div and a script that draws with
 * `window.Plotly` when the page has it and otherwise says how to see the chart. The notebook
 * never carries plotly.js itself.
 */

/** The MIME type of a plotly figure in Jupyter. */
export const PLOTLY_MIME = 'application/vnd.plotly.v1+json';

/** Options of {@link showFigure} and {@link figureBundle}. */
export interface ShowFigureOptions {
  /** Include the `text/html` fallback. Default `true`. */
  fallback?: boolean;
  /** Height of the fallback's drawing area in pixels. Default `null`: the figure's `layout.height`, else 450. */
  height?: number | null;
}

/** The defaults of {@link showFigure}. */
export const SHOW_FIGURE_DEFAULTS = Object.freeze({ fallback: true, height: null as number | null });

/** What the fallback says where no plotly.js is loaded. */
export const FALLBACK_NOTE =
  'Interactive chart: open this notebook in JupyterLab or Notebook 7 (plotly extension), or export it with renderReport() or exportCharts().';

/** The message tslab's `display_data` takes. */
export interface DisplayMessage {
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  transient: Record<string, unknown>;
}

let shown = 0;

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The text/html fallback: a div and a script that draws into it with `window.Plotly` when the
 * page has plotly.js (as {@link renderReport}'s pages do) and otherwise writes a short note.
 * The script finds its div as its previous sibling (ids may repeat when pages are joined), by id
 * otherwise.
 */
export function fallbackHtml(figure: Figure, id: string, height: number): string {
  const json = figureJson(figure);
  const note = JSON.stringify(escapeHtml(FALLBACK_NOTE));
  return [
    `<div id="${id}" class="news-stance-plot" style="width:100%;min-height:${height}px"></div>`,
    '<script type="text/javascript">',
    '(function () {',
    '  var s = document.currentScript;',
    `  var el = s && s.previousElementSibling && s.previousElementSibling.className === 'news-stance-plot' ? s.previousElementSibling : document.getElementById(${JSON.stringify(id)});`,
    '  if (!el) return;',
    `  var fig = ${json};`,
    "  if (window.Plotly && typeof window.Plotly.newPlot === 'function') {",
    '    window.Plotly.newPlot(el, fig.data, fig.layout, fig.config || { responsive: true });',
    '  } else {',
    "    el.style.minHeight = '0';",
    `    el.innerHTML = '<p style="color:#666;font-style:italic;margin:4px 0">' + ${JSON.stringify(escapeHtml(figureTitle(figure) || 'Chart'))} + ': ' + ${note} + '</p>';`,
    '  }',
    '})();',
    '</script>',
  ].join('\n');
}

/**
 * The MIME bundle of one figure: the plotly JSON, the text/html fallback and a text/plain line.
 * Pure; {@link showFigure} sends it to the kernel.
 */
export function figureBundle(figure: Figure, options: ShowFigureOptions = {}): Record<string, unknown> {
  assertFigure(figure);
  const o = withDefaults('showFigure', SHOW_FIGURE_DEFAULTS, options);
  const fallback = bool('showFigure', 'fallback', o.fallback);
  const height = o.height === null ? (typeof figure.layout.height === 'number' ? figure.layout.height : 450) : numberIn('showFigure', 'height', o.height, 50, 5000);
  // NaN is not JSON: the plotly bundle gets the same null-for-NaN figure the fallback draws.
  const plain = JSON.parse(figureJson(figure)) as Figure;
  const bundle: Record<string, unknown> = { [PLOTLY_MIME]: plain };
  if (fallback) {
    shown += 1;
    const id = `ns-plot-${createHash('sha1').update(figureJson(figure)).update(String(shown)).digest('hex').slice(0, 12)}`;
    bundle['text/html'] = fallbackHtml(figure, id, height);
  }
  bundle['text/plain'] = `<Figure: ${figureTitle(figure) || 'untitled'} (${figure.data.length} trace${figure.data.length === 1 ? '' : 's'})>`;
  return bundle;
}

type WriteDisplayData = (message: DisplayMessage, update: boolean) => void;

/** tslab's current display writer, or a clear error outside the tslab kernel. */
function tslabWriter(): WriteDisplayData {
  let jupyter: { lastWriteDisplayData?: WriteDisplayData | null };
  try {
    jupyter = require('tslab/dist/jupyter') as typeof jupyter;
  } catch {
    throw new NewsStanceError('showFigure needs the tslab kernel, and tslab is not installed', {}, 'Run `npm install`, then open the notebook with the "TypeScript" (tslab) kernel');
  }
  const write = jupyter.lastWriteDisplayData;
  if (typeof write !== 'function') {
    throw new NewsStanceError(
      'showFigure works only inside a notebook on the tslab kernel',
      {},
      'Outside Jupyter, write the figure with figureHtml() or exportCharts() instead',
    );
  }
  return write;
}

/**
 * Shows a figure in the notebook as ONE output with both the plotly JSON (drawn by the plotly
 * extension in JupyterLab and Notebook 7, offline) and a text/html fallback (drawn by nbconvert
 * pages that load plotly.js, a note elsewhere). Throws a clear error outside the tslab kernel.
 *
 * @example showFigure(stanceHeatmap(analysis.stance))
 */
export function showFigure(figure: Figure, options: ShowFigureOptions = {}): void {
  const bundle = figureBundle(figure, options);
  tslabWriter()({ data: bundle, metadata: {}, transient: {} }, false);
}
