import type { StanceCell, StanceMatrix, StanceRow } from '../analysis/types';
import { NewsStanceError, describe } from '../errors';
import {
  GROUP_LABELS,
  baseLayout,
  bottomLegend,
  bool,
  chartConfig,
  escapeText,
  estimateText,
  finite,
  groupRank,
  nonEmptyArray,
  numberIn,
  orderSources,
  round,
  sourceLabels,
  text,
  withDefaults,
} from './common';
import type { Figure, Trace } from './figure';
import { groupColor, sourceColors } from './palette';

/** Options of {@link stanceHeatmap}. */
export interface HeatmapOptions {
  /** Chart title. Default `'Stance toward each target, by source'`. */
  title?: string;
  /** Line under the title. Default: how to read the cells. `''` for none. */
  subtitle?: string;
  /** Add the optimism index (the claim "US-Russia relations will improve") as its own column. Default `true`. */
  optimism?: boolean;
  /** Target ids to show, in this order. Default `null`: every target of the matrix, in its order. */
  targets?: readonly string[] | null;
  /** Print each cell's number of mentions (and the optimism column's cue sentences). Default `true`. */
  counts?: boolean;
  /** Height in pixels. Default `null`: 170 + 46 per source, at least 380. */
  height?: number | null;
}

/** The defaults of {@link stanceHeatmap}. */
export const HEATMAP_DEFAULTS = Object.freeze({
  title: 'Stance toward each target, by source',
  subtitle: 'Mean stance of the sentences mentioning a target, −1 hostile to +1 favourable · numbers: mentions · blank: none',
  optimism: true,
  targets: null as readonly string[] | null,
  counts: true,
  height: null as number | null,
});

/** The diverging colour scale: red for negative stance, near-white at 0, blue for positive. */
export const STANCE_COLORSCALE: ReadonlyArray<readonly [number, string]> = Object.freeze([
  Object.freeze([0, '#b2182b'] as const),
  Object.freeze([0.25, '#ef8a62'] as const),
  Object.freeze([0.5, '#f7f7f7'] as const),
  Object.freeze([0.75, '#67a9cf'] as const),
  Object.freeze([1, '#2166ac'] as const),
]);

/** Column name of the optimism index. */
export const OPTIMISM_COLUMN = 'Relations will improve';

const FN = 'stanceHeatmap';
const NO_MENTIONS: StanceCell = { value: NaN, low: NaN, high: NaN, mentions: 0 };

function cellHover(source: string, target: string, cell: StanceCell): string {
  const head = `<b>${escapeText(source)}</b> → ${escapeText(target)}`;
  if (!cell.mentions) return `${head}<br>no mentions`;
  const n = `${cell.mentions} mention${cell.mentions === 1 ? '' : 's'}`;
  if (!finite(cell.value)) return `${head}<br>no stance estimate<br>${n}`;
  return `${head}<br>stance ${estimateText(cell)}<br>${n}`;
}

/**
 * Sources × targets heatmap of a stance matrix: rows are sources ordered by group (optimistic
 * explainers, sceptical reporting, other), columns are targets; a diverging scale fixed at −1..1
 * and centred on 0; each cell shows its number of mentions; targets a source never mentions are
 * blank, with "no mentions" on hover. Optionally a separate column with the optimism index.
 *
 * @example showFigure(stanceHeatmap(stanceMatrix(corpus)))
 */
export function stanceHeatmap(matrix: StanceMatrix, options: HeatmapOptions = {}): Figure {
  const o = withDefaults(FN, HEATMAP_DEFAULTS, options);
  if (!matrix || typeof matrix !== 'object') throw new NewsStanceError(`${FN}: expected a stance matrix, got ${describe(matrix)}`, { field: 'matrix' });
  const rows = nonEmptyArray(FN, 'matrix.rows', matrix.rows) as readonly StanceRow[];
  const allTargets = nonEmptyArray(FN, 'matrix.targets', matrix.targets);
  const title = text(FN, 'title', o.title);
  const subtitle = text(FN, 'subtitle', o.subtitle);
  const withOptimism = bool(FN, 'optimism', o.optimism);
  const counts = bool(FN, 'counts', o.counts);
  let targets = [...allTargets];
  if (o.targets !== null) {
    if (!Array.isArray(o.targets) || o.targets.length === 0) throw new NewsStanceError(`${FN}: expected a non-empty array of target ids, got ${describe(o.targets)}`, { field: 'options.targets' });
    targets = o.targets.map((id) => {
      const t = allTargets.find((x) => x.id === id);
      if (!t) throw new NewsStanceError(`${FN}: unknown target ${describe(id)}; the matrix has ${allTargets.map((x) => x.id).join(', ')}`, { field: 'options.targets' });
      return t;
    });
  }

  const order = orderSources(rows);
  const byId = new Map(rows.map((r) => [r.source, r]));
  const ordered = order.map((s) => byId.get(s.source) as StanceRow);
  const labels = sourceLabels(order);
  const colors = sourceColors(order);
  const y = ordered.map((r) => labels.get(r.source) as string);
  const height = o.height === null ? Math.max(380, 170 + 46 * ordered.length) : numberIn(FN, 'height', o.height, 100, 5000);

  const cells = ordered.map((r) => targets.map((t) => r.stance?.[t.id] ?? NO_MENTIONS));
  const z = cells.map((row) => row.map((c) => (c.mentions > 0 && finite(c.value) ? round(c.value) : null)));
  const cellText = cells.map((row) => row.map((c) => (counts && c.mentions > 0 ? String(c.mentions) : '')));
  const hover = cells.map((row, i) => row.map((c, j) => cellHover(y[i], targets[j].label, c)));

  const scale = {
    colorscale: STANCE_COLORSCALE.map(([v, c]) => [v, c]),
    zmin: -1,
    zmax: 1,
    zmid: 0,
    zauto: false,
  };
  const data: Trace[] = [
    {
      type: 'heatmap',
      name: 'stance',
      x: targets.map((t) => t.label),
      y,
      z,
      text: cellText,
      texttemplate: '%{text}',
      textfont: { size: 12 },
      hovertext: hover,
      hoverinfo: 'text',
      hoverongaps: true,
      ...scale,
      xgap: 2,
      ygap: 2,
      showscale: true,
      colorbar: { title: { text: 'stance' }, tickvals: [-1, -0.5, 0, 0.5, 1], ticktext: ['−1 hostile', '−0.5', '0', '+0.5', '+1 favourable'], len: 0.9 },
      xaxis: 'x',
      yaxis: 'y',
    },
  ];
  if (withOptimism) {
    data.push({
      type: 'heatmap',
      name: 'optimism index',
      x: [OPTIMISM_COLUMN],
      y,
      z: ordered.map((r) => [r.optimism && r.optimism.sentences > 0 && finite(r.optimism.value) ? round(r.optimism.value) : null]),
      text: ordered.map((r) => [counts && r.optimism?.sentences ? String(r.optimism.sentences) : '']),
      texttemplate: '%{text}',
      textfont: { size: 12 },
      hovertext: ordered.map((r, i) => {
        const head = `<b>${escapeText(y[i])}</b> — optimism index<br>(“US-Russia relations will improve”)`;
        const n = r.optimism?.sentences ?? 0;
        return [n > 0 ? `${head}<br>${estimateText(r.optimism)}<br>${n} sentence${n === 1 ? '' : 's'} with a claim cue` : `${head}<br>no sentences with a claim cue`];
      }),
      hoverinfo: 'text',
      hoverongaps: true,
      ...scale,
      xgap: 2,
      ygap: 2,
      showscale: false,
      xaxis: 'x2',
      yaxis: 'y',
    });
  }
  // Legend entries explaining the colours of the row labels (no data of their own).
  const groups = [...new Set(ordered.map((r) => r.group))].sort((a, b) => groupRank(a) - groupRank(b));
  for (const g of groups) {
    data.push({
      type: 'scatter',
      mode: 'markers',
      name: (GROUP_LABELS as Record<string, string>)[g] ?? g,
      x: [null],
      y: [null],
      marker: { color: groupColor(g), size: 10, symbol: 'square' },
      hoverinfo: 'skip',
      showlegend: true,
      xaxis: 'x',
      yaxis: 'y',
    });
  }

  const layout = {
    ...baseLayout(title, subtitle || undefined, height),
    xaxis: {
      title: { text: 'Target' },
      domain: withOptimism ? [0, 0.83] : [0, 1],
      type: 'category',
      tickangle: -30,
      automargin: true,
      showgrid: false,
      zeroline: false,
    },
    yaxis: {
      title: { text: 'Source' },
      type: 'category',
      autorange: 'reversed',
      tickmode: 'array',
      tickvals: y,
      ticktext: ordered.map((r, i) => `<span style="color:${colors.get(r.source)}">${escapeText(y[i])}</span>`),
      automargin: true,
      showgrid: false,
      zeroline: false,
    },
    ...(withOptimism
      ? { xaxis2: { title: { text: 'Claim' }, domain: [0.86, 1], anchor: 'y', type: 'category', tickangle: -30, automargin: true, showgrid: false, zeroline: false } }
      : {}),
    legend: bottomLegend('Row labels:'),
    margin: { t: 90, r: 30, b: 60, l: 60 },
  };
  return { data, layout: layout as Figure['layout'], config: chartConfig() };
}
