import { strict as assert } from 'node:assert';
import { sentimentDistributions } from '../../lib/charts/distributions';
import { stanceHeatmap } from '../../lib/charts/heatmap';
import { narrativeArc } from '../../lib/charts/narrative-arc';
import { PALETTE, UNKNOWN_GROUP_COLOR, groupColor, sourceColor, sourceColors } from '../../lib/charts/palette';
import { speakerChart } from '../../lib/charts/speakers';
import { sentencesFixture, speakersFixture, stanceMatrixFixture } from '../fixtures/charts/fixtures';

/** Hue in degrees of a #rrggbb colour. */
function hue(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const d = max - min;
  if (d === 0) return 0;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}

describe('charts/palette', () => {
  const rows = stanceMatrixFixture().rows;
  const byLabel = (label: string) => rows.find((r) => r.label === label)!;

  it('gives each group one colour, grey for an unknown group', () => {
    assert.equal(groupColor('optimistic-explainer'), '#e8711a');
    assert.equal(groupColor('sceptical-reporting'), '#2f78c4');
    assert.equal(groupColor('other'), '#8a63b8');
    assert.equal(groupColor('opinion-pieces'), UNKNOWN_GROUP_COLOR);
    assert.ok(Object.isFrozen(PALETTE) && Object.isFrozen(PALETTE['sceptical-reporting'].shades));
  });

  it('gives the sources of a group different shades of the group hue', () => {
    const c = sourceColors(rows);
    assert.deepEqual(Object.fromEntries(rows.map((r) => [r.label, c.get(r.source)])), {
      "Kremlin's view": '#b84a00',
      'Time.news interview': '#5e3c8c',
      DW: '#0b4a8f',
      'Putin confident': '#f5a35c',
      Firstpost: '#74aee6',
    });
    const family = { 'optimistic-explainer': [15, 40], 'sceptical-reporting': [200, 220], other: [255, 280] } as const;
    for (const r of rows) {
      const h = hue(c.get(r.source)!);
      const [lo, hi] = family[r.group];
      assert.ok(h >= lo && h <= hi, `${r.label}: hue ${h} outside ${lo}-${hi}`);
      assert.ok((PALETTE[r.group].shades as readonly string[]).includes(c.get(r.source)!));
    }
    assert.notEqual(c.get(byLabel('DW').source), c.get(byLabel('Firstpost').source));
  });

  it('depends on the sources given, not their order', () => {
    const dw = byLabel('DW');
    assert.equal(sourceColor(byLabel('Firstpost'), [...rows].reverse()), sourceColor(byLabel('Firstpost'), rows));
    assert.equal(sourceColor(dw), PALETTE['sceptical-reporting'].shades[0]);
    assert.equal(sourceColor({ source: 'x', group: 'unknown' as never }), '#555555');
  });

  it('colours a source alike in every chart', () => {
    const dw = byLabel('DW');
    const expected = sourceColors(rows).get(dw.source);
    const heat = stanceHeatmap(stanceMatrixFixture());
    const tick = (heat.layout.yaxis!.ticktext as string[])[(heat.layout.yaxis!.tickvals as string[]).indexOf('DW')];
    assert.equal(tick, `<span style="color:${expected}">DW</span>`);
    const dist = sentimentDistributions(sentencesFixture()).data.find((t) => t.name === 'DW')!;
    assert.equal((dist.marker as { color: string }).color, expected);
    const arc = narrativeArc(sentencesFixture()).data.find((t) => t.name === 'DW')!;
    assert.equal((arc.line as { color: string }).color, expected);
    const spk = speakerChart(speakersFixture()).data.find((t) => t.name === 'DW')!;
    assert.equal((spk.marker as { color: string }).color, expected);
  });
});
