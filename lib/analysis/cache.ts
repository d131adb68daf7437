import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Corpus, Source } from '../corpus/source';
import { writeFileAtomic } from '../io/atomic';
import { decodeScores, encodeScores } from './cache-format';
import { FileRowStore, type RowStore, type StoredSource } from './row-store';
import { scoreSource, sourceRef, type ScoreOptions } from './score-corpus';
import type { ScoredSentence } from './types';

/**
 * Scored sentences cached per source under a key of the source's raw text and the scorer's
 * fingerprint (code version plus every data file that changes a score: lexicons, cue lists,
 * targets, speakers, the stance model). A rerun scores only sources whose text or scorer changed;
 * metadata edits (label, group) need no rescoring and are applied on load.
 */

/** Bumped whenever scoring code changes its output. */
export const SCORER_VERSION = '3';

/** Data files that change scores, relative to the package root. */
const SCORING_FILES = ['data/lexicon/claim.json', 'data/lexicon/modifiers.json', 'data/targets.json', 'data/speakers.json', 'data/models/stance.json'];

const ROOT = path.resolve(__dirname, '..', '..');
let fingerprint: string | undefined;

/** Hash of the scorer version, the scoring data files and the scoring options. */
export function scorerFingerprint(options: ScoreOptions = {}): string {
  if (fingerprint === undefined) {
    const h = createHash('sha256').update(`news-stance scorer ${SCORER_VERSION}\n`);
    for (const f of SCORING_FILES) {
      const file = path.join(ROOT, f);
      h.update(`${f}\n`);
      if (fs.existsSync(file)) h.update(fs.readFileSync(file));
    }
    fingerprint = h.digest('hex');
  }
  const opts = JSON.stringify({ sentiment: options.sentiment, stance: options.stance, claim: options.claim && { ...options.claim, cues: options.claim.cues?.file }, speakers: options.speakers, targets: options.targets?.file });
  return createHash('sha256').update(fingerprint).update(opts).digest('hex');
}

/** Options of {@link scoreCorpusCached}. */
export interface CacheOptions {
  /** Folder of the cache. Default `.cache/scores` in the package root. */
  dir?: string;
  /** Ignore the cache (still write fresh results). Default false. */
  noCache?: boolean;
  /** Scoring options (part of the key). Default: the scorers' defaults. */
  score?: ScoreOptions;
  /** Called after each source with its position and whether it came from the cache. */
  onSource?: (done: number, total: number, source: Source, cached: boolean) => void;
}

/** What a cached run did. */
export interface CacheRun {
  sentences: ScoredSentence[];
  scored: string[];
  cached: string[];
  /**
   * Per-source matrix rows kept in the cache folder: pass it as the matrices' `rows` option
   * (`stanceMatrix(run.sentences, { rows: run.rows })`) and a rerun makes rows only for the
   * sources that were rescored. Used only for these sentences, as returned.
   */
  rows: RowStore;
}

/** Default cache folder. */
export const DEFAULT_CACHE_DIR = path.join(ROOT, '.cache', 'scores');

/** The cache file of a source under the current scorer. */
export function cacheFile(source: Source, options: CacheOptions = {}, fingerprint = scorerFingerprint(options.score)): string {
  const key = createHash('sha256').update(fingerprint).update('\0').update(source.raw).digest('hex').slice(0, 24);
  return path.join(options.dir ?? DEFAULT_CACHE_DIR, `${source.meta.id}.${key}.scores`);
}

/**
 * Scores a corpus, reusing each source's cached sentences when its text and the scorer are
 * unchanged. Results are identical to `scoreCorpus` (the cache stores exactly its output).
 */
export function scoreCorpusCached(corpus: Corpus, options: CacheOptions = {}): CacheRun {
  const dir = options.dir ?? DEFAULT_CACHE_DIR;
  const stored = new Map<string, StoredSource>();
  const run: CacheRun = { sentences: [], scored: [], cached: [], rows: new FileRowStore(dir, stored, options.noCache === true) };
  // The folder is listed once per run, only if some source needs rescoring.
  let files: string[] | undefined;
  const listing = (): string[] => (files ??= fs.existsSync(dir) ? fs.readdirSync(dir) : []);
  const fingerprint = scorerFingerprint(options.score);
  corpus.sources.forEach((source, i) => {
    const file = cacheFile(source, options, fingerprint);
    let sentences: ScoredSentence[] | null = null;
    if (!options.noCache) {
      try {
        // The source's identity is taken from its metadata now (a label may have been edited).
        sentences = decodeScores(fs.readFileSync(file), sourceRef(source));
      } catch {
        sentences = null; // not cached yet, unreadable or damaged: scored and (re)written
      }
    }
    const cached = sentences !== null;
    if (!sentences) {
      sentences = scoreSource(source, options.score);
      // Drop cache files of older versions of this source (and of older cache formats) before writing the new one.
      for (const f of listing()) if (f.startsWith(`${source.meta.id}.`) && (f.endsWith('.scores') || f.endsWith('.json'))) fs.rmSync(path.join(dir, f), { force: true });
      writeFileAtomic(file, encodeScores(sentences));
    }
    stored.set(source.meta.id, { base: path.basename(file, '.scores'), sentences });
    (cached ? run.cached : run.scored).push(source.meta.id);
    for (const s of sentences) run.sentences.push(s);
    options.onSource?.(i + 1, corpus.sources.length, source, cached);
  });
  return run;
}
