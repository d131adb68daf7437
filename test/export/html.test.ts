import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { figureJson } from '../../lib/charts/figure';
import { stanceHeatmap } from '../../lib/charts/heatmap';
import { figureHtml } from '../../lib/export/html';
import { plotlyJs, plotlyJsVersion } from '../../lib/export/plotly-js';
import { writeFileAtomic } from '../../lib/io/atomic';
import { CHROMIUM_ARGS, chromiumMissing, chromiumPath, skipUnless } from '../fixtures/charts/env';
import { stanceMatrixFixture } from '../fixtures/charts/fixtures';

// The callbacks given to page.evaluate run in the browser; this file is compiled without the DOM library.
declare const document: any;

const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe('export/html figureHtml', function () {
  this.timeout(60_000);
  const fig = stanceHeatmap(stanceMatrixFixture());
  const html = figureHtml(fig);

  it('inlines plotly.js exactly once', () => {
    assert.equal(plotlyJsVersion(), '4.1.1');
    assert.equal(count(html, '<script type="text/javascript" data-news-stance="plotly.js 4.1.1">'), 1);
    assert.equal(count(html, '* plotly.js v4.1.1'), 1);
    // A long piece from the middle of the bundle, once.
    const bundle = plotlyJs();
    assert.equal(count(html, bundle.slice(2_000_000, 2_000_400)), 1);
    assert.ok(html.length > bundle.length && html.length < bundle.length + 60_000);
    assert.ok(!/<script[^>]+src=/.test(html), 'no external script');
  });

  it('carries the figure JSON and a title', () => {
    assert.ok(html.includes(`<script type="application/json" id="figure">${figureJson(fig)}</script>`));
    assert.ok(html.includes('<title>Stance toward each target, by source</title>'));
    assert.ok(html.includes('#chart { width: 100%; height: 400px; }'));
    const custom = figureHtml(fig, { title: 'A <b> & c', height: 700, caption: 'Five sources.' });
    assert.ok(custom.includes('<title>A &lt;b&gt; &amp; c</title>'));
    assert.ok(custom.includes('height: 700px'));
    assert.ok(custom.includes('<p class="caption">Five sources.</p>'));
    assert.throws(() => figureHtml(fig, { heigth: 3 } as never), /options\.heigth: figureHtml: unknown option/);
    assert.throws(() => figureHtml({} as never), /expected a plotly figure/);
  });

  it('draws from file:// with no network', async function () {
    skipUnless(this, chromiumMissing());
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-stance-html-'));
    const file = path.join(dir, 'heatmap.html');
    writeFileAtomic(file, html);
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
    try {
      const page = await browser.newPage();
      const requested: string[] = [];
      await page.route(/^(https?|wss?):/, (route) => {
        requested.push(route.request().url());
        return route.abort();
      });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(pathToFileURL(file).href);
      await page.waitForSelector('#chart .main-svg', { timeout: 30_000 });
      const drawn = await page.evaluate(() => ({
        title: document.querySelector('#chart .gtitle')?.textContent,
        heatmaps: document.querySelectorAll('#chart .hm image').length,
        ticks: [...document.querySelectorAll('#chart .yaxislayer-above .ytick text')].map((t: any) => t.textContent),
      }));
      assert.equal(drawn.title, 'Stance toward each target, by source');
      assert.equal(drawn.heatmaps, 2);
      assert.deepEqual(drawn.ticks, ["Kremlin's view", 'Putin confident', 'DW', 'Firstpost', 'Time.news interview']);
      assert.deepEqual(requested, []);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
