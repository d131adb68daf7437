/**
 * Backward scans over a sentence for the clause heuristics of the speaker attribution. Each
 * gives exactly what the regular expression in its comment gives on the slice it names, without
 * slicing the sentence or running the expression.
 */

import * as chars from './chars';

// Bound once: under tsx every use of an imported name is a property getter call, too slow per character.
const { isLetterPoint, isSpaceUnit, isWordPoint, pointAt, pointBefore, pointLength, toLower } = chars;

/** A character of a word in {@link lastWord} and {@link trailingWord}: `[\p{L}\p{N}.’'\-‐‑]`. */
function isWordLike(cp: number): boolean {
  return cp === 0x2e || cp === 0x2019 || cp === 0x27 || cp === 0x2d || cp === 0x2010 || cp === 0x2011 || isWordPoint(cp);
}

/** {@link isWordLike} for ASCII, by character code. */
const ASCII_WORD_LIKE = Uint8Array.from({ length: 128 }, (_, c) => (isWordLike(c) ? 1 : 0));

/** Whether `pos` is an offset `s.slice(…, pos)` takes as it is (an integer within the text). */
function isOffset(s: string, pos: number): boolean {
  return Number.isInteger(pos) && pos >= 0 && pos <= s.length;
}

/** Start of the run of spaces that ends at `pos`, reading no code unit below `floor`. */
export function spacesStart(s: string, pos: number, floor = 0): number {
  let p = pos;
  while (p > floor && isSpaceUnit(s.charCodeAt(p - 1))) p--;
  return p;
}

/** End of the run of spaces that starts at `pos` (`\s`, which is also what `trimStart` removes). */
export function spacesEnd(s: string, pos: number): number {
  let p = pos;
  while (p < s.length && isSpaceUnit(s.charCodeAt(p))) p++;
  return p;
}

/** Start of the run of word-like characters (see {@link isWordLike}) that ends at `pos`, reading no code unit below `floor`. */
function wordLikeStart(s: string, pos: number, floor: number): number {
  let p = pos;
  while (p > floor) {
    const c = s.charCodeAt(p - 1);
    if (c < 128) {
      if (ASCII_WORD_LIKE[c] === 0) break;
      p--;
      continue;
    }
    const cp = pointBefore(s, p, floor);
    if (!isWordLike(cp)) break;
    p -= pointLength(cp);
  }
  return p;
}

const LAST_WORD = /(?:^|[\s(])([\p{L}\p{N}][\p{L}\p{N}.’'\-‐‑]*)\s+$/u;

/**
 * The word before `pos` (separated from it by spaces only), looking back a bounded stretch:
 * `/(?:^|[\s(])([\p{L}\p{N}][\p{L}\p{N}.’'\-‐‑]*)\s+$/u` on the 60 characters before `pos`.
 */
export function lastWord(s: string, pos: number): { w: string; start: number } | null {
  const from = Math.max(0, pos - 60);
  if (!isOffset(s, pos)) {
    const m = LAST_WORD.exec(s.slice(from, pos));
    return m ? { w: m[1], start: from + m.index + m[0].indexOf(m[1]) } : null;
  }
  const end = spacesStart(s, pos, from);
  if (end === pos) return null; // no space before pos
  const start = wordLikeStart(s, end, from);
  if (start === end || !isWordPoint(pointAt(s, start, end))) return null;
  if (start > from) {
    const before = s.charCodeAt(start - 1);
    if (before !== 0x28 && !isSpaceUnit(before)) return null; // "(" or a space
  }
  return { w: s.slice(start, end), start };
}

const TRAILING_WORD = /([\p{L}][\p{L}\p{N}.’'\-‐‑]*)$/u;

/**
 * The word that ends at `end`, from its first letter: `/([\p{L}][\p{L}\p{N}.’'\-‐‑]*)$/u` on the
 * 60 characters before `end`; null when there is none.
 */
export function trailingWord(s: string, end: number): string | null {
  const from = Math.max(0, end - 60);
  if (!isOffset(s, end)) return TRAILING_WORD.exec(s.slice(from, end))?.[1] ?? null;
  let p = wordLikeStart(s, end, from);
  while (p < end) {
    const cp = pointAt(s, p, end);
    if (isLetterPoint(cp)) return s.slice(p, end);
    p += pointLength(cp);
  }
  return null;
}

/** Characters after which a new clause starts. */
const CLAUSE_MARKS = ',;:—–(”"»’\'';

/**
 * Whether a subject starting at `pos` starts a main clause: at the start, after punctuation or
 * a quote (spaces between allowed), or after one of the conjunctions `conj` (lower case).
 */
export function clauseStart(masked: string, pos: number, conj: ReadonlySet<string>): boolean {
  if (!isOffset(masked, pos)) return clauseStartSlow(masked, pos, conj);
  const end = spacesStart(masked, pos);
  if (end === 0) return true;
  if (CLAUSE_MARKS.includes(masked[end - 1])) return true;
  // The letters right before: `/(\p{L}+)$/u`.
  let start = end;
  while (start > 0) {
    const cp = pointBefore(masked, start, 0);
    if (!isLetterPoint(cp)) break;
    start -= pointLength(cp);
  }
  return start < end && conj.has(toLower(masked.slice(start, end)));
}

/** {@link clauseStart} for any `pos`, as the regular expressions read it. */
function clauseStartSlow(masked: string, pos: number, conj: ReadonlySet<string>): boolean {
  const before = masked.slice(0, pos).replace(/\s+$/u, '');
  if (before === '') return true;
  const last = before[before.length - 1];
  if (CLAUSE_MARKS.includes(last)) return true;
  const w = /(\p{L}+)$/u.exec(before);
  return w !== null && conj.has(w[1].toLowerCase());
}

/** `pos` moved back over the spaces before it (`/\s/u`, one character at a time). */
export function trimEnd(masked: string, pos: number): number {
  if (!isOffset(masked, pos)) {
    let p = pos;
    while (p > 0 && /\s/u.test(masked[p - 1])) p--;
    return p;
  }
  return spacesStart(masked, pos);
}
