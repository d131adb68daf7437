import * as fs from 'node:fs';
import { NewsStanceError, describe } from '../errors';
import { tapeOf, type TokenTape } from '../text/tape';
import { compile, type Compiled } from './compile';
import { LEXICON_NAMES, type LexiconName } from './lexicon';
import { DEFAULT_MODIFIERS_FILE, defaultModifiers, loadModifiers, type Modifiers } from './modifiers';
import { scoreTape, scoreValue } from './sentence';

/**
 * Sentence sentiment for news text. Word values come from the lexicons (AFINN with Pattern by
 * default) and the cue file; then the rules that a plain word sum lacks:
 *
 * - phrase cues, longest first ("point of no return", "benefit of the doubt", "cold war");
 * - neutral words and names: function words, offices ("Supreme Court", "vice president") and
 *   capitalised name sequences inside a sentence ("his partner Dick Martin") carry no sentiment;
 * - inflections and British spellings: "flourished" takes the value of "flourish",
 *   "favourable" that of "favorable"; a hyphenated word that of its head ("God-awful");
 * - negation with a scope: a negator reverses the cues in the next four content words (function
 *   words do not count), up to punctuation or a contrast word; "not good" turns clearly
 *   negative, "not bad" only mildly positive; a negator that reaches no cue ("did not act") is
 *   itself mildly negative;
 * - shifters: "reduce crime", "ease tensions" reverse the cue they act on;
 * - intensifiers and diminishers multiply the next cue ("very", "slightly");
 * - contrast: after "but" counts more than before it; an "although" clause counts less;
 * - negative values weigh more than positive ones (news readers, like lexicon users, treat mild
 *   positive words as bland and negative ones as news);
 * - the sum is normalised to [-1, 1] by x / sqrt(x² + 1).
 *
 * Every contributing word is reported with its final value and the rules that shaped it.
 */

/** Options of {@link scoreSentence} and {@link scoreSentences}. */
export interface SentimentOptions {
  /**
   * Word lexicon(s), one name or several, combined: a word's value is the weighted mean of its
   * values over the listed lexicons, a lexicon that lacks the word counting as 0 (weights in
   * `SCORING.lexiconWeights`: AFINN, VADER and Hu & Liu 1, Pattern 0.75, SentiCon 0.35), so a
   * word every listed lexicon knows keeps its value and one only some know is damped; a combined
   * value under `SCORING.minWordValue` (0.05) is no cue. One lexicon alone keeps its values.
   * Default `['afinn', 'vader', 'pattern', 'huliu']`, the best measured on the NYT editorial dev
   * sentences (lib/eval/nyt.ts; Pearson r 0.600, document halves 0.597 / 0.604; without Hu & Liu
   * 0.571, afinn+vader+pattern+senticon 0.576, afinn+pattern 0.550, afinn 0.536). The result is
   * flat in the weights: 0.598-0.601 over nine settings.
   */
  lexicons?: LexiconName | readonly LexiconName[];
  /**
   * The cue set: one loaded with `loadModifiers(file)`, or the path of a cue file (read once
   * and again when it changes). Default the bundled data/lexicon/modifiers.json
   * (`DEFAULT_MODIFIERS_FILE`).
   */
  modifiers?: Modifiers | string;
}

/** The defaults of {@link SentimentOptions}. */
export const DEFAULTS: Readonly<{ lexicons: readonly LexiconName[]; modifiers: string }> = Object.freeze({
  lexicons: Object.freeze(['afinn', 'vader', 'pattern', 'huliu'] as LexiconName[]),
  modifiers: DEFAULT_MODIFIERS_FILE,
});

/** One word or phrase that contributed to a sentence's score. */
export interface SentimentCue {
  /** The word or phrase as written. */
  text: string;
  /** Its character offsets in the sentence. */
  start: number;
  end: number;
  /** Its value after every rule (before the sentence's normalisation). */
  value: number;
  /**
   * Where its value came from and what changed it, joined by "+": the source (`lexicon`; `cue`
   * for an entry of the cue file; `negator` for a negator that reached no cue), then any of
   * `intensified`, `diminished`, `negated`, `shifted`, `before-contrast`, `after-contrast`,
   * `concession`, `main-clause`. E.g. `lexicon+negated`.
   */
  rule: string;
}

/** The sentiment of one sentence. */
export interface SentenceSentiment {
  /** Overall sentiment in [-1, 1]: the sum of the cue values, normalised. 0 when no cue. */
  score: number;
  /** Strength of the positive cues alone, normalised the same way, in [0, 1). */
  positive: number;
  /** Strength of the negative cues alone, normalised the same way, in [0, 1). */
  negative: number;
  /** The contributing words and phrases, in text order. */
  cues: SentimentCue[];
}

/** Fixed constants of the scorer (defined in scoring.ts). */
export { SCORING } from './scoring';

// ---------------------------------------------------------------------------------------------
// The scorer is split in three: this module checks the options and text; compile.ts builds the
// tables of a (lexicons, cue set) pair once; sentence.ts turns a sentence's tokens into items
// and applies the rules above.

function normalizeLexicons(value: unknown): LexiconName[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.length === 0) {
    throw new NewsStanceError(`expected a lexicon name or a non-empty array of them (${LEXICON_NAMES.join(', ')}), got ${describe(value)}`, { field: 'options.lexicons' });
  }
  const out: LexiconName[] = [];
  for (const name of list) {
    if (typeof name !== 'string' || !(LEXICON_NAMES as readonly string[]).includes(name)) {
      throw new NewsStanceError(`unknown lexicon ${describe(name)}`, { field: 'options.lexicons' }, `Choose from ${LEXICON_NAMES.join(', ')}`);
    }
    if (out.includes(name as LexiconName)) {
      throw new NewsStanceError(`lexicon "${name}" is listed twice`, { field: 'options.lexicons' });
    }
    out.push(name as LexiconName);
  }
  return out;
}

const fileCache = new Map<string, { mtimeMs: number; modifiers: Modifiers }>();

function resolveModifiers(value: unknown): Modifiers {
  if (value === DEFAULT_MODIFIERS_FILE) return defaultModifiers();
  if (typeof value === 'string') {
    let mtimeMs = -1;
    try {
      mtimeMs = fs.statSync(value).mtimeMs;
    } catch {
      // loadModifiers reports the missing file.
    }
    const hit = fileCache.get(value);
    if (hit && hit.mtimeMs === mtimeMs) return hit.modifiers;
    const modifiers = loadModifiers(value);
    fileCache.set(value, { mtimeMs, modifiers });
    return modifiers;
  }
  const m = value as Partial<Modifiers> | null;
  if (m === null || typeof m !== 'object' || !(m.intensifiers instanceof Map) || !(m.cues instanceof Map) || typeof m.negation !== 'object') {
    throw new NewsStanceError(`expected a cue set from loadModifiers() or the path of a cue file, got ${describe(value)}`, { field: 'options.modifiers' }, 'Load a cue file with loadModifiers(file)');
  }
  return m as Modifiers;
}

/** The scorer of the default options, once built (most calls use it). */
let defaultScorer: Compiled | undefined;

/** Checks the options and returns their scorer, built once per (lexicons, cue set) pair. */
function prepare(options: SentimentOptions): Compiled {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new NewsStanceError(`expected an options object, got ${describe(options)}`, { field: 'options' });
  }
  for (const key of Object.keys(options)) {
    if (!(key in DEFAULTS)) {
      throw new NewsStanceError('unknown option', { field: `options.${key}` }, `Known options: ${Object.keys(DEFAULTS).join(', ')}`);
    }
  }
  const lexicons = options.lexicons;
  const names = lexicons == null ? undefined : normalizeLexicons(lexicons);
  const modifiers = options.modifiers;
  if (names === undefined && modifiers == null) {
    defaultScorer ??= compile(normalizeLexicons(DEFAULTS.lexicons), defaultModifiers());
    return defaultScorer;
  }
  return compile(names ?? normalizeLexicons(DEFAULTS.lexicons), resolveModifiers(modifiers ?? DEFAULTS.modifiers));
}

function checkText(text: unknown, field: string): asserts text is string {
  if (typeof text !== 'string') throw new NewsStanceError(`expected a string, got ${describe(text)}`, { field });
}

/**
 * Scores one sentence: a value in [-1, 1] with the words and phrases behind it.
 *
 * @example
 * scoreSentence('The talks were not a success.').score // < 0 ("success" negated)
 * scoreSentence('The talks were not a success.').cues  // [{ text: 'success', rule: 'lexicon+negated', ... }]
 */
export function scoreSentence(text: string, options: SentimentOptions = {}): SentenceSentiment {
  checkText(text, 'text');
  const scorer = prepare(options);
  return scoreTape(tapeOf(text), scorer);
}

/**
 * The score alone of a sentence already on a token tape ({@link scoreSentence}'s `score`),
 * for the pipeline: no cues are made.
 */
export function sentimentScore(tape: TokenTape, options: SentimentOptions = {}): number {
  return scoreValue(tape, prepare(options));
}

/** Scores many sentences with the same options (the lexicons and cue set are prepared once). */
export function scoreSentences(texts: readonly string[], options: SentimentOptions = {}): SentenceSentiment[] {
  if (!Array.isArray(texts)) throw new NewsStanceError(`expected an array of sentences, got ${describe(texts)}`, { field: 'texts' });
  const c = prepare(options);
  return texts.map((t, i) => {
    checkText(t, `texts[${i}]`);
    return scoreTape(tapeOf(t), c);
  });
}
