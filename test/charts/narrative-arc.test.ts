import { strict as assert } from 'node:assert';
import { NARRATIVE_ARC_DEFAULTS, narrativeArc, rollingMean } from '../../lib/charts/narrative-arc';
import { sentencesFixture } from '../fixtures/charts/fixtures';

const close = (a: readonly (number | null)[], b: readonly number[]) => a.forEach((x, i) => assert.ok(Math.abs((x as number) - b[i]) < 1e-6, `${i}: ${x} vs ${b[i]}`));

describe('charts/narrative-arc narrativeArc', () => {
  const sentences = sentencesFixture();

  it('computes a centred rolling mean, shorter at the ends, skipping NaN', () => {
    close(rollingMean([1, 2, 3, 4, 5], 3), [1.5, 2, 3, 4, 4.5]);
    close(rollingMean([1, 2, 3, 4, 5], 1), [1, 2, 3, 4, 5]);
    close(rollingMean([1, 2, 3, 4], 2), [1.5, 2.5, 3.5, 4]);
    close(rollingMean([1, NaN, 3], 3), [1, 2, 3]);
    assert.ok(Number.isNaN(rollingMean([NaN], 3)[0]));
  });

  it('draws one line per source and measure, sentiment on top, optimism below', () => {
    const fig = narrativeArc(sentences);
    assert.equal(fig.data.length, 10);
    assert.deepEqual(fig.data.slice(0, 5).map((t) => [t.name, t.yaxis, t.showlegend]), [
      ["Kremlin's view", 'y', true],
      ['Putin confident', 'y', true],
      ['DW', 'y', true],
      ['Firstpost', 'y', true],
      ['Time.news interview', 'y', true],
    ]);
    assert.ok(fig.data.slice(5).every((t) => t.yaxis === 'y2' && t.xaxis === 'x2' && t.showlegend === false));
    assert.equal(fig.data[7].legendgroup, fig.data[2].legendgroup);
    const dw = sentences.filter((s) => s.label === 'DW').sort((a, b) => a.position - b.position);
    assert.deepEqual(fig.data[2].x, dw.map((s) => s.position));
    // The default window is a tenth of each article: one sentence of DW's 10 to 14.
    const w = Math.max(1, Math.round(0.1 * dw.length));
    close(fig.data[2].y as number[], rollingMean(dw.map((s) => s.sentiment), w));
    close(fig.data[7].y as number[], rollingMean(dw.map((s) => s.optimism), w));
    assert.equal((fig.data[2].line as { color: string }).color, '#0b4a8f');
    assert.equal(fig.layout.yaxis!.title!.text, 'sentiment');
    assert.equal((fig.layout.yaxis2 as { title: { text: string } }).title.text, 'optimism (claim)');
    assert.deepEqual((fig.layout.yaxis as { domain: number[] }).domain, [0.54, 1]);
    assert.deepEqual((fig.layout.yaxis2 as { domain: number[] }).domain, [0, 0.46]);
    assert.equal((fig.layout.xaxis2 as { matches: string }).matches, 'x');
    assert.equal((fig.layout.title.subtitle as { text: string }).text, 'Rolling mean over 10% of each article’s sentences; x: position in the article (0 start, 1 end)');
    assert.match((fig.data[2].text as string[])[0], /^<b>DW<\/b> · 0% into the article<br>sentiment \(rolling mean\) -?\d\.\d\d<br>sentence 1: /);
  });

  it('takes the window as a share of each article or as sentences', () => {
    const long = sentencesFixture().filter((s) => s.label === 'DW');
    const fig = narrativeArc(long, { window: 0.5, measures: ['sentiment'] });
    const sorted = long.sort((a, b) => a.position - b.position);
    close(fig.data[0].y as number[], rollingMean(sorted.map((s) => s.sentiment), Math.round(0.5 * sorted.length)));
    const fixed = narrativeArc(long, { window: 3, measures: ['sentiment'] });
    close(fixed.data[0].y as number[], rollingMean(sorted.map((s) => s.sentiment), 3));
    assert.equal((fixed.layout.title.subtitle as { text: string }).text, 'Rolling mean over 3 sentences; x: position in the article (0 start, 1 end)');
  });

  it('takes the window, the measures and raw points as options', () => {
    const fig = narrativeArc(sentences, { window: 1, measures: ['optimism'], points: true });
    assert.equal(fig.data.length, 10);
    const kremlin = sentences.filter((s) => s.label === "Kremlin's view").sort((a, b) => a.position - b.position);
    assert.deepEqual(fig.data[0].y, kremlin.map((s) => s.optimism));
    assert.equal(fig.data[1].mode, 'markers');
    assert.equal(fig.data[1].hoverinfo, 'skip');
    assert.equal(fig.layout.yaxis2, undefined);
    assert.equal(fig.layout.xaxis!.title!.text, 'position in the article (0 = start, 1 = end)');
  });

  it('rejects empty data and bad options with clear errors', () => {
    assert.throws(() => narrativeArc([]), /narrativeArc: there are no sentences to chart/);
    assert.throws(() => narrativeArc(sentences, { window: 0 }), /options\.window: narrativeArc: expected a share of the article above 0 and below 1, or a whole number of sentences, got 0/);
    assert.throws(() => narrativeArc(sentences, { window: 2.5 }), /or a whole number of sentences, got 2\.5/);
    assert.throws(() => narrativeArc(sentences, { window: -1 }), /options\.window: narrativeArc: expected a number from 0 to 10000, got -1/);
    assert.throws(() => narrativeArc(sentences, { measures: ['tone' as 'sentiment'] }), /options\.measures: narrativeArc: expected a non-empty array of "sentiment", "optimism"/);
    assert.throws(() => narrativeArc(sentences, { measures: [] }), /options\.measures/);
    assert.throws(() => narrativeArc(sentences, { smooth: true } as never), /options\.smooth: narrativeArc: unknown option; known options are window, measures, points/);
    assert.equal(NARRATIVE_ARC_DEFAULTS.window, 0.1);
    assert.ok(Object.isFrozen(NARRATIVE_ARC_DEFAULTS));
  });
});
