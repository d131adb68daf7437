import * as path from 'node:path';
import { NewsStanceError, describe } from '../errors';
import { writeFileAtomic } from '../io/atomic';
import { figureHtml, type FigureHtmlOptions } from './html';
import { checkNamedFigures, exportImages, type ImageExport, type ImageOptions, type NamedFigure } from './image';

/** Options of {@link exportCharts}: those of {@link exportImages}, plus `html` for the pages. */
export interface ExportChartsOptions extends ImageOptions {
  /** Options for each chart's page (see figureHtml). Default `{}`. */
  html?: Omit<FigureHtmlOptions, 'title'>;
  /** Also write SVG and PNG images. Default `true`. */
  images?: boolean;
}

/** The defaults of {@link exportCharts} (the image options default as in exportImages). */
export const EXPORT_CHARTS_DEFAULTS = Object.freeze({ html: Object.freeze({}) as Omit<FigureHtmlOptions, 'title'>, images: true });

/** What {@link exportCharts} wrote: the pages, and the images or why there are none. */
export interface ChartsExport {
  html: string[];
  images: ImageExport;
}

/**
 * Writes each chart as `<outDir>/<name>.html` (self-contained, interactive, offline) and, with
 * Chromium, `<name>.svg` and `<name>.png`; every file atomically. Without Chromium the pages
 * are still written and `images.skipped` says why there are no images.
 *
 * @example
 * const r = await exportCharts([{ name: 'stance-heatmap', figure: stanceHeatmap(m) }], 'out/charts');
 * if (r.images.skipped) console.log(`images skipped: ${r.images.skipped}`);
 */
export async function exportCharts(figures: readonly NamedFigure[], outDir: string, options: ExportChartsOptions = {}): Promise<ChartsExport> {
  const { html: htmlOptions = EXPORT_CHARTS_DEFAULTS.html, images = EXPORT_CHARTS_DEFAULTS.images, ...imageOptions } = options ?? {};
  if (typeof images !== 'boolean') throw new NewsStanceError(`exportCharts: expected true or false, got ${describe(images)}`, { field: 'options.images' });
  checkNamedFigures(figures, 'exportCharts');
  if (figures.length === 0) throw new NewsStanceError('exportCharts: there are no figures to export', { field: 'figures' });
  if (typeof outDir !== 'string' || !outDir) throw new NewsStanceError(`exportCharts: expected an output folder, got ${describe(outDir)}`, { field: 'outDir' });
  const html: string[] = [];
  for (const { name, figure } of figures) {
    const file = path.join(outDir, `${name}.html`);
    writeFileAtomic(file, figureHtml(figure, htmlOptions));
    html.push(file);
  }
  const result: ImageExport = images ? await exportImages(figures, outDir, imageOptions) : { skipped: 'images were not asked for (options.images is false)' };
  return { html, images: result };
}
