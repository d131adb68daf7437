import { invalidOption } from '../errors';
import { findLowerAsciiNorm, findMappedNorm, normId, normOf } from './vocabulary';
import { HASH_START, hashStep } from './word-ids';

/**
 * The tokenizer proper. A sentence is scanned once, character by character, into a token tape:
 * one Int32Array holding, per token, its start and end offsets, its kind and the vocabulary id
 * of its norm. Nothing else is made per token (a norm seen before is found in the vocabulary
 * from the characters themselves), which is what makes tokenizing cheap; `tokenize` in
 * tokens.ts makes Token objects from a tape for callers that want them.
 *
 * The tokens are those of this pattern, matched left to right (it is the specification; the
 * tests compare the scanner with it on every seed, NewsMTSC and NYT sentence and on random
 * strings):
 *
 *   ((?:\p{L}\.){2,}(?!\p{L}))                                   dotted acronym  "U.S."
 *   (\p{L}[\p{L}\p{M}]*(?:[-'’][\p{L}\p{M}]+)*?(?=['’][sS]\b))   a word before a possessive 's
 *   (['’][sS]\b)                                                 the possessive  "’s"
 *   (\p{L}[\p{L}\p{M}]*(?:[-'’]\p{L}[\p{L}\p{M}]*)*)             word            "US-Russia", "can’t"
 *   (\p{N}+(?:[.,:]\p{N}+)*%?)                                   number          "2,000", "3.5%"
 *   (\S)                                                         anything else, one code point
 */
export const TOKEN_PATTERN = /((?:\p{L}\.){2,}(?!\p{L}))|(\p{L}[\p{L}\p{M}]*(?:[-'’][\p{L}\p{M}]+)*?(?=['’][sS]\b))|(['’][sS]\b)|(\p{L}[\p{L}\p{M}]*(?:[-'’]\p{L}[\p{L}\p{M}]*)*)|(\p{N}+(?:[.,:]\p{N}+)*%?)|(\S)/gu;

/** Token kinds on a tape. */
export const WORD = 0;
export const NUMBER = 1;
export const PUNCT = 2;

/** Fields per token on a tape. */
const STRIDE = 4;

/**
 * The tokens of one text. Token `i` spans `text.slice(start(i), end(i))`; `id(i)` is the
 * vocabulary id of its norm (lower case, straight quotes). Read-only by convention: tapes are
 * shared between the analyses of a sentence.
 */
export class TokenTape {
  /** Token count. */
  readonly n: number;

  constructor(
    readonly text: string,
    /** Per token: start, end, kind, norm id. */
    readonly data: Int32Array,
  ) {
    this.n = data.length / STRIDE;
  }

  start(i: number): number {
    return this.data[i * STRIDE];
  }

  end(i: number): number {
    return this.data[i * STRIDE + 1];
  }

  /** {@link WORD}, {@link NUMBER} or {@link PUNCT}. */
  kind(i: number): number {
    return this.data[i * STRIDE + 2];
  }

  /** Vocabulary id of the token's norm. */
  id(i: number): number {
    return this.data[i * STRIDE + 3];
  }

  /** The token's norm (a string of the vocabulary: nothing is made). */
  norm(i: number): string {
    return normOf(this.data[i * STRIDE + 3]);
  }

  /** The token's text as written. */
  textOf(i: number): string {
    return this.text.slice(this.data[i * STRIDE], this.data[i * STRIDE + 1]);
  }

  /** The first UTF-16 unit of the token as written. */
  firstUnit(i: number): number {
    return this.text.charCodeAt(this.data[i * STRIDE]);
  }
}

// --- Character classes -----------------------------------------------------------------------

const LETTER = 1;
const MARK = 2;
const DIGIT = 4; // \p{N}
const SPACE = 8; // \s
const KNOWN = 16;

const classOfString = (s: string): number => KNOWN | (/\p{L}/u.test(s) ? LETTER : 0) | (/\p{M}/u.test(s) ? MARK : 0) | (/\p{N}/u.test(s) ? DIGIT : 0) | (/^\s$/u.test(s) ? SPACE : 0);

/** Classes of the BMP's units, worked out the first time a unit is seen (0: not yet). */
const BMP = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) BMP[c] = classOfString(String.fromCharCode(c));
const ASTRAL = new Map<number, number>();

/** Width in UTF-16 units of the code point last classified by {@link classAt}. */
let width = 1;

/** Classes of the code point at `p` (< text.length); sets {@link width}. */
function classAt(text: string, p: number): number {
  const c = text.charCodeAt(p);
  width = 1;
  if (c < 128) return BMP[c];
  if (c >= 0xd800 && c <= 0xdbff && p + 1 < text.length) {
    const d = text.charCodeAt(p + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      width = 2;
      const cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
      let k = ASTRAL.get(cp);
      if (k === undefined) ASTRAL.set(cp, (k = classOfString(String.fromCodePoint(cp))));
      return k;
    }
  }
  const k = BMP[c];
  return k !== 0 ? k : (BMP[c] = classOfString(String.fromCharCode(c)));
}

/** End of the run of letters and marks from `p`. */
function runOfLetters(text: string, p: number): number {
  const n = text.length;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (c < 128) {
      if ((BMP[c] & LETTER) === 0) break;
      p++;
    } else {
      if ((classAt(text, p) & (LETTER | MARK)) === 0) break;
      p += width;
    }
  }
  return p;
}

/** End of the run of \p{N} from `p`. */
function runOfDigits(text: string, p: number): number {
  const n = text.length;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (c < 128) {
      if (c < 48 || c > 57) break;
      p++;
    } else {
      if ((classAt(text, p) & DIGIT) === 0) break;
      p += width;
    }
  }
  return p;
}

const isApostrophe = (c: number): boolean => c === 0x27 || c === 0x2019;
const isJoiner = (c: number): boolean => c === 0x2d || c === 0x27 || c === 0x2019;
const isAsciiWordUnit = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** Whether a possessive `'s` / `’s` starts at `p` (followed by a word boundary, as `\b` sees it). */
function possessiveAt(text: string, p: number): boolean {
  if (!isApostrophe(text.charCodeAt(p))) return false;
  const s = text.charCodeAt(p + 1);
  if (s !== 0x73 && s !== 0x53) return false;
  return p + 2 >= text.length || !isAsciiWordUnit(text.charCodeAt(p + 2));
}

/** Whether the code point at `q` (< text.length) is a letter; sets {@link width}. */
function letterAt(text: string, q: number): boolean {
  const c = text.charCodeAt(q);
  if (c < 128) {
    width = 1;
    return (BMP[c] & LETTER) !== 0;
  }
  return (classAt(text, q) & LETTER) !== 0;
}

/** End of a dotted acronym starting with the letter at `p`, or -1. */
function acronymEnd(text: string, p: number): number {
  const n = text.length;
  let pairs = 0;
  let q = p;
  while (q < n && letterAt(text, q) && text.charCodeAt(q + width) === 0x2e) {
    q += width + 1;
    pairs++;
  }
  if (pairs < 2) return -1;
  return q < n && letterAt(text, q) ? -1 : q;
}

/**
 * End of the word starting with the letter at `p` (of width `w`): the word before a possessive
 * if there is one (the pattern's second group), else the whole word (its fourth group).
 */
function wordEnd(text: string, p: number, w: number): number {
  const n = text.length;
  const first = runOfLetters(text, p + w);
  // The word before a possessive: parts joined by - ' ’ and letters or marks, shortest first.
  for (let q = first; ; ) {
    if (possessiveAt(text, q)) return q;
    if (q + 1 < n && isJoiner(text.charCodeAt(q)) && (classAt(text, q + 1) & (LETTER | MARK)) !== 0) q = runOfLetters(text, q + 1);
    else break;
  }
  // The whole word: parts joined by - ' ’, each starting with a letter.
  let q = first;
  while (q + 1 < n && isJoiner(text.charCodeAt(q)) && letterAt(text, q + 1)) q = runOfLetters(text, q + 1 + width);
  return q;
}

/** End of a number starting at `p`. */
function numberEnd(text: string, p: number): number {
  const n = text.length;
  let q = runOfDigits(text, p);
  for (;;) {
    const c = text.charCodeAt(q);
    if ((c === 0x2e || c === 0x2c || c === 0x3a) && q + 1 < n && (classAt(text, q + 1) & DIGIT) !== 0) q = runOfDigits(text, q + 1);
    else break;
  }
  return text.charCodeAt(q) === 0x25 ? q + 1 : q;
}

// --- Norms -----------------------------------------------------------------------------------

/** Per unit up to U+201D, the unit as it is in a norm (ASCII lower-cased, the curly quotes straightened); -1 for a unit whose norm needs `toLowerCase`. */
const NORM_UNITS = new Int32Array(0x201e).fill(-1);
for (let c = 0; c < 128; c++) NORM_UNITS[c] = c >= 65 && c <= 90 ? c + 32 : c === 0x60 ? 0x27 : c;
NORM_UNITS[0x2018] = NORM_UNITS[0x2019] = NORM_UNITS[0xb4] = 0x27;
NORM_UNITS[0x201c] = NORM_UNITS[0x201d] = 0x22;

/** A unit as it is in a norm, for units whose norm is one unit (ASCII and the curly quotes); -1 otherwise. */
function normUnit(c: number): number {
  return c < 0x201e ? NORM_UNITS[c] : -1;
}

const CURLY = /[‘’`´“”]/;

/** Lower case, straight quotes: the key used for lexicons. */
export function normalizeToken(text: string): string {
  const lower = text.toLowerCase();
  return CURLY.test(lower) ? lower.replace(/[‘’`´]/g, "'").replace(/[“”]/g, '"') : lower;
}

/** The vocabulary id of the norm of `text[start..end)`. */
function idOf(text: string, start: number, end: number): number {
  let h = HASH_START;
  for (let q = start; q < end; q++) {
    const u = normUnit(text.charCodeAt(q));
    if (u < 0) return normId(normalizeToken(text.slice(start, end)));
    h = hashStep(h, u);
  }
  const id = findMappedNorm(h, text, start, end, normUnit);
  return id >= 0 ? id : normId(normalizeToken(text.slice(start, end)));
}

// --- Scanning --------------------------------------------------------------------------------

let scratch = new Int32Array(256 * STRIDE);

/** Ids of the one-unit ASCII tokens (punctuation, digits, one-letter words), found once: ids never change. */
const ASCII_IDS = new Int32Array(128).fill(-1);

/** Whether a unit is an ASCII letter. */
const isAsciiLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/** Vocabulary id of the word {@link plainWordEnd} last found. */
let plainWordId = -1;

/**
 * The common case of a word, from the ASCII letter at `p`: a run of ASCII letters ended by an
 * ASCII unit that cannot continue a word (not a letter, `-`, an apostrophe, nor a `.` after the
 * first letter, which may make an acronym). Its end, its id in {@link plainWordId} (the run is
 * hashed as it is read); -1 when the general rules must decide.
 */
function plainWordEnd(text: string, p: number): number {
  const n = text.length;
  const c = text.charCodeAt(p);
  if (text.charCodeAt(p + 1) === 0x2e) return -1;
  const lower = c <= 90 ? c + 32 : c;
  let h = hashStep(HASH_START, lower);
  let q = p + 1;
  let d = q < n ? text.charCodeAt(q) : 32;
  while (isAsciiLetter(d)) {
    h = hashStep(h, d <= 90 ? d + 32 : d);
    d = ++q < n ? text.charCodeAt(q) : 32;
  }
  if (d >= 128 || d === 0x2d || d === 0x27) return -1;
  let id = q - p === 1 ? ASCII_IDS[lower] : findLowerAsciiNorm(h, text, p, q);
  if (id < 0) {
    id = normId(text.slice(p, q).toLowerCase());
    if (q - p === 1) ASCII_IDS[lower] = id;
  }
  plainWordId = id;
  return q;
}

/** Scans a text into a new tape. */
export function scanTape(text: string): TokenTape {
  if (typeof text !== 'string') invalidOption('text', 'a string', text);
  const n = text.length;
  let k = 0;
  for (let p = 0; p < n; ) {
    const c = text.charCodeAt(p);
    let cls: number;
    let w = 1;
    if (c < 128) cls = BMP[c];
    else {
      cls = classAt(text, p);
      w = width;
    }
    if ((cls & SPACE) !== 0) {
      p += w;
      continue;
    }
    let kind = WORD;
    let id = -1;
    let end = c < 128 && (cls & LETTER) !== 0 ? plainWordEnd(text, p) : -1;
    if (end >= 0) {
      id = plainWordId;
    } else if ((cls & LETTER) !== 0) {
      end = acronymEnd(text, p);
      if (end < 0) end = wordEnd(text, p, w);
    } else if (possessiveAt(text, p)) {
      end = p + 2;
    } else if ((cls & DIGIT) !== 0) {
      end = numberEnd(text, p);
      kind = NUMBER;
    } else {
      end = p + w;
      kind = PUNCT;
      if (c < 128) {
        id = ASCII_IDS[c];
        if (id < 0) id = ASCII_IDS[c] = idOf(text, p, end);
      }
    }
    if (k + STRIDE > scratch.length) {
      const grown = new Int32Array(scratch.length * 2);
      grown.set(scratch);
      scratch = grown;
    }
    scratch[k] = p;
    scratch[k + 1] = end;
    scratch[k + 2] = kind;
    scratch[k + 3] = id >= 0 ? id : idOf(text, p, end);
    k += STRIDE;
    p = end;
  }
  return new TokenTape(text, scratch.slice(0, k));
}

// The last few texts' tapes: sentiment, claim cues and stance each read the same sentence and
// scan it once.
const RECENT = 8;
const recent = new Map<string, TokenTape>();

/** The tape of a text, shared with other calls on the same text (read it, never write it). */
export function tapeOf(text: string): TokenTape {
  const hit = recent.get(text);
  if (hit !== undefined) return hit;
  const tape = scanTape(text);
  if (recent.size >= RECENT) recent.delete(recent.keys().next().value as string);
  recent.set(text, tape);
  return tape;
}
