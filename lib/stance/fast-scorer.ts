/**
 * Fast scoring with a stance model. The class scores must be those of summing the model's
 * weights over the features of {@link extractFeatures} (features.ts, still what training uses);
 * this module computes the same sum without building feature names or feature maps:
 *
 * - once per model, the feature names of the model are parsed into numeric keys: a unigram
 *   feature (`L0:word`) is a template and a word id, looked up in a dense table; a bigram
 *   feature (`Lg2:a_b`) is a template and a pair of word ids; lexicon and shape features get
 *   fixed slots. A name that parses several ways is registered under every reading, so a
 *   look-up by numbers finds a weight exactly when the name built from them is in the model;
 * - once per distinct token, its n-gram form (stem), lexicon scores and word ids are memoised;
 * - once per sentence, its tokens and the pair ids of neighbouring tokens are kept: the tokens
 *   of the text left and right of a mention (which extractFeatures tokenizes apart) are those
 *   of the whole sentence, except next to a mention boundary that may change how the text
 *   beside it is tokenized: there, only the text up to the nearest {@link isCut} is tokenized;
 * - per mention, only the parts relative to the mention are computed.
 *
 * Binary n-gram features (counted once per example) are deduplicated by weight index, which is
 * the same as deduplicating by name. Configurations with n-grams longer than two are not
 * handled here ({@link fastStanceScorer} returns undefined; model.ts then sums over
 * extractFeatures).
 */
import { tokenize, type Token } from '../text/tokens';
import { lexicon, type Lexicon } from '../sentiment/lexicon';
import {
  CLAUSE_BREAKS,
  NEGATIONS,
  PRONOUNS,
  QUOTES_OPEN,
  bucketOf,
  form,
  lexiconScore,
  stemOf,
  type FeatureConfig,
} from './features';
import type { StanceModel } from './model';

/** What scoring needs to know about one token form; memoised per model. */
interface Entry {
  /** Form in n-gram features: the (stemmed) word, `<num>`, `<name>` or `<T>`. */
  w: string;
  /** Lower-case form, for lexicons and negation cues. */
  raw: string;
  punct: boolean;
  /** Id of `w` among the pieces of the model's feature names; -1: in no feature. */
  wid: number;
  /** Id of `NOT_w` (the form after a negation cue); -1: in no feature. */
  notWid: number;
  /** Score in each lexicon of the configuration; 0 when missing (neither adds a feature). */
  lex: Float64Array;
  /** Not punctuation and some score in `lex` is not 0: adds lexicon features. */
  scored: boolean;
  /** A negation cue: starts a negation scope. */
  negCue: boolean;
  /** A clause break: ends a clause and a negation scope. */
  brk: boolean;
  /** Which quotation mark `w` is: one of the QUOTE_ constants. */
  quote: number;
  /** An opening quotation mark or `(`: may stand before a sentence-initial mention. */
  lead: boolean;
  /** `raw` is a personal pronoun. */
  pronoun: boolean;
  /** The same token masked as `<name>` (maskNames), made on first use. */
  named: Entry | undefined;
}

const QUOTE_NONE = 0;
const QUOTE_OPEN = 1; // “
const QUOTE_CLOSE = 2; // ”
const QUOTE_STRAIGHT = 3; // "

// Unigram templates: fixed ones, then side-and-bucket ones (`L0:` ... `R<B>:`).
const U_SENTENCE = 0; // S1:
const U_SIDE = 1; // L: R:
const U_CLAUSE = 3; // C:
const U_CLAUSE_SIDE = 4; // CL: CR:
const U_QUOTED = 6; // Q:
const U_PROXIMITY = 7; // P:
const U_SIDE_BUCKET = 8; // L0: ... then R0: ...
const UNIGRAM_FIXED = ['S1:', 'L:', 'R:', 'C:', 'CL:', 'CR:', 'Q:', 'P:'];
// Bigram templates.
const B_SENTENCE = 0; // S2:
const B_SIDE = 1; // Lg2: Rg2:
const B_SIDE_BUCKET = 3; // L0b: ... then R0b: ...
const BIGRAM_FIXED = ['S2:', 'Lg2:', 'Rg2:'];
const SIDES = ['L', 'R'];

const CURLY_APOSTROPHES = /[’‘]/g;
const CAPITALISED = /^\p{Lu}/u;
const NAME_LIKE = /^\p{Lu}\p{Ll}/u;
/** Length of the longest pronoun. */
const MAX_PRONOUN = Math.max(...[...PRONOUNS].map((p) => p.length));
/** Character codes of the first letters of pronouns. */
const PRONOUN_INITIALS = new Set([...PRONOUNS].map((p) => p.charCodeAt(0)));

/** Memoised token forms (and pronoun look-ups) per model are capped at this many. */
const MAX_ENTRIES = 200_000;

const SPACE = /\s/;
/** Whether the UTF-16 unit at i is whitespace (`\s`). */
function isSpace(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return SPACE.test(text[i]!);
}

/**
 * Characters that the tokenizer (lib/text/tokens.ts) can join into a token of several
 * characters, or read in a look-ahead: the first character of any of its multi-character
 * rules (letters, digits, apostrophes) and any later one (marks, `-`, `.`, `,`, `:`, `%`).
 * Must grow with those rules; test/stance/fast-scorer.test.ts checks the cuts it gives.
 */
const GLUE = /[\p{L}\p{M}\p{N}\-'’.,:%]/u;

/** Whether a UTF-16 unit may belong to a token of several characters or be read by a look-ahead of the tokenizer. */
function isGlue(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_GLUE[c] === 1;
  if (c >= 0xd800 && c <= 0xdfff) return true; // half of a surrogate pair: don't reason about it
  return GLUE.test(text[i]!);
}
const ASCII_GLUE = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_GLUE[c] = GLUE.test(String.fromCharCode(c)) ? 1 : 0;

/**
 * Whether position p of a text is a cut: the tokens of the text are those of `text.slice(0, p)`
 * followed by those of `text.slice(p)` (offsets aside), and the same holds in any slice of the
 * text around p. True at either end, and when the character before p is whitespace or
 * cannot be part of a longer token nor be read by a look-ahead of the tokenizer (e.g. `“`, `(`):
 * then no match of the tokenizer's pattern that starts before p reads anything at or after p,
 * and as the pattern has no look-behind, matching from p on does not depend on what is before.
 */
export function isCut(text: string, p: number): boolean {
  return p <= 0 || p >= text.length || !isGlue(text, p - 1);
}

/** Open-addressing hash table from pairs of non-negative ints to dense ids. */
class PairTable {
  private readonly first: Int32Array;
  private readonly second: Int32Array;
  private readonly ids: Int32Array;
  private readonly mask: number;
  size = 0;

  constructor(capacity: number) {
    let n = 16;
    while (n < 2 * capacity) n *= 2;
    this.first = new Int32Array(n).fill(-1);
    this.second = new Int32Array(n);
    this.ids = new Int32Array(n);
    this.mask = n - 1;
  }

  private slot(a: number, b: number): number {
    let i = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x632be5ab, 0x85ebca77)) & this.mask;
    while (this.first[i] !== -1 && (this.first[i] !== a || this.second[i] !== b)) i = (i + 1) & this.mask;
    return i;
  }

  /** Id of the pair, -1 if absent. */
  get(a: number, b: number): number {
    const i = this.slot(a, b);
    return this.first[i] === -1 ? -1 : this.ids[i]!;
  }

  /** Id of the pair, added if absent. */
  add(a: number, b: number): number {
    const i = this.slot(a, b);
    if (this.first[i] === -1) {
      this.first[i] = a;
      this.second[i] = b;
      this.ids[i] = this.size++;
    }
    return this.ids[i]!;
  }
}

/** A stance model compiled for fast scoring; see the module comment. */
export class FastStanceScorer {
  private readonly config: FeatureConfig;
  /** Class scores of the last {@link score}: negative and positive, relative to neutral. */
  zn = 0;
  zp = 0;

  private readonly model: StanceModel;
  private readonly nb: number;
  private readonly nUni: number;
  private readonly nBi: number;
  private readonly wordIds = new Map<string, number>();
  /** Weight index of unigram feature (word, template): `uni[word * nUni + template]`, -1 none. */
  private readonly uni: Int32Array;
  private readonly pairTable: PairTable;
  /** Weight index of bigram feature (pair, template): `bi[pair * nBi + template]`, -1 none. */
  private readonly bi: Int32Array;
  private readonly lexicons: Lexicon[];
  /** Lexicon feature slots: per lexicon and polarity, `lexSlots` slots (see lexSlot*). */
  private readonly lexSlots: number;
  private readonly lexWeight: Int32Array;
  /** Value of each lexicon slot in the current example (0 when unused). */
  private readonly lexValue: Float64Array;
  /** Whether each slot has a value in the current example; the slots that have, in order. */
  private readonly lexUsed: Uint8Array;
  private readonly lexTouched: Int32Array;
  private lexCount = 0;
  /** Whole-sentence lexicon sums: per lexicon, negative then positive. */
  private readonly sentSum: Float64Array;
  private readonly shape: { name: number; multi: number; poss: number; first: number; last: number; quoted: number; hasQuote: number; len: [number, number, number] };
  private readonly words = new Map<string, Entry>();
  private readonly pronouns = new Map<string, string>();
  private readonly puncts = new Map<string, Entry>();
  private readonly numberEntry: Entry;
  private readonly maskEntry: Entry;
  /**
   * Weight indices already counted for the current example (binary features): those whose
   * stamp is `example`, which counts examples from 1 to 255 (small, to stay in cache).
   */
  private stamp: Uint8Array;
  private example = 0;
  // The last sentence's tokens, as they stand in a masked sequence at their own index.
  private sentence: string | undefined;
  private tokens: readonly Token[] = [];
  /** Entry of each token (token 0 never name-masked: it is sentence-initial). */
  private sentEntries: Entry[] = [];
  /** Whether each token is another entity (for `blocked`). */
  private sentEntity = new Uint8Array(64);
  /** Pair id of tokens i and i+1 (-1: in no bigram feature). */
  private sentPairs = new Int32Array(64);
  /** The model's weights, read at the start of each {@link score}. */
  private weights: Float64Array;
  // Scratch of the current masked sequence (see grow): `seq[0 .. len)`, kept at full size.
  private seq: Entry[] = [];
  private len = 0;
  private ent = new Uint8Array(0);
  private pairs = new Int32Array(0);
  private negated = new Uint8Array(0);
  private quoted = new Uint8Array(0);
  private blocked = new Uint8Array(0);
  /** Distance bucket of each distance (bucketOf), for distances below its length. */
  private bucketAt = new Uint8Array(0);

  constructor(model: StanceModel) {
    this.model = model;
    const config = (this.config = model.data.features);
    const nb = (this.nb = config.buckets.length + 1);
    const uniPrefixes = [...UNIGRAM_FIXED];
    const biPrefixes = [...BIGRAM_FIXED];
    for (const side of SIDES) for (let b = 0; b < nb; b++) uniPrefixes.push(`${side}${b}:`);
    for (const side of SIDES) for (let b = 0; b < nb; b++) biPrefixes.push(`${side}${b}b:`);
    this.nUni = uniPrefixes.length;
    this.nBi = biPrefixes.length;

    // Parse every feature name under every template it could come from.
    const uniKeys: number[] = []; // word, template, weight index
    const biKeys: number[] = []; // word, word, template, weight index
    let maxIndex = -1;
    for (const [name, j] of model.index) {
      maxIndex = Math.max(maxIndex, j);
      for (let t = 0; t < uniPrefixes.length; t++) {
        if (name.startsWith(uniPrefixes[t]!)) uniKeys.push(this.intern(name.slice(uniPrefixes[t]!.length)), t, j);
      }
      for (let t = 0; t < biPrefixes.length; t++) {
        if (!name.startsWith(biPrefixes[t]!)) continue;
        const rest = name.slice(biPrefixes[t]!.length);
        for (let k = rest.indexOf('_', 1); k > 0 && k < rest.length - 1; k = rest.indexOf('_', k + 1)) {
          biKeys.push(this.intern(rest.slice(0, k)), this.intern(rest.slice(k + 1)), t, j);
        }
      }
    }
    // Each key (template and pieces) comes from one name: the pieces joined give it back.
    this.uni = new Int32Array(this.wordIds.size * this.nUni).fill(-1);
    for (let p = 0; p < uniKeys.length; p += 3) this.uni[uniKeys[p]! * this.nUni + uniKeys[p + 1]!] = uniKeys[p + 2]!;
    this.pairTable = new PairTable(biKeys.length / 4);
    const pairOf: number[] = [];
    for (let p = 0; p < biKeys.length; p += 4) pairOf.push(this.pairTable.add(biKeys[p]!, biKeys[p + 1]!));
    this.bi = new Int32Array(this.pairTable.size * this.nBi).fill(-1);
    for (let p = 0, q = 0; p < biKeys.length; p += 4, q++) this.bi[pairOf[q]! * this.nBi + biKeys[p + 2]!] = biKeys[p + 3]!;

    // Lexicon features: `lex:<name>:` then L<b>/R<b>, C, Q, Lblk/Lfree/Rblk/Rfree, P, S; then `:pos`/`:neg`.
    this.lexicons = config.lexicons.map((name) => lexicon(name));
    this.lexSlots = 2 * nb + 8;
    this.lexWeight = new Int32Array(config.lexicons.length * 2 * this.lexSlots);
    this.lexValue = new Float64Array(this.lexWeight.length);
    this.lexUsed = new Uint8Array(this.lexWeight.length);
    this.lexTouched = new Int32Array(this.lexWeight.length);
    this.sentSum = new Float64Array(2 * config.lexicons.length);
    const slotNames: string[] = [];
    for (const side of SIDES) for (let b = 0; b < nb; b++) slotNames.push(`${side}${b}`);
    slotNames.push('C', 'Q', 'Lblk', 'Lfree', 'Rblk', 'Rfree', 'P', 'S');
    config.lexicons.forEach((lex, l) => {
      ['neg', 'pos'].forEach((pol, positive) => {
        slotNames.forEach((slot, k) => {
          this.lexWeight[this.lexSlot(l, positive, 0) + k] = model.index.get(`lex:${lex}:${slot}:${pol}`) ?? -1;
        });
      });
    });
    const at = (name: string): number => model.index.get(name) ?? -1;
    this.shape = {
      name: at('M:name'),
      multi: at('M:multi'),
      poss: at('M:poss'),
      first: at('M:first'),
      last: at('M:last'),
      quoted: at('M:quoted'),
      hasQuote: at('S:hasquote'),
      len: [at('S:len:short'), at('S:len:mid'), at('S:len:long')],
    };
    this.numberEntry = this.entry('<num>', '<num>', false);
    this.maskEntry = this.entry('<T>', '<T>', false);
    this.stamp = new Uint8Array(maxIndex + 1);
    this.weights = model.weights;
    this.grow(64);
  }

  /** Slot of a lexicon feature: lexicon l, positive 0/1, then the offset of its kind. */
  private lexSlot(l: number, positive: number, offset: number): number {
    return (2 * l + positive) * this.lexSlots + offset;
  }

  /** Id of a piece of a feature name (registering it). */
  private intern(piece: string): number {
    let id = this.wordIds.get(piece);
    if (id === undefined) {
      id = this.wordIds.size;
      this.wordIds.set(piece, id);
    }
    return id;
  }

  private entry(w: string, raw: string, punct: boolean): Entry {
    const lex = new Float64Array(this.lexicons.length);
    if (!punct && raw !== '<T>') this.lexicons.forEach((l, k) => (lex[k] = lexiconScore(l, raw) ?? 0));
    return {
      scored: lex.some((v) => v !== 0),
      w,
      raw,
      punct,
      wid: this.wordIds.get(w) ?? -1,
      notWid: this.wordIds.get(`NOT_${w}`) ?? -1,
      lex,
      negCue: NEGATIONS.has(raw) || raw.endsWith("n't"),
      brk: CLAUSE_BREAKS.has(w),
      quote: w === '“' ? QUOTE_OPEN : w === '”' ? QUOTE_CLOSE : w === '"' ? QUOTE_STRAIGHT : QUOTE_NONE,
      lead: QUOTES_OPEN.has(w) || w === '(',
      pronoun: PRONOUNS.has(raw),
      named: undefined,
    };
  }

  /** The entry of a token (as maskedTokens converts it) at position `pos` of a masked sequence. */
  private entryOf(t: Token, pos: number): Entry {
    if (t.kind === 'number') return this.numberEntry;
    const punct = t.kind === 'punct';
    const cache = punct ? this.puncts : this.words;
    let e = cache.get(t.norm);
    if (e === undefined) {
      const raw = form(t);
      e = this.entry(!punct && this.config.stem === true ? stemOf(raw) : raw, raw, punct);
      if (cache.size < MAX_ENTRIES) cache.set(t.norm, e);
    }
    if (this.config.maskNames === true && pos > 0 && !punct && NAME_LIKE.test(t.text)) {
      e.named ??= { ...this.entry('<name>', e.raw, false), lex: e.lex };
      return e.named;
    }
    return e;
  }

  /**
   * Whether the token at position `pos` of a masked sequence is another entity (maskedTokens'
   * `entity`); only used, so only computed, with the `blocked` features.
   */
  private entityOf(t: Token, e: Entry, pos: number): number {
    if (this.config.blocked !== true) return 0;
    return (pos > 0 && t.kind === 'word' && CAPITALISED.test(t.text)) || e.pronoun ? 1 : 0;
  }

  private pairId(a: Entry, b: Entry): number {
    return a.wid < 0 || b.wid < 0 ? -1 : this.pairTable.get(a.wid, b.wid);
  }

  /** Tokenizes the sentence unless it is the last one: once for the mentions of a sentence. */
  private sentenceTokens(sentence: string): void {
    if (this.sentence === sentence) return;
    this.sentence = undefined; // in case of an exception below
    const tokens = (this.tokens = tokenize(sentence));
    const n = tokens.length;
    if (this.sentEntity.length < n) {
      this.sentEntity = new Uint8Array(2 * n);
      this.sentPairs = new Int32Array(2 * n);
    }
    const { sentEntries: entries, sentEntity: entity, sentPairs: pairs } = this;
    for (let i = 0; i < n; i++) {
      entries[i] = this.entryOf(tokens[i]!, i);
      entity[i] = this.entityOf(tokens[i]!, entries[i]!, i);
    }
    for (let i = 0; i + 1 < n; i++) pairs[i] = this.pairId(entries[i]!, entries[i + 1]!);
    this.sentence = sentence;
  }

  /** Makes the scratch arrays hold at least n tokens (keeping what they hold). */
  private grow(n: number): void {
    if (this.ent.length >= n) return;
    const size = Math.max(n, 2 * this.ent.length);
    this.bucketAt = new Uint8Array(size);
    for (let d = 1; d < size; d++) this.bucketAt[d] = bucketOf(d, this.config.buckets);
    const ent = new Uint8Array(size);
    ent.set(this.ent);
    this.ent = ent;
    const pairs = new Int32Array(size);
    pairs.set(this.pairs);
    this.pairs = pairs;
    while (this.seq.length < size) this.seq.push(this.maskEntry);
    this.negated = new Uint8Array(size);
    this.quoted = new Uint8Array(size);
    this.blocked = new Uint8Array(size);
  }

  /** Appends an entry at the end of the masked sequence, with its pair to the one before. */
  private push(e: Entry, entity: number): void {
    const k = this.len++;
    this.grow(k + 1);
    this.ent[k] = entity;
    if (k > 0) this.pairs[k - 1] = this.pairId(this.seq[k - 1]!, e);
    this.seq[k] = e;
  }

  /** Appends the tokens of a piece of text tokenized on its own, as at positions from `pos`. */
  private pushTokens(tokens: readonly Token[], pos: number): void {
    for (let i = 0; i < tokens.length; i++) {
      const e = this.entryOf(tokens[i]!, pos + i);
      this.push(e, this.entityOf(tokens[i]!, e, pos + i));
    }
  }

  /** Appends tokens [from, to) of the last sentence (not as sentence-initial unless first). */
  private pushSentence(from: number, to: number): void {
    if (from >= to) return;
    if (from === 0 && this.len > 0) {
      // token 0's cached entry is that of a sentence-initial token
      this.pushTokens(this.tokens.slice(0, to), this.len);
      return;
    }
    this.grow(this.len + (to - from));
    this.push(this.sentEntries[from]!, this.sentEntity[from]!);
    const { seq, ent, pairs, sentEntries, sentEntity, sentPairs } = this;
    let k = this.len;
    for (let i = from + 1; i < to; i++, k++) {
      ent[k] = sentEntity[i]!;
      pairs[k - 1] = sentPairs[i - 1]!;
      seq[k] = sentEntries[i]!;
    }
    this.len = k;
  }

  /**
   * Builds the masked sequence of maskedTokens(sentence, start, end) into the scratch arrays:
   * the tokens of `sentence.slice(0, start)`, `<T>`, the tokens of `sentence.slice(end)`.
   * Returns the index of `<T>`.
   */
  private mask(sentence: string, start: number, end: number): number {
    this.sentenceTokens(sentence);
    const toks = this.tokens;
    const n = toks.length;
    this.len = 0;
    // Left: the sentence's tokens before the last cut p <= start, then those of [p, start).
    let p = start;
    while (!isCut(sentence, p)) p--;
    let a = 0;
    while (a < n && toks[a]!.start < p) a++;
    this.pushSentence(0, a);
    if (p < start) this.pushTokens(tokenize(sentence.slice(p, start)), a);
    const at = this.len;
    this.push(this.maskEntry, 0);
    // Right: if no token of the sentence straddles `end`, the sentence's tokens from `end`
    // (`end` then works as a cut for the text right of it); else those of [end, q) for the
    // next cut q, then the sentence's tokens from q.
    let c = a;
    while (c < n && toks[c]!.start < end) c++;
    if (c > 0 && toks[c - 1]!.end > end) {
      let q = end + 1;
      while (!isCut(sentence, q)) q++;
      this.pushTokens(tokenize(sentence.slice(end, q)), at + 1);
      while (c < n && toks[c]!.start < q) c++;
    }
    this.pushSentence(c, n);
    return at;
  }

  /** Counts feature j (weight index; -1: not in the model) once per example when binary. */
  private hit(j: number, binary: boolean): void {
    if (j < 0) return;
    if (binary) {
      if (this.stamp[j] === this.example) return;
      this.stamp[j] = this.example;
    }
    const w = this.weights;
    this.zn += w[2 * j]!;
    this.zp += w[2 * j + 1]!;
  }

  /** Adds v to lexicon slot k (see lexSlot), listing the slot on first use in an example. */
  private addLex(k: number, v: number): void {
    if (this.lexUsed[k] === 0) {
      this.lexUsed[k] = 1;
      this.lexTouched[this.lexCount++] = k;
    }
    this.lexValue[k] += v;
  }

  /** Adds feature j (weight index) with value v. */
  private addScaled(j: number, v: number): void {
    if (j < 0) return;
    const w = this.weights;
    this.zn += v * w[2 * j]!;
    this.zp += v * w[2 * j + 1]!;
  }

  /** Weight index of a unigram feature, -1 if none. */
  private uniAt(wid: number, template: number): number {
    return wid < 0 ? -1 : this.uni[wid * this.nUni + template]!;
  }

  /** Weight index of a bigram feature, -1 if none. */
  private biAt(pair: number, template: number): number {
    return pair < 0 ? -1 : this.bi[pair * this.nBi + template]!;
  }

  /**
   * Class scores (negative, positive; neutral is 0) of the sentence toward the mention at
   * [start, end), into `zn` and `zp`: the bias plus the weights of extractFeatures'
   * features times their values.
   */
  score(sentence: string, start: number, end: number): void {
    const config = this.config;
    const at = this.mask(sentence, start, end);
    const seq = this.seq;
    const n = this.len;
    const { ent, pairs, negated, quoted, blocked } = this;
    const binary = config.binary === true;
    const tau = config.proximity ?? 0;
    const bucketAt = this.bucketAt;
    const nb = this.nb;
    this.weights = this.model.weights;
    if (++this.example === 256) {
      this.stamp.fill(0);
      this.example = 1;
    }
    this.zn = this.model.data.bias[0];
    this.zp = this.model.data.bias[1];

    // Negation scope: a cue marks the next `negationWindow` tokens (stopping at a clause break).
    negated.fill(0, 0, n);
    if (config.negationWindow > 0) {
      for (let i = 0; i < n; i++) {
        if (!seq[i]!.negCue) continue;
        for (let j = i + 1; j <= i + config.negationWindow && j < n; j++) {
          if (seq[j]!.brk) break;
          negated[j] = 1;
        }
      }
    }
    // Clause of the mention: between the nearest clause breaks around it.
    let cs = at;
    while (cs > 0 && !seq[cs - 1]!.brk) cs--;
    let ce = at;
    while (ce < n - 1 && !seq[ce + 1]!.brk) ce++;
    // Inside quotation marks (curly quotes open/close; straight quotes toggle).
    quoted.fill(0, 0, n);
    if (config.quotes) {
      let q = 0;
      for (let i = 0; i < n; i++) {
        const k = seq[i]!.quote;
        if (k === QUOTE_OPEN) q = 1;
        else if (k === QUOTE_CLOSE) q = 0;
        else if (k === QUOTE_STRAIGHT) q = 1 - q;
        else quoted[i] = q;
      }
    }

    // Whole-sentence n-grams (fastStanceScorer only compiles configurations up to bigrams).
    if (config.sentenceNgrams >= 1) for (let i = 0; i < n; i++) this.hit(this.uniAt(seq[i]!.wid, U_SENTENCE), binary);
    if (config.sentenceNgrams >= 2) for (let i = 0; i + 1 < n; i++) this.hit(this.biAt(pairs[i]!, B_SENTENCE), binary);

    // Side-tagged n-grams and distance-tagged unigrams/bigrams.
    const bigrams = config.sideNgrams >= 2 || config.sideDistanceBigramsUpTo >= 0;
    for (let i = 0; i < n; i++) {
      if (i === at) continue;
      const e = seq[i]!;
      const side = i < at ? 0 : 1;
      const d = i < at ? at - i : i - at;
      const b = bucketAt[d]!;
      const wid = negated[i] ? e.notWid : e.wid;
      if (wid >= 0) {
        const row = wid * this.nUni;
        if (config.sideNgrams >= 1) this.hit(this.uni[row + U_SIDE + side]!, binary);
        if (config.sideDistance) this.hit(this.uni[row + U_SIDE_BUCKET + side * nb + b]!, binary);
        const inClause = i >= cs && i <= ce;
        if (config.clause && inClause) this.hit(this.uni[row + U_CLAUSE]!, binary);
        if (config.clauseSide && inClause) this.hit(this.uni[row + U_CLAUSE_SIDE + side]!, binary);
        if (quoted[i]) this.hit(this.uni[row + U_QUOTED]!, binary);
        if (tau > 0 && !e.punct) this.addScaled(this.uni[row + U_PROXIMITY]!, Math.exp(-(d - 1) / tau));
      }
      if (bigrams) {
        // bigram starting at i, within one side (the mask itself may be the second element)
        if (i + 1 < n && (side === 0 ? i + 1 <= at : true)) {
          const p = pairs[i]!;
          if (config.sideNgrams >= 2) this.hit(this.biAt(p, B_SIDE + side), binary);
          if (b <= config.sideDistanceBigramsUpTo) this.hit(this.biAt(p, B_SIDE_BUCKET + side * nb + b), binary);
        }
        if (side === 1 && i === at + 1 && config.sideDistanceBigramsUpTo >= 0) this.hit(this.biAt(pairs[at]!, B_SIDE_BUCKET + nb + b), binary);
      }
    }

    // Whether another entity stands between token i and the mention.
    blocked.fill(0, 0, n);
    if (config.blocked) {
      let seen = 0;
      for (let i = at - 1; i >= 0; i--) {
        blocked[i] = seen;
        if (ent[i]) seen = 1;
      }
      seen = 0;
      for (let i = at + 1; i < n; i++) {
        blocked[i] = seen;
        if (ent[i]) seen = 1;
      }
    }
    // Lexicon sums by side and distance bucket (and clause), negation flips. Each slot sums
    // its values in token order, as extractFeatures does lexicon by lexicon.
    const C = 2 * nb; // offsets of the slots after the side-and-bucket ones
    const nl = this.lexicons.length;
    const sentSum = this.sentSum; // per lexicon: negative, positive
    sentSum.fill(0);
    for (let i = 0; i < n; i++) {
      const e = seq[i]!;
      if (i === at || !e.scored) continue;
      const side = i < at ? 0 : 1;
      const d = i < at ? at - i : i - at;
      const sideBucket = side * nb + bucketAt[d]!;
      const inClause = config.clause && i >= cs && i <= ce;
      const blockedSlot = C + 2 + 2 * side + (blocked[i] ? 0 : 1);
      for (let l = 0; l < nl; l++) {
        let s = e.lex[l]!;
        if (s === 0) continue;
        if (negated[i]) s = -s;
        const slot = this.lexSlot(l, s > 0 ? 1 : 0, 0);
        const v = Math.abs(s);
        this.addLex(slot + sideBucket, v);
        if (inClause) this.addLex(slot + C, v);
        if (quoted[i]) this.addLex(slot + C + 1, v);
        if (config.blocked) this.addLex(slot + blockedSlot, v);
        if (tau > 0) this.addLex(slot + C + 6, v * Math.exp(-(d - 1) / tau));
        if (s > 0) sentSum[2 * l + 1] += s;
        else sentSum[2 * l] -= s;
      }
    }
    if (config.sentenceLexicon) {
      for (let l = 0; l < nl; l++) {
        if (sentSum[2 * l + 1]) this.addLex(this.lexSlot(l, 1, C + 7), Math.log1p(sentSum[2 * l + 1]!));
        if (sentSum[2 * l]) this.addLex(this.lexSlot(l, 0, C + 7), Math.log1p(sentSum[2 * l]!));
      }
    }
    for (let t = 0; t < this.lexCount; t++) {
      const k = this.lexTouched[t]!;
      this.addScaled(this.lexWeight[k]!, this.lexValue[k]!);
      this.lexValue[k] = 0;
      this.lexUsed[k] = 0;
    }
    this.lexCount = 0;

    if (config.shape) this.shapeFeatures(sentence, start, end, at, binary);
  }

  /** The pronoun a word is (lower case, straight apostrophes), '' if none; memoised. */
  private pronounOf(word: string): string {
    // An ASCII first letter stays the first letter when lower-cased: no pronoun starts otherwise.
    const c = word.charCodeAt(0);
    if (c < 128 && !PRONOUN_INITIALS.has(c | 0x20)) return '';
    let pronoun = this.pronouns.get(word);
    if (pronoun === undefined) {
      const lower = word.toLowerCase().replace(CURLY_APOSTROPHES, "'");
      pronoun = PRONOUNS.has(lower) ? lower : '';
      if (this.pronouns.size < MAX_ENTRIES) this.pronouns.set(word, pronoun);
    }
    return pronoun;
  }

  /** Shape features: mention is a pronoun, possessive, sentence-initial, inside quotes... */
  private shapeFeatures(sentence: string, start: number, end: number, at: number, binary: boolean): void {
    const seq = this.seq;
    const n = this.len;
    const shape = this.shape;
    // The mention's first word (up to whitespace), lower case with straight apostrophes, if it
    // may be a pronoun: lower-casing never shortens a string, so a longer one cannot be.
    let space = start;
    while (space < end && !isSpace(sentence, space)) space++;
    const pronoun = space - start <= MAX_PRONOUN ? this.pronounOf(sentence.slice(start, space)) : '';
    if (pronoun) this.hit(this.model.index.get(`M:pron:${pronoun}`) ?? -1, binary);
    else this.hit(shape.name, binary);
    if (space < end) this.hit(shape.multi, binary);
    const next = at + 1 < n ? seq[at + 1]!.w : undefined;
    if (next === "'s" || next === "'") this.hit(shape.poss, binary);
    let lead = 0;
    while (lead < at && seq[lead]!.lead) lead++;
    if (lead === at) this.hit(shape.first, binary);
    let last = at === n - 1;
    if (!last && at + 1 < n) {
      last = true;
      for (let i = at + 1; i < n && last; i++) last = seq[i]!.punct;
    }
    if (last) this.hit(shape.last, binary);
    // inside quotes: a curly quote opened and not closed before the mention, or an odd number of straight ones
    let q = 0;
    let straight = 0;
    for (let i = 0; i < at; i++) {
      const k = seq[i]!.quote;
      if (k === QUOTE_STRAIGHT) straight++;
      else if (k === QUOTE_OPEN) q++;
      else if (k === QUOTE_CLOSE) q = Math.max(0, q - 1);
    }
    if (q > 0 || straight % 2 === 1) this.hit(shape.quoted, binary);
    let hasQuote = false;
    for (let i = 0; i < n && !hasQuote; i++) hasQuote = seq[i]!.quote !== QUOTE_NONE;
    if (hasQuote) this.hit(shape.hasQuote, binary);
    this.hit(shape.len[n < 15 ? 0 : n < 35 ? 1 : 2]!, binary);
  }
}

/** What was compiled for a model, and from what (compiled again if either is replaced). */
interface Compiled {
  index: StanceModel['index'];
  config: FeatureConfig;
  scorer: FastStanceScorer | undefined;
}
const compiled = new WeakMap<StanceModel, Compiled>();

/**
 * The fast scorer of a model, compiled on first use; undefined for models it does not handle,
 * which are scored through extractFeatures: n-grams longer than two, or an index that maps two
 * feature names to one weight (never so in a model from compileModel), since binary features are
 * deduplicated by weight index.
 */
export function fastStanceScorer(model: StanceModel): FastStanceScorer | undefined {
  const config = model.data.features;
  let c = compiled.get(model);
  if (c === undefined || c.index !== model.index || c.config !== config) {
    const supported = config.sentenceNgrams <= 2 && config.sideNgrams <= 2 && new Set(model.index.values()).size === model.index.size;
    c = { index: model.index, config, scorer: supported ? new FastStanceScorer(model) : undefined };
    compiled.set(model, c);
  }
  return c.scorer;
}
