import type { DataFrame } from 'danfojs-node';
import type { Row } from '../tables/frame';

/**
 * Showing results in a tslab notebook. These are the only functions that talk to the kernel;
 * everything they show is computed elsewhere in the library.
 */

interface TslabDisplay {
  html(s: string): void;
}

/** tslab's display, or an explanation of why it is not there. */
function tslabDisplay(): TslabDisplay {
  try {
    return (require('tslab') as { display: TslabDisplay }).display;
  } catch {
    throw new Error('news-stance: show() needs the tslab kernel (run the notebook in Jupyter with the "TypeScript" kernel)');
  }
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function formatCell(value: unknown): string {
  if (value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value))) return '<span style="color:#999">–</span>';
  if (typeof value === 'number') return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(3);
  const text = String(value);
  return /^https?:\/\//.test(text) ? `<a href="${escapeHtml(text)}">${escapeHtml(text.length > 40 ? `${text.slice(0, 37)}…` : text)}</a>` : escapeHtml(text);
}

const isFrame = (v: unknown): v is DataFrame =>
  typeof v === 'object' && v !== null && 'columns' in v && 'values' in v && typeof (v as { toJSON?: unknown }).toJSON === 'function';

/** Renders rows (or a danfo DataFrame) as an HTML table; numbers right-aligned. */
export function tableHtml(data: readonly Row[] | DataFrame, options: { caption?: string } = {}): string {
  let columns: string[];
  let rows: unknown[][];
  if (isFrame(data)) {
    columns = ['', ...data.columns];
    rows = (data.values as unknown[][]).map((r, i) => [data.index[i], ...r]);
  } else {
    columns = data.length ? Object.keys(data[0]) : [];
    rows = data.map((r) => columns.map((c) => r[c]));
  }
  const head = columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${r.map((v) => `<td style="text-align:${typeof v === 'number' ? 'right' : 'left'}">${formatCell(v)}</td>`).join('')}</tr>`)
    .join('\n');
  const caption = options.caption ? `<caption style="caption-side:top;text-align:left;font-weight:bold">${escapeHtml(options.caption)}</caption>` : '';
  return `<table class="news-stance">${caption}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** Shows rows or a DataFrame as a table in the notebook. */
export function showTable(data: readonly Row[] | DataFrame, options: { caption?: string } = {}): void {
  tslabDisplay().html(tableHtml(data, options));
}
