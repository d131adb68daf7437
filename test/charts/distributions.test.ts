import { strict as assert } from 'node:assert';
import { DISTRIBUTION_DEFAULTS, sentimentDistributions } from '../../lib/charts/distributions';
import type { ScoredSentence } from '../../lib/analysis/types';
import { sentencesFixture, stanceMatrixFixture } from '../fixtures/charts/fixtures';

describe('charts/distributions sentimentDistributions', () => {
  const sentences = sentencesFixture();
  const of = (label: string) => sentences.filter((s) => s.label === label).sort((a, b) => a.index - b.index);

  it('draws one box per source, ordered by group, in source colours', () => {
    const fig = sentimentDistributions(sentences);
    assert.deepEqual(fig.data.map((t) => [t.type, t.name, (t.marker as { color: string }).color]), [
      ['box', "Kremlin's view", '#b84a00'],
      ['box', 'Putin confident', '#f5a35c'],
      ['box', 'DW', '#0b4a8f'],
      ['box', 'Firstpost', '#74aee6'],
      ['box', 'Time.news interview', '#5e3c8c'],
    ]);
    const dw = fig.data[2];
    assert.deepEqual(dw.y, of('DW').map((s) => s.sentiment));
    assert.ok(dw.x!.every((x) => x === 'DW'));
    assert.equal(dw.boxpoints, 'all');
    assert.equal(dw.boxmean, true);
    assert.equal(dw.legendgroup, 'sceptical-reporting');
    assert.deepEqual(dw.legendgrouptitle, { text: 'Sceptical reporting' });
    assert.equal(fig.layout.title.text, 'Sentence sentiment by source');
    assert.equal(fig.layout.xaxis!.title!.text, 'Source');
    assert.equal(fig.layout.yaxis!.title!.text, 'sentence sentiment (−1 to +1)');
    assert.deepEqual(fig.layout.yaxis!.range, [-1.08, 1.08]);
  });

  it('shows the sentence on hover, escaped', () => {
    const s = sentencesFixture();
    s[0].text = 'Putin said <b>nothing</b> & left.';
    const t = sentimentDistributions(s).data[0];
    assert.match((t.text as string[])[0], /^<b>Kremlin's view<\/b> · sentence 1( · \w+)?<br>sentiment [+−]\d\.\d\d<br>Putin said &lt;b&gt;nothing&lt;\/b&gt; &amp; left\.$/);
  });

  it('draws violins with kind "violin", and optimism of claim sentences only', () => {
    const fig = sentimentDistributions(sentences, { kind: 'violin', measure: 'optimism', points: 'outliers' });
    assert.ok(fig.data.every((t) => t.type === 'violin' && t.points === 'outliers' && t.boxpoints === undefined));
    assert.deepEqual(fig.data[0].box, { visible: true });
    assert.deepEqual(fig.data[0].meanline, { visible: true });
    assert.deepEqual(fig.data[0].y, of("Kremlin's view").filter((s) => s.claimCue).map((s) => s.optimism));
    assert.equal(fig.layout.title.text, 'Optimism of claim sentences by source');
    assert.equal(fig.layout.violinmode, 'overlay');
    assert.equal(sentimentDistributions(sentences, { points: 'none' }).data[0].boxpoints, false);
  });

  it('takes the colour list from options.sources', () => {
    const onlyDw = sentences.filter((s) => s.label === 'DW' || s.label === 'Firstpost').filter((s) => s.label === 'Firstpost');
    assert.equal((sentimentDistributions(onlyDw).data[0].marker as { color: string }).color, '#0b4a8f');
    assert.equal((sentimentDistributions(onlyDw, { sources: stanceMatrixFixture().rows }).data[0].marker as { color: string }).color, '#74aee6');
  });

  it('rejects empty data and bad options with clear errors', () => {
    assert.throws(() => sentimentDistributions([]), /sentimentDistributions: there are no sentences to chart/);
    assert.throws(() => sentimentDistributions(sentences, { kind: 'bar' as 'box' }), /options\.kind: sentimentDistributions: expected "box" or "violin", got "bar"/);
    assert.throws(() => sentimentDistributions(sentences, { measure: 'tone' as 'sentiment' }), /options\.measure: .*expected "sentiment" or "optimism", got "tone"/);
    assert.throws(() => sentimentDistributions(sentences, { points: true as never }), /options\.points: .*expected "all" or "outliers" or "none", got true/);
    const noCues: ScoredSentence[] = sentences.map((s) => ({ ...s, claimCue: false }));
    assert.throws(() => sentimentDistributions(noCues, { measure: 'optimism' }), /no sentence has a claim cue to chart/);
    assert.throws(() => sentimentDistributions(sentences, { bins: 3 } as never), /options\.bins: .*unknown option/);
    assert.ok(Object.isFrozen(DISTRIBUTION_DEFAULTS));
  });
});
