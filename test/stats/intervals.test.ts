import { strict as assert } from 'node:assert';
import { bootstrapEstimate } from '../../lib/stats/bootstrap';
import { meanInterval, medianInterval, medianRanks, medianStandardError, normalCdf, normalQuantile, shareInterval, studentTCdf, studentTQuantile } from '../../lib/stats/intervals';
import { seededRandom } from '../../lib/stats/random';

const close = (a: number, b: number, tol: number, what: string): void => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);

describe('intervals by formula', () => {
  it('Student t and normal quantiles match published tables', () => {
    close(studentTQuantile(0.975, 1), 12.706204736, 1e-8, 't(0.975, 1)');
    close(studentTQuantile(0.975, 10), 2.228138852, 1e-8, 't(0.975, 10)');
    close(studentTQuantile(0.995, 29), 2.756385904, 1e-8, 't(0.995, 29)');
    close(studentTCdf(2.228138852, 10), 0.975, 1e-9, 'cdf');
    close(normalQuantile(0.975), 1.959963985, 1e-8, 'z(0.975)');
    close(normalQuantile(0.001), -3.090232306, 1e-8, 'z(0.001)');
    assert.throws(() => studentTQuantile(0.3, 5), /expected a probability between 0.5 and 1/);
    close(normalCdf(1.959963985), 0.975, 1e-7, 'Φ(1.96)');
    close(normalCdf(-1), 0.158655254, 1e-7, 'Φ(-1)');
    close(normalCdf(0), 0.5, 1e-7, 'Φ(0)');
  });

  it('medianStandardError is the order-statistic interval over 2z: about 1.25 sd/√n for normal data', () => {
    const random = seededRandom(5);
    const normal = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const xs = Array.from({ length: 4000 }, normal);
    const se = medianStandardError(xs);
    close(se, 1.2533 / Math.sqrt(4000), 0.004, 'median SE');
  });

  it('meanInterval is mean ± t·sd/√n, clipped to the range; one value spans the range', () => {
    const e = meanInterval([0.2, 0.4, -0.1, 0.3]);
    const half = 3.182446305 * Math.sqrt(0.0466666667 / 4);
    close(e.value, 0.2, 1e-12, 'mean');
    close(e.low, 0.2 - half, 1e-8, 'low');
    close(e.high, 0.2 + half, 1e-8, 'high');
    assert.deepEqual(meanInterval([0.9, 1, 1], { range: { min: -1, max: 1 } }).high, 1);
    assert.deepEqual(meanInterval([0.5], { range: { min: -1, max: 1 } }), { value: 0.5, low: -1, high: 1 });
    assert.ok(Number.isNaN(meanInterval([0.5]).low));
    assert.ok(Number.isNaN(meanInterval([]).value));
  });

  it("shareInterval is Wilson's: inside 0..1 and wide even for 0 of n", () => {
    const zero = shareInterval(0, 20);
    assert.equal(zero.low, 0);
    close(zero.high, 0.161125158, 1e-8, '0/20');
    const five = shareInterval(5, 20);
    close(five.low, 0.111861701, 1e-8, '5/20 low');
    close(five.high, 0.468700878, 1e-8, '5/20 high');
    assert.throws(() => shareInterval(5, 3), /expected a count between 0 and n \(3\), got 5/);
  });

  it('medianRanks match the order-statistic tables; medianInterval reads them off the sorted values', () => {
    assert.deepEqual(medianRanks(10), [2, 9]);
    assert.deepEqual(medianRanks(100), [40, 61]);
    assert.deepEqual(medianRanks(5), [1, 5]);
    assert.deepEqual(medianInterval([0.3, -0.4, 0.5, 0, 0.1, -0.1, 0.2]), { value: 0.1, low: -0.4, high: 0.5 });
    const e = medianInterval([5, 1, 9, 3, 7, 2, 8, 4, 6, 10]);
    assert.deepEqual(e, { value: 5.5, low: 2, high: 9 });
  });

  it('keep their 95% coverage on small skewed samples, where the percentile bootstrap falls short', () => {
    // Sentence-like values: mostly near zero, a long positive tail, true mean 0.1 and median 0.
    const random = seededRandom(42);
    const draw = (): number => (random() < 0.8 ? (random() - 0.5) * 0.2 : 0.5);
    const trueMean = 0.1;
    let tCover = 0;
    let bootCover = 0;
    let shareCover = 0;
    const runs = 400;
    for (let r = 0; r < runs; r++) {
      const xs = Array.from({ length: 12 }, draw);
      const t = meanInterval(xs);
      if (t.low <= trueMean && trueMean <= t.high) tCover++;
      const b = bootstrapEstimate(xs, undefined, { seed: r + 1, resamples: 500 });
      if (b.low <= trueMean && trueMean <= b.high) bootCover++;
      const s = shareInterval(xs.filter((x) => x === 0.5).length, xs.length);
      if (s.low <= 0.2 && 0.2 <= s.high) shareCover++;
    }
    assert.ok(tCover / runs >= 0.9, `t coverage ${tCover / runs}`);
    assert.ok(shareCover / runs >= 0.93, `Wilson coverage ${shareCover / runs}`);
    assert.ok(bootCover < tCover, `bootstrap ${bootCover} vs t ${tCover}`);
  });
});
