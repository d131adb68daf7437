import type { Estimate, GroupComparison } from '../analysis/types';
import { NewsStanceError, describe } from '../errors';
import { baseLayout, bottomLegend, bool, chartConfig, errorArrays, estimateText, escapeText, finite, groupLabel, groupRank, nonEmptyArray, numberIn, oneOf, orNull, round, signed, text, withDefaults, wrapLabel } from './common';
import type { Figure, Trace } from './figure';
import { groupColor } from './palette';

/** Options of {@link groupBars}. */
export interface GroupBarsOptions {
  /** Chart title. Default `'Optimistic explainers vs sceptical reporting'`. */
  title?: string;
  /** Line under the title. Default: what the bars and whiskers are. `''` for none. */
  subtitle?: string;
  /** Measures (`GroupComparison.measure`, e.g. `'optimism'`, `'stance:trump'`) to show, in this order. Default `null`: all, in the given order. */
  measures?: readonly string[] | null;
  /** `'v'`: measures along the x axis, bars upward; `'h'`: measures down the y axis, bars sideways. Default `'v'`. */
  orientation?: 'v' | 'h';
  /** Write each measure's permutation p-value and Hedges' g beside its bars. Default `true`. */
  annotate?: boolean;
  /** Height in pixels. Default `null`: 460 for `'v'`, 150 + 60 per measure for `'h'`. */
  height?: number | null;
}

/** The defaults of {@link groupBars}. */
export const GROUP_BARS_DEFAULTS = Object.freeze({
  title: 'Optimistic explainers vs sceptical reporting',
  subtitle: 'Group means with 95% bootstrap confidence intervals; p: two-sided permutation test, g: Hedges’ g',
  measures: null as readonly string[] | null,
  orientation: 'v' as 'v' | 'h',
  annotate: true,
  height: null as number | null,
});

const FN = 'groupBars';

/** `p = 0.031`, `p < 0.001`, or `p n/a`. */
export function pText(p: number): string {
  if (!finite(p)) return 'p n/a';
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

/**
 * Bars comparing two groups of sources on each measure of a group comparison: one bar per group
 * and measure, asymmetric error bars from each estimate's confidence interval, and the p-value and
 * effect size written beside each measure.
 *
 * @example showFigure(groupBars(compareGroups(stanceMatrix(corpus)), { measures: ['optimism', 'stance:trump'] }))
 */
export function groupBars(comparisons: readonly GroupComparison[], options: GroupBarsOptions = {}): Figure {
  const o = withDefaults(FN, GROUP_BARS_DEFAULTS, options);
  const all = nonEmptyArray(FN, 'comparisons', comparisons);
  const title = text(FN, 'title', o.title);
  const subtitle = text(FN, 'subtitle', o.subtitle);
  const orientation = oneOf(FN, 'orientation', o.orientation, ['v', 'h'] as const);
  const annotate = bool(FN, 'annotate', o.annotate);
  let list = [...all];
  if (o.measures !== null) {
    if (!Array.isArray(o.measures) || o.measures.length === 0) throw new NewsStanceError(`${FN}: expected a non-empty array of measure names, got ${describe(o.measures)}`, { field: 'options.measures' });
    list = o.measures.map((m) => {
      const c = all.find((x) => x.measure === m);
      if (!c) throw new NewsStanceError(`${FN}: unknown measure ${describe(m)}; the comparisons have ${all.map((x) => x.measure).join(', ')}`, { field: 'options.measures' });
      return c;
    });
  }
  for (const c of list) {
    if (!c || typeof c.measure !== 'string' || !c.a || !c.b) throw new NewsStanceError(`${FN}: expected group comparisons as compareGroups returns, got ${describe(c)}`, { field: 'comparisons' });
  }
  const height = o.height === null ? (orientation === 'v' ? 460 : Math.max(320, 150 + 60 * list.length)) : numberIn(FN, 'height', o.height, 100, 5000);

  // Category labels: the readable label, or the measure id where two labels coincide.
  const labelCount = new Map<string, number>();
  for (const c of list) labelCount.set(c.label, (labelCount.get(c.label) ?? 0) + 1);
  const cats = list.map((c) => ((labelCount.get(c.label) ?? 0) > 1 || !c.label ? `${c.label || c.measure} [${c.measure}]` : c.label));
  const tickText = cats.map((c) => wrapLabel(c, orientation === 'v' ? 16 : 26));

  const groups = [...new Set(list.flatMap((c) => [c.groupA, c.groupB]))].sort((a, b) => groupRank(a) - groupRank(b));
  const data: Trace[] = groups.map((g) => {
    const est: Array<(Estimate & { n: number }) | undefined> = list.map((c) => (c.groupA === g ? c.a : c.groupB === g ? c.b : undefined));
    const values = est.map((e) => (e ? orNull(e.value) : null)).map((v) => (v === null ? null : round(v)));
    const err = errorArrays(est);
    const hover = est.map((e, i) => (e ? `<b>${escapeText(groupLabel(g))}</b><br>${escapeText(cats[i])}<br>mean ${estimateText(e)}<br>n = ${e.n}` : `<b>${escapeText(groupLabel(g))}</b><br>${escapeText(cats[i])}<br>not compared`));
    const errorBars = { type: 'data', symmetric: false, array: err.array, arrayminus: err.arrayminus, visible: true, color: '#333333', thickness: 1.5, width: 6 };
    return {
      type: 'bar',
      name: groupLabel(g),
      orientation,
      ...(orientation === 'v' ? { x: cats, y: values, error_y: errorBars } : { x: values, y: cats, error_x: errorBars }),
      marker: { color: groupColor(g), line: { color: '#ffffff', width: 0.5 } },
      hovertext: hover,
      hoverinfo: 'text',
      offsetgroup: g,
    } as Trace;
  });

  const annotations = annotate
    ? list.map((c, i) => {
        const words = `${pText(c.p)}<br>g = ${finite(c.effectSize) ? signed(c.effectSize) : 'n/a'}`;
        return orientation === 'v'
          ? { x: cats[i], y: 1, xref: 'x', yref: 'paper', yanchor: 'bottom', text: words, showarrow: false, font: { size: 11, color: '#555555' } }
          : { x: 1, y: cats[i], xref: 'paper', yref: 'y', xanchor: 'left', text: words, showarrow: false, font: { size: 11, color: '#555555' } };
      })
    : [];
  const valueAxis = { title: { text: 'group mean (95% CI)' }, zeroline: true, zerolinecolor: '#888888', zerolinewidth: 1, gridcolor: '#eeeeee', automargin: true };
  const measureAxis = { title: { text: 'Measure' }, type: 'category', automargin: true, tickmode: 'array', tickvals: cats, ticktext: tickText, ...(orientation === 'h' ? { autorange: 'reversed' } : { tickangle: 0 }) };
  const base = baseLayout(title, subtitle || undefined, height);
  const layout = {
    ...base,
    barmode: 'group',
    bargap: 0.25,
    bargroupgap: 0.05,
    xaxis: orientation === 'v' ? measureAxis : valueAxis,
    yaxis: orientation === 'v' ? valueAxis : measureAxis,
    legend: bottomLegend('Group:'),
    annotations,
    margin: { ...base.margin, t: 120, r: orientation === 'h' && annotate ? 170 : 30, b: 70 },
  };
  return { data, layout: layout as Figure['layout'], config: chartConfig() };
}
