import { WordIds } from './word-ids';

/**
 * The tokenizer's vocabulary: every token norm seen in this process (lower case, straight
 * quotes; see `normalizeToken`), by dense id. A token tape carries these ids, so that each
 * analysis looks up what it knows about a word in an array indexed by id instead of hashing the
 * word's string again. Ids are never reused or removed; the vocabulary grows with the distinct
 * norms of the texts read (about 60,000 for 20,000 generated articles).
 */

const ids = new WordIds(1 << 15);
const norms: string[] = [];

/** The id of a norm, added if it is new. */
export function normId(norm: string): number {
  const id = ids.find(norm);
  if (id >= 0) return id;
  norms.push(norm);
  return ids.add(norm);
}

/** The norm of id `id`. */
export function normOf(id: number): string {
  return norms[id]!;
}

/** The id of a norm, or -1 if no token had it yet (nothing is added). */
export function findNorm(norm: string): number {
  return ids.find(norm);
}

/**
 * The id of the norm whose units are `text[start..end)` mapped by `map`, whose hash is `h`;
 * -1 if there is none yet. See {@link WordIds.findMapped}.
 * @internal
 */
export function findMappedNorm(h: number, text: string, start: number, end: number, map: (unit: number) => number): number {
  return ids.findMapped(h, text, start, end, map);
}

/** How many norms there are: ids run from 0 to this minus one. */
export function vocabularySize(): number {
  return norms.length;
}

/**
 * The id of the lower-cased run of ASCII letters `text[start..end)`, whose hash (of the lower-case
 * units) is `h`; -1 if there is none yet.
 * @internal
 */
export function findLowerAsciiNorm(h: number, text: string, start: number, end: number): number {
  return ids.findLowerAscii(h, text, start, end);
}
