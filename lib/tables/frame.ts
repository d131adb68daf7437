import type { DataFrame } from 'danfojs-node';

/** A plain table row: column name to value. */
export type Row = Record<string, string | number | boolean | null>;

type Danfo = typeof import('danfojs-node');
let danfo: Danfo | undefined;

/**
 * danfo.js, loaded on first use: it pulls in TensorFlow.js and takes about half a second,
 * which library users who never ask for a DataFrame should not pay.
 */
export function loadDanfo(): Danfo {
  danfo ??= require('danfojs-node') as Danfo;
  return danfo;
}

/**
 * Turns rows into a danfo DataFrame, columns in the order of the first row's keys. `null`
 * becomes NaN in number columns (danfo's missing value) and stays null elsewhere.
 */
export function toDataFrame(rows: readonly Row[], options: { index?: string } = {}): DataFrame {
  const { DataFrame: Frame } = loadDanfo();
  if (rows.length === 0) return new Frame([]);
  const columns = Object.keys(rows[0]);
  const frame = new Frame(rows.map((r) => columns.map((c) => r[c] ?? null)), { columns });
  return options.index ? frame.setIndex({ column: options.index, drop: true }) : frame;
}
