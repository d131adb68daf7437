import { frame, unframe, type Framed } from '../io/framed';
import type { MentionStance, ScoredSentence, SourceRef } from './types';

/**
 * The cache's file format for one source's scored sentences, binary (lib/io/framed.ts), because
 * reading the cache is most of a rerun. The header is {format, version, sentences, strings}; the
 * text is every sentence's text, one after the other. Per sentence the numbers are: index,
 * position, paragraph, heading (0/1), text length (UTF-16 units), sentiment, optimism, claimCue
 * (0/1), hedges, boosters, quoted (0/1), speaker (an index into `strings`, -1 for none), mention
 * count; then per mention: target and alias (indices into `strings`), start, end, score,
 * polarity. Numbers are read back bit for bit, the texts are one decoding and slices of it. The
 * source's identity (id, label, group, origin) is not stored: it is taken from the source's
 * metadata when the file is read, so a label edited since is applied.
 */

export const SCORES_FORMAT = 'news-stance/scored-sentences';
export const SCORES_VERSION = 3;

const SENTENCE_FIELDS = 13;
const MENTION_FIELDS = 6;

/** The file bytes of a source's scored sentences. */
export function encodeScores(sentences: readonly ScoredSentence[]): Buffer {
  const strings: string[] = [];
  const ids = new Map<string, number>();
  const idOf = (s: string): number => {
    let id = ids.get(s);
    if (id === undefined) {
      ids.set(s, (id = strings.length));
      strings.push(s);
    }
    return id;
  };
  const numbers: number[] = [];
  const texts: string[] = [];
  for (const s of sentences) {
    texts.push(s.text);
    numbers.push(s.index, s.position, s.paragraph, s.heading ? 1 : 0, s.text.length, s.sentiment, s.optimism, s.claimCue ? 1 : 0, s.hedges, s.boosters, s.quoted ? 1 : 0, s.speaker === null ? -1 : idOf(s.speaker), s.mentions.length);
    for (const m of s.mentions) numbers.push(idOf(m.target), idOf(m.alias), m.start, m.end, m.score, m.polarity);
  }
  return frame({ format: SCORES_FORMAT, version: SCORES_VERSION, sentences: sentences.length, strings }, texts.join(''), numbers);
}

/** Thrown by {@link decodeScores} for a file it did not write (the cache then rescores the source). */
function damaged(what: string): never {
  throw new Error(`not a ${SCORES_FORMAT} file of version ${SCORES_VERSION}: ${what}`);
}

/**
 * A source's scored sentences from the bytes of its cache file, carrying `ref`. Throws on a file
 * of another format or version, or one cut short or otherwise not what {@link encodeScores}
 * writes.
 */
export function decodeScores(bytes: Uint8Array, ref: SourceRef): ScoredSentence[] {
  let parts: Framed;
  try {
    parts = unframe(bytes);
  } catch (err) {
    damaged((err as Error).message);
  }
  const header = parts.header as { format?: unknown; version?: unknown; sentences?: unknown; strings?: unknown } | null;
  if (header === null || typeof header !== 'object') damaged('bad header');
  if (header.format !== SCORES_FORMAT || header.version !== SCORES_VERSION) damaged(`format ${String(header.format)} version ${String(header.version)}`);
  const count = header.sentences;
  const strings = header.strings;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || !Array.isArray(strings) || !strings.every((s) => typeof s === 'string')) damaged('bad header');
  const { text, numbers: v } = parts;
  const str = (i: number): string => {
    const s = (strings as string[])[i];
    if (s === undefined) damaged(`string ${i}`);
    return s;
  };
  const out: ScoredSentence[] = new Array(count);
  let p = 0;
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (p + SENTENCE_FIELDS > v.length) damaged('numbers cut short');
    const length = v[p + 4];
    if (at + length > text.length) damaged('texts cut short');
    const speaker = v[p + 11];
    const k = v[p + 12];
    const sentence: ScoredSentence = {
      source: ref.source,
      label: ref.label,
      group: ref.group,
      origin: ref.origin,
      index: v[p],
      position: v[p + 1],
      paragraph: v[p + 2],
      heading: v[p + 3] === 1,
      text: text.slice(at, at + length),
      sentiment: v[p + 5],
      optimism: v[p + 6],
      claimCue: v[p + 7] === 1,
      hedges: v[p + 8],
      boosters: v[p + 9],
      quoted: v[p + 10] === 1,
      speaker: speaker < 0 ? null : str(speaker),
      mentions: new Array<MentionStance>(k),
    };
    at += length;
    p += SENTENCE_FIELDS;
    if (p + k * MENTION_FIELDS > v.length) damaged('numbers cut short');
    for (let j = 0; j < k; j++, p += MENTION_FIELDS) {
      sentence.mentions[j] = { target: str(v[p]), alias: str(v[p + 1]), start: v[p + 2], end: v[p + 3], score: v[p + 4], polarity: v[p + 5] as -1 | 0 | 1 };
    }
    out[i] = sentence;
  }
  if (p !== v.length || at !== text.length) damaged('trailing data');
  return out;
}
