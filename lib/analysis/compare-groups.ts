import type { SourceGroup } from '../corpus/source';
import { NewsStanceError, invalidOption } from '../errors';
import { bootstrapDifference, bootstrapEstimate, type BootstrapOptions } from '../stats/bootstrap';
import { hedgesG } from '../stats/effect-size';
import { permutationTest } from '../stats/permutation';
import { seedFrom } from '../stats/random';
import { meanInterval, medianInterval, normalCdf, normalQuantile, standardErrorOf } from '../stats/intervals';
import { mean, median, variance } from '../stats/summary';
import { optimismValues, SENTIMENT_SPECS, stanceValues } from './measures';
import { SENTIMENT_MEASURES, type GroupComparison, type ScoredSentence, type SentimentMatrix, type StanceMatrix } from './types';

/** Options of {@link compareGroups}. */
export interface CompareOptions {
  /** The two groups, a then b; differences are a - b. Default ['optimistic-explainer', 'sceptical-reporting']. */
  groups?: readonly [SourceGroup, SourceGroup];
  /** Bootstrap settings. Default 2000 resamples, 95%, seed 1. */
  bootstrap?: BootstrapOptions;
  /** Permutations of the test. Default 5000. */
  permutations?: number;
  /** Measures with fewer values than this in either group are left out. Default 3. */
  minValues?: number;
  /**
   * Above this many values (both groups together) a measure uses the large-sample limits the
   * bootstrap and the permutation test converge to, which cost one pass instead of thousands:
   * Student's t (means) or order statistics (medians) for each group, a normal interval for the
   * difference (Welch's standard error; McKean-Schrader's for medians) and a two-sided z-test.
   * Default 5000; Infinity always resamples.
   */
  resampleUpTo?: number;
}

const DEFAULTS = Object.freeze({ groups: ['optimistic-explainer', 'sceptical-reporting'] as const, permutations: 5000, minValues: 3, resampleUpTo: 5000 });

/** A comparison by the large-sample limits (see CompareOptions.resampleUpTo). */
function largeSample(a: readonly number[], b: readonly number[], isMedian: boolean, level: number): Pick<GroupComparison, 'a' | 'b' | 'difference' | 'p'> {
  const ea = isMedian ? medianInterval(a, { level }) : meanInterval(a, { level });
  const eb = isMedian ? medianInterval(b, { level }) : meanInterval(b, { level });
  // The medians' standard errors come from the intervals just found (McKean-Schrader), not from sorting again.
  const se = isMedian ? Math.hypot(standardErrorOf(ea, level), standardErrorOf(eb, level)) : Math.sqrt(variance(a) / a.length + variance(b) / b.length);
  const value = ea.value - eb.value;
  const half = normalQuantile(1 - (1 - level) / 2) * se;
  const p = se > 0 ? 2 * (1 - normalCdf(Math.abs(value) / se)) : value === 0 ? 1 : 0;
  return { a: { ...ea, n: a.length }, b: { ...eb, n: b.length }, difference: { value, low: value - half, high: value + half }, p };
}

interface MeasureValues {
  measure: string;
  label: string;
  values: (sentences: readonly ScoredSentence[]) => number[];
  statistic: (xs: readonly number[]) => number;
}

function measuresOf(matrix: SentimentMatrix | StanceMatrix): MeasureValues[] {
  if ('targets' in matrix) {
    return [
      { measure: 'optimism', label: 'optimism index (claim)', values: optimismValues, statistic: mean },
      ...matrix.targets.map((t) => ({ measure: `stance:${t.id}`, label: `stance toward ${t.label}`, values: (s: readonly ScoredSentence[]) => stanceValues(s, t.id), statistic: mean })),
    ];
  }
  return SENTIMENT_MEASURES.map((m) => ({
    measure: `sentiment:${m}`,
    label: SENTIMENT_SPECS[m].label,
    values: (s: readonly ScoredSentence[]) => s.map(SENTIMENT_SPECS[m].value),
    statistic: SENTIMENT_SPECS[m].statistic,
  }));
}

/**
 * Compares two groups of sources on every measure of a matrix, pooling the sentence-level (or
 * mention-level) values of each group: group means with bootstrap CIs, the difference a - b
 * with a bootstrap CI, a two-sided permutation p-value and Hedges' g. All seeded: reruns give
 * identical numbers. Above `resampleUpTo` values (5,000) a measure uses the large-sample
 * limits of the same quantities instead (`method: 'large-sample'`), so that thousands of
 * articles compare in a pass. With few sources per group these describe these sources, not outlets in
 * general: sentences of one article are not independent draws.
 *
 * @example
 * compareGroups(stanceMatrix(corpus)).find((c) => c.measure === 'optimism')
 */
export function compareGroups(matrix: SentimentMatrix | StanceMatrix, options: CompareOptions = {}): GroupComparison[] {
  const opts = { ...DEFAULTS, ...options };
  if (!matrix || !Array.isArray(matrix.rows)) invalidOption('matrix', 'a matrix from sentimentMatrix or stanceMatrix', matrix);
  if (!matrix.sentences) {
    throw new NewsStanceError('the matrix carries no sentences', { field: 'matrix.sentences' }, 'Pass a matrix made by sentimentMatrix() or stanceMatrix()');
  }
  const [groupA, groupB] = opts.groups;
  if (groupA === groupB) invalidOption('groups', 'two different groups', opts.groups);
  if (!(opts.resampleUpTo >= 0)) invalidOption('resampleUpTo', 'a number of values (Infinity: always resample)', opts.resampleUpTo);
  const inA = matrix.sentences.filter((s) => s.group === groupA);
  const inB = matrix.sentences.filter((s) => s.group === groupB);
  for (const [g, list] of [[groupA, inA], [groupB, inB]] as const) {
    if (list.length === 0) throw new NewsStanceError(`no source is in group "${g}"`, { field: 'options.groups' }, 'Set "group" in the sources\' metadata or choose other groups');
  }
  const out: GroupComparison[] = [];
  for (const m of measuresOf(matrix)) {
    const a = m.values(inA);
    const b = m.values(inB);
    if (a.length < opts.minValues || b.length < opts.minValues) continue;
    if (a.length + b.length > opts.resampleUpTo) {
      out.push({ measure: m.measure, label: m.label, groupA, groupB, ...largeSample(a, b, m.statistic === median, opts.bootstrap?.level ?? 0.95), effectSize: hedgesG(a, b), method: 'large-sample' });
      continue;
    }
    const seed = (what: string): BootstrapOptions => ({ ...opts.bootstrap, seed: seedFrom(`${m.measure}:${what}`, opts.bootstrap?.seed ?? 1) });
    out.push({
      measure: m.measure,
      label: m.label,
      groupA,
      groupB,
      a: { ...bootstrapEstimate(a, m.statistic, seed('a')), n: a.length },
      b: { ...bootstrapEstimate(b, m.statistic, seed('b')), n: b.length },
      difference: bootstrapDifference(a, b, m.statistic, seed('diff')),
      p: permutationTest(a, b, m.statistic, { permutations: opts.permutations, seed: seedFrom(`${m.measure}:perm`) }),
      effectSize: hedgesG(a, b),
      method: 'resampling',
    });
  }
  return out;
}
