/**
 * One scale run of the benchmark in a process of its own, so its peak RSS is its own:
 * `node dist/bench/child.js '{"mode":"stream","articles":20000,"seed":1}'` prints one JSON line
 * ({@link ScaleResult}). `stream` scores the generated articles one at a time and keeps only
 * each source's matrix rows; `whole` builds the whole corpus, scores it and computes both
 * matrices from all sentences, as `news-stance analyze` does.
 */
import { sentimentMatrix, stanceMatrix } from '../analysis/matrices';
import { scoreCorpus } from '../analysis/score-corpus';
import { generateArticles, generateCorpus, type BenchCorpusOptions } from './corpus';
import { peakRssMb, since } from './measure';
import { streamMatrices } from './stream';

/** What a scale run is asked to do. */
export interface ScaleRequest {
  mode: 'stream' | 'whole';
  articles: number;
  seed?: number;
  trainFile?: string | null;
}

/** What a scale run measured. */
export interface ScaleResult {
  mode: 'stream' | 'whole';
  articles: number;
  sentences: number;
  /** Scoring time (sentences, sentiment, targets, stance, claim, speakers). */
  scoreMs: number;
  /** Both matrices. */
  aggregateMs: number;
  /** CPU time of scoring and aggregation, user + system. */
  cpuMs: number;
  /** Resident set size after loading and warming up, before the run. */
  baseRssMb: number;
  /** Peak resident set size of the process. */
  peakRssMb: number;
}

/** Scores and aggregates a few articles of another seed, so the timed run starts warm. */
export function warmUp(options: BenchCorpusOptions, articles = 20): void {
  const corpus = generateCorpus(articles, { ...options, seed: (options.seed ?? 1) + 7919 });
  const s = scoreCorpus(corpus);
  stanceMatrix(s);
  sentimentMatrix(s);
}

/** A scale run in this process (the child calls it; see the module comment). */
export function runScale(request: ScaleRequest): ScaleResult {
  const options: BenchCorpusOptions = { seed: request.seed ?? 1, trainFile: request.trainFile };
  warmUp(options);
  const baseRssMb = process.memoryUsage().rss / 2 ** 20;
  let scoreMs = 0;
  let aggregateMs = 0;
  let sentences = 0;
  const c0 = process.cpuUsage();
  if (request.mode === 'stream') {
    const r = streamMatrices(generateArticles(request.articles, options));
    ({ scoreMs, aggregateMs, sentences } = r);
  } else {
    const corpus = generateCorpus(request.articles, options);
    let t = process.hrtime.bigint();
    const scored = scoreCorpus(corpus);
    scoreMs = since(t);
    sentences = scored.length;
    t = process.hrtime.bigint();
    stanceMatrix(scored);
    sentimentMatrix(scored);
    aggregateMs = since(t);
  }
  const u = process.cpuUsage(c0);
  return { mode: request.mode, articles: request.articles, sentences, scoreMs, aggregateMs, cpuMs: (u.user + u.system) / 1000, baseRssMb, peakRssMb: peakRssMb() };
}

if (require.main === module) {
  const request = JSON.parse(process.argv[2] ?? '{}') as ScaleRequest;
  process.stdout.write(`${JSON.stringify(runScale(request))}\n`);
}
