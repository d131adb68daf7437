import { mean, median } from '../stats/summary';
import type { ScoredSentence, SentimentMeasure } from './types';

/** Sentence sentiment above this counts as positive, below its negative as negative. */
export const POLARITY_THRESHOLD = 0.05;

/**
 * What a measure's per-sentence values are, which decides its interval by formula: `mean` of
 * values in -1..1 (Student's t, clipped), `median` (order statistics), `share` of 0/1 values
 * (Wilson), `rate`, a mean count per sentence (Student's t, not below 0).
 */
export type MeasureKind = 'mean' | 'median' | 'share' | 'rate';

/** How a sentiment measure is computed: a value per sentence and the statistic over them. */
export interface MeasureSpec {
  label: string;
  kind: MeasureKind;
  value: (s: ScoredSentence) => number;
  statistic: (xs: readonly number[]) => number;
}

/** The sentiment measures, each as a per-sentence value and a statistic. */
export const SENTIMENT_SPECS: Readonly<Record<SentimentMeasure, MeasureSpec>> = Object.freeze({
  mean: { label: 'mean sentiment', kind: 'mean', value: (s) => s.sentiment, statistic: mean },
  median: { label: 'median sentiment', kind: 'median', value: (s) => s.sentiment, statistic: median },
  sharePositive: { label: 'share of positive sentences', kind: 'share', value: (s) => (s.sentiment > POLARITY_THRESHOLD ? 1 : 0), statistic: mean },
  shareNegative: { label: 'share of negative sentences', kind: 'share', value: (s) => (s.sentiment < -POLARITY_THRESHOLD ? 1 : 0), statistic: mean },
  hedgeRate: { label: 'hedges per sentence', kind: 'rate', value: (s) => s.hedges, statistic: mean },
  boosterRate: { label: 'boosters per sentence', kind: 'rate', value: (s) => s.boosters, statistic: mean },
  quoteShare: { label: 'share of quoted sentences', kind: 'share', value: (s) => (s.quoted ? 1 : 0), statistic: mean },
});

/** Per-mention stance scores toward one target. */
export function stanceValues(sentences: readonly ScoredSentence[], target: string): number[] {
  const out: number[] = [];
  for (const s of sentences) for (const m of s.mentions) if (m.target === target) out.push(m.score);
  return out;
}

/** Optimism of the sentences that carry a claim cue. */
export function optimismValues(sentences: readonly ScoredSentence[]): number[] {
  return sentences.filter((s) => s.claimCue).map((s) => s.optimism);
}
