import type { Source } from '../corpus/source';
import { sentimentMatrix, stanceMatrix, type MatrixOptions } from '../analysis/matrices';
import { scoreSource, type ScoreOptions } from '../analysis/score-corpus';
import type { SentimentMatrix, StanceMatrix } from '../analysis/types';
import { defaultTargets } from '../targets/targets';

/**
 * Both matrices of a corpus without holding its scored sentences: each source is scored and
 * reduced to its two rows before the next is read. The rows are identical to those of
 * `stanceMatrix(scoreCorpus(corpus))` and `sentimentMatrix(...)`: every row depends only on its
 * own source's sentences, and each interval has its own seed per source and measure. What is
 * lost is `matrix.sentences` (which `compareGroups` needs), so the matrices returned have none.
 */

/** Options of {@link streamMatrices}. */
export interface StreamOptions {
  score?: ScoreOptions;
  matrix?: Omit<MatrixOptions, 'score'>;
  /** Called after each source with the number of sentences it had. */
  onSource?: (source: Source, sentences: number) => void;
}

/** What {@link streamMatrices} returns: both matrices (without sentences) and the counts. */
export interface StreamResult {
  stance: StanceMatrix;
  sentiment: SentimentMatrix;
  sources: number;
  sentences: number;
  /** Time spent scoring and computing rows, in ms (reading the sources is in neither). */
  scoreMs: number;
  aggregateMs: number;
}

/**
 * Scores sources one at a time (an array or a generator) and keeps only their matrix rows.
 *
 * @example
 * const { stance, sentiment } = streamMatrices(generateArticles(20000));
 */
export function streamMatrices(sources: Iterable<Source>, options: StreamOptions = {}): StreamResult {
  const targets = options.matrix?.targets ?? options.score?.targets ?? defaultTargets();
  const matrixOptions: MatrixOptions = { ...options.matrix, targets };
  const score: ScoreOptions = { targets, ...options.score };
  const stance: StanceMatrix = { targets: targets.targets.map((t) => ({ id: t.id, label: t.label })), rows: [] };
  const sentiment: SentimentMatrix = { rows: [] };
  let count = 0;
  let sentences = 0;
  let scoreMs = 0;
  let aggregateMs = 0;
  for (const source of sources) {
    const t0 = process.hrtime.bigint();
    const scored = scoreSource(source, score);
    const t1 = process.hrtime.bigint();
    stance.rows.push(...stanceMatrix(scored, matrixOptions).rows);
    sentiment.rows.push(...sentimentMatrix(scored, matrixOptions).rows);
    const t2 = process.hrtime.bigint();
    scoreMs += Number(t1 - t0) / 1e6;
    aggregateMs += Number(t2 - t1) / 1e6;
    count++;
    sentences += scored.length;
    options.onSource?.(source, scored.length);
  }
  return { stance, sentiment, sources: count, sentences, scoreMs, aggregateMs };
}
