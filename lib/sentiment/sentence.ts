import { NUMBER, PUNCT, WORD as WORD_TOKEN, type TokenTape } from '../text/tape';
import { normId } from '../text/vocabulary';
import type { Compiled, Entry, TrieNode } from './compile';
import type { SentenceSentiment, SentimentCue } from './score';
import { SCORING } from './scoring';

/**
 * The sentence scorer proper: tokens become items (cue-file phrases, lexicon words, modifiers,
 * clause boundaries), then the rules of score.ts run over them. Items live in typed arrays
 * reused from one sentence to the next, so that a sentence allocates little beyond its result.
 */

// Item kinds, as small integers.
/** A word, number or cue-file entry with no sentiment of its own. */
export const WORD = 0;
/** Punctuation that ends a clause. */
export const BOUNDARY = 1;
/** A word or phrase with a value. */
export const SENTIMENT = 2;
export const NEGATOR = 3;
export const SHIFTER = 4;
export const INTENSIFIER = 5;
export const DIMINISHER = 6;
export const CONTRAST = 7;
export const CONCESSIVE = 8;
/** A word or phrase of the cue file's `neutral` list. */
export const NEUTRAL = 9;

// Where a sentiment item's value came from: the first part of its rule.
const FROM_LEXICON = 0;
const FROM_CUE = 1;
const FROM_NEGATOR = 2;
const SOURCE_NAMES = ['lexicon', 'cue', 'negator'];

// The rules applied to an item, as bits, in the order they are reported.
const INTENSIFIED = 1;
const DIMINISHED = 2;
/** "diminished" came before "intensified" (both can apply; the rule lists them in order). */
const DIMINISHED_FIRST = 4;
const SHIFTED = 8;
const NEGATED = 16;
const BEFORE_CONTRAST = 32;
const AFTER_CONTRAST = 64;
const CONCESSION = 128;
const MAIN_CLAUSE = 256;
const RULE_BITS = 512;

/** The items of one sentence, as parallel arrays; grown as needed and reused. */
class Items {
  n = 0;
  /** Which kinds occur, as bits (1 << kind). */
  kinds = 0;
  kind = new Uint8Array(0);
  /** Lexicon or cue value, or a modifier's multiplier. */
  value = new Float64Array(0);
  start = new Int32Array(0);
  end = new Int32Array(0);
  source = new Uint8Array(0);
  /** For negators and shifters: their own value when nothing is in their scope (if hasOwn). */
  own = new Float64Array(0);
  hasOwn = new Uint8Array(0);
  /** The product of the multipliers applied so far. */
  factor = new Float64Array(0);
  rules = new Uint16Array(0);
  /** Scratch: which side of a contrast or concession an item is on. */
  side = new Uint8Array(0);

  /** Empties the list, making room for `size` items. */
  reset(size: number): void {
    this.n = 0;
    this.kinds = 0;
    if (size <= this.kind.length) return;
    const cap = Math.max(64, size * 2);
    this.kind = new Uint8Array(cap);
    this.value = new Float64Array(cap);
    this.start = new Int32Array(cap);
    this.end = new Int32Array(cap);
    this.source = new Uint8Array(cap);
    this.own = new Float64Array(cap);
    this.hasOwn = new Uint8Array(cap);
    this.factor = new Float64Array(cap);
    this.rules = new Uint16Array(cap);
    this.side = new Uint8Array(cap);
  }

  /**
   * Appends an item. Only what the rules read is set: the value of sentiment items and
   * modifiers, the source, multiplier and rules of sentiment items.
   */
  push(kind: number, start: number, end: number, value = 0): void {
    const k = this.n++;
    this.kind[k] = kind;
    this.start[k] = start;
    this.end[k] = end;
    this.value[k] = value;
    this.kinds |= 1 << kind;
  }

  /** Appends a sentiment item. */
  pushSentiment(value: number, start: number, end: number, source: number): void {
    this.push(SENTIMENT, start, end, value);
    this.makeSentiment(this.n - 1, source);
  }

  /** Appends a negator or shifter that is worth `own` when it reaches no cue (none if undefined). */
  pushWithOwn(kind: number, start: number, end: number, own: number | undefined): void {
    this.push(kind, start, end);
    this.hasOwn[this.n - 1] = own === undefined ? 0 : 1;
    this.own[this.n - 1] = own ?? 0;
  }

  /** Makes item `k` a sentiment item, not yet changed by any rule. */
  makeSentiment(k: number, source: number): void {
    this.kind[k] = SENTIMENT;
    this.source[k] = source;
    this.factor[k] = 1;
    this.rules[k] = 0;
    this.kinds |= 1 << SENTIMENT;
  }

  /** Whether an item of this kind occurs. */
  has(kind: number): boolean {
    return (this.kinds & (1 << kind)) !== 0;
  }
}

/** Reused by every call: scoring is synchronous and never re-entered. */
const items = new Items();

// --- Tokens to items ---------------------------------------------------------------------

/** Punctuation that ends a clause: the scope of a negator or of an "although" clause. */
const BOUNDARY_MARKS = new Set([',', ';', ':', '.', '!', '?', '(', ')', '[', ']', '—', '–', '-', '"', '“', '”', '…'].map((c) => c.charCodeAt(0)));

/** Whether a punctuation token's normal form ends a clause. */
function isBoundary(norm: string): boolean {
  return norm.length === 1 && BOUNDARY_MARKS.has(norm.charCodeAt(0));
}

const CAPITALISED = /^\p{Lu}\p{Ll}/u;

/** Whether the text from `start` to `end` starts with a capital letter followed by a lower-case one ("Putin", not "US"). */
function startsCapitalised(text: string, start: number, end: number): boolean {
  if (end - start < 2) return false;
  const a = text.charCodeAt(start);
  if (a < 128) {
    if (a < 65 || a > 90) return false;
    const b = text.charCodeAt(start + 1);
    if (b < 128) return b >= 97 && b <= 122;
  }
  return CAPITALISED.test(text.slice(start, end));
}

/** Whether token `i` is a word starting with a capital letter (and is not all capitals). */
function capitalised(tape: TokenTape, i: number): boolean {
  return i >= 0 && i < tape.n && tape.kind(i) === WORD_TOKEN && startsCapitalised(tape.text, tape.start(i), tape.end(i));
}

/**
 * Whether the sentence is a headline in title case ("Putin Slams West Over Sanctions"): most
 * words after the first are capitalised. There, capitals say nothing about names.
 */
function isTitleCase(tape: TokenTape): boolean {
  let words = 0;
  let capitals = 0;
  let first = true;
  for (let i = 0; i < tape.n; i++) {
    if (tape.kind(i) !== WORD_TOKEN) continue;
    if (first) {
      first = false;
      continue;
    }
    const start = tape.start(i);
    const end = tape.end(i);
    if (end - start < 3) continue;
    words++;
    if (startsCapitalised(tape.text, start, end)) capitals++;
  }
  return words >= 4 && capitals / words >= 0.8;
}

/** Vocabulary ids of the norms the rules test for. */
const POSSESSIVE = normId("'s");
const COMMA = normId(',');

/**
 * Whether the word at `i` looks like part of a name: capitalised, not the first word of the
 * sentence or of a quotation, and next to another capitalised word ("Dick Martin", "Justice
 * William Brennan", "Grant Park"). The caller also checks that the sentence is not a headline
 * in title case, where this says nothing.
 */
function looksLikeNamePart(tape: TokenTape, i: number): boolean {
  if (!capitalised(tape, i)) return false;
  const initial = i === 0 || (tape.kind(i - 1) === PUNCT && tape.id(i - 1) !== COMMA);
  if (initial) return false;
  return capitalised(tape, i - 1) || capitalised(tape, i + 1) || (i + 1 < tape.n && tape.id(i + 1) === POSSESSIVE && capitalised(tape, i - 1));
}

/** The last phrase match: the cue-file entry and the index of the token after it (reused). */
const match: { entry: Entry | undefined; end: number } = { entry: undefined, end: 0 };

/**
 * Finds the longest cue-file phrase starting at token `i`, whose trie node is `first`; the
 * result is in `match` (entry undefined when none).
 */
function longestPhrase(tape: TokenTape, i: number, first: TrieNode): void {
  match.entry = first.entry;
  match.end = i + 1;
  let level = first.next;
  for (let j = i + 1; j < tape.n && level !== undefined; j++) {
    if (tape.kind(j) === PUNCT) break;
    // A number may be part of a phrase too ("world war 2").
    const node = level.get(tape.id(j));
    if (node === undefined) break;
    if (node.entry !== undefined) {
      match.entry = node.entry;
      match.end = j + 1;
    }
    level = node.next;
  }
}

/** Turns tokens into items: phrases matched longest-first, then single words. */
function itemize(tape: TokenTape, c: Compiled): void {
  const n = tape.n;
  items.reset(n);
  const { words } = c;
  let titleCase: boolean | undefined; // worked out when a name is first in question
  for (let i = 0; i < n; ) {
    const kind = tape.kind(i);
    const start = tape.start(i);
    if (kind !== WORD_TOKEN) {
      // Punctuation or a number.
      if (kind === NUMBER) items.push(WORD, start, tape.end(i));
      else if (isBoundary(tape.norm(i))) items.push(BOUNDARY, start, tape.end(i));
      i++;
      continue;
    }
    const id = words.learned(tape.id(i));
    if (id === POSSESSIVE) {
      i++;
      continue;
    }
    if (words.isPlain(id)) {
      items.push(WORD, start, tape.end(i));
      i++;
      continue;
    }
    const first = words.phrase(id);
    if (first !== undefined) longestPhrase(tape, i, first);
    const entry = first === undefined ? undefined : match.entry;
    if (entry !== undefined) {
      const end = match.end;
      const endChar = tape.end(end - 1);
      if (entry.kind === NEGATOR) items.pushWithOwn(NEGATOR, start, endChar, c.negatorValue);
      else if (entry.kind === SHIFTER) items.pushWithOwn(SHIFTER, start, endChar, end === i + 1 ? words.value(id) : undefined);
      else if (entry.kind === SENTIMENT) items.pushSentiment(entry.value, start, endChar, FROM_CUE);
      else items.push(entry.kind, start, endChar, entry.value);
      i = end;
      continue;
    }
    const value = words.value(id);
    const end = tape.end(i);
    if (words.endsInNt(id)) items.pushWithOwn(NEGATOR, start, end, c.negatorValue);
    else if (words.isShifter(id)) items.pushWithOwn(SHIFTER, start, end, value);
    else if (value === undefined || (looksLikeNamePart(tape, i) && !(titleCase ??= isTitleCase(tape)))) items.push(WORD, start, end);
    else items.pushSentiment(value, start, end, FROM_LEXICON);
    i++;
  }
}

// --- The rules -----------------------------------------------------------------------------

/** Intensifiers and diminishers: the next sentiment item within reach, in the same clause. */
function applyModifiers(): void {
  const { n, kind, value, factor, rules } = items;
  for (let k = 0; k < n; k++) {
    if (kind[k] !== INTENSIFIER && kind[k] !== DIMINISHER) continue;
    for (let j = k + 1, words = 0; j < n && words < SCORING.modifierReach; j++) {
      const o = kind[j];
      if (o === BOUNDARY || o === CONTRAST || o === CONCESSIVE) break;
      if (o === SENTIMENT) {
        factor[j] *= value[k];
        if (kind[k] === INTENSIFIER) rules[j] |= INTENSIFIED;
        else if ((rules[j] & DIMINISHED) === 0) rules[j] |= (rules[j] & INTENSIFIED) === 0 ? DIMINISHED | DIMINISHED_FIRST : DIMINISHED;
        break;
      }
      words++;
    }
  }
}

/**
 * Shifters (pass SHIFTER), then negators (pass NEGATOR), each over the next `scope` words, up
 * to punctuation or a contrast word. A shifter reverses the first cue it reaches ("reduce
 * crime"); a negator reverses all of them, shifted ones included ("can't stop the war" stays
 * negative). One that reaches no cue keeps a value of its own ("did not act"; "cuts" as a
 * plain word).
 */
function applyReversals(pass: typeof SHIFTER | typeof NEGATOR, c: Compiled): void {
  const { n, kind, value, factor, rules } = items;
  for (let k = 0; k < n; k++) {
    if (kind[k] !== pass) continue;
    let reached = false;
    for (let j = k + 1, words = 0; j < n && words < c.negationScope; j++) {
      const o = kind[j];
      if (o === BOUNDARY || o === CONTRAST || o === CONCESSIVE || o === NEGATOR || (pass === SHIFTER && o === SHIFTER)) break;
      if (o === SENTIMENT) {
        reached = true;
        if (pass === SHIFTER) {
          factor[j] *= c.shifterFactor;
          rules[j] |= SHIFTED;
          break;
        }
        factor[j] *= value[j] * factor[j] < 0 ? c.negationNegativeFactor : c.negationFactor;
        rules[j] |= NEGATED;
      }
      if (o !== NEUTRAL) words++; // function words do not use up the scope
    }
    if (!reached && items.hasOwn[k] === 1 && items.own[k] !== 0) {
      value[k] = items.own[k];
      items.makeSentiment(k, pass === NEGATOR ? FROM_NEGATOR : FROM_LEXICON);
    }
  }
}

/**
 * Reweighs a sentence's two sides, if both hold sentiment items: the items marked in
 * `items.side` (before the last "but", inside an "although" clause) are multiplied by
 * `before` and get `firstRule`; the others are multiplied by `after` and get `secondRule`.
 */
function reweigh(before: number, after: number, firstRule: number, secondRule: number): void {
  const { n, kind, side, factor, rules } = items;
  let a = 0;
  let b = 0;
  for (let j = 0; j < n; j++) if (kind[j] === SENTIMENT) side[j] === 1 ? a++ : b++;
  if (a === 0 || b === 0) return;
  for (let j = 0; j < n; j++) {
    if (kind[j] !== SENTIMENT) continue;
    const first = side[j] === 1;
    factor[j] *= first ? before : after;
    rules[j] |= first ? firstRule : secondRule;
  }
}

/** Contrast: "X but Y" weighs Y over X; "although X, Y" and "Y, although X" weigh Y over X. */
function applyContrast(c: Compiled): void {
  const { n, kind, side } = items;
  if (items.has(CONTRAST)) {
    let lastBut = -1;
    for (let k = 0; k < n; k++) if (kind[k] === CONTRAST) lastBut = k;
    for (let j = 0; j < n; j++) side[j] = j < lastBut ? 1 : 0;
    reweigh(c.before, c.after, BEFORE_CONTRAST, AFTER_CONTRAST);
  }
  if (items.has(CONCESSIVE)) {
    side.fill(0, 0, n);
    for (let k = 0; k < n; k++) {
      if (kind[k] !== CONCESSIVE) continue;
      for (let j = k + 1; j < n && kind[j] !== BOUNDARY && kind[j] !== CONTRAST; j++) side[j] = 1;
    }
    reweigh(c.before, c.after, CONCESSION, MAIN_CLAUSE);
  }
}

// --- The result ----------------------------------------------------------------------------

const RULE_NAMES: ReadonlyArray<readonly [number, string]> = [
  [SHIFTED, 'shifted'],
  [NEGATED, 'negated'],
  [BEFORE_CONTRAST, 'before-contrast'],
  [AFTER_CONTRAST, 'after-contrast'],
  [CONCESSION, 'concession'],
  [MAIN_CLAUSE, 'main-clause'],
];
const ruleTexts: Array<string | undefined> = new Array<string | undefined>(SOURCE_NAMES.length * RULE_BITS).fill(undefined);

/** The rule text of a cue ("lexicon+intensified+negated"), built once per combination. */
function ruleText(source: number, bits: number): string {
  const key = source * RULE_BITS + bits;
  let text = ruleTexts[key];
  if (text === undefined) {
    const parts = [SOURCE_NAMES[source]];
    const intensified = (bits & INTENSIFIED) !== 0;
    const diminished = (bits & DIMINISHED) !== 0;
    if (diminished && (bits & DIMINISHED_FIRST) !== 0) parts.push('diminished');
    if (intensified) parts.push('intensified');
    if (diminished && (bits & DIMINISHED_FIRST) === 0) parts.push('diminished');
    for (const [bit, name] of RULE_NAMES) if ((bits & bit) !== 0) parts.push(name);
    text = parts.join('+');
    ruleTexts[key] = text;
  }
  return text;
}

/** Normalises a sum to (-1, 1): x / sqrt(x² + alpha). */
function squash(x: number): number {
  return x === 0 ? 0 : x / Math.sqrt(x * x + SCORING.alpha);
}

/** The value of the sentiment item `j` after every rule. */
function finalValue(j: number): number {
  const value = items.value[j] * items.factor[j];
  return value < 0 ? value * SCORING.negativeWeight : value;
}

/** The sentence's cues and scores, from the items after every rule. */
function result(text: string): SentenceSentiment {
  const { n, kind, start, end, source, rules } = items;
  let sum = 0;
  let pos = 0;
  let neg = 0;
  const cues: SentimentCue[] = [];
  for (let j = 0; j < n; j++) {
    if (kind[j] !== SENTIMENT) continue;
    const value = finalValue(j);
    if (value > 0) pos += value;
    else neg -= value;
    sum += value;
    cues.push({ text: text.slice(start[j], end[j]), start: start[j], end: end[j], value, rule: ruleText(source[j], rules[j]) });
  }
  return { score: squash(sum), positive: squash(pos), negative: squash(neg), cues };
}

/** Runs every rule over the items of a sentence. */
function applyRules(tape: TokenTape, c: Compiled): void {
  itemize(tape, c);
  if (items.has(INTENSIFIER) || items.has(DIMINISHER)) applyModifiers();
  if (items.has(SHIFTER)) applyReversals(SHIFTER, c);
  if (items.has(NEGATOR)) applyReversals(NEGATOR, c);
  applyContrast(c);
}

/** Scores a sentence from its token tape (which is only read). */
export function scoreTape(tape: TokenTape, c: Compiled): SentenceSentiment {
  applyRules(tape, c);
  return result(tape.text);
}

/** The score alone ({@link scoreTape}'s `score`), without making the cues. */
export function scoreValue(tape: TokenTape, c: Compiled): number {
  applyRules(tape, c);
  let sum = 0;
  for (let j = 0; j < items.n; j++) if (items.kind[j] === SENTIMENT) sum += finalValue(j);
  return squash(sum);
}
