import type { Analysis } from '../analysis/analyze';
import type { NamedFigure } from '../export/image';
import { sentimentDistributions } from './distributions';
import { groupBars } from './group-bars';
import { stanceHeatmap } from './heatmap';
import { narrativeArc } from './narrative-arc';
import { speakerChart } from './speakers';

/**
 * Every chart of an analysis, named for its file: the stance heatmap, the group comparison
 * bars (stance and sentiment), sentence sentiment distributions, the narrative arc and the
 * speaker chart. `news-stance export` writes each as HTML, SVG and PNG.
 */
export function analysisFigures(analysis: Analysis): NamedFigure[] {
  const stance = analysis.comparisons.filter((c) => c.measure === 'optimism' || c.measure.startsWith('stance:'));
  const sentiment = analysis.comparisons.filter((c) => c.measure.startsWith('sentiment:'));
  const figures: NamedFigure[] = [{ name: 'stance-heatmap', figure: stanceHeatmap(analysis.stance) }];
  if (stance.length) figures.push({ name: 'groups-stance', figure: groupBars(stance, { title: 'Optimistic explainers vs sceptical reporting: stance' }) });
  if (sentiment.length) figures.push({ name: 'groups-sentiment', figure: groupBars(sentiment, { title: 'Optimistic explainers vs sceptical reporting: sentiment' }) });
  figures.push({ name: 'sentiment-distributions', figure: sentimentDistributions(analysis.sentences) });
  figures.push({ name: 'narrative-arc', figure: narrativeArc(analysis.sentences) });
  if (analysis.speakers.length) figures.push({ name: 'speakers', figure: speakerChart(analysis.speakers) });
  return figures;
}
