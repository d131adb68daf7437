import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from '../io/atomic';
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
  /** The source's cache file name without `.json` (id and key of text and scorer). */
  base: string;
  sentences: readonly ScoredSentence[];
}

// Rows hold numbers only (besides the source identity, which is not stored). JSON writes NaN
// (an estimate of no values) as null, and rows have no other null: read back, null is NaN.
function nullsToNaN(o: Record<string, unknown>): void {
  for (const k in o) {
    const v = o[k];
    if (v === null) o[k] = NaN;
    else if (typeof v === 'object') nullsToNaN(v as Record<string, unknown>);
  }
}
const REF_KEYS = new Set(['source', 'label', 'group', 'origin']);

/**
 * A row store in the cache folder: one file per matrix kind and options
 * (`rows-<kind>-<options>.json`), holding each source's row under its cache file name (source
 * id, and key of its text and the scorer), read once and written once per matrix. It answers
 * for a list of sentences only when every one of them is an object the cache returned for that
 * source in this run: sentences built or changed by the caller are never matched to a stored
 * row. Rows of sources rescored since are dropped when the file is written; rows of sources not
 * in this run (another corpus sharing the folder) are kept.
 */
export class FileRowStore implements RowStore {
  private readonly files = new Map<string, { rows: Map<string, object>; dirty: boolean }>();

  constructor(
    private readonly dir: string,
    private readonly sources: ReadonlyMap<string, StoredSource>,
    /** Read nothing (rows are still written). */
    private readonly writeOnly = false,
  ) {}

  private fileName(kind: RowKind, key: string): string {
    return path.join(this.dir, `rows-${kind}-${createHash('sha256').update(key).digest('hex').slice(0, 16)}.json`);
  }

  /** The rows of a kind and options key, read from their file the first time. */
  private table(kind: RowKind, key: string): { rows: Map<string, object>; dirty: boolean } {
    const name = this.fileName(kind, key);
    let t = this.files.get(name);
    if (t === undefined) {
      t = { rows: new Map(), dirty: false };
      if (!this.writeOnly && fs.existsSync(name)) {
        try {
          const parsed = JSON.parse(fs.readFileSync(name, 'utf8')) as unknown;
          if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
            for (const [base, row] of Object.entries(parsed)) {
              if (row === null || typeof row !== 'object' || Array.isArray(row)) continue;
              nullsToNaN(row as Record<string, unknown>);
              t.rows.set(base, row as object);
            }
          }
        } catch {
          t.rows.clear(); // a damaged rows file: every row is made again and the file rewritten
        }
      }
      this.files.set(name, t);
    }
    return t;
  }

  /** The cache file name of the source of these sentences, if they are all the cache's own objects. */
  private baseOf(list: readonly ScoredSentence[]): string | undefined {
    if (list.length === 0) return undefined;
    const stored = this.sources.get(list[0].source);
    if (stored === undefined) return undefined;
    for (const s of list) if (stored.sentences[s.index] !== s) return undefined;
    return stored.base;
  }

  get(kind: RowKind, list: readonly ScoredSentence[], key: string): object | undefined {
    const base = this.baseOf(list);
    if (base === undefined) return undefined;
    const row = this.table(kind, key).rows.get(base);
    if (row === undefined) return undefined;
    const { source, label, group, origin } = list[0];
    return { source, label, group, origin, ...row };
  }

  set(kind: RowKind, list: readonly ScoredSentence[], key: string, row: SourceRef & object): void {
    const base = this.baseOf(list);
    if (base === undefined) return;
    const t = this.table(kind, key);
    t.rows.set(base, Object.fromEntries(Object.entries(row).filter(([k]) => !REF_KEYS.has(k))));
    t.dirty = true;
  }

  save(): void {
    for (const [name, t] of this.files) {
      if (!t.dirty) continue;
      const out: Record<string, object> = {};
      for (const [base, row] of t.rows) {
        // A base is `<id>.<key>`: keep only the current version of this run's sources.
        const id = base.slice(0, base.lastIndexOf('.'));
        const current = this.sources.get(id);
        if (current === undefined || current.base === base) out[base] = row;
      }
      writeFileAtomic(name, JSON.stringify(out));
      t.dirty = false;
    }
  }
}
