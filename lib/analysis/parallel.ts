import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Corpus } from '../corpus/source';
import { invalidOption } from '../errors';
import { scoreCorpus, scoreSource, type ScoreOptions } from './score-corpus';
import type { ScoredSentence } from './types';
import type { PlainSource, WorkerInit, WorkerRequest, WorkerResponse } from './worker';

/**
 * {@link scoreCorpus} on several cores: the corpus is cut by source into contiguous chunks of
 * about equal text length, the main thread and worker threads (dist/analysis/worker.js) score
 * the chunks, and the sentences are put back in corpus order. The result is identical to
 * `scoreCorpus` (same order, same numbers): every thread runs the same scoring code on the same
 * records. The main thread scores too because it is warm: a worker spends its first second or
 * so loading and compiling, which on two cores was most of what two workers gained.
 */

/** Sources above which workers are used by default (measured with `news-stance bench`, see README "Performance"). */
export const DEFAULT_THRESHOLD = 1600;

/** Most workers started by default. */
export const MAX_DEFAULT_WORKERS = 8;

/**
 * Young generation of each worker, in MB. Workers get a smaller one than the main thread by
 * default, which cost 10% more scavenging on scoring (measured: a worker scored 2000 articles
 * in 13.1 s by default, 11.9 s with 48 MB, the main thread 12.0 s).
 */
const YOUNG_GENERATION_MB = 48;

/** Chunks per thread: more than one, so a thread that finishes early takes the next chunk. */
const CHUNKS_PER_WORKER = 16;

/** Chunks sent ahead to each worker, so it has the next one while the main thread is busy scoring its own. */
const IN_FLIGHT = 2;

/** Options of {@link scoreCorpusParallel}. */
export interface ParallelOptions {
  /** Threads that score, the main thread being one of them (2: the main thread and one worker). Default `os.availableParallelism()`, at most 8; fewer than 2 means single-thread. */
  workers?: number;
  /** Workers are used only for corpora with more sources than this. Default {@link DEFAULT_THRESHOLD}. */
  threshold?: number;
  /** Scoring options, as for `scoreCorpus`; must be plain data (they are copied to each worker). */
  score?: ScoreOptions;
  /** Called once with what the run will do (for progress output and tests). */
  onPlan?: (plan: ParallelPlan) => void;
  /** Where one-line notes go (e.g. the built worker is missing). Default: standard error, each note once per process. */
  onNote?: (line: string) => void;
}

/** How {@link scoreCorpusParallel} runs a corpus. */
export interface ParallelPlan {
  mode: 'workers' | 'single';
  /** Threads scoring, the main thread included (0 single-thread). */
  workers: number;
  /** Chunks the corpus was cut into (0 single-thread). */
  chunks: number;
  /** Why single-thread, or `above threshold`. */
  reason: string;
}

/** Default worker count: the cores Node may use, at most {@link MAX_DEFAULT_WORKERS}. */
export function defaultWorkers(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(MAX_DEFAULT_WORKERS, cores));
}

/** The package root: lib/analysis/.. or dist/analysis/.. */
const ROOT = path.resolve(__dirname, '..', '..');

/** Newest modification time of the .ts files under a folder (0 if none). */
function newestTs(dir: string): number {
  let newest = 0;
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  walk(dir);
  return newest;
}

const resolved = new Map<string, { file: string | null; note: string | null }>();
let libNewest: number | undefined;

/**
 * A built script of the package, `dist/<rel>` (e.g. `analysis/worker.js`), or null with a
 * one-line reason. From dist/ it is found beside this file's folder; from lib/ (tsx) it is the
 * package's dist/, used only when dist/ is at least as new as every file of lib/ (otherwise it
 * would run older code than the caller).
 */
export function builtFile(rel: string): { file: string | null; note: string | null } {
  const known = resolved.get(rel);
  if (known) return known;
  const fromDist = __filename.endsWith('.js');
  const file = fromDist ? path.join(__dirname, '..', rel) : path.join(ROOT, 'dist', rel);
  let result: { file: string | null; note: string | null };
  if (!fs.existsSync(file)) {
    result = { file: null, note: `news-stance: ${path.relative(process.cwd(), file) || file} not found (run \`npm run build\`)` };
  } else if (!fromDist && fs.statSync(file).mtimeMs < (libNewest ??= newestTs(path.join(ROOT, 'lib')))) {
    result = { file: null, note: 'news-stance: dist/ is older than lib/ (run `npm run build`)' };
  } else {
    result = { file, note: null };
  }
  resolved.set(rel, result);
  return result;
}

/** The built worker script (dist/analysis/worker.js), or null with the reason; see {@link builtFile}. */
export function resolveWorkerFile(): { file: string | null; note: string | null } {
  const r = builtFile('analysis/worker.js');
  return r.file ? r : { file: null, note: `${r.note}: scoring on one thread` };
}

/** Forgets the resolved built files (tests, or after a build in the same process). */
export function resetBuiltFiles(): void {
  resolved.clear();
  libNewest = undefined;
}

/**
 * Cuts items with the given weights into at most `k` contiguous, non-empty ranges `[start, end)`
 * in order, each cut placed where the running total is nearest its share, so every range
 * weighs the ideal `total / k` give or take the largest weight.
 *
 * @example
 * balancedChunks([5, 1, 1, 1, 1, 1], 2) // [[0, 1], [1, 6]]
 */
export function balancedChunks(weights: readonly number[], k: number): Array<[number, number]> {
  const n = weights.length;
  if (n === 0) return [];
  const parts = Math.max(1, Math.min(n, Math.floor(k)));
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + weights[i];
  const total = prefix[n];
  const cuts = [0];
  for (let c = 1; c < parts; c++) {
    const target = (total * c) / parts;
    const lo = cuts[c - 1] + 1; // each range keeps at least one item
    const hi = n - (parts - c); // and leaves one for each range after it
    let j = lo;
    while (j < hi && prefix[j + 1] <= target) j++;
    if (j < hi && prefix[j + 1] - target < target - prefix[j]) j++;
    cuts.push(j);
  }
  cuts.push(n);
  const out: Array<[number, number]> = [];
  for (let c = 0; c < parts; c++) out.push([cuts[c], cuts[c + 1]]);
  return out;
}

const notesShown = new Set<string>();
function defaultNote(line: string): void {
  if (notesShown.has(line)) return;
  notesShown.add(line);
  process.stderr.write(`${line}\n`);
}

/**
 * Scores a corpus like {@link scoreCorpus}, on worker threads when it has more sources than
 * the threshold; identical results in the same order.
 *
 * @example
 * const sentences = await scoreCorpusParallel(corpus, { workers: 2 });
 * stanceMatrix(sentences);
 */
export async function scoreCorpusParallel(corpus: Corpus, options: ParallelOptions = {}): Promise<ScoredSentence[]> {
  const workers = options.workers ?? defaultWorkers();
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  if (!Number.isInteger(workers) || workers < 1) invalidOption('workers', 'an integer >= 1', workers);
  if (typeof threshold !== 'number' || !(threshold >= 0)) invalidOption('threshold', 'a number >= 0', threshold);
  const note = options.onNote ?? defaultNote;
  const sources = corpus.sources;
  const single = (reason: string): ScoredSentence[] => {
    options.onPlan?.({ mode: 'single', workers: 0, chunks: 0, reason });
    return scoreCorpus(corpus, options.score);
  };
  if (sources.length <= threshold) return single(`${sources.length} sources, not above the threshold ${threshold}`);
  if (workers < 2) return single('fewer than 2 workers');
  const { file, note: missing } = resolveWorkerFile();
  if (!file) {
    note(missing as string);
    return single(missing as string);
  }
  const init: WorkerInit = {};
  if (options.score && Object.keys(options.score).length > 0) {
    try {
      init.score = structuredClone(options.score);
    } catch {
      const line = 'news-stance: the scoring options cannot be copied to worker threads (not plain data): scoring on one thread';
      note(line);
      return single(line);
    }
  }

  const chunks = balancedChunks(
    sources.map((s) => s.paragraphs.reduce((n, p) => n + p.text.length, 0) + 1),
    workers * CHUNKS_PER_WORKER,
  );
  const used = Math.min(workers, chunks.length);
  options.onPlan?.({ mode: 'workers', workers: used, chunks: chunks.length, reason: `${sources.length} sources, above the threshold ${threshold}` });

  const results: ScoredSentence[][] = new Array(chunks.length);
  const pool: Worker[] = [];
  let next = 0;
  let done = 0;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const finished = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  const fail = (err: Error): void => {
    failure ??= err;
    finished();
  };
  const send = (w: Worker): void => {
    if (next >= chunks.length || failure) return;
    const chunk = next++;
    const [start, end] = chunks[chunk];
    const plain: PlainSource[] = [];
    for (let i = start; i < end; i++) {
      const s = sources[i];
      plain.push({ meta: s.meta, raw: s.raw, paragraphs: s.paragraphs });
    }
    const request: WorkerRequest = { chunk, sources: plain };
    w.postMessage(request);
  };
  try {
    for (let i = 1; i < used; i++) {
      const w = new Worker(file, { workerData: init, execArgv: [], resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      pool.push(w);
      w.on('message', (m: WorkerResponse) => {
        if ('error' in m) {
          const e = new Error(m.error.message);
          e.name = m.error.name;
          if (m.error.stack) e.stack = m.error.stack;
          fail(e);
          return;
        }
        results[m.chunk] = m.sentences;
        done++;
        if (done === chunks.length) finished();
        else send(w);
      });
      w.on('error', (err) => fail(err));
      w.on('exit', (code) => {
        if (done < chunks.length) fail(new Error(`news-stance: a scoring worker exited with code ${code} before finishing`));
      });
      for (let k = 0; k < IN_FLIGHT; k++) send(w);
    }
    // The main thread takes the next chunk, scores it, and lets the workers' answers in between.
    while (next < chunks.length && !failure) {
      const chunk = next++;
      const [start, end] = chunks[chunk];
      const part: ScoredSentence[] = [];
      for (let i = start; i < end; i++) for (const s of scoreSource(sources[i], options.score)) part.push(s);
      results[chunk] = part;
      done++;
      await new Promise<void>((r) => setImmediate(r));
    }
    if (done < chunks.length && !failure) await new Promise<void>((r) => (wake = r));
    if (failure) throw failure;
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  const out: ScoredSentence[] = [];
  for (const part of results) for (const s of part) out.push(s);
  return out;
}
