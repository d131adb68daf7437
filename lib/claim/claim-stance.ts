import { tokenize, type Token } from '../text/tokens';
import { CUE_KINDS, cueTable, type CueSlot, type CueTable } from './cue-table';
import { loadClaimCues, type ClaimCues, type Cue } from './cues';

/** One cue found in a sentence, with the value it contributed. */
export interface ClaimCueHit {
  text: string;
  start: number;
  end: number;
  /** Signed contribution: > 0 optimism, < 0 scepticism (after negation). */
  value: number;
  negated: boolean;
}

/** The stance of one sentence toward the claim. */
export interface ClaimStance {
  /** In (-1, 1): > 0 the sentence expects relations to improve, < 0 it doubts it; 0 without cues. */
  optimism: number;
  /** Whether the sentence is on topic and has at least one optimism or scepticism cue. */
  claimCue: boolean;
  hedges: number;
  boosters: number;
  cues: ClaimCueHit[];
}

/** Options of {@link claimStance}. */
export interface ClaimOptions {
  /** Compiled cues (see `loadClaimCues`). Default: data/lexicon/claim.json. */
  cues?: ClaimCues;
  /** Tokens before a cue in which a negator flips it. Default 3. */
  negationWindow?: number;
  /** Factor applied per hedge (at most two), damping the stance. Default 0.75. */
  hedgeFactor?: number;
  /** Factor applied per booster (at most two), strengthening the stance. Default 1.2. */
  boosterFactor?: number;
}

const DEFAULTS = Object.freeze({ negationWindow: 3, hedgeFactor: 0.75, boosterFactor: 1.2 });
/** The options when none are given (shared: no object made per call). */
const NO_OPTIONS: ClaimOptions = Object.freeze({});

const isNegator = (norm: string, negators: ReadonlySet<string>): boolean => negators.has(norm) || norm.endsWith("n't");

/** Punctuation a negation does not reach across, by ASCII code; see {@link isBreak}. */
const ASCII_BREAKS = new Uint8Array(128);
for (const ch of ',;:.!?()"') ASCII_BREAKS[ch.charCodeAt(0)] = 1;
const BREAK_RE = /[,;:.!?()“”"—–]/;

/** Whether a punctuation token holds one of `, ; : . ! ? ( ) “ ” " — –`. */
function isBreak(token: Token): boolean {
  const text = token.text;
  if (text.length !== 1) return BREAK_RE.test(text);
  const c = text.charCodeAt(0);
  return c < 128 ? ASCII_BREAKS[c] === 1 : c === 0x201c || c === 0x201d || c === 0x2014 || c === 0x2013;
}

// The per-token code lives here rather than in cue-table.ts: a call across modules can cost a
// property read (or a getter) each, and this runs for every token.

/** Positions of the indexes in a slot's `kinds` (local constants: read on every token). */
const TOPIC = CUE_KINDS.indexOf('topic');
const HEDGE = CUE_KINDS.indexOf('hedges');
const BOOSTER = CUE_KINDS.indexOf('boosters');
const OPTIMISM = CUE_KINDS.indexOf('optimism');
const SCEPTICISM = CUE_KINDS.indexOf('scepticism');

/** Per index ({@link TOPIC} … {@link SCEPTICISM}), the longest cue found at the current token. */
const found: Array<Cue | null> = [null, null, null, null, null];

/** Whether `cue` matches the tokens from position `i` (`matchesAt` on the tokens' norms). */
function cueMatches(tokens: readonly Token[], i: number, cue: Cue): boolean {
  const words = cue.tokens;
  const last = words.length - 1;
  if (i + last >= tokens.length) return false;
  for (let k = 0; k < last; k++) if (tokens[i + k].norm !== words[k]) return false;
  const norm = tokens[i + last].norm;
  return cue.prefix ? norm.startsWith(words[last]) : norm === words[last];
}

/**
 * Records in {@link found}, per index, the cues of a slot matching at token `i` that are longer
 * than the one found so far: `cueAt`'s rule, applied to the exact slot then the prefix slot.
 */
function scanSlot(tokens: readonly Token[], i: number, slot: CueSlot): void {
  const { cues, kinds } = slot;
  for (let k = 0; k < cues.length; k++) {
    const cue = cues[k];
    const best = found[kinds[k]];
    if ((best === null || cue.tokens.length > best.tokens.length) && cueMatches(tokens, i, cue)) found[kinds[k]] = cue;
  }
}

/**
 * The cheap first test, small enough to be inlined in the token loop: 0 if no cue can start at a
 * token with this norm (what most tokens get, from its first three characters), else the id of
 * its pair entry, or -1 if its first two characters are not both ASCII (no pair entry).
 */
function pairOf(table: CueTable, norm: string): number {
  const c0 = norm.charCodeAt(0);
  const c1 = norm.charCodeAt(1); // NaN for a one-character norm
  if (!(c0 < 128 && c1 < 128)) return -1;
  const charClass = table.charClass;
  const id = table.pairIds[charClass[c0] * table.classes + charClass[c1]];
  if (id === 0) return 0;
  const c2 = norm.length > 2 ? Math.min(norm.charCodeAt(2), 128) : 128;
  return (table.thirds[(id - 1) * 5 + (c2 >> 5)] & (1 << (c2 & 31))) === 0 ? 0 : id;
}

/**
 * Fills {@link found} with the cues starting at token `i`, given its {@link pairOf} (not 0);
 * false (and {@link found} untouched) if none can start there.
 */
function cuesAt(table: CueTable, tokens: readonly Token[], i: number, pair: number): boolean {
  const norm = tokens[i].norm;
  let exact: CueSlot | undefined;
  let prefix: CueSlot | undefined;
  if (pair > 0) {
    const entry = table.pairs[pair - 1];
    const keys = entry.exactKeys;
    for (let k = 0; k < keys.length; k++) {
      if (keys[k].length === norm.length && keys[k] === norm) {
        exact = entry.exactSlots[k];
        break;
      }
    }
    prefix = entry.prefix;
  } else if (norm.length === 1 && norm.charCodeAt(0) < 128) {
    exact = table.exactOne[norm.charCodeAt(0)];
    prefix = table.prefixOne[norm.charCodeAt(0)];
  } else {
    exact = table.exact.get(norm);
    prefix = table.prefixOther.get(norm.slice(0, 2));
  }
  if (exact === undefined && prefix === undefined) return false;
  found[TOPIC] = found[HEDGE] = found[BOOSTER] = found[OPTIMISM] = found[SCEPTICISM] = null;
  if (exact !== undefined) scanSlot(tokens, i, exact);
  if (prefix !== undefined) scanSlot(tokens, i, prefix);
  return true;
}

/**
 * The stance a sentence takes toward the claim "US-Russia relations will improve": optimism
 * cues (reset, restore, constructive, breakthrough…) against scepticism cues (doubt, unlikely,
 * failed, "benefit of the doubt"…), a negator shortly before a cue flipping it, hedges damping
 * and boosters strengthening the result. Sentences off the topic of US-Russia relations score 0.
 *
 * @example
 * claimStance('Moscow is ready to restore relations with Washington.').optimism // > 0
 * claimStance('Trump failed to lift sanctions on Russia.').optimism            // < 0
 */
export function claimStance(text: string, options: ClaimOptions = NO_OPTIONS): ClaimStance {
  // The options merged with the defaults, made when first needed (at a cue): most sentences have none.
  let opts: { negationWindow: number; hedgeFactor: number; boosterFactor: number } | undefined;
  const cues = options.cues ?? loadClaimCues();
  const tokens = tokenize(text);
  const table = cueTable(cues);
  let onTopic = false;
  let hedges = 0;
  let boosters = 0;
  const hits: ClaimCueHit[] = [];
  let lastBreak = -1;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind === 'punct' && isBreak(token)) lastBreak = i;
    const pair = pairOf(table, token.norm);
    if (pair === 0 || !cuesAt(table, tokens, i, pair)) continue;
    if (found[TOPIC]) onTopic = true;
    if (found[HEDGE]) hedges++;
    if (found[BOOSTER]) boosters++;
    const opt = found[OPTIMISM];
    const scep = found[SCEPTICISM];
    const cue = opt && (!scep || opt.tokens.length >= scep.tokens.length) ? opt : scep;
    if (!cue) continue;
    let value = cue === opt ? cue.weight : -cue.weight;
    let negated = false;
    opts ??= { ...DEFAULTS, ...options };
    const from = Math.max(0, i - opts.negationWindow, lastBreak + 1);
    for (let k = i - 1; k >= from; k--) {
      if (isNegator(tokens[k].norm, cues.negators)) {
        negated = true;
        value = -value * 0.75;
        break;
      }
    }
    const end = i + cue.tokens.length - 1;
    hits.push({ text: text.slice(tokens[i].start, tokens[end].end), start: tokens[i].start, end: tokens[end].end, value, negated });
    i = end;
  }
  if (!onTopic || hits.length === 0 || opts === undefined) return { optimism: 0, claimCue: false, hedges, boosters, cues: hits };
  let raw = hits.reduce((s, h) => s + h.value, 0);
  raw *= opts.hedgeFactor ** Math.min(hedges, 2) * opts.boosterFactor ** Math.min(boosters, 2);
  return { optimism: raw / (1 + Math.abs(raw)), claimCue: true, hedges, boosters, cues: hits };
}
