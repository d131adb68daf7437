import { PUNCT, tapeOf, type TokenTape } from '../text/tape';
import { CUE_KINDS, cueTable, isNegatorWord, wordCues, type CueSlot } from './cue-table';
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

/** Punctuation a negation does not reach across, by ASCII code; see {@link isBreak}. */
const ASCII_BREAKS = new Uint8Array(128);
for (const ch of ',;:.!?()"') ASCII_BREAKS[ch.charCodeAt(0)] = 1;
const BREAK_RE = /[,;:.!?()“”"—–]/;

/** Whether punctuation token `i` holds one of `, ; : . ! ? ( ) “ ” " — –`. */
function isBreak(tape: TokenTape, i: number): boolean {
  const start = tape.start(i);
  if (tape.end(i) - start !== 1) return BREAK_RE.test(tape.textOf(i));
  const c = tape.text.charCodeAt(start);
  return c < 128 ? ASCII_BREAKS[c] === 1 : c === 0x201c || c === 0x201d || c === 0x2014 || c === 0x2013;
}

/** Positions of the indexes in a slot's `kinds`. */
const TOPIC = CUE_KINDS.indexOf('topic');
const HEDGE = CUE_KINDS.indexOf('hedges');
const BOOSTER = CUE_KINDS.indexOf('boosters');
const OPTIMISM = CUE_KINDS.indexOf('optimism');
const SCEPTICISM = CUE_KINDS.indexOf('scepticism');

/** Per index ({@link TOPIC} … {@link SCEPTICISM}), the longest cue found at the current token. */
const found: Array<Cue | null> = [null, null, null, null, null];

/** Whether `cue` matches the tokens from position `i` (`matchesAt` on the tokens' norms). */
function cueMatches(tape: TokenTape, i: number, cue: Cue): boolean {
  const words = cue.tokens;
  const last = words.length - 1;
  if (i + last >= tape.n) return false;
  for (let k = 0; k < last; k++) if (tape.norm(i + k) !== words[k]) return false;
  const norm = tape.norm(i + last);
  return cue.prefix ? norm.startsWith(words[last]) : norm === words[last];
}

/**
 * Records in {@link found}, per index, the cues of a slot matching at token `i` that are longer
 * than the one found so far: `cueAt`'s rule, applied to the exact slot then the prefix slot.
 */
function scanSlot(tape: TokenTape, i: number, slot: CueSlot): void {
  const { cues, kinds } = slot;
  for (let k = 0; k < cues.length; k++) {
    const cue = cues[k];
    const best = found[kinds[k]];
    if ((best === null || cue.tokens.length > best.tokens.length) && cueMatches(tape, i, cue)) found[kinds[k]] = cue;
  }
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
  return claimStanceOfTape(tapeOf(text), options);
}

/** {@link claimStance} of a sentence already on a token tape. */
export function claimStanceOfTape(tape: TokenTape, options: ClaimOptions = NO_OPTIONS): ClaimStance {
  // The options merged with the defaults, made when first needed (at a cue): most sentences have none.
  let opts: { negationWindow: number; hedgeFactor: number; boosterFactor: number } | undefined;
  const table = cueTable(options.cues ?? loadClaimCues());
  const text = tape.text;
  let onTopic = false;
  let hedges = 0;
  let boosters = 0;
  let hits: ClaimCueHit[] | undefined;
  let lastBreak = -1;
  for (let i = 0; i < tape.n; i++) {
    if (tape.kind(i) === PUNCT && isBreak(tape, i)) lastBreak = i;
    const at = wordCues(table, tape.id(i));
    if (at === undefined) continue;
    found[TOPIC] = found[HEDGE] = found[BOOSTER] = found[OPTIMISM] = found[SCEPTICISM] = null;
    if (at.exact !== undefined) scanSlot(tape, i, at.exact);
    if (at.prefix !== undefined) scanSlot(tape, i, at.prefix);
    if (found[TOPIC]) onTopic = true;
    if (found[HEDGE]) hedges++;
    if (found[BOOSTER]) boosters++;
    // Read back through the declared type: scanSlot filled the slots after they were cleared above.
    const opt = found[OPTIMISM] as Cue | null;
    const scep = found[SCEPTICISM] as Cue | null;
    const cue = opt && (!scep || opt.tokens.length >= scep.tokens.length) ? opt : scep;
    if (!cue) continue;
    let value = cue === opt ? cue.weight : -cue.weight;
    let negated = false;
    opts ??= { ...DEFAULTS, ...options };
    const from = Math.max(0, i - opts.negationWindow, lastBreak + 1);
    for (let k = i - 1; k >= from; k--) {
      if (isNegatorWord(table, tape.id(k))) {
        negated = true;
        value = -value * 0.75;
        break;
      }
    }
    const end = i + cue.tokens.length - 1;
    (hits ??= []).push({ text: text.slice(tape.start(i), tape.end(end)), start: tape.start(i), end: tape.end(end), value, negated });
    i = end;
  }
  if (!onTopic || hits === undefined || opts === undefined) return { optimism: 0, claimCue: false, hedges, boosters, cues: hits ?? [] };
  let raw = hits.reduce((s, h) => s + h.value, 0);
  raw *= opts.hedgeFactor ** Math.min(hedges, 2) * opts.boosterFactor ** Math.min(boosters, 2);
  return { optimism: raw / (1 + Math.abs(raw)), claimCue: true, hedges, boosters, cues: hits };
}
