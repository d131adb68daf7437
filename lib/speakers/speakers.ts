import * as fs from 'node:fs';
import * as path from 'node:path';
import { NewsStanceError, describe, invalidOption } from '../errors';
import { parseJsonWithPositions } from '../targets/json-positions';
import { PhraseIndex, registerIndex, type PhrasePattern } from './phrases';

/**
 * The speakers file (default `data/speakers.json`): who can speak in an article, by which names
 * and roles, and which words attribute speech. Read once, validated with file, line and field
 * in every error, and compiled into the regular expressions {@link attributeSpeakers} uses.
 */

/** What a speaker is. An `interviewer` normally has `ownVoice: true`. */
export type SpeakerKind = 'person' | 'institution' | 'document' | 'interviewer';
export const SPEAKER_KINDS: readonly SpeakerKind[] = ['person', 'institution', 'document', 'interviewer'];

/** A subject pronoun an attribution may use for a speaker ("she said"). */
export type SpeakerPronoun = 'he' | 'she' | 'it' | 'they';
export const SPEAKER_PRONOUNS: readonly SpeakerPronoun[] = ['he', 'she', 'it', 'they'];

/** A canonical speaker. */
export interface Speaker {
  /** Canonical name, as attributions report it: `Vladimir Putin`, `Kremlin`, `Editor`. */
  name: string;
  kind: SpeakerKind;
  /** Who the speaker is, for tables; `null` when the file gives none. */
  title: string | null;
  /** Names that always identify the speaker (case-sensitive). */
  aliases: readonly string[];
  /** Descriptions ("the Russian president") that identify the speaker once named earlier in the article (any case). */
  roles: readonly string[];
  /** Phrases that contain an alias but do not name the speaker ("Trump Tower"). */
  exclude: readonly string[];
  /** Pronouns that may refer to the speaker in an attribution. */
  pronouns: readonly SpeakerPronoun[];
  /** The publication's own voice (an interviewer): its interview turns are not quoted speech. */
  ownVoice: boolean;
}

/** A speaker as written in a speakers file or passed to {@link compileSpeakers}. */
export interface SpeakerInput {
  name: string;
  kind?: SpeakerKind;
  title?: string;
  aliases: readonly string[];
  roles?: readonly string[];
  exclude?: readonly string[];
  pronouns?: readonly SpeakerPronoun[];
  ownVoice?: boolean;
}

/** The content of a speakers file. */
export interface SpeakersInput {
  speakers: readonly SpeakerInput[];
  speechVerbs: readonly string[];
  participles: readonly string[];
  sourcePhrases: readonly string[];
  unnamedSpeakers: readonly string[];
  embedPlatforms?: readonly string[];
  about?: string;
  version?: number;
}

/** A validated speaker set with its matchers compiled once. Build it with {@link loadSpeakers} or {@link compileSpeakers}. */
export interface SpeakerSet {
  /** The file it was read from, if any. */
  readonly file: string | undefined;
  readonly speakers: readonly Speaker[];
  /** Speaker by canonical name. */
  readonly byName: ReadonlyMap<string, Speaker>;
  readonly speechVerbs: readonly string[];
  readonly participles: readonly string[];
  readonly sourcePhrases: readonly string[];
  readonly unnamedSpeakers: readonly string[];
  readonly embedPlatforms: readonly string[];
  /** @internal the compiled matchers. */
  readonly compiled: CompiledSpeakers;
}

/** @internal What a matched name or phrase stands for. */
export interface NameEntry {
  /** The speaker an alias names; null for an excluded phrase. */
  speaker: Speaker | null;
}

/** @internal */
export interface CompiledSpeakers {
  /** Every alias, role and excluded phrase, longest first, on word boundaries (global). */
  names: RegExp;
  /** Alias or excluded phrase by normalised text (exact case). */
  exact: ReadonlyMap<string, NameEntry>;
  /** Speakers sharing a role, by normalised lower-case role. */
  roles: ReadonlyMap<string, readonly Speaker[]>;
  /** Speech verbs (global). */
  verbs: RegExp;
  /** Speech verb at the start of a string, after optional space and comma (inverted "…,” said the report"). */
  verbAtStart: RegExp;
  /** Participles (global). */
  participles: RegExp;
  /** Source phrases (global). */
  sources: RegExp;
  /** Unnamed-speaker head words, lower case. */
  unnamed: ReadonlySet<string>;
  /** "(Twitter Donald J. Trump)": group 1 is the name. */
  embed: RegExp | null;
  /** "Dr. Morozova:" or "Editor (Time.news):" at the start of a paragraph: group 1 is the alias. */
  label: RegExp;
}

/** The bundled speakers file: `data/speakers.json` in the package. */
export const DEFAULT_SPEAKERS_FILE = path.resolve(__dirname, '..', '..', 'data', 'speakers.json');

const TOP_KEYS = ['about', 'version', 'speechVerbs', 'participles', 'sourcePhrases', 'unnamedSpeakers', 'embedPlatforms', 'speakers'];
const SPEAKER_KEYS = ['name', 'kind', 'title', 'aliases', 'roles', 'exclude', 'pronouns', 'ownVoice'];

/**
 * Reads, validates and compiles a speakers file (default: the bundled `data/speakers.json`).
 * Errors name the file, the line and the field, e.g.
 * `speakers.json:14: speakers[1].aliases[2]: alias "Putin" is claimed by two speakers, ...`.
 *
 * @example
 * const set = loadSpeakers();
 * set.byName.get('Sergey Lavrov')?.aliases; // ['Sergey Lavrov', 'Sergei Lavrov', 'Lavrov']
 */
export function loadSpeakers(file: string = DEFAULT_SPEAKERS_FILE): SpeakerSet {
  if (typeof file !== 'string' || file === '') invalidOption('file', 'a path to a speakers JSON file', file);
  const shown = displayPath(file);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    throw new NewsStanceError('speakers file not found', { file: shown }, 'Pass the path of a JSON file like data/speakers.json, or omit it for the bundled one');
  }
  return parseSpeakers(fs.readFileSync(file, 'utf8'), shown);
}

/** Parses, validates and compiles the text of a speakers file; `file` labels error messages. */
export function parseSpeakers(json: string, file?: string): SpeakerSet {
  const doc = parseJsonWithPositions(json, file);
  return build(doc.value, file, (p) => doc.lineOf(p));
}

/** Validates and compiles speakers given as objects (same rules as a speakers file); `file` only labels error messages. */
export function compileSpeakers(input: SpeakersInput, file?: string): SpeakerSet {
  return build(input, file, () => undefined);
}

let bundled: SpeakerSet | undefined;
/** The bundled speakers, loaded once. */
export function defaultSpeakers(): SpeakerSet {
  bundled ??= loadSpeakers(DEFAULT_SPEAKERS_FILE);
  return bundled;
}

function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** Straight apostrophes, plain hyphens, single spaces: the key under which names are compared. */
export function normalizeName(s: string): string {
  if (!/[’‘`´‐‑]|[^\S ]| {2}/.test(s)) return s; // nothing to replace
  return s.replace(/[’‘`´]/g, "'").replace(/[‐‑]/g, '-').replace(/\s+/g, ' ');
}

function build(doc: unknown, file: string | undefined, lineAt: (p: string) => number | undefined): SpeakerSet {
  const fail = (field: string, problem: string, hint?: string): never => {
    throw new NewsStanceError(problem, { file, line: lineAt(field), field: field || undefined }, hint);
  };
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) fail('', `expected an object with a "speakers" list, got ${describe(doc)}`);
  const root = doc as Record<string, unknown>;
  for (const key of Object.keys(root)) {
    if (!TOP_KEYS.includes(key)) fail(key, 'unknown field', `Allowed at the top: ${TOP_KEYS.join(', ')}`);
  }
  if (root.about !== undefined && typeof root.about !== 'string') fail('about', `expected a string, got ${describe(root.about)}`);
  if (root.version !== undefined && root.version !== 1) fail('version', `expected 1, got ${describe(root.version)}`);

  /** A list of non-empty, distinct phrases starting with a letter (distinct in any case unless `caseSensitive`). */
  const phrases = (value: unknown, field: string, required: boolean, what: string, caseSensitive = false): string[] => {
    if (value === undefined && !required) return [];
    if (value === undefined) return fail(field, `missing: a list of ${what}`);
    if (!Array.isArray(value)) return fail(field, `expected a list of ${what}, got ${describe(value)}`);
    const seen = new Map<string, string>();
    return value.map((v, i) => {
      const at = `${field}[${i}]`;
      if (typeof v !== 'string') return fail(at, `expected a string, got ${describe(v)}`);
      if (v.trim() === '') return fail(at, `empty ${what.replace(/es$|s$/, '')}`, 'Remove it or write the words');
      if (v !== v.trim()) fail(at, `${describe(v)} has leading or trailing spaces`);
      if (!/^[\p{L}\p{N}]/u.test(v)) fail(at, `${describe(v)} must start with a letter or digit`);
      const key = caseSensitive ? normalizeName(v) : normalizeName(v).toLowerCase();
      const other = seen.get(key);
      if (other !== undefined) fail(at, `${describe(v)} is listed twice (also at ${other})`);
      seen.set(key, at);
      return v;
    });
  };
  const lowerWords = (field: string, required: boolean): string[] => {
    const list = phrases(root[field], field, required, 'words or phrases');
    if (required && list.length === 0) fail(field, 'the list is empty', 'Give at least one');
    list.forEach((w, i) => {
      if (w !== w.toLowerCase()) fail(`${field}[${i}]`, `${describe(w)} must be lower case`);
    });
    return list;
  };

  const speechVerbs = lowerWords('speechVerbs', true);
  const participles = lowerWords('participles', true);
  const sourcePhrases = lowerWords('sourcePhrases', true);
  const unnamedSpeakers = lowerWords('unnamedSpeakers', true);
  unnamedSpeakers.forEach((w, i) => {
    if (/\s/.test(w)) fail(`unnamedSpeakers[${i}]`, `${describe(w)} must be one word (the head noun: "officials" also matches "Senior officials")`);
  });
  const embedPlatforms = phrases(root.embedPlatforms, 'embedPlatforms', false, 'platform names');

  const list = root.speakers;
  if (!Array.isArray(list)) return fail('speakers', `expected a list of speakers, got ${describe(list)}`);
  if (list.length === 0) fail('speakers', 'the list of speakers is empty', 'Add at least one speaker');

  const speakers: Speaker[] = [];
  const names = new Map<string, string>(); // name -> field
  const claims = new Map<string, Array<{ speaker: string; field: string; role: boolean; text: string }>>(); // folded alias/role/exclude -> claims

  list.forEach((raw: unknown, si: number) => {
    const at = `speakers[${si}]`;
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return fail(at, `expected a speaker object, got ${describe(raw)}`);
    const s = raw as Record<string, unknown>;
    for (const key of Object.keys(s)) {
      if (!SPEAKER_KEYS.includes(key)) fail(`${at}.${key}`, 'unknown field', `A speaker has: ${SPEAKER_KEYS.join(', ')}`);
    }
    if (typeof s.name !== 'string' || s.name.trim() === '' || s.name !== s.name.trim()) {
      fail(`${at}.name`, `expected a non-empty name without surrounding spaces, got ${describe(s.name)}`);
    }
    const name = s.name as string;
    const dup = names.get(name);
    if (dup !== undefined) fail(`${at}.name`, `duplicate name "${name}" (also at ${dup})`, 'Give every speaker its own name');
    names.set(name, `${at}.name`);
    const kind = s.kind === undefined ? 'person' : s.kind;
    if (typeof kind !== 'string' || !(SPEAKER_KINDS as readonly string[]).includes(kind)) {
      fail(`${at}.kind`, `${describe(kind)} is not one of ${SPEAKER_KINDS.join(', ')}`);
    }
    if (s.title !== undefined && (typeof s.title !== 'string' || s.title.trim() === '')) fail(`${at}.title`, `expected a non-empty string, got ${describe(s.title)}`);
    if (s.ownVoice !== undefined && typeof s.ownVoice !== 'boolean') fail(`${at}.ownVoice`, `expected true or false, got ${describe(s.ownVoice)}`);
    const pronouns = phrases(s.pronouns, `${at}.pronouns`, false, 'pronouns');
    pronouns.forEach((p, i) => {
      if (!(SPEAKER_PRONOUNS as readonly string[]).includes(p)) fail(`${at}.pronouns[${i}]`, `${describe(p)} is not one of ${SPEAKER_PRONOUNS.join(', ')}`);
    });

    const aliases = phrases(s.aliases, `${at}.aliases`, true, 'aliases', true);
    if (aliases.length === 0) fail(`${at}.aliases`, 'no aliases', `Give speaker "${name}" at least one name as it appears in articles`);
    const roles = phrases(s.roles, `${at}.roles`, false, 'roles');
    const exclude = phrases(s.exclude, `${at}.exclude`, false, 'phrases', true);

    const claim = (text: string, field: string, role: boolean): void => {
      const folded = normalizeName(text).toLowerCase();
      const prior = claims.get(folded);
      if (role) {
        // Speakers may share a role ("the US president"); a role may not equal an alias or excluded phrase.
        if (prior?.find((c) => !c.role)) {
          const c = prior.find((x) => !x.role)!;
          fail(field, `role "${text}" is also an alias or excluded phrase of "${c.speaker}" (${c.field})`, 'A role may be shared by speakers but may not be an alias');
        }
      } else if (prior) {
        const role = prior.find((c) => c.role);
        if (role) fail(field, `"${text}" is also a role of "${role.speaker}" (${role.field})`, 'An alias or excluded phrase may not be a role');
        // The same speaker may list an alias in two letter cases ("Congressional report", "congressional report").
        const clash = prior.find((c) => c.speaker !== name || normalizeName(c.text) === normalizeName(text));
        if (clash) {
          const where = clash.speaker === name ? `twice for "${name}" (also at ${clash.field})` : `by two speakers, "${clash.speaker}" (${clash.field}) and "${name}"`;
          fail(field, `"${text}" is claimed ${where}`, 'An alias or excluded phrase may appear once in the whole file');
        }
      }
      claims.set(folded, [...(prior ?? []), { speaker: name, field, role, text }]);
    };
    aliases.forEach((a, i) => claim(a, `${at}.aliases[${i}]`, false));
    exclude.forEach((a, i) => claim(a, `${at}.exclude[${i}]`, false));
    roles.forEach((r, i) => claim(r, `${at}.roles[${i}]`, true));

    speakers.push({
      name,
      kind: kind as SpeakerKind,
      title: typeof s.title === 'string' ? s.title : null,
      aliases,
      roles,
      exclude,
      pronouns: pronouns as SpeakerPronoun[],
      ownVoice: s.ownVoice === true,
    });
  });

  const set = { speakers, speechVerbs, participles, sourcePhrases, unnamedSpeakers, embedPlatforms };
  return { file, ...set, byName: new Map(speakers.map((s) => [s.name, s])), compiled: compile(set) };
}

/** A regex source for a phrase: any apostrophe, any hyphen, any run of spaces; letters in any case when `anyCase`. */
function phrasePattern(phrase: string, anyCase: boolean): string {
  let out = '';
  for (const ch of phrase) {
    if (/['’‘`´]/.test(ch)) out += "['’‘`´]";
    else if (/\s/.test(ch)) out += '\\s+';
    else if (/[-‐‑]/.test(ch)) out += '[-‐‑]';
    else if (anyCase && ch.toLowerCase() !== ch.toUpperCase()) out += `[${ch.toLowerCase()}${ch.toUpperCase()}]`;
    else out += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return out;
}

const byLength = (a: { text: string }, b: { text: string }): number => b.text.length - a.text.length;
const BEFORE = '(?<![\\p{L}\\p{N}\\-‐‑])';
const AFTER = '(?![\\p{L}\\p{N}\\-‐‑])';

/** The patterns of a list of phrases in alternation order: longest phrase first, each pattern once. */
function orderedPatterns(list: Array<{ text: string; anyCase: boolean }>): PhrasePattern[] {
  const seen = new Set<string>();
  const out: PhrasePattern[] = [];
  for (const x of [...list].sort(byLength)) {
    const pattern = phrasePattern(x.text, x.anyCase);
    if (seen.has(pattern)) continue;
    seen.add(pattern);
    out.push({ pattern, text: x.text, anyCase: x.anyCase });
  }
  return out;
}

/** The alternation of the patterns, in their order. */
function alternation(patterns: readonly PhrasePattern[]): string {
  return patterns.map((p) => p.pattern).join('|');
}

function compile(set: Pick<SpeakerSet, 'speakers' | 'speechVerbs' | 'participles' | 'sourcePhrases' | 'unnamedSpeakers' | 'embedPlatforms'>): CompiledSpeakers {
  const exact = new Map<string, NameEntry>();
  const roles = new Map<string, Speaker[]>();
  const nameList: Array<{ text: string; anyCase: boolean }> = [];
  for (const s of set.speakers) {
    for (const a of s.aliases) {
      exact.set(normalizeName(a), { speaker: s });
      nameList.push({ text: a, anyCase: false });
    }
    for (const x of s.exclude) {
      exact.set(normalizeName(x), { speaker: null });
      nameList.push({ text: x, anyCase: false });
    }
    for (const r of s.roles) {
      const key = normalizeName(r).toLowerCase();
      roles.set(key, [...(roles.get(key) ?? []), s]);
      nameList.push({ text: r, anyCase: true });
    }
  }
  // "the" of a role also matches "The" at the start of a sentence; aliases keep their case.
  const lowerList = (words: readonly string[]): Array<{ text: string; anyCase: boolean }> => words.map((w) => ({ text: w, anyCase: false }));
  const names = orderedPatterns(nameList);
  const verbs = orderedPatterns(lowerList(set.speechVerbs));
  const participles = orderedPatterns(lowerList(set.participles));
  const sources = orderedPatterns(set.sourcePhrases.map((p) => ({ text: p, anyCase: true })));
  const verbAlt = alternation(verbs);
  const aliasAlt = alternation(orderedPatterns(set.speakers.flatMap((s) => s.aliases.map((a) => ({ text: a, anyCase: false })))));
  const titles = '(?:(?:Dr|Mr|Mrs|Ms|Prof|Professor)\\.?\\s+)?';
  const compiled: CompiledSpeakers = {
    names: new RegExp(`${BEFORE}(?:${alternation(names)})${AFTER}`, 'gu'),
    exact,
    roles,
    verbs: new RegExp(`${BEFORE}(?:${verbAlt})${AFTER}`, 'gu'),
    verbAtStart: new RegExp(`^[\\s,—–-]*(${verbAlt})${AFTER}`, 'u'),
    participles: new RegExp(`${BEFORE}(?:${alternation(participles)})${AFTER}`, 'gu'),
    sources: new RegExp(`${BEFORE}(?:${alternation(sources)})${AFTER}`, 'gu'),
    unnamed: new Set(set.unnamedSpeakers),
    embed: set.embedPlatforms.length ? new RegExp(`^\\(\\s*(?:${alternation(orderedPatterns(lowerList(set.embedPlatforms)))})\\s+([^()]{2,80}?)\\s*\\)\\s*$`, 'u') : null,
    label: new RegExp(`^\\s*(${titles}(?:${aliasAlt}))(?:\\s*\\([^()]{1,60}\\))?\\s*:\\s+`, 'u'),
  };
  const regexps = [compiled.names, compiled.verbs, compiled.participles, compiled.sources];
  registerIndex(compiled, new PhraseIndex([names, verbs, participles, sources], regexps, set.unnamedSpeakers), [...regexps, compiled.unnamed]);
  return compiled;
}
