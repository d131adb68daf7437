/**
 * Evaluation on NewsMTSC dev files (target-dependent sentiment in political news): our stance
 * scorer against two whole-sentence baselines measured in the same run, natural's AFINN
 * analyser and vader-sentiment's compound score.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NewsStanceError, describe } from '../errors';
import { words } from '../text/tokens';
import { stanceToward, type StanceOptions } from '../stance/stance';
import { classificationReport, type ClassificationReport, type Polarity } from './metrics';

/** One labelled target of a dev file. */
export interface NewsmtscItem {
  id: string;
  sentence: string;
  mention: string;
  from: number;
  to: number;
  polarity: Polarity;
  /** 1-based line in the file. */
  line: number;
}

/**
 * Reads a NewsMTSC dev file (`mt-dev.jsonl`, `rw-dev.jsonl`): one target a line,
 * `{mention, polarity (-1/0/1), from, to, sentence, id}`. Throws a NewsStanceError naming
 * file, line and field of the first bad line.
 */
export function readNewsmtscDev(file: string): NewsmtscItem[] {
  if (typeof file !== 'string' || !fs.existsSync(file)) {
    throw new NewsStanceError('NewsMTSC file not found', { file: String(file) }, 'Pass the path of mt-dev.jsonl or rw-dev.jsonl');
  }
  const out: NewsmtscItem[] = [];
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  lines.forEach((text, i) => {
    if (text.trim() === '') return;
    const line = i + 1;
    const fail = (field: string | undefined, problem: string): never => {
      throw new NewsStanceError(problem, { file, line, field }, 'Each line must be {"mention", "polarity", "from", "to", "sentence", "id"}');
    };
    let o: Record<string, unknown>;
    try {
      o = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return fail(undefined, 'not valid JSON');
    }
    if (o === null || typeof o !== 'object' || Array.isArray(o)) fail(undefined, `expected a JSON object, got ${describe(o)}`);
    if (typeof o.sentence !== 'string' || o.sentence === '') fail('sentence', `expected a non-empty string, got ${describe(o.sentence)}`);
    if (typeof o.mention !== 'string' || o.mention === '') fail('mention', `expected a non-empty string, got ${describe(o.mention)}`);
    if (o.polarity !== -1 && o.polarity !== 0 && o.polarity !== 1) fail('polarity', `expected -1, 0 or 1, got ${describe(o.polarity)}`);
    const sentence = o.sentence as string;
    for (const k of ['from', 'to'] as const) {
      const v = o[k];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > sentence.length) fail(k, `expected an offset from 0 to ${sentence.length}, got ${describe(v)}`);
    }
    const from = o.from as number;
    const to = o.to as number;
    if (from >= to) fail('to', `expected "to" after "from" (${from}), got ${to}`);
    if (sentence.slice(from, to) !== o.mention) fail('mention', `${describe(o.mention)} is not the text at ${from}..${to} (${describe(sentence.slice(from, to))})`);
    if (o.id !== undefined && typeof o.id !== 'string') fail('id', `expected a string, got ${describe(o.id)}`);
    out.push({ id: (o.id as string | undefined) ?? `line-${line}`, sentence, mention: o.mention as string, from, to, polarity: o.polarity as Polarity, line });
  });
  if (out.length === 0) throw new NewsStanceError('holds no targets', { file });
  return out;
}

/** Figures of one scorer. */
export interface ScorerResult {
  /** Short key: `model` (or `lexicon` when no model), `lexicon-fallback`, `natural-afinn`, `vader`. */
  key: string;
  label: string;
  report: ClassificationReport;
  predictions: Polarity[];
}

export interface NewsmtscReport {
  file: string;
  n: number;
  /** Gold label counts. */
  counts: { negative: number; neutral: number; positive: number };
  /** Our scorer (first of `scorers`). */
  ours: ScorerResult;
  /** Ours first, then the baselines. */
  scorers: ScorerResult[];
  seconds: number;
}

export interface EvaluateOptions {
  /** Options for stanceToward (method, model file...). */
  stance?: StanceOptions;
  /** Also score with the lexicon fallback and the whole-sentence baselines (default true). */
  baselines?: boolean;
}

let afinnAnalyzer: { getSentiment(tokens: string[]): number } | undefined;
/** natural's plain AFINN analyser over the lower-cased word tokens of the whole sentence, sign to class. */
export function naturalAfinnPolarity(sentence: string): Polarity {
  if (!afinnAnalyzer) {
    const SentimentAnalyzer = require('natural/lib/natural/sentiment/SentimentAnalyzer') as new (
      language: string,
      stemmer: null,
      type: string,
    ) => { getSentiment(tokens: string[]): number };
    afinnAnalyzer = new SentimentAnalyzer('English', null, 'afinn');
  }
  const toks = words(sentence);
  if (toks.length === 0) return 0;
  const s = afinnAnalyzer.getSentiment(toks);
  return s > 0 ? 1 : s < 0 ? -1 : 0;
}

let vader: { polarity_scores(text: string): { compound: number } } | undefined;
/** vader-sentiment's compound score of the whole sentence: >= 0.05 positive, <= -0.05 negative. */
export function vaderPolarity(sentence: string): Polarity {
  vader ??= (require('vader-sentiment') as { SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } } }).SentimentIntensityAnalyzer;
  const c = vader.polarity_scores(sentence).compound;
  return c >= 0.05 ? 1 : c <= -0.05 ? -1 : 0;
}

/**
 * Scores every target of a NewsMTSC dev file with stanceToward and, in the same run, with the
 * lexicon fallback and two whole-sentence baselines.
 */
export function evaluateNewsmtsc(file: string, options: EvaluateOptions = {}): NewsmtscReport {
  const t0 = Date.now();
  const items = readNewsmtscDev(file);
  const gold = items.map((it) => it.polarity);
  const scorers: ScorerResult[] = [];
  const run = (key: string, label: string, f: (it: NewsmtscItem) => Polarity): ScorerResult => {
    const predictions = items.map(f);
    const r: ScorerResult = { key, label, report: classificationReport(gold, predictions), predictions };
    scorers.push(r);
    return r;
  };
  const used = new Set<'model' | 'lexicon'>();
  const ours = run('model', 'stance model', (it) => {
    const s = stanceToward(it.sentence, { start: it.from, end: it.to }, options.stance);
    used.add(s.method);
    return s.polarity;
  });
  const method = used.has('model') ? 'model' : 'lexicon';
  if (method === 'lexicon') {
    ours.key = 'lexicon';
    ours.label = 'lexicon fallback (no model)';
  }
  if (options.baselines !== false) {
    if (method === 'model') run('lexicon-fallback', 'lexicon fallback', (it) => stanceToward(it.sentence, { start: it.from, end: it.to }, { ...options.stance, method: 'lexicon' }).polarity);
    run('natural-afinn', 'natural AFINN, sentence', (it) => naturalAfinnPolarity(it.sentence));
    run('vader', 'vader compound, sentence', (it) => vaderPolarity(it.sentence));
  }
  const count = (p: Polarity): number => gold.filter((g) => g === p).length;
  return {
    file,
    n: items.length,
    counts: { negative: count(-1), neutral: count(0), positive: count(1) },
    ours,
    scorers,
    seconds: (Date.now() - t0) / 1000,
  };
}

const f3 = (v: number): string => v.toFixed(3);

/**
 * A readable table of a report: accuracy, F1 per class and macro-F1 for each scorer; the last
 * line is exactly `F1m=0.xxx acc=0.xxx n=N` for our scorer.
 */
export function formatNewsmtscReport(report: NewsmtscReport): string {
  const width = Math.max(26, ...report.scorers.map((s) => s.label.length + 2));
  const head = `${'scorer'.padEnd(width)}${['acc', 'F1 neg', 'F1 neu', 'F1 pos', 'F1m'].map((h) => h.padStart(8)).join('')}`;
  const rows = report.scorers.map((s) => {
    const r = s.report;
    return `${s.label.padEnd(width)}${[r.accuracy, r.perClass['-1'].f1, r.perClass['0'].f1, r.perClass['1'].f1, r.macroF1].map((v) => f3(v).padStart(8)).join('')}`;
  });
  const c = report.counts;
  const o = report.ours.report;
  return [
    `NewsMTSC ${path.basename(report.file)}: ${report.n} targets (negative ${c.negative}, neutral ${c.neutral}, positive ${c.positive})`,
    head,
    '-'.repeat(head.length),
    ...rows,
    `F1m=${f3(o.macroF1)} acc=${f3(o.accuracy)} n=${report.n}`,
  ].join('\n');
}
