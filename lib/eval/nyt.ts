import * as fs from 'node:fs';
import * as path from 'node:path';
import { NewsStanceError } from '../errors';
import { scoreSentences, type SentimentOptions } from '../sentiment/score';
import { pearson } from '../stats/correlation';

/**
 * Evaluation on sentences from New York Times editorials rated by people (the VADER paper's
 * material, Hutto & Gilbert 2014): Pearson correlation between a scorer and the mean human
 * rating, next to two baselines measured in the same run.
 */

/** One rated sentence. */
export interface NytRow {
  id: string;
  /** Mean human rating, -4 (very negative) to 4 (very positive). */
  rating: number;
  sentence: string;
  /** 1-based line in the file. */
  line: number;
}

/** Result of {@link evaluateNyt}. */
export interface NytReport {
  /** The file evaluated, as given. */
  file: string;
  /** Number of sentences. */
  n: number;
  /** Pearson r of scoreSentence's score against the human mean. */
  r: number;
  /** Pearson r of the baselines on the same sentences. */
  baselines: {
    /** natural's SentimentAnalyzer (English, AFINN, no stemmer) on lower-case word tokens. */
    naturalAfinn: number;
    /** vader-sentiment's compound score. */
    vader: number;
  };
}

/**
 * Reads a rated-sentence file: one sentence a line, tab-separated `id`, mean rating (-4 to 4)
 * and the sentence. Blank lines are skipped. Errors name the file and line.
 */
export function readNytFile(file: string): NytRow[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new NewsStanceError(code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? String(err)})`, { file });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows: NytRow[] = [];
  const seen = new Map<string, number>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].replace(/\r$/, '');
    const line = i + 1;
    if (raw.trim() === '') continue;
    const fields = raw.split('\t');
    if (fields.length < 3) {
      throw new NewsStanceError(`expected 3 tab-separated fields (id, rating, sentence), found ${fields.length}`, { file, line }, 'Separate the fields with tabs');
    }
    const [id, ratingText] = fields;
    const sentence = fields.slice(2).join('\t').trim();
    if (id.trim() === '') throw new NewsStanceError('empty id', { file, line, field: 'id' });
    const rating = Number(ratingText);
    if (ratingText.trim() === '' || !Number.isFinite(rating) || rating < -4 || rating > 4) {
      throw new NewsStanceError(`expected a rating from -4 to 4, got ${JSON.stringify(ratingText)}`, { file, line, field: 'rating' });
    }
    if (sentence === '') throw new NewsStanceError('empty sentence', { file, line, field: 'sentence' });
    const first = seen.get(id);
    if (first !== undefined) throw new NewsStanceError(`duplicate id "${id}" (first on line ${first})`, { file, line, field: 'id' });
    seen.set(id, line);
    rows.push({ id, rating, sentence, line });
  }
  if (rows.length === 0) throw new NewsStanceError('has no rated sentences', { file });
  return rows;
}

interface NaturalAnalyzer {
  getSentiment(words: string[]): number;
}
interface WordTokenizerLike {
  tokenize(text: string): string[];
}

/** natural's plain AFINN analyser, loaded by deep imports (never natural's index). */
function naturalAfinnScorer(): (text: string) => number {
  const SentimentAnalyzer = require('natural/lib/natural/sentiment/SentimentAnalyzer') as new (language: string, stemmer: null, type: string) => NaturalAnalyzer;
  const { WordTokenizer } = require('natural/lib/natural/tokenizers/regexp_tokenizer') as { WordTokenizer: new () => WordTokenizerLike };
  const analyzer = new SentimentAnalyzer('English', null, 'afinn');
  const tokenizer = new WordTokenizer();
  return (text) => {
    const words = tokenizer.tokenize(text).map((w) => w.toLowerCase());
    return words.length === 0 ? 0 : analyzer.getSentiment(words);
  };
}

function vaderScorer(): (text: string) => number {
  const vader = require('vader-sentiment') as { SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } } };
  return (text) => vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;
}

/**
 * Scores every sentence of a rated file with scoreSentence (and the given options) and with
 * the two baselines, and correlates each with the human ratings.
 *
 * @example
 * formatNytReport(evaluateNyt('../shared/bench/nyt-editorials/dev.tsv'))
 */
export function evaluateNyt(file: string, options: SentimentOptions = {}): NytReport {
  const rows = readNytFile(file);
  if (rows.length < 2) throw new NewsStanceError('needs at least 2 rated sentences to correlate', { file });
  const human = rows.map((r) => r.rating);
  const sentences = rows.map((r) => r.sentence);
  const ours = scoreSentences(sentences, options).map((s) => s.score);
  const natural = naturalAfinnScorer();
  const vader = vaderScorer();
  return {
    file,
    n: rows.length,
    r: pearson(ours, human),
    baselines: {
      naturalAfinn: pearson(
        sentences.map((s) => natural(s)),
        human,
      ),
      vader: pearson(
        sentences.map((s) => vader(s)),
        human,
      ),
    },
  };
}

/**
 * A small table of the three correlations; the last line is exactly `r=0.xxx n=N` (this
 * scorer's r, 3 decimals).
 */
export function formatNytReport(report: NytReport): string {
  const f = (x: number): string => x.toFixed(3);
  const rows: Array<[string, number]> = [
    ['news-stance scoreSentence', report.r],
    ['VADER compound', report.baselines.vader],
    ['natural AFINN analyser', report.baselines.naturalAfinn],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  return [
    `NYT editorial sentences: ${path.basename(report.file)}, n=${report.n}`,
    `${'scorer'.padEnd(width)}  Pearson r`,
    ...rows.map(([name, r]) => `${name.padEnd(width)}  ${f(r).padStart(9)}`),
    `r=${f(report.r)} n=${report.n}`,
  ].join('\n');
}
