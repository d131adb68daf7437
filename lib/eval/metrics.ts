/**
 * Classification metrics for three-class polarity (-1 negative, 0 neutral, 1 positive), as
 * reported for NewsMTSC: accuracy and macro-F1 over the three classes.
 */
import { NewsStanceError } from '../errors';

export type Polarity = -1 | 0 | 1;
export const POLARITIES: readonly Polarity[] = [-1, 0, 1];

/** Precision, recall, F1 and support of one class. */
export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  /** Number of gold labels of that class. */
  support: number;
  /** Number of predictions of that class. */
  predicted: number;
}

export interface ClassificationReport {
  n: number;
  accuracy: number;
  /** Mean F1 over the three classes (F1m). */
  macroF1: number;
  perClass: Record<'-1' | '0' | '1', ClassMetrics>;
  /** confusion[gold][predicted], rows and columns in the order -1, 0, 1. */
  confusion: number[][];
}

function check(gold: readonly number[], predicted: readonly number[]): void {
  if (!Array.isArray(gold) || !Array.isArray(predicted)) throw new NewsStanceError('expected two arrays of polarities', { field: 'gold/predicted' });
  if (gold.length !== predicted.length) {
    throw new NewsStanceError(`gold has ${gold.length} labels but predicted has ${predicted.length}`, { field: 'predicted' }, 'Pass one prediction per gold label');
  }
  for (const [name, arr] of [['gold', gold], ['predicted', predicted]] as const) {
    const bad = arr.findIndex((v) => v !== -1 && v !== 0 && v !== 1);
    if (bad >= 0) throw new NewsStanceError(`expected -1, 0 or 1 at index ${bad}, got ${String(arr[bad])}`, { field: name });
  }
}

/** Share of predictions equal to the gold label (0 for empty input). */
export function accuracy(gold: readonly number[], predicted: readonly number[]): number {
  check(gold, predicted);
  if (gold.length === 0) return 0;
  let ok = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i] === predicted[i]) ok++;
  return ok / gold.length;
}

/** Precision, recall and F1 of one class; a ratio with a zero denominator counts as 0. */
export function classMetrics(gold: readonly number[], predicted: readonly number[], cls: Polarity): ClassMetrics {
  check(gold, predicted);
  let tp = 0;
  let support = 0;
  let pred = 0;
  for (let i = 0; i < gold.length; i++) {
    if (gold[i] === cls) support++;
    if (predicted[i] === cls) pred++;
    if (gold[i] === cls && predicted[i] === cls) tp++;
  }
  const precision = pred ? tp / pred : 0;
  const recall = support ? tp / support : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, support, predicted: pred };
}

/** Macro-F1: the mean of the F1 of classes -1, 0 and 1. */
export function macroF1(gold: readonly number[], predicted: readonly number[]): number {
  let sum = 0;
  for (const c of POLARITIES) sum += classMetrics(gold, predicted, c).f1;
  return sum / POLARITIES.length;
}

/** Accuracy, per-class figures, macro-F1 and the confusion matrix. */
export function classificationReport(gold: readonly number[], predicted: readonly number[]): ClassificationReport {
  check(gold, predicted);
  const perClass = {
    '-1': classMetrics(gold, predicted, -1),
    '0': classMetrics(gold, predicted, 0),
    '1': classMetrics(gold, predicted, 1),
  };
  const confusion = POLARITIES.map(() => POLARITIES.map(() => 0));
  for (let i = 0; i < gold.length; i++) confusion[gold[i]! + 1]![predicted[i]! + 1]!++;
  return {
    n: gold.length,
    accuracy: accuracy(gold, predicted),
    macroF1: (perClass['-1'].f1 + perClass['0'].f1 + perClass['1'].f1) / 3,
    perClass,
    confusion,
  };
}
