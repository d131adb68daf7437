import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { groupBars } from '../../lib/charts/group-bars';
import { stanceHeatmap } from '../../lib/charts/heatmap';
import { decodeDataUrl, exportImages } from '../../lib/export/image';
import { chromiumMissing, skipUnless } from '../fixtures/charts/env';
import { comparisonsFixture, stanceMatrixFixture } from '../fixtures/charts/fixtures';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('export/image exportImages', function () {
  this.timeout(120_000);
  const figures = [
    { name: 'stance-heatmap', figure: stanceHeatmap(stanceMatrixFixture()) },
    { name: 'group-bars', figure: groupBars(comparisonsFixture()) },
  ];
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-stance-img-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('renders SVG and PNG in headless Chromium, one browser for all charts', async function () {
    skipUnless(this, chromiumMissing());
    const result = await exportImages(figures, dir);
    assert.equal(result.skipped, undefined, `skipped: ${result.skipped}`);
    if (result.skipped !== undefined) return;
    assert.deepEqual(result.files.map((f) => f.name), ['stance-heatmap', 'group-bars']);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['group-bars.png', 'group-bars.svg', 'stance-heatmap.png', 'stance-heatmap.svg']);
    for (const { name, figure } of figures) {
      const svg = fs.readFileSync(path.join(dir, `${name}.svg`), 'utf8');
      assert.ok(svg.startsWith('<svg'), `${name}.svg starts with ${svg.slice(0, 20)}`);
      assert.ok(svg.includes(figure.layout.title.text), `${name}.svg has its title`);
      const png = fs.readFileSync(path.join(dir, `${name}.png`));
      assert.ok(png.subarray(0, 8).equals(PNG_SIGNATURE), `${name}.png signature`);
      // IHDR: width and height at 2x of 960 × layout.height.
      assert.equal(png.readUInt32BE(16), 1920);
      assert.equal(png.readUInt32BE(20), 2 * (figure.layout.height as number));
      assert.ok(png.length > 20_000 && png.length < 5_000_000, `${name}.png is ${png.length} bytes`);
    }
    const bars = fs.readFileSync(path.join(dir, 'group-bars.svg'), 'utf8');
    assert.ok(bars.includes('Optimistic explainers') && bars.includes('p &#60; 0.001'));
  });

  it('writes only the formats asked for, at the size asked for', async function () {
    skipUnless(this, chromiumMissing());
    const result = await exportImages(figures.slice(0, 1), dir, { formats: ['png'], width: 500, height: 300, scale: 1 });
    assert.equal(result.skipped, undefined);
    assert.deepEqual(fs.readdirSync(dir), ['stance-heatmap.png']);
    const png = fs.readFileSync(path.join(dir, 'stance-heatmap.png'));
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [500, 300]);
  });

  it('skips with a one-line reason when there is no Chromium, writing nothing', async () => {
    const result = await exportImages(figures, dir, { executablePath: '/nonexistent/chromium' });
    assert.equal(result.skipped, 'no Chromium at /nonexistent/chromium (install Debian\'s package: apt-get install chromium), so SVG and PNG images were not made');
    assert.ok(!result.skipped.includes('\n'));
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  it('rejects bad names and options before starting a browser', async () => {
    await assert.rejects(exportImages([{ name: '../x', figure: figures[0].figure }], dir), /figures\[0\]\.name: exportImages: expected a file stem/);
    await assert.rejects(exportImages([figures[0], figures[0]], dir), /the name "stance-heatmap" is used twice/);
    await assert.rejects(exportImages(figures, dir, { formats: ['jpeg' as 'png'] }), /options\.formats: exportImages: expected a non-empty array of "svg", "png"/);
    await assert.rejects(exportImages(figures, dir, { dpi: 3 } as never), /options\.dpi: exportImages: unknown option/);
  });

  it('decodes the data: URLs Plotly.toImage returns', () => {
    assert.equal(decodeDataUrl('data:image/svg+xml,%3Csvg%3E%C3%A9').toString('utf8'), '<svg>é');
    assert.deepEqual(decodeDataUrl('data:image/png;base64,iVBORw0KGgo='), PNG_SIGNATURE);
    assert.throws(() => decodeDataUrl('blob:x'), /not a data: URL/);
  });
});
