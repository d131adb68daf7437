import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { speakerVoices, stanceOfSentenceMentions } from '../analysis/adapters';
import { scoreCorpusCached } from '../analysis/cache';
import { sentimentMatrix, stanceMatrix } from '../analysis/matrices';
import { builtFile, DEFAULT_THRESHOLD, defaultWorkers, scoreCorpusParallel, type ParallelPlan } from '../analysis/parallel';
import { scoreCorpus } from '../analysis/score-corpus';
import type { RowStore } from '../analysis/row-store';
import type { ScoredSentence } from '../analysis/types';
import { claimStance } from '../claim/claim-stance';
import type { Corpus } from '../corpus/source';
import { invalidOption } from '../errors';
import { scoreSentence } from '../sentiment/score';
import { defaultTargets, findMentions } from '../targets/targets';
import { sentencesOf, type Sentence } from '../text/segment';
import { tapeOf } from '../text/tape';
import { naturalAfinnAnalyser, vaderAnalyser, type Analyser } from './baselines';
import { runScale, warmUp, type ScaleRequest, type ScaleResult } from './child';
import { generateArticle, generateCorpus, PACKAGE_ROOT, sentencePool, type BenchCorpusOptions } from './corpus';
import { machineLoad, medianOf, timed, timedAsync, type Timed } from './measure';

/**
 * The performance benchmark (`news-stance bench`): on one generated corpus, in one run, the
 * full pipeline's throughput against natural's AFINN analyser and vader-sentiment on the same
 * sentences, where the time goes, the multi-core speed-up, the incremental rerun, time against
 * corpus size, peak memory at scale and the library's import time. Figures are ratios.
 */

/** Options of {@link runBench}. */
export interface BenchOptions {
  /**
   * Corpus sizes in articles. The first is the corpus every comparison runs on; the largest is
   * also run in a child process of its own, streamed, for its peak RSS. Default [2000, 20000].
   */
  articles?: readonly number[];
  /** Sizes (articles) of the linearity check, run in this process. Default: a quarter, half and all of the first size. */
  sizes?: readonly number[];
  /** Seed of the generated corpus. Default 1. */
  seed?: number;
  /** NewsMTSC training file to draw sentences from; null for the seeds only. Default ../shared/bench/newsmtsc/train.jsonl when present. */
  trainFile?: string | null;
  /** Workers of the multi-core run. Default: the cores Node may use, at least 2. */
  workers?: number;
  /** Run the scale runs in child processes (their own RSS). Default true; false runs them here. */
  child?: boolean;
  /** Articles whose stages are timed one by one. Default 300 (or all, if fewer). */
  stageArticles?: number;
}

/** Where {@link runBench} writes: the report to `out`, progress to `err`, a line per call. */
export interface BenchIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Throughput of one analyser on the benchmark's sentences. */
export interface Throughput {
  name: string;
  sentences: number;
  wallMs: number;
  cpuMs: number;
  /** Sentences per second, wall-clock. */
  perSecond: number;
}

/** One point of the size check. */
export interface SizePoint {
  articles: number;
  sentences: number;
  /** Full pipeline (scoring and both matrices), wall-clock. */
  wallMs: number;
  /** Microseconds per sentence. */
  usPerSentence: number;
  where: 'here' | 'child' | 'here (no child)';
  mode: 'whole' | 'stream';
}

/** Time of one stage on the stage sample. */
export interface Stage {
  name: string;
  wallMs: number;
  usPerSentence: number;
  /** Share of the pipeline's time (NaN for informational rows). */
  share: number;
  note?: string;
}

/** Everything {@link runBench} measured. */
export interface BenchReport {
  articles: number;
  sentences: number;
  seed: number;
  pool: { seeds: number; train: number; trainFile: string | null };
  machine: { cores: number; loadStart: number; loadEnd: number; node: string };
  pipeline: Throughput;
  scoring: Throughput;
  aggregation: Throughput;
  natural: Throughput;
  vader: Throughput;
  ratioVsNatural: number;
  ratioVsVader: number;
  stages: { articles: number; sentences: number; list: Stage[] };
  parallel: { workers: number; plan: ParallelPlan | null; wallMs: number; cpuMs: number; speedUp: number; coresUsed: number; identical: boolean; threshold: { articles: number; speedUp: number } | null; load: number };
  /** Cold run and rerun are scoring through the cache plus both matrices; `scoringShare` leaves the matrices out. */
  cache: { coldMs: number; rerunMs: number; rerunShare: number; scoredOnRerun: number; scoringShare: number; plainScoreMs: number };
  sizes: SizePoint[];
  /** Largest / smallest microseconds per sentence across the size points. */
  spread: number;
  /** Microseconds per sentence at the largest size / at the smallest: above 1 means time grows faster than the corpus. */
  growth: number;
  memory: { stream: ScaleResult | null; whole: ScaleResult | null; wholeEstimateMb: number; rssMb: number; where: string };
  importTime: { requireMs: number; processMs: number; nodeMs: number; budgetShare: number } | null;
  goals: Array<{ goal: string; value: string; met: boolean | null }>;
  lastLine: string;
}

const defaultIo: BenchIo = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
};

const perSecond = (n: number, ms: number): number => (ms > 0 ? (n / ms) * 1000 : Infinity);
const throughput = (name: string, sentences: number, t: { wallMs: number; cpuMs: number }): Throughput => ({ name, sentences, wallMs: t.wallMs, cpuMs: t.cpuMs, perSecond: perSecond(sentences, t.wallMs) });
const fmtInt = (n: number): string => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : String(n));
const fmtX = (n: number, d = 2): string => (Number.isFinite(n) ? `${n.toFixed(d)}x` : 'n/a');
const pad = (s: string, n: number): string => s.padEnd(n);
const lpad = (s: string, n: number): string => s.padStart(n);

function checkSizes(name: string, v: readonly number[] | undefined): void {
  if (v === undefined) return;
  if (!Array.isArray(v) || v.length === 0 || v.some((n) => !Number.isInteger(n) || n < 1)) invalidOption(name, 'a non-empty list of positive integers', v);
}

/** A command that runs the scale child: the built dist/bench/child.js, else lib/bench/child.ts through tsx. */
function childCommand(): { args: string[]; runner: string } | null {
  const built = builtFile('bench/child.js');
  if (built.file) return { args: [built.file], runner: 'dist' };
  const source = path.join(PACKAGE_ROOT, 'lib', 'bench', 'child.ts');
  if (!fs.existsSync(source)) return null;
  try {
    return { args: ['--require', require.resolve('tsx/cjs'), source], runner: 'tsx' };
  } catch {
    return null;
  }
}

/** A scale run in a child process of its own (or here when asked, or when no child can run). */
function scaleRun(request: ScaleRequest, useChild: boolean, io: BenchIo): { result: ScaleResult; where: string } {
  const command = useChild ? childCommand() : null;
  if (command) {
    const r = spawnSync(process.execPath, [...command.args, JSON.stringify(request)], { cwd: PACKAGE_ROOT, encoding: 'utf8', maxBuffer: 16 * 2 ** 20 });
    const line = (r.stdout ?? '').trim().split('\n').pop() ?? '';
    if (r.status === 0 && line.startsWith('{')) return { result: JSON.parse(line) as ScaleResult, where: `child (${command.runner})` };
    io.err(`bench: the child run failed (${r.error?.message ?? `exit ${r.status}`}${r.stderr ? `: ${r.stderr.trim().split('\n').pop()}` : ''}); running it here`);
  } else if (useChild) {
    io.err('bench: no built dist/bench/child.js and no tsx: scale run in this process (its RSS includes everything before it)');
  }
  return { result: runScale(request), where: 'here' };
}

/** Time of `require('./dist')` in fresh processes (median of 5), and of the whole process. */
function importTime(): BenchReport['importTime'] {
  if (!fs.existsSync(path.join(PACKAGE_ROOT, 'dist', 'index.js'))) return null;
  const script = "const t=process.hrtime.bigint();require('./dist');process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))";
  const requireMs: number[] = [];
  const processMs: number[] = [];
  const nodeMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    let t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['-e', script], { cwd: PACKAGE_ROOT, encoding: 'utf8' });
    processMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status !== 0) return null;
    requireMs.push(Number(r.stdout));
    t0 = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0'], { cwd: PACKAGE_ROOT });
    nodeMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const req = medianOf(requireMs);
  return { requireMs: req, processMs: medianOf(processMs), nodeMs: medianOf(nodeMs), budgetShare: req / 300 };
}

/** Both matrices of scored sentences (the aggregation step). */
function aggregate(sentences: readonly ScoredSentence[], rows?: RowStore): void {
  stanceMatrix(sentences, { rows });
  sentimentMatrix(sentences, { rows });
}

/**
 * Each scoring stage timed inside one pass over the first articles of the corpus, in the order
 * scoreSource runs them, so the stages share each sentence's tokens as they do there (the
 * token tape of the last few sentences is shared): scanning the tape is its own row.
 */
function stageTimes(corpus: Corpus, articles: number): BenchReport['stages'] {
  const sub: Corpus = { dir: corpus.dir, sources: corpus.sources.slice(0, articles) };
  const targets = defaultTargets();
  const names = ['split sentences', 'speakers (per source)', 'token tape (scanned once a sentence, shared)', 'sentiment (scoreSentence)', 'targets (findMentions)', 'stance (each mention)', 'claim (claimStance)'] as const;
  const ns = names.map(() => 0);
  let n = 0;
  const now = (): number => Number(process.hrtime.bigint());
  const stagesStart = now();
  for (const source of sub.sources) {
    let t = now();
    const sentences: Sentence[] = sentencesOf(source);
    let u = now();
    ns[0] += u - t;
    speakerVoices(sentences);
    t = now();
    ns[1] += t - u;
    for (const s of sentences) {
      tapeOf(s.text);
      u = now();
      ns[2] += u - t;
      scoreSentence(s.text);
      t = now();
      ns[3] += t - u;
      const mentions = findMentions(s.text, targets);
      u = now();
      ns[4] += u - t;
      stanceOfSentenceMentions(s.text, mentions);
      t = now();
      ns[5] += t - u;
      claimStance(s.text);
      u = now();
      ns[6] += u - t;
      t = u;
    }
    n += sentences.length;
  }
  const stagesMs = (now() - stagesStart) / 1e6;
  const list: Stage[] = names.map((name, i) => ({ name, wallMs: ns[i] / 1e6, usPerSentence: ns[i] / 1e3 / Math.max(1, n), share: NaN }));
  const scored = timed(() => scoreCorpus(sub));
  const rest = Math.max(0, scored.wallMs - list.reduce((a, x) => a + x.wallMs, 0));
  list.push({ name: 'rest of scoreSource (records, GC, noise)', wallMs: rest, usPerSentence: (rest * 1000) / Math.max(1, n), share: NaN });
  const aggregated = timed(() => aggregate(scored.value));
  list.push({ name: 'aggregation (both matrices)', wallMs: aggregated.wallMs, usPerSentence: (aggregated.wallMs * 1000) / Math.max(1, n), share: NaN });
  const total = list.reduce((a, x) => a + x.wallMs, 0);
  for (const x of list) x.share = x.wallMs / total;
  list.push({ name: '  the timed pass itself, all stages', wallMs: stagesMs, usPerSentence: (stagesMs * 1000) / Math.max(1, n), share: NaN, note: `scoreCorpus alone ${((scored.wallMs * 1000) / Math.max(1, n)).toFixed(1)} us/sent; the difference is the timers` });
  return { articles: sub.sources.length, sentences: n, list };
}

/** The pipeline's full run on a corpus: scoring and both matrices, single thread. */
function pipelineRun(corpus: Corpus): { scored: Timed<ScoredSentence[]>; aggregated: Timed<void> } {
  const scored = timed(() => scoreCorpus(corpus));
  const aggregated = timed(() => aggregate(scored.value));
  return { scored, aggregated };
}

function analyserRun(name: string, analyser: Analyser, texts: readonly string[]): Throughput {
  let sink = 0;
  const t = timed(() => {
    for (const text of texts) sink += analyser(text);
  });
  if (Number.isNaN(sink)) throw new Error(`${name} returned NaN`);
  return throughput(name, texts.length, t);
}

/** The benchmark's one-line summary, the report's last line. */
export function benchLine(r: Pick<BenchReport, 'ratioVsNatural' | 'ratioVsVader' | 'memory' | 'cache'>): string {
  return `ratio_vs_natural=${r.ratioVsNatural.toFixed(2)} ratio_vs_vader=${r.ratioVsVader.toFixed(2)} rss_mb=${Math.round(r.memory.rssMb)} rerun_share=${r.cache.rerunShare.toFixed(3)}`;
}

/**
 * Runs the benchmark and prints its report (a readable table, then as the last line
 * `ratio_vs_natural=X ratio_vs_vader=Y rss_mb=Z rerun_share=W`). Progress goes to `io.err`.
 *
 * @example
 * await runBench({ articles: [2000, 20000] });
 */
export async function runBench(options: BenchOptions = {}, io: BenchIo = defaultIo): Promise<BenchReport> {
  checkSizes('articles', options.articles);
  checkSizes('sizes', options.sizes);
  const articlesList = options.articles ?? [2000, 20000];
  const A = articlesList[0];
  const L = Math.max(...articlesList);
  const sizes = [...new Set(options.sizes ?? [Math.max(1, Math.round(A / 4)), Math.max(1, Math.round(A / 2)), A])].sort((a, b) => a - b);
  const seed = options.seed ?? 1;
  const corpusOptions: BenchCorpusOptions = { seed, trainFile: options.trainFile };
  const workers = options.workers ?? Math.max(2, defaultWorkers());
  const useChild = options.child !== false;
  const say = (t: string): void => io.err(`bench: ${t}`);
  const loadStart = machineLoad();

  const pool = sentencePool(corpusOptions);
  say(`generating ${fmtInt(A)} articles (seed ${seed}) ...`);
  const corpus = generateCorpus(A, corpusOptions);
  warmUp(corpusOptions);

  // 1. Throughput on the same sentences: the pipeline, natural AFINN, vader.
  say('full pipeline, single thread ...');
  const run = pipelineRun(corpus);
  const sentences = run.scored.value;
  const S = sentences.length;
  const texts = sentences.map((s) => s.text);
  const both = { wallMs: run.scored.wallMs + run.aggregated.wallMs, cpuMs: run.scored.cpuMs + run.aggregated.cpuMs };
  const pipeline = throughput('full pipeline (scoring + both matrices)', S, both);
  const scoring = throughput('scoring only (scoreCorpus)', S, run.scored);
  const aggregation = throughput('aggregation only (both matrices)', S, run.aggregated);
  say('natural AFINN and vader on the same sentences ...');
  const natural = naturalAfinnAnalyser();
  const vader = vaderAnalyser();
  analyserRun('warm-up', natural, texts.slice(0, 2000));
  analyserRun('warm-up', vader, texts.slice(0, 500));
  const nat = analyserRun('natural AFINN (WordTokenizer + SentimentAnalyzer)', natural, texts);
  const vad = analyserRun('vader-sentiment polarity_scores', vader, texts);

  // 2. Where the time goes.
  say('timing each stage ...');
  const stages = stageTimes(corpus, Math.min(A, options.stageArticles ?? 300));

  // 3. Multi-core: identical results, speed-up, cores used; and the threshold's break-even.
  say(`scoring on ${workers} worker threads ...`);
  let plan: ParallelPlan | null = null;
  const par = await timedAsync(() => scoreCorpusParallel(corpus, { workers, threshold: 0, onPlan: (p) => (plan = p), onNote: (l) => io.err(l) }));
  const parallelLoad = machineLoad().load;
  const identical = isDeepStrictEqual(par.value, sentences);
  // Results no later step reads are let go, so each run below works with only its own in memory.
  par.value.length = 0;
  sentences.length = 0;
  texts.length = 0;
  let thresholdCheck: BenchReport['parallel']['threshold'] = null;
  if (A > DEFAULT_THRESHOLD && (plan as ParallelPlan | null)?.mode === 'workers') {
    const small: Corpus = { dir: corpus.dir, sources: corpus.sources.slice(0, DEFAULT_THRESHOLD + 1) };
    const single = timed(() => scoreCorpus(small));
    const multi = await timedAsync(() => scoreCorpusParallel(small, { workers, threshold: 0 }));
    thresholdCheck = { articles: small.sources.length, speedUp: single.wallMs / multi.wallMs };
  }

  // 4. Incremental rerun: cold cached run, then one article more.
  say('cache: cold run and rerun with one article added ...');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-stance-bench-'));
  let cache: BenchReport['cache'];
  try {
    const cold = timed(() => scoreCorpusCached(corpus, { dir }));
    const plus: Corpus = { dir: corpus.dir, sources: [...corpus.sources, generateArticle(A, corpusOptions)] };
    const coldAggregated = timed(() => aggregate(cold.value.sentences, cold.value.rows));
    cold.value.sentences.length = 0; // a rerun is a new run: the cold run's sentences are not held
    const rerun = timed(() => scoreCorpusCached(plus, { dir }));
    const rerunAggregated = timed(() => aggregate(rerun.value.sentences, rerun.value.rows));
    cache = {
      coldMs: cold.wallMs + coldAggregated.wallMs,
      rerunMs: rerun.wallMs + rerunAggregated.wallMs,
      rerunShare: (rerun.wallMs + rerunAggregated.wallMs) / (cold.wallMs + coldAggregated.wallMs),
      scoredOnRerun: rerun.value.scored.length,
      scoringShare: rerun.wallMs / cold.wallMs,
      plainScoreMs: run.scored.wallMs,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  // 5. Time against size, here (whole corpus) and, for the largest, streamed in a child.
  const points: SizePoint[] = [];
  for (const n of sizes) {
    if (n === A) {
      points.push({ articles: A, sentences: S, wallMs: both.wallMs, usPerSentence: (both.wallMs * 1000) / S, where: 'here', mode: 'whole' });
      continue;
    }
    say(`size check: ${fmtInt(n)} articles ...`);
    const c = generateCorpus(n, corpusOptions);
    // The best of two runs: the size points are short, and a busy machine disturbs short runs most.
    let best = Infinity;
    let count = 0;
    for (let k = 0; k < 2; k++) {
      const r = pipelineRun(c);
      best = Math.min(best, r.scored.wallMs + r.aggregated.wallMs);
      count = r.scored.value.length;
    }
    points.push({ articles: n, sentences: count, wallMs: best, usPerSentence: (best * 1000) / count, where: 'here', mode: 'whole' });
  }

  // 6. Memory: the largest size streamed in a process of its own; the first size held whole, for comparison.
  say(`scale run: ${fmtInt(L)} articles streamed${useChild ? ' in a child process' : ''} ...`);
  const stream = scaleRun({ mode: 'stream', articles: L, seed, trainFile: options.trainFile }, useChild, io);
  const sr = stream.result;
  points.push({ articles: L, sentences: sr.sentences, wallMs: sr.scoreMs + sr.aggregateMs, usPerSentence: ((sr.scoreMs + sr.aggregateMs) * 1000) / sr.sentences, where: stream.where === 'here' ? 'here (no child)' : 'child', mode: 'stream' });
  say(`scale run: ${fmtInt(A)} articles held whole${useChild ? ' in a child process' : ''} ...`);
  const whole = useChild ? scaleRun({ mode: 'whole', articles: A, seed, trainFile: options.trainFile }, true, io).result : null;
  const wholeEstimateMb = whole ? whole.baseRssMb + ((whole.peakRssMb - whole.baseRssMb) * L) / A : NaN;
  points.sort((a, b) => a.articles - b.articles || (a.mode === 'stream' ? 1 : -1));
  const us = points.map((p) => p.usPerSentence);
  const spread = Math.max(...us) / Math.min(...us);
  const growth = points[points.length - 1].usPerSentence / points[0].usPerSentence;

  // 7. Import time.
  say('library import time ...');
  const imp = importTime();

  const loadEnd = machineLoad();
  const ratioVsNatural = pipeline.perSecond / nat.perSecond;
  const ratioVsVader = pipeline.perSecond / vad.perSecond;
  const p = plan as ParallelPlan | null;
  const parallel: BenchReport['parallel'] = {
    workers,
    plan: p,
    wallMs: par.wallMs,
    cpuMs: par.cpuMs,
    speedUp: run.scored.wallMs / par.wallMs,
    coresUsed: par.cpuMs / par.wallMs,
    identical,
    threshold: thresholdCheck,
    load: parallelLoad,
  };
  const memory: BenchReport['memory'] = { stream: sr, whole, wholeEstimateMb, rssMb: sr.peakRssMb, where: stream.where };
  const goals: BenchReport['goals'] = [
    { goal: 'pipeline >= 0.5x natural AFINN, single thread', value: fmtX(ratioVsNatural), met: ratioVsNatural >= 0.5 },
    { goal: 'pipeline >= 20x vader, single thread', value: fmtX(ratioVsVader), met: ratioVsVader >= 20 },
    {
      goal: 'all cores used above the threshold, identical results',
      value: `${p?.mode === 'workers' ? `${p.workers} threads (main + ${p.workers - 1} worker${p.workers > 2 ? 's' : ''}), ${parallel.coresUsed.toFixed(2)} cores busy, speed-up ${fmtX(parallel.speedUp)}` : `single thread (${p?.reason ?? 'no plan'})`}, ${identical ? 'identical' : 'DIFFERENT'}`,
      met: p?.mode === 'workers' && identical && parallel.speedUp > 1 && parallel.coresUsed >= 0.75 * p.workers,
    },
    { goal: `${fmtInt(L)} articles under 1 GB peak RSS`, value: `${fmtInt(sr.peakRssMb)} MB streamed${whole ? ` (held whole: ~${fmtInt(wholeEstimateMb)} MB)` : ''}`, met: sr.peakRssMb < 1024 },
    { goal: 'rerun with one added article <= 5% of cold', value: `${(cache.rerunShare * 100).toFixed(1)}% incl. both matrices (scoring alone ${(cache.scoringShare * 100).toFixed(1)}%)`, met: cache.rerunShare <= 0.05 },
    { goal: 'time linear in corpus size (per-sentence time flat)', value: `largest/smallest ${fmtX(growth)}, spread ${fmtX(spread)}`, met: growth <= 1.25 },
    { goal: 'library import < 300 ms', value: imp ? `${fmtInt(imp.requireMs)} ms (${imp.budgetShare.toFixed(2)} of the budget)` : 'no dist/', met: imp ? imp.requireMs < 300 : null },
  ];
  const report: BenchReport = {
    articles: A,
    sentences: S,
    seed,
    pool: { seeds: pool.seeds.length, train: pool.train.length, trainFile: pool.trainFile },
    machine: { cores: loadStart.cores, loadStart: loadStart.load, loadEnd: loadEnd.load, node: process.version },
    pipeline,
    scoring,
    aggregation,
    natural: nat,
    vader: vad,
    ratioVsNatural,
    ratioVsVader,
    stages,
    parallel,
    cache,
    sizes: points,
    spread,
    growth,
    memory,
    importTime: imp,
    goals,
    lastLine: '',
  };
  report.lastLine = benchLine(report);
  for (const line of formatBench(report)) io.out(line);
  return report;
}

/** The report as lines of text; the last is {@link benchLine}. */
export function formatBench(r: BenchReport): string[] {
  const out: string[] = [];
  const poolText = r.pool.train > 0 ? `${fmtInt(r.pool.seeds)} seed sentences and ${fmtInt(r.pool.train)} NewsMTSC training sentences` : `${fmtInt(r.pool.seeds)} seed sentences (no NewsMTSC training file)`;
  out.push(`news-stance bench: ${fmtInt(r.articles)} generated articles, ${fmtInt(r.sentences)} sentences (seed ${r.seed}; drawn from ${poolText})`);
  const busy = r.machine.loadStart > r.machine.cores * 0.75 || r.machine.loadEnd > r.machine.cores * 0.75;
  out.push(`machine: ${r.machine.cores} cores, node ${r.machine.node}, load average ${r.machine.loadStart.toFixed(1)} at start, ${r.machine.loadEnd.toFixed(1)} at end${busy ? ' (busy: wall-clock figures are disturbed, see the CPU column)' : ''}`);
  out.push('');
  const w1 = 52;
  out.push(`${pad('Throughput, single thread, same sentences', w1)}${lpad('sent/s', 10)}${lpad('vs natural', 12)}${lpad('vs vader', 10)}${lpad('cpu ratio', 11)}`);
  const natCpu = r.natural.sentences / r.natural.cpuMs;
  for (const t of [r.pipeline, r.scoring, r.aggregation, r.natural, r.vader]) {
    const cpu = t.sentences / t.cpuMs / natCpu;
    out.push(`  ${pad(t.name, w1 - 2)}${lpad(fmtInt(t.perSecond), 10)}${lpad(fmtX(t.perSecond / r.natural.perSecond, 3), 12)}${lpad(fmtX(t.perSecond / r.vader.perSecond), 10)}${lpad(fmtX(cpu, 3), 11)}`);
  }
  out.push('  (cpu ratio: vs natural by CPU time instead of wall-clock; a busy machine disturbs it less)');
  out.push('');
  out.push(`${pad(`Where the time goes (first ${fmtInt(r.stages.articles)} articles, ${fmtInt(r.stages.sentences)} sentences)`, w1)}${lpad('us/sent', 10)}${lpad('share', 8)}`);
  for (const s of r.stages.list) {
    out.push(`  ${pad(s.name, w1 - 2)}${lpad(s.usPerSentence.toFixed(1), 10)}${lpad(Number.isNaN(s.share) ? '' : `${(s.share * 100).toFixed(1)}%`, 8)}${s.note ? `  ${s.note}` : ''}`);
  }
  out.push('');
  const p = r.parallel;
  out.push(`Multi-core scoring (${p.plan?.mode === 'workers' ? `${p.plan.workers} threads: the main thread and ${p.plan.workers - 1} worker${p.plan.workers > 2 ? 's' : ''}, ${p.plan.chunks} chunks balanced by text length` : `not on workers: ${p.plan?.reason ?? '?'}`})`);
  out.push(`  speed-up over one thread             ${fmtX(p.speedUp)}   (cores busy during the run: ${p.coresUsed.toFixed(2)}; load average after it ${p.load.toFixed(1)} on ${r.machine.cores} cores${p.load > r.machine.cores + 0.5 ? ': other processes took CPU' : ''})`);
  out.push(`  results identical to scoreCorpus     ${p.identical ? 'yes (deep-equal, same order)' : 'NO'}`);
  if (p.threshold) out.push(`  just above the threshold (${p.threshold.articles} sources) ${fmtX(p.threshold.speedUp)}   (workers start cold, ~1 s of JIT each: the default threshold ${DEFAULT_THRESHOLD} is about the break-even)`);
  out.push('');
  const c = r.cache;
  out.push(`Incremental rerun (scoreCorpusCached, temp cache dir)`);
  out.push(`  cold run, ${fmtInt(r.articles)} articles, scoring + matrices 1.000`);
  out.push(`  rerun with one article added          ${c.rerunShare.toFixed(3)}   (${c.scoredOnRerun} source scored, the rest read from the cache; the other sources' matrix rows too)`);
  out.push(`  scoring alone, rerun / cold           ${c.scoringShare.toFixed(3)}`);
  out.push('');
  out.push(`Time against corpus size (full pipeline, single thread)`);
  out.push(`  ${lpad('articles', 9)}${lpad('sentences', 11)}${lpad('us/sent', 10)}${lpad('relative', 10)}  run`);
  const base = r.sizes[0]?.usPerSentence ?? NaN;
  for (const s of r.sizes) {
    out.push(`  ${lpad(fmtInt(s.articles), 9)}${lpad(fmtInt(s.sentences), 11)}${lpad(s.usPerSentence.toFixed(1), 10)}${lpad((s.usPerSentence / base).toFixed(2), 10)}  ${s.mode === 'stream' ? 'streamed' : 'whole corpus'}, ${s.where}`);
  }
  out.push(`  per-sentence time, largest size / smallest: ${fmtX(r.growth)} (1.00x = linear; above 1.25x would be super-linear); spread of all points ${fmtX(r.spread)}`);
  out.push('');
  const m = r.memory;
  out.push(`Peak memory (RSS of a process of its own)`);
  if (m.stream) out.push(`  ${fmtInt(m.stream.articles)} articles streamed (rows kept, sentences not)  ${lpad(fmtInt(m.stream.peakRssMb), 6)} MB = ${(m.stream.peakRssMb / 1024).toFixed(2)} of 1 GB (${fmtInt(m.stream.baseRssMb)} MB loaded and warm, before the first article) [${m.where}]`);
  if (m.whole) out.push(`  ${fmtInt(m.whole.articles)} articles held whole (as analyze does)   ${lpad(fmtInt(m.whole.peakRssMb), 6)} MB; ~${fmtInt(m.wholeEstimateMb)} MB projected for ${fmtInt(m.stream?.articles ?? 0)} held whole`);
  out.push('');
  const i = r.importTime;
  out.push(i ? `Library import: require('./dist') ${fmtInt(i.requireMs)} ms = ${i.budgetShare.toFixed(2)} of the 300 ms budget (whole \`node -e\` process ${fmtInt(i.processMs)} ms, bare node ${fmtInt(i.nodeMs)} ms)` : 'Library import: no dist/index.js (run `npm run build`)');
  out.push('');
  out.push('Goals');
  for (const g of r.goals) out.push(`  ${g.met === null ? 'n/a ' : g.met ? 'met ' : 'MISS'}  ${pad(g.goal, 56)}${g.value}`);
  out.push(r.lastLine);
  return out;
}
