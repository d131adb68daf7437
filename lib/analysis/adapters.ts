import { attributeSpeakers } from '../speakers/attribute';
import { stanceToward, type StanceOptions } from '../stance/stance';
import type { Mention } from '../targets/targets';
import type { MentionStance } from './types';

/**
 * The seams between the per-sentence extractors and the analysis records: each adapter calls
 * one extractor and keeps only what a ScoredSentence carries.
 */

export type { StanceOptions };

/** Options for speaker attribution. */
export interface SpeakerOptions {
  /** A speakers file instead of data/speakers.json. Default: the bundled file. */
  file?: string;
}

/** The stance toward each mention in a sentence (see lib/stance/stance.ts). */
export function stanceOfSentenceMentions(text: string, mentions: readonly Mention[], options: StanceOptions = {}): MentionStance[] {
  return mentions.map((m) => {
    const s = stanceToward(text, m, options);
    return { target: m.target, alias: m.alias, start: m.start, end: m.end, score: s.score, polarity: s.polarity };
  });
}

/** Who speaks in each sentence (see lib/speakers/attribute.ts). */
export function speakerVoices(sentences: ReadonlyArray<{ text: string; paragraph: number }>, options: SpeakerOptions = {}): Array<{ quoted: boolean; speaker: string | null }> {
  return attributeSpeakers(sentences, options.file ? { file: options.file } : {}).map((a) => ({ quoted: a.quoted, speaker: a.speaker }));
}
