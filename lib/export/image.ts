import * as fs from 'node:fs';
import * as path from 'node:path';
import { NewsStanceError, describe } from '../errors';
import { numberIn, withDefaults } from '../charts/common';
import { assertFigure, figureJson, type Figure } from '../charts/figure';
import { writeFileAtomic } from '../io/atomic';
import { plotlyJs } from './plotly-js';

/** A figure with the file stem its exports get (`heatmap` → `heatmap.svg`, `heatmap.png`). */
export interface NamedFigure {
  /** File stem: letters, digits, `.`, `_`, `-`, starting with a letter or digit. */
  name: string;
  figure: Figure;
}

/** Image formats {@link exportImages} writes. */
export const IMAGE_FORMATS = ['svg', 'png'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

/** Options of {@link exportImages}. */
export interface ImageOptions {
  /** The Chromium to drive. Default `'/usr/bin/chromium'` (Debian's package), or `$NEWS_STANCE_CHROMIUM` when set. */
  executablePath?: string | null;
  /** Formats to write. Default `['svg', 'png']`. */
  formats?: readonly ImageFormat[];
  /** Image width in CSS pixels. Default `960`. */
  width?: number;
  /** Image height in CSS pixels. Default `null`: the figure's `layout.height`, else 560. */
  height?: number | null;
  /** PNG pixel density (2 = retina). Default `2`. */
  scale?: number;
  /** Milliseconds for launching the browser and for each image. Default `60000`. */
  timeout?: number;
}

/** The defaults of {@link exportImages}. */
export const IMAGE_DEFAULTS = Object.freeze({
  executablePath: null as string | null,
  formats: Object.freeze(['svg', 'png']) as readonly ImageFormat[],
  width: 960,
  height: null as number | null,
  scale: 2,
  timeout: 60_000,
});

/** Debian's Chromium, where `.ci/run` installs it. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Flags for headless Chromium in a container without network or GPU. */
export const CHROMIUM_ARGS: readonly string[] = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
]);

/** One chart's written images. */
export interface ImageFiles {
  name: string;
  svg?: string;
  png?: string;
}

/** What {@link exportImages} did: the files written, or why it wrote none. */
export type ImageExport = { skipped: string } | { skipped?: undefined; files: ImageFiles[]; seconds: number };

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Checks figure names: safe file stems, unique. Throws a clear error otherwise. */
export function checkNamedFigures(figures: readonly NamedFigure[], fn: string): void {
  if (!Array.isArray(figures)) throw new NewsStanceError(`${fn}: expected an array of { name, figure }, got ${describe(figures)}`, { field: 'figures' });
  const seen = new Set<string>();
  figures.forEach((f, i) => {
    if (!f || typeof f.name !== 'string' || !NAME.test(f.name) || f.name.length > 100) {
      throw new NewsStanceError(`${fn}: expected a file stem of letters, digits, ".", "_", "-", got ${describe(f?.name)}`, { field: `figures[${i}].name` });
    }
    if (seen.has(f.name)) throw new NewsStanceError(`${fn}: the name ${describe(f.name)} is used twice`, { field: `figures[${i}].name` });
    seen.add(f.name);
    assertFigure(f.figure, `figures[${i}].figure`);
  });
}

/** The Chromium an export would use (option, `$NEWS_STANCE_CHROMIUM`, Debian's), and why it cannot be driven (one line), or null when it can. */
export function chromiumUnavailable(executablePath?: string | null): { path: string; why: string | null } {
  const file = executablePath || process.env.NEWS_STANCE_CHROMIUM || DEFAULT_CHROMIUM;
  try {
    fs.accessSync(file, fs.constants.X_OK);
  } catch {
    return {
      path: file,
      why: `no Chromium at ${file} (install Debian's package: apt-get install chromium)`,
    };
  }
  try {
    require.resolve('playwright-core');
  } catch {
    return { path: file, why: 'playwright-core is not installed (run `npm install`)' };
  }
  return { path: file, why: null };
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new NewsStanceError(`${what} took longer than ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Decodes a data: URL from Plotly.toImage into bytes. */
export function decodeDataUrl(url: string): Buffer {
  const comma = url.indexOf(',');
  if (!url.startsWith('data:') || comma < 0) throw new NewsStanceError(`not a data: URL: ${describe(url.slice(0, 40))}`);
  const head = url.slice(5, comma);
  const body = url.slice(comma + 1);
  return head.endsWith(';base64') ? Buffer.from(body, 'base64') : Buffer.from(decodeURIComponent(body), 'utf8');
}

/**
 * Renders figures to SVG and PNG with `Plotly.toImage` in headless Chromium (Debian's, driven by
 * playwright-core), one browser for all figures, and writes `<outDir>/<name>.svg` and `.png`
 * atomically. When Chromium (or playwright-core) is missing or does not start, writes nothing
 * and returns `{ skipped: reason }`, one line for the caller to print.
 *
 * @example
 * const r = await exportImages([{ name: 'heatmap', figure: stanceHeatmap(m) }], 'out/charts');
 * if (r.skipped) console.log(`images skipped: ${r.skipped}`);
 */
export async function exportImages(figures: readonly NamedFigure[], outDir: string, options: ImageOptions = {}): Promise<ImageExport> {
  const FN = 'exportImages';
  const o = withDefaults(FN, IMAGE_DEFAULTS, options);
  checkNamedFigures(figures, FN);
  if (typeof outDir !== 'string' || !outDir) throw new NewsStanceError(`${FN}: expected an output folder, got ${describe(outDir)}`, { field: 'outDir' });
  if (!Array.isArray(o.formats) || o.formats.length === 0 || o.formats.some((f) => !(IMAGE_FORMATS as readonly string[]).includes(f))) {
    throw new NewsStanceError(`${FN}: expected a non-empty array of "svg", "png", got ${describe(o.formats)}`, { field: 'options.formats' });
  }
  const formats: ImageFormat[] = [...(o.formats as readonly ImageFormat[])];
  const width = numberIn(FN, 'width', o.width, 50, 10000);
  const fixedHeight = o.height === null ? null : numberIn(FN, 'height', o.height, 50, 10000);
  const scale = numberIn(FN, 'scale', o.scale, 0.1, 10);
  const timeout = numberIn(FN, 'timeout', o.timeout, 100, 3_600_000);
  const { path: executablePath, why } = chromiumUnavailable(o.executablePath);
  if (why) return { skipped: `${why}, so SVG and PNG images were not made` };

  const started = Date.now();
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  let browser: import('playwright-core').Browser;
  try {
    browser = await withTimeout(chromium.launch({ executablePath, args: [...CHROMIUM_ARGS], timeout }), timeout + 1000, 'starting Chromium');
  } catch (err) {
    const first = String((err as Error).message ?? err).split('\n')[0];
    return { skipped: `Chromium at ${executablePath} did not start (${first}), so SVG and PNG images were not made` };
  }
  try {
    const page = await browser.newPage();
    // Nothing leaves this machine: the page has plotly.js inlined and needs no network.
    await page.route(/^(https?|wss?):/, (route) => route.abort());
    await page.setContent('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body></body></html>');
    await page.addScriptTag({ content: plotlyJs() });
    const files: ImageFiles[] = [];
    fs.mkdirSync(outDir, { recursive: true });
    for (const { name, figure } of figures) {
      const height = fixedHeight ?? (typeof figure.layout.height === 'number' ? figure.layout.height : 560);
      const urls = await withTimeout(
        page.evaluate(
          async ({ json, formats, width, height, scale }) => {
            const fig = JSON.parse(json) as { data: unknown[]; layout: Record<string, unknown>; config?: unknown };
            const P = (globalThis as unknown as { Plotly: { toImage(f: unknown, o: unknown): Promise<string> } }).Plotly;
            const layout = { ...fig.layout, width, height };
            const out: Record<string, string> = {};
            for (const format of formats) out[format] = await P.toImage({ data: fig.data, layout, config: fig.config }, { format, width, height, scale: format === 'png' ? scale : 1 });
            return out;
          },
          { json: figureJson(figure), formats, width, height, scale },
        ),
        timeout,
        `rendering ${name}`,
      );
      const written: ImageFiles = { name };
      for (const format of formats) {
        const file = path.join(outDir, `${name}.${format}`);
        writeFileAtomic(file, decodeDataUrl(urls[format]));
        written[format] = file;
      }
      files.push(written);
    }
    return { files, seconds: (Date.now() - started) / 1000 };
  } finally {
    await browser.close().catch(() => undefined);
  }
}
