import { strict as assert } from 'node:assert';
import { HEATMAP_DEFAULTS, OPTIMISM_COLUMN, STANCE_COLORSCALE, stanceHeatmap } from '../../lib/charts/heatmap';
import type { StanceMatrix } from '../../lib/analysis/types';
import { NewsStanceError } from '../../lib/errors';
import { stanceMatrixFixture } from '../fixtures/charts/fixtures';

const SOURCES_BY_GROUP = ["Kremlin's view", 'Putin confident', 'DW', 'Firstpost', 'Time.news interview'];
const TARGETS = ['Donald Trump', 'Vladimir Putin', 'United States', 'Russia', 'NATO', 'Ukraine', 'Sanctions', 'European Union', 'China'];

describe('charts/heatmap stanceHeatmap', () => {
  const matrix = stanceMatrixFixture();
  const fig = stanceHeatmap(matrix);
  const [stance, optimism] = fig.data;
  const cell = (label: string, target: string) => {
    const row = matrix.rows.find((r) => r.label === label)!;
    return row.stance[target];
  };

  it('draws sources × targets on a fixed diverging scale centred on 0', () => {
    assert.equal(stance.type, 'heatmap');
    assert.equal(stance.zmid, 0);
    assert.equal(stance.zmin, -1);
    assert.equal(stance.zmax, 1);
    assert.equal(stance.zauto, false);
    assert.deepEqual(stance.colorscale, [
      [0, '#b2182b'],
      [0.25, '#ef8a62'],
      [0.5, '#f7f7f7'],
      [0.75, '#67a9cf'],
      [1, '#2166ac'],
    ]);
    assert.deepEqual(stance.colorscale, STANCE_COLORSCALE.map((s) => [...s]));
    assert.deepEqual(stance.x, TARGETS);
  });

  it('orders the sources by group: optimistic explainers, sceptical reporting, other', () => {
    // The matrix lists them in corpus order: Kremlin's view, Time.news interview, DW, Putin confident, Firstpost.
    assert.deepEqual(matrix.rows.map((r) => r.label), ["Kremlin's view", 'Time.news interview', 'DW', 'Putin confident', 'Firstpost']);
    assert.deepEqual(stance.y, SOURCES_BY_GROUP);
    assert.equal(fig.layout.yaxis!.autorange, 'reversed');
    assert.deepEqual(fig.layout.yaxis!.tickvals, SOURCES_BY_GROUP);
    assert.deepEqual(fig.layout.yaxis!.ticktext, [
      '<span style="color:#b84a00">Kremlin\'s view</span>',
      '<span style="color:#f5a35c">Putin confident</span>',
      '<span style="color:#0b4a8f">DW</span>',
      '<span style="color:#74aee6">Firstpost</span>',
      '<span style="color:#5e3c8c">Time.news interview</span>',
    ]);
  });

  it('puts each cell’s stance in z and its mention count as text', () => {
    const z = stance.z!;
    const text = stance.text as string[][];
    assert.equal(z[0][1], cell("Kremlin's view", 'putin').value);
    assert.equal(text[0][1], String(cell("Kremlin's view", 'putin').mentions));
    assert.equal(text[0][1], '8');
    assert.equal(z[2][3], cell('DW', 'russia').value);
    assert.equal(text[2][3], '14');
    assert.equal(stance.texttemplate, '%{text}');
    assert.equal(stance.hoverinfo, 'text');
    assert.equal((stance.hovertext as string[][])[2][3], '<b>DW</b> → Russia<br>stance −0.42 (95% CI −0.58 to −0.27)<br>14 mentions');
  });

  it('leaves cells without mentions blank, with "no mentions" on hover', () => {
    assert.equal(cell('DW', 'trump').mentions, 0);
    assert.ok(Number.isNaN(cell('DW', 'trump').value));
    assert.equal(stance.z![2][0], null);
    assert.equal((stance.text as string[][])[2][0], '');
    assert.equal((stance.hovertext as string[][])[2][0], '<b>DW</b> → Donald Trump<br>no mentions');
    assert.equal(stance.hoverongaps, true);
    // The figure is plain JSON: no NaN anywhere.
    const json = JSON.stringify(fig);
    assert.ok(!json.includes('NaN'));
    assert.deepEqual(JSON.parse(json), fig);
  });

  it('adds the optimism index as its own column, and leaves it out on request', () => {
    assert.equal(optimism.type, 'heatmap');
    assert.deepEqual(optimism.x, [OPTIMISM_COLUMN]);
    assert.equal(optimism.xaxis, 'x2');
    assert.equal(optimism.zmid, 0);
    assert.equal(optimism.showscale, false);
    const kremlin = matrix.rows.find((r) => r.label === "Kremlin's view")!;
    assert.deepEqual(optimism.z![0], [kremlin.optimism.value]);
    assert.deepEqual((optimism.text as string[][])[0], [String(kremlin.optimism.sentences)]);
    assert.deepEqual(fig.layout.xaxis2 && (fig.layout.xaxis2 as { domain: number[] }).domain, [0.86, 1]);

    const plain = stanceHeatmap(matrix, { optimism: false });
    assert.deepEqual(plain.data.filter((t) => t.type === 'heatmap').length, 1);
    assert.equal(plain.layout.xaxis2, undefined);
    assert.deepEqual((plain.layout.xaxis as { domain: number[] }).domain, [0, 1]);
  });

  it('has a title, axis titles and a legend explaining the row colours', () => {
    assert.equal(fig.layout.title.text, HEATMAP_DEFAULTS.title);
    assert.equal(fig.layout.xaxis!.title!.text, 'Target');
    assert.equal(fig.layout.yaxis!.title!.text, 'Source');
    const legend = fig.data.filter((t) => t.type === 'scatter');
    assert.deepEqual(legend.map((t) => [t.name, (t.marker as { color: string }).color]), [
      ['Optimistic explainers', '#e8711a'],
      ['Sceptical reporting', '#2f78c4'],
      ['Other', '#8a63b8'],
    ]);
    assert.ok(Object.isFrozen(HEATMAP_DEFAULTS));
    assert.equal(stanceHeatmap(matrix, { title: 'T' }).layout.title.text, 'T');
  });

  it('shows chosen targets in the order given; hides counts on request', () => {
    const f = stanceHeatmap(matrix, { targets: ['sanctions', 'trump'], counts: false });
    assert.deepEqual(f.data[0].x, ['Sanctions', 'Donald Trump']);
    assert.equal(f.data[0].z![0][1], cell("Kremlin's view", 'trump').value);
    assert.ok((f.data[0].text as string[][]).flat().every((t) => t === ''));
  });

  it('treats a target missing from a row as not mentioned', () => {
    const m = stanceMatrixFixture();
    delete m.rows[0].stance.nato;
    const f = stanceHeatmap(m);
    assert.equal(f.data[0].z![0][4], null);
    assert.match((f.data[0].hovertext as string[][])[0][4], /no mentions/);
  });

  it('rejects empty data and bad options with clear errors', () => {
    const empty: StanceMatrix = { targets: matrix.targets, rows: [] };
    assert.throws(() => stanceHeatmap(empty), (e: Error) => e instanceof NewsStanceError && /stanceHeatmap: there are no matrix\.rows to chart/.test(e.message));
    assert.throws(() => stanceHeatmap({ targets: [], rows: matrix.rows }), /no matrix\.targets to chart/);
    assert.throws(() => stanceHeatmap(undefined as unknown as StanceMatrix), /expected a stance matrix, got undefined/);
    assert.throws(() => stanceHeatmap(matrix, { targets: ['nato', 'mars'] }), /options\.targets: stanceHeatmap: unknown target "mars"; the matrix has trump, putin/);
    assert.throws(() => stanceHeatmap(matrix, { optimism: 'yes' as unknown as boolean }), /options\.optimism: stanceHeatmap: expected true or false, got "yes"/);
    assert.throws(() => stanceHeatmap(matrix, { colour: 'red' } as never), /options\.colour: stanceHeatmap: unknown option; known options are title, subtitle, optimism, targets, counts, height/);
    assert.throws(() => stanceHeatmap(matrix, { height: -5 }), /options\.height: stanceHeatmap: expected a number from 100 to 5000, got -5/);
  });
});
