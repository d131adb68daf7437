import { baseForms } from './base-forms';
import { lexicon, type LexiconName } from './lexicon';
import { phraseKey, type Modifiers } from './modifiers';
import { SCORING } from './scoring';
import { CONCESSIVE, CONTRAST, DIMINISHER, INTENSIFIER, NEGATOR, NEUTRAL, SENTIMENT, SHIFTER } from './sentence';
import { normId, normOf } from '../text/vocabulary';

/**
 * The scorer's tables, built once per (lexicons, cue set) pair: the lexicons merged into one
 * map, every word seen so far with what the scorer needs to know about it (worked out the
 * first time the word is seen), and the cue file's phrases as a trie of word ids.
 */

/** An entry of the cue file: its item kind and value (a cue's value or a modifier's multiplier). */
export interface Entry {
  /** Its item kind (see sentence.ts): SENTIMENT for a cue, NEGATOR, SHIFTER, ... */
  kind: number;
  value: number;
}

/** A node of the phrase trie: the entry of the phrase ending here, and the words (by id) that continue it. */
export interface TrieNode {
  entry?: Entry;
  next?: Map<number, TrieNode>;
}

/** A scorer built once per (lexicons, modifiers) pair. */
export interface Compiled {
  negationScope: number;
  /** Negation factor for positive cues ("not good") and for negative ones ("not bad"). */
  negationFactor: number;
  negationNegativeFactor: number;
  negatorValue: number;
  shifterFactor: number;
  before: number;
  after: number;
  words: Words;
}

/** What is worked out once for each word. */
interface WordFacts {
  /** Its lexicon value, if any (0 never: a word worth 0 is no cue). */
  value: number | undefined;
  /** Whether it is an inflected form of a single-word shifter ("reduced"). */
  shifter: boolean;
}

// Facts about a word, as bits.
/** Ends in "n't": a negator unless a phrase matches. */
const NT = 1;
const SHIFTS = 2;
const HAS_VALUE = 4;
const STARTS_PHRASE = 8;
/** The facts have been worked out. */
const KNOWN = 16;

/**
 * What the scorer knows of each word, by the word's vocabulary id (lib/text/vocabulary.ts), in
 * typed arrays: whether it ends in "n't", is a shifter form, starts a cue-file phrase, and its
 * value. A word's facts are worked out the first time the scorer meets it.
 */
export class Words {
  private flags = new Uint8Array(4096);
  private values = new Float64Array(4096);
  private readonly phrases = new Map<number, TrieNode>();

  /** `judge` works out the facts of a word that is new. */
  constructor(private readonly judge: (word: string) => WordFacts) {}

  /** The vocabulary id of a normalised word, its facts worked out. */
  id(norm: string): number {
    return this.learned(normId(norm));
  }

  /** Vocabulary id `id`, its facts worked out if they were not yet. */
  learned(id: number): number {
    if (id < this.flags.length && (this.flags[id] & KNOWN) !== 0) return id;
    return this.learn(id);
  }

  /** Whether word `id` is nothing but a word: no value, phrase, negator or shifter (most words). */
  isPlain(id: number): boolean {
    return this.flags[id] === KNOWN;
  }

  /** The trie node of the cue-file phrases that start with word `id`, if any. */
  phrase(id: number): TrieNode | undefined {
    return (this.flags[id] & STARTS_PHRASE) !== 0 ? this.phrases.get(id) : undefined;
  }

  /** Whether word `id` ends in "n't". */
  endsInNt(id: number): boolean {
    return (this.flags[id] & NT) !== 0;
  }

  /** Whether word `id` is an inflected form of a single-word shifter. */
  isShifter(id: number): boolean {
    return (this.flags[id] & SHIFTS) !== 0;
  }

  /** The value of word `id`, if any. */
  value(id: number): number | undefined {
    return (this.flags[id] & HAS_VALUE) !== 0 ? this.values[id] : undefined;
  }

  /** Records that the cue-file phrases starting with word `id` continue from `node`. */
  setPhrase(id: number, node: TrieNode): void {
    this.learned(id);
    this.phrases.set(id, node);
    this.flags[id] |= STARTS_PHRASE;
  }

  /** Works out the facts of word `id`. */
  private learn(id: number): number {
    if (id >= this.flags.length) {
      const size = Math.max(this.flags.length * 2, id + 1);
      const flags = new Uint8Array(size);
      flags.set(this.flags);
      this.flags = flags;
      const values = new Float64Array(size);
      values.set(this.values);
      this.values = values;
    }
    const norm = normOf(id);
    const facts = this.judge(norm);
    this.flags[id] = KNOWN | (norm.endsWith("n't") ? NT : 0) | (facts.shifter ? SHIFTS : 0) | (facts.value !== undefined ? HAS_VALUE : 0);
    this.values[id] = facts.value ?? 0;
    return id;
  }
}

/** Prefixes that flip or void the meaning of the rest of a hyphenated word. */
const NEGATING_PREFIXES = new Set(['non', 'un', 'anti', 'counter', 'in', 'dis', 'mis', 'de', 'pre', 'post', 'ex', 'pro', 'semi', 'quasi', 'pseudo']);

/**
 * The lexicons merged into one map: a form's value is the weighted mean of its values over all
 * the listed lexicons, a lexicon that lacks the form counting as 0 (weights in
 * SCORING.lexiconWeights), so that a word several lexicons agree on keeps its value and one only
 * some know is damped. A mean weaker than SCORING.minWordValue becomes 0: known, but no cue.
 */
function mergeLexicons(names: readonly LexiconName[]): ReadonlyMap<string, number> {
  const lexes = names.map((n) => lexicon(n));
  const weights = names.map((n) => SCORING.lexiconWeights[n]);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const merged = new Map<string, number>();
  for (const lex of lexes) {
    for (const form of lex.keys()) {
      if (merged.has(form)) continue;
      let total = 0;
      for (let i = 0; i < lexes.length; i++) total += (lexes[i].get(form) ?? 0) * weights[i];
      const value = total / totalWeight;
      merged.set(form, Math.abs(value) < SCORING.minWordValue ? 0 : value);
    }
  }
  return merged;
}

/** How the facts of a new word are worked out, for these lexicons and this cue set. */
function judge(names: readonly LexiconName[], mods: Modifiers): (word: string) => WordFacts {
  const lex = mergeLexicons(names);
  const neutral = new Set(mods.neutral);
  const singleCues = new Map<string, number>();
  for (const [w, v] of mods.cues) if (!w.includes(' ')) singleCues.set(w, v);
  const shifters = new Set(mods.shifters.words.filter((w) => !w.includes(' ')));

  // Value of a single word: its own form if a lexicon knows it, else its first base form that
  // is neutral (no value), a cue, or known to a lexicon.
  const lookup = (w: string, bases: readonly string[] = baseForms(w)): number | undefined => {
    const own = lex.get(w);
    if (own !== undefined) return own;
    for (const b of bases) {
      if (neutral.has(b)) return undefined;
      const v = singleCues.get(b) ?? lex.get(b);
      if (v !== undefined) return v;
    }
    return undefined;
  };
  // Hyphenated words the lexicons lack take the value of their head (last part), else of their
  // first part ("God-awful", "ill-advised"), unless a prefix changes the meaning ("non-violent").
  const valueOf = (w: string, bases: readonly string[]): number | undefined => {
    let v = lookup(w, bases);
    if (v === undefined && w.includes('-')) {
      const parts = w.split('-').filter((p) => p !== '');
      if (parts.length > 1 && !NEGATING_PREFIXES.has(parts[0])) {
        for (const p of [parts[parts.length - 1], parts[0]]) {
          if (neutral.has(p)) continue;
          v = singleCues.get(p) ?? lookup(p);
          if (v !== undefined) break;
        }
      }
    }
    return v === 0 ? undefined : v;
  };
  return (w: string): WordFacts => {
    const bases = baseForms(w);
    return { value: valueOf(w, bases), shifter: shifters.size > 0 && bases.some((b) => shifters.has(b)) };
  };
}

/**
 * Adds the cue file's words and phrases to `words` as a trie of word ids: each first word
 * points to the node of the phrases it starts.
 */
function addPhrases(words: Words, mods: Modifiers): void {
  const first = new Map<number, TrieNode>();
  const add = (phrase: string, entry: Entry): void => {
    const ids = phraseKey(phrase)
      .split(' ')
      .map((part) => words.id(part));
    let node = first.get(ids[0]);
    if (!node) {
      node = {};
      first.set(ids[0], node);
      words.setPhrase(ids[0], node);
    }
    for (let k = 1; k < ids.length; k++) {
      node.next ??= new Map();
      let child = node.next.get(ids[k]);
      if (!child) {
        child = {};
        node.next.set(ids[k], child);
      }
      node = child;
    }
    node.entry = entry;
  };
  for (const w of mods.negation.words) add(w, { kind: NEGATOR, value: 0 });
  for (const w of mods.shifters.words) add(w, { kind: SHIFTER, value: 0 });
  for (const [w, m] of mods.intensifiers) add(w, { kind: INTENSIFIER, value: m });
  for (const [w, m] of mods.diminishers) add(w, { kind: DIMINISHER, value: m });
  for (const w of mods.contrast.words) add(w, { kind: CONTRAST, value: 0 });
  for (const w of mods.contrast.concessive) add(w, { kind: CONCESSIVE, value: 0 });
  for (const [w, v] of mods.cues) add(w, { kind: SENTIMENT, value: v });
  for (const w of mods.neutral) add(w, { kind: NEUTRAL, value: 0 });
}

const compiledCache = new WeakMap<Modifiers, Map<string, Compiled>>();

/** The scorer for these lexicons and this cue set, built on first use and cached. */
export function compile(names: readonly LexiconName[], mods: Modifiers): Compiled {
  let byLex = compiledCache.get(mods);
  if (!byLex) {
    byLex = new Map();
    compiledCache.set(mods, byLex);
  }
  const key = names.join('+');
  const hit = byLex.get(key);
  if (hit) return hit;
  const words = new Words(judge(names, mods));
  addPhrases(words, mods);
  const compiled: Compiled = {
    negationScope: mods.negation.scope,
    negationFactor: mods.negation.factor,
    negationNegativeFactor: mods.negation.negativeFactor,
    negatorValue: mods.negation.value,
    shifterFactor: mods.shifters.factor,
    before: mods.contrast.before,
    after: mods.contrast.after,
    words,
  };
  byLex.set(key, compiled);
  return compiled;
}
