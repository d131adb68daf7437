import type { ScoredSentence, SourceRef } from '../analysis/types';
import { NewsStanceError } from '../errors';
import { baseLayout, bool, chartConfig, escapeText, finite, groupLabel, nonEmptyArray, numberIn, oneOf, orderSources, round, snippet, sourceLabels, text, withDefaults } from './common';
import type { Figure, Trace } from './figure';
import { sourceColors } from './palette';

/** Per-sentence measures {@link sentimentDistributions} can show. */
export const DISTRIBUTION_MEASURES = ['sentiment', 'optimism'] as const;
export type DistributionMeasure = (typeof DISTRIBUTION_MEASURES)[number];

/** Options of {@link sentimentDistributions}. */
export interface DistributionOptions {
  /** `'box'` (quartiles, mean) or `'violin'` (density with a box inside). Default `'box'`. */
  kind?: 'box' | 'violin';
  /** `'sentiment'` (every sentence) or `'optimism'` (only sentences with a claim cue). Default `'sentiment'`. */
  measure?: DistributionMeasure;
  /** Which sentences to draw as points beside the box: `'all'`, `'outliers'` or `'none'`. Default `'all'`. */
  points?: 'all' | 'outliers' | 'none';
  /** Chart title. Default `null`: "Sentence sentiment by source" or "Optimism of claim sentences by source". */
  title?: string | null;
  /** Line under the title. Default `null`: what one point is. `''` for none. */
  subtitle?: string | null;
  /** Sources for the colours, e.g. the stance matrix rows, so every chart colours a source alike. Default `null`: the sources of the sentences. */
  sources?: readonly SourceRef[] | null;
  /** Show a legend (the source labels are also on the axis). Default `true`. */
  legend?: boolean;
  /** Height in pixels. Default `480`. */
  height?: number;
}

/** The defaults of {@link sentimentDistributions}. */
export const DISTRIBUTION_DEFAULTS = Object.freeze({
  kind: 'box' as 'box' | 'violin',
  measure: 'sentiment' as DistributionMeasure,
  points: 'all' as 'all' | 'outliers' | 'none',
  title: null as string | null,
  subtitle: null as string | null,
  sources: null as readonly SourceRef[] | null,
  legend: true,
  height: 480,
});

const FN = 'sentimentDistributions';
const MEASURE_TEXT: Record<DistributionMeasure, { title: string; subtitle: string; axis: string }> = {
  sentiment: { title: 'Sentence sentiment by source', subtitle: 'One point per sentence; box: quartiles and median, dashed line: mean', axis: 'sentence sentiment (−1 to +1)' },
  optimism: {
    title: 'Optimism of claim sentences by source',
    subtitle: 'Sentences with a cue about whether US-Russia relations will improve; −1 sceptical, +1 optimistic',
    axis: 'optimism (−1 to +1)',
  },
};

/**
 * The distribution of a per-sentence measure in each source, as box plots or violins, sources
 * ordered by group and coloured by group hue; hovering a point shows its sentence.
 *
 * @example showFigure(sentimentDistributions(analysis.sentences, { kind: 'violin' }))
 */
export function sentimentDistributions(sentences: readonly ScoredSentence[], options: DistributionOptions = {}): Figure {
  const o = withDefaults(FN, DISTRIBUTION_DEFAULTS, options);
  const list = nonEmptyArray(FN, 'sentences', sentences);
  const kind = oneOf(FN, 'kind', o.kind, ['box', 'violin'] as const);
  const measure = oneOf(FN, 'measure', o.measure, DISTRIBUTION_MEASURES);
  const points = oneOf(FN, 'points', o.points, ['all', 'outliers', 'none'] as const);
  const legend = bool(FN, 'legend', o.legend);
  const height = numberIn(FN, 'height', o.height, 100, 5000);
  const title = o.title === null ? MEASURE_TEXT[measure].title : text(FN, 'title', o.title);
  const subtitle = o.subtitle === null ? MEASURE_TEXT[measure].subtitle : text(FN, 'subtitle', o.subtitle);

  const chosen = list.filter((s) => (measure === 'optimism' ? s.claimCue : true) && finite(s[measure]));
  if (chosen.length === 0) {
    throw new NewsStanceError(`${FN}: no sentence has a ${measure === 'optimism' ? 'claim cue' : 'finite sentiment'} to chart`, { field: 'sentences' });
  }
  const order = orderSources(list);
  const colors = sourceColors(o.sources ?? order);
  const labels = sourceLabels(order);
  const data: Trace[] = [];
  for (const src of order) {
    const own = chosen.filter((s) => s.source === src.source).sort((a, b) => a.index - b.index);
    const label = labels.get(src.source) as string;
    const color = colors.get(src.source) ?? sourceColors([src]).get(src.source);
    const pointsMode = points === 'none' ? false : points;
    const trace: Trace = {
      type: kind,
      name: label,
      x: own.map(() => label),
      y: own.map((s) => round(s[measure])),
      text: own.map((s) => `<b>${escapeText(label)}</b> · sentence ${s.index + 1}${s.speaker ? ` · ${escapeText(s.speaker)}` : ''}<br>${measure} ${s[measure] >= 0 ? '+' : '−'}${Math.abs(s[measure]).toFixed(2)}<br>${snippet(s.text)}`),
      hoverinfo: 'text',
      hoveron: 'points',
      legendgroup: src.group,
      legendgrouptitle: { text: groupLabel(src.group) },
      marker: { color, size: 5, opacity: 0.75 },
      line: { color },
      fillcolor: `${color}55`,
      [kind === 'box' ? 'boxpoints' : 'points']: pointsMode,
      pointpos: 0,
      jitter: 0.4,
      showlegend: legend,
    };
    if (kind === 'box') trace.boxmean = true;
    else {
      trace.box = { visible: true };
      trace.meanline = { visible: true };
      trace.spanmode = 'hard';
      trace.scalemode = 'width';
    }
    data.push(trace);
  }
  const layout = {
    ...baseLayout(title, subtitle || undefined, height),
    xaxis: { title: { text: 'Source' }, type: 'category', automargin: true },
    yaxis: { title: { text: MEASURE_TEXT[measure].axis }, range: [-1.08, 1.08], zeroline: true, zerolinecolor: '#888888', gridcolor: '#eeeeee', automargin: true },
    showlegend: legend,
    legend: { title: { text: 'Source' }, groupclick: 'toggleitem' },
    ...(kind === 'violin' ? { violinmode: 'overlay' } : { boxmode: 'overlay' }),
  };
  return { data, layout: layout as Figure['layout'], config: chartConfig() };
}
