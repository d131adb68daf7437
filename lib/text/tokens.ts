import { invalidOption } from '../errors';
import { NUMBER, PUNCT, tapeOf, WORD, type TokenTape } from './tape';

export { normalizeToken } from './tape';

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

const KIND_NAMES: Record<number, TokenKind> = { [WORD]: 'word', [NUMBER]: 'number', [PUNCT]: 'punct' };

/** The tokens of a tape as objects, frozen. */
function tokensOf(tape: TokenTape): readonly Readonly<Token>[] {
  const tokens: Token[] = [];
  for (let i = 0; i < tape.n; i++) {
    tokens.push(Object.freeze({ text: tape.textOf(i), norm: tape.norm(i), start: tape.start(i), end: tape.end(i), kind: KIND_NAMES[tape.kind(i)]! }));
  }
  return Object.freeze(tokens);
}

// The last few sentences' token objects, shared like the tapes they are made from.
const RECENT = 8;
const recent = new Map<string, readonly Token[]>();

/**
 * Tokenizes a sentence into words, numbers and punctuation, keeping character offsets.
 * Hyphenated words stay whole ("non-interference", "US-Russia"); a possessive "’s" is its own
 * token ("Trump", "’s"); contractions stay whole ("can’t", norm "can't"). The result is frozen
 * and shared with later calls on the same text: copy it to change it. The analyses read the
 * same tokens from a token tape (lib/text/tape.ts) without making these objects.
 *
 * @example
 * tokenize('Trump’s U.S. visit').map((t) => t.norm) // ['trump', "'s", 'u.s.', 'visit']
 */
export function tokenize(text: string): readonly Readonly<Token>[] {
  if (typeof text !== 'string') invalidOption('text', 'a string', text);
  const hit = recent.get(text);
  if (hit) return hit;
  const tokens = tokensOf(tapeOf(text));
  if (recent.size >= RECENT) recent.delete(recent.keys().next().value as string);
  recent.set(text, tokens);
  return tokens;
}

/** Just the lower-cased words of a text (no punctuation or numbers). */
export function words(text: string): string[] {
  const tape = tapeOf(text);
  const out: string[] = [];
  for (let i = 0; i < tape.n; i++) if (tape.kind(i) === WORD) out.push(tape.norm(i));
  return out;
}
