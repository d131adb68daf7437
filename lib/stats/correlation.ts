import { NewsStanceError } from '../errors';

/**
 * Pearson's product-moment correlation of two equally long series of numbers.
 * Throws a NewsStanceError when the lengths differ, when there are fewer than two pairs, when a
 * value is not a finite number, or when either series is constant (r is undefined then).
 *
 * @example
 * pearson([1, 2, 3], [2, 4, 7]) // 0.993
 */
export function pearson(xs: readonly number[], ys: readonly number[]): number {
  if (!Array.isArray(xs) || !Array.isArray(ys)) {
    throw new NewsStanceError('expected two arrays of numbers', { field: 'pearson' });
  }
  if (xs.length !== ys.length) {
    throw new NewsStanceError(`the two series differ in length (${xs.length} and ${ys.length})`, { field: 'pearson' });
  }
  const n = xs.length;
  if (n < 2) throw new NewsStanceError(`needs at least 2 pairs, got ${n}`, { field: 'pearson' });
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    const y = ys[i];
    if (typeof x !== 'number' || !Number.isFinite(x) || typeof y !== 'number' || !Number.isFinite(y)) {
      throw new NewsStanceError(`pair ${i} is not two finite numbers (${String(x)}, ${String(y)})`, { field: 'pearson' });
    }
    sx += x;
    sy += y;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) {
    throw new NewsStanceError('one series is constant, so the correlation is undefined', { field: 'pearson' });
  }
  const r = sxy / Math.sqrt(sxx * syy);
  // Rounding can push |r| a hair past 1.
  return Math.max(-1, Math.min(1, r));
}
