import type { ScoredSentence, SourceRef } from '../analysis/types';
import { NewsStanceError, describe } from '../errors';
import { baseLayout, bool, chartConfig, escapeText, finite, nonEmptyArray, numberIn, orderSources, round, snippet, sourceLabels, text, withDefaults } from './common';
import type { Figure, Trace } from './figure';
import { sourceColors } from './palette';

/** Measures {@link narrativeArc} can draw, one panel each. */
export const ARC_MEASURES = ['sentiment', 'optimism'] as const;
export type ArcMeasure = (typeof ARC_MEASURES)[number];

/** Options of {@link narrativeArc}. */
export interface NarrativeArcOptions {
  /**
   * Width of the centred rolling mean (shorter at the article's ends): below 1, a share of each
   * article's sentences, so long and short articles are smoothed alike (`0.1`: a tenth of the
   * article, at least one sentence); 1 or more, a fixed number of sentences (`1`: raw values).
   * Default `0.1`.
   */
  window?: number;
  /** The panels, top to bottom. Default `['sentiment', 'optimism']`. */
  measures?: readonly ArcMeasure[];
  /** Also draw each sentence's raw value as a faint dot. Default `false`. */
  points?: boolean;
  /** Chart title. Default `'How the tone develops through each article'`. */
  title?: string;
  /** Line under the title. Default `null`: the window used. `''` for none. */
  subtitle?: string | null;
  /** Sources for the colours, e.g. the stance matrix rows, so every chart colours a source alike. Default `null`: the sources of the sentences. */
  sources?: readonly SourceRef[] | null;
  /** Height in pixels. Default `null`: 300 per panel plus 140. */
  height?: number | null;
}

/** The defaults of {@link narrativeArc}. */
export const NARRATIVE_ARC_DEFAULTS = Object.freeze({
  window: 0.1,
  measures: Object.freeze(['sentiment', 'optimism']) as readonly ArcMeasure[],
  points: false,
  title: 'How the tone develops through each article',
  subtitle: null as string | null,
  sources: null as readonly SourceRef[] | null,
  height: null as number | null,
});

const FN = 'narrativeArc';
const AXIS_TITLE: Record<ArcMeasure, string> = { sentiment: 'sentiment', optimism: 'optimism (claim)' };

/** Centred rolling mean over `window` values; shorter windows at the ends. NaN values are skipped. */
export function rollingMean(values: readonly number[], window: number): number[] {
  const before = Math.floor((window - 1) / 2);
  const after = window - 1 - before;
  return values.map((_, i) => {
    let sum = 0;
    let n = 0;
    for (let j = Math.max(0, i - before); j <= Math.min(values.length - 1, i + after); j++) {
      if (finite(values[j])) {
        sum += values[j];
        n++;
      }
    }
    return n ? sum / n : NaN;
  });
}

/**
 * Sentiment and optimism along each article, from its start (0) to its end (1): one line per
 * source (a rolling mean over `window` sentences), one panel per measure, sources coloured by
 * group hue; the legend toggles a source in every panel.
 *
 * @example showFigure(narrativeArc(analysis.sentences, { window: 7 }))
 */
export function narrativeArc(sentences: readonly ScoredSentence[], options: NarrativeArcOptions = {}): Figure {
  const o = withDefaults(FN, NARRATIVE_ARC_DEFAULTS, options);
  const list = nonEmptyArray(FN, 'sentences', sentences);
  const window = numberIn(FN, 'window', o.window, 0, 10_000);
  if (window <= 0 || (window > 1 && !Number.isInteger(window))) {
    throw new NewsStanceError(`${FN}: expected a share of the article above 0 and below 1, or a whole number of sentences, got ${describe(o.window)}`, { field: 'options.window' });
  }
  const sentencesIn = (n: number): number => (window < 1 ? Math.max(1, Math.round(window * n)) : window);
  const points = bool(FN, 'points', o.points);
  const title = text(FN, 'title', o.title);
  if (!Array.isArray(o.measures) || o.measures.length === 0 || o.measures.some((m) => !(ARC_MEASURES as readonly string[]).includes(m))) {
    throw new NewsStanceError(`${FN}: expected a non-empty array of ${ARC_MEASURES.map((m) => JSON.stringify(m)).join(', ')}, got ${describe(o.measures)}`, { field: 'options.measures' });
  }
  const measures: ArcMeasure[] = [...new Set<ArcMeasure>(o.measures)];
  const over = window < 1 ? `${round(window * 100, 1)}% of each article’s sentences` : `${window} sentence${window === 1 ? '' : 's'}`;
  const subtitle = o.subtitle === null ? `Rolling mean over ${over}; x: position in the article (0 start, 1 end)` : text(FN, 'subtitle', o.subtitle);
  const height = o.height === null ? 140 + 300 * measures.length : numberIn(FN, 'height', o.height, 100, 5000);

  const order = orderSources(list);
  const labels = sourceLabels(order);
  const colors = sourceColors(o.sources ?? order);
  const data: Trace[] = [];
  const gap = 0.08;
  const panel = (1 - gap * (measures.length - 1)) / measures.length;
  const axes: Record<string, unknown> = {};
  measures.forEach((m, k) => {
    const ax = k === 0 ? '' : String(k + 1);
    const top = 1 - k * (panel + gap);
    axes[`yaxis${ax}`] = {
      title: { text: AXIS_TITLE[m] },
      domain: [round(top - panel), round(top)],
      range: [-1.05, 1.05],
      zeroline: true,
      zerolinecolor: '#888888',
      gridcolor: '#eeeeee',
      automargin: true,
    };
    axes[`xaxis${ax}`] = {
      title: k === measures.length - 1 ? { text: 'position in the article (0 = start, 1 = end)' } : { text: '' },
      range: [0, 1],
      anchor: `y${ax}`,
      ...(k > 0 ? { matches: 'x' } : {}),
      gridcolor: '#eeeeee',
      ...(k === measures.length - 1 ? { tickformat: '.0%' } : { showticklabels: false }),
    };
    for (const src of order) {
      const own = list.filter((s) => s.source === src.source).sort((a, b) => a.position - b.position || a.index - b.index);
      if (own.length === 0) continue;
      const label = labels.get(src.source) as string;
      const color = colors.get(src.source) ?? sourceColors([src]).get(src.source);
      const values = own.map((s) => s[m]);
      const smooth = rollingMean(values, sentencesIn(own.length));
      data.push({
        type: 'scatter',
        mode: 'lines',
        name: label,
        x: own.map((s) => round(s.position)),
        y: smooth.map((v) => (finite(v) ? round(v) : null)),
        text: own.map((s, i) => `<b>${escapeText(label)}</b> · ${Math.round(s.position * 100)}% into the article<br>${m} (rolling mean) ${finite(smooth[i]) ? smooth[i].toFixed(2) : 'n/a'}<br>sentence ${s.index + 1}: ${snippet(s.text, 120)}`),
        hoverinfo: 'text',
        line: { color, width: 2.5, shape: 'spline', smoothing: 0.6 },
        legendgroup: src.source,
        showlegend: k === 0,
        connectgaps: true,
        xaxis: `x${ax}`,
        yaxis: `y${ax}`,
      });
      if (points) {
        data.push({
          type: 'scatter',
          mode: 'markers',
          name: `${label} (sentences)`,
          x: own.map((s) => round(s.position)),
          y: values.map((v) => (finite(v) ? round(v) : null)),
          marker: { color, size: 4, opacity: 0.35 },
          hoverinfo: 'skip',
          legendgroup: src.source,
          showlegend: false,
          xaxis: `x${ax}`,
          yaxis: `y${ax}`,
        });
      }
    }
  });
  const layout = {
    ...baseLayout(title, subtitle || undefined, height),
    ...axes,
    hovermode: 'closest',
    legend: { title: { text: 'Source' }, tracegroupgap: 4 },
  };
  return { data, layout: layout as Figure['layout'], config: chartConfig() };
}
