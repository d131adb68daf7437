import { tokenize } from '../text/tokens';
import { cueAt, loadClaimCues, type ClaimCues } from './cues';

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

const isNegator = (norm: string, negators: ReadonlySet<string>): boolean => negators.has(norm) || norm.endsWith("n't");

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
export function claimStance(text: string, options: ClaimOptions = {}): ClaimStance {
  const opts = { ...DEFAULTS, ...options };
  const cues = options.cues ?? loadClaimCues();
  const tokens = tokenize(text);
  const norms = tokens.map((t) => t.norm);
  let onTopic = false;
  let hedges = 0;
  let boosters = 0;
  const hits: ClaimCueHit[] = [];
  let lastBreak = -1;
  for (let i = 0; i < norms.length; i++) {
    if (tokens[i].kind === 'punct' && /[,;:.!?()“”"—–]/.test(tokens[i].text)) lastBreak = i;
    if (!onTopic && cueAt(norms, i, cues.topic)) onTopic = true;
    if (cueAt(norms, i, cues.hedges)) hedges++;
    if (cueAt(norms, i, cues.boosters)) boosters++;
    const opt = cueAt(norms, i, cues.optimism);
    const scep = cueAt(norms, i, cues.scepticism);
    const cue = opt && (!scep || opt.tokens.length >= scep.tokens.length) ? opt : scep;
    if (!cue) continue;
    let value = cue === opt ? cue.weight : -cue.weight;
    let negated = false;
    for (let k = i - 1; k >= Math.max(0, i - opts.negationWindow, lastBreak + 1); k--) {
      if (isNegator(norms[k], cues.negators)) {
        negated = true;
        value = -value * 0.75;
        break;
      }
    }
    const end = i + cue.tokens.length - 1;
    hits.push({ text: text.slice(tokens[i].start, tokens[end].end), start: tokens[i].start, end: tokens[end].end, value, negated });
    i = end;
  }
  if (!onTopic || hits.length === 0) return { optimism: 0, claimCue: false, hedges, boosters, cues: hits };
  let raw = hits.reduce((s, h) => s + h.value, 0);
  raw *= opts.hedgeFactor ** Math.min(hedges, 2) * opts.boosterFactor ** Math.min(boosters, 2);
  return { optimism: raw / (1 + Math.abs(raw)), claimCue: true, hedges, boosters, cues: hits };
}
