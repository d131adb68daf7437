import type { SourceGroup } from '../corpus/source';

/**
 * The records the analysis produces and the charts consume. Everything is plain data (JSON-safe
 * apart from NaN for an undefined value), so matrices can be written to CSV/JSON, cached and
 * charted without the code that made them.
 */

/** A point estimate with its 95% confidence interval. NaN everywhere when there is no data. */
export interface Estimate {
  value: number;
  low: number;
  high: number;
}

/** What the analysis knows of a source, carried on every row so charts can label and colour it. */
export interface SourceRef {
  /** Source id. */
  source: string;
  /** Short readable name. */
  label: string;
  group: SourceGroup;
  /** File the source was imported from. */
  origin: string;
}

/** One target mention in a sentence and the stance the sentence takes toward it. */
export interface MentionStance {
  /** Target id, e.g. `trump`. */
  target: string;
  /** The text that matched, e.g. `the Kremlin`. */
  alias: string;
  start: number;
  end: number;
  /** p(positive) - p(negative), in [-1, 1]. */
  score: number;
  polarity: -1 | 0 | 1;
}

/** A sentence with every per-sentence measure. */
export interface ScoredSentence extends SourceRef {
  index: number;
  /** Relative position in the article, 0 to 1. */
  position: number;
  paragraph: number;
  heading: boolean;
  text: string;
  /** Sentence sentiment in [-1, 1]. */
  sentiment: number;
  /** Stance toward the claim "US-Russia relations will improve", in [-1, 1]; 0 when no cue. */
  optimism: number;
  /** Whether the sentence carries any optimism or scepticism cue about relations. */
  claimCue: boolean;
  /** Hedges ("may", "might", "could", "perhaps") and boosters ("clearly", "certainly") counted. */
  hedges: number;
  boosters: number;
  /** Whether the sentence is (mostly) quoted or reported speech. */
  quoted: boolean;
  /** Who speaks, when the text says: a canonical name ("Putin", "Medvedev"), or null for the writer's own voice. */
  speaker: string | null;
  mentions: MentionStance[];
}

/** One row of the sentiment matrix: a source's sentiment profile. */
export interface SentimentRow extends SourceRef {
  sentences: number;
  mean: Estimate;
  median: Estimate;
  sharePositive: Estimate;
  shareNegative: Estimate;
  /** Hedges per sentence. */
  hedgeRate: Estimate;
  /** Boosters per sentence. */
  boosterRate: Estimate;
  /** Share of sentences that are quoted or reported speech. */
  quoteShare: Estimate;
}

/** The sentiment measures of a {@link SentimentRow}, for iterating and charting. */
export const SENTIMENT_MEASURES = ['mean', 'median', 'sharePositive', 'shareNegative', 'hedgeRate', 'boosterRate', 'quoteShare'] as const;
export type SentimentMeasure = (typeof SENTIMENT_MEASURES)[number];

/** Stance of one source toward one target: mean polarity over mentions, with CI and count. */
export interface StanceCell extends Estimate {
  mentions: number;
}

/** One row of the stance matrix. */
export interface StanceRow extends SourceRef {
  /** Per target id. Targets never mentioned have `mentions: 0` and NaN estimates. */
  stance: Record<string, StanceCell>;
  /** The claim's optimism index: mean optimism over sentences with a claim cue, with CI. */
  optimism: Estimate & { sentences: number };
}

/** Sources × targets, plus the optimism index. */
export interface StanceMatrix {
  /** Targets in display order. */
  targets: Array<{ id: string; label: string }>;
  rows: StanceRow[];
  /** The scored sentences the matrix was computed from (needed by `compareGroups`). */
  sentences?: readonly ScoredSentence[];
}

/** Sources × sentiment measures. */
export interface SentimentMatrix {
  rows: SentimentRow[];
  /** The scored sentences the matrix was computed from (needed by `compareGroups`). */
  sentences?: readonly ScoredSentence[];
}

/** Two groups compared on one measure. */
export interface GroupComparison {
  /** e.g. `stance:trump`, `optimism`, `sentiment:mean`. */
  measure: string;
  /** Readable measure name for charts. */
  label: string;
  groupA: SourceGroup;
  groupB: SourceGroup;
  /** Mean of the group's sentence- or mention-level values, with bootstrap CI. */
  a: Estimate & { n: number };
  b: Estimate & { n: number };
  /** a - b, with bootstrap CI. */
  difference: Estimate;
  /** Two-sided permutation p-value. */
  p: number;
  /** Hedges' g (standardised mean difference). */
  effectSize: number;
  /**
   * How the intervals and p were found: `resampling` (bootstrap CIs, permutation p) or, above
   * CompareOptions.resampleUpTo values, `large-sample` (t or order-statistic CIs, a normal
   * interval for the difference, a z-test).
   */
  method: 'resampling' | 'large-sample';
}

/** Stance of one quoted speaker within one source. */
export interface SpeakerRow extends SourceRef {
  speaker: string;
  sentences: number;
  sentiment: Estimate;
  optimism: Estimate;
}
