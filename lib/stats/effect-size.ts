import { mean, variance } from './summary';

/**
 * Hedges' g: the difference of means (a - b) in pooled standard deviations, with the
 * small-sample correction. About 0.2 is small, 0.5 medium, 0.8 large. NaN when either sample
 * has fewer than two values or there is no spread.
 */
export function hedgesG(a: readonly number[], b: readonly number[]): number {
  const na = a.length;
  const nb = b.length;
  if (na < 2 || nb < 2) return NaN;
  const pooled = Math.sqrt(((na - 1) * variance(a) + (nb - 1) * variance(b)) / (na + nb - 2));
  if (!(pooled > 0)) return NaN;
  const d = (mean(a) - mean(b)) / pooled;
  return d * (1 - 3 / (4 * (na + nb) - 9));
}

/** Words for an effect size, for reports: negligible, small, medium, large. */
export function effectSizeWord(g: number): string {
  const m = Math.abs(g);
  if (Number.isNaN(m)) return 'undefined';
  return m < 0.2 ? 'negligible' : m < 0.5 ? 'small' : m < 0.8 ? 'medium' : 'large';
}
