import type { LexiconName } from './lexicon';

/**
 * Fixed constants of the scorer (the tunable word lists and weights are in the cue file).
 * Chosen on the NYT editorial dev sentences, each checked to help on both halves of it.
 * Re-exported by score.ts; kept here so that the scorer's modules can share it.
 */
export const SCORING = Object.freeze({
  /** Normalisation: score = sum / sqrt(sum² + alpha). */
  alpha: 1,
  /**
   * Weight of each lexicon when several are combined (a form's value is the weighted mean over
   * the listed lexicons, one that lacks the form counting as 0). A lexicon alone keeps its values.
   */
  lexiconWeights: Object.freeze({ afinn: 1, vader: 1, pattern: 0.75, huliu: 1, senticon: 0.35 }) as Readonly<Record<LexiconName, number>>,
  /** A word whose combined lexicon value is smaller than this (in magnitude) is no cue. */
  minWordValue: 0.05,
  /** How many words after an intensifier or diminisher the cue it modifies can be. */
  modifierReach: 3,
  /** Multiplier of negative values. */
  negativeWeight: 1.3,
});
