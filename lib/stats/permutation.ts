import { invalidOption } from '../errors';
import { seededRandom } from './random';
import { mean } from './summary';

/** Options of {@link permutationTest}. */
export interface PermutationOptions {
  /** Random relabellings. Default 5000. */
  permutations?: number;
  /** Seed of the generator. Default 1. */
  seed?: number;
}

/**
 * Two-sided permutation test of a difference in a statistic between two samples: the share of
 * random relabellings whose |difference| is at least the observed one (with the +1 correction,
 * so p is never 0). NaN when a sample is empty.
 */
export function permutationTest(
  a: readonly number[],
  b: readonly number[],
  statistic: (xs: readonly number[]) => number = mean,
  options: PermutationOptions = {},
): number {
  const permutations = options.permutations ?? 5000;
  if (!Number.isInteger(permutations) || permutations < 100) invalidOption('permutations', 'an integer >= 100', permutations);
  if (a.length === 0 || b.length === 0) return NaN;
  const observed = Math.abs(statistic(a) - statistic(b));
  const pooled = [...a, ...b];
  const random = seededRandom(options.seed ?? 1);
  let extreme = 0;
  for (let r = 0; r < permutations; r++) {
    // Partial Fisher-Yates: the first a.length items become group a.
    for (let i = 0; i < a.length; i++) {
      const j = i + ((random() * (pooled.length - i)) | 0);
      const t = pooled[i];
      pooled[i] = pooled[j];
      pooled[j] = t;
    }
    const diff = Math.abs(statistic(pooled.slice(0, a.length)) - statistic(pooled.slice(a.length)));
    if (diff >= observed - 1e-12) extreme++;
  }
  return (extreme + 1) / (permutations + 1);
}
