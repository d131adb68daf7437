/**
 * Quotation marks across the sentences of an article: which stretches of each sentence are
 * inside quotes, and whether a quote opened in one sentence goes on into the next (within a
 * paragraph, or into the next paragraph when that one opens with a quotation mark again, the
 * convention for a quote running over several paragraphs).
 */

import * as chars from './chars';
import { Words } from './words';

// Bound once: under tsx every use of an imported name is a property getter call, too slow per character.
const { isSpaceUnit, isWordUnit } = chars;

/** A stretch of a sentence inside quotation marks. */
export interface QuoteSpan {
  /** Offsets of the quoted text, without the marks: `text.slice(start, end)`. */
  start: number;
  end: number;
  /** Offset of the opening mark, or -1 when the quote was opened in an earlier sentence. */
  open: number;
  /** Offset of the closing mark, or -1 when the quote goes on past the end of the sentence. */
  close: number;
  /** Words inside the marks. */
  words: number;
  /** A quotation rather than scare quotes: at least `minWords` words, or running across a sentence boundary. */
  real: boolean;
}

/** The quotes of one sentence. */
export interface SentenceQuotes {
  spans: QuoteSpan[];
  /** The sentence starts inside a quote opened in the previous sentence. */
  continues: boolean;
  /** A quote is still open at the end of the sentence (and the next sentence continues it, if it does). */
  openAtEnd: boolean;
  /** Letters and digits in the sentence, and how many of them are inside real quotes. */
  letters: number;
  quotedLetters: number;
}

type Mark = 'double' | 'straight' | 'single';

// Quotation marks by character code.
const LDQUO = 0x201c; // “
const RDQUO = 0x201d; // ”
const BDQUO = 0x201e; // „
const LAQUO = 0x00ab; // «
const RAQUO = 0x00bb; // »
const LSQUO = 0x2018; // ‘
const RSQUO = 0x2019; // ’
const QUOT = 0x22; // "
const APOS = 0x27; // '

/** A letter or digit at `i` (one code unit; false past either end of the text). */
function wordAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isWordUnit(text.charCodeAt(i));
}

/** A space at `i`, or past either end of the text. */
function spaceAt(text: string, i: number): boolean {
  return i < 0 || i >= text.length || isSpaceUnit(text.charCodeAt(i));
}

/** The opening mark a quote of this kind is re-opened with at the start of a continuing paragraph. */
function reopens(mark: Mark, c: number): boolean {
  if (mark === 'double') return c === LDQUO || c === LAQUO || c === BDQUO || c === QUOT;
  if (mark === 'straight') return c === QUOT || c === LDQUO;
  return c === LSQUO;
}

/** Index of the first non-space character, or -1 (`text.search(/\S/)`). */
function firstNonSpace(text: string): number {
  for (let i = 0; i < text.length; i++) if (!isSpaceUnit(text.charCodeAt(i))) return i;
  return -1;
}

/** Whether the mark `c` at `i` closes an open double or straight quote. */
function closesQuote(open: 'double' | 'straight', text: string, c: number, i: number): boolean {
  if (open === 'straight') return c === QUOT || c === RDQUO;
  return c === RDQUO || c === RAQUO || c === QUOT || (c === LDQUO && !spaceAt(text, i - 1) && !wordAt(text, i + 1));
}

/**
 * Finds the quotes of every sentence, tracking quotes that stay open across sentences.
 * Double quotes (“…”, «…», „…“, "…") may run over several sentences and paragraphs; single
 * quotes (‘…’, '…') are closed within their sentence or ignored, since ’ is also the apostrophe.
 */
export function scanQuotes(sentences: ReadonlyArray<{ text: string; paragraph: number }>, minWords = 3): SentenceQuotes[] {
  const out: SentenceQuotes[] = [];
  const scanner = new QuoteScanner(minWords);
  const words = new Words();
  for (const sentence of sentences) out.push(scanner.next(sentence, words.read(sentence.text)));
  return out;
}

/**
 * {@link scanQuotes} one sentence at a time, on the words and marks of each sentence read
 * beforehand ({@link Words.read}), so that a caller that needs the words too reads them once.
 */
export class QuoteScanner {
  /** The quote left open by the sentences so far. */
  private open: Mark | null = null;
  private prevParagraph: number | undefined;

  constructor(private readonly minWords: number) {}

  /** The quotes of the next sentence; `words` are the words and marks of its text. */
  next(sentence: { text: string; paragraph: number }, words: Words): SentenceQuotes {
    const text = sentence.text;
    let open = this.open;
    let skip = -1; // index of a re-opening mark at the start of a continuing paragraph
    if (open !== null && this.prevParagraph !== undefined && sentence.paragraph !== this.prevParagraph) {
      const first = firstNonSpace(text);
      if (first >= 0 && reopens(open, text.charCodeAt(first))) skip = first;
      else open = null; // an unclosed quote that does not go on: drop it
    }
    this.prevParagraph = sentence.paragraph;
    const continues = open !== null;
    const spans: QuoteSpan[] = [];
    let spanStart = continues ? (skip >= 0 ? skip + 1 : 0) : 0;
    let spanOpen = continues ? -1 : 0;
    let singleStart = -1;
    let quotedLetters = 0;
    // Only quotation marks change the state: visit them alone.
    for (let m = 0; m < words.markCount; m++) {
      const i = words.marks[m];
      const c = text.charCodeAt(i);
      if (i === skip) continue;
      if (open === 'double' || open === 'straight') {
        if (closesQuote(open, text, c, i)) {
          quotedLetters += this.push(spans, words, text, spanStart, i, spanOpen, i);
          open = null;
        }
        continue;
      }
      if (open === 'single') {
        if ((c === RSQUO || c === APOS) && !wordAt(text, i + 1) && !spaceAt(text, i - 1)) {
          quotedLetters += this.push(spans, words, text, singleStart, i, spanOpen, i);
          open = null;
        }
        continue;
      }
      // Not inside a quote.
      if (c === LDQUO || c === LAQUO || c === BDQUO) {
        open = 'double';
      } else if (c === QUOT) {
        open = 'straight';
      } else if (c === RDQUO && spaceAt(text, i - 1) && wordAt(text, i + 1)) {
        open = 'double'; // a closing mark used as an opener
      } else if (c === RDQUO || c === RAQUO) {
        // A closing mark with no opener: the quote began before this sentence.
        if (spans.length === 0 && words.hasWordBefore(i)) quotedLetters += this.push(spans, words, text, 0, i, -1, i);
        continue;
      } else if ((c === LSQUO || c === APOS) && !wordAt(text, i - 1) && wordAt(text, i + 1)) {
        open = 'single';
        singleStart = i + 1;
        spanOpen = i;
        continue;
      } else {
        continue;
      }
      spanStart = i + 1;
      spanOpen = i;
    }
    if (open === 'single') open = null; // an unclosed single quote is an apostrophe, not a quote
    if (open !== null) quotedLetters += this.push(spans, words, text, spanStart, text.length, spanOpen, -1);
    this.open = open;
    return { spans, continues, openAtEnd: open !== null, letters: words.letters, quotedLetters };
  }

  /**
   * Adds the span from `start` to `end` (offsets next to marks or at the ends of the text, so no
   * word straddles them); returns its letters and digits if it is a real quote, else 0.
   */
  private push(spans: QuoteSpan[], words: Words, text: string, start: number, end: number, open: number, close: number): number {
    const count = words.countIn(text, start, end);
    const real = count.words >= this.minWords || open < 0 || close < 0;
    spans.push({ start, end, open, close, words: count.words, real });
    return real ? count.letters : 0;
  }
}

/** Whether the spans are in order, apart and inside the text: then masking needs no character array. */
function orderedSpans(text: string, spans: readonly QuoteSpan[]): boolean {
  let at = 0;
  for (const s of spans) {
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < at || s.end < s.start || s.end > text.length) return false;
    at = s.end;
  }
  return true;
}

/** Characters turned into a string at a time by {@link maskRange} (well below the engines' argument limits). */
const MASK_CHUNK = 4096;

/** `text.slice(start, end)` with every non-space character (UTF-16 unit) replaced by `·`. */
function maskRange(text: string, start: number, end: number): string {
  let out = '';
  for (let from = start; from < end; from += MASK_CHUNK) {
    const to = Math.min(end, from + MASK_CHUNK);
    const codes: number[] = [];
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      codes.push(isSpaceUnit(c) ? c : 0xb7);
    }
    out += String.fromCharCode.apply(null, codes);
  }
  return out;
}

/**
 * The sentence with the inside of every quote replaced by `·` (marks kept, length unchanged), so
 * that names and verbs inside quotes are not taken for attribution.
 */
export function maskQuotes(text: string, spans: readonly QuoteSpan[]): string {
  if (spans.length === 0) return text;
  if (!orderedSpans(text, spans)) return maskAnySpans(text, spans);
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + maskRange(text, s.start, s.end);
    at = s.end;
  }
  return out + text.slice(at);
}

/** {@link maskQuotes} for spans that overlap, are out of order or reach past the text. */
function maskAnySpans(text: string, spans: readonly QuoteSpan[]): string {
  const chars = [...text.split('')];
  for (const s of spans) for (let i = s.start; i < s.end; i++) if (!/\s/.test(chars[i])) chars[i] = '·';
  return chars.join('');
}
