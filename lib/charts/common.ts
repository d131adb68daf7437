import { SOURCE_GROUPS, type SourceGroup } from '../corpus/source';
import { NewsStanceError, describe } from '../errors';
import type { Estimate, SourceRef } from '../analysis/types';
import type { Layout } from './figure';

/** Helpers shared by the chart builders: option checking, ordering, labels and number text. */

/** Readable names of the comparison groups, for legends and hover text. */
export const GROUP_LABELS: Readonly<Record<SourceGroup, string>> = Object.freeze({
  'optimistic-explainer': 'Optimistic explainers',
  'sceptical-reporting': 'Sceptical reporting',
  other: 'Other',
});

/** The readable name of a group (the id itself for a group this version does not know). */
export function groupLabel(group: string): string {
  return (GROUP_LABELS as Record<string, string>)[group] ?? group;
}

/**
 * Merges options over the defaults and rejects option names the function does not know, so a
 * typo (`windw: 3`) is an error rather than silently ignored.
 */
export function withDefaults<D extends object>(fn: string, defaults: D, options: object | undefined): D {
  if (options === undefined || options === null) return { ...defaults };
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new NewsStanceError(`${fn}: expected an options object, got ${describe(options)}`, { field: 'options' });
  }
  const known = Object.keys(defaults);
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) throw new NewsStanceError(`${fn}: unknown option; known options are ${known.join(', ')}`, { field: `options.${key}` });
  }
  const merged = { ...defaults } as Record<string, unknown>;
  for (const [key, value] of Object.entries(options)) if (value !== undefined) merged[key] = value;
  return merged as D;
}

/** Throws a clear error unless `value` is one of `allowed`. */
export function oneOf<T extends string>(fn: string, name: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new NewsStanceError(`${fn}: expected ${allowed.map((a) => JSON.stringify(a)).join(' or ')}, got ${describe(value)}`, { field: `options.${name}` });
}

/** Throws unless `value` is a finite number in [min, max] (and an integer when asked). */
export function numberIn(fn: string, name: string, value: unknown, min: number, max: number, integer = false): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max && (!integer || Number.isInteger(value))) return value;
  throw new NewsStanceError(`${fn}: expected ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, got ${describe(value)}`, { field: `options.${name}` });
}

/** Throws unless `value` is a boolean. */
export function bool(fn: string, name: string, value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  throw new NewsStanceError(`${fn}: expected true or false, got ${describe(value)}`, { field: `options.${name}` });
}

/** Throws unless `value` is a string. */
export function text(fn: string, name: string, value: unknown): string {
  if (typeof value === 'string') return value;
  throw new NewsStanceError(`${fn}: expected a string, got ${describe(value)}`, { field: `options.${name}` });
}

/** Throws a clear error when the data is not a non-empty array. */
export function nonEmptyArray<T>(fn: string, what: string, data: readonly T[] | undefined | null): readonly T[] {
  if (!Array.isArray(data)) throw new NewsStanceError(`${fn}: expected an array of ${what}, got ${describe(data)}`, { field: what });
  if (data.length === 0) throw new NewsStanceError(`${fn}: there are no ${what} to chart`, { field: what });
  return data;
}

/** Index of a group in the display order (optimistic explainers, sceptical reporting, other, unknown). */
export function groupRank(group: string): number {
  const i = (SOURCE_GROUPS as readonly string[]).indexOf(group);
  return i < 0 ? SOURCE_GROUPS.length : i;
}

/**
 * The distinct sources of some rows, ordered by group (optimistic explainers first, then
 * sceptical reporting, then other); within a group in the order they first appear.
 */
export function orderSources(rows: readonly SourceRef[]): SourceRef[] {
  const seen = new Map<string, SourceRef>();
  for (const r of rows) if (!seen.has(r.source)) seen.set(r.source, { source: r.source, label: r.label, group: r.group, origin: r.origin });
  const list = [...seen.values()];
  return list.map((r, i) => ({ r, i })).sort((a, b) => groupRank(a.r.group) - groupRank(b.r.group) || a.i - b.i).map(({ r }) => r);
}

/**
 * Readable, unique labels per source id: the source's label, or `label (id)` when two sources
 * share a label (so they never merge into one category).
 */
export function sourceLabels(sources: readonly SourceRef[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const s of sources) count.set(s.label, (count.get(s.label) ?? 0) + 1);
  return new Map(sources.map((s) => [s.source, (count.get(s.label) ?? 0) > 1 ? `${s.label} (${s.source})` : s.label || s.source]));
}

/** Escapes text for plotly's HTML-like labels. */
export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Shortens text to `max` characters with an ellipsis, wrapping it with `<br>` every ~`width` characters. */
export function snippet(s: string, max = 160, width = 60): string {
  return wrapLabel(s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s, width);
}

/** Breaks a short label into lines of about `width` characters with `<br>` (for axis ticks). */
export function wrapLabel(s: string, width = 18): string {
  const lines: string[] = [];
  let line = '';
  for (const w of escapeText(s).split(/\s+/)) {
    if (line && line.length + w.length + 1 > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.join('<br>');
}

/** A legend laid out in one row at the bottom of the figure, below any axis labels. */
export function bottomLegend(title: string): Record<string, unknown> {
  return { title: { text: title }, orientation: 'h', x: 0.01, xanchor: 'left', xref: 'container', y: 0, yanchor: 'bottom', yref: 'container' };
}

/** Whether a number is finite (NaN and ±Infinity are not). */
export const finite = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/** A value or null for plotly (NaN becomes a gap). */
export const orNull = (x: number | null | undefined): number | null => (finite(x) ? x : null);

/** A signed number with `digits` decimals and a real minus sign: `+0.25`, `−0.10`, `0.00`. */
export function signed(x: number, digits = 2): string {
  const s = Math.abs(x).toFixed(digits);
  if (Number(s) === 0) return s;
  return `${x < 0 ? '−' : '+'}${s}`;
}

/** `+0.25 (95% CI −0.10 to +0.55)`, or `no data` when the estimate is NaN. */
export function estimateText(e: Estimate, digits = 2): string {
  if (!finite(e.value)) return 'no data';
  const ci = finite(e.low) && finite(e.high) ? ` (95% CI ${signed(e.low, digits)} to ${signed(e.high, digits)})` : '';
  return `${signed(e.value, digits)}${ci}`;
}

/** Distances from the value to the CI ends, for plotly's asymmetric error bars (null when unknown). */
export function errorArrays(estimates: ReadonlyArray<Estimate | undefined>): { array: Array<number | null>; arrayminus: Array<number | null> } {
  const array: Array<number | null> = [];
  const arrayminus: Array<number | null> = [];
  for (const e of estimates) {
    const ok = e !== undefined && finite(e.value);
    array.push(ok && finite(e.high) ? round(Math.max(0, e.high - e.value)) : null);
    arrayminus.push(ok && finite(e.low) ? round(Math.max(0, e.value - e.low)) : null);
  }
  return { array, arrayminus };
}

/** Rounds to 6 decimals so chart JSON does not carry float noise (0.30000000000000004). */
export function round(x: number, digits = 6): number {
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return r === 0 ? 0 : r; // never -0
}

/** Base layout parts every chart shares: fonts, margins, white background, hover label. */
export function baseLayout(title: string, subtitle: string | undefined, height: number): Layout & { margin: Record<string, number> } {
  return {
    title: subtitle ? { text: title, subtitle: { text: subtitle }, x: 0.012, xref: 'container', xanchor: 'left' } : { text: title, x: 0.012, xref: 'container', xanchor: 'left' },
    height,
    font: { family: 'DejaVu Sans, Arial, sans-serif', size: 13, color: '#222' },
    paper_bgcolor: '#ffffff',
    plot_bgcolor: '#ffffff',
    hoverlabel: { align: 'left' },
    margin: { t: subtitle ? 90 : 70, r: 30, b: 60, l: 60 },
  };
}

/** The plotly config the charts carry: responsive, no plotly logo, PNG download at 2x. */
export const CHART_CONFIG = Object.freeze({ responsive: true, displaylogo: false, toImageButtonOptions: { format: 'png', scale: 2 } });

/** A fresh copy of {@link CHART_CONFIG} for one figure. */
export const chartConfig = (): Record<string, unknown> => JSON.parse(JSON.stringify(CHART_CONFIG)) as Record<string, unknown>;
