import * as path from 'node:path';
import { NewsStanceError, describe, invalidOption } from '../errors';
import * as phrases from './phrases';
import type { PhraseIndex, PhraseMatch, PhraseMatches } from './phrases';
import * as scan from './scan';
import { Words } from './words';
import * as chars from './chars';
import { QuoteScanner, maskQuotes, type QuoteSpan, type SentenceQuotes } from './quotes';
import { defaultSpeakers, loadSpeakers, normalizeName, type Speaker, type SpeakerPronoun, type SpeakerSet } from './speakers';

// Bound once: under tsx every use of an imported name is a property getter call, too slow in the per-sentence code.
const { lastWord, spacesEnd, spacesStart, trailingWord, trimEnd } = scan;
const clauseStartAfter = scan.clauseStart;
const { isLetterPoint, isSpaceUnit, isUpperPoint, isWordPoint, pointAt, toLower } = chars;
const { NAMES, PARTICIPLES, SOURCES, UNNAMED, VERBS, allMatches, indexOf } = phrases;

/**
 * Who speaks in each sentence: the writer, or someone the text quotes or reports. This is what
 * tells a report that QUOTES sceptics from a writer who is sceptical.
 */

/** Who speaks in one sentence. */
export interface Attribution {
  /** The sentence is mostly direct quote or reported speech (an interview guest's turn included). */
  quoted: boolean;
  /** The speaker's own words are in it, inside quotation marks (or verbatim: an interview answer, an embedded post). */
  direct: boolean;
  /** Canonical name of the speaker (data/speakers.json); null for the writer's own voice, or when the text does not say who. */
  speaker: string | null;
  /** The attribution words that decided, e.g. `Pompeo said`, `according to the Kremlin`, `Dr. Morozova:`; null when none. */
  cue: string | null;
}

/** Options of {@link attributeSpeakers}. */
export interface AttributeOptions {
  /** A compiled speaker set ({@link loadSpeakers}, {@link compileSpeakers}). Default: the bundled data/speakers.json. */
  speakers?: SpeakerSet;
  /** A speakers file to load instead (loaded once per path). */
  file?: string;
  /** Quotes of fewer words are scare quotes (“banalities”, “constructive model”). Default 3. */
  minQuoteWords?: number;
  /** A sentence with at least this share of its letters inside real quotes is quoted speech. Default 0.5. */
  quotedShare?: number;
}

// ---------------------------------------------------------------------------------------------
// Word classes used by the clause heuristics (grammar, not data: the data lives in speakers.json)

/** Conjunctions and linking adverbs after which a new main clause (and its subject) may start. */
const CONJ = new Set(['and', 'but', 'yet', 'so', 'however', 'meanwhile', 'similarly', 'moreover', 'also', 'instead', 'now', 'still', 'then', 'thus', 'therefore', 'furthermore', 'indeed', 'likewise']);
/** Capitalised words that are not part of a name or title in front of it. */
const CAP_STOP = new Set(
  (
    'But And Yet So Or Nor However Meanwhile Similarly Moreover Also Then Now Still Instead Thus Therefore Furthermore Indeed Even Only Just ' +
    'In On At For As While When If Although Though Because Since After Before During Despite Throughout Under With Without From By To Of Into Over Amid Among Between Against Given ' +
    'This That These Those It He She They We I You His Her Their Its Our My Your Him Them Us Me Who What Why How Where Which Here There Asked Speaking Referring Congratulating Yes No'
  ).split(' '),
);
const DETERMINERS = new Set(['the', 'The', 'a', 'A', 'an', 'An']);
/** Words that may stand between a subject and its speech verb: auxiliaries, negation, time adverbials. */
const GAP = new Set(
  (
    'has have had did does do will would could can may might should must also not never then once again later earlier recently repeatedly previously even still already now too just first often always ' +
    'himself herself itself themselves last this week month year night at one point on today yesterday tonight reportedly publicly privately openly'
  ).split(' '),
);
const WEEKDAYS = new Set(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
const NOT_ADVERBS = new Set(['family', 'supply', 'assembly', 'rally', 'bully', 'anomaly', 'monopoly', 'homily', 'butterfly']);
/** Words that end the modifiers in front of an unnamed speaker ("a point that officials ..."). */
const STOP_LOWER = new Set(['that', 'which', 'who', 'whom', 'whose', 'and', 'but', 'or', 'if', 'when', 'while', 'because', 'as', 'since', 'although', 'though', 'where', 'than', 'to', 'of', 'by', 'with', 'for', 'from', 'in', 'on', 'at', 'about', 'said', 'says']);
const SUBJECT_PRONOUNS: Readonly<Record<string, SpeakerPronoun>> = { he: 'he', she: 'she', it: 'it', they: 'they' };
const OBJECT_PRONOUNS: Readonly<Record<string, SpeakerPronoun>> = { him: 'he', her: 'she', it: 'it', them: 'they' };

const PRONOUN_RE = /(?<![\p{L}\p{N}'’\-])(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hey)(?![\p{L}\p{N}'’\-])/gu;
const WORD_RE = /[\p{L}\p{N}]+(?:[’'.\-‐‑][\p{L}\p{N}]+)*/gu;
const VIEWPOINT = /^\s*(?:(?:But|And|Yet)\s+)?For\s+/u;
/** The footer of an embedded post: "— Donald J. Trump (@realDonaldTrump) July 16, 2018". */
const TWEET_FOOTER = /[—–]\s*([^()—–]{2,60}?)\s*\(@\w{1,30}\)[^()]*$/u;
const TERMINAL = /[.!?…]\s*[”"’»]*\s*$/u;

// ---------------------------------------------------------------------------------------------
// Per-sentence analysis

interface Mention {
  start: number;
  end: number;
  /** The speaker an alias names, or null for an excluded phrase or a role (see roleKey). */
  speaker: Speaker | null;
  /** Lower-case normalised role, when the match is a role. */
  roleKey: string | null;
  possessive: boolean;
  inQuote: boolean;
  /** Filled in pass 2: the speaker a role refers to. */
  resolved: Speaker | null;
}

type SubjectKind = 'alias' | 'role' | 'pronoun' | 'unnamed' | 'name';
/** Which subject wins when several fit: a known speaker first. */
const RANK: Readonly<Record<SubjectKind, number>> = { alias: 0, role: 0, pronoun: 1, unnamed: 2, name: 3 };

interface Subject {
  kind: SubjectKind;
  /** Where the noun phrase (with titles in front) starts and the name ends. */
  start: number;
  end: number;
  mention?: Mention;
  pronoun?: SpeakerPronoun;
  /** Unnamed head word ("officials"). */
  head?: string;
}

type CueKind = 'verb' | 'inverted' | 'participle' | 'coord' | 'colon' | 'source' | 'viewpoint';

interface Cue {
  kind: CueKind;
  start: number;
  subject: Subject;
  /** Attached to a real quote: right after its closing mark or right before its opening mark. */
  attached: boolean;
  text: string;
}

interface Analysis {
  text: string;
  masked: string;
  paragraph: number;
  /** 0-based index of the paragraph among those of the input. */
  ordinal: number;
  firstInParagraph: boolean;
  lastInParagraph: boolean;
  quotes: SentenceQuotes;
  mentions: Mention[];
  subjects: Subject[];
  cues: Cue[];
  coverage: number;
  hasReal: boolean;
}

function isCapitalised(w: string): boolean {
  return w.length > 0 && isUpperPoint(pointAt(w, 0, w.length)); // /^\p{Lu}/u
}

/** `/^[\p{L}][\p{L}.’'\-‐‑]*$/u`: a letter, then letters, dots, apostrophes and hyphens. */
function isNameShaped(w: string): boolean {
  if (w.length === 0) return false;
  for (let i = 0; i < w.length; ) {
    const cp = pointAt(w, i, w.length);
    if (!isLetterPoint(cp) && (i === 0 || !(cp === 0x2e || cp === 0x2019 || cp === 0x27 || cp === 0x2d || cp === 0x2010 || cp === 0x2011))) return false;
    i += cp > 0xffff ? 2 : 1;
  }
  return true;
}

/** A word that may be a title or part of a name in front of a name ("US", "President", "Dr."). */
function isTitleWord(w: string, unnamed: ReadonlySet<string>): boolean {
  return isCapitalised(w) && !CAP_STOP.has(w) && isNameShaped(w) && !unnamed.has(toLower(w));
}

/** `/^[a-z]{4,}ly$/u`: an adverb such as "repeatedly". */
function isLyAdverb(w: string): boolean {
  if (w.length < 6 || !w.endsWith('ly')) return false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return true;
}

/**
 * Where a noun phrase ending in a name starts: titles ("US President", "Secretary of State",
 * "Dr.") and a determiner are absorbed, an unnamed speaker ("Critics of Trump") is not.
 */
function npStart(masked: string, start: number, unnamed: ReadonlySet<string>): number {
  let pos = start;
  for (let n = 0; n < 8; n++) {
    const m = lastWord(masked, pos);
    if (!m) break;
    const { w, start: wStart } = m;
    if (DETERMINERS.has(w)) return wStart;
    if (w === 'of') {
      const before = lastWord(masked, wStart);
      if (before && isTitleWord(before.w, unnamed)) {
        pos = wStart;
        continue;
      }
      break;
    }
    if (isTitleWord(w, unnamed)) {
      pos = wStart;
      continue;
    }
    // A job between an organisation and the name: "Kremlin spokesman Dmitry Peskov", "White House press secretary ...".
    if (n === 0 && roleNoun(w)) {
      let p = wStart;
      for (let k = 0; k < 2; k++) {
        const x = lastWord(masked, p);
        if (!x) break;
        if (isTitleWord(x.w, unnamed)) {
          pos = x.start;
          break;
        }
        if (!roleNoun(x.w)) break;
        p = x.start;
      }
      if (pos < wStart) continue;
    }
    break;
  }
  return pos;
}

/** A lower-case word that may name a job ("spokesman", "press secretary"), not a verb or function word. */
function roleNoun(w: string): boolean {
  return /^\p{Ll}+$/u.test(w) && !STOP_LOWER.has(w) && !GAP.has(w) && !CONJ.has(w) && !DETERMINERS.has(w) && !/(?:ed|ing|ly)$/u.test(w);
}

/** Where an unnamed speaker's noun phrase starts: up to three modifiers ("Senior", "some Russian"). */
function unnamedStart(masked: string, start: number): number {
  let pos = start;
  for (let n = 0; n < 3; n++) {
    const m = lastWord(masked, pos);
    if (!m || STOP_LOWER.has(m.w) || CAP_STOP.has(m.w)) break;
    pos = m.start;
    if (DETERMINERS.has(m.w)) break;
  }
  return pos;
}

/** The words of `text` from `from` to `to`, with single spaces: the text of a cue. */
function cueText(text: string, from: number, to: number): string {
  const words = text.slice(from, to);
  return isTidy(words) ? words : words.replace(/\s+/gu, ' ').trim();
}

/** Whether `s` has no space at either end and only single plain spaces inside (as `cueText` would leave it). */
function isTidy(s: string): boolean {
  if (s.length === 0) return true;
  if (isSpaceUnit(s.charCodeAt(0)) || isSpaceUnit(s.charCodeAt(s.length - 1))) return false;
  for (let i = 1; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 ? isSpaceUnit(s.charCodeAt(i + 1)) : isSpaceUnit(c)) return false;
  }
  return true;
}

/** Whether the text, after spaces, starts with a capital F, B, A or Y, as {@link VIEWPOINT} requires. */
function mayOpenViewpoint(masked: string): boolean {
  const c = masked.charCodeAt(spacesEnd(masked, 0));
  return c === 0x46 || c === 0x42 || c === 0x41 || c === 0x59;
}

/**
 * Orders subjects or cues by where they start, keeping the order of equal starts: what a
 * (stable) `sort((x, y) => x.start - y.start)` does, without its overhead on a few items.
 */
function sortByStart<T extends { start: number }>(items: T[]): T[] {
  for (let i = 1; i < items.length; i++) {
    const item = items[i];
    let j = i;
    for (; j > 0 && items[j - 1].start > item.start; j--) items[j] = items[j - 1];
    items[j] = item;
  }
  return items;
}

/** Pieces of a cue text between single spaces: `cue.split(' ').length`. */
function wordCount(cue: string): number {
  let n = 1;
  for (let i = cue.indexOf(' '); i >= 0; i = cue.indexOf(' ', i + 1)) n++;
  return n;
}

/** `/(?:^|\s)and\s*$/u` on `masked.slice(0, end)`: the text before `end` ends with the word "and". */
function endsWithAnd(masked: string, end: number): boolean {
  const p = spacesStart(masked, end) - 3;
  return p >= 0 && masked.startsWith('and', p) && (p === 0 || isSpaceUnit(masked.charCodeAt(p - 1)));
}

/** Whether `masked.slice(from, end)` ends with "of", "from", "at", "in" or "with" and spaces (what {@link SentenceAnalyzer.postModified} needs). */
function endsWithPreposition(masked: string, from: number, end: number): boolean {
  const p = spacesStart(masked, end, from);
  if (p === end) return false;
  for (const w of PREPOSITIONS) if (p - w.length >= from && masked.startsWith(w, p - w.length)) return true;
  return false;
}

const PREPOSITIONS = ['of', 'from', 'at', 'in', 'with'];

/** Whether a subject starting at `pos` starts a main clause: at the start, after punctuation or a quote, or after a conjunction. */
function clauseStart(masked: string, pos: number): boolean {
  return clauseStartAfter(masked, pos, CONJ);
}

/** Start of the auxiliaries and adverbials in front of a verb ("has repeatedly said", "last week noted"). */
function gapStart(masked: string, pos: number): number {
  let p = pos;
  for (let n = 0; n < 5; n++) {
    const m = lastWord(masked, p);
    if (!m) break;
    const w = m.w;
    if (!(GAP.has(w) || WEEKDAYS.has(w) || (isLyAdverb(w) && !NOT_ADVERBS.has(w)))) break;
    p = m.start;
  }
  return p;
}

/** The phrases found in a sentence: names in its text, the rest in its masked text. */
interface SentenceMatches {
  names: readonly PhraseMatch[];
  verbs: readonly PhraseMatch[];
  participles: readonly PhraseMatch[];
  sources: readonly PhraseMatch[];
  /** The words of the masked text, to find subject pronouns in; null: find them with {@link PRONOUN_RE}. */
  words: Words | null;
  /** Words of the masked text where an unnamed-speaker head may start; null: look at every word. */
  heads: readonly number[] | null;
}

const ALL_BUT_NAMES = (1 << VERBS) | (1 << PARTICIPLES) | (1 << SOURCES) | (1 << UNNAMED);

/** Word buffers free for the next call (kept between calls; a call made during another takes new ones). */
const spareWords: Words[] = [];

/**
 * The phrases of a sentence: with the phrase index of the speaker set, looked up word by word
 * (`words` of its text, `maskedWords` of its masked text); without one (a hand-made set), by the
 * full regular expressions.
 */
function matchesOf(compiled: SpeakerSet['compiled'], index: PhraseIndex | null, text: string, masked: string, words: Words, maskedWords: Words): SentenceMatches {
  if (!index) {
    const [names, verbs, participles, sources] = [compiled.names, compiled.verbs, compiled.participles, compiled.sources].map((re, i) => allMatches(re, i === 0 ? text : masked));
    return { names, verbs, participles, sources, words: null, heads: null };
  }
  let found: PhraseMatches;
  let rest: PhraseMatches;
  if (maskedWords === words) {
    found = rest = index.find(text, words, (1 << NAMES) | ALL_BUT_NAMES);
  } else {
    found = index.find(text, words, 1 << NAMES);
    rest = index.find(masked, maskedWords, ALL_BUT_NAMES);
  }
  return {
    names: found.lists[NAMES] ?? [],
    verbs: rest.lists[VERBS] ?? [],
    participles: rest.lists[PARTICIPLES] ?? [],
    sources: rest.lists[SOURCES] ?? [],
    words: maskedWords,
    heads: rest.heads,
  };
}

/** The subject pronouns of a text (`[Hh]e`, `[Ss]he`, `[Ii]t`, `[Tt]hey` as whole words, not next to an apostrophe or hyphen), as {@link PRONOUN_RE} finds them. */
function pronounsIn(text: string, words: Words): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  for (let k = 0; k < words.count; k++) {
    const start = words.start[k];
    const end = words.end[k];
    if (!isSubjectPronoun(text, start, end)) continue;
    if (start > 0 && isPronounNeighbour(text.charCodeAt(start - 1))) continue;
    if (end < text.length && isPronounNeighbour(text.charCodeAt(end))) continue;
    out.push({ index: start, text: text.slice(start, end) });
  }
  return out;
}

/** Whether `text.slice(start, end)` is he, He, she, She, it, It, they or They. */
function isSubjectPronoun(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start) | 0x20; // the first letter in either case
  switch (end - start) {
    case 2:
      return (first === 0x68 && text.startsWith('e', start + 1)) || (first === 0x69 && text.startsWith('t', start + 1)); // he, it
    case 3:
      return first === 0x73 && text.startsWith('he', start + 1); // she
    case 4:
      return first === 0x74 && text.startsWith('hey', start + 1); // they
    default:
      return false;
  }
}

/**
 * `SUBJECT_PRONOUNS[lower]` for a lower-cased word: its pronoun, or what a plain object inherits
 * under that name ("constructor"). Only words as long as a key are looked up.
 */
function subjectPronoun(lower: string): SpeakerPronoun | undefined {
  const n = lower.length;
  return (n >= 2 && n <= 4) || n === 9 || n === 11 ? SUBJECT_PRONOUNS[lower] : undefined;
}

/** The first mention of a speaker or role, outside quotes, that ends at `end`. */
function mentionEndingAt(mentions: readonly Mention[], end: number): Mention | undefined {
  for (const x of mentions) if (x.end === end && !x.inQuote && (x.speaker !== null || x.roleKey !== null)) return x;
  return undefined;
}

/** Whether one of the spans is a real quote. */
function hasRealQuote(spans: readonly QuoteSpan[]): boolean {
  for (const s of spans) if (s.real) return true;
  return false;
}

/** A real quote whose opening mark is in the sentence. */
function hasRealOpening(spans: readonly QuoteSpan[]): boolean {
  for (const s of spans) if (s.real && s.open >= 0) return true;
  return false;
}

/** Whether offset `pos` is inside one of the spans. */
function insideSpan(spans: readonly QuoteSpan[], pos: number): boolean {
  for (const s of spans) if (pos >= s.start && pos < s.end) return true;
  return false;
}

/**
 * Whether the name `name` that ends at `end` in `text` is a possessive ("Trump’s", "the
 * Kremlin's", "the Sanders'"): `/^['’]s(?![\p{L}\p{N}])/u` after it, or an `s` at its end and
 * `/^['’](?![\p{L}\p{N}])/u` after it.
 */
function isPossessive(text: string, name: string, end: number): boolean {
  const c = text.charCodeAt(end);
  if (c !== 0x27 && c !== 0x2019) return false;
  if (text.charCodeAt(end + 1) === 0x73 && !wordPointAt(text, end + 2)) return true;
  return name.endsWith('s') && !wordPointAt(text, end + 1);
}

/** Whether a letter or digit (a code point of `[\p{L}\p{N}]`) starts at `pos`. */
function wordPointAt(text: string, pos: number): boolean {
  return pos < text.length && isWordPoint(pointAt(text, pos, text.length));
}

/** ' ’ - : a pronoun next to one is part of a longer word ("it's", "she-wolf"). */
function isPronounNeighbour(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x2d;
}

class SentenceAnalyzer {
  constructor(
    private readonly set: SpeakerSet,
    private readonly a: Analysis,
    private readonly match: SentenceMatches,
  ) {}

  run(): void {
    const a = this.a;
    const { names, verbs, participles, sources, heads } = this.match;
    // Without names, verbs, participles, sources, heads or real quotes (which a cue may be
    // attached to) a sentence has no mention, subject or cue: skip the search.
    if (names.length === 0 && verbs.length === 0 && participles.length === 0 && sources.length === 0 && heads !== null && heads.length === 0 && !a.hasReal) return;
    a.mentions = this.findMentions();
    a.subjects = this.findSubjects();
    a.cues = this.findCues();
  }

  private findMentions(): Mention[] {
    const { text, quotes } = this.a;
    const c = this.set.compiled;
    const out: Mention[] = [];
    for (const m of this.match.names) {
      const key = normalizeName(m.text);
      const entry = c.exact.get(key);
      const lower = entry ? '' : toLower(key);
      const roleKey = entry ? null : c.roles.has(lower) ? lower : null;
      if (!entry && !roleKey) continue;
      const start = m.index;
      const end = start + m.text.length;
      const possessive = isPossessive(text, m.text, end);
      const inQuote = insideSpan(quotes.spans, start);
      out.push({ start, end, speaker: entry ? entry.speaker : null, roleKey, possessive, inQuote, resolved: null });
    }
    return out;
  }

  /** Speakers, roles, pronouns and unnamed speakers in subject position of a main clause, in order. */
  private findSubjects(): Subject[] {
    const { masked, mentions } = this.a;
    const out: Subject[] = [];
    for (const m of mentions) {
      if (m.inQuote || m.possessive || (m.speaker === null && m.roleKey === null)) continue;
      const start = npStart(masked, m.start, this.set.compiled.unnamed);
      if (clauseStart(masked, start)) out.push({ kind: m.roleKey ? 'role' : 'alias', start, end: m.end, mention: m });
    }
    // A pronoun subject only matters to a cue that looks back for its subject (after a speech
    // verb, a participle, or a colon before a quote).
    const { verbs, participles, words } = this.match;
    if (verbs.length > 0 || participles.length > 0 || hasRealOpening(this.a.quotes.spans)) {
      for (const m of words ? pronounsIn(masked, words) : allMatches(PRONOUN_RE, masked)) {
        if (clauseStart(masked, m.index)) out.push({ kind: 'pronoun', start: m.index, end: m.index + m.text.length, pronoun: SUBJECT_PRONOUNS[toLower(m.text)] });
      }
    }
    for (const [start, end] of this.headWords()) {
      const head = toLower(masked.slice(start, end));
      if (!this.set.compiled.unnamed.has(head)) continue;
      const np = unnamedStart(masked, start);
      if (clauseStart(masked, np)) out.push({ kind: 'unnamed', start: np, end, head });
    }
    return sortByStart(out);
  }

  /**
   * The written words of the masked text that may be unnamed-speaker heads, as [start, end), in
   * order: those the phrase index points at, or (without one) every word {@link WORD_RE} finds.
   */
  private headWords(): Array<[number, number]> {
    const { heads, words } = this.match;
    const masked = this.a.masked;
    const out: Array<[number, number]> = [];
    if (heads === null || words === null) {
      WORD_RE.lastIndex = 0;
      for (let m = WORD_RE.exec(masked); m !== null; m = WORD_RE.exec(masked)) out.push([m.index, m.index + m[0].length]);
      return out;
    }
    for (const k of heads) {
      const word = words.writtenWordAt(masked, k);
      if (word) out.push(word);
    }
    return out;
  }

  /** The subject whose name ends at `end`, in main-clause position, or null. */
  private subjectEndingAt(end: number): Subject | null {
    const { masked, mentions } = this.a;
    // (An excluded phrase, "Melania Trump", "The Trump administration", is read word by word below.)
    const m = mentionEndingAt(mentions, end);
    if (m) {
      if (m.possessive) return null;
      const start = npStart(masked, m.start, this.set.compiled.unnamed);
      if (clauseStart(masked, start)) return { kind: m.roleKey ? 'role' : 'alias', start, end, mention: m };
      return this.postModified(start, end);
    }
    const word = trailingWord(masked, end);
    if (word === null) return null;
    const wStart = end - word.length;
    if (word.endsWith('’s') || word.endsWith("'s")) return null; // a possessive
    const lower = toLower(word);
    const pronoun = subjectPronoun(lower);
    if (pronoun) return clauseStart(masked, wStart) ? { kind: 'pronoun', start: wStart, end, pronoun } : null;
    if (this.set.compiled.unnamed.has(lower)) {
      const start = unnamedStart(masked, wStart);
      return clauseStart(masked, start) ? { kind: 'unnamed', start, end, head: lower } : null;
    }
    if (isCapitalised(word) && !CAP_STOP.has(word)) {
      const start = npStart(masked, wStart, this.set.compiled.unnamed);
      const names = masked.slice(start, end).split(/\s+/u).filter((x) => isCapitalised(x) && !DETERMINERS.has(x)).length;
      // Only a full name ("Maria Zakharova"): a single capitalised word is as often a place (Russia, Moscow, Nato).
      if (clauseStart(masked, start) && names >= 2) return { kind: 'name', start, end };
      return this.postModified(start, end);
    }
    return null;
  }

  /** "Critics of Trump", "officials in Moscow": an unnamed head before a prepositional phrase. */
  private postModified(start: number, end: number): Subject | null {
    const { masked } = this.a;
    const from = Math.max(0, start - 60);
    if (!endsWithPreposition(masked, from, start)) return null;
    const m = /(?:^|\s)(\p{L}+)\s+(?:of|from|at|in|with)\s+$/u.exec(masked.slice(from, start));
    if (!m || !this.set.compiled.unnamed.has(m[1].toLowerCase())) return null;
    const headStart = from + m.index + m[0].indexOf(m[1]);
    const s = unnamedStart(masked, headStart);
    return clauseStart(masked, s) ? { kind: 'unnamed', start: s, end, head: m[1].toLowerCase() } : null;
  }

  /** The nearest main-clause subject before `pos`. */
  private subjectBefore(pos: number): Subject | null {
    let best: Subject | null = null;
    for (const s of this.a.subjects) if (s.end <= pos) best = s;
    return best;
  }

  private trailing(pos: number): boolean {
    if (!this.a.hasReal) return false;
    const { masked, quotes } = this.a;
    return quotes.spans.some((s) => s.real && s.close >= 0 && s.close < pos && /^[\s,—–-]*$/u.test(masked.slice(s.close + 1, pos)));
  }

  private leading(end: number): boolean {
    if (!this.a.hasReal) return false;
    const { masked, quotes } = this.a;
    return quotes.spans.some((s) => s.real && s.open >= end && /^(?:\s*[\p{L}\p{N}.’']+){0,3}?[\s,:—–-]*$/u.test(masked.slice(end, s.open)));
  }

  private findCues(): Cue[] {
    const { masked, text, quotes } = this.a;
    const c = this.set.compiled;
    const cues: Cue[] = [];

    // Subject + speech verb: "Pompeo said", "The Kremlin has repeatedly said", "Medvedev, ..., voiced".
    for (const v of this.match.verbs) {
      const vEnd = v.index + v.text.length;
      const gap = gapStart(masked, v.index);
      const e = trimEnd(masked, gap);
      // The subject right before the verb, before a comma ("Mike Pompeo, has advocated"), or before
      // an apposition ("Dmitry Medvedev, Deputy Chairman of ..., voiced"); a known speaker wins.
      const found: Array<{ subject: Subject; apposition: boolean }> = [];
      const direct = this.subjectEndingAt(e);
      if (direct) found.push({ subject: direct, apposition: false });
      if (masked[e - 1] === ',') {
        const e2 = trimEnd(masked, e - 1);
        const before = this.subjectEndingAt(e2);
        if (before) found.push({ subject: before, apposition: false });
        const comma = masked.lastIndexOf(',', e2 - 1);
        const between = comma >= 0 ? masked.slice(comma + 1, e2) : '';
        if (comma >= 0 && between.length <= 120 && !/[;:“”"·]/u.test(between) && between.trim().split(/\s+/u).length <= 15) {
          const appositive = this.subjectEndingAt(trimEnd(masked, comma));
          if (appositive) found.push({ subject: appositive, apposition: true });
        }
      }
      if (found.length > 1) found.sort((x, y) => RANK[x.subject.kind] - RANK[y.subject.kind]);
      const subject = found[0]?.subject ?? null;
      const apposition = found[0]?.apposition ?? false;
      if (subject) {
        const words = apposition || subject.end !== e ? `${cueText(text, subject.start, subject.end)} ${cueText(text, gap, vEnd)}` : cueText(text, subject.start, vEnd);
        cues.push({ kind: 'verb', start: subject.start, subject, attached: this.trailing(subject.start) || this.leading(vEnd), text: words });
        continue;
      }
      // "... and argues that": the subject of the clause.
      if (endsWithAnd(masked, gap)) {
        const s = this.subjectBefore(gap);
        if (s) cues.push({ kind: 'coord', start: v.index, subject: s, attached: this.leading(vEnd), text: `${cueText(text, s.start, s.end)} … ${cueText(text, gap, vEnd)}` });
      }
    }

    // "…,” said the report": a speech verb after a closing quote, then the subject.
    for (const span of quotes.spans) {
      if (!span.real || span.close < 0) continue;
      const after = masked.slice(span.close + 1);
      const v = c.verbAtStart.exec(after);
      if (!v) continue;
      const s0 = span.close + 1 + v[0].length;
      const subject = this.subjectStartingAt(spacesEnd(masked, s0)); // (what trimStart skips)
      if (subject) cues.push({ kind: 'inverted', start: span.close + 1, subject, attached: true, text: cueText(text, span.close + 1, subject.end) });
    }

    // ", saying", "by asserting": the subject of the clause.
    for (const p of this.match.participles) {
      const before = masked.slice(0, p.index).replace(/\s+$/u, '');
      if (!/(?:,[”"’»]?|\b(?:by|and|while|thereby))$/u.test(before)) continue;
      const s = this.subjectBefore(p.index);
      const pEnd = p.index + p.text.length;
      if (s) cues.push({ kind: 'participle', start: p.index, subject: s, attached: this.leading(pEnd), text: `${cueText(text, s.start, s.end)} … ${p.text}` });
    }

    // "he tempered expectations: “I do not know ...": a colon introducing a real quote.
    for (const span of quotes.spans) {
      if (!span.real || span.open < 0) continue;
      const colon = spacesStart(masked, span.open) - 1; // /:\s*$/u before the mark
      if (colon < 0 || masked.charCodeAt(colon) !== 0x3a) continue;
      const s = this.subjectBefore(colon);
      if (!s) continue;
      const intro = cueText(text, s.start, colon + 1);
      const cue = wordCount(intro) <= 6 ? intro : `${cueText(text, s.start, s.end)} … ${intro.split(' ').slice(-2).join(' ')}`;
      cues.push({ kind: 'colon', start: colon, subject: s, attached: true, text: cue });
    }

    // "according to the Kremlin", "according to a 2019 Congressional report".
    for (const m of this.match.sources) {
      const objStart = m.index + m.text.length;
      const stop = masked.slice(objStart).search(/[,;:.!?“”"(·]|\s[-–—]\s/u);
      const objEnd = objStart + (stop < 0 ? Math.min(100, masked.length - objStart) : Math.min(stop, 100));
      const ment = this.a.mentions.find((x) => x.start >= objStart && x.end <= objEnd && !x.inQuote && (x.speaker !== null || x.roleKey !== null));
      const word = /^\s*(\p{L}+)/u.exec(masked.slice(objStart))?.[1].toLowerCase() ?? '';
      const subject: Subject = ment
        ? { kind: ment.roleKey ? 'role' : 'alias', start: ment.start, end: ment.end, mention: ment }
        : OBJECT_PRONOUNS[word]
          ? { kind: 'pronoun', start: objStart, end: objEnd, pronoun: OBJECT_PRONOUNS[word] }
          : { kind: 'unnamed', start: objStart, end: objEnd, head: word };
      cues.push({ kind: 'source', start: m.index, subject, attached: this.trailing(m.index), text: cueText(text, m.index, objEnd) });
    }

    // "For Theresa Fallon, director of ..., there is a disparity": a named speaker's view.
    const vp = this.a.mentions.length > 0 && mayOpenViewpoint(masked) ? VIEWPOINT.exec(masked) : null;
    if (vp) {
      const from = vp.index + vp[0].length;
      const m = this.a.mentions.find((x) => !x.inQuote && !x.possessive && (x.speaker !== null || x.roleKey !== null) && x.start >= from && npStart(masked, x.start, this.set.compiled.unnamed) <= from);
      if (m && masked[m.end] === ',') {
        cues.push({ kind: 'viewpoint', start: 0, subject: { kind: m.roleKey ? 'role' : 'alias', start: m.start, end: m.end, mention: m }, attached: false, text: cueText(text, vp.index, m.end) });
      }
    }
    return sortByStart(cues);
  }

  /** The subject starting at `pos` (after an inverted verb): a name, a role, a pronoun or an unnamed speaker. */
  private subjectStartingAt(pos: number): Subject | null {
    const { masked, mentions } = this.a;
    const m = mentions.find((x) => !x.inQuote && !x.possessive && (x.speaker !== null || x.roleKey !== null) && (x.start === pos || npStart(masked, x.start, this.set.compiled.unnamed) === pos));
    if (m) return { kind: m.roleKey ? 'role' : 'alias', start: pos, end: m.end, mention: m };
    const w = /^(?:(?:the|a|an)\s+)?((?:\p{L}+\s+){0,2}?)(\p{L}+)/u.exec(masked.slice(pos));
    if (!w) return null;
    const word = w[2];
    const pronoun = SUBJECT_PRONOUNS[word.toLowerCase()];
    if (pronoun && w[0] === word) return { kind: 'pronoun', start: pos, end: pos + word.length, pronoun };
    if (this.set.compiled.unnamed.has(word.toLowerCase())) return { kind: 'unnamed', start: pos, end: pos + w[0].length, head: word.toLowerCase() };
    const name = /^\p{Lu}[\p{L}.’'\-]*(?:\s+\p{Lu}[\p{L}.’'\-]*)*/u.exec(masked.slice(pos));
    if (name && !CAP_STOP.has(name[0].split(/\s+/u)[0])) return { kind: 'name', start: pos, end: pos + name[0].length };
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Resolution across sentences

interface Event {
  sentence: number;
  ordinal: number;
  speaker: string | null;
  pronouns: readonly SpeakerPronoun[];
  attribution: boolean;
}

interface Own extends Attribution {
  /** Decided by a cue attached to a quote, a label or an embed: quote runs do not override it. */
  fixed: boolean;
}

const WRITER: Own = { quoted: false, direct: false, speaker: null, cue: null, fixed: false };

/** The first sentence of a run whose attribution is fixed (see {@link Own.fixed}). */
function firstFixed(members: readonly number[], results: readonly Own[]): number | undefined {
  for (const j of members) if (results[j].fixed) return j;
  return undefined;
}

/** Whether every sentence of a run is mostly quoted. */
function allQuoted(members: readonly number[], analyses: readonly Analysis[], share: number): boolean {
  for (const j of members) if (!(analyses[j].coverage >= share)) return false;
  return true;
}

const loadedFiles = new Map<string, SpeakerSet>();

function speakerSetOf(options: AttributeOptions): SpeakerSet {
  if (options.speakers !== undefined && options.file !== undefined) {
    throw new NewsStanceError('give either speakers or file, not both', { field: 'options.file' });
  }
  if (options.speakers !== undefined) {
    const s = options.speakers as Partial<SpeakerSet> | null;
    if (s === null || typeof s !== 'object' || !s.compiled || !Array.isArray(s.speakers)) {
      invalidOption('speakers', 'a speaker set from loadSpeakers() or compileSpeakers()', options.speakers);
    }
    return options.speakers;
  }
  if (options.file !== undefined) {
    if (typeof options.file !== 'string' || options.file === '') invalidOption('file', 'a path to a speakers JSON file', options.file);
    const key = path.resolve(options.file);
    let set = loadedFiles.get(key);
    if (!set) {
      set = loadSpeakers(options.file);
      loadedFiles.set(key, set);
    }
    return set;
  }
  return defaultSpeakers();
}

function checkInput(sentences: unknown, options: unknown): void {
  if (!Array.isArray(sentences)) throw new NewsStanceError(`expected a list of sentences, got ${describe(sentences)}`, { field: 'sentences' });
  sentences.forEach((s: unknown, i) => {
    if (s === null || typeof s !== 'object') throw new NewsStanceError(`expected a sentence object with text and paragraph, got ${describe(s)}`, { field: `sentences[${i}]` });
    const o = s as Record<string, unknown>;
    if (typeof o.text !== 'string') throw new NewsStanceError(`expected a string, got ${describe(o.text)}`, { field: `sentences[${i}].text` });
    if (typeof o.paragraph !== 'number' || !Number.isFinite(o.paragraph)) throw new NewsStanceError(`expected a paragraph number, got ${describe(o.paragraph)}`, { field: `sentences[${i}].paragraph` });
  });
  if (options === null || typeof options !== 'object' || Array.isArray(options)) throw new NewsStanceError(`expected an options object, got ${describe(options)}`, { field: 'options' });
  const o = options as AttributeOptions;
  if (o.minQuoteWords !== undefined && (!Number.isInteger(o.minQuoteWords) || o.minQuoteWords < 1)) invalidOption('minQuoteWords', 'a whole number of at least 1', o.minQuoteWords);
  if (o.quotedShare !== undefined && (typeof o.quotedShare !== 'number' || !(o.quotedShare > 0 && o.quotedShare <= 1))) invalidOption('quotedShare', 'a number in (0, 1]', o.quotedShare);
}

/**
 * Who speaks in each sentence of an article (its sentences in order, with their paragraph
 * numbers, e.g. from {@link sentencesOf}): one {@link Attribution} per sentence, same order.
 *
 * - Direct quotes with the attribution after or before them (“…,” Pompeo said; Lavrov said: “…”;
 *   “…,” said the report; Putin commended Trump’s reaction, saying, “…”), and quotes running over
 *   several sentences or paragraphs: every sentence of the quote is the speaker's.
 * - Reported speech in a main clause: "Putin said that", "The Kremlin has repeatedly said",
 *   "according to the Kremlin", "For Theresa Fallon, ...", "Experts say" (quoted, speaker unknown).
 * - Pronouns ("she said") resolve to the speaker named or quoted most recently in the same or
 *   the previous paragraph, when that is unambiguous; roles ("the ministry said", "the Russian
 *   president") to the speaker with that role named most recently before them in the article.
 * - Interview turns ("Dr. Morozova: …") and embedded posts ("… (Twitter Donald J. Trump)").
 * - Scare quotes (“banalities”) leave a sentence in the writer's voice.
 *
 * @example
 * const sentences = sentencesOf(corpus.sources[2]);
 * attributeSpeakers(sentences)[14]; // { quoted: true, direct: true, speaker: 'Mike Pompeo', cue: 'Pompeo said' }
 */
export function attributeSpeakers(sentences: ReadonlyArray<{ text: string; paragraph: number }>, options: AttributeOptions = {}): Attribution[] {
  checkInput(sentences, options);
  if (sentences.length === 0) return [];
  const set = speakerSetOf(options);
  const c = set.compiled;
  const index = indexOf(c, [c.names, c.verbs, c.participles, c.sources, c.unnamed]);
  const share = options.quotedShare ?? 0.5;
  const scanner = new QuoteScanner(options.minQuoteWords ?? 3);
  // Word buffers of the sentence being analysed: of its text and of its masked text.
  const textWords = spareWords.pop() ?? new Words();
  const maskedWords = spareWords.pop() ?? new Words();
  const quotes: SentenceQuotes[] = [];
  const n = sentences.length;

  // Pass 1: each sentence on its own (its quotes in order, as scanQuotes finds them).
  const analyses: Analysis[] = [];
  let ordinal = -1;
  for (let i = 0; i < n; i++) {
    const sentence = sentences[i];
    const text = sentence.text;
    const paragraph = sentence.paragraph;
    const words = textWords.read(text);
    const q = scanner.next(sentence, words);
    quotes.push(q);
    const firstInParagraph = i === 0 || sentences[i - 1].paragraph !== paragraph;
    if (firstInParagraph) ordinal++;
    if (i > 0) analyses[i - 1].lastInParagraph = firstInParagraph;
    const masked = maskQuotes(text, q.spans);
    // No word straddles a quote's edge: the words of the masked text are those outside the quotes.
    const wordsOfMasked = q.spans.length === 0 ? words : words.copyOutside(q.spans, maskedWords);
    const a: Analysis = {
      text,
      masked,
      paragraph,
      ordinal,
      firstInParagraph,
      lastInParagraph: true, // until the next sentence says otherwise
      quotes: q,
      mentions: [],
      subjects: [],
      cues: [],
      coverage: q.letters === 0 ? 0 : q.quotedLetters / q.letters,
      hasReal: hasRealQuote(q.spans),
    };
    new SentenceAnalyzer(set, a, matchesOf(c, index, text, masked, words, wordsOfMasked)).run();
    analyses.push(a);
  }
  spareWords.push(textWords, maskedWords);
  const fixedBy = paragraphVoices(analyses, set, index !== null);

  // Pass 2: in order, resolving roles and pronouns, quote runs and continued quotes.
  const results: Own[] = new Array<Own>(n);
  const events: Event[] = [];
  const lastNamed = new Map<string, number>(); // speaker -> position of its latest mention by name
  let lastDirect: { speaker: string; cue: string | null; ordinal: number; sentence: number } | null = null;
  let run: number[] = [];

  const resolve = (i: number, subject: Subject): string | null => {
    if (subject.kind === 'alias' || subject.kind === 'role') return (subject.mention?.speaker ?? subject.mention?.resolved)?.name ?? null;
    if (subject.kind !== 'pronoun' || !subject.pronoun) return null;
    const p = subject.pronoun;
    const a = analyses[i];
    // The nearest speaker named before it in the same sentence, as a subject or a possessive ("Trump’s stance ...: he has stated").
    let near: Speaker | null = null;
    for (const m of a.mentions) {
      if (m.start >= subject.start) break;
      const sp = m.speaker ?? m.resolved;
      if (!sp || m.inQuote || !sp.pronouns.includes(p)) continue;
      if (m.possessive || a.subjects.some((s) => s.mention === m)) near = sp;
    }
    if (near) return near.name;
    // Otherwise the latest sentence of this or the previous paragraph with a candidate.
    for (let k = events.length - 1; k >= 0; k--) {
      const ev = events[k];
      if (ev.ordinal < a.ordinal - 1) break;
      if (ev.sentence >= i || !ev.pronouns.includes(p)) continue;
      const same = events.filter((x) => x.sentence === ev.sentence && x.pronouns.includes(p));
      const said = same.find((x) => x.attribution);
      if (said) return said.speaker;
      const names = new Set(same.map((x) => x.speaker));
      return names.size === 1 ? ev.speaker : null;
    }
    return null;
  };

  const addEvents = (i: number, own: Own): void => {
    const a = analyses[i];
    for (const s of a.subjects) {
      if (s.kind === 'alias' || s.kind === 'role') {
        const sp = s.mention?.speaker ?? s.mention?.resolved;
        if (sp) events.push({ sentence: i, ordinal: a.ordinal, speaker: sp.name, pronouns: sp.pronouns, attribution: false });
      } else if (s.kind === 'unnamed' && s.head) {
        events.push({ sentence: i, ordinal: a.ordinal, speaker: null, pronouns: s.head.endsWith('s') ? ['they'] : ['he', 'she'], attribution: false });
      }
    }
    if (own.speaker) {
      const sp = set.byName.get(own.speaker);
      if (sp) events.push({ sentence: i, ordinal: a.ordinal, speaker: sp.name, pronouns: sp.pronouns, attribution: true });
    }
  };

  const finishRun = (): void => {
    const members = run;
    run = [];
    if (members.length === 0) return;
    const decided = firstFixed(members, results);
    let speaker: string | null = decided !== undefined ? results[decided].speaker : null;
    let cue: string | null = decided !== undefined ? results[decided].cue : null;
    const first = analyses[members[0]];
    const last = analyses[members[members.length - 1]];
    if (decided === undefined && lastDirect && allQuoted(members, analyses, share)) {
      // A quote of its own with no attribution goes on from the speaker of the quote just before it.
      const opensQuote = first.quotes.continues || (first.quotes.spans[0]?.open ?? -1) === first.text.search(/\S/);
      const sameParagraph = lastDirect.ordinal === first.ordinal && lastDirect.sentence === members[0] - 1;
      const nextParagraph = lastDirect.ordinal === first.ordinal - 1 && first.firstInParagraph && analyses[lastDirect.sentence].lastInParagraph && lastDirect.sentence === members[0] - 1;
      if (opensQuote && TERMINAL.test(last.text) && (sameParagraph || nextParagraph)) {
        speaker = lastDirect.speaker;
        cue = lastDirect.cue;
      }
    }
    for (const j of members) {
      const own = results[j];
      if (own.fixed || analyses[j].coverage < share || (speaker === null && own.cue !== null)) continue;
      results[j] = { quoted: true, direct: true, speaker, cue, fixed: false };
      if (speaker) events.push({ sentence: j, ordinal: analyses[j].ordinal, speaker, pronouns: set.byName.get(speaker)?.pronouns ?? [], attribution: true });
    }
    const tail = results[members[members.length - 1]];
    const tailIndex = members[members.length - 1];
    lastDirect = tail.direct && tail.speaker ? { speaker: tail.speaker, cue: tail.cue, ordinal: analyses[tailIndex].ordinal, sentence: tailIndex } : null;
  };

  for (let i = 0; i < n; i++) {
    const a = analyses[i];
    for (const m of a.mentions) {
      if (m.speaker) lastNamed.set(m.speaker.name, i * 100000 + m.start);
      else if (m.roleKey) {
        let best: Speaker | null = null;
        let at = -1;
        for (const sp of set.compiled.roles.get(m.roleKey) ?? []) {
          const t = lastNamed.get(sp.name);
          if (t !== undefined && t > at) {
            best = sp;
            at = t;
          }
        }
        m.resolved = best;
      }
    }
    let own: Own;
    const fixed = fixedBy[i];
    if (fixed) {
      own = fixed;
    } else {
      // A mostly quoted sentence belongs to the attribution of its quote; otherwise the first
      // attribution of a main clause decides. "it" or "they" that refer to no speaker are no attribution.
      const order = a.coverage >= share && a.cues.length > 1 ? [...a.cues.filter((x) => x.attached), ...a.cues.filter((x) => !x.attached)] : a.cues;
      let chosen: { cue: Cue; speaker: string | null } | null = null;
      for (const cue of order) {
        const speaker = resolve(i, cue.subject);
        if (speaker === null && (cue.subject.pronoun === 'it' || cue.subject.pronoun === 'they') && cue.subject.kind === 'pronoun') continue;
        chosen = { cue, speaker };
        break;
      }
      if (chosen) {
        own = { quoted: true, direct: a.hasReal, speaker: chosen.speaker, cue: chosen.cue.text, fixed: chosen.cue.attached };
      } else if (a.coverage >= share) {
        own = { quoted: true, direct: true, speaker: null, cue: null, fixed: false };
      } else {
        own = WRITER;
      }
    }
    results[i] = own;
    addEvents(i, own);
    if (fixed) {
      finishRun();
      lastDirect = own.direct && own.speaker ? { speaker: own.speaker, cue: own.cue, ordinal: a.ordinal, sentence: i } : null;
      continue;
    }
    run.push(i);
    if (i + 1 < n && quotes[i + 1].continues && !fixedBy[i + 1]) continue;
    finishRun();
  }
  return results.map(({ quoted, direct, speaker, cue }) => ({ quoted, direct, speaker, cue }));
}

/**
 * Paragraphs whose voice is decided as a whole: interview turns ("Dr. Morozova: …", every
 * sentence the guest's; an interviewer with ownVoice stays unquoted) and embedded posts whose
 * last line is "(Twitter Donald J. Trump)" (with the author line just before them).
 */
function paragraphVoices(analyses: readonly Analysis[], set: SpeakerSet, compiledHere: boolean): Array<Own | undefined> {
  const out = new Array<Own | undefined>(analyses.length);
  const c = set.compiled;
  const groups: number[][] = [];
  analyses.forEach((a, i) => (a.firstInParagraph ? groups.push([i]) : groups[groups.length - 1].push(i)));
  const byName = (name: string): Speaker | null => {
    const key = normalizeName(name.trim());
    return c.exact.get(key)?.speaker ?? c.exact.get(key.replace(/^(?:Dr|Mr|Mrs|Ms|Prof|Professor)\.?\s+/u, ''))?.speaker ?? null;
  };
  groups.forEach((g, gi) => {
    const first = analyses[g[0]];
    // (A label, as compileSpeakers builds its expression, ends with a colon.)
    const label = !compiledHere || first.text.includes(':') ? c.label.exec(first.text) : null;
    if (label) {
      const sp = byName(label[1]);
      if (sp) {
        const cue = label[0].trim();
        for (const j of g) out[j] = { quoted: !sp.ownVoice, direct: !sp.ownVoice, speaker: sp.name, cue, fixed: true };
        return;
      }
    }
    const last = analyses[g[g.length - 1]].text;
    // Both footers need a parenthesis: the platform line starts with one (as compileSpeakers builds its expression), the post footer has "(@".
    if (compiledHere && last.charCodeAt(spacesEnd(last, 0)) !== 0x28 && !last.includes('(@')) return;
    const lastText = last.trim();
    const embed = c.embed?.exec(lastText) ?? TWEET_FOOTER.exec(lastText);
    if (embed) {
      const sp = byName(embed[1]);
      const own: Own = { quoted: true, direct: true, speaker: sp?.name ?? null, cue: embed[0].trim(), fixed: true };
      for (const j of g) out[j] = own;
      const prev = groups[gi - 1];
      if (prev && prev.length === 1) {
        const author = analyses[prev[0]].text.trim().replace(/[.:]$/u, '');
        const same = normalizeName(author) === normalizeName(embed[1].trim()) || (sp !== null && byName(author) === sp);
        if (same) out[prev[0]] = own;
      }
    }
  });
  return out;
}

/** Quoted share and speakers of a list of attributions (one source's). */
export interface VoiceSummary {
  sentences: number;
  /** Sentences that are quoted or reported speech. */
  quoted: number;
  /** quoted / sentences (0 when there are none). */
  quotedShare: number;
  /** Sentences with the speaker's words in quotation marks. */
  direct: number;
  /** Quoted sentences whose speaker the text does not name. */
  unattributed: number;
  /** Sentences per named speaker (quoted or not: an interviewer counts), most first. */
  speakers: Array<{ speaker: string; sentences: number }>;
}

/**
 * Counts who speaks in a list of attributions.
 *
 * @example
 * summarizeVoices(attributeSpeakers(sentencesOf(source))).speakers[0]; // { speaker: 'Vladimir Putin', sentences: 17 }
 */
export function summarizeVoices(attributions: readonly Attribution[]): VoiceSummary {
  const counts = new Map<string, number>();
  let quoted = 0;
  let direct = 0;
  let unattributed = 0;
  for (const a of attributions) {
    if (a.quoted) quoted++;
    if (a.direct) direct++;
    if (a.quoted && a.speaker === null) unattributed++;
    if (a.speaker !== null) counts.set(a.speaker, (counts.get(a.speaker) ?? 0) + 1);
  }
  const speakers = [...counts].map(([speaker, sentences]) => ({ speaker, sentences })).sort((x, y) => y.sentences - x.sentences || x.speaker.localeCompare(y.speaker));
  return { sentences: attributions.length, quoted, quotedShare: attributions.length ? quoted / attributions.length : 0, direct, unattributed, speakers };
}
