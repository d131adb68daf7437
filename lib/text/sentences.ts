import { invalidOption } from '../errors';

/**
 * Sentence splitting tuned for news text: abbreviations ("U.S.", "Dr.", "Sept."), initials
 * ("Donald J. Trump"), closing quotes after the full stop, and long run-on paragraphs.
 */

/** Titles before a name: never end a sentence. */
const TITLES = new Set(
  'mr mrs ms mx dr prof sr jr st gen col lt sgt capt cmdr adm gov sen rep rev hon pres supt insp fr messrs mme mlle'.split(' '),
);
/** Abbreviations that end a sentence only when a typical sentence opener follows. */
const ABBREVIATIONS = new Set(
  'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun no nos vs v etc inc corp co ltd mt ft approx est dept univ ave blvd fig al'.split(' '),
);
/** Words that, capitalised after an abbreviation, signal that a new sentence began. */
const OPENERS = new Set(
  'the this that these those it its he she they we i you but and or so yet however meanwhile still in on at for after before when while if as a an there here his her their our my what who why how despite although though since because moscow washington'.split(' '),
);

/** A sentence's place in a text: `text` equals `source.slice(start, end)`. */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

/** Options of {@link splitSentences}. */
export interface SplitOptions {
  /** Extra abbreviations (without the dot, any case) that never end a sentence. Default none. */
  abbreviations?: readonly string[];
}

/** The word (letters and inner dots) that ends right before `index`. */
function wordBefore(text: string, index: number): string {
  let i = index;
  while (i > 0 && /[\p{L}.]/u.test(text[i - 1])) i--;
  return text.slice(i, index);
}

/** Whether the full stop at `dot` ends a sentence, given the word that follows. */
function isSentenceEnd(text: string, dot: number, nextWord: string, extra: ReadonlySet<string>): boolean {
  const word = wordBefore(text, dot);
  const bare = word.replace(/\./g, '').toLowerCase();
  if (bare === '') return true;
  const opener = OPENERS.has(nextWord.toLowerCase());
  if (TITLES.has(bare) || extra.has(bare)) return false;
  // Initials: "Donald J. Trump", "J.D. Vance".
  if (/^\p{Lu}$/u.test(word)) return false;
  // Dotted acronyms: "U.S.", "D.C.", "e.g." end a sentence only before an opener.
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) return opener;
  if (ABBREVIATIONS.has(bare)) return opener;
  return true;
}

/**
 * Splits a text (a paragraph, or several) into sentences. A boundary is `.`, `!`, `?` or `…`,
 * with any closing quotes or brackets, followed by white space and an upper-case letter, a digit
 * or an opening quote. Paragraph breaks (blank lines) always end a sentence.
 *
 * @example
 * splitSentences('Dr. Morozova spoke to the U.S. Senate. “It is time,” she said.').map((s) => s.text)
 * // ['Dr. Morozova spoke to the U.S. Senate.', '“It is time,” she said.']
 */
export function splitSentences(text: string, options: SplitOptions = {}): SentenceSpan[] {
  if (typeof text !== 'string') invalidOption('text', 'a string', text);
  const extra = new Set((options.abbreviations ?? []).map((a) => a.replace(/\.$/, '').toLowerCase()));
  const spans: SentenceSpan[] = [];
  const push = (start: number, end: number): void => {
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    // A stray mark after the sentence ("pandemic. .") belongs to no sentence.
    const stray = /(\s+[.!?…])+$/.exec(text.slice(start, end));
    if (stray) end -= stray[0].length;
    const body = text.slice(start, end);
    // Drop pieces with no letters or digits (a stray "." after a sentence).
    if (/[\p{L}\p{N}]/u.test(body)) spans.push({ text: body, start, end });
  };
  const boundary = /([.!?…]+)(["”’')\]]*)(\s+)(?=(["“‘'(\[]?)([\p{Lu}\p{N}][\p{L}\p{N}]*)?)|\n\s*\n/gu;
  let start = 0;
  for (let m = boundary.exec(text); m !== null; m = boundary.exec(text)) {
    if (m[0].includes('\n') && m[1] === undefined) {
      push(start, m.index);
      start = m.index + m[0].length;
      continue;
    }
    const [, marks, closers, space, , nextWord] = m;
    const paragraphBreak = /\n\s*\n/.test(space);
    if (!paragraphBreak) {
      if (nextWord === undefined) continue; // lower case follows: not a boundary
      if (marks === '.' && !isSentenceEnd(text, m.index, nextWord, extra)) continue;
    }
    const end = m.index + marks.length + closers.length;
    push(start, end);
    start = end;
  }
  push(start, text.length);
  return spans;
}
