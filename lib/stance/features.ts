/**
 * Features of a sentence relative to one target mention, for target-dependent sentiment.
 * The mention itself is masked (`<T>`); words are tagged by the side of the target they are on
 * (L/R), by distance bucket, and by whether they share the target's clause; lexicon scores are
 * summed by side and distance, with negation flipping the scores that follow a negation cue.
 */
import { tokenize, type Token } from '../text/tokens';
import { lexicon, LEXICON_NAMES, type Lexicon, type LexiconName } from '../sentiment/lexicon';

/** Lexicons the features can use: every lexicon of lib/sentiment/lexicon.ts. */
export type FeatureLexicon = LexiconName;
export const FEATURE_LEXICONS: readonly FeatureLexicon[] = LEXICON_NAMES;


/** What features to extract. Recorded in the model file so that training and scoring agree. */
export interface FeatureConfig {
  /** Untagged n-grams of the whole (masked) sentence, up to this length (0: none). */
  sentenceNgrams: number;
  /** Side-tagged n-grams (`L:`/`R:`) up to this length (0: none). */
  sideNgrams: number;
  /** Upper bounds (in tokens from the mention) of the distance buckets; beyond the last is one more bucket. */
  buckets: number[];
  /** Side-and-distance-tagged unigrams (`L1:word`). */
  sideDistance: boolean;
  /** Side-and-distance-tagged bigrams, for buckets up to this index (-1: none). */
  sideDistanceBigramsUpTo: number;
  /** Clause-tagged unigrams: words in the same clause as the mention (`C:word`). */
  clause: boolean;
  /** Lexicons whose scores are summed by side and distance bucket. */
  lexicons: FeatureLexicon[];
  /** A negation cue flips lexicon scores and marks words (`NOT_`) up to this many tokens after it. */
  negationWindow: number;
  /** Also add the whole-sentence lexicon sums. */
  sentenceLexicon: boolean;
  /** Shape features: mention is a pronoun, possessive, sentence-initial, inside quotes... */
  shape: boolean;
  /** Lower-case and collapse digits. Always true in version 1. */
  lowercase: boolean;
  /** Proximity-weighted unigrams and lexicon sums (`P:word`, value exp(-(d-1)/proximity)); 0: none. */
  proximity?: number;
  /** Count each n-gram feature at most once per example. */
  binary?: boolean;
  /** Replace capitalised words inside the sentence (other names) by `<name>`. */
  maskNames?: boolean;
  /** Porter-stem the words of n-gram features (lexicons still see the whole word). */
  stem?: boolean;
  /** Split lexicon sums by whether another name or pronoun stands between the word and the mention. */
  blocked?: boolean;
  /** Tag clause words by side too (`CL:word`, `CR:word`). */
  clauseSide?: boolean;
  /** Words and lexicon sums inside quotation marks get their own features (`Q:word`). */
  quotes?: boolean;
}

export const DEFAULT_FEATURES: FeatureConfig = {
  sentenceNgrams: 2,
  sideNgrams: 2,
  buckets: [2, 5, 10],
  sideDistance: true,
  sideDistanceBigramsUpTo: 1,
  clause: true,
  lexicons: ['afinn', 'senticon', 'pattern'],
  negationWindow: 3,
  sentenceLexicon: true,
  shape: true,
  lowercase: true,
  proximity: 0,
  binary: true,
  maskNames: false,
  stem: true,
  blocked: false,
};

/** A sparse feature vector: name to value. */
export type Features = Map<string, number>;

// Word lists of the features; exported (@internal) for fast-scorer.ts, which must agree with them.
/** Negation cues (also any word ending in n't). @internal */
export const NEGATIONS: ReadonlySet<string> = new Set([
  'not', "n't", 'no', 'never', 'neither', 'nor', 'none', 'nobody', 'nothing', 'without', 'hardly', 'barely',
  "can't", "cannot", "won't", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "shouldn't", "wouldn't", "couldn't", "hasn't", "haven't", "hadn't",
]);
/** Personal pronouns: other entities, and pronoun mentions. @internal */
export const PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'him', 'her', 'his', 'hers', 'they', 'them', 'their', 'it', 'its', 'himself', 'herself', 'i', 'we', 'you']);
/** Tokens that end a clause (and a negation scope). @internal */
export const CLAUSE_BREAKS: ReadonlySet<string> = new Set([',', ';', ':', '(', ')', '—', '–', '"', '“', '”', '?', '!', '.']);
/** @internal */
export const QUOTES_OPEN: ReadonlySet<string> = new Set(['"', '“']);
const QUOTES_CLOSE = new Set(['"', '”']);

/** Token form used in features: lower case, digits collapsed. @internal */
export function form(t: Token): string {
  if (t.kind === 'number') return '<num>';
  return t.norm;
}

/** Looks a word up in a lexicon, trying simple inflections (lexicons like SentiCon list lemmas). */
export function lexiconScore(lex: Lexicon, word: string): number | undefined {
  const direct = lex.get(word);
  if (direct !== undefined) return direct;
  if (word.length < 4) return undefined;
  const tries: string[] = [];
  if (word.endsWith('ies')) tries.push(word.slice(0, -3) + 'y');
  if (word.endsWith('ied')) tries.push(word.slice(0, -3) + 'y');
  if (word.endsWith('es')) tries.push(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss')) tries.push(word.slice(0, -1));
  if (word.endsWith('ed')) {
    tries.push(word.slice(0, -2), word.slice(0, -1));
    if (word.length > 5 && word[word.length - 3] === word[word.length - 4]) tries.push(word.slice(0, -3));
  }
  if (word.endsWith('ing')) {
    tries.push(word.slice(0, -3), word.slice(0, -3) + 'e');
    if (word.length > 6 && word[word.length - 4] === word[word.length - 5]) tries.push(word.slice(0, -4));
  }
  if (word.endsWith('ly')) tries.push(word.slice(0, -2));
  for (const w of tries) {
    const v = lex.get(w);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** Index of the distance bucket (0-based) for a distance of d tokens (d >= 1). */
export function bucketOf(d: number, buckets: readonly number[]): number {
  for (let i = 0; i < buckets.length; i++) if (d <= buckets[i]!) return i;
  return buckets.length;
}

interface Tok {
  /** Form used in n-gram features. */
  w: string;
  /** Lower-case word, for lexicons. */
  raw: string;
  punct: boolean;
  /** Another entity: a capitalised word inside the sentence, or a personal pronoun. */
  entity?: boolean;
}

const stems = new Map<string, string>();
let porter: { stem(w: string): string } | undefined;
/** Porter stem of a lower-case word (other forms unchanged), memoised. @internal */
export function stemOf(w: string): string {
  let s = stems.get(w);
  if (s === undefined) {
    porter ??= require('natural/lib/natural/stemmers/porter_stemmer') as { stem(w: string): string };
    s = /^[a-z]+$/.test(w) ? porter.stem(w) : w;
    if (stems.size < 200_000) stems.set(w, s);
  }
  return s;
}

/**
 * The masked token sequence of a sentence: tokens left of the mention, the mention as `<T>`,
 * tokens right of it. Returns the sequence and the index of `<T>`.
 */
export function maskedTokens(sentence: string, start: number, end: number, maskNames = false, stem = false): { toks: Tok[]; at: number } {
  const conv = (t: Token, i: number): Tok => {
    const punct = t.kind === 'punct';
    const raw = form(t);
    const entity = (i > 0 && t.kind === 'word' && /^\p{Lu}/u.test(t.text)) || PRONOUNS.has(raw);
    if (maskNames && i > 0 && t.kind === 'word' && /^\p{Lu}\p{Ll}/u.test(t.text)) return { w: '<name>', raw, punct, entity };
    return { w: stem && t.kind === 'word' ? stemOf(raw) : raw, raw, punct, entity };
  };
  const left = tokenize(sentence.slice(0, start)).map((t, i) => conv(t, i));
  const right = tokenize(sentence.slice(end)).map((t, i) => conv(t, left.length + 1 + i));
  return { toks: [...left, { w: '<T>', raw: '<T>', punct: false }, ...right], at: left.length };
}

function add(f: Features, name: string, v = 1): void {
  f.set(name, (f.get(name) ?? 0) + v);
}

/**
 * Extracts the features of a sentence toward the mention at [start, end).
 *
 * @example
 * extractFeatures('Putin commended Trump’s reaction', 16, 21).get("R0:'s") // 1 (right of the mention, distance bucket 0)
 */
export function extractFeatures(sentence: string, start: number, end: number, config: FeatureConfig = DEFAULT_FEATURES): Features {
  const f: Features = new Map();
  const { toks, at } = maskedTokens(sentence, start, end, config.maskNames === true, config.stem === true);
  const tau = config.proximity ?? 0;
  const n = toks.length;
  const mentionText = sentence.slice(start, end).toLowerCase().replace(/[’‘]/g, "'");

  // Negation scope: a cue marks the next `negationWindow` tokens (stopping at a clause break).
  const negated = new Array<boolean>(n).fill(false);
  if (config.negationWindow > 0) {
    for (let i = 0; i < n; i++) {
      if (!NEGATIONS.has(toks[i]!.raw) && !toks[i]!.raw.endsWith("n't")) continue;
      for (let j = i + 1; j <= i + config.negationWindow && j < n; j++) {
        if (CLAUSE_BREAKS.has(toks[j]!.w)) break;
        negated[j] = true;
      }
    }
  }
  // Clause of the mention: between the nearest clause breaks around it.
  let cs = at;
  while (cs > 0 && !CLAUSE_BREAKS.has(toks[cs - 1]!.w)) cs--;
  let ce = at;
  while (ce < n - 1 && !CLAUSE_BREAKS.has(toks[ce + 1]!.w)) ce++;

  const word = (i: number): string => (negated[i] ? `NOT_${toks[i]!.w}` : toks[i]!.w);
  // Inside quotation marks (curly quotes open/close; straight quotes toggle).
  const quoted = new Array<boolean>(n).fill(false);
  if (config.quotes) {
    let q = false;
    for (let i = 0; i < n; i++) {
      const w = toks[i]!.w;
      if (w === '“') q = true;
      else if (w === '”') q = false;
      else if (w === '"') q = !q;
      else quoted[i] = q;
    }
  }

  // Whole-sentence n-grams.
  for (let k = 1; k <= config.sentenceNgrams; k++) {
    for (let i = 0; i + k <= n; i++) {
      let g = toks[i]!.w;
      for (let j = 1; j < k; j++) g += `_${toks[i + j]!.w}`;
      add(f, `S${k}:${g}`);
    }
  }
  // Side-tagged n-grams and distance-tagged unigrams/bigrams.
  for (let i = 0; i < n; i++) {
    if (i === at) continue;
    const side = i < at ? 'L' : 'R';
    const d = Math.abs(i - at);
    const b = bucketOf(d, config.buckets);
    const w = word(i);
    if (config.sideNgrams >= 1) add(f, `${side}:${w}`);
    if (config.sideDistance) add(f, `${side}${b}:${w}`);
    if (config.clause && i >= cs && i <= ce) add(f, `C:${w}`);
    if (config.clauseSide && i >= cs && i <= ce) add(f, `C${side}:${w}`);
    if (quoted[i]) add(f, `Q:${w}`);
    if (tau > 0 && !toks[i]!.punct) add(f, `P:${w}`, Math.exp(-(d - 1) / tau));
    if (config.sideNgrams >= 2 || config.sideDistanceBigramsUpTo >= 0) {
      // bigram starting at i, within one side (the mask itself may be the second element)
      const j = i + 1;
      if (j < n && (side === 'L' ? j <= at : true)) {
        const g = `${toks[i]!.w}_${toks[j]!.w}`;
        if (config.sideNgrams >= 2) add(f, `${side}g2:${g}`);
        if (b <= config.sideDistanceBigramsUpTo) add(f, `${side}${b}b:${g}`);
      }
      if (side === 'R' && i === at + 1 && config.sideDistanceBigramsUpTo >= 0) add(f, `R${b}b:<T>_${toks[i]!.w}`);
    }
    if (config.sideNgrams >= 3 && i + 2 < n && (side === 'L' ? i + 2 <= at : true)) {
      add(f, `${side}g3:${toks[i]!.w}_${toks[i + 1]!.w}_${toks[i + 2]!.w}`);
    }
  }

  // Whether another entity stands between token i and the mention.
  const blocked = new Array<boolean>(n).fill(false);
  if (config.blocked) {
    let seen = false;
    for (let i = at - 1; i >= 0; i--) {
      blocked[i] = seen;
      if (toks[i]!.entity) seen = true;
    }
    seen = false;
    for (let i = at + 1; i < n; i++) {
      blocked[i] = seen;
      if (toks[i]!.entity) seen = true;
    }
  }
  // Lexicon sums by side and distance bucket (and clause), negation flips.
  for (const name of config.lexicons) {
    const lex = lexicon(name);
    let sentPos = 0;
    let sentNeg = 0;
    for (let i = 0; i < n; i++) {
      if (i === at || toks[i]!.punct) continue;
      let s = lexiconScore(lex, toks[i]!.raw);
      if (s === undefined || s === 0) continue;
      if (negated[i]) s = -s;
      const side = i < at ? 'L' : 'R';
      const b = bucketOf(Math.abs(i - at), config.buckets);
      const pol = s > 0 ? 'pos' : 'neg';
      add(f, `lex:${name}:${side}${b}:${pol}`, Math.abs(s));
      if (config.clause && i >= cs && i <= ce) add(f, `lex:${name}:C:${pol}`, Math.abs(s));
      if (quoted[i]) add(f, `lex:${name}:Q:${pol}`, Math.abs(s));
      if (config.blocked) add(f, `lex:${name}:${side}${blocked[i] ? 'blk' : 'free'}:${pol}`, Math.abs(s));
      if (tau > 0) add(f, `lex:${name}:P:${pol}`, Math.abs(s) * Math.exp(-(Math.abs(i - at) - 1) / tau));
      if (s > 0) sentPos += s;
      else sentNeg -= s;
    }
    if (config.sentenceLexicon) {
      if (sentPos) add(f, `lex:${name}:S:pos`, Math.log1p(sentPos));
      if (sentNeg) add(f, `lex:${name}:S:neg`, Math.log1p(sentNeg));
    }
  }

  if (config.binary) for (const [k, v] of f) if (!k.startsWith('lex:') && !k.startsWith('P:') && v > 1) f.set(k, 1);

  if (config.shape) {
    const firstWord = mentionText.split(/\s+/)[0] ?? '';
    if (PRONOUNS.has(firstWord)) add(f, `M:pron:${firstWord}`);
    else add(f, 'M:name');
    if (/\s/.test(mentionText)) add(f, 'M:multi');
    const next = toks[at + 1]?.w;
    if (next === "'s" || next === "'") add(f, 'M:poss');
    let lead = 0;
    while (lead < at && (QUOTES_OPEN.has(toks[lead]!.w) || toks[lead]!.w === '(')) lead++;
    if (lead === at) add(f, 'M:first');
    if (at === n - 1 || (at + 1 < n && toks.slice(at + 1).every((t) => t.punct))) add(f, 'M:last');
    // inside quotes: a curly quote opened and not closed before the mention, or an odd number of straight ones
    let q = 0;
    let straight = 0;
    for (let i = 0; i < at; i++) {
      const w = toks[i]!.w;
      if (w === '"') straight++;
      else if (QUOTES_OPEN.has(w)) q++;
      else if (QUOTES_CLOSE.has(w)) q = Math.max(0, q - 1);
    }
    if (q > 0 || straight % 2 === 1) add(f, 'M:quoted');
    if (toks.some((t) => QUOTES_OPEN.has(t.w) || QUOTES_CLOSE.has(t.w))) add(f, 'S:hasquote');
    const len = n < 15 ? 'short' : n < 35 ? 'mid' : 'long';
    add(f, `S:len:${len}`);
  }
  return f;
}
