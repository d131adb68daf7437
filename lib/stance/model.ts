/**
 * The stance model file (data/models/stance.json) and scoring with it. The model is a softmax
 * regression over the features of {@link extractFeatures}; weights are stored relative to the
 * neutral class (softmax is unchanged by that shift), two numbers per feature.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NewsStanceError, describe } from '../errors';
import { FEATURE_LEXICONS, extractFeatures, type FeatureConfig } from './features';
import { fastStanceScorer } from './fast-scorer';

export const MODEL_FORMAT = 'news-stance/stance-model';
export const MODEL_VERSION = 1;

/** The bundled model: `data/models/stance.json` in the package. */
export const DEFAULT_MODEL_FILE = path.resolve(__dirname, '..', '..', 'data', 'models', 'stance.json');

/** What `scripts/train-stance.ts` writes. */
export interface StanceModelData {
  format: typeof MODEL_FORMAT;
  version: number;
  /** Class order of `bias` and of each feature's pair of weights: negative, positive (neutral is 0). */
  classes: ['negative', 'positive'];
  features: FeatureConfig;
  /** How it was trained and what it scored, for the record. */
  training: Record<string, unknown>;
  bias: [number, number];
  vocabulary: string[];
  /** `weights[2 * j]` (negative) and `weights[2 * j + 1]` (positive) of `vocabulary[j]`. */
  weights: number[];
}

/** A model ready to score: vocabulary indexed. */
export interface StanceModel {
  data: StanceModelData;
  index: ReadonlyMap<string, number>;
  weights: Float64Array;
  file: string | undefined;
}

/** Checks a parsed model file and indexes it. */
export function compileModel(data: unknown, file?: string): StanceModel {
  const fail = (field: string, problem: string): never => {
    throw new NewsStanceError(problem, { file, field }, 'Re-train it with `npx tsx scripts/train-stance.ts`');
  };
  if (data === null || typeof data !== 'object') fail('', `expected a model object, got ${describe(data)}`);
  const d = data as Partial<StanceModelData>;
  if (d.format !== MODEL_FORMAT) fail('format', `expected "${MODEL_FORMAT}", got ${describe(d.format)}`);
  if (d.version !== MODEL_VERSION) fail('version', `expected ${MODEL_VERSION}, got ${describe(d.version)}`);
  if (!d.features || typeof d.features !== 'object') fail('features', 'missing feature configuration');
  for (const name of d.features!.lexicons ?? []) {
    if (!(FEATURE_LEXICONS as readonly string[]).includes(name)) fail('features.lexicons', `unknown lexicon ${describe(name)}`);
  }
  if (!Array.isArray(d.vocabulary)) fail('vocabulary', 'expected a list of feature names');
  if (!Array.isArray(d.weights) || d.weights.length !== 2 * d.vocabulary!.length) {
    fail('weights', `expected ${2 * (d.vocabulary?.length ?? 0)} numbers (two per feature), got ${describe(d.weights)}`);
  }
  if (!Array.isArray(d.bias) || d.bias.length !== 2) fail('bias', `expected two numbers, got ${describe(d.bias)}`);
  const index = new Map<string, number>();
  d.vocabulary!.forEach((name, j) => index.set(name, j));
  return { data: d as StanceModelData, index, weights: Float64Array.from(d.weights!), file };
}

/** Reads and checks a model file. */
export function loadStanceModel(file: string = DEFAULT_MODEL_FILE): StanceModel {
  if (!fs.existsSync(file)) throw new NewsStanceError('stance model not found', { file }, 'Train it with `npx tsx scripts/train-stance.ts`');
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new NewsStanceError(`not valid JSON (${(e as Error).message})`, { file }, 'Re-train it with `npx tsx scripts/train-stance.ts`');
  }
  return compileModel(data, file);
}

let cached: { file: string; model: StanceModel | null } | undefined;

/** The bundled model, loaded once on first use; null when the file is missing. */
export function defaultStanceModel(): StanceModel | null {
  if (!cached) {
    cached = { file: DEFAULT_MODEL_FILE, model: fs.existsSync(DEFAULT_MODEL_FILE) ? loadStanceModel(DEFAULT_MODEL_FILE) : null };
  }
  return cached.model;
}

/** Forgets the cached bundled model (after re-training in the same process). */
export function resetStanceModelCache(): void {
  cached = undefined;
}

/**
 * Probabilities [negative, neutral, positive] of the sentence toward the span [start, end): the
 * softmax of the bias plus the weights of the features of {@link extractFeatures} times their
 * values. Summed by the fast scorer (fast-scorer.ts) when the configuration allows, which gives
 * the same sums without building the features (up to the order of the additions).
 */
export function modelProbabilities(model: StanceModel, sentence: string, start: number, end: number): [number, number, number] {
  let zn: number;
  let zp: number;
  const scorer = fastStanceScorer(model);
  if (scorer) {
    scorer.score(sentence, start, end);
    zn = scorer.zn;
    zp = scorer.zp;
  } else {
    zn = model.data.bias[0];
    zp = model.data.bias[1];
    for (const [name, v] of extractFeatures(sentence, start, end, model.data.features)) {
      const j = model.index.get(name);
      if (j === undefined) continue;
      zn += v * model.weights[2 * j]!;
      zp += v * model.weights[2 * j + 1]!;
    }
  }
  const m = Math.max(zn, 0, zp);
  const en = Math.exp(zn - m);
  const e0 = Math.exp(-m);
  const ep = Math.exp(zp - m);
  const s = en + e0 + ep;
  return [en / s, e0 / s, ep / s];
}

/** The features that moved the score most, for explaining one prediction. */
export function modelContributions(model: StanceModel, sentence: string, start: number, end: number, top = 10): { feature: string; negative: number; positive: number }[] {
  const f = extractFeatures(sentence, start, end, model.data.features);
  const out: { feature: string; negative: number; positive: number }[] = [];
  for (const [name, v] of f) {
    const j = model.index.get(name);
    if (j === undefined) continue;
    out.push({ feature: name, negative: v * model.weights[2 * j]!, positive: v * model.weights[2 * j + 1]! });
  }
  return out.sort((a, b) => Math.max(Math.abs(b.negative), Math.abs(b.positive)) - Math.max(Math.abs(a.negative), Math.abs(a.positive))).slice(0, top);
}
