import * as fs from 'node:fs';
import * as path from 'node:path';
import { NewsStanceError } from '../errors';
import { tokenize } from '../text/tokens';
import { JsonSyntaxError, kindOf, parseLocated, type Located } from './located-json';

/**
 * The cue set of the sentence scorer: negators, intensifiers, diminishers, contrast words,
 * phrase cues with their own values, and words that never carry sentiment. It lives in a JSON
 * file (the bundled one is data/lexicon/modifiers.json) so that users can extend it; see that
 * file's "$comment" entries for the format.
 */

/** The bundled cue file. */
export const DEFAULT_MODIFIERS_FILE = path.resolve(__dirname, '..', '..', 'data', 'lexicon', 'modifiers.json');

/** A loaded, validated cue set. Every word or phrase is stored in its normalised form. */
export interface Modifiers {
  /** The file it was read from, if any. */
  readonly file: string | undefined;
  readonly negation: {
    /** How many words after a negator it reaches (it also stops at punctuation and contrast words). */
    readonly scope: number;
    /** What a negated positive cue's value is multiplied by ("not good"), in [-2, 0]. */
    readonly factor: number;
    /** What a negated negative cue's value is multiplied by ("not bad"), in [-2, 0]; default `factor`. */
    readonly negativeFactor: number;
    /** Value of a negator whose scope holds no sentiment cue ("did not act"), in [-1, 0]. */
    readonly value: number;
    /** Negators ("not", "never", "no", ...). Words ending in "n't" are negators too. */
    readonly words: readonly string[];
  };
  /**
   * Sentiment shifters: words that reverse what they act on ("reduce crime", "ease tensions",
   * "cut aid"), over the negation scope. A shifter with no cue in reach is scored as a word.
   */
  readonly shifters: {
    /** What a shifted cue's value is multiplied by, in [-2, 0]. */
    readonly factor: number;
    /** The shifters; inflected forms ("reduced", "eases") match too. */
    readonly words: readonly string[];
  };
  /** Booster words and their multipliers (> 1), applied to the next sentiment cue. */
  readonly intensifiers: ReadonlyMap<string, number>;
  /** Dampening words and their multipliers (0 to < 1), applied to the next sentiment cue. */
  readonly diminishers: ReadonlyMap<string, number>;
  readonly contrast: {
    /** Weight of the cues before a "but"-type word, or inside an "although"-type clause, in [0, 1]. */
    readonly before: number;
    /** Weight of the cues after a "but"-type word, or after an "although"-type clause, in [1, 4]. */
    readonly after: number;
    /** "but"-type words: what follows outweighs what came before. */
    readonly words: readonly string[];
    /** "although"-type words: the clause they open is outweighed by the rest of the sentence. */
    readonly concessive: readonly string[];
  };
  /** Words and phrases with their own value in [-1, 1]; they take precedence over the lexicons. */
  readonly cues: ReadonlyMap<string, number>;
  /** Words and phrases that never carry sentiment, even if a lexicon scores them. */
  readonly neutral: readonly string[];
}

/** The key a word or phrase is matched by: its tokens' normal forms, space-separated. */
export function phraseKey(phrase: string): string {
  return tokenize(phrase)
    .map((t) => t.norm)
    .join(' ');
}

/** `section.key`, or `section["key"]` when the key is not a plain word. */
function member(section: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${section}.${key}` : `${section}[${JSON.stringify(key)}]`;
}

const TOP_LEVEL = ['negation', 'shifters', 'intensifiers', 'diminishers', 'contrast', 'cues', 'neutral'] as const;

/**
 * Parses and validates the text of a cue file. Errors are NewsStanceErrors naming the file,
 * the line and the field, e.g. `my-cues.json:14: intensifiers.very: expected a number above 1,
 * got the string "1.5"`.
 */
export function parseModifiers(text: string, file?: string): Modifiers {
  if (typeof text !== 'string') {
    throw new NewsStanceError(`expected the text of a cue file, got ${typeof text}`, { file, field: 'modifiers' });
  }
  let root: Located;
  try {
    root = parseLocated(text);
  } catch (err) {
    if (err instanceof JsonSyntaxError) {
      throw new NewsStanceError(err.message, { file, line: err.line }, 'Cue files are strict JSON: double quotes, no trailing commas, no comments (use "$comment" keys)');
    }
    throw err;
  }
  const bad = (v: { line: number }, field: string, problem: string, hint?: string): never => {
    throw new NewsStanceError(problem, { file, line: v.line, field }, hint);
  };
  if (root.kind !== 'object') bad(root, '(top level)', `expected an object, got ${kindOf(root)}`);
  const top = root as Extract<Located, { kind: 'object' }>;

  // Where each normalised word or phrase was first listed, to refuse contradictions.
  const listed = new Map<string, { field: string; line: number }>();
  const claim = (v: Located, field: string): string => {
    if (v.kind !== 'string') return bad(v, field, `expected a word or phrase, got ${kindOf(v)}`);
    return claimKey(v.value, v.line, field);
  };
  const claimKey = (raw: string, line: number, field: string): string => {
    const key = phraseKey(raw);
    if (key === '') bad({ line }, field, `expected a word or phrase, got ${JSON.stringify(raw)}`);
    const tokens = tokenize(raw);
    if (!tokens.some((t) => t.kind === 'word')) bad({ line }, field, `${JSON.stringify(raw)} has no word in it`);
    const before = listed.get(key);
    if (before) {
      bad({ line }, field, `"${key}" is already listed in ${before.field} (line ${before.line})`, 'A word or phrase can have only one role; remove one of the two');
    }
    listed.set(key, { field, line });
    return key;
  };
  const section = (obj: Extract<Located, { kind: 'object' }>, name: string): Located | undefined =>
    obj.entries.find((e) => e.key === name)?.value;
  const need = (obj: Extract<Located, { kind: 'object' }>, name: string, field: string): Located => {
    const v = section(obj, name);
    return v ?? bad(obj, field, 'missing', `Add "${name}" (see the bundled data/lexicon/modifiers.json)`);
  };
  const objectOf = (v: Located, field: string): Extract<Located, { kind: 'object' }> =>
    v.kind === 'object' ? v : bad(v, field, `expected an object, got ${kindOf(v)}`);
  const arrayOf = (v: Located, field: string): Located[] => (v.kind === 'array' ? v.items : bad(v, field, `expected an array of words, got ${kindOf(v)}`));
  const numberIn = (v: Located, field: string, lo: number, hi: number, what: string, open: 'lo' | 'hi' | 'none' = 'none'): number => {
    const ok = v.kind === 'number' && (open === 'lo' ? v.value > lo : v.value >= lo) && (open === 'hi' ? v.value < hi : v.value <= hi);
    if (!ok) bad(v, field, `expected ${what}, got ${kindOf(v)}`);
    return (v as { value: number }).value;
  };
  const onlyKeys = (obj: Extract<Located, { kind: 'object' }>, keys: readonly string[], field: string): void => {
    for (const e of obj.entries) {
      if (e.key.startsWith('$') || keys.includes(e.key)) continue;
      bad({ line: e.keyLine }, field ? `${field}.${e.key}` : e.key, 'unknown field', `Known fields: ${keys.join(', ')} (keys starting with "$" are comments)`);
    }
  };

  onlyKeys(top, TOP_LEVEL, '');

  const neg = objectOf(need(top, 'negation', 'negation'), 'negation');
  onlyKeys(neg, ['scope', 'factor', 'negativeFactor', 'value', 'words'], 'negation');
  const scopeV = need(neg, 'scope', 'negation.scope');
  const scope = numberIn(scopeV, 'negation.scope', 1, 20, 'a whole number of words from 1 to 20');
  if (!Number.isInteger(scope)) bad(scopeV, 'negation.scope', `expected a whole number of words from 1 to 20, got ${kindOf(scopeV)}`);
  const factor = numberIn(need(neg, 'factor', 'negation.factor'), 'negation.factor', -2, 0, 'a number from -2 to 0');
  const negFactorV = section(neg, 'negativeFactor');
  const negativeFactor = negFactorV === undefined ? factor : numberIn(negFactorV, 'negation.negativeFactor', -2, 0, 'a number from -2 to 0');
  const negValueV = section(neg, 'value');
  const negValue = negValueV === undefined ? 0 : numberIn(negValueV, 'negation.value', -1, 0, 'a value from -1 to 0');
  const negators = arrayOf(need(neg, 'words', 'negation.words'), 'negation.words').map((w, i) => claim(w, `negation.words[${i}]`));

  let shifters: Modifiers['shifters'] = Object.freeze({ factor: factor, words: Object.freeze([] as string[]) });
  const shiftV = section(top, 'shifters');
  if (shiftV !== undefined) {
    const sh = objectOf(shiftV, 'shifters');
    onlyKeys(sh, ['factor', 'words'], 'shifters');
    const shFactor = numberIn(need(sh, 'factor', 'shifters.factor'), 'shifters.factor', -2, 0, 'a number from -2 to 0');
    const shWords = arrayOf(need(sh, 'words', 'shifters.words'), 'shifters.words').map((w, i) => claim(w, `shifters.words[${i}]`));
    shifters = Object.freeze({ factor: shFactor, words: Object.freeze(shWords) });
  }

  const weights = (name: 'intensifiers' | 'diminishers'): Map<string, number> => {
    const out = new Map<string, number>();
    const v = section(top, name);
    if (v === undefined) return out;
    for (const e of objectOf(v, name).entries) {
      if (e.key.startsWith('$')) continue;
      const field = member(name, e.key);
      const m =
        name === 'intensifiers'
          ? numberIn(e.value, field, 1, 4, 'a multiplier above 1 and at most 4', 'lo')
          : numberIn(e.value, field, 0, 1, 'a multiplier from 0 up to (not including) 1', 'hi');
      out.set(claimKey(e.key, e.keyLine, field), m);
    }
    return out;
  };
  const intensifiers = weights('intensifiers');
  const diminishers = weights('diminishers');

  const con = objectOf(need(top, 'contrast', 'contrast'), 'contrast');
  onlyKeys(con, ['before', 'after', 'words', 'concessive'], 'contrast');
  const before = numberIn(need(con, 'before', 'contrast.before'), 'contrast.before', 0, 1, 'a weight from 0 to 1');
  const after = numberIn(need(con, 'after', 'contrast.after'), 'contrast.after', 1, 4, 'a weight from 1 to 4');
  const contrastWords = arrayOf(need(con, 'words', 'contrast.words'), 'contrast.words').map((w, i) => claim(w, `contrast.words[${i}]`));
  const concV = section(con, 'concessive');
  const concessive = concV === undefined ? [] : arrayOf(concV, 'contrast.concessive').map((w, i) => claim(w, `contrast.concessive[${i}]`));

  const cues = new Map<string, number>();
  const cuesV = section(top, 'cues');
  if (cuesV !== undefined) {
    for (const e of objectOf(cuesV, 'cues').entries) {
      if (e.key.startsWith('$')) continue;
      const field = member('cues', e.key);
      const value = numberIn(e.value, field, -1, 1, 'a value from -1 to 1');
      cues.set(claimKey(e.key, e.keyLine, field), value);
    }
  }
  const neutralV = section(top, 'neutral');
  const neutral = neutralV === undefined ? [] : arrayOf(neutralV, 'neutral').map((w, i) => claim(w, `neutral[${i}]`));

  return Object.freeze({
    file,
    negation: Object.freeze({ scope, factor, negativeFactor, value: negValue, words: Object.freeze(negators) }),
    shifters,
    intensifiers,
    diminishers,
    contrast: Object.freeze({ before, after, words: Object.freeze(contrastWords), concessive: Object.freeze(concessive) }),
    cues,
    neutral: Object.freeze(neutral),
  });
}

/**
 * Reads and validates a cue file (the format of data/lexicon/modifiers.json). Throws a
 * NewsStanceError naming the file, line and field of the first problem.
 *
 * @example
 * const mods = loadModifiers('my-cues.json');
 * scoreSentence('Talks reached a dead end.', { modifiers: mods });
 */
export function loadModifiers(file: string): Modifiers {
  if (typeof file !== 'string' || file === '') {
    throw new NewsStanceError(`expected the path of a cue file, got ${typeof file === 'string' ? 'an empty string' : typeof file}`, { field: 'modifiers' });
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new NewsStanceError(code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? String(err)})`, { file }, 'Pass the path of a JSON file in the format of data/lexicon/modifiers.json');
  }
  return parseModifiers(text, file);
}

let bundled: Modifiers | undefined;

/** The bundled cue set (data/lexicon/modifiers.json), loaded once. */
export function defaultModifiers(): Modifiers {
  bundled ??= loadModifiers(DEFAULT_MODIFIERS_FILE);
  return bundled;
}
