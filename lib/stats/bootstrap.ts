import type { Estimate } from '../analysis/types';
import { invalidOption } from '../errors';
import { seededRandom } from './random';
import { mean, median } from './summary';

/** Options of the bootstrap functions. */
export interface BootstrapOptions {
  /** Resamples drawn. Default 2000. */
  resamples?: number;
  /** Confidence level of the interval. Default 0.95. */
  level?: number;
  /** Seed of the generator: the same seed gives the same interval. Default 1. */
  seed?: number;
}

export const BOOTSTRAP_DEFAULTS = Object.freeze({ resamples: 2000, level: 0.95, seed: 1 });

function checked(options: BootstrapOptions): Required<BootstrapOptions> {
  const o = { ...BOOTSTRAP_DEFAULTS, ...options };
  if (!Number.isInteger(o.resamples) || o.resamples < 100) invalidOption('resamples', 'an integer >= 100', o.resamples);
  if (!(o.level > 0 && o.level < 1)) invalidOption('level', 'a number between 0 and 1', o.level);
  return o;
}

/**
 * Puts the k-th smallest of a[from..to] at a[k], smaller ones before it and larger ones after
 * (Hoare's selection; a is reordered).
 */
function select(a: Float64Array, k: number, from: number, to: number): void {
  let lo = from;
  let hi = to;
  while (hi > lo) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/** The smallest of a[from..to]. */
function minimum(a: Float64Array, from: number, to: number): number {
  let m = a[from];
  for (let i = from + 1; i <= to; i++) if (a[i] < m) m = a[i];
  return m;
}

/**
 * The two percentiles of a percentile interval at `level`, interpolated linearly between order
 * statistics exactly as quantileSorted does on the sorted values, but found by selection: the
 * cost grows with the resamples, not with their logarithm times their number. `stats` is reordered.
 */
function percentiles(stats: Float64Array, level: number): { low: number; high: number } {
  const n = stats.length;
  const at = (q: number, from: number): number => {
    const pos = (n - 1) * q;
    const k = Math.floor(pos);
    select(stats, k, from, n - 1);
    const below = stats[k];
    if (pos === k) return below;
    const above = minimum(stats, k + 1, n - 1);
    return below + (above - below) * (pos - k);
  };
  const alpha = (1 - level) / 2;
  const low = at(alpha, 0);
  // Everything before the low percentile's rank is at most it: the high one is selected after it.
  return { low, high: at(1 - alpha, Math.floor((n - 1) * alpha)) };
}

/**
 * A statistic of the values with a percentile bootstrap confidence interval. NaN estimate for
 * no values; a zero-width interval for one value.
 *
 * @example
 * bootstrapEstimate([0.2, 0.4, -0.1, 0.3]) // { value: 0.2, low: ..., high: ... }
 */
export function bootstrapEstimate(
  values: readonly number[],
  statistic: (xs: readonly number[]) => number = mean,
  options: BootstrapOptions = {},
): Estimate {
  const o = checked(options);
  const value = statistic(values);
  if (values.length === 0) return { value: NaN, low: NaN, high: NaN };
  if (values.length === 1) return { value, low: value, high: value };
  const random = seededRandom(o.seed);
  const n = values.length;
  const stats = new Float64Array(o.resamples);
  // The two statistics the matrices use get allocation-free loops (this is the hot path of
  // aggregation); they draw the same indices, so results equal the generic path's exactly.
  const xs = Float64Array.from(values);
  const sample = new Float64Array(n);
  if (statistic === mean) {
    // seededRandom's generator (mulberry32) written out inline: the same draws, no call per draw.
    let a = o.seed >>> 0;
    for (let r = 0; r < o.resamples; r++) {
      let sum = 0;
      for (let i = 0; i < n; i++) {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = Math.imul(a ^ (a >>> 15), a | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        sum += xs[((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n) | 0];
      }
      stats[r] = sum / n;
    }
  } else if (statistic === median) {
    const mid = n >> 1;
    for (let r = 0; r < o.resamples; r++) {
      for (let i = 0; i < n; i++) sample[i] = xs[(random() * n) | 0];
      sample.sort();
      stats[r] = n % 2 ? sample[mid] : (sample[mid - 1] + sample[mid]) / 2;
    }
  } else {
    const generic = new Array<number>(n);
    for (let r = 0; r < o.resamples; r++) {
      for (let i = 0; i < n; i++) generic[i] = values[(random() * n) | 0];
      stats[r] = statistic(generic);
    }
  }
  return { value, ...percentiles(stats, o.level) };
}

/** The difference of a statistic between two samples (a - b) with a bootstrap CI, resampling each independently. */
export function bootstrapDifference(
  a: readonly number[],
  b: readonly number[],
  statistic: (xs: readonly number[]) => number = mean,
  options: BootstrapOptions = {},
): Estimate {
  const o = checked(options);
  const value = statistic(a) - statistic(b);
  if (a.length === 0 || b.length === 0) return { value: NaN, low: NaN, high: NaN };
  const random = seededRandom(o.seed);
  const sa = new Array<number>(a.length);
  const sb = new Array<number>(b.length);
  const stats = new Float64Array(o.resamples);
  for (let r = 0; r < o.resamples; r++) {
    for (let i = 0; i < a.length; i++) sa[i] = a[(random() * a.length) | 0];
    for (let i = 0; i < b.length; i++) sb[i] = b[(random() * b.length) | 0];
    stats[r] = statistic(sa) - statistic(sb);
  }
  return { value, ...percentiles(stats, o.level) };
}
