import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { renderReport } from '../../lib/export/report';
import { PROJECT_ROOT, jupyterEnv, jupyterPaths } from '../../lib/jupyter/env';
import { executeNotebooks } from '../../lib/jupyter/notebooks';
import { PLOTLY_MIME } from '../../lib/notebook/plot';
import { CHROMIUM_ARGS, chromiumMissing, chromiumPath, jupyterMissing, skipUnless } from '../fixtures/charts/env';
import { FIXTURE_DIR } from '../fixtures/charts/fixtures';

/**
 * The fixture notebook, executed headless on tslab, opened in a real JupyterLab 4 and Notebook 7
 * (offline, in headless Chromium): the plotly extension draws both charts from the
 * application/vnd.plotly.v1+json outputs. Then the same executed notebook through renderReport,
 * opened from file://: the text/html fallbacks draw with the page's plotly.js.
 */

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

// The callbacks given to page.evaluate run in the browser; this file is compiled without the DOM library.
declare const document: any;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface DrawnPlot {
  title: string | null;
  svgs: number;
  heatmapImages: number;
  bars: number;
  byExtension: boolean;
}

/** What plotly drew on a page: per plot (elements matching `plots`) its title, SVG layers, heatmap images and bars. */
async function drawnPlots(page: Page, plots: string, count: number, timeout: number): Promise<DrawnPlot[]> {
  await page.waitForFunction(
    ([sel, n]) => document.querySelectorAll(`${sel} .main-svg`).length >= 2 * (n as number) && document.querySelectorAll(`${sel} .gtitle`).length >= (n as number),
    [plots, count] as const,
    { timeout },
  );
  return page.evaluate(
    (sel) =>
      [...document.querySelectorAll(sel)].map((p: any) => ({
        title: p.querySelector('.gtitle')?.textContent ?? null,
        svgs: p.querySelectorAll('.main-svg').length,
        heatmapImages: p.querySelectorAll('.hm image').length,
        bars: p.querySelectorAll('.barlayer .point path').length,
        byExtension: p.closest('.jp-RenderedPlotly') !== null,
      })),
    plots,
  );
}

function checkPlots(plots: DrawnPlot[], byExtension: boolean): void {
  assert.equal(plots.length, 2, JSON.stringify(plots));
  const [heatmap, bars] = plots;
  assert.equal(heatmap.title, 'Stance toward each target, by source');
  assert.ok(heatmap.svgs >= 2);
  assert.equal(heatmap.heatmapImages, 2, 'stance and optimism heatmaps drawn');
  assert.equal(bars.title, 'Optimistic explainers vs sceptical reporting');
  assert.ok(bars.bars >= 11, `${bars.bars} bars drawn`);
  assert.ok(plots.every((p) => p.byExtension === byExtension), `drawn by the ${byExtension ? 'plotly extension' : 'fallback'}`);
}

describe('browser: charts in JupyterLab, Notebook 7 and the nbconvert report', function () {
  this.timeout(10 * 60 * 1000);
  let tmp: string;
  let executed: string;
  let server: ChildProcess | undefined;
  let serverLog = '';
  let port = 0;
  const token = randomBytes(16).toString('hex');
  let browser: Browser | undefined;

  before(async function () {
    const built = path.join(PROJECT_ROOT, 'dist', 'index.js');
    const unbuilt = fs.existsSync(built) && fs.readFileSync(built, 'utf8').includes('showFigure') ? null : 'dist/ is not built with the charts, and notebooks import the built library: run `npm run build`';
    skipUnless(this, chromiumMissing(), jupyterMissing(), unbuilt);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'news-stance-lab-'));
    const [run] = await executeNotebooks([path.join(FIXTURE_DIR, 'plot.ipynb')], { outDir: path.join(tmp, 'root'), timeout: 120 });
    assert.ok(run.ok, `plot.ipynb failed at cell ${run.error?.cell}: ${run.error?.ename}: ${run.error?.evalue}`);
    executed = run.output as string;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
  });

  after(async function () {
    this.timeout(60_000);
    await browser?.close().catch(() => undefined);
    if (server && server.exitCode === null && server.signalCode === null) {
      // The server's own shutdown stops the kernels it started; signals are the fallback.
      await fetch(`http://127.0.0.1:${port}/api/shutdown?token=${token}`, { method: 'POST' }).catch(() => undefined);
      const exited = new Promise<void>((r) => server!.once('exit', () => r()));
      const waited = await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)]);
      if (!waited) {
        try {
          process.kill(-server.pid!, 'SIGTERM');
        } catch {
          /* gone */
        }
        const termed = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
        if (!termed) {
          try {
            process.kill(-server.pid!, 'SIGKILL');
          } catch {
            /* gone */
          }
        }
      }
    }
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('executes the fixture notebook into outputs that carry both MIME types and no plotly.js', () => {
    const text = fs.readFileSync(executed, 'utf8');
    const nb = JSON.parse(text) as { cells: Array<{ source: string[] | string; outputs?: Array<{ output_type: string; data?: Record<string, unknown> }> }> };
    const shown = nb.cells.filter((c) => [c.source].flat().join('').includes('showFigure('));
    assert.equal(shown.length, 2);
    for (const cell of shown) {
      const displays = (cell.outputs ?? []).filter((o) => o.output_type === 'display_data');
      assert.equal(displays.length, 1, 'one output per chart');
      assert.deepEqual(Object.keys(displays[0].data ?? {}).sort(), [PLOTLY_MIME, 'text/html', 'text/plain'].sort());
    }
    assert.ok(!/plotly\.js v\d/.test(text), 'plotly.js is not in the notebook');
    assert.ok(text.length < 200_000, `executed notebook is ${text.length} characters`);
  });

  it('draws both charts in JupyterLab 4 and Notebook 7 with the plotly extension', async () => {
    port = await freePort();
    const root = path.dirname(executed);
    const args = [
      'lab',
      '--no-browser',
      '--ServerApp.ip=127.0.0.1',
      `--ServerApp.port=${port}`,
      '--ServerApp.port_retries=0',
      `--ServerApp.token=${token}`,
      `--ServerApp.root_dir=${root}`,
      `--LabApp.workspaces_dir=${path.join(tmp, 'workspaces')}`,
      '--allow-root',
    ];
    const env = jupyterEnv();
    for (const dir of ['JUPYTER_RUNTIME_DIR', 'JUPYTER_CONFIG_DIR', 'IPYTHONDIR'] as const) fs.mkdirSync(env[dir] as string, { recursive: true });
    server = spawn(jupyterPaths().jupyter, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout!.on('data', (c: Buffer) => (serverLog = (serverLog + c.toString()).slice(-4000)));
    server.stderr!.on('data', (c: Buffer) => (serverLog = (serverLog + c.toString()).slice(-4000)));
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (server.exitCode !== null) assert.fail(`jupyter lab exited with code ${server.exitCode}: ${serverLog.split('\n').slice(-5).join(' | ')}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/status?token=${token}`).then((r) => r.ok, () => false);
      if (ok) break;
      if (Date.now() > deadline) assert.fail(`jupyter lab did not answer within 90 s: ${serverLog.split('\n').slice(-5).join(' | ')}`);
      await sleep(300);
    }

    for (const [app, url] of [
      ['JupyterLab', `/lab/tree/plot.ipynb`],
      ['Notebook 7', `/notebooks/plot.ipynb`],
    ] as const) {
      const page = await browser!.newPage({ viewport: { width: 1280, height: 1000 } });
      const outside: string[] = [];
      await page.route(/^(https?|wss?):/, (route) => {
        const u = route.request().url();
        if (u.startsWith(`http://127.0.0.1:${port}/`) || u.startsWith(`ws://127.0.0.1:${port}/`)) return route.continue();
        outside.push(u);
        return route.abort();
      });
      try {
        await page.goto(`http://127.0.0.1:${port}${url}?token=${token}`, { timeout: 60_000 });
        const plots = await drawnPlots(page, '.jp-OutputArea .js-plotly-plot', 2, 120_000);
        checkPlots(plots, true);
        // The fallback is not what drew them.
        assert.equal(await page.locator('.news-stance-plot').count(), 0, `${app}: the text/html fallback is not rendered`);
      } catch (err) {
        await page.screenshot({ path: path.join(os.tmpdir(), `news-stance-${app.replace(/\W/g, '')}-failure.png`) }).catch(() => undefined);
        throw new Error(`${app}: ${(err as Error).message}\nserver log: ${serverLog.split('\n').slice(-5).join(' | ')}`);
      } finally {
        await page.close();
      }
    }
  });

  it('draws both charts in the renderReport page opened from file://, offline', async () => {
    const out = path.join(tmp, 'report', 'report.html');
    const report = await renderReport([executed], out, { title: 'Fixture report' });
    assert.deepEqual(report.sections.map((s) => s.title), ['Fixture: charts in a notebook']);
    const page = await browser!.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // nbconvert's page names CDN scripts (require.js, MathJax): with no network they must not matter.
    await page.route(/^(https?|wss?):/, (route) => route.abort());
    try {
      await page.goto(pathToFileURL(out).href, { timeout: 60_000 });
      const plots = await drawnPlots(page, '.news-stance-plot.js-plotly-plot', 2, 60_000);
      checkPlots(
        plots.map((p) => ({ ...p, byExtension: false })),
        false,
      );
      assert.deepEqual(errors, []);
      const toc = await page.evaluate(() => [...document.querySelectorAll('nav.news-stance-toc a')].map((a: any) => a.textContent));
      assert.deepEqual(toc, ['Fixture: charts in a notebook', 'Stance heatmap', 'Group comparison']);
    } finally {
      await page.close();
    }
  });
});
