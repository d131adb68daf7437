/**
 * A word index over the phrase lists of a compiled speaker set, so that the big alternations
 * (every name and role, every speech verb, ...) are not run over every sentence.
 *
 * A global alternation finds, from left to right, the first place where some phrase matches,
 * and there the first phrase in alternation order that does. Every phrase starts with a letter
 * or digit after a non-letter, so it can only start where a word starts, and its words (runs of
 * letters and digits) are then the next words of the text. The index keeps each phrase under its
 * first word (or its first two); at each word of a sentence it tries, in alternation order, only
 * the phrases filed there whose words fit, matching each by hand as its pattern would (or with
 * its own anchored expression), and goes on after a match as the global one does. The matches
 * are the same.
 *
 * This holds for phrases whose words are ASCII and whose other characters cannot match a letter
 * or digit; a list with any other phrase is not indexed and runs its full regular expression.
 */

import * as chars from './chars';
import { hashOf, type Words } from './words';

// Bound once: under tsx every use of an imported name is a property getter call, too slow per character.
const { isSpaceUnit, isWordPoint, pointAt, pointBefore } = chars;

/** A phrase as compiled into an alternation. */
export interface PhrasePattern {
  /** Its regular expression source. */
  pattern: string;
  /** The phrase. */
  text: string;
  /** Letters match in any case. */
  anyCase: boolean;
}

/** A match of a phrase list, as a global regular expression reports it. */
export interface PhraseMatch {
  index: number;
  /** The matched text. */
  text: string;
}

/** The lists an index covers, by number. */
export const NAMES = 0;
export const VERBS = 1;
export const PARTICIPLES = 2;
export const SOURCES = 3;
/** Unnamed-speaker head words (whole words in any case): the index only tells where one may start. */
export const UNNAMED = 4;
const LISTS = 5;

/** A phrase filed under its first word. */
interface IndexedPhrase {
  list: number;
  /** Position in its list's alternation. */
  order: number;
  /** The first word, folded to lower case. */
  first: string;
  /** The first word as written, when case matters; null when any case matches. */
  exactFirst: string | null;
  /** Folded hashes of its other words, in order. */
  rest: Int32Array;
  /** The phrase as a sequence of words and separators, to match by hand; null to match with `sticky`. */
  parts: Part[] | null;
  /** The phrase anchored where matching starts (`lastIndex`), with the boundaries of the list; null when `parts` are matched instead, and for head words. */
  sticky: RegExp | null;
}

/**
 * A piece of a phrase pattern: a word (in its case, or in any case), a run of spaces (`\s+` once
 * for each space of the phrase), or one character of a set (an apostrophe, a hyphen, a literal).
 */
type Part = { kind: 'word'; text: string; anyCase: boolean } | { kind: 'spaces'; count: number } | { kind: 'char'; set: string };

const APOSTROPHES = "'’‘`´";
const HYPHENS = '-‐‑';

/** What {@link PhraseIndex.find} reports for one text: matches per list, and where a head word may start. */
export interface PhraseMatches {
  /** Matches per list (NAMES ... SOURCES), or null for a list that was not asked for. */
  readonly lists: ReadonlyArray<readonly PhraseMatch[] | null>;
  /**
   * The words (indices into the words of the text) where an unnamed-speaker head word may start,
   * in order; null when the heads are not indexed and every word has to be checked.
   */
  readonly heads: readonly number[] | null;
}

const BEFORE = '(?<![\\p{L}\\p{N}\\-‐‑])';
const AFTER = '(?![\\p{L}\\p{N}\\-‐‑])';
/** Bits of the filter in front of a key table. */
const FILTER_BITS = 1 << 13;

/** A set of hash keys that may answer "maybe" for a key not in it, but never "no" for one in it. */
class BitFilter {
  private readonly bits = new Uint32Array(FILTER_BITS >>> 5);

  add(key: number): void {
    const bit = key & (FILTER_BITS - 1);
    this.bits[bit >>> 5] |= 1 << (bit & 31);
  }

  has(key: number): boolean {
    const bit = key & (FILTER_BITS - 1);
    return (this.bits[bit >>> 5] & (1 << (bit & 31))) !== 0;
  }
}

/**
 * Phrases by a hash key, with a bit filter that rules out most keys without a map look-up. The
 * map is keyed by the low 30 bits, which the engine keeps as small integers (faster look-ups).
 */
class KeyTable {
  private readonly map = new Map<number, IndexedPhrase[]>();
  private readonly filter = new BitFilter();

  /** Files a phrase under `key`, keeping each entry in list and alternation order. */
  add(key: number, phrase: IndexedPhrase): void {
    const entries = this.map.get(key & 0x3fffffff);
    if (entries) {
      entries.push(phrase);
      entries.sort((a, b) => a.list - b.list || a.order - b.order);
    } else {
      this.map.set(key & 0x3fffffff, [phrase]);
    }
    this.filter.add(key);
  }

  /** The phrases filed under `key` (or under a key with the same low 30 bits), or undefined. */
  get(key: number): readonly IndexedPhrase[] | undefined {
    return this.filter.has(key) ? this.map.get(key & 0x3fffffff) : undefined;
  }
}

/** The key of two words in a row, from their hashes. */
function pairKey(first: number, second: number): number {
  return (Math.imul(first, 0x9e3779b1) ^ second) | 0;
}

const NONE: readonly IndexedPhrase[] = [];
/** The (shared, never filled) results of a list or of the heads before a first match. */
const NO_MATCHES: PhraseMatch[] = [];
const NO_HEADS: number[] = [];

/** The words (maximal runs of letters and digits, by code point) of a phrase, and the characters between them. */
function splitWords(phrase: string): { words: string[]; others: string[] } {
  const words: string[] = [];
  const others: string[] = [];
  let word = '';
  for (const ch of phrase) {
    if (isWordPoint(ch.codePointAt(0) ?? 0)) {
      word += ch;
    } else {
      if (word) words.push(word);
      word = '';
      others.push(ch);
    }
  }
  if (word) words.push(word);
  return { words, others };
}

/** A character that, as a phrase pattern matches it (in any case), is never a letter or digit. */
function isSeparator(ch: string): boolean {
  return [ch, ch.toLowerCase(), ch.toUpperCase()].every((v) => [...v].every((x) => !isWordPoint(x.codePointAt(0) ?? 0)));
}

/** The words of a phrase if it can be indexed (ASCII words, separators that stay separators, starting with a word), else null. */
function indexableWords(phrase: string): string[] | null {
  const { words, others } = splitWords(phrase);
  if (words.length === 0 || !isWordPoint(phrase.codePointAt(0) ?? 0)) return null;
  if (!words.every((w) => /^[A-Za-z0-9]+$/.test(w)) || !others.every(isSeparator)) return null;
  return words;
}

/**
 * The phrase as its pattern reads it (see phrasePattern in speakers.ts), or null when it has a
 * character that is not a space, an apostrophe, a hyphen or a one-unit literal that no case
 * folding touches: such phrases are matched with their regular expression.
 */
function partsOf(phrase: string, words: readonly string[], anyCase: boolean): Part[] | null {
  const parts: Part[] = [];
  let w = 0;
  for (let i = 0; i < phrase.length; ) {
    const word = words[w];
    if (word !== undefined && phrase.startsWith(word, i) && /[A-Za-z0-9]/.test(phrase[i])) {
      parts.push({ kind: 'word', text: anyCase ? word.toLowerCase() : word, anyCase });
      i += word.length;
      w++;
      continue;
    }
    const ch = phrase[i];
    const last = parts[parts.length - 1];
    if (/\s/.test(ch)) {
      if (last?.kind === 'spaces') last.count++;
      else parts.push({ kind: 'spaces', count: 1 });
    } else if (APOSTROPHES.includes(ch)) {
      parts.push({ kind: 'char', set: APOSTROPHES });
    } else if (HYPHENS.includes(ch)) {
      parts.push({ kind: 'char', set: HYPHENS });
    } else if (/^[\x21-\x7e]$/.test(ch) && !/[A-Za-z0-9]/.test(ch)) {
      parts.push({ kind: 'char', set: ch });
    } else {
      return null;
    }
    i++;
  }
  return w === words.length ? parts : null;
}

/** A code point that the boundaries of a phrase exclude next to it: a letter, a digit or a hyphen. */
function isBoundaryBlocker(cp: number): boolean {
  return cp === 0x2d || cp === 0x2010 || cp === 0x2011 || isWordPoint(cp);
}

/** Where a match of `parts` starting at `start` ends (the boundaries included), or -1. */
function matchParts(parts: readonly Part[], text: string, start: number): number {
  const n = text.length;
  if (start > 0 && isBoundaryBlocker(pointBefore(text, start, 0))) return -1;
  let i = start;
  for (const part of parts) {
    if (part.kind === 'word') {
      const w = part.text;
      if (i + w.length > n) return -1;
      for (let j = 0; j < w.length; j++) {
        let c = text.charCodeAt(i + j);
        if (part.anyCase && c >= 65 && c <= 90) c |= 32;
        if (c !== w.charCodeAt(j)) return -1;
      }
      i += w.length;
    } else if (part.kind === 'spaces') {
      const from = i;
      while (i < n && isSpaceUnit(text.charCodeAt(i))) i++;
      if (i - from < part.count) return -1;
    } else {
      if (i >= n || !part.set.includes(text[i])) return -1;
      i++;
    }
  }
  if (i < n && isBoundaryBlocker(pointAt(text, i, n))) return -1;
  return i;
}

/** Finds the phrases of a compiled speaker set in a text, word by word (see the module comment). */
export class PhraseIndex {
  /** One-word phrases by the hash of their folded word. */
  private readonly singles = new KeyTable();
  /** Longer phrases by the key of their first two folded words. */
  private readonly pairs = new KeyTable();
  /** The hashes of the first words of all phrases. */
  private readonly firstWords = new BitFilter();
  /** Per list: its full regular expression when it cannot be indexed, else null. */
  private readonly fallback: Array<RegExp | null> = [];
  private unnamedIndexed = true;

  /**
   * @param patterns the phrase patterns of names, verbs, participles and sources, in alternation order
   * @param full their compiled regular expressions (global), built from the same patterns
   * @param unnamed the unnamed-speaker head words
   */
  constructor(patterns: ReadonlyArray<readonly PhrasePattern[]>, full: readonly RegExp[], unnamed: readonly string[]) {
    patterns.forEach((list, l) => {
      const words = list.map((p) => indexableWords(p.text));
      this.fallback[l] = words.every((w) => w !== null) ? null : full[l];
      if (this.fallback[l]) return;
      list.forEach((p, order) => {
        const w = words[order] ?? [];
        const parts = partsOf(p.text, w, p.anyCase);
        // (Building a Unicode expression is slow: only for phrases not matched by hand.)
        const sticky = parts ? null : new RegExp(`${BEFORE}(?:${p.pattern})${AFTER}`, 'uy');
        this.add(w, { list: l, order, exactFirst: p.anyCase ? null : w[0], parts, sticky });
      });
    });
    // A head word is matched lower-cased, so only ASCII ones can be looked up by folded words.
    const heads = unnamed.map((h) => (/^[\x00-\x7f]*$/.test(h) ? indexableWords(h) : null));
    this.unnamedIndexed = heads.every((w) => w !== null);
    if (this.unnamedIndexed) heads.forEach((w, order) => this.add(w ?? [], { list: UNNAMED, order, exactFirst: null, parts: null, sticky: null }));
  }

  private add(words: readonly string[], p: Pick<IndexedPhrase, 'list' | 'order' | 'exactFirst' | 'parts' | 'sticky'>): void {
    const first = words[0].toLowerCase();
    const rest = Int32Array.from(words.slice(1), (w) => hashOf(w.toLowerCase()));
    const phrase: IndexedPhrase = { ...p, first, rest };
    this.firstWords.add(hashOf(first));
    if (rest.length === 0) this.singles.add(hashOf(first), phrase);
    else this.pairs.add(pairKey(hashOf(first), rest[0]), phrase);
  }

  /**
   * The matches in `text` (whose words are `words`) of the lists asked for (bits `1 << list`),
   * exactly as their global regular expressions find them.
   */
  find(text: string, words: Words, lists: number): PhraseMatches {
    // Lists and heads stay the shared empty arrays until something is found (most sentences have nothing).
    const found: Array<PhraseMatch[] | null> = [null, null, null, null];
    let heads: number[] | null = NO_HEADS;
    const ends = [0, 0, 0, 0]; // per list: where its last match ended
    let byWord = 0; // the lists matched here, word by word
    for (let l = 0; l < LISTS - 1; l++) {
      if ((lists & (1 << l)) === 0) continue;
      const full = this.fallback[l];
      found[l] = full ? allMatches(full, text) : NO_MATCHES;
      if (!full) byWord |= 1 << l;
    }
    if ((lists & (1 << UNNAMED)) !== 0) {
      if (this.unnamedIndexed) byWord |= 1 << UNNAMED;
      else heads = null;
    }
    if (byWord === 0) return { lists: found, heads };
    for (let k = 0; k < words.count; k++) {
      const h = words.hash[k];
      if (words.plain[k] === 0 || !this.firstWords.has(h)) continue;
      const one = this.singles.get(h) ?? NONE;
      const two = k + 1 < words.count && words.plain[k + 1] === 1 ? (this.pairs.get(pairKey(h, words.hash[k + 1])) ?? NONE) : NONE;
      if (one.length === 0 && two.length === 0) continue;
      // The phrases of both tables in list and alternation order; after a match, a list's other phrases are skipped.
      let done = -1;
      for (let i = 0, j = 0; i < one.length || j < two.length; ) {
        const p = j >= two.length || (i < one.length && (one[i].list - two[j].list || one[i].order - two[j].order) < 0) ? one[i++] : two[j++];
        if ((byWord & (1 << p.list)) === 0 || p.list === done || !this.fits(p, text, words, k)) continue;
        if (p.list === UNNAMED) {
          if (heads === NO_HEADS) heads = [];
          if (heads && heads[heads.length - 1] !== k) heads.push(k);
        } else if (this.tryAt(p, text, words.start[k], ends, found)) {
          done = p.list;
        }
      }
    }
    return { lists: found, heads };
  }

  /** Records a match of phrase `p` at `start` unless it is inside the list's previous match; whether it matched. */
  private tryAt(p: IndexedPhrase, text: string, start: number, ends: number[], found: Array<PhraseMatch[] | null>): boolean {
    if (start < ends[p.list]) return false;
    const end = this.matchAt(p, text, start);
    if (end < 0) return false;
    let list = found[p.list];
    if (list === NO_MATCHES || !list) found[p.list] = list = [];
    list.push({ index: start, text: text.slice(start, end) });
    ends[p.list] = end;
    return true;
  }

  /** The end of a match of phrase `p` in `text` from `start`, or -1. */
  private matchAt(p: IndexedPhrase, text: string, start: number): number {
    if (p.parts) return matchParts(p.parts, text, start);
    if (!p.sticky) return -1;
    p.sticky.lastIndex = start;
    const m = p.sticky.exec(text);
    return m ? m.index + m[0].length : -1;
  }

  /** Whether word `k` and the words after it are the words of phrase `p` (folded; the first in its case when case matters). */
  private fits(p: IndexedPhrase, text: string, words: Words, k: number): boolean {
    if (k + p.rest.length >= words.count) return false;
    if (p.exactFirst !== null ? !words.equals(text, k, p.exactFirst) : !words.foldedEquals(text, k, p.first)) return false;
    for (let j = 0; j < p.rest.length; j++) {
      if (words.plain[k + 1 + j] === 0 || words.hash[k + 1 + j] !== p.rest[j]) return false;
    }
    return true;
  }
}

/** Every match of a global regular expression, in order. */
export function allMatches(re: RegExp, text: string): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push({ index: m.index, text: m[0] });
  return out;
}

/** The index of each compiled speaker set, with the regular expressions it was built from. */
const registry = new WeakMap<object, { index: PhraseIndex; regexps: readonly object[] }>();

/** Files the index of a compiled set, built from the same lists as its matchers `regexps` (names, verbs, participles, sources, unnamed heads). */
export function registerIndex(compiled: object, index: PhraseIndex, regexps: readonly object[]): void {
  registry.set(compiled, { index, regexps });
}

/** The index of a compiled set, if it has one and its matchers are still those it was built from. */
export function indexOf(compiled: object, regexps: readonly object[]): PhraseIndex | null {
  const r = registry.get(compiled);
  if (!r || r.regexps.length !== regexps.length || r.regexps.some((x, i) => x !== regexps[i])) return null;
  return r.index;
}
