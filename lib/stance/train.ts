/**
 * Training the stance model: read NewsMTSC training targets, extract features, keep the
 * features seen often enough, fit softmax regression, prune tiny weights, pack the model file.
 */
import * as fs from 'node:fs';
import { NewsStanceError, describe } from '../errors';
import { DEFAULT_FEATURES, extractFeatures, type FeatureConfig } from './features';
import { fitSoftmax, toSparse } from './logreg';
import { MODEL_FORMAT, MODEL_VERSION, compileModel, type StanceModel, type StanceModelData } from './model';

/** One labelled target in a sentence. */
export interface StanceExample {
  sentence: string;
  start: number;
  end: number;
  polarity: -1 | 0 | 1;
}

const TRAIN_POLARITY: Record<string, -1 | 0 | 1> = { '2': -1, '4': 0, '6': 1 };

/**
 * Reads NewsMTSC `train.jsonl`: one sentence a line with its targets (polarity 2.0/4.0/6.0 for
 * negative/neutral/positive). One example per target. Errors name file and line.
 */
export function readNewsmtscTrain(file: string, options: { furtherMentions?: boolean } = {}): StanceExample[] {
  if (!fs.existsSync(file)) throw new NewsStanceError('training file not found', { file }, 'Pass the path of NewsMTSC train.jsonl');
  const out: StanceExample[] = [];
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      const place = { file, line: i + 1 };
      let o: { sentence_normalized?: unknown; targets?: unknown };
      try {
        o = JSON.parse(line);
      } catch {
        throw new NewsStanceError('not a JSON object', place);
      }
      if (typeof o.sentence_normalized !== 'string') throw new NewsStanceError(`expected a string, got ${describe(o.sentence_normalized)}`, { ...place, field: 'sentence_normalized' });
      if (!Array.isArray(o.targets)) throw new NewsStanceError(`expected a list, got ${describe(o.targets)}`, { ...place, field: 'targets' });
      const sentence = o.sentence_normalized;
      for (const t of o.targets as { from?: unknown; to?: unknown; polarity?: unknown; further_mentions?: { from?: unknown; to?: unknown }[] }[]) {
        const polarity = TRAIN_POLARITY[String(t.polarity)];
        if (polarity === undefined) throw new NewsStanceError(`expected 2.0, 4.0 or 6.0, got ${describe(t.polarity)}`, { ...place, field: 'targets.polarity' });
        if (typeof t.from !== 'number' || typeof t.to !== 'number' || t.from < 0 || t.to > sentence.length || t.from >= t.to) {
          throw new NewsStanceError(`bad span ${describe(t.from)}..${describe(t.to)}`, { ...place, field: 'targets.from' });
        }
        out.push({ sentence, start: t.from, end: t.to, polarity });
        if (options.furtherMentions && Array.isArray(t.further_mentions)) {
          // Other mentions of the same person (often pronouns), labelled with the same polarity.
          for (const m of t.further_mentions) {
            if (typeof m.from === 'number' && typeof m.to === 'number' && m.from >= 0 && m.to <= sentence.length && m.from < m.to) {
              out.push({ sentence, start: m.from, end: m.to, polarity });
            }
          }
        }
      }
    });
  return out;
}

export interface TrainOptions {
  features?: FeatureConfig;
  /** L2 strength per training example (the summed loss is regularised by l2 * n). */
  l2?: number;
  /** Keep features seen in at least this many training examples. */
  minCount?: number;
  /** Weight classes by inverse frequency (balanced), to even out macro-F1. */
  balanced?: boolean;
  /**
   * Features whose names start with a key (e.g. `lex:`, `S1:`) are fitted on their values times
   * the key's factor, and their weights scaled back after fitting: the same model, with the L2
   * penalty on those weights divided by the square of the factor. The first matching key counts.
   */
  featureScales?: Readonly<Record<string, number>>;
  /**
   * Added to the fitted biases (negative, positive; relative to neutral): a shift of the decision
   * toward the two polar classes, chosen by cross-validation to raise macro-F1
   * (`scripts/train-stance.ts --cv`). 0, 0: the fitted biases.
   */
  biasOffsets?: readonly [number, number];
  /** Drop features whose weights are all smaller than this after fitting. */
  pruneBelow?: number;
  /** Digits kept for weights in the file. */
  digits?: number;
  maxIterations?: number;
  log?: (line: string) => void;
}

/** The settings chosen on the dev files (see `scripts/train-stance.ts --search`). */
export const TRAINING_DEFAULTS = { l2: 0.01, minCount: 2, pruneBelow: 0.015, digits: 3, balanced: false, featureScales: {} as Readonly<Record<string, number>>, biasOffsets: [0, 0] as readonly [number, number] } as const;

export interface TrainResult {
  data: StanceModelData;
  model: StanceModel;
  seconds: number;
}

/** Extracted features of every example, so that a search can reuse them across settings. */
export function featurize(examples: readonly StanceExample[], config: FeatureConfig): Map<string, number>[] {
  return examples.map((e) => extractFeatures(e.sentence, e.start, e.end, config));
}

/** Fits a stance model on examples (deterministic: same inputs, same file). */
export function trainStanceModel(examples: readonly StanceExample[], options: TrainOptions = {}, featurized?: Map<string, number>[]): TrainResult {
  const t0 = Date.now();
  const config = options.features ?? DEFAULT_FEATURES;
  const l2 = options.l2 ?? TRAINING_DEFAULTS.l2;
  const minCount = options.minCount ?? TRAINING_DEFAULTS.minCount;
  const pruneBelow = options.pruneBelow ?? TRAINING_DEFAULTS.pruneBelow;
  const digits = options.digits ?? TRAINING_DEFAULTS.digits;
  const feats = featurized ?? featurize(examples, config);

  const df = new Map<string, number>();
  for (const f of feats) for (const k of f.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const vocabulary = [...df.entries()]
    .filter(([k, c]) => c >= minCount || k.startsWith('lex:'))
    .map(([k]) => k)
    .sort();
  const index = new Map(vocabulary.map((k, j) => [k, j]));
  const scales = Object.entries(options.featureScales ?? TRAINING_DEFAULTS.featureScales);
  const scale = vocabulary.map((k) => scales.find(([prefix]) => k.startsWith(prefix))?.[1] ?? 1);
  const rows = feats.map((f) => {
    const r: [number, number][] = [];
    for (const [k, v] of f) {
      const j = index.get(k);
      if (j !== undefined) r.push([j, v * scale[j]!]);
    }
    return r;
  });
  const x = toSparse(rows, vocabulary.length);
  const y = examples.map((e) => e.polarity + 1);
  const counts = [0, 0, 0];
  for (const c of y) counts[c]!++;
  const classWeights = (options.balanced ?? TRAINING_DEFAULTS.balanced) ? counts.map((c) => examples.length / (3 * Math.max(1, c))) : [1, 1, 1];
  const fit = fitSoftmax(x, y, 3, { l2: l2 * examples.length, classWeights, maxIterations: options.maxIterations ?? 400 });

  // Relative to neutral: softmax is unchanged, and two numbers per feature suffice.
  const round = (v: number): number => Number(v.toFixed(digits));
  const keptNames: string[] = [];
  const weights: number[] = [];
  for (let j = 0; j < vocabulary.length; j++) {
    const wn = (fit.weights[3 * j]! - fit.weights[3 * j + 1]!) * scale[j]!;
    const wp = (fit.weights[3 * j + 2]! - fit.weights[3 * j + 1]!) * scale[j]!;
    if (Math.abs(wn) < pruneBelow && Math.abs(wp) < pruneBelow) continue;
    keptNames.push(vocabulary[j]!);
    weights.push(round(wn), round(wp));
  }
  const offsets = options.biasOffsets ?? TRAINING_DEFAULTS.biasOffsets;
  const seconds = (Date.now() - t0) / 1000;
  const data: StanceModelData = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    classes: ['negative', 'positive'],
    features: config,
    training: {
      algorithm: 'multinomial logistic regression, L2, L-BFGS (full batch, deterministic)',
      examples: examples.length,
      classCounts: { negative: counts[0], neutral: counts[1], positive: counts[2] },
      l2,
      minCount,
      balanced: options.balanced ?? TRAINING_DEFAULTS.balanced,
      featureScales: options.featureScales ?? TRAINING_DEFAULTS.featureScales,
      biasOffsets: offsets,
      pruneBelow,
      candidateFeatures: df.size,
      fittedFeatures: vocabulary.length,
      keptFeatures: keptNames.length,
      iterations: fit.iterations,
      loss: Number((fit.loss / examples.length).toFixed(5)),
    },
    bias: [round(fit.bias[0]! - fit.bias[1]! + offsets[0]), round(fit.bias[2]! - fit.bias[1]! + offsets[1])],
    vocabulary: keptNames,
    weights,
  };
  return { data, model: compileModel(data), seconds };
}

/** Fold (0 .. folds-1) of a sentence: a hash of its text, so all targets of a sentence share a fold. */
export function foldOf(sentence: string, folds: number): number {
  let h = 2166136261;
  for (let i = 0; i < sentence.length; i++) h = Math.imul(h ^ sentence.charCodeAt(i), 16777619);
  return (h >>> 0) % folds;
}

/**
 * K-fold cross-validation grouped by sentence: for each fold, a model fitted on the other folds
 * scores the fold's targets. Returns the out-of-fold probabilities [negative, neutral, positive]
 * of every example, before any bias offsets (these are what the offsets are chosen on).
 */
export function crossValidate(examples: readonly StanceExample[], options: TrainOptions = {}, folds = 5, featurized?: Map<string, number>[]): [number, number, number][] {
  const feats = featurized ?? featurize(examples, options.features ?? DEFAULT_FEATURES);
  const fold = examples.map((e) => foldOf(e.sentence, folds));
  const out = new Array<[number, number, number]>(examples.length);
  for (let k = 0; k < folds; k++) {
    const idx = examples.map((_, i) => i).filter((i) => fold[i] !== k);
    const { model } = trainStanceModel(
      idx.map((i) => examples[i]!),
      { ...options, biasOffsets: [0, 0] },
      idx.map((i) => feats[i]!),
    );
    examples.forEach((_, i) => {
      if (fold[i] !== k) return;
      let zn = model.data.bias[0];
      let zp = model.data.bias[1];
      for (const [name, v] of feats[i]!) {
        const j = model.index.get(name);
        if (j === undefined) continue;
        zn += v * model.weights[2 * j]!;
        zp += v * model.weights[2 * j + 1]!;
      }
      const m = Math.max(zn, 0, zp);
      const en = Math.exp(zn - m);
      const e0 = Math.exp(-m);
      const ep = Math.exp(zp - m);
      const s = en + e0 + ep;
      out[i] = [en / s, e0 / s, ep / s];
    });
  }
  return out;
}

/** The class of probabilities after adding bias offsets (negative, positive) to the log-odds against neutral. */
export function classWithOffsets(p: readonly [number, number, number], offsets: readonly [number, number]): -1 | 0 | 1 {
  const zn = Math.log(p[0]) + offsets[0];
  const z0 = Math.log(p[1]);
  const zp = Math.log(p[2]) + offsets[1];
  return zn > z0 && zn >= zp ? -1 : zp > z0 && zp > zn ? 1 : 0;
}
