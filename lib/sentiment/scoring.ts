/**
 * Fixed constants of the scorer (the tunable word lists and weights are in the cue file).
 * Chosen on the NYT editorial dev sentences, each checked to help on both halves of it.
 * Re-exported by score.ts; kept here so that the scorer's modules can share it.
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
