import { invalidOption } from '../errors';

/** What a token is. */
export type TokenKind = 'word' | 'number' | 'punct';

/** One token; `text` equals the source text between `start` and `end`. */
export interface Token {
  text: string;
  /** Lower-case form with straight apostrophes and quotes, for lexicon look-ups. */
  norm: string;
  start: number;
  end: number;
  kind: TokenKind;
}

// Order matters: dotted acronyms before words, possessive 's split off a word, numbers with
// decimals and thousands, then any other single non-space character.
const TOKEN = /((?:\p{L}\.){2,}(?!\p{L}))|(\p{L}[\p{L}\p{M}]*(?:[-'’][\p{L}\p{M}]+)*?(?=['’][sS]\b))|(['’][sS]\b)|(\p{L}[\p{L}\p{M}]*(?:[-'’]\p{L}[\p{L}\p{M}]*)*)|(\p{N}+(?:[.,:]\p{N}+)*%?)|(\S)/gu;

/** Lower case, straight quotes: the key used for lexicons. */
export function normalizeToken(text: string): string {
  return text.toLowerCase().replace(/[‘’`´]/g, "'").replace(/[“”]/g, '"');
}

/**
 * Tokenizes a sentence into words, numbers and punctuation, keeping character offsets.
 * Hyphenated words stay whole ("non-interference", "US-Russia"); a possessive "’s" is its own
 * token ("Trump", "’s"); contractions stay whole ("can’t", norm "can't").
 *
 * @example
 * tokenize('Trump’s U.S. visit').map((t) => t.norm) // ['trump', "'s", 'u.s.', 'visit']
 */
export function tokenize(text: string): Token[] {
  if (typeof text !== 'string') invalidOption('text', 'a string', text);
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const kind: TokenKind = m[5] !== undefined ? 'number' : m[6] !== undefined ? 'punct' : 'word';
    const start = m.index ?? 0;
    tokens.push({ text: m[0], norm: normalizeToken(m[0]), start, end: start + m[0].length, kind });
  }
  return tokens;
}

/** Just the lower-cased words of a text (no punctuation or numbers). */
export function words(text: string): string[] {
  return tokenize(text)
    .filter((t) => t.kind === 'word')
    .map((t) => t.norm);
}
