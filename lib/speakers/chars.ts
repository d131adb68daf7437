/**
 * Character classes for the hand-written scanners of the speaker attribution: the same answers
 * as the regular expressions `\s`, `\p{L}` and `[\p{L}\p{N}]`, looked up by character code (and
 * cached) instead of running a regular expression on a one-character string.
 */

const LETTER = 1;
const LETTER_OR_DIGIT = 2;
const SPACE = 4;
const KNOWN = 8;
const UPPER = 16;

/** Class bits of every UTF-16 code unit, filled in on first use. */
const unitBits = new Uint8Array(0x10000);
/** Class bits of code points above U+FFFF (letters and digits only: no space is astral). */
const astralBits = new Map<number, number>();

function classify(ch: string): number {
  let bits = KNOWN;
  if (/\p{L}/u.test(ch)) bits |= LETTER;
  if (/[\p{L}\p{N}]/u.test(ch)) bits |= LETTER_OR_DIGIT;
  if (/\s/.test(ch)) bits |= SPACE;
  if (/\p{Lu}/u.test(ch)) bits |= UPPER;
  return bits;
}

/** Class bits of a code unit (a lone surrogate is neither a letter nor a space). */
function bitsOfUnit(c: number): number {
  let b = unitBits[c];
  if (b === 0) {
    b = classify(String.fromCharCode(c));
    unitBits[c] = b;
  }
  return b;
}

/** Class bits of a code point. */
function bitsOf(cp: number): number {
  if (cp < 0x10000) return bitsOfUnit(cp);
  let b = astralBits.get(cp);
  if (b === undefined) {
    b = classify(String.fromCodePoint(cp));
    astralBits.set(cp, b);
  }
  return b;
}

/** `/\s/.test(String.fromCharCode(c))`. */
export function isSpaceUnit(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (bitsOfUnit(c) & SPACE) !== 0;
}

/** `/[\p{L}\p{N}]/u.test(String.fromCharCode(c))` for one code unit (false for a surrogate). */
export function isWordUnit(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return (bitsOfUnit(c) & LETTER_OR_DIGIT) !== 0;
}

/** `/[\p{L}\p{N}]/u` for a code point. */
export function isWordPoint(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57);
  return (bitsOf(cp) & LETTER_OR_DIGIT) !== 0;
}

/** `/\p{L}/u` for a code point. */
export function isLetterPoint(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90);
  return (bitsOf(cp) & LETTER) !== 0;
}

/** `/\p{Lu}/u` for a code point. */
export function isUpperPoint(cp: number): boolean {
  if (cp < 128) return cp >= 65 && cp <= 90;
  return (bitsOf(cp) & UPPER) !== 0;
}

/** `s.toLowerCase()`, without the call when `s` has no capital and nothing beyond ASCII. */
export function toLower(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || (c >= 65 && c <= 90)) return s.toLowerCase();
  }
  return s;
}

/**
 * The code point that ends at `pos` in `s`, reading no code unit below `floor` (a regular
 * expression run on `s.slice(floor)` sees a surrogate pair cut at `floor` as a lone surrogate).
 * Its length is 2 for a surrogate pair, else 1.
 */
export function pointBefore(s: string, pos: number, floor: number): number {
  const c = s.charCodeAt(pos - 1);
  if (c >= 0xdc00 && c <= 0xdfff && pos - 2 >= floor) {
    const h = s.charCodeAt(pos - 2);
    if (h >= 0xd800 && h <= 0xdbff) return ((h - 0xd800) << 10) + (c - 0xdc00) + 0x10000;
  }
  return c;
}

/** The code point that starts at `pos` in `s`, reading no code unit at or above `end`. */
export function pointAt(s: string, pos: number, end: number): number {
  const c = s.charCodeAt(pos);
  if (c >= 0xd800 && c <= 0xdbff && pos + 1 < end) {
    const l = s.charCodeAt(pos + 1);
    if (l >= 0xdc00 && l <= 0xdfff) return ((c - 0xd800) << 10) + (l - 0xdc00) + 0x10000;
  }
  return c;
}

/** UTF-16 length of a code point. */
export function pointLength(cp: number): number {
  return cp > 0xffff ? 2 : 1;
}
