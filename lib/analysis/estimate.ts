import { bootstrapEstimate, type BootstrapOptions } from '../stats/bootstrap';
import { meanInterval, medianInterval, shareInterval } from '../stats/intervals';
import type { MeasureKind } from './measures';
import type { Estimate } from './types';

/**
 * How the matrices' per-source intervals are computed: `formula` (Student's t for means and
 * rates, Wilson for shares, order statistics for medians; one pass over the values) or
 * `bootstrap` (seeded percentile bootstrap, thousands of resamples). The claim's optimism
 * index always uses the bootstrap.
 */
export type IntervalMethod = 'formula' | 'bootstrap';

const SIGNED = { min: -1, max: 1 };
const COUNT = { min: 0, max: Infinity };

/**
 * A measure's estimate over one source's values, with a 95% (or `bootstrap.level`) interval by
 * the chosen method. `bootstrap` options carry the seed and resamples of the bootstrap method.
 */
export function estimateOf(
  values: readonly number[],
  kind: MeasureKind,
  statistic: (xs: readonly number[]) => number,
  method: IntervalMethod,
  bootstrap: BootstrapOptions,
): Estimate {
  if (method === 'bootstrap') return bootstrapEstimate(values, statistic, bootstrap);
  const level = bootstrap.level ?? 0.95;
  switch (kind) {
    case 'mean':
      return meanInterval(values, { level, range: SIGNED });
    case 'rate':
      return meanInterval(values, { level, range: COUNT });
    case 'median':
      return medianInterval(values, { level });
    case 'share': {
      let successes = 0;
      for (const v of values) successes += v;
      return shareInterval(successes, values.length, { level });
    }
  }
}
