/**
 * Stance of a sentence toward a target mention (target-dependent sentiment): the learned model
 * (data/models/stance.json) when available, else a distance-weighted lexicon fallback.
 */
import { NewsStanceError, invalidOption } from '../errors';
import { findMentions, type Mention } from '../targets/targets';
import { lexiconProbabilities, type LexiconStanceOptions } from './lexicon-stance';
import { defaultStanceModel, loadStanceModel, modelProbabilities, type StanceModel } from './model';

/** The stance a sentence expresses toward one mention. */
export interface Stance {
  /** -1 negative, 0 neutral, 1 positive: the most probable class. */
  polarity: -1 | 0 | 1;
  /** p(positive) - p(negative), in [-1, 1]. */
  score: number;
  probabilities: { negative: number; neutral: number; positive: number };
  /** What scored it. */
  method: 'model' | 'lexicon';
}

export interface StanceOptions {
  /**
   * `model`: the learned model (error if there is none); `lexicon`: the lexicon fallback;
   * `auto` (default): the model if its file exists, else the lexicon fallback.
   */
  method?: 'auto' | 'model' | 'lexicon';
  /**
   * A model (from loadStanceModel) or the path of a model file, instead of the bundled one;
   * `null`: no model, as when the model file is missing (`auto` then uses the lexicon).
   */
  model?: StanceModel | string | null;
  /** Settings of the lexicon fallback. */
  lexicon?: LexiconStanceOptions;
}

/** A span in the sentence: character offsets, `sentence.slice(start, end)` is the mention. */
export interface Span {
  start: number;
  end: number;
}

const byFile = new Map<string, StanceModel>();

function resolveModel(options: StanceOptions): StanceModel | null {
  const m = options.model;
  if (m === undefined) return defaultStanceModel();
  if (m === null) return null;
  if (typeof m === 'string') {
    let model = byFile.get(m);
    if (!model) {
      model = loadStanceModel(m);
      byFile.set(m, model);
    }
    return model;
  }
  if (m && typeof m === 'object' && m.index instanceof Map && m.weights instanceof Float64Array) return m;
  return invalidOption('model', 'a model from loadStanceModel() or a model file path', m);
}

function checkSpan(sentence: string, mention: Span, field = 'mention'): void {
  if (typeof sentence !== 'string') invalidOption('sentence', 'a string', sentence);
  const ok =
    mention !== null &&
    typeof mention === 'object' &&
    Number.isInteger(mention.start) &&
    Number.isInteger(mention.end) &&
    mention.start >= 0 &&
    mention.end <= sentence.length &&
    mention.start < mention.end;
  if (!ok) {
    throw new NewsStanceError(
      `expected {start, end} with 0 <= start < end <= ${sentence.length} (the sentence length), got ${JSON.stringify(mention)}`,
      { field },
      'Pass character offsets of the mention in the sentence, e.g. from findMentions()',
    );
  }
}

function toStance(p: [number, number, number], method: Stance['method']): Stance {
  const [negative, neutral, positive] = p;
  const polarity: Stance['polarity'] = negative > neutral && negative >= positive ? -1 : positive > neutral && positive > negative ? 1 : 0;
  return { polarity, score: positive - negative, probabilities: { negative, neutral, positive }, method };
}

/**
 * The stance the sentence expresses toward the mention at [start, end).
 *
 * @example
 * const s = 'Speaking at the Valdai Club in Sochi, Putin commended Trump’s reaction.';
 * stanceToward(s, { start: s.indexOf('Trump'), end: s.indexOf('Trump') + 5 }).polarity // 1
 */
export function stanceToward(sentence: string, mention: Span, options: StanceOptions = {}): Stance {
  checkSpan(sentence, mention);
  const method = options.method ?? 'auto';
  if (method !== 'auto' && method !== 'model' && method !== 'lexicon') invalidOption('method', '"auto", "model" or "lexicon"', method);
  if (method !== 'lexicon') {
    const model = resolveModel(options);
    if (model) return toStance(modelProbabilities(model, sentence, mention.start, mention.end), 'model');
    if (method === 'model') {
      throw new NewsStanceError('no stance model', { field: 'options.method' }, 'Train it with `npx tsx scripts/train-stance.ts`, or use method "lexicon"');
    }
  }
  return toStance(lexiconProbabilities(sentence, mention.start, mention.end, options.lexicon), 'lexicon');
}

/** A mention with the stance toward it. */
export type MentionStance<M extends Span = Mention> = M & { stance: Stance };

/**
 * The stance toward every mention of a sentence (default: the mentions findMentions finds with
 * the bundled targets).
 *
 * @example
 * stanceOfMentions('Putin commended Trump’s reaction.').map((m) => [m.target, m.stance.polarity])
 */
export function stanceOfMentions<M extends Span = Mention>(sentence: string, mentions?: readonly M[], options: StanceOptions = {}): MentionStance<M>[] {
  if (typeof sentence !== 'string') invalidOption('sentence', 'a string', sentence);
  const list = (mentions ?? (findMentions(sentence) as unknown as M[])) as readonly M[];
  if (!Array.isArray(list)) invalidOption('mentions', 'a list of {start, end}', mentions);
  return list.map((m, i) => {
    checkSpan(sentence, m, `mentions[${i}]`);
    return withStance(m, () => stanceToward(sentence, m, options));
  });
}

/**
 * `{ ...m, stance: stance() }`, built the faster way: V8 is slow to add a property after a
 * spread (about 1 us), not after Object.assign. The two differ only for an own `__proto__`
 * property, which Object.assign would set as the prototype, so that case keeps the spread.
 */
function withStance<M extends Span>(m: M, stance: () => Stance): MentionStance<M> {
  if (Object.prototype.hasOwnProperty.call(m, '__proto__')) return { ...m, stance: stance() };
  const out = Object.assign({}, m) as MentionStance<M>;
  out.stance = stance();
  return out;
}
