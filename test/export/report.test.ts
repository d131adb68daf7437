import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { groupBars } from '../../lib/charts/group-bars';
import { stanceHeatmap } from '../../lib/charts/heatmap';
import { exportCharts } from '../../lib/export/charts';
import { prefixAnchors, renderReport } from '../../lib/export/report';
import { jupyterPaths } from '../../lib/jupyter/env';
import { figureBundle } from '../../lib/notebook/plot';
import { chromiumMissing, skipUnless } from '../fixtures/charts/env';
import { comparisonsFixture, stanceMatrixFixture } from '../fixtures/charts/fixtures';

const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

/** An "executed" notebook written directly: markdown and a display_data output as showFigure makes. */
function notebook(file: string, title: string, figureOutput: Record<string, unknown>): string {
  const nb = {
    cells: [
      { cell_type: 'markdown', id: 'cell-00', metadata: {}, source: [`# ${title}\n`, '\n', 'Some text.\n', '\n', '## Part one\n'] },
      { cell_type: 'code', id: 'cell-01', metadata: {}, execution_count: 1, source: ['showFigure(fig);'], outputs: [{ output_type: 'display_data', data: figureOutput, metadata: {} }] },
    ],
    metadata: { kernelspec: { name: 'tslab', display_name: 'TypeScript', language: 'typescript' } },
    nbformat: 4,
    nbformat_minor: 5,
  };
  fs.writeFileSync(file, JSON.stringify(nb));
  return file;
}

describe('export/report renderReport', function () {
  this.timeout(180_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-stance-report-test-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prefixes element ids and in-page links, but not the plot divs', () => {
    const body = '<h2 id="Part-one">Part one<a class="anchor-link" href="#Part-one">¶</a></h2><div class="jp-Cell" id="cell-id=cell-00"></div><div id="ns-plot-abc" class="news-stance-plot"></div><a href="https://x.org/#y">x</a>';
    assert.equal(
      prefixAnchors(body, 'nb2'),
      '<h2 id="nb2-Part-one">Part one<a class="anchor-link" href="#nb2-Part-one">¶</a></h2><div class="jp-Cell" id="nb2-cell-id=cell-00"></div><div id="ns-plot-abc" class="news-stance-plot"></div><a href="https://x.org/#y">x</a>',
    );
  });

  it('joins notebooks into one page with a table of contents and plotly.js once', async function () {
    if (!fs.existsSync(jupyterPaths().jupyter)) skipUnless(this, 'nbconvert is not installed in .venv/ (run `npm run setup`)');
    const a = notebook(path.join(dir, 'a.ipynb'), 'First notebook', figureBundle(stanceHeatmap(stanceMatrixFixture())));
    fs.mkdirSync(path.join(dir, 'other'));
    // Same file name in another folder: must not collide.
    const b = notebook(path.join(dir, 'other', 'a.ipynb'), 'Second $& notebook', figureBundle(groupBars(comparisonsFixture())));
    const out = path.join(dir, 'out', 'report.html');
    const report = await renderReport([a, b], out, { title: 'Stance report' });
    assert.equal(report.file, out);
    assert.deepEqual(
      report.sections.map((s) => [s.title, s.anchor, s.headings]),
      [
        ['First notebook', 'nb1', [{ text: 'Part one', anchor: 'nb1-Part-one' }]],
        ['Second $& notebook', 'nb2', [{ text: 'Part one', anchor: 'nb2-Part-one' }]],
      ],
    );
    const html = fs.readFileSync(out, 'utf8');
    assert.equal(report.bytes, Buffer.byteLength(html));
    assert.equal(count(html, 'data-news-stance="plotly.js 4.1.1"'), 1);
    assert.equal(count(html, '* plotly.js v4.1.1'), 1);
    assert.ok(html.indexOf('data-news-stance="plotly.js') < html.indexOf('class="news-stance-plot"'), 'plotly.js comes before the charts');
    assert.ok(html.includes('<title>Stance report</title>'));
    assert.ok(html.includes('<li><a href="#nb1">First notebook</a><ul><li><a href="#nb1-Part-one">Part one</a></li></ul></li>'));
    assert.ok(html.includes('<li><a href="#nb2">Second $&amp; notebook</a>'));
    assert.ok(html.includes('<section class="news-stance-section" id="nb2">'));
    // Both fallbacks, one per chart; every id unique.
    assert.equal(count(html, 'class="news-stance-plot"'), 2);
    const ids = [...html.matchAll(/<[a-zA-Z][^<>]*?\sid="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(new Set(ids).size, ids.length, `duplicate ids: ${ids.filter((x, i) => ids.indexOf(x) !== i).join(', ')}`);
    assert.deepEqual(fs.readdirSync(path.dirname(out)), ['report.html'], 'no temporary file left');

    const noCode = await renderReport([a], path.join(dir, 'out', 'no-code.html'), { code: false });
    assert.ok(!fs.readFileSync(noCode.file, 'utf8').includes('showFigure(fig)'));
  });

  it('rejects what it cannot convert with clear errors', async () => {
    await assert.rejects(renderReport([], path.join(dir, 'x.html')), /renderReport: expected a non-empty array of executed notebooks/);
    await assert.rejects(renderReport([path.join(dir, 'missing.ipynb')], path.join(dir, 'x.html')), /missing\.ipynb: no such notebook/);
    await assert.rejects(renderReport(['notes.txt'], path.join(dir, 'x.html')), /expected a \.ipynb file, got "notes\.txt"/);
    await assert.rejects(renderReport([path.join(dir, 'a.ipynb')], path.join(dir, 'x.html'), { toc: false } as never), /options\.toc: renderReport: unknown option/);
  });
});

describe('export/charts exportCharts', function () {
  this.timeout(120_000);

  it('writes <name>.html for every chart, and .svg and .png with Chromium', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-stance-charts-'));
    try {
      const figures = [
        { name: 'stance-heatmap', figure: stanceHeatmap(stanceMatrixFixture()) },
        { name: 'group-bars', figure: groupBars(comparisonsFixture()) },
      ];
      const result = await exportCharts(figures, dir);
      assert.deepEqual(result.html, [path.join(dir, 'stance-heatmap.html'), path.join(dir, 'group-bars.html')]);
      const missing = chromiumMissing();
      if (missing) {
        if (process.env.CI) assert.fail(`CI must make images, but ${missing}`);
        console.log(`      images skipped: ${result.images.skipped}`);
        assert.equal(result.images.skipped, `${missing}, so SVG and PNG images were not made`);
        assert.deepEqual(fs.readdirSync(dir).sort(), ['group-bars.html', 'stance-heatmap.html']);
      } else {
        assert.equal(result.images.skipped, undefined);
        assert.deepEqual(fs.readdirSync(dir).sort(), ['group-bars.html', 'group-bars.png', 'group-bars.svg', 'stance-heatmap.html', 'stance-heatmap.png', 'stance-heatmap.svg']);
      }
      const withoutImages = await exportCharts(figures.slice(1), dir, { images: false });
      assert.match(withoutImages.images.skipped ?? '', /not asked for/);
      await assert.rejects(exportCharts([], dir), /exportCharts: there are no figures to export/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
