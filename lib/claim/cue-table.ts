import type { ClaimCues, Cue, CueIndex } from './cues';

/**
 * The five cue indexes of a {@link ClaimCues} merged into one table, so that claimStance finds
 * every cue that may start at a token with at most two look-ups instead of ten, and skips most
 * tokens after two reads in small arrays (by their first three characters).
 *
 * `cueAt(norms, i, index)` scans `index.exact.get(norm)`, then `index.prefix.get(norm.slice(0, 2))`,
 * keeping the first cue that matches and is strictly longer than the best so far. A slot here
 * holds, under the same key, the cues of all five indexes, each index's cues in its own order;
 * scanning a token's exact slot then its prefix slot with the same rule, per index, gives the
 * same cue for every index.
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

/** What may start at a token whose first two characters are a given ASCII pair. */
export interface PairEntry {
  /**
   * The keys of {@link CueTable.exact} that begin with the pair (usually one or two), and their
   * slots: comparing a token with a few keys is cheaper than hashing it for a map look-up.
   */
  readonly exactKeys: readonly string[];
  readonly exactSlots: readonly CueSlot[];
  /** The one-token prefix cues keyed by the pair. */
  readonly prefix: CueSlot | undefined;
}

/** The merged indexes of one {@link ClaimCues}. */
export interface CueTable {
  /** The indexes it was built from; if a field of the cues is replaced, the table is rebuilt. */
  readonly indexes: readonly CueIndex[];
  /** Whole-token and multiword cues by (the norm of) their first token. */
  readonly exact: ReadonlyMap<string, CueSlot>;
  /**
   * Small tables, to stay in cache: `charClass[c]` numbers the ASCII characters that begin a
   * key (as its first or second character) from 1, the others 0; `classes` is how many numbers
   * there are, 0 included.
   */
  readonly charClass: Uint8Array;
  readonly classes: number;
  /**
   * For a norm whose first two characters `c0`, `c1` are ASCII,
   * `pairIds[charClass[c0] * classes + charClass[c1]]` is 0 if no cue can start there, else
   * 1 + the position of its entry in {@link pairs}.
   */
  readonly pairIds: Uint16Array;
  readonly pairs: readonly PairEntry[];
  /**
   * A filter on the third character, a bit set per pair entry: bit `c` of the five words from
   * `thirds[(id - 1) * 5]` is set if a cue of entry `id` may start at a token whose third
   * character is ASCII `c`; bit 128 stands for a non-ASCII one or none (a two-character token).
   */
  readonly thirds: Int32Array;
  /** For a one-character ASCII norm: its exact slot. */
  readonly exactOne: ReadonlyArray<CueSlot | undefined>;
  /** For a one-character ASCII norm: its prefix slot. */
  readonly prefixOne: ReadonlyArray<CueSlot | undefined>;
  /** Prefix slots under any other key (non-ASCII characters). */
  readonly prefixOther: ReadonlyMap<string, CueSlot>;
}

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
  const exact = mergeSlots(indexes.map((x) => x.exact));
  const prefixes = mergeSlots(indexes.map((x) => x.prefix));
  const exactPairs = new Map<number, { keys: string[]; slots: CueSlot[] }>();
  const thirds = new Map<number, Uint8Array>();
  const third = (pair: number): Uint8Array => {
    let t = thirds.get(pair);
    if (!t) thirds.set(pair, (t = new Uint8Array(129)));
    return t;
  };
  const thirdOf = (s: string): number => (s.length > 2 && s.charCodeAt(2) < 128 ? s.charCodeAt(2) : 128);
  const exactOne: Array<CueSlot | undefined> = new Array<CueSlot | undefined>(128).fill(undefined);
  const prefixOne: Array<CueSlot | undefined> = new Array<CueSlot | undefined>(128).fill(undefined);
  const prefixPairs = new Map<number, CueSlot>();
  const prefixOther = new Map<string, CueSlot>();
  for (const [key, slot] of exact) {
    const pair = asciiPair(key);
    if (pair >= 0) {
      const entry = exactPairs.get(pair) ?? { keys: [], slots: [] };
      entry.keys.push(key);
      entry.slots.push(slot);
      exactPairs.set(pair, entry);
      third(pair)[thirdOf(key)] = 1; // the token must equal the key
    } else if (key.length === 1 && key.charCodeAt(0) < 128) exactOne[key.charCodeAt(0)] = slot;
  }
  for (const [key, slot] of prefixes) {
    const pair = key.length === 2 ? asciiPair(key) : -1;
    if (pair >= 0) {
      prefixPairs.set(pair, slot);
      // a prefix of two characters lets anything follow; a longer one fixes the third
      for (const cue of slot.cues) {
        const first = cue.tokens[0] ?? '';
        if (first.length <= 2) third(pair).fill(1);
        else third(pair)[thirdOf(first)] = 1;
      }
    } else if (key.length === 1 && key.charCodeAt(0) < 128) prefixOne[key.charCodeAt(0)] = slot;
    else prefixOther.set(key, slot);
  }
  const used = [...new Set([...exactPairs.keys(), ...prefixPairs.keys()])];
  const charClass = new Uint8Array(128);
  let classes = 1;
  for (const pair of used) {
    for (const c of [pair >> 7, pair & 127]) if (charClass[c] === 0) charClass[c] = classes++;
  }
  const pairIds = new Uint16Array(classes * classes);
  const pairs: PairEntry[] = [];
  const thirdBits = new Int32Array(used.length * 5);
  for (const pair of used) {
    const third = thirds.get(pair)!;
    for (let c = 0; c < 129; c++) if (third[c] === 1) thirdBits[pairs.length * 5 + (c >> 5)] |= 1 << (c & 31);
    const exactEntry = exactPairs.get(pair);
    pairs.push({ exactKeys: exactEntry?.keys ?? [], exactSlots: exactEntry?.slots ?? [], prefix: prefixPairs.get(pair) });
    pairIds[charClass[pair >> 7] * classes + charClass[pair & 127]] = pairs.length;
  }
  return { indexes, exact, charClass, classes, pairIds, pairs, thirds: thirdBits, exactOne, prefixOne, prefixOther };
}

/** `c0 * 128 + c1` for a string of two or more characters whose first two are ASCII, else -1. */
function asciiPair(s: string): number {
  if (s.length < 2) return -1;
  const c0 = s.charCodeAt(0);
  const c1 = s.charCodeAt(1);
  return c0 < 128 && c1 < 128 ? c0 * 128 + c1 : -1;
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
  return x[0] === cues.topic && x[1] === cues.hedges && x[2] === cues.boosters && x[3] === cues.optimism && x[4] === cues.scepticism;
}
