import { strict as assert } from 'node:assert';
import { bootstrapDifference, bootstrapEstimate } from '../../lib/stats/bootstrap';
import { effectSizeWord, hedgesG } from '../../lib/stats/effect-size';
import { permutationTest } from '../../lib/stats/permutation';
import { seededRandom, seedFrom } from '../../lib/stats/random';
import { mean, median, quantileSorted, variance } from '../../lib/stats/summary';

describe('stats', () => {
  it('mean, median, variance and quantiles of small vectors', () => {
    assert.equal(mean([1, 2, 3, 4]), 2.5);
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 2, 3]), 2.5);
    assert.equal(variance([1, 2, 3, 4]), 5 / 3);
    assert.equal(quantileSorted([0, 10], 0.25), 2.5);
    assert.ok(Number.isNaN(mean([])) && Number.isNaN(median([])) && Number.isNaN(variance([1])));
  });

  it('seededRandom(seed) repeats its stream and differs between seeds', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const xs = [a(), a(), a()];
    assert.deepEqual(xs, [b(), b(), b()]);
    assert.notEqual(seededRandom(8)(), xs[0]);
    assert.notEqual(seedFrom('DW:optimism'), seedFrom('DW:mean'));
  });

  it('bootstrapEstimate(values) brackets the mean and is identical on rerun', () => {
    const values = [0.1, -0.2, 0.5, 0.3, 0.0, 0.4, -0.1, 0.2];
    const e = bootstrapEstimate(values);
    assert.equal(e.value, mean(values));
    assert.ok(e.low < e.value && e.value < e.high);
    assert.deepEqual(bootstrapEstimate(values), e);
    assert.notDeepEqual(bootstrapEstimate(values, mean, { seed: 2 }), e);
  });

  it('bootstrapEstimate gives the same interval on its fast mean and median paths as on the generic path', () => {
    const values = [0.1, -0.2, 0.5, 0.3, 0.0, 0.4, -0.1, 0.2, 0.7];
    assert.deepEqual(bootstrapEstimate(values, mean), bootstrapEstimate(values, (xs) => mean(xs)));
    assert.deepEqual(bootstrapEstimate(values, median), bootstrapEstimate(values, (xs) => median(xs)));
    assert.deepEqual(bootstrapEstimate(values.slice(1), median), bootstrapEstimate(values.slice(1), (xs) => median(xs)));
  });

  it('bootstrapEstimate handles no value and one value', () => {
    assert.ok(Number.isNaN(bootstrapEstimate([]).value));
    assert.deepEqual(bootstrapEstimate([0.3]), { value: 0.3, low: 0.3, high: 0.3 });
  });

  it('bootstrapEstimate rejects too few resamples and a bad level', () => {
    assert.throws(() => bootstrapEstimate([1, 2], mean, { resamples: 10 }), /options\.resamples: expected an integer >= 100, got 10/);
    assert.throws(() => bootstrapEstimate([1, 2], mean, { level: 95 }), /options\.level: expected a number between 0 and 1, got 95/);
  });

  it('bootstrapDifference and permutationTest find a clear shift and no shift', () => {
    const a = [0.5, 0.6, 0.4, 0.7, 0.5, 0.6];
    const b = [-0.2, -0.1, 0.0, -0.3, -0.1, -0.2];
    const d = bootstrapDifference(a, b);
    assert.ok(d.low > 0.5 && d.high < 0.9, JSON.stringify(d));
    assert.ok(permutationTest(a, b) < 0.01);
    assert.ok(permutationTest(a, [...a]) > 0.9);
    assert.ok(Number.isNaN(permutationTest([], b)));
  });

  it('hedgesG(a, b) gives a standardised difference with the small-sample correction', () => {
    const g = hedgesG([1, 2, 3], [2, 3, 4]);
    // d = -1 / 1 = -1; correction 1 - 3 / (4 * 6 - 9) = 0.8
    assert.ok(Math.abs(g - -0.8) < 1e-12, String(g));
    assert.equal(effectSizeWord(g), 'large');
    assert.equal(effectSizeWord(0.1), 'negligible');
    assert.ok(Number.isNaN(hedgesG([1], [2, 3])));
  });
});
