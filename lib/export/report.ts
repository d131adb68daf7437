import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NewsStanceError, describe } from '../errors';
import { bool, numberIn, text, withDefaults } from '../charts/common';
import { writeFileAtomic } from '../io/atomic';
import { PROJECT_ROOT, jupyterEnv, jupyterPaths } from '../jupyter/env';
import { plotlyScriptTag } from './plotly-js';

/** Options of {@link renderReport}. */
export interface ReportOptions {
  /** The page's title and heading. Default `'news-stance report'`. */
  title?: string;
  /** Show the code cells; `false` shows only text and outputs (nbconvert `--no-input`). Default `true`. */
  code?: boolean;
  /** Seconds nbconvert may take for all notebooks. Default `300`. */
  timeout?: number;
  /** Project root holding `.venv/`. Default: this package. */
  root?: string | null;
}

/** The defaults of {@link renderReport}. */
export const REPORT_DEFAULTS = Object.freeze({ title: 'news-stance report', code: true, timeout: 300, root: null as string | null });

/** One notebook's place in the report. */
export interface ReportSection {
  notebook: string;
  /** The notebook's first heading, else its file name. */
  title: string;
  /** The section's anchor in the page (`nb1`). */
  anchor: string;
  /** Its second-level headings, with anchors, as listed in the table of contents. */
  headings: Array<{ text: string; anchor: string }>;
}

/** What {@link renderReport} wrote. */
export interface Report {
  file: string;
  bytes: number;
  sections: ReportSection[];
  seconds: number;
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const decodeEntities = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const plainText = (html: string): string => decodeEntities(html.replace(/<a class="anchor-link"[\s\S]*?<\/a>/g, '').replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();

/** Runs a command, resolving with its exit code and the end of its stderr; kills it after `ms`. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv, ms: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => {
      stderr = (stderr + c.toString('utf8')).slice(-4000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

/** Prefixes a converted notebook's element ids and in-page links so several notebooks can share one page. */
export function prefixAnchors(body: string, prefix: string): string {
  return body
    .replace(/(<[a-zA-Z][a-zA-Z0-9]*\b[^<>]*?\s)id="(?!ns-plot-)([^"]*)"/g, (_m, tag: string, id: string) => `${tag}id="${prefix}-${id}"`)
    .replace(/(<a\b[^<>]*?\s)href="#([^"]+)"/g, (_m, tag: string, id: string) => `${tag}href="#${prefix}-${id}"`);
}

/** Splits nbconvert's page into head (without `<head>` tags), body attributes and body content. */
function splitPage(html: string, file: string): { head: string; bodyAttrs: string; body: string } {
  const head = /<head>([\s\S]*?)<\/head>/i.exec(html);
  const body = /<body([^>]*)>([\s\S]*)<\/body>/i.exec(html);
  if (!head || !body) throw new NewsStanceError('nbconvert wrote a page without <head> or <body>', { file });
  return { head: head[1], bodyAttrs: body[1], body: body[2] };
}

/**
 * Converts executed notebooks to ONE browsable HTML page with nbconvert (the project's .venv),
 * one section per notebook under a table of contents, and plotly.js inlined once in the head so
 * the charts' text/html fallbacks ({@link showFigure}) draw — from file:// and offline. The page
 * is written atomically.
 *
 * @example await renderReport(runs.map((r) => r.output!), 'out/report.html')
 */
export async function renderReport(executedNotebooks: readonly string[], outFile: string, options: ReportOptions = {}): Promise<Report> {
  const FN = 'renderReport';
  const o = withDefaults(FN, REPORT_DEFAULTS, options);
  const title = text(FN, 'title', o.title);
  const code = bool(FN, 'code', o.code);
  const timeout = numberIn(FN, 'timeout', o.timeout, 1, 86_400);
  const root = o.root === null ? PROJECT_ROOT : text(FN, 'root', o.root);
  if (!Array.isArray(executedNotebooks) || executedNotebooks.length === 0) {
    throw new NewsStanceError(`${FN}: expected a non-empty array of executed notebooks, got ${describe(executedNotebooks)}`, { field: 'executedNotebooks' });
  }
  for (const nb of executedNotebooks) {
    if (typeof nb !== 'string' || !nb.endsWith('.ipynb')) throw new NewsStanceError(`${FN}: expected a .ipynb file, got ${describe(nb)}`, { field: 'executedNotebooks' });
    if (!fs.existsSync(nb)) throw new NewsStanceError('no such notebook', { file: nb });
  }
  if (typeof outFile !== 'string' || !outFile) throw new NewsStanceError(`${FN}: expected an output file, got ${describe(outFile)}`, { field: 'outFile' });
  const paths = jupyterPaths(root);
  if (!fs.existsSync(paths.jupyter)) {
    throw new NewsStanceError(`${FN}: nbconvert is not installed (no ${path.relative(process.cwd(), paths.jupyter) || paths.jupyter})`, {}, 'Run `npm run setup`');
  }

  const started = Date.now();
  const env = jupyterEnv(root);
  for (const dir of ['JUPYTER_RUNTIME_DIR', 'JUPYTER_CONFIG_DIR', 'IPYTHONDIR'] as const) fs.mkdirSync(env[dir] as string, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'news-stance-report-'));
  try {
    // Numbered copies: notebooks of the same name from different folders do not collide.
    const inputs = executedNotebooks.map((nb, i) => {
      const copy = path.join(tmp, 'in', `${String(i + 1).padStart(2, '0')}-${path.basename(nb)}`);
      fs.mkdirSync(path.dirname(copy), { recursive: true });
      fs.copyFileSync(nb, copy);
      return copy;
    });
    const outDir = path.join(tmp, 'out');
    const args = ['nbconvert', '--to', 'html', '--output-dir', outDir, ...(code ? [] : ['--no-input']), ...inputs];
    const r = await run(paths.jupyter, args, env, timeout * 1000);
    if (r.code !== 0) {
      const last = r.stderr.trim().split('\n').filter((l) => l.trim()).slice(-2).join(' | ');
      throw new NewsStanceError(`${FN}: nbconvert failed${r.code === null ? ` (stopped after ${timeout} s)` : ` with exit code ${r.code}`}: ${last}`);
    }

    let head = '';
    let bodyAttrs = '';
    const sections: ReportSection[] = [];
    const bodies: string[] = [];
    inputs.forEach((input, i) => {
      const file = path.join(outDir, `${path.basename(input, '.ipynb')}.html`);
      const page = splitPage(fs.readFileSync(file, 'utf8'), file);
      if (i === 0) {
        head = page.head;
        bodyAttrs = page.bodyAttrs;
      }
      const anchor = `nb${i + 1}`;
      const body = prefixAnchors(page.body, anchor);
      const h1 = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(body);
      const headings = [...body.matchAll(/<h2\b[^>]*\sid="([^"]+)"[^>]*>([\s\S]*?)<\/h2>/gi)].map((m) => ({ anchor: m[1], text: plainText(m[2]) }));
      sections.push({ notebook: executedNotebooks[i], title: (h1 && plainText(h1[1])) || path.basename(executedNotebooks[i], '.ipynb'), anchor, headings });
      bodies.push(`<section class="news-stance-section" id="${anchor}">\n${body}\n</section>`);
    });

    const toc = sections
      .map(
        (s) =>
          `<li><a href="#${s.anchor}">${escapeHtml(s.title)}</a>${
            s.headings.length ? `<ul>${s.headings.map((h) => `<li><a href="#${escapeHtml(h.anchor)}">${escapeHtml(h.text)}</a></li>`).join('')}</ul>` : ''
          }</li>`,
      )
      .join('\n');
    const style = `<style type="text/css">
  nav.news-stance-toc { max-width: 1100px; margin: 24px auto 8px; padding: 0 16px; font-family: var(--jp-ui-font-family, sans-serif); }
  nav.news-stance-toc h1 { font-size: 1.8em; margin: 0 0 8px; }
  nav.news-stance-toc > ul { line-height: 1.6; padding-left: 1.2em; }
  nav.news-stance-toc ul ul { margin: 0 0 4px 0; padding-left: 1.4em; font-size: 0.95em; }
  section.news-stance-section { border-top: 3px solid #ddd; margin-top: 24px; padding-top: 8px; }
  .news-stance-generated { color: #777; font-size: 0.85em; }
</style>`;
    // plotly.js first in the head, once, so every fallback script below finds window.Plotly.
    // (Replacer functions: the bundle and the title may hold `$` patterns.)
    const newHead = head
      .replace(/<title>[\s\S]*?<\/title>/i, () => `<title>${escapeHtml(title)}</title>`)
      .replace(/(<meta charset="utf-8"\s*\/?>)/i, (meta: string) => `${meta}\n${plotlyScriptTag()}`);
    const finalHead = newHead.includes('data-news-stance="plotly.js') ? newHead : `${plotlyScriptTag()}\n${newHead}`;
    const html = `<!DOCTYPE html>
<html lang="en">
<head>
${finalHead}
${style}
</head>
<body${bodyAttrs}>
<nav class="news-stance-toc" id="contents">
<h1>${escapeHtml(title)}</h1>
<p class="news-stance-generated">${sections.length} notebook${sections.length === 1 ? '' : 's'}, converted with nbconvert by news-stance; charts drawn with the plotly.js inlined in this page.</p>
<ul>
${toc}
</ul>
</nav>
${bodies.join('\n')}
</body>
</html>
`;
    writeFileAtomic(outFile, html);
    return { file: outFile, bytes: Buffer.byteLength(html), sections, seconds: (Date.now() - started) / 1000 };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
