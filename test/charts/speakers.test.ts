import { strict as assert } from 'node:assert';
import type { ErrorBars } from '../../lib/charts/figure';
import { SPEAKER_DEFAULTS, WRITER_LABEL, markerSize, speakerChart } from '../../lib/charts/speakers';
import { speakersFixture } from '../fixtures/charts/fixtures';

describe('charts/speakers speakerChart', () => {
  const rows = speakersFixture();
  const row = (label: string, speaker: string) => rows.find((r) => r.label === label && r.speaker === speaker);

  it('puts the writer first, then speakers by sentences; one series per source with CIs', () => {
    const fig = speakerChart(rows);
    const speakers = fig.layout.xaxis!.categoryarray as string[];
    assert.deepEqual(speakers, [WRITER_LABEL, 'Peskov', 'Trump', 'Putin', 'Medvedev']);
    assert.deepEqual(fig.data.map((t) => [t.name, (t.marker as { color: string }).color]), [
      ["Kremlin's view", '#b84a00'],
      ['Putin confident', '#f5a35c'],
      ['DW', '#0b4a8f'],
      ['Firstpost', '#74aee6'],
      ['Time.news interview', '#5e3c8c'],
    ]);
    const dw = fig.data[2];
    assert.deepEqual(dw.x, speakers);
    const putin = row('DW', 'Putin')!;
    const i = speakers.indexOf('Putin');
    assert.equal(dw.y![i], putin.sentiment.value);
    const err = dw.error_y as ErrorBars;
    assert.equal(err.symmetric, false);
    assert.ok(Math.abs((err.array[i] as number) - (putin.sentiment.high - putin.sentiment.value)) < 1e-9);
    assert.ok(Math.abs((err.arrayminus![i] as number) - (putin.sentiment.value - putin.sentiment.low)) < 1e-9);
    // DW quotes no Medvedev: a gap, not a zero.
    assert.equal(row('DW', 'Medvedev'), undefined);
    assert.equal(dw.y![speakers.indexOf('Medvedev')], null);
    assert.equal(err.array[speakers.indexOf('Medvedev')], null);
    assert.equal((dw.marker as { size: number[] }).size[i], markerSize(putin.sentences));
    assert.equal((dw.text as string[])[i], `<b>Putin</b> in DW<br>sentiment ${putin.sentiment.value < 0 ? '−' : '+'}${Math.abs(putin.sentiment.value).toFixed(2)} (95% CI ${putin.sentiment.low < 0 ? '−' : '+'}${Math.abs(putin.sentiment.low).toFixed(2)} to ${putin.sentiment.high < 0 ? '−' : '+'}${Math.abs(putin.sentiment.high).toFixed(2)})<br>${putin.sentences} sentence${putin.sentences === 1 ? '' : 's'}`);
    assert.equal(fig.layout.scattermode, 'group');
    assert.equal(fig.layout.title.text, 'Sentiment by quoted speaker and source');
    assert.equal(fig.layout.yaxis!.title!.text, 'mean sentiment (95% CI)');
  });

  it('shows optimism, leaves out the writer and small rows on request', () => {
    const fig = speakerChart(rows, { measure: 'optimism', writer: false, minSentences: 2, maxSpeakers: 2 });
    const speakers = fig.layout.xaxis!.categoryarray as string[];
    assert.equal(speakers.length, 2);
    assert.ok(!speakers.includes(WRITER_LABEL));
    assert.equal(fig.layout.title.text, 'Optimism by quoted speaker and source');
    // Rows without claim sentences have NaN optimism: gaps.
    const noCue = rows.find((r) => Number.isNaN(r.optimism.value) && r.sentences >= 2 && speakers.includes(r.speaker));
    if (noCue) {
      const t = fig.data.find((d) => d.name === noCue.label)!;
      assert.equal(t.y![speakers.indexOf(noCue.speaker)], null);
    }
    assert.ok(!JSON.stringify(fig).includes('NaN'));
  });

  it('rejects empty data and bad options with clear errors', () => {
    assert.throws(() => speakerChart([]), /speakerChart: there are no rows to chart/);
    assert.throws(() => speakerChart(rows, { measure: 'tone' as 'sentiment' }), /options\.measure: speakerChart: expected "sentiment" or "optimism", got "tone"/);
    assert.throws(() => speakerChart(rows, { minSentences: 1000 }), /options\.minSentences: speakerChart: no speaker row is left with minSentences 1000/);
    assert.throws(() => speakerChart([{ source: 'x' }] as never), /expected speaker rows as speakerTable returns/);
    assert.throws(() => speakerChart(rows, 'wide' as never), /options: speakerChart: expected an options object, got "wide"/);
    assert.ok(Object.isFrozen(SPEAKER_DEFAULTS));
  });
});
