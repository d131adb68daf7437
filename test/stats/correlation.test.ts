import { strict as assert } from 'node:assert';
import { NewsStanceError } from '../../lib/errors';
import { pearson } from '../../lib/stats/correlation';

describe('pearson(xs, ys)', () => {
  it('is 1 for a perfect positive linear relation and -1 for a perfect negative one', () => {
    assert.equal(pearson([1, 2, 3, 4], [10, 20, 30, 40]), 1);
    assert.equal(pearson([1, 2, 3, 4], [8, 6, 4, 2]), -1);
  });

  it('matches a value worked out by hand', () => {
    // mean x = 2, mean y = 13/3; Sxy = 5, Sxx = 2, Syy = 38/3 -> r = 5 / sqrt(76/3)
    assert.ok(Math.abs(pearson([1, 2, 3], [2, 4, 7]) - 5 / Math.sqrt(76 / 3)) < 1e-12);
  });

  it('does not change when either series is shifted or scaled by a positive factor', () => {
    const xs = [0.3, -1.2, 2.5, 0.8, -0.4];
    const ys = [1, -2, 3, 2, 0];
    const r = pearson(xs, ys);
    assert.ok(Math.abs(pearson(xs.map((x) => 5 * x - 7), ys) - r) < 1e-12);
    assert.ok(Math.abs(pearson(xs, ys.map((y) => -y)) + r) < 1e-12);
  });

  it('works on exactly two pairs', () => {
    assert.equal(pearson([0, 1], [3, 5]), 1);
  });

  it('throws on series of different lengths', () => {
    assert.throws(() => pearson([1, 2, 3], [1, 2]), (err: unknown) => err instanceof NewsStanceError && err.message === 'pearson: the two series differ in length (3 and 2)');
  });

  it('throws on fewer than two pairs', () => {
    assert.throws(() => pearson([1], [2]), { message: 'pearson: needs at least 2 pairs, got 1' });
    assert.throws(() => pearson([], []), { message: 'pearson: needs at least 2 pairs, got 0' });
  });

  it('throws on a constant series, where r is undefined', () => {
    assert.throws(() => pearson([1, 1, 1], [1, 2, 3]), { message: 'pearson: one series is constant, so the correlation is undefined' });
  });

  it('throws on values that are not finite numbers', () => {
    assert.throws(() => pearson([1, Number.NaN, 3], [1, 2, 3]), { message: 'pearson: pair 1 is not two finite numbers (NaN, 2)' });
    assert.throws(() => pearson([1, 2], [1, '2' as unknown as number]), /pair 1 is not two finite numbers/);
  });
});
