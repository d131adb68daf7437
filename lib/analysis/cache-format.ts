import type { MentionStance, ScoredSentence, SourceRef } from './types';

/**
 * The cache's file format for one source's scored sentences, binary, because reading the cache
 * is most of a rerun:
 *
 *   uint32 (little-endian)  byte length H of the header
 *   H bytes                 header, JSON: {format, version, sentences, strings}
 *   zeros                   up to a multiple of 8 bytes
 *   uint32                  byte length T of the texts
 *   T bytes                 every sentence's text, one after the other, UTF-8
 *   zeros                   up to a multiple of 8 bytes
 *   float64 ...             the numbers (platform byte order, little-endian wherever node runs)
 *
 * Per sentence the numbers are: index, position, paragraph, heading (0/1), text length (UTF-16
 * units), sentiment, optimism, claimCue (0/1), hedges, boosters, quoted (0/1), speaker (an
 * index into `strings`, -1 for none), mention count; then per mention: target and alias (indices
 * into `strings`), start, end, score, polarity. Numbers are read back bit for bit (NaN and -0
 * included), the texts are one decoding and slices of it, and nothing is parsed per value. The
 * source's identity (id, label, group, origin) is not stored: it is taken from the source's
 * metadata when the file is read, so a label edited since is applied.
 */

export const SCORES_FORMAT = 'news-stance/scored-sentences';
export const SCORES_VERSION = 3;

const SENTENCE_FIELDS = 13;
const MENTION_FIELDS = 6;

const align8 = (n: number): number => Math.ceil(n / 8) * 8;

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
  const header = Buffer.from(JSON.stringify({ format: SCORES_FORMAT, version: SCORES_VERSION, sentences: sentences.length, strings }), 'utf8');
  const text = Buffer.from(texts.join(''), 'utf8');
  const textAt = align8(4 + header.length);
  const numbersAt = align8(textAt + 4 + text.length);
  const out = Buffer.alloc(numbersAt + numbers.length * 8);
  out.writeUInt32LE(header.length, 0);
  header.copy(out, 4);
  out.writeUInt32LE(text.length, textAt);
  text.copy(out, textAt + 4);
  Buffer.from(Float64Array.from(numbers).buffer).copy(out, numbersAt);
  return out;
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
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 4) damaged('too short');
  const headerLength = buf.readUInt32LE(0);
  if (4 + headerLength > buf.length) damaged('header cut short');
  let header: { format?: unknown; version?: unknown; sentences?: unknown; strings?: unknown };
  try {
    header = JSON.parse(buf.toString('utf8', 4, 4 + headerLength));
  } catch {
    damaged('header is not JSON');
  }
  if (header.format !== SCORES_FORMAT || header.version !== SCORES_VERSION) damaged(`format ${String(header.format)} version ${String(header.version)}`);
  const count = header.sentences;
  const strings = header.strings;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || !Array.isArray(strings) || !strings.every((s) => typeof s === 'string')) damaged('bad header');
  const textAt = align8(4 + headerLength);
  if (textAt + 4 > buf.length) damaged('texts cut short');
  const textLength = buf.readUInt32LE(textAt);
  const numbersAt = align8(textAt + 4 + textLength);
  if (numbersAt > buf.length || (buf.length - numbersAt) % 8 !== 0) damaged('numbers cut short');
  const text = buf.toString('utf8', textAt + 4, textAt + 4 + textLength);
  // Copied out: the numbers' offset in the file's buffer need not be a multiple of 8.
  const v = new Float64Array((buf.length - numbersAt) / 8);
  new Uint8Array(v.buffer).set(buf.subarray(numbersAt));
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
