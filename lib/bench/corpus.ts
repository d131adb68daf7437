import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadCorpus } from '../corpus/load';
import { SOURCE_GROUPS, SOURCE_KINDS, type Corpus, type Paragraph, type Source } from '../corpus/source';
import { seededRandom, seedFrom } from '../stats/random';
import { sentencesOf } from '../text/segment';

/**
 * Synthetic corpora for the benchmark: articles of 20 to 40 sentences drawn, with a seeded
 * generator, from the sentences of the bundled seeds and (when the file is there) of the
 * NewsMTSC training set. Nothing is written to disk and nothing of the training file is copied
 * into the repository: the sentences are read from it at run time.
 */

/** The package root (lib/bench/.. or dist/bench/..). */
export const PACKAGE_ROOT = path.resolve(__dirname, '..', '..');

/** Where the NewsMTSC training file is looked for: `../shared/bench/newsmtsc/train.jsonl` beside the package. */
export const DEFAULT_TRAIN_FILE = path.resolve(PACKAGE_ROOT, '..', 'shared', 'bench', 'newsmtsc', 'train.jsonl');

/** Options of the corpus generator. */
export interface BenchCorpusOptions {
  /** Seed of the generator: the same seed gives the same texts. Default 1. */
  seed?: number;
  /**
   * NewsMTSC training file (JSON lines with `sentence_normalized`), or null to use the seeds
   * only. Default {@link DEFAULT_TRAIN_FILE} when it exists, else the seeds only.
   */
  trainFile?: string | null;
}

/** The sentences articles are drawn from. */
export interface SentencePool {
  /** Body sentences of the bundled seeds (data/sources). */
  seeds: readonly string[];
  /** Sentences of the training file (empty without it). */
  train: readonly string[];
  /** The training file read, or null. */
  trainFile: string | null;
}

/** Share of an article's sentences drawn from the seeds when training sentences are there too. */
const SEED_SHARE = 0.3;

const pools = new Map<string, SentencePool>();

/** Sentences of a NewsMTSC JSON-lines file (`sentence_normalized`, else `sentence`), in file order, duplicates dropped. */
export function readTrainSentences(file: string): string[] {
  const seen = new Set<string>();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    let o: { sentence_normalized?: unknown; sentence?: unknown };
    try {
      o = JSON.parse(line) as typeof o;
    } catch {
      continue;
    }
    const s = typeof o.sentence_normalized === 'string' ? o.sentence_normalized : typeof o.sentence === 'string' ? o.sentence : '';
    const text = s.replace(/\s+/g, ' ').trim();
    if (text.length >= 20) seen.add(text);
  }
  return [...seen];
}

/** The sentence pool (read once per training file and kept). */
export function sentencePool(options: BenchCorpusOptions = {}): SentencePool {
  const trainFile = options.trainFile === undefined ? (fs.existsSync(DEFAULT_TRAIN_FILE) ? DEFAULT_TRAIN_FILE : null) : options.trainFile;
  const key = trainFile ?? '';
  let pool = pools.get(key);
  if (!pool) {
    const seeds: string[] = [];
    for (const source of loadCorpus().sources) {
      for (const s of sentencesOf(source)) if (!s.heading && s.text.length >= 20) seeds.push(s.text);
    }
    pool = { seeds, train: trainFile ? readTrainSentences(trainFile) : [], trainFile };
    pools.set(key, pool);
  }
  return pool;
}

/** Id of the i-th generated article (0-based): `bench-000001` for the first. */
export function benchId(i: number): string {
  return `bench-${String(i + 1).padStart(6, '0')}`;
}

/**
 * The i-th article (0-based) of a generated corpus. Each article has its own seeded stream, so
 * article i is the same whether 40 or 20,000 articles are generated, and articles can be made
 * one at a time (streaming) or all at once.
 */
export function generateArticle(i: number, options: BenchCorpusOptions = {}): Source {
  const pool = sentencePool(options);
  const random = seededRandom(seedFrom(`article:${i}`, options.seed ?? 1));
  const pick = (list: readonly string[]): string => list[Math.floor(random() * list.length)];
  const draw = (): string => (pool.train.length === 0 || random() < SEED_SHARE ? pick(pool.seeds) : pick(pool.train));
  const count = 20 + Math.floor(random() * 21); // 20..40 sentences
  const id = benchId(i);
  const title = `Bench article ${i + 1}`;
  const paragraphs: Paragraph[] = [];
  let line = 3; // line 1 is the title, line 2 blank
  for (let n = 0; n < count; ) {
    const size = Math.min(count - n, 1 + Math.floor(random() * 4)); // 1..4 sentences a paragraph
    const parts: string[] = [];
    for (let k = 0; k < size; k++) parts.push(draw());
    paragraphs.push({ index: paragraphs.length, text: parts.join(' '), heading: false, line });
    line += 2;
    n += size;
  }
  const text = paragraphs.map((p) => p.text).join('\n\n');
  const group = SOURCE_GROUPS[i % SOURCE_GROUPS.length];
  const kind = SOURCE_KINDS[i % SOURCE_KINDS.length];
  return {
    meta: { id, label: `Bench ${i + 1}`, outlet: 'Bench Wire', title, url: null, date: null, kind, group, origin: `${id}.txt`, language: 'en' },
    raw: `${title}\n\n${text}\n`,
    text,
    paragraphs,
    removed: [],
    files: { text: `${id}.txt`, meta: `${id}.json` },
  };
}

/** Articles `from` to `to` - 1, one at a time (nothing kept). */
export function* generateArticles(to: number, options: BenchCorpusOptions = {}, from = 0): Generator<Source> {
  for (let i = from; i < to; i++) yield generateArticle(i, options);
}

/**
 * A corpus of `n` generated articles, deterministic for a seed.
 *
 * @example
 * const corpus = generateCorpus(40, { seed: 7 });
 * corpus.sources.length // 40
 */
export function generateCorpus(n: number, options: BenchCorpusOptions = {}): Corpus {
  return { dir: '<generated>', sources: [...generateArticles(n, options)] };
}
