import type { SourceRef, SpeakerRow } from '../analysis/types';
import { NewsStanceError, describe } from '../errors';
import { baseLayout, bool, chartConfig, errorArrays, escapeText, estimateText, finite, groupLabel, nonEmptyArray, numberIn, oneOf, orderSources, round, sourceLabels, text, withDefaults } from './common';
import type { Figure, Trace } from './figure';
import { sourceColors } from './palette';

/** Measures of a speaker row {@link speakerChart} can show. */
export const SPEAKER_MEASURES = ['sentiment', 'optimism'] as const;
export type SpeakerMeasure = (typeof SPEAKER_MEASURES)[number];

/** The name speakerTable gives the writer's own voice, and how the chart shows it. */
export const WRITER_SPEAKER = 'writer';
export const WRITER_LABEL = 'writer’s own voice';

/** Options of {@link speakerChart}. */
export interface SpeakerChartOptions {
  /** `'sentiment'` (mean sentence sentiment) or `'optimism'` (mean optimism over claim sentences). Default `'sentiment'`. */
  measure?: SpeakerMeasure;
  /** Leave out speaker rows with fewer sentences than this. Default `1`. */
  minSentences?: number;
  /** Show at most this many speakers, those with the most sentences over all sources. Default `12`. */
  maxSpeakers?: number;
  /** Include the writer's own voice (speaker `'writer'`) as the first row. Default `true`. */
  writer?: boolean;
  /** Chart title. Default `null`: "Sentiment by quoted speaker and source" or "Optimism by quoted speaker and source". */
  title?: string | null;
  /** Line under the title. Default: what a dot and its whisker are. `''` for none. */
  subtitle?: string;
  /** Sources for the colours, e.g. the stance matrix rows, so every chart colours a source alike. Default `null`: the sources of the rows. */
  sources?: readonly SourceRef[] | null;
  /** Height in pixels. Default `480`. */
  height?: number;
}

/** The defaults of {@link speakerChart}. */
export const SPEAKER_DEFAULTS = Object.freeze({
  measure: 'sentiment' as SpeakerMeasure,
  minSentences: 1,
  maxSpeakers: 12,
  writer: true,
  title: null as string | null,
  subtitle: 'Dot: mean over the speaker’s sentences in that source (size: number of sentences); whisker: 95% bootstrap CI',
  sources: null as readonly SourceRef[] | null,
  height: 480,
});

const FN = 'speakerChart';

/** Marker size for a number of sentences: 7 px for one, growing with the square root, at most 22. */
export const markerSize = (sentences: number): number => Math.min(22, round(5 + 2 * Math.sqrt(Math.max(1, sentences)), 2));

/**
 * A dot plot of the stance of each quoted speaker (and the writer's own voice) in each source,
 * with confidence intervals: speakers along the x axis, one coloured series per source, so a
 * report that quotes sceptics can be told apart from a sceptical writer.
 *
 * @example showFigure(speakerChart(speakerTable(analysis.sentences), { measure: 'optimism' }))
 */
export function speakerChart(rows: readonly SpeakerRow[], options: SpeakerChartOptions = {}): Figure {
  const o = withDefaults(FN, SPEAKER_DEFAULTS, options);
  const all = nonEmptyArray(FN, 'rows', rows);
  const measure = oneOf(FN, 'measure', o.measure, SPEAKER_MEASURES);
  const minSentences = numberIn(FN, 'minSentences', o.minSentences, 0, 1e9, true);
  const maxSpeakers = numberIn(FN, 'maxSpeakers', o.maxSpeakers, 1, 1000, true);
  const withWriter = bool(FN, 'writer', o.writer);
  const height = numberIn(FN, 'height', o.height, 100, 5000);
  const subtitle = text(FN, 'subtitle', o.subtitle);
  const title = o.title === null ? `${measure === 'sentiment' ? 'Sentiment' : 'Optimism'} by quoted speaker and source` : text(FN, 'title', o.title);
  for (const r of all) {
    if (!r || typeof r.speaker !== 'string' || !r[measure]) throw new NewsStanceError(`${FN}: expected speaker rows as speakerTable returns, got ${describe(r)}`, { field: 'rows' });
  }
  const kept = all.filter((r) => r.sentences >= minSentences && (withWriter || r.speaker !== WRITER_SPEAKER));
  if (kept.length === 0) throw new NewsStanceError(`${FN}: no speaker row is left with minSentences ${minSentences}${withWriter ? '' : ' and without the writer'}`, { field: 'options.minSentences' });

  const totals = new Map<string, number>();
  for (const r of kept) totals.set(r.speaker, (totals.get(r.speaker) ?? 0) + r.sentences);
  const speakers = [...totals.keys()]
    .sort((a, b) => Number(b === WRITER_SPEAKER) - Number(a === WRITER_SPEAKER) || (totals.get(b) ?? 0) - (totals.get(a) ?? 0) || a.localeCompare(b))
    .slice(0, maxSpeakers);
  const speakerLabel = (s: string): string => (s === WRITER_SPEAKER ? WRITER_LABEL : s);

  const order = orderSources(kept);
  const labels = sourceLabels(order);
  const colors = sourceColors(o.sources ?? order);
  const data: Trace[] = [];
  for (const src of order) {
    const own = speakers.map((sp) => kept.find((r) => r.source === src.source && r.speaker === sp));
    if (own.every((r) => r === undefined)) continue;
    const label = labels.get(src.source) as string;
    const color = colors.get(src.source) ?? sourceColors([src]).get(src.source);
    const err = errorArrays(own.map((r) => r?.[measure]));
    data.push({
      type: 'scatter',
      mode: 'markers',
      name: label,
      x: speakers.map(speakerLabel),
      y: own.map((r) => (r && finite(r[measure].value) ? round(r[measure].value) : null)),
      error_y: { type: 'data', symmetric: false, array: err.array, arrayminus: err.arrayminus, visible: true, color, thickness: 1.5, width: 4 },
      marker: { color, size: own.map((r) => markerSize(r ? r.sentences : 1)), line: { color: '#ffffff', width: 1 } },
      text: own.map((r, i) =>
        r
          ? `<b>${escapeText(speakerLabel(speakers[i]))}</b> in ${escapeText(label)}<br>${measure} ${estimateText(r[measure])}<br>${r.sentences} sentence${r.sentences === 1 ? '' : 's'}`
          : '',
      ),
      hoverinfo: 'text',
      legendgroup: src.group,
      legendgrouptitle: { text: groupLabel(src.group) },
    });
  }
  const layout = {
    ...baseLayout(title, subtitle || undefined, height),
    scattermode: 'group',
    scattergap: 0.4,
    xaxis: { title: { text: 'Speaker' }, type: 'category', categoryorder: 'array', categoryarray: speakers.map(speakerLabel), automargin: true, tickangle: -20 },
    yaxis: { title: { text: measure === 'sentiment' ? 'mean sentiment (95% CI)' : 'mean optimism (95% CI)' }, range: [-1.05, 1.05], zeroline: true, zerolinecolor: '#888888', gridcolor: '#eeeeee', automargin: true },
    legend: { title: { text: 'Source' }, groupclick: 'toggleitem', itemsizing: 'constant' },
    hovermode: 'closest',
  };
  return { data, layout: layout as Figure['layout'], config: chartConfig() };
}
