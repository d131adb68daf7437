import type { MentionStance, ScoredSentence, SourceRef } from './types';

/**
 * The cache's file format for one source's scored sentences: one array per sentence, its
 * fields in a fixed order, instead of one object per sentence with every key spelled out. The
 * source's identity (id, label, group, origin) is not stored: it is taken from the source's
 * metadata when the file is read, so a label edited since is applied. Half the size of the
 * objects as JSON, and read about twice as fast, which is most of a cached rerun.
 */

export const SCORES_FORMAT = 'news-stance/scored-sentences';
export const SCORES_VERSION = 2;

type MentionTuple = [string, string, number, number, number, -1 | 0 | 1];
type SentenceTuple = [number, number, number, boolean, string, number, number, boolean, number, number, boolean, string | null, MentionTuple[]];

interface ScoresFile {
  format: typeof SCORES_FORMAT;
  version: typeof SCORES_VERSION;
  sentences: SentenceTuple[];
}

/** The file text of a source's scored sentences. */
export function encodeScores(sentences: readonly ScoredSentence[]): string {
  const file: ScoresFile = {
    format: SCORES_FORMAT,
    version: SCORES_VERSION,
    sentences: sentences.map((s) => [
      s.index,
      s.position,
      s.paragraph,
      s.heading,
      s.text,
      s.sentiment,
      s.optimism,
      s.claimCue,
      s.hedges,
      s.boosters,
      s.quoted,
      s.speaker,
      s.mentions.map((m): MentionTuple => [m.target, m.alias, m.start, m.end, m.score, m.polarity]),
    ]),
  };
  return JSON.stringify(file);
}

/**
 * A source's scored sentences from the text of its cache file, carrying `ref`. Throws on a file
 * of another format or version, or one whose values are not what {@link encodeScores} writes
 * (the cache then rescores the source).
 */
export function decodeScores(text: string, ref: SourceRef): ScoredSentence[] {
  const file = JSON.parse(text) as Partial<ScoresFile>;
  if (file.format !== SCORES_FORMAT || file.version !== SCORES_VERSION || !Array.isArray(file.sentences)) {
    throw new Error(`not a ${SCORES_FORMAT} file of version ${SCORES_VERSION}`);
  }
  const list = file.sentences;
  const out: ScoredSentence[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const t = list[i];
    if (!Array.isArray(t) || t.length !== 13 || typeof t[4] !== 'string' || !Array.isArray(t[12]) || typeof t[5] !== 'number') throw new Error('damaged sentence record');
    const tuples = t[12];
    const mentions: MentionStance[] = new Array(tuples.length);
    for (let j = 0; j < tuples.length; j++) {
      const m = tuples[j];
      mentions[j] = { target: m[0], alias: m[1], start: m[2], end: m[3], score: m[4], polarity: m[5] };
    }
    out[i] = {
      source: ref.source,
      label: ref.label,
      group: ref.group,
      origin: ref.origin,
      index: t[0],
      position: t[1],
      paragraph: t[2],
      heading: t[3],
      text: t[4],
      sentiment: t[5],
      optimism: t[6],
      claimCue: t[7],
      hedges: t[8],
      boosters: t[9],
      quoted: t[10],
      speaker: t[11],
      mentions,
    };
  }
  return out;
}
