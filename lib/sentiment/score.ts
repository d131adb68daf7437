import * as fs from 'node:fs';
import { NewsStanceError, describe } from '../errors';
import { tokenize, type Token } from '../text/tokens';
import { lexicon, LEXICON_NAMES, type Lexicon, type LexiconName } from './lexicon';
import { DEFAULT_MODIFIERS_FILE, defaultModifiers, loadModifiers, phraseKey, type Modifiers } from './modifiers';

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
   * Word lexicon(s), one name or several, combined: a word's value is the weighted mean of the
   * values of the listed lexicons that know it, the first weighing 1 and each later one 0.3,
   * scaled by the largest weight present (so a word only later lexicons know counts at 0.3).
   * Default `['afinn', 'pattern']`, the best measured on the NYT editorial dev sentences
   * (lib/eval/nyt.ts; Pearson r: afinn+pattern 0.546, afinn+pattern+senticon 0.546,
   * afinn+senticon 0.541, afinn 0.536, pattern 0.390, senticon 0.361).
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
  lexicons: Object.freeze(['afinn', 'pattern'] as LexiconName[]),
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

/**
 * Fixed constants of the scorer (the tunable word lists and weights are in the cue file).
 * Chosen on the NYT editorial dev sentences, each checked to help on both halves of it.
 */
export const SCORING = Object.freeze({
  /** Normalisation: score = sum / sqrt(sum² + alpha). */
  alpha: 1,
  /** Weight of the second and later lexicons relative to the first. */
  laterLexiconWeight: 0.3,
  /** How many words after an intensifier or diminisher the cue it modifies can be. */
  modifierReach: 3,
  /** Multiplier of negative values. */
  negativeWeight: 1.3,
});

// ---------------------------------------------------------------------------------------------

type Kind = 'negator' | 'shifter' | 'intensifier' | 'diminisher' | 'contrast' | 'concessive' | 'cue' | 'neutral';

interface Entry {
  kind: Kind;
  value: number;
}

interface TrieNode {
  entry?: Entry;
  next?: Map<string, TrieNode>;
}

/** What the scorer knows about one word outside the cue file's phrases. */
interface WordInfo {
  /** Its lexicon value, if any (0 never: a word worth 0 is no cue). */
  value: number | undefined;
  /** Whether it is an inflected form of a single-word shifter ("reduced"). */
  shifter: boolean;
}

/** A scorer built once per (lexicons, modifiers) pair. */
interface Compiled {
  trie: Map<string, TrieNode>;
  negationScope: number;
  /** Negation factor for positive cues ("not good") and for negative ones ("not bad"). */
  negationFactor: number;
  negationNegativeFactor: number;
  negatorValue: number;
  shifterFactor: number;
  before: number;
  after: number;
  word: (norm: string) => WordInfo;
}

/** Prefixes that flip or void the meaning of the rest of a hyphenated word. */
const NEGATING_PREFIXES = new Set(['non', 'un', 'anti', 'counter', 'in', 'dis', 'mis', 'de', 'pre', 'post', 'ex', 'pro', 'semi', 'quasi', 'pseudo']);

/** Candidate base forms of an inflected word, most likely first (not including the word itself). */
function baseForms(w: string): string[] {
  const out: string[] = [];
  const add = (x: string): void => {
    if (x.length >= 3 && x !== w && !out.includes(x)) out.push(x);
  };
  const n = w.length;
  if (n < 4) return out;
  if (w.endsWith('ies')) add(`${w.slice(0, -3)}y`);
  if (w.endsWith('ied')) add(`${w.slice(0, -3)}y`);
  if (w.endsWith('es')) add(w.slice(0, -2));
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith("'s")) add(w.slice(0, -1));
  if (w.endsWith('ed')) {
    add(w.slice(0, -1)); // hoped -> hope
    add(w.slice(0, -2)); // helped -> help
    if (/([^aeiou])\1ed$/.test(w)) add(w.slice(0, -3)); // stopped -> stop
  }
  if (w.endsWith('ing')) {
    add(w.slice(0, -3));
    add(`${w.slice(0, -3)}e`);
    if (/([^aeiou])\1ing$/.test(w)) add(w.slice(0, -4));
  }
  if (w.endsWith('ily')) add(`${w.slice(0, -3)}y`);
  if (w.endsWith('ly')) {
    add(w.slice(0, -2)); // sadly -> sad
    add(`${w.slice(0, -2)}le`); // terribly -> terrible
  }
  if (w.endsWith('iness')) add(`${w.slice(0, -5)}y`); // happiness -> happy
  if (w.endsWith('ness')) add(w.slice(0, -4));
  // British spellings, common in international news: favourable, finalise, organisation.
  const us = w.replace(/our(?=s?$|ed$|ing$|able$|ably$|ite$|ites$|ful$|fully$)/, 'or').replace(/is(e|es|ed|ing|ation|ations)$/, 'iz$1').replace(/yse(s|d)?$/, 'yze$1');
  if (us !== w) {
    add(us);
    for (const b of baseForms(us)) add(b);
  }
  return out;
}

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

const compiledCache = new WeakMap<Modifiers, Map<string, Compiled>>();

function compile(names: readonly LexiconName[], mods: Modifiers): Compiled {
  let byLex = compiledCache.get(mods);
  if (!byLex) {
    byLex = new Map();
    compiledCache.set(mods, byLex);
  }
  const key = names.join('+');
  const hit = byLex.get(key);
  if (hit) return hit;

  const trie = new Map<string, TrieNode>();
  const add = (phrase: string, entry: Entry): void => {
    const parts = phraseKey(phrase).split(' ');
    let level = trie;
    let node: TrieNode | undefined;
    for (const part of parts) {
      node = level.get(part);
      if (!node) {
        node = {};
        level.set(part, node);
      }
      node.next ??= new Map();
      level = node.next;
    }
    if (node) node.entry = entry;
  };
  for (const w of mods.negation.words) add(w, { kind: 'negator', value: 0 });
  for (const w of mods.shifters.words) add(w, { kind: 'shifter', value: 0 });
  for (const [w, m] of mods.intensifiers) add(w, { kind: 'intensifier', value: m });
  for (const [w, m] of mods.diminishers) add(w, { kind: 'diminisher', value: m });
  for (const w of mods.contrast.words) add(w, { kind: 'contrast', value: 0 });
  for (const w of mods.contrast.concessive) add(w, { kind: 'concessive', value: 0 });
  for (const [w, v] of mods.cues) add(w, { kind: 'cue', value: v });
  for (const w of mods.neutral) add(w, { kind: 'neutral', value: 0 });

  const lexes: Lexicon[] = names.map((n) => lexicon(n));
  const neutral = new Set(mods.neutral);
  const singleCues = new Map<string, number>();
  for (const [w, v] of mods.cues) if (!w.includes(' ')) singleCues.set(w, v);
  const shifters = new Set(mods.shifters.words.filter((w) => !w.includes(' ')));

  // Value of a form in the lexicons: the weighted mean over those that know it (the first
  // weighs 1, later ones SCORING.laterLexiconWeight), scaled by the largest weight present.
  const combined = (form: string): number | undefined => {
    let total = 0;
    let weights = 0;
    let confidence = 0;
    for (let i = 0; i < lexes.length; i++) {
      const v = lexes[i].get(form);
      if (v === undefined) continue;
      const weight = i === 0 ? 1 : SCORING.laterLexiconWeight;
      total += v * weight;
      weights += weight;
      confidence = Math.max(confidence, weight);
    }
    return weights === 0 ? undefined : (total / weights) * confidence;
  };
  // Value of a single word: its own form if a lexicon knows it, else its first base form that
  // is neutral (no value), a cue, or known to a lexicon.
  const lookup = (w: string): number | undefined => {
    const own = combined(w);
    if (own !== undefined) return own;
    for (const b of baseForms(w)) {
      if (neutral.has(b)) return undefined;
      const v = singleCues.get(b) ?? combined(b);
      if (v !== undefined) return v;
    }
    return undefined;
  };
  // Hyphenated words the lexicons lack take the value of their head (last part), else of their
  // first part ("God-awful", "ill-advised"), unless a prefix changes the meaning ("non-violent").
  const valueOf = (w: string): number | undefined => {
    let v = lookup(w);
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
  const memo = new Map<string, WordInfo>();
  const word = (w: string): WordInfo => {
    let info = memo.get(w);
    if (!info) {
      info = { value: valueOf(w), shifter: shifters.size > 0 && baseForms(w).some((b) => shifters.has(b)) };
      memo.set(w, info);
    }
    return info;
  };

  const compiled: Compiled = {
    trie,
    negationScope: mods.negation.scope,
    negationFactor: mods.negation.factor,
    negationNegativeFactor: mods.negation.negativeFactor,
    negatorValue: mods.negation.value,
    shifterFactor: mods.shifters.factor,
    before: mods.contrast.before,
    after: mods.contrast.after,
    word,
  };
  byLex.set(key, compiled);
  return compiled;
}

/** Punctuation that ends a clause: the scope of a negator or of an "although" clause. */
const BOUNDARY = new Set([',', ';', ':', '.', '!', '?', '(', ')', '[', ']', '—', '–', '-', '"', '“', '”', '…']);

type ItemKind = Kind | 'sentiment' | 'word' | 'boundary';

interface Item {
  kind: ItemKind;
  /** Lexicon or cue value, or a modifier's multiplier. */
  value: number;
  start: number;
  end: number;
  source: 'lexicon' | 'cue' | 'negator';
  /** For negators and shifters: their own value when nothing is in their scope. */
  own?: number;
}

const CAPITALISED = /^\p{Lu}\p{Ll}/u;

/** Whether the word at `i` starts with a capital letter (and is not all capitals). */
function capitalised(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  return t !== undefined && t.kind === 'word' && CAPITALISED.test(t.text);
}

/**
 * Whether the word at `i` is part of a name: capitalised, not the first word of the sentence
 * or of a quotation, and next to another capitalised word ("Dick Martin", "Justice William
 * Brennan", "Grant Park"). Not applied to headlines in title case.
 */
function isNamePart(tokens: readonly Token[], i: number, titleCase: boolean): boolean {
  if (titleCase || !capitalised(tokens, i)) return false;
  const prev = tokens[i - 1];
  const initial = prev === undefined || (prev.kind === 'punct' && prev.norm !== ',');
  if (initial) return false;
  return capitalised(tokens, i - 1) || capitalised(tokens, i + 1) || (tokens[i + 1]?.norm === "'s" && capitalised(tokens, i - 1));
}

/** Turns tokens into items: phrases matched longest-first, then single words. */
function itemize(tokens: readonly Token[], c: Compiled): Item[] {
  const items: Item[] = [];
  // A headline in title case ("Putin Slams West Over Sanctions"): most words after the first
  // are capitalised. There, capitals say nothing about names.
  let words = 0;
  let capitals = 0;
  let first = true;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].kind !== 'word') continue;
    if (first) {
      first = false;
      continue;
    }
    if (tokens[i].text.length < 3) continue;
    words++;
    if (capitalised(tokens, i)) capitals++;
  }
  const titleCase = words >= 4 && capitals / words >= 0.8;
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i];
    if (t.kind === 'punct') {
      if (BOUNDARY.has(t.norm)) items.push({ kind: 'boundary', value: 0, start: t.start, end: t.end, source: 'lexicon' });
      i++;
      continue;
    }
    if (t.kind === 'number') {
      items.push({ kind: 'word', value: 0, start: t.start, end: t.end, source: 'lexicon' });
      i++;
      continue;
    }
    if (t.norm === "'s") {
      i++;
      continue;
    }
    // Longest phrase of the cue file starting here.
    let level: Map<string, TrieNode> | undefined = c.trie;
    let best: Entry | undefined;
    let bestEnd = i;
    for (let j = i; j < tokens.length && level; j++) {
      const node: TrieNode | undefined = tokens[j].kind === 'punct' ? undefined : level.get(tokens[j].norm);
      if (!node) break;
      if (node.entry) {
        best = node.entry;
        bestEnd = j + 1;
      }
      level = node.next;
    }
    if (best) {
      const kind: ItemKind = best.kind === 'cue' ? 'sentiment' : best.kind;
      const end = tokens[bestEnd - 1].end;
      const own = best.kind === 'negator' ? c.negatorValue : best.kind === 'shifter' && bestEnd === i + 1 ? c.word(t.norm).value : undefined;
      items.push({ kind, value: best.value, start: t.start, end, source: 'cue', own });
      i = bestEnd;
      continue;
    }
    if (t.norm.endsWith("n't")) {
      items.push({ kind: 'negator', value: 0, start: t.start, end: t.end, source: 'cue', own: c.negatorValue });
      i++;
      continue;
    }
    const info = c.word(t.norm);
    if (info.shifter) {
      items.push({ kind: 'shifter', value: 0, start: t.start, end: t.end, source: 'cue', own: info.value });
      i++;
      continue;
    }
    const v = info.value === undefined || isNamePart(tokens, i, titleCase) ? undefined : info.value;
    items.push(v === undefined ? { kind: 'word', value: 0, start: t.start, end: t.end, source: 'lexicon' } : { kind: 'sentiment', value: v, start: t.start, end: t.end, source: 'lexicon' });
    i++;
  }
  return items;
}

function squash(x: number): number {
  return x === 0 ? 0 : x / Math.sqrt(x * x + SCORING.alpha);
}

function scoreWith(text: string, c: Compiled): SentenceSentiment {
  const items = itemize(tokenize(text), c);
  const n = items.length;
  const factor = new Float64Array(n).fill(1);
  const rules: string[][] = items.map(() => []);

  // Intensifiers and diminishers: the next sentiment item within reach, in the same clause.
  for (let k = 0; k < n; k++) {
    const it = items[k];
    if (it.kind !== 'intensifier' && it.kind !== 'diminisher') continue;
    for (let j = k + 1, words = 0; j < n && words < SCORING.modifierReach; j++) {
      const o = items[j];
      if (o.kind === 'boundary' || o.kind === 'contrast' || o.kind === 'concessive') break;
      if (o.kind === 'sentiment') {
        factor[j] *= it.value;
        const rule = it.kind === 'intensifier' ? 'intensified' : 'diminished';
        if (!rules[j].includes(rule)) rules[j].push(rule);
        break;
      }
      words++;
    }
  }

  // Shifters, then negators, each over the next `scope` words, up to punctuation or a contrast
  // word. A shifter reverses the first cue it reaches ("reduce crime"); a negator reverses all
  // of them, shifted ones included ("can't stop the war" stays negative). One that reaches no
  // cue keeps a value of its own ("did not act"; "cuts" as a plain word).
  const stops = (o: Item): boolean => o.kind === 'boundary' || o.kind === 'contrast' || o.kind === 'concessive' || o.kind === 'negator';
  for (const pass of ['shifter', 'negator'] as const) {
    for (let k = 0; k < n; k++) {
      const it = items[k];
      if (it.kind !== pass) continue;
      let reached = false;
      for (let j = k + 1, words = 0; j < n && words < c.negationScope; j++) {
        const o = items[j];
        if (stops(o) || (pass === 'shifter' && o.kind === 'shifter')) break;
        if (o.kind === 'sentiment') {
          if (pass === 'shifter') {
            factor[j] *= c.shifterFactor;
            rules[j].push('shifted');
            reached = true;
            break;
          }
          factor[j] *= o.value * factor[j] < 0 ? c.negationNegativeFactor : c.negationFactor;
          rules[j].push('negated');
          reached = true;
        }
        if (o.kind !== 'neutral') words++; // function words do not use up the scope
      }
      if (!reached && it.own !== undefined && it.own !== 0) {
        items[k] = { ...it, kind: 'sentiment', value: it.own, source: pass === 'negator' ? 'negator' : 'lexicon' };
      }
    }
  }

  // Contrast: "X but Y" weighs Y over X; "although X, Y" and "Y, although X" weigh Y over X.
  // Only when both sides hold cues: with nothing to contrast, nothing is reweighed.
  const reweigh = (inFirst: (j: number) => boolean, first: string, second: string): void => {
    let a = 0;
    let b = 0;
    for (let j = 0; j < n; j++) if (items[j].kind === 'sentiment') inFirst(j) ? a++ : b++;
    if (a === 0 || b === 0) return;
    for (let j = 0; j < n; j++) {
      if (items[j].kind !== 'sentiment') continue;
      factor[j] *= inFirst(j) ? c.before : c.after;
      rules[j].push(inFirst(j) ? first : second);
    }
  };
  let lastBut = -1;
  for (let k = 0; k < n; k++) if (items[k].kind === 'contrast') lastBut = k;
  if (lastBut >= 0) reweigh((j) => j < lastBut, 'before-contrast', 'after-contrast');
  const conceded = new Uint8Array(n);
  let anyConcession = false;
  for (let k = 0; k < n; k++) {
    if (items[k].kind !== 'concessive') continue;
    anyConcession = true;
    for (let j = k + 1; j < n && items[j].kind !== 'boundary' && items[j].kind !== 'contrast'; j++) conceded[j] = 1;
  }
  if (anyConcession) reweigh((j) => conceded[j] === 1, 'concession', 'main-clause');

  let sum = 0;
  let pos = 0;
  let neg = 0;
  const cues: SentimentCue[] = [];
  for (let j = 0; j < n; j++) {
    const it = items[j];
    if (it.kind !== 'sentiment') continue;
    let value = it.value * factor[j];
    if (value < 0) value *= SCORING.negativeWeight;
    if (value > 0) pos += value;
    else neg -= value;
    sum += value;
    cues.push({ text: text.slice(it.start, it.end), start: it.start, end: it.end, value, rule: [it.source, ...rules[j]].join('+') });
  }
  return { score: squash(sum), positive: squash(pos), negative: squash(neg), cues };
}

function prepare(options: SentimentOptions): Compiled {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new NewsStanceError(`expected an options object, got ${describe(options)}`, { field: 'options' });
  }
  for (const key of Object.keys(options)) {
    if (!(key in DEFAULTS)) {
      throw new NewsStanceError('unknown option', { field: `options.${key}` }, `Known options: ${Object.keys(DEFAULTS).join(', ')}`);
    }
  }
  const names = normalizeLexicons(options.lexicons ?? DEFAULTS.lexicons);
  const mods = resolveModifiers(options.modifiers ?? DEFAULTS.modifiers);
  return compile(names, mods);
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
  return scoreWith(text, prepare(options));
}

/** Scores many sentences with the same options (the lexicons and cue set are prepared once). */
export function scoreSentences(texts: readonly string[], options: SentimentOptions = {}): SentenceSentiment[] {
  if (!Array.isArray(texts)) throw new NewsStanceError(`expected an array of sentences, got ${describe(texts)}`, { field: 'texts' });
  const c = prepare(options);
  return texts.map((t, i) => {
    checkText(t, `texts[${i}]`);
    return scoreWith(t, c);
  });
}
