import type { Source } from '../corpus/source';
import { splitSentences, type SplitOptions } from './sentences';

/** A sentence of a source, with where it sits in the article. */
export interface Sentence {
  /** Id of the source it belongs to. */
  source: string;
  /** 0-based index within the source. */
  index: number;
  text: string;
  /** Index of its paragraph in the cleaned text. */
  paragraph: number;
  /** Whether its paragraph is a heading. */
  heading: boolean;
  /** Relative position in the article, 0 (first sentence) to 1 (last). */
  position: number;
}

/**
 * Splits every paragraph of a cleaned source into sentences.
 *
 * @example
 * sentencesOf(corpus.sources[4])[0].text // 'What does Vladimir Putin want from Trump’s America? – Firstpost'
 */
export function sentencesOf(source: Pick<Source, 'meta' | 'paragraphs'>, options: SplitOptions = {}): Sentence[] {
  const out: Sentence[] = [];
  for (const p of source.paragraphs) {
    for (const span of splitSentences(p.text, options)) {
      out.push({ source: source.meta.id, index: out.length, text: span.text, paragraph: p.index, heading: p.heading, position: 0 });
    }
  }
  const last = Math.max(1, out.length - 1);
  for (const s of out) s.position = out.length === 1 ? 0 : s.index / last;
  return out;
}
