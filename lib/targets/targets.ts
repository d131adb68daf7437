import * as fs from 'node:fs';
import * as path from 'node:path';
import { NewsStanceError, describe, invalidOption } from '../errors';
import { parseJsonWithPositions } from './json-positions';
import { compileAliasScanner, normalizeAlias, scanAliases, type AliasCandidate, type AliasScanner } from './alias-scanner';

/** One alias of a target, or one excluded phrase. */
export interface AliasSpec {
  /** The words as written in the targets file. */
  alias: string;
  /** Match in any letter case (default false: case-sensitive, so "US" never matches "us"). */
  ignoreCase: boolean;
}

/** A target whose mentions are found in sentences: a person, country, organisation or topic. */
export interface Target {
  /** Kebab-case id, e.g. `united-states`. */
  id: string;
  /** Human label, e.g. `United States`. */
  label: string;
  aliases: readonly AliasSpec[];
  /** Phrases that contain an alias but do not mention the target (`Washington Post`). */
  exclude: readonly AliasSpec[];
}

/** A target as written in a targets file or passed to {@link compileTargets}. */
export interface TargetInput {
  id: string;
  label?: string;
  aliases: ReadonlyArray<string | { alias: string; ignoreCase?: boolean }>;
  exclude?: ReadonlyArray<string | { alias: string; ignoreCase?: boolean }>;
}

/** A validated set of targets with its matcher compiled once. Build it with {@link loadTargets} or {@link compileTargets}. */
export interface TargetSet {
  /** The file it was read from, if any. */
  readonly file: string | undefined;
  readonly targets: readonly Target[];
  /** Target by id. */
  readonly byId: ReadonlyMap<string, Target>;
  /** @internal the compiled matcher. */
  readonly matcher: Matcher;
}

/** One mention of a target in a text. */
export interface Mention {
  /** Id of the target mentioned. */
  target: string;
  /** The alias that matched, as written in the targets file. */
  alias: string;
  /** The text that matched (may differ from the alias in case or apostrophe). */
  text: string;
  /** Character offsets: `text.slice(start, end)` is the mention. */
  start: number;
  end: number;
}

/** The bundled targets file: `data/targets.json` in the package. */
export const DEFAULT_TARGETS_FILE = path.resolve(__dirname, '..', '..', 'data', 'targets.json');

const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

interface Entry {
  target: string | null; // null: an excluded phrase
  alias: string;
  ignoreCase: boolean;
}

/** @internal */
export interface Matcher {
  regex: RegExp;
  exact: ReadonlyMap<string, Entry>;
  folded: ReadonlyMap<string, Entry>;
}

/** Reads, validates and compiles a targets file (default: the bundled `data/targets.json`). */
export function loadTargets(file: string = DEFAULT_TARGETS_FILE): TargetSet {
  if (typeof file !== 'string') invalidOption('file', 'a path to a targets JSON file', file);
  const shown = displayPath(file);
  if (!fs.existsSync(file)) throw new NewsStanceError('targets file not found', { file: shown }, 'Pass the path of a JSON file like data/targets.json');
  const text = fs.readFileSync(file, 'utf8');
  const doc = parseJsonWithPositions(text, shown);
  return build(doc.value, shown, (p) => doc.lineOf(p));
}

/**
 * Validates and compiles targets given as objects (same rules as a targets file). `file` only
 * labels error messages.
 */
export function compileTargets(targets: readonly TargetInput[] | { targets: readonly TargetInput[] }, file?: string): TargetSet {
  const doc = Array.isArray(targets) ? { targets } : targets;
  return build(doc, file, () => undefined);
}

let bundled: TargetSet | undefined;
/** The bundled targets, loaded once. */
export function defaultTargets(): TargetSet {
  bundled ??= loadTargets(DEFAULT_TARGETS_FILE);
  return bundled;
}

function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

function build(doc: unknown, file: string | undefined, lineAt: (p: string) => number | undefined): TargetSet {
  const fail = (field: string, problem: string, hint?: string): never => {
    throw new NewsStanceError(problem, { file, line: lineAt(field), field: field || undefined }, hint);
  };
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) fail('', `expected an object with a "targets" list, got ${describe(doc)}`);
  const root = doc as Record<string, unknown>;
  for (const key of Object.keys(root)) {
    if (!['targets', 'version', 'about'].includes(key)) fail(key, 'unknown field', 'Allowed at the top: targets, version, about');
  }
  const list = root.targets;
  if (!Array.isArray(list)) fail('targets', `expected a list of targets, got ${describe(list)}`);
  if ((list as unknown[]).length === 0) fail('targets', 'the list of targets is empty', 'Add at least one target');

  const targets: Target[] = [];
  const ids = new Map<string, string>(); // id -> field
  // lower-cased normalised alias -> every alias or excluded phrase claimed under it
  const claims = new Map<string, { target: string; field: string; exact: string; ignoreCase: boolean }[]>();

  (list as unknown[]).forEach((raw, ti) => {
    const at = `targets[${ti}]`;
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) fail(at, `expected a target object, got ${describe(raw)}`);
    const t = raw as Record<string, unknown>;
    for (const key of Object.keys(t)) {
      if (!['id', 'label', 'aliases', 'exclude'].includes(key)) fail(`${at}.${key}`, 'unknown field', 'A target has: id, label, aliases, exclude');
    }
    if (typeof t.id !== 'string' || !ID_RE.test(t.id)) {
      fail(`${at}.id`, `expected a kebab-case id like "united-states", got ${describe(t.id)}`);
    }
    const id = t.id as string;
    const seen = ids.get(id);
    if (seen !== undefined) fail(`${at}.id`, `duplicate id "${id}" (also at ${seen})`, 'Give every target its own id');
    ids.set(id, `${at}.id`);
    if (t.label !== undefined && (typeof t.label !== 'string' || t.label.trim() === '')) fail(`${at}.label`, `expected a non-empty label, got ${describe(t.label)}`);
    const label = typeof t.label === 'string' ? t.label : id;

    const readList = (key: 'aliases' | 'exclude', required: boolean): AliasSpec[] => {
      const v = t[key];
      if (v === undefined && !required) return [];
      if (!Array.isArray(v)) fail(`${at}.${key}`, `expected a list of strings, got ${describe(v)}`);
      if (required && (v as unknown[]).length === 0) fail(`${at}.${key}`, 'no aliases', `Give target "${id}" at least one alias`);
      return (v as unknown[]).map((a, ai) => {
        const field = `${at}.${key}[${ai}]`;
        let spec: AliasSpec;
        if (typeof a === 'string') spec = { alias: a, ignoreCase: false };
        else if (a !== null && typeof a === 'object' && !Array.isArray(a)) {
          const o = a as Record<string, unknown>;
          for (const k of Object.keys(o)) if (k !== 'alias' && k !== 'ignoreCase') fail(`${field}.${k}`, 'unknown field', 'An alias object has: alias, ignoreCase');
          if (typeof o.alias !== 'string') fail(`${field}.alias`, `expected a string, got ${describe(o.alias)}`);
          if (o.ignoreCase !== undefined && typeof o.ignoreCase !== 'boolean') fail(`${field}.ignoreCase`, `expected true or false, got ${describe(o.ignoreCase)}`);
          spec = { alias: o.alias as string, ignoreCase: o.ignoreCase === true };
        } else {
          return fail(field, `expected a string or {"alias": ..., "ignoreCase": ...}, got ${describe(a)}`);
        }
        if (spec.alias.trim() === '') fail(field, 'empty alias', 'Remove it or write the words that name the target');
        if (spec.alias !== spec.alias.trim()) fail(field, `alias ${describe(spec.alias)} has leading or trailing spaces`);
        if (!/^[\p{L}\p{N}]/u.test(spec.alias)) fail(field, `alias ${describe(spec.alias)} must start with a letter or digit`);
        const exact = normalizeAlias(spec.alias);
        const folded = exact.toLowerCase();
        const hit = (claims.get(folded) ?? []).find((c) => c.exact === exact || c.ignoreCase || spec.ignoreCase);
        if (hit) {
          const what = key === 'exclude' ? 'excluded phrase' : 'alias';
          const where = hit.target === id ? `twice in target "${id}" (also at ${hit.field})` : `by two targets, "${hit.target}" (${hit.field}) and "${id}"`;
          fail(field, `${what} "${spec.alias}" is claimed ${where}`, 'An alias or excluded phrase may appear once in the whole file');
        }
        const list = claims.get(folded) ?? [];
        list.push({ target: id, field, exact, ignoreCase: spec.ignoreCase });
        claims.set(folded, list);
        return spec;
      });
    };
    const aliases = readList('aliases', true);
    const exclude = readList('exclude', false);
    targets.push({ id, label, aliases, exclude });
  });

  return { file, targets, byId: new Map(targets.map((t) => [t.id, t])), matcher: compileMatcher(targets) };
}

function aliasPattern(spec: AliasSpec): string {
  let out = '';
  for (const ch of spec.alias) {
    if (/['’‘`´]/.test(ch)) out += "['’‘`´]";
    else if (/\s/.test(ch)) out += '\\s+';
    else if (spec.ignoreCase && ch.toLowerCase() !== ch.toUpperCase()) out += `[${ch.toLowerCase()}${ch.toUpperCase()}]`;
    else if (ch === '-') out += '[-‐‑]';
    else out += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return out;
}

/**
 * Builds the matcher. Its `regex` defines which texts are candidates (and stays the reference);
 * findMentions runs the equivalent {@link AliasScanner} instead, see {@link scannerOf}.
 */
function compileMatcher(targets: readonly Target[]): Matcher {
  const exact = new Map<string, Entry>();
  const folded = new Map<string, Entry>();
  const all: Entry[] = [];
  for (const t of targets) {
    for (const a of t.aliases) all.push({ target: t.id, alias: a.alias, ignoreCase: a.ignoreCase });
    for (const a of t.exclude) all.push({ target: null, alias: a.alias, ignoreCase: a.ignoreCase });
  }
  for (const e of all) {
    const key = normalizeAlias(e.alias);
    if (e.ignoreCase) folded.set(key.toLowerCase(), e);
    else exact.set(key, e);
  }
  // Longest first, so that at any position the longest alias is tried first.
  const patterns = all
    .slice()
    .sort((a, b) => b.alias.length - a.alias.length || (a.alias < b.alias ? -1 : a.alias > b.alias ? 1 : 0))
    .map(aliasPattern);
  // Zero-width match at every position where some alias starts on a word boundary: the
  // alias is captured inside a lookahead, so overlapping candidates are all seen.
  const source = `(?<![\\p{L}\\p{N}_])(?=(${patterns.join('|')})(?![\\p{L}\\p{N}_]))`;
  return { regex: new RegExp(source, 'gu'), exact, folded };
}

function compiled(targets: TargetSet | readonly TargetInput[]): TargetSet {
  if (Array.isArray(targets)) {
    let set = arrayCache.get(targets);
    if (!set) {
      set = compileTargets(targets as readonly TargetInput[]);
      arrayCache.set(targets, set);
    }
    return set;
  }
  const set = targets as TargetSet;
  if (!set || !set.matcher || !(set.matcher.regex instanceof RegExp)) invalidOption('targets', 'a TargetSet from loadTargets() or a list of targets', targets);
  return set;
}
const arrayCache = new WeakMap<object, TargetSet>();

/** What a normalised matched text resolves to: the case-sensitive alias with that key, else the case-insensitive one. */
function resolve(matcher: Matcher, key: string): Entry | undefined {
  return matcher.exact.get(key) ?? matcher.folded.get(key.toLowerCase());
}

const scanners = new WeakMap<Matcher, AliasScanner>();
let lastMatcher: Matcher | undefined;
let lastScanner: AliasScanner | undefined;

/**
 * The alias scanner of a matcher, compiled on first use and kept per matcher object. It is built
 * from the matcher's entries, which are all the aliases and excluded phrases its regex
 * alternates (validation makes every key unique, so no entry is shadowed in the maps).
 */
function scannerOf(matcher: Matcher): AliasScanner {
  if (matcher === lastMatcher) return lastScanner!;
  let scanner = scanners.get(matcher);
  if (!scanner) {
    scanner = compileAliasScanner([...matcher.exact.values(), ...matcher.folded.values()], (key) => resolve(matcher, key));
    scanners.set(matcher, scanner);
  }
  lastMatcher = matcher;
  lastScanner = scanner;
  return scanner;
}

/**
 * Finds the mentions of targets in a text, on word boundaries; where matches overlap, the
 * longest alias (or excluded phrase) wins, so mentions never overlap. Sorted by position.
 *
 * @example
 * findMentions('Moscow is ready to restore relations with Washington').map((m) => m.target)
 * // ['russia', 'united-states']
 */
export function findMentions(text: string, targets: TargetSet | readonly TargetInput[] = defaultTargets()): Mention[] {
  if (typeof text !== 'string') invalidOption('text', 'a string', text);
  const { matcher } = compiled(targets);
  // One candidate per position where an alias starts (the first alias of the regex's
  // alternation order that matches there), in text order.
  const candidates = scanAliases(text, scannerOf(matcher));
  if (candidates === null) return [];
  // Where candidates overlap the longest wins, then the earliest.
  let taken: AliasCandidate[] = candidates;
  if (candidates.length > 1) {
    candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    taken = [];
    for (const c of candidates) {
      let free = true;
      for (const t of taken) {
        if (c.start < t.end && t.start < c.end) {
          free = false;
          break;
        }
      }
      if (free) taken.push(c);
    }
  }
  const out: Mention[] = [];
  for (const c of taken) {
    const matched = text.slice(c.start, c.end);
    const entry = c.alias.entry.ignoreCase ? resolve(matcher, normalizeAlias(matched)) : c.alias.resolved;
    if (!entry || entry.target === null) continue;
    out.push({ target: entry.target, alias: entry.alias, text: matched, start: c.start, end: c.end });
  }
  return out.length > 1 ? out.sort((a, b) => a.start - b.start) : out;
}
