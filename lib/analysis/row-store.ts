import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from '../io/atomic';
import { frame, unframe } from '../io/framed';
import type { ScoredSentence, SourceRef } from './types';

/** Which matrix a per-source row belongs to. */
export type RowKind = 'stance' | 'sentiment';

/**
 * Per-source matrix rows kept between runs. A row is a function of one source's sentences and
 * the matrix options only (each interval's seed comes from the source id and measure), so a
 * rerun after adding an article can reuse every other source's row. The matrices ask the store
 * with the source's sentences (after the voice filter) and a key of their options; the store
 * answers only for sentences it knows to be the ones the row was made from.
 */
export interface RowStore {
  /** The row made before from these sentences with options `key`, its identity taken from the sentences; undefined if there is none. */
  get(kind: RowKind, list: readonly ScoredSentence[], key: string): object | undefined;
  /** Keeps the row made from these sentences with options `key`. */
  set(kind: RowKind, list: readonly ScoredSentence[], key: string, row: SourceRef & object): void;
  /** Writes what was set since the last save (the matrices call it once, after their rows). */
  save(): void;
}

/** One source as the cache served it: where its files live and the sentence objects it returned. */
export interface StoredSource {
  /** The source's cache file name without `.scores` (id and key of text and scorer). */
  base: string;
  sentences: readonly ScoredSentence[];
}

// A table file (lib/io/framed.ts) holds the rows' shape once in its header (their keys, nested;
// with the entries, in order) and each row as its numbers in that order, as 64-bit floats: read
// and written without parsing or printing a number, NaN (an estimate of no values) and -0 kept.
type Shape = (string | [string, Shape])[];

/** The keys of a row, nested; undefined if some value is neither a number nor an object of numbers. */
function shapeOf(o: Record<string, unknown>): Shape | undefined {
  const shape: Shape = [];
  for (const k of Object.keys(o)) {
    const v = o[k];
    if (typeof v === 'number') shape.push(k);
    else if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const inner = shapeOf(v as Record<string, unknown>);
      if (inner === undefined) return undefined;
      shape.push([k, inner]);
    } else return undefined;
  }
  return shape;
}

function flatten(o: Record<string, unknown>, shape: Shape, out: number[]): void {
  for (const s of shape) {
    if (typeof s === 'string') out.push(o[s] as number);
    else flatten(o[s[0]] as Record<string, unknown>, s[1], out);
  }
}

function unflatten(values: Float64Array, shape: Shape, at: { i: number }): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const s of shape) {
    if (typeof s === 'string') o[s] = values[at.i++];
    else o[s[0]] = unflatten(values, s[1], at);
  }
  return o;
}

const leaves = (shape: Shape): number => shape.reduce((n, s) => n + (typeof s === 'string' ? 1 : leaves(s[1])), 0);

const TABLE_FORMAT = 'news-stance/matrix-rows';
const TABLE_VERSION = 2;

interface Table {
  /** The table's file. */
  file: string;
  shape: Shape | undefined;
  shapeKey: string;
  rows: Map<string, Float64Array>;
  dirty: boolean;
}

const REF_KEYS = new Set(['source', 'label', 'group', 'origin']);

/**
 * A row store in the cache folder: one file per matrix kind and options
 * (`rows-<kind>-<options>.bin`), read once and written once per matrix, holding each source's
 * row under its cache file name (source id, and key of its text and the scorer) and which of
 * its sentences the row was made from. It answers for a list of sentences only when every one
 * of them is an object the cache returned for that source in this run, and then only for the
 * same subset of them (all, a voice, or whatever the caller selected: each has its own row):
 * copies the caller made are never matched to a stored row. (Sentence objects changed in place
 * are not noticed: pass `rows` only with the sentences as the cache returned them.) Rows of
 * sources rescored since are dropped when the file is written; rows of sources not in this run
 * (another corpus sharing the folder) are kept.
 */
export class FileRowStore implements RowStore {
  /** Tables by kind and options key. */
  private readonly tables = new Map<string, Table>();

  constructor(
    private readonly dir: string,
    private readonly sources: ReadonlyMap<string, StoredSource>,
    /** Read nothing (rows are still written). */
    private readonly writeOnly = false,
  ) {}

  /** The rows of a kind and options key, read from their file the first time. */
  private table(kind: RowKind, key: string): Table {
    const k = `${kind}\0${key}`;
    let t = this.tables.get(k);
    if (t === undefined) {
      const file = path.join(this.dir, `rows-${kind}-${createHash('sha256').update(key).digest('hex').slice(0, 16)}.bin`);
      t = { file, shape: undefined, shapeKey: '', rows: new Map(), dirty: false };
      if (!this.writeOnly && fs.existsSync(file)) {
        try {
          const { header, numbers } = unframe(fs.readFileSync(file));
          const h = header as { format?: unknown; version?: unknown; shape?: unknown; entries?: unknown } | null;
          if (h !== null && typeof h === 'object' && h.format === TABLE_FORMAT && h.version === TABLE_VERSION && Array.isArray(h.shape) && Array.isArray(h.entries)) {
            const shape = h.shape as Shape;
            const entries = h.entries as string[];
            const n = leaves(shape);
            if (numbers.length === entries.length * n) {
              t.shape = shape;
              t.shapeKey = JSON.stringify(shape);
              entries.forEach((entry, i) => t!.rows.set(entry, numbers.subarray(i * n, (i + 1) * n)));
            }
          }
        } catch {
          t.rows.clear(); // a damaged rows file: every row is made again and the file rewritten
        }
      }
      this.tables.set(k, t);
    }
    return t;
  }

  /**
   * The entry of these sentences: their source's cache file name and which of its sentences
   * they are (count and a hash of their indices: a voice, or any other subset, has rows of its
   * own); undefined unless they are all the cache's own objects for one source.
   */
  private entryOf(list: readonly ScoredSentence[]): string | undefined {
    if (list.length === 0) return undefined;
    const stored = this.sources.get(list[0].source);
    if (stored === undefined) return undefined;
    let h = 0x811c9dc5;
    for (const s of list) {
      if (stored.sentences[s.index] !== s) return undefined;
      h = Math.imul(h ^ s.index, 0x01000193);
    }
    return `${stored.base}#${list.length.toString(36)}-${(h >>> 0).toString(36)}`;
  }

  get(kind: RowKind, list: readonly ScoredSentence[], key: string): object | undefined {
    const entry = this.entryOf(list);
    if (entry === undefined) return undefined;
    const t = this.table(kind, key);
    const values = t.rows.get(entry);
    if (values === undefined || t.shape === undefined) return undefined;
    const { source, label, group, origin } = list[0];
    return { source, label, group, origin, ...unflatten(values, t.shape, { i: 0 }) };
  }

  set(kind: RowKind, list: readonly ScoredSentence[], key: string, row: SourceRef & object): void {
    const entry = this.entryOf(list);
    if (entry === undefined) return;
    const t = this.table(kind, key);
    const rest = Object.fromEntries(Object.entries(row).filter(([k]) => !REF_KEYS.has(k)));
    const shape = shapeOf(rest);
    if (shape === undefined) return; // not a row of numbers: not kept
    const shapeKey = JSON.stringify(shape);
    if (t.shape === undefined || t.rows.size === 0) [t.shape, t.shapeKey] = [shape, shapeKey];
    else if (shapeKey !== t.shapeKey) {
      // Rows of another shape under the same options (a matrix of other columns): start afresh.
      [t.shape, t.shapeKey] = [shape, shapeKey];
      t.rows.clear();
    }
    const values: number[] = [];
    flatten(rest, shape, values);
    t.rows.set(entry, Float64Array.from(values));
    t.dirty = true;
  }

  save(): void {
    for (const t of this.tables.values()) {
      if (!t.dirty) continue;
      const entries: string[] = [];
      const kept: Float64Array[] = [];
      for (const [entry, row] of t.rows) {
        // An entry is `<id>.<key>#<which sentences>`: keep only the current version of this run's sources.
        const base = entry.slice(0, entry.lastIndexOf('#'));
        const current = this.sources.get(base.slice(0, base.lastIndexOf('.')));
        if (current === undefined || current.base === base) {
          entries.push(entry);
          kept.push(row);
        }
      }
      const n = t.shape === undefined ? 0 : leaves(t.shape);
      const numbers = new Float64Array(kept.length * n);
      kept.forEach((row, i) => numbers.set(row, i * n));
      writeFileAtomic(t.file, frame({ format: TABLE_FORMAT, version: TABLE_VERSION, shape: t.shape, entries }, '', numbers));
      t.dirty = false;
    }
  }
}
