import * as fs from 'node:fs';
import { NewsStanceError } from '../errors';

/**
 * plotly.js (the `plotly.js-dist-min` package) as text to inline into a page. Read once per
 * process; `</script` is escaped so the bundle can sit inside a `<script>` element.
 */

let cached: { file: string; text: string } | null = null;

/** Path of the installed plotly.js bundle. */
export function plotlyJsPath(): string {
  try {
    return require.resolve('plotly.js-dist-min');
  } catch {
    throw new NewsStanceError('plotly.js is not installed (package plotly.js-dist-min)', {}, 'Run `npm install`');
  }
}

/** The plotly.js bundle's text, ready to inline in a `<script>` element. */
export function plotlyJs(file: string = plotlyJsPath()): string {
  if (cached?.file === file) return cached.text;
  const text = fs.readFileSync(file, 'utf8').replace(/<\/(script)/gi, '<\\/$1');
  cached = { file, text };
  return text;
}

/** The version in the bundle's banner (`4.1.1`), or `unknown`. */
export function plotlyJsVersion(text: string = plotlyJs()): string {
  return /plotly\.js v(\d+\.\d+\.\d+)/.exec(text.slice(0, 300))?.[1] ?? 'unknown';
}

/** A `<script>` element with plotly.js inlined, marked so a page can be checked to hold it once. */
export function plotlyScriptTag(): string {
  const text = plotlyJs();
  return `<script type="text/javascript" data-news-stance="plotly.js ${plotlyJsVersion(text)}">\n${text}\n</script>`;
}
