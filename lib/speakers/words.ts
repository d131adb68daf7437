/**
 * One pass over a sentence that collects what the speaker attribution reads character by
 * character: its words (maximal runs of letters and digits, `[\p{L}\p{N}]+` by code point) and
 * where its quotation marks are.
 *
 * Each word gets a hash of its letters folded to lower case, for the phrase index, which looks
 * up "plain" words only (ASCII letters and digits, and the Kelvin sign, which lower-cases to
 * "k"): a word with any other letter or digit never equals an indexed phrase word.
 */

import * as chars from './chars';

// Bound once: under tsx every use of an imported name is a property getter call, too slow per character.
const { isWordPoint, pointAt } = chars;

/** A character that joins two runs of letters and digits into one written word: ’ ' . - ‐ ‑. */
function isJoiner(c: number): boolean {
  return c === 0x2019 || c === 0x27 || c === 0x2e || c === 0x2d || c === 0x2010 || c === 0x2011;
}

/** One step of the folded-word hash. */
function hashStep(h: number, folded: number): number {
  return (Math.imul(h, 31) + folded) | 0;
}

/** Hash of a word already folded to lower case, as {@link Words.read} computes it. */
export function hashOf(folded: string): number {
  let h = 0;
  for (let i = 0; i < folded.length; i++) h = hashStep(h, folded.charCodeAt(i));
  return h;
}

/** ASCII letters and digits folded to lower case, by character code; -1 for other characters. */
const FOLDED = Int16Array.from({ length: 128 }, (_, c) => (c >= 65 && c <= 90 ? c | 32 : (c >= 97 && c <= 122) || (c >= 48 && c <= 57) ? c : -1));

/** `c` folded to lower-case ASCII when it is an ASCII letter or digit (or the Kelvin sign), else -1. */
function foldedUnit(c: number): number {
  if (c < 128) return FOLDED[c];
  return c === 0x212a ? 107 : -1;
}

/** What {@link foldedAt} returns for a character that is not a plain letter or digit. */
const SEPARATOR = -1;
const MARK = -2; // a quotation mark: " ' « » or one of ‘ ’ ‚ ‛ “ ” „
const OTHER_LETTER = 0; // another letter or digit
const OTHER_PAIR = 1; // another letter or digit written as a surrogate pair

/** ASCII characters by code: folded letter or digit, MARK or SEPARATOR. */
const ASCII_CLASS = Int16Array.from({ length: 128 }, (_, c) => (FOLDED[c] >= 0 ? FOLDED[c] : c === 0x22 || c === 0x27 ? MARK : SEPARATOR));

/**
 * The character at `i`: a plain letter or digit folded to lower-case ASCII (the Kelvin sign
 * as "k"), OTHER_LETTER or OTHER_PAIR for any other letter or digit, else MARK or SEPARATOR.
 */
function foldedAt(text: string, i: number, n: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_CLASS[c];
  if (c === 0x212a) return 107;
  if (c === 0xab || c === 0xbb || (c >= 0x2018 && c <= 0x201e)) return MARK;
  const cp = pointAt(text, i, n);
  if (!isWordPoint(cp)) return SEPARATOR;
  return cp > 0xffff ? OTHER_PAIR : OTHER_LETTER;
}

/** An array twice as long, with the values of `a` in front. */
function grownInt(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** An array twice as long, with the values of `a` in front. */
function grownByte(a: Uint8Array): Uint8Array {
  const b = new Uint8Array(a.length * 2);
  b.set(a);
  return b;
}

/** The words and quotation marks of one text, in reusable buffers (one text at a time). */
export class Words {
  /** Number of words. */
  count = 0;
  /** Per word: where it starts and ends (UTF-16 offsets), its folded hash, whether it is plain, its code points. */
  start: Int32Array = new Int32Array(64);
  end: Int32Array = new Int32Array(64);
  hash: Int32Array = new Int32Array(64);
  plain: Uint8Array = new Uint8Array(64);
  points: Int32Array = new Int32Array(64);
  /** Letters and digits (code points) in the text. */
  letters = 0;
  /** Offsets of the quotation marks, in order. */
  marks: Int32Array = new Int32Array(16);
  markCount = 0;

  /** Reads the words and marks of `text`, replacing those of the previous text. */
  read(text: string): this {
    const n = text.length;
    this.reserve((n >> 1) + 1, n);
    const { start, end, hash, plain, points, marks } = this;
    let count = 0;
    let markCount = 0;
    let letters = 0;
    let i = 0;
    while (i < n) {
      // Between words: skip to the next letter or digit, noting quotation marks.
      let folded = foldedAt(text, i, n);
      if (folded < 0) {
        if (folded === MARK) marks[markCount++] = i;
        i++;
        continue;
      }
      // A word: fold and hash it up to the next character that is not a letter or digit.
      const from = i;
      let h = 0;
      let isPlain = 1;
      let astral = 0; // surrogate pairs in it
      for (;;) {
        if (folded === OTHER_LETTER) isPlain = 0;
        else if (folded === OTHER_PAIR) {
          isPlain = 0;
          astral++;
          i++;
        } else h = hashStep(h, folded);
        if (++i >= n) break;
        folded = foldedAt(text, i, n);
        if (folded < 0) break;
      }
      start[count] = from;
      end[count] = i;
      hash[count] = h;
      plain[count] = isPlain;
      points[count] = i - from - astral;
      letters += i - from - astral;
      count++;
    }
    this.count = count;
    this.markCount = markCount;
    this.letters = letters;
    return this;
  }

  /** Copies into `into` the words outside the given spans (in order, apart; no word straddles one). */
  copyOutside(spans: ReadonlyArray<{ start: number; end: number }>, into: Words): Words {
    into.count = 0;
    into.markCount = 0;
    into.letters = 0;
    let s = 0;
    for (let k = 0; k < this.count; k++) {
      while (s < spans.length && spans[s].end <= this.start[k]) s++;
      if (s < spans.length && spans[s].start <= this.start[k] && this.end[k] <= spans[s].end) continue;
      into.push(this.start[k], this.end[k], this.hash[k], this.plain[k], this.points[k]);
    }
    return into;
  }

  /** Whether word `k` of `text`, folded to lower case, is `folded` (lower-case ASCII). */
  foldedEquals(text: string, k: number, folded: string): boolean {
    const s = this.start[k];
    if (this.end[k] - s !== folded.length) return false;
    for (let j = 0; j < folded.length; j++) if (foldedUnit(text.charCodeAt(s + j)) !== folded.charCodeAt(j)) return false;
    return true;
  }

  /** Whether word `k` of `text` is exactly `word`. */
  equals(text: string, k: number, word: string): boolean {
    const s = this.start[k];
    return this.end[k] - s === word.length && text.startsWith(word, s);
  }

  /**
   * Whether word `k` goes on from the word before it as one written word: a single joiner
   * (’ ' . - ‐ ‑) between them ("Trump’s", "U.S.", "co-author").
   */
  joinedToPrevious(text: string, k: number): boolean {
    return k > 0 && this.start[k] - this.end[k - 1] === 1 && isJoiner(text.charCodeAt(this.end[k - 1]));
  }

  /**
   * The written word that starts at word `k`, as the global expression
   * `[\p{L}\p{N}]+(?:[’'.\-‐‑][\p{L}\p{N}]+)*` (flag u) finds it (words joined by single
   * joiners), as [start, end); null when word `k` goes on from the word before it.
   */
  writtenWordAt(text: string, k: number): [number, number] | null {
    if (this.joinedToPrevious(text, k)) return null;
    let last = k;
    while (last + 1 < this.count && this.joinedToPrevious(text, last + 1)) last++;
    return [this.start[k], this.end[last]];
  }

  /**
   * Written words (see {@link writtenWordAt}) and letters and digits between `start` and `end`,
   * offsets that no word straddles: what the expressions count in `text.slice(start, end)`.
   */
  countIn(text: string, start: number, end: number): { words: number; letters: number } {
    let words = 0;
    let letters = 0;
    for (let k = 0; k < this.count && this.start[k] < end; k++) {
      if (this.start[k] < start) continue;
      letters += this.points[k];
      if (!(k > 0 && this.start[k - 1] >= start && this.joinedToPrevious(text, k))) words++;
    }
    return { words, letters };
  }

  /** Whether a word starts before offset `pos`. */
  hasWordBefore(pos: number): boolean {
    return this.count > 0 && this.start[0] < pos;
  }

  /** Makes room for `words` words and `marks` marks. */
  private reserve(words: number, marks: number): void {
    while (this.start.length < words) this.grow();
    while (this.marks.length < marks) this.marks = grownInt(this.marks);
  }

  private push(start: number, end: number, h: number, plain: number, points: number): void {
    if (this.count === this.start.length) this.grow();
    const k = this.count++;
    this.start[k] = start;
    this.end[k] = end;
    this.hash[k] = h;
    this.plain[k] = plain;
    this.points[k] = points;
    this.letters += points;
  }

  private grow(): void {
    this.start = grownInt(this.start);
    this.end = grownInt(this.end);
    this.hash = grownInt(this.hash);
    this.plain = grownByte(this.plain);
    this.points = grownInt(this.points);
  }
}
