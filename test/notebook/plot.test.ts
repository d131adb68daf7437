import { strict as assert } from 'node:assert';
import * as vm from 'node:vm';
import { groupBars } from '../../lib/charts/group-bars';
import { stanceHeatmap } from '../../lib/charts/heatmap';
import type { Figure } from '../../lib/charts/figure';
import { FALLBACK_NOTE, PLOTLY_MIME, figureBundle, showFigure, type DisplayMessage } from '../../lib/notebook/plot';
import { comparisonsFixture, stanceMatrixFixture } from '../fixtures/charts/fixtures';

/** Runs the fallback's script against a minimal DOM, with or without a window.Plotly. */
function runFallback(html: string, plotly: boolean) {
  const script = /<script type="text\/javascript">([\s\S]*?)<\/script>/.exec(html)![1];
  const div = { className: 'news-stance-plot', style: {} as Record<string, string>, innerHTML: '' };
  const calls: unknown[][] = [];
  const window: Record<string, unknown> = plotly ? { Plotly: { newPlot: (...args: unknown[]) => calls.push(args) } } : {};
  const document = { currentScript: { previousElementSibling: div }, getElementById: () => null };
  vm.runInNewContext(script, { window, document });
  return { div, calls };
}

describe('notebook/plot showFigure', () => {
  const heatmap = stanceHeatmap(stanceMatrixFixture());

  it('bundles the plotly JSON, a text/html fallback and a text/plain line', () => {
    const bundle = figureBundle(heatmap);
    assert.deepEqual(Object.keys(bundle), [PLOTLY_MIME, 'text/html', 'text/plain']);
    assert.equal(PLOTLY_MIME, 'application/vnd.plotly.v1+json');
    assert.deepEqual(bundle[PLOTLY_MIME], JSON.parse(JSON.stringify(heatmap)));
    assert.equal(bundle['text/plain'], '<Figure: Stance toward each target, by source (5 traces)>');
    assert.deepEqual(Object.keys(figureBundle(heatmap, { fallback: false })), [PLOTLY_MIME, 'text/plain']);
  });

  it('keeps plotly.js out of the notebook: the fallback only refers to window.Plotly', () => {
    const html = figureBundle(heatmap)['text/html'] as string;
    assert.ok(html.length < 30_000, `fallback is ${html.length} characters`);
    assert.ok(!/plotly\.js v\d/.test(html));
    assert.ok(html.includes('window.Plotly.newPlot('));
    assert.match(html, /^<div id="ns-plot-[0-9a-f]{12}" class="news-stance-plot" style="width:100%;min-height:400px"><\/div>\n<script/);
    // One closing script tag: the figure's own "</" (e.g. "</b>" in hover text) is escaped.
    assert.equal(html.split('</script').length, 2);
  });

  it('draws the fallback with window.Plotly where there is one, and writes a note otherwise', () => {
    const html = figureBundle(heatmap)['text/html'] as string;
    const drawn = runFallback(html, true);
    assert.equal(drawn.calls.length, 1);
    const [el, data, layout] = drawn.calls[0] as [unknown, Figure['data'], Figure['layout']];
    assert.equal(el, drawn.div);
    assert.deepEqual(JSON.parse(JSON.stringify(data)), JSON.parse(JSON.stringify(heatmap.data)));
    assert.equal(layout.title.text, 'Stance toward each target, by source');
    const note = runFallback(html, false);
    assert.equal(note.calls.length, 0);
    assert.ok(note.div.innerHTML.includes('Stance toward each target, by source'));
    assert.ok(note.div.innerHTML.includes(FALLBACK_NOTE.slice(0, 40)));
  });

  it('gives each shown figure its own div id', () => {
    const ids = [figureBundle(heatmap), figureBundle(heatmap)].map((b) => /id="(ns-plot-[0-9a-f]+)"/.exec(b['text/html'] as string)![1]);
    assert.notEqual(ids[0], ids[1]);
  });

  describe('in the kernel', () => {
    // tslab's kernel sets this before each cell; the test stands in for it.
    const jupyter = require('tslab/dist/jupyter') as { lastWriteDisplayData: ((m: DisplayMessage, update: boolean) => void) | null };
    afterEach(() => {
      jupyter.lastWriteDisplayData = null;
    });

    it('sends ONE display_data message carrying both MIME types', () => {
      const sent: Array<[DisplayMessage, boolean]> = [];
      jupyter.lastWriteDisplayData = (m, update) => sent.push([m, update]);
      showFigure(groupBars(comparisonsFixture()));
      assert.equal(sent.length, 1);
      const [message, update] = sent[0];
      assert.equal(update, false);
      assert.deepEqual(Object.keys(message.data), [PLOTLY_MIME, 'text/html', 'text/plain']);
      assert.deepEqual(message.metadata, {});
      assert.deepEqual(message.transient, {});
      assert.equal((message.data[PLOTLY_MIME] as Figure).data.length, 2);
    });

    it('fails with a clear message outside the kernel', () => {
      assert.throws(() => showFigure(heatmap), /showFigure works only inside a notebook on the tslab kernel\. Outside Jupyter, write the figure with figureHtml\(\) or exportCharts\(\) instead/);
    });

    it('rejects what is not a figure, and unknown options', () => {
      jupyter.lastWriteDisplayData = () => undefined;
      assert.throws(() => showFigure({ data: 'x' } as never), /figure: expected a plotly figure/);
      assert.throws(() => showFigure(heatmap, { width: 3 } as never), /options\.width: showFigure: unknown option/);
    });
  });
});
