import { strict as assert } from 'node:assert';
import { GROUP_BARS_DEFAULTS, groupBars, pText } from '../../lib/charts/group-bars';
import type { ErrorBars } from '../../lib/charts/figure';
import { comparisonsFixture } from '../fixtures/charts/fixtures';

describe('charts/group-bars groupBars', () => {
  const comparisons = comparisonsFixture();
  const fig = groupBars(comparisons);
  const [a, b] = fig.data;
  const LABELS = ['optimism index (claim)', 'stance toward Donald Trump', 'stance toward Vladimir Putin', 'stance toward Sanctions', 'mean sentiment', 'stance toward China'];

  it('draws one bar per group and measure, explainers then sceptical reporting, in group colours', () => {
    assert.deepEqual(fig.data.map((t) => [t.type, t.name, (t.marker as { color: string }).color]), [
      ['bar', 'Optimistic explainers', '#e8711a'],
      ['bar', 'Sceptical reporting', '#2f78c4'],
    ]);
    assert.equal(fig.layout.barmode, 'group');
    assert.deepEqual(a.x, LABELS);
    assert.deepEqual(b.x, LABELS);
    assert.deepEqual(a.y, [0.46, 0.31, 0.22, -0.18, 0.12, null]);
    assert.deepEqual(b.y, [-0.33, -0.12, -0.27, 0.05, -0.08, -0.05]);
  });

  it('has asymmetric error bars from the confidence intervals', () => {
    const ea = a.error_y as ErrorBars;
    const eb = b.error_y as ErrorBars;
    assert.equal(ea.type, 'data');
    assert.equal(ea.symmetric, false);
    assert.equal(ea.visible, true);
    // stance toward Trump: a = 0.31 (0.15 to 0.43), b = -0.12 (-0.30 to -0.02).
    assert.equal(ea.array[1], 0.12);
    assert.equal(ea.arrayminus![1], 0.16);
    assert.equal(eb.array[1], 0.1);
    assert.equal(eb.arrayminus![1], 0.18);
    assert.deepEqual(ea.array, [0.12, 0.12, 0.12, 0.12, 0.12, null]);
    assert.deepEqual(ea.arrayminus, [0.12, 0.16, 0.12, 0.12, 0.12, null]);
  });

  it('writes p-values and effect sizes above the measures; hover text with CI and n', () => {
    const notes = (fig.layout.annotations as Array<{ x: string; text: string }>).map((n) => [n.x, n.text]);
    assert.deepEqual(notes[0], ['optimism index (claim)', 'p < 0.001<br>g = +1.52']);
    assert.deepEqual(notes[1], ['stance toward Donald Trump', 'p = 0.012<br>g = +0.71']);
    assert.deepEqual(notes[5], ['stance toward China', 'p n/a<br>g = n/a']);
    assert.equal((a.hovertext as string[])[1], '<b>Optimistic explainers</b><br>stance toward Donald Trump<br>mean +0.31 (95% CI +0.15 to +0.43)<br>n = 24');
    assert.equal((a.hovertext as string[])[5], '<b>Optimistic explainers</b><br>stance toward China<br>mean no data<br>n = 0');
    assert.equal(pText(0.0499), 'p = 0.050');
    assert.equal(groupBars(comparisons, { annotate: false }).layout.annotations!.toString(), '');
  });

  it('has titles, wrapped measure labels and a legend', () => {
    assert.equal(fig.layout.title.text, GROUP_BARS_DEFAULTS.title);
    assert.equal(fig.layout.yaxis!.title!.text, 'group mean (95% CI)');
    assert.equal(fig.layout.xaxis!.title!.text, 'Measure');
    assert.deepEqual((fig.layout.xaxis!.ticktext as string[]).slice(0, 2), ['optimism index<br>(claim)', 'stance toward<br>Donald Trump']);
    assert.equal((fig.layout.legend as { title: { text: string } }).title.text, 'Group:');
  });

  it('chooses and orders measures; turns sideways with orientation "h"', () => {
    const f = groupBars(comparisons, { measures: ['stance:trump', 'optimism'], orientation: 'h' });
    assert.deepEqual(f.data[0].y, ['stance toward Donald Trump', 'optimism index (claim)']);
    assert.deepEqual(f.data[0].x, [0.31, 0.46]);
    assert.equal(f.data[0].orientation, 'h');
    assert.deepEqual((f.data[0].error_x as ErrorBars).arrayminus, [0.16, 0.12]);
    assert.equal(f.data[0].error_y, undefined);
    assert.equal(f.layout.yaxis!.autorange, 'reversed');
  });

  it('rejects empty data and bad options with clear errors', () => {
    assert.throws(() => groupBars([]), /groupBars: there are no comparisons to chart/);
    assert.throws(() => groupBars(null as never), /expected an array of comparisons, got null/);
    assert.throws(() => groupBars(comparisons, { orientation: 'x' as 'v' }), /options\.orientation: groupBars: expected "v" or "h", got "x"/);
    assert.throws(() => groupBars(comparisons, { measures: ['stance:mars'] }), /unknown measure "stance:mars"; the comparisons have optimism, stance:trump/);
    assert.throws(() => groupBars(comparisons, { measures: [] }), /options\.measures: groupBars: expected a non-empty array of measure names/);
    assert.throws(() => groupBars([{ measure: 'x' }] as never), /expected group comparisons as compareGroups returns/);
  });
});
