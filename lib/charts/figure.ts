/**
 * A plain plotly figure: what every chart builder returns and what plotly.js, the Jupyter plotly
 * renderer (`application/vnd.plotly.v1+json`) and the exporters take. Only the fields the
 * builders use are typed; anything else plotly accepts can be added through the index signatures.
 * Everything is JSON-safe: missing values are `null`, never NaN.
 */
import { NewsStanceError } from '../errors';

/** One value of a data array: `null` leaves a gap (a blank heatmap cell, a missing bar). */
export type Datum = number | string | null;

/** Text with plotly's limited HTML (`<b>`, `<br>`, `<span style>`). */
export interface TitleSpec {
  text: string;
  subtitle?: { text: string };
  [key: string]: unknown;
}

/** Asymmetric error bars: `array` above the value, `arrayminus` below. */
export interface ErrorBars {
  type: 'data';
  symmetric: boolean;
  array: Datum[];
  arrayminus?: Datum[];
  visible: boolean;
  [key: string]: unknown;
}

/** One trace (`heatmap`, `bar`, `box`, `violin`, `scatter`). */
export interface Trace {
  type: string;
  name?: string;
  x?: Datum[];
  y?: Datum[];
  z?: Datum[][];
  text?: string | string[] | string[][];
  hovertext?: string | string[] | string[][];
  hovertemplate?: string;
  xaxis?: string;
  yaxis?: string;
  [key: string]: unknown;
}

/** An axis of the layout. */
export interface Axis {
  title?: TitleSpec;
  [key: string]: unknown;
}

/** The layout: title, axes (`xaxis`, `yaxis`, `xaxis2`, ...), legend, annotations. */
export interface Layout {
  title: TitleSpec;
  xaxis?: Axis;
  yaxis?: Axis;
  [key: string]: unknown;
}

/** A plotly figure. */
export interface Figure {
  data: Trace[];
  layout: Layout;
  /** plotly's config (`responsive`, `displaylogo`, ...). */
  config?: Record<string, unknown>;
}

/** The figure's title text without plotly's HTML tags, e.g. for a page title or a file list. */
export function figureTitle(figure: Figure): string {
  const text = figure?.layout?.title?.text ?? '';
  return text.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * The figure as JSON text: non-finite numbers become `null` (as plotly expects), and `</` is
 * escaped so the text can sit inside an HTML `<script>` element.
 */
export function figureJson(figure: Figure): string {
  return JSON.stringify(figure, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value)).replace(/<\//g, '<\\/');
}

/** Throws a clear error when a value is not a figure (`{ data: [...], layout: {...} }`). */
export function assertFigure(figure: unknown, what = 'figure'): asserts figure is Figure {
  const f = figure as Partial<Figure> | null;
  if (!f || typeof f !== 'object' || !Array.isArray(f.data) || !f.layout || typeof f.layout !== 'object') {
    throw new NewsStanceError('expected a plotly figure { data: Trace[], layout: {...} } as the chart functions return', { field: what });
  }
}
