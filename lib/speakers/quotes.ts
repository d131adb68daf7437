/**
 * Quotation marks across the sentences of an article: which stretches of each sentence are
 * inside quotes, and whether a quote opened in one sentence goes on into the next (within a
 * paragraph, or into the next paragraph when that one opens with a quotation mark again, the
 * convention for a quote running over several paragraphs).
 */

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

const WORD = /[\p{L}\p{N}]+(?:[’'.\-‐‑][\p{L}\p{N}]+)*/gu;
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c);

function countWords(s: string): number {
  return s.match(WORD)?.length ?? 0;
}

function countLetters(s: string): number {
  let n = 0;
  for (const ch of s) if (isWordChar(ch)) n++;
  return n;
}

/** The opening mark a quote of this kind is re-opened with at the start of a continuing paragraph. */
function reopens(mark: Mark, c: string | undefined): boolean {
  if (mark === 'double') return c === '“' || c === '«' || c === '„' || c === '"';
  if (mark === 'straight') return c === '"' || c === '“';
  return c === '‘';
}

/**
 * Finds the quotes of every sentence, tracking quotes that stay open across sentences.
 * Double quotes (“…”, «…», „…“, "…") may run over several sentences and paragraphs; single
 * quotes (‘…’, '…') are closed within their sentence or ignored, since ’ is also the apostrophe.
 */
export function scanQuotes(sentences: ReadonlyArray<{ text: string; paragraph: number }>, minWords = 3): SentenceQuotes[] {
  const out: SentenceQuotes[] = [];
  let open: Mark | null = null;
  let prevParagraph: number | undefined;
  for (const sentence of sentences) {
    const text = sentence.text;
    let skip = -1; // index of a re-opening mark at the start of a continuing paragraph
    if (open !== null && prevParagraph !== undefined && sentence.paragraph !== prevParagraph) {
      const first = text.search(/\S/);
      if (first >= 0 && reopens(open, text[first])) skip = first;
      else open = null; // an unclosed quote that does not go on: drop it
    }
    prevParagraph = sentence.paragraph;
    const continues = open !== null;
    const spans: QuoteSpan[] = [];
    let spanStart = continues ? (skip >= 0 ? skip + 1 : 0) : 0;
    let spanOpen = continues ? -1 : 0;
    let singleStart = -1;
    const push = (start: number, end: number, openAt: number, closeAt: number): void => {
      const words = countWords(text.slice(start, end));
      spans.push({ start, end, open: openAt, close: closeAt, words, real: words >= minWords || openAt < 0 || closeAt < 0 });
    };
    for (let i = 0; i < text.length; i++) {
      if (i === skip) continue;
      const c = text[i];
      const prev = text[i - 1];
      const next = text[i + 1];
      if (open === 'double' || open === 'straight') {
        const closes =
          (open === 'double' && (c === '”' || c === '»' || c === '"' || (c === '“' && !isSpace(prev) && !isWordChar(next)))) || (open === 'straight' && (c === '"' || c === '”'));
        if (closes) {
          push(spanStart, i, spanOpen, i);
          open = null;
        }
        continue;
      }
      if (open === 'single') {
        if ((c === '’' || c === "'") && !isWordChar(next) && !isSpace(prev)) {
          push(singleStart, i, spanOpen, i);
          open = null;
        }
        continue;
      }
      // Not inside a quote.
      if (c === '“' || c === '«' || c === '„') {
        open = 'double';
      } else if (c === '"') {
        open = 'straight';
      } else if (c === '”' && isSpace(prev) && isWordChar(next)) {
        open = 'double'; // a closing mark used as an opener
      } else if (c === '”' || c === '»') {
        // A closing mark with no opener: the quote began before this sentence.
        if (spans.length === 0 && countWords(text.slice(0, i)) > 0) push(0, i, -1, i);
        continue;
      } else if ((c === '‘' || c === "'") && !isWordChar(prev) && isWordChar(next)) {
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
    if (open !== null) push(spanStart, text.length, spanOpen, -1);
    const letters = countLetters(text);
    const quotedLetters = spans.filter((s) => s.real).reduce((n, s) => n + countLetters(text.slice(s.start, s.end)), 0);
    out.push({ spans, continues, openAtEnd: open !== null, letters, quotedLetters });
  }
  return out;
}

/**
 * The sentence with the inside of every quote replaced by `·` (marks kept, length unchanged), so
 * that names and verbs inside quotes are not taken for attribution.
 */
export function maskQuotes(text: string, spans: readonly QuoteSpan[]): string {
  if (spans.length === 0) return text;
  const chars = [...text.split('')];
  for (const s of spans) for (let i = s.start; i < s.end; i++) if (!/\s/.test(chars[i])) chars[i] = '·';
  return chars.join('');
}
