/**
 * The lexicon fallback: stance toward a mention from the lexicon scores of the words around it,
 * weighted by distance, negation flipping the words that follow a cue. Used when no model file
 * is available or when asked for with `method: 'lexicon'`.
 */
import { lexicon } from '../sentiment/lexicon';
import { lexiconScore, maskedTokens, type FeatureLexicon } from './features';

export interface LexiconStanceOptions {
  /** Lexicons averaged word by word (words missing from one are scored by the others). */
  lexicons?: FeatureLexicon[];
  /** Distance (in tokens) at which a word's weight halves. */
  halfDistance?: number;
  /** Weighted score beyond which a sentence leans negative or positive. */
  threshold?: number;
  /** Steepness of the probabilities around the threshold. */
  steepness?: number;
}

/**
 * Defaults chosen on NewsMTSC train.jsonl (macro-F1 of the fallback on the training targets;
 * the dev files were not used), see `scripts/train-stance.ts --lexicon`.
 */
export const LEXICON_STANCE_DEFAULTS: Required<LexiconStanceOptions> = {
  lexicons: ['afinn', 'vader'],
  halfDistance: 8,
  threshold: 0.15,
  steepness: 8,
};

const NEGATORS = new Set(['not', 'no', 'never', 'neither', 'nor', 'without', 'hardly', 'cannot']);

/** The distance-weighted lexicon score toward the mention at [start, end), in (-1, 1). */
export function lexiconStanceScore(sentence: string, start: number, end: number, options: LexiconStanceOptions = {}): number {
  const o = { ...LEXICON_STANCE_DEFAULTS, ...options };
  const lexes = o.lexicons.map((name) => lexicon(name));
  const { toks, at } = maskedTokens(sentence, start, end);
  let sum = 0;
  let negateUntil = -1;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (NEGATORS.has(t.raw) || t.raw.endsWith("n't")) {
      negateUntil = i + 3;
      continue;
    }
    if (t.punct && /[,;:.!?]/.test(t.raw)) negateUntil = -1;
    if (i === at || t.punct) continue;
    let total = 0;
    let found = 0;
    for (const lex of lexes) {
      const s = lexiconScore(lex, t.raw);
      if (s !== undefined) {
        total += s;
        found++;
      }
    }
    if (!found) continue;
    let s = total / found;
    if (i <= negateUntil) s = -s;
    const d = Math.abs(i - at);
    sum += s * Math.pow(2, -(d - 1) / o.halfDistance);
  }
  return Math.tanh(sum);
}

/** Probabilities [negative, neutral, positive] of the lexicon fallback. */
export function lexiconProbabilities(sentence: string, start: number, end: number, options: LexiconStanceOptions = {}): [number, number, number] {
  const o = { ...LEXICON_STANCE_DEFAULTS, ...options };
  const s = lexiconStanceScore(sentence, start, end, o);
  const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
  // pos + neg <= 1 because (s - t) + (-s - t) <= 0; the rest is neutral.
  const pos = sigmoid(o.steepness * (s - o.threshold));
  const neg = sigmoid(o.steepness * (-s - o.threshold));
  return [neg, Math.max(0, 1 - pos - neg), pos];
}
