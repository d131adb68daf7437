import type { Corpus } from '../corpus/source';
import { invalidOption, NewsStanceError } from '../errors';
import { bootstrapEstimate, type BootstrapOptions } from '../stats/bootstrap';
import { estimateOf, type IntervalMethod } from './estimate';
import { seedFrom } from '../stats/random';
import { mean } from '../stats/summary';
import { defaultTargets, type TargetSet } from '../targets/targets';
import { optimismValues, SENTIMENT_SPECS, stanceValues } from './measures';
import { scoreCorpus, type ScoreOptions } from './score-corpus';
import { SENTIMENT_MEASURES, type ScoredSentence, type SentimentMatrix, type SentimentRow, type StanceMatrix, type StanceRow } from './types';
import { bySource, byVoice, type Voice } from './voice';
import type { RowStore } from './row-store';

/** Options shared by the matrix functions. */
export interface MatrixOptions {
  /** Scoring options, used when the input is a corpus. Default: the scorers' defaults. */
  score?: ScoreOptions;
  /** Whose sentences count. Default 'all'. */
  voice?: Voice;
  /**
   * How the per-source intervals are computed. Default 'formula': Student's t for means and
   * rates, Wilson for shares, order statistics for medians. 'bootstrap': seeded percentile
   * bootstrap. The optimism index always uses the bootstrap.
   */
  intervals?: IntervalMethod;
  /** Bootstrap settings (seeded: reruns give identical intervals); `level` is every interval's level. Default 2000 resamples, 95%, seed 1. */
  bootstrap?: BootstrapOptions;
  /** Targets, in display order. Default: data/targets.json. */
  targets?: TargetSet;
  /**
   * Rows made before, per source: `scoreCorpusCached(...).rows`. A source whose sentences and
   * these options are unchanged gets its stored row (identical to making it again), the others
   * are made and stored. Default: none (every row is made).
   */
  rows?: RowStore;
}

/** Scored sentences from a corpus (scoring it) or as given. */
export function sentencesFrom(input: Corpus | readonly ScoredSentence[], options: MatrixOptions = {}): readonly ScoredSentence[] {
  if (Array.isArray(input)) return input as readonly ScoredSentence[];
  const corpus = input as Corpus;
  if (!corpus || !Array.isArray(corpus.sources)) {
    throw new NewsStanceError('expected a corpus (from loadCorpus) or scored sentences (from scoreCorpus)', { field: 'input' });
  }
  return scoreCorpus(corpus, { targets: options.targets, ...options.score });
}

function intervalMethod(options: MatrixOptions): IntervalMethod {
  const method = options.intervals ?? 'formula';
  if (method !== 'formula' && method !== 'bootstrap') invalidOption('intervals', "'formula' or 'bootstrap'", method);
  return method;
}

/** What a row depends on besides its sentences: the options that change a row, as a key for {@link RowStore}. */
const rowKey = (options: MatrixOptions, method: IntervalMethod, targets?: TargetSet): string =>
  JSON.stringify({ voice: options.voice ?? 'all', method, bootstrap: options.bootstrap ?? {}, targets: targets?.targets.map((t) => t.id) ?? null });

/** A seed per source and measure, so each interval is reproducible and independent of the others. */
const seedOf = (options: MatrixOptions, source: string, measure: string): BootstrapOptions => ({
  ...options.bootstrap,
  seed: seedFrom(`${source}:${measure}`, options.bootstrap?.seed ?? 1),
});

/**
 * Sources × sentiment measures: mean and median sentence sentiment, shares of positive and
 * negative sentences, hedges and boosters per sentence, share of quoted sentences, each with a
 * 95% CI over the source's sentences (by formula, or seeded bootstrap: `options.intervals`).
 *
 * @example
 * const m = sentimentMatrix(loadCorpus());
 * m.rows.map((r) => [r.label, r.mean.value]);
 */
export function sentimentMatrix(input: Corpus | readonly ScoredSentence[], options: MatrixOptions = {}): SentimentMatrix {
  const sentences = byVoice(sentencesFrom(input, options), options.voice);
  const method = intervalMethod(options);
  const rows: SentimentRow[] = [];
  const store = options.rows;
  const key = rowKey(options, method);
  for (const [source, list] of bySource(sentences)) {
    const kept = store?.get('sentiment', list, key) as SentimentRow | undefined;
    if (kept !== undefined) {
      rows.push(kept);
      continue;
    }
    const { label, group, origin } = list[0];
    const row = { source, label, group, origin, sentences: list.length } as SentimentRow;
    for (const measure of SENTIMENT_MEASURES) {
      const spec = SENTIMENT_SPECS[measure];
      row[measure] = estimateOf(list.map(spec.value), spec.kind, spec.statistic, method, seedOf(options, source, measure));
    }
    store?.set('sentiment', list, key, row);
    rows.push(row);
  }
  store?.save();
  return { rows, sentences };
}

/**
 * Sources × targets: the mean stance toward each target over its mentions (p(positive) -
 * p(negative) per mention, so -1 to 1), the number of mentions and a 95% CI (Student's t,
 * clipped to -1..1; or seeded bootstrap: `options.intervals`); plus the claim's optimism index
 * (mean optimism of the sentences with a claim cue) with a seeded 95% bootstrap CI.
 *
 * @example
 * const m = stanceMatrix(loadCorpus());
 * m.rows.find((r) => r.label === 'DW')!.stance.trump // { value, low, high, mentions }
 */
export function stanceMatrix(input: Corpus | readonly ScoredSentence[], options: MatrixOptions = {}): StanceMatrix {
  const targets = options.targets ?? defaultTargets();
  const sentences = byVoice(sentencesFrom(input, options), options.voice);
  const method = intervalMethod(options);
  const rows: StanceRow[] = [];
  const store = options.rows;
  const key = rowKey(options, method, targets);
  for (const [source, list] of bySource(sentences)) {
    const kept = store?.get('stance', list, key) as StanceRow | undefined;
    if (kept !== undefined) {
      rows.push(kept);
      continue;
    }
    const { label, group, origin } = list[0];
    const stance: StanceRow['stance'] = {};
    for (const t of targets.targets) {
      const values = stanceValues(list, t.id);
      stance[t.id] = { ...estimateOf(values, 'mean', mean, method, seedOf(options, source, `stance:${t.id}`)), mentions: values.length };
    }
    const optimism = optimismValues(list);
    const row: StanceRow = { source, label, group, origin, stance, optimism: { ...bootstrapEstimate(optimism, mean, seedOf(options, source, 'optimism')), sentences: optimism.length } };
    store?.set('stance', list, key, row);
    rows.push(row);
  }
  store?.save();
  return { targets: targets.targets.map((t) => ({ id: t.id, label: t.label })), rows, sentences };
}
