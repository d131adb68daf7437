import type { Corpus } from '../corpus/source';
import { compareGroups, type CompareOptions } from './compare-groups';
import { sentimentMatrix, stanceMatrix, type MatrixOptions } from './matrices';
import { scoreCorpus } from './score-corpus';
import { speakerTable } from './speaker-table';
import type { GroupComparison, ScoredSentence, SentimentMatrix, SpeakerRow, StanceMatrix } from './types';
import { optimismVerdict, type OptimismVerdict } from './verdict';

/** Everything the notebooks and the CLI show, computed once. */
export interface Analysis {
  sentences: readonly ScoredSentence[];
  sentiment: SentimentMatrix;
  stance: StanceMatrix;
  comparisons: GroupComparison[];
  speakers: SpeakerRow[];
  verdict: OptimismVerdict;
}

/** Options of {@link analyze}. */
export interface AnalyzeOptions extends MatrixOptions {
  compare?: CompareOptions;
  /** Pre-scored sentences (e.g. from a cache); when given the corpus is not rescored. Default: score the corpus. */
  sentences?: readonly ScoredSentence[];
}

/**
 * Scores a corpus once and derives every table from the same sentences: the sentiment and
 * stance matrices, group comparisons on both, the speaker table and the optimism verdict.
 *
 * @example
 * const a = analyze(loadCorpus());
 * a.verdict.text
 */
export function analyze(corpus: Corpus, options: AnalyzeOptions = {}): Analysis {
  const sentences = options.sentences ?? scoreCorpus(corpus, { targets: options.targets, ...options.score });
  const sentiment = sentimentMatrix(sentences, options);
  const stance = stanceMatrix(sentences, options);
  const comparisons = [...compareGroups(stance, options.compare), ...compareGroups(sentiment, options.compare)];
  return { sentences, sentiment, stance, comparisons, speakers: speakerTable(sentences, { bootstrap: options.bootstrap }), verdict: optimismVerdict(stance) };
}
