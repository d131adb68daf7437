import { strict as assert } from 'node:assert';
import type { Browser, Page } from 'playwright-core';
import { sentimentDistributions } from '../../lib/charts/distributions';
import type { Figure } from '../../lib/charts/figure';
import { groupBars } from '../../lib/charts/group-bars';
import { stanceHeatmap } from '../../lib/charts/heatmap';
import { narrativeArc } from '../../lib/charts/narrative-arc';
import { speakerChart } from '../../lib/charts/speakers';
import { plotlyJs } from '../../lib/export/plotly-js';
import { CHROMIUM_ARGS, chromiumMissing, chromiumPath, skipUnless } from '../fixtures/charts/env';
import { comparisonsFixture, sentencesFixture, speakersFixture, stanceMatrixFixture } from '../fixtures/charts/fixtures';

// The callbacks given to page.evaluate run in the browser; this file is compiled without the DOM library.
declare const document: any;
declare const window: any;

/**
 * Every chart builder's figure, checked by plotly.js itself in headless Chromium: Plotly.validate
 * finds no attribute plotly does not know or ignores, and the figure draws.
 */
describe('browser: chart figures in plotly.js', function () {
  this.timeout(120_000);
  let browser: Browser | undefined;
  let page: Page;

  before(async function () {
    skipUnless(this, chromiumMissing());
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
    page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.route(/^(https?|wss?):/, (route) => route.abort());
    await page.setContent('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0"><div id="p" style="width:960px"></div></body></html>');
    await page.addScriptTag({ content: plotlyJs() });
  });
  after(async () => {
    await browser?.close();
  });

  const figures = (): Array<[string, Figure]> => [
    ['stanceHeatmap', stanceHeatmap(stanceMatrixFixture())],
    ['stanceHeatmap without optimism', stanceHeatmap(stanceMatrixFixture(), { optimism: false })],
    ['groupBars', groupBars(comparisonsFixture())],
    ['groupBars h', groupBars(comparisonsFixture(), { orientation: 'h' })],
    ['sentimentDistributions box', sentimentDistributions(sentencesFixture())],
    ['sentimentDistributions violin', sentimentDistributions(sentencesFixture(), { kind: 'violin', measure: 'optimism' })],
    ['narrativeArc', narrativeArc(sentencesFixture(), { points: true })],
    ['speakerChart', speakerChart(speakersFixture())],
  ];

  it('validates and draws every figure', async () => {
    for (const [name, figure] of figures()) {
      const result = await page.evaluate(async (json) => {
        const fig = JSON.parse(json);
        const P = window.Plotly;
        const problems = (P.validate(fig.data, fig.layout) ?? []) as Array<{ msg: string; astr: string }>;
        const el = document.getElementById('p');
        P.purge(el);
        await P.newPlot(el, fig.data, fig.layout, fig.config);
        return { problems: problems.map((p) => p.msg), svgs: el.querySelectorAll('.main-svg').length, title: el.querySelector('.gtitle')?.textContent };
      }, JSON.stringify(figure));
      // zmid is kept for readers of the JSON; with the range fixed at -1..1 plotly does not need it.
      const problems = result.problems.filter((m) => !/key zmid did not get coerced/.test(m));
      assert.deepEqual(problems, [], name);
      assert.ok(result.svgs >= 2, `${name}: drawn`);
      assert.equal(result.title, figure.layout.title.text, name);
    }
  });

  it('shows "no mentions" when hovering a blank heatmap cell', async () => {
    await page.evaluate(async (json) => {
      const fig = JSON.parse(json);
      const el = document.getElementById('p');
      const P = window.Plotly;
      P.purge(el);
      await P.newPlot(el, fig.data, fig.layout, fig.config);
    }, JSON.stringify(stanceHeatmap(stanceMatrixFixture())));
    const hover = async (row: number, col: number) => {
      const at = await page.evaluate(
        ([r, c]) => {
          const gd = document.getElementById('p');
          const { xaxis, yaxis } = gd._fullLayout;
          const box = gd.getBoundingClientRect();
          return { x: box.left + xaxis._offset + xaxis.c2p(c), y: box.top + yaxis._offset + yaxis.c2p(r) };
        },
        [row, col],
      );
      await page.mouse.move(1, 1);
      await page.waitForFunction(() => document.querySelector('.hoverlayer .hovertext') === null, undefined, { timeout: 5_000 });
      await page.mouse.move(at.x, at.y);
      await page.waitForFunction(() => document.querySelector('.hoverlayer .hovertext') !== null, undefined, { timeout: 5_000 });
      return page.evaluate(() => [...document.querySelectorAll('.hoverlayer .hovertext')].map((h: any) => h.textContent).join('|'));
    };
    // Row 2 is DW, which never mentions Trump (column 0) and mentions Russia (column 3) 14 times.
    assert.equal(await hover(2, 0), 'DW → Donald Trumpno mentions');
    assert.equal(await hover(2, 3), 'DW → Russiastance −0.42 (95% CI −0.58 to −0.27)14 mentions');
  });
});
