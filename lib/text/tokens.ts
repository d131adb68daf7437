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

const CURLY = /[‘’`´“”]/;

/** Lower case, straight quotes: the key used for lexicons. */
export function normalizeToken(text: string): string {
  const lower = text.toLowerCase();
  return CURLY.test(lower) ? lower.replace(/[‘’`´]/g, "'").replace(/[“”]/g, '"') : lower;
}

const kindOf = (m: RegExpMatchArray): TokenKind => (m[5] !== undefined ? 'number' : m[6] !== undefined ? 'punct' : 'word');

/** The pattern's tokens of a text, newly made. */
function scan(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index ?? 0;
    tokens.push({ text: m[0], norm: normalizeToken(m[0]), start, end: start + m[0].length, kind: kindOf(m) });
  }
  return tokens;
}

// The last few sentences' tokens: sentiment, claim cues and stance each tokenize the same
// sentence and pay once. Frozen, so no caller can change what another one reads.
const RECENT = 8;
const recent = new Map<string, readonly Token[]>();

/**
 * Tokenizes a sentence into words, numbers and punctuation, keeping character offsets.
 * Hyphenated words stay whole ("non-interference", "US-Russia"); a possessive "’s" is its own
 * token ("Trump", "’s"); contractions stay whole ("can’t", norm "can't"). The result is frozen
 * and shared with later calls on the same text: copy it to change it.
 *
 * @example
 * tokenize('Trump’s U.S. visit').map((t) => t.norm) // ['trump', "'s", 'u.s.', 'visit']
 */
export function tokenize(text: string): readonly Readonly<Token>[] {
  if (typeof text !== 'string') invalidOption('text', 'a string', text);
  const hit = recent.get(text);
  if (hit) return hit;
  const tokens = scan(text);
  for (const t of tokens) Object.freeze(t);
  Object.freeze(tokens);
  if (recent.size >= RECENT) recent.delete(recent.keys().next().value as string);
  recent.set(text, tokens);
  return tokens;
}

/** Just the lower-cased words of a text (no punctuation or numbers). */
export function words(text: string): string[] {
  return tokenize(text)
    .filter((t) => t.kind === 'word')
    .map((t) => t.norm);
}
