import { normOf } from '../text/vocabulary';
import type { ClaimCues, Cue, CueIndex } from './cues';

/**
 * The five cue indexes of a {@link ClaimCues} merged into one table, so that claimStance finds
 * every cue that may start at a token with one look-up, by the vocabulary id of the token's
 * norm, instead of ten map look-ups by string.
 *
 * `cueAt(norms, i, index)` scans `index.exact.get(norm)`, then `index.prefix.get(norm.slice(0, 2))`,
 * keeping the first cue that matches and is strictly longer than the best so far. A slot here
 * holds, under the same key, the cues of all five indexes, each index's cues in its own order;
 * scanning a token's exact slot then its prefix slot with the same rule, per index, gives the
 * same cue for every index. What a word starts (its two slots, and whether it is a negator) is
 * worked out the first time the table meets the word, and kept by its vocabulary id.
 *
 * A table is built once per cues object and reflects the indexes as they were then: like
 * `parseClaimCues` makes them, indexes and cues are not to be changed once used (replacing a
 * whole index of the cues object is fine, see {@link cueTable}).
 */

/** The indexes merged, in order: a slot tells a cue's index by its position in this list. */
export const CUE_KINDS = ['topic', 'hedges', 'boosters', 'optimism', 'scepticism'] as const;

/** The cues of every index under one key, with the index each comes from. */
export interface CueSlot {
  readonly cues: readonly Cue[];
  /** `kinds[k]` is the index `cues[k]` comes from, as a position in {@link CUE_KINDS}. */
  readonly kinds: readonly number[];
}

/** The cues that may start at a word: its exact slot and its prefix slot. */
export interface WordCues {
  readonly exact: CueSlot | undefined;
  readonly prefix: CueSlot | undefined;
}

/** The merged indexes of one {@link ClaimCues}, with what each word seen so far starts. */
export interface CueTable {
  /** The indexes it was built from; if a field of the cues is replaced, the table is rebuilt. */
  readonly indexes: readonly CueIndex[];
  /** Whole-token and multiword cues by (the norm of) their first token. */
  readonly exact: ReadonlyMap<string, CueSlot>;
  /** One-token prefix cues by the first two characters of the prefix. */
  readonly prefix: ReadonlyMap<string, CueSlot>;
  readonly negators: ReadonlySet<string>;
  /**
   * Per vocabulary id: 0 not yet worked out, else {@link NO_CUES}, {@link NEGATOR} or both
   * bits, plus 4 x (1 + the position of the word's {@link WordCues} in `words`) when a cue may
   * start there.
   */
  codes: Int32Array;
  readonly words: WordCues[];
}

const KNOWN = 1;
const NEGATOR = 2;
const CUES_SHIFT = 2;

function indexesOf(cues: ClaimCues): CueIndex[] {
  return CUE_KINDS.map((kind) => cues[kind]);
}

/** Merges the lists found under each key of `maps` (one map per index) into slots. */
function mergeSlots(maps: ReadonlyArray<ReadonlyMap<string, readonly Cue[]>>): Map<string, CueSlot> {
  const merged = new Map<string, { cues: Cue[]; kinds: number[] }>();
  maps.forEach((map, kind) => {
    for (const [key, list] of map) {
      let slot = merged.get(key);
      if (!slot) merged.set(key, (slot = { cues: [], kinds: [] }));
      for (const cue of list) {
        slot.cues.push(cue);
        slot.kinds.push(kind);
      }
    }
  });
  return merged;
}

function buildTable(cues: ClaimCues): CueTable {
  const indexes = indexesOf(cues);
  return {
    indexes,
    exact: mergeSlots(indexes.map((x) => x.exact)),
    prefix: mergeSlots(indexes.map((x) => x.prefix)),
    negators: cues.negators,
    codes: new Int32Array(4096),
    words: [],
  };
}

/** Works out the code of word `id` (see {@link CueTable.codes}). */
function learn(table: CueTable, id: number): number {
  if (id >= table.codes.length) {
    const codes = new Int32Array(Math.max(table.codes.length * 2, id + 1));
    codes.set(table.codes);
    table.codes = codes;
  }
  const norm = normOf(id);
  let code = KNOWN | (table.negators.has(norm) || norm.endsWith("n't") ? NEGATOR : 0);
  const exact = table.exact.get(norm);
  const prefix = table.prefix.get(norm.slice(0, 2));
  if (exact !== undefined || prefix !== undefined) {
    table.words.push({ exact, prefix });
    code |= table.words.length << CUES_SHIFT;
  }
  table.codes[id] = code;
  return code;
}

/** The code of word `id` in `table`. */
function codeOf(table: CueTable, id: number): number {
  const code = id < table.codes.length ? table.codes[id] : 0;
  return code !== 0 ? code : learn(table, id);
}

/** The cues that may start at word `id`, or undefined (most words). */
export function wordCues(table: CueTable, id: number): WordCues | undefined {
  const at = codeOf(table, id) >> CUES_SHIFT;
  return at === 0 ? undefined : table.words[at - 1];
}

/** Whether word `id` negates a cue after it (a listed negator, or any word in "n't"). */
export function isNegatorWord(table: CueTable, id: number): boolean {
  return (codeOf(table, id) & NEGATOR) !== 0;
}

const tables = new WeakMap<ClaimCues, CueTable>();
let lastCues: ClaimCues | undefined;
let lastTable: CueTable | undefined;

/**
 * The merged table of a set of cues, built once per cues object (and again if one of its five
 * indexes is replaced). The indexes' maps are read-only: their contents are taken as fixed.
 */
export function cueTable(cues: ClaimCues): CueTable {
  if (cues === lastCues && fresh(lastTable!, cues)) return lastTable!;
  let table = tables.get(cues);
  if (!table || !fresh(table, cues)) {
    table = buildTable(cues);
    tables.set(cues, table);
  }
  lastCues = cues;
  lastTable = table;
  return table;
}

function fresh(table: CueTable, cues: ClaimCues): boolean {
  const x = table.indexes; // in CUE_KINDS order
  return x[0] === cues.topic && x[1] === cues.hedges && x[2] === cues.boosters && x[3] === cues.optimism && x[4] === cues.scepticism && table.negators === cues.negators;
}
