/**
 * A hand-written scanner for target aliases, equivalent to the alternation regex that
 * `compileMatcher` (targets.ts) builds, but without running a big regex at every position.
 *
 * The regex is `(?<![\p{L}\p{N}_])(?=(alias1|alias2|…)(?![\p{L}\p{N}_]))` with the `u` flag and
 * the aliases longest first. Run with `matchAll`, it yields, at every code point where no letter,
 * digit or `_` comes just before, the FIRST alias in that order that matches there and is not
 * followed by a letter, digit or `_`. The scanner computes exactly those candidates: each alias is
 * compiled into steps (one code point, one of a set of code points, or a run of whitespace),
 * aliases are bucketed by the code points they may start with, and the text is walked once.
 */

/** Straight apostrophes, plain hyphens, single spaces: the key under which aliases are compared. */
export function normalizeAlias(s: string): string {
  return s.replace(/[’‘`´]/g, "'").replace(/[‐‑]/g, '-').replace(/\s+/g, ' ');
}

/** What an alias (or excluded phrase) resolves to when its text is looked up. */
export interface ScannedEntry {
  /** Target id, or null for an excluded phrase. */
  target: string | null;
  alias: string;
  ignoreCase: boolean;
}

/** One alias-start candidate: `text.slice(start, end)` matched `alias`. */
export interface AliasCandidate {
  start: number;
  end: number;
  alias: CompiledAlias;
}

/**
 * An alias compiled into a small program over code points, one instruction per character:
 * `[OP_CP, cp]` exactly this code point; `[OP_SET, k, cp1, …, cpk]` one of these (apostrophes,
 * hyphens, both cases of a letter); `[OP_SPACE, min]` a run of at least `min` whitespace
 * characters (`\s`), consumed entirely: the next instruction never matches whitespace.
 */
const OP_CP = 0;
const OP_SET = 1;
const OP_SPACE = 2;

/** An alias (or excluded phrase) compiled for the scanner. */
export interface CompiledAlias {
  readonly entry: ScannedEntry;
  readonly program: Int32Array;
  /**
   * Where matching starts in `program`: past the first instruction, which the scanner's bucket
   * already checked, unless it is whitespace (never, for validated aliases).
   */
  readonly skip: number;
  /**
   * For a case-sensitive alias, what its matched text resolves to (the matched text always
   * normalises to the alias's own key); undefined for a case-insensitive one, whose matched text
   * must be looked up.
   */
  readonly resolved: ScannedEntry | undefined;
}

/** Aliases bucketed by the code points they may start with, in regex alternation order. */
export interface AliasScanner {
  /** Per ASCII code: {@link WORD} if a letter, digit or `_`, plus {@link START} if an alias may start with it. */
  readonly asciiClass: Uint8Array;
  /**
   * A cheap filter on the second and third characters of aliases starting with an ASCII
   * character `c`, in small tables to stay in cache. Characters are numbered by class:
   * `firstClass[c]` (from 1 for characters aliases start with) and `secondClass[d]` (from 1 for
   * those that may come second; slot 128 stands for anything else: a non-ASCII character or the
   * end of the text). `pairIds[firstClass[c] * seconds + secondClass[d]]` is 0 if no alias
   * starting with `c` may go on with `d`, else an id such that bit `e` of the five words from
   * `thirds[(id - 1) * 5]` is set if one may go on with `d` then `e` (128: anything else).
   */
  readonly firstClass: Uint8Array;
  readonly secondClass: Uint8Array;
  readonly seconds: number;
  readonly pairIds: Uint16Array;
  readonly thirds: Int32Array;
  /** By pair id - 1: the aliases starting with `c` that may go on with `d`, in alternation order. */
  readonly pairLists: ReadonlyArray<readonly CompiledAlias[]>;
  /** Aliases by non-ASCII first code point. */
  readonly other: ReadonlyMap<number, readonly CompiledAlias[]>;
}

/** Flags of {@link AliasScanner.asciiClass}. */
const WORD = 1;
const START = 2;

const APOSTROPHE_RE = /['’‘`´]/;
const SPACE_RE = /\s/;
const WORD_RE = /^[\p{L}\p{N}_]$/u;

/** The distinct code points of a string. */
function codePoints(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) if (!out.includes(ch.codePointAt(0)!)) out.push(ch.codePointAt(0)!);
  return out;
}
const APOSTROPHES = codePoints("'’‘`´");
const HYPHENS = codePoints('-‐‑');

/** The code points (all in the BMP) that `\s` matches; test/targets checks the list against `\s`. */
export const SPACE_CODES: readonly number[] = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009,
  0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
];

/** Whether a UTF-16 code unit is `\s`. */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0xa0 && SPACE_CODES.includes(c));
}

/** `[\p{L}\p{N}_]` for BMP code points, filled on demand (ASCII up front): 0 unknown, 1 no, 2 yes. */
const wordTable = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) wordTable[c] = WORD_RE.test(String.fromCharCode(c)) ? 2 : 1;

/** Whether a code point is a letter, a digit or `_` (what the regex's look-arounds reject). */
export function isWordCode(cp: number): boolean {
  if (cp < 0x10000) {
    let w = wordTable[cp];
    if (w === 0) wordTable[cp] = w = WORD_RE.test(String.fromCharCode(cp)) ? 2 : 1;
    return w === 2;
  }
  return WORD_RE.test(String.fromCodePoint(cp));
}

/** The code point at `i` (a surrogate pair read as one, a lone surrogate as itself). */
function codePointAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return c;
}

/** The program of an alias, character by character as `aliasPattern` (targets.ts) turns it into a regex. */
function programOf(alias: string, ignoreCase: boolean): number[] {
  const program: number[] = [];
  const set = (cps: readonly number[]): void => {
    program.push(OP_SET, cps.length, ...cps);
  };
  let lastSpace = -1; // where the `[OP_SPACE, min]` just before is, if any
  for (const ch of alias) {
    const space = !APOSTROPHE_RE.test(ch) && SPACE_RE.test(ch);
    if (space && lastSpace >= 0) {
      // `\s+\s+` needs two whitespace characters, the whole run being consumed either way.
      program[lastSpace + 1]++;
      continue;
    }
    lastSpace = space ? program.length : -1;
    if (APOSTROPHE_RE.test(ch)) set(APOSTROPHES);
    else if (space) program.push(OP_SPACE, 1);
    else if (ignoreCase && ch.toLowerCase() !== ch.toUpperCase()) set(codePoints(ch.toLowerCase() + ch.toUpperCase()));
    else if (ch === '-') set(HYPHENS);
    else program.push(OP_CP, ch.codePointAt(0)!);
  }
  return program;
}

/** The code points an instruction at `pc` accepts. */
function accepted(program: readonly number[], pc: number): readonly number[] {
  if (program[pc] === OP_CP) return [program[pc + 1]];
  if (program[pc] === OP_SET) return program.slice(pc + 2, pc + 2 + program[pc + 1]);
  return SPACE_CODES;
}

/** Length of the instruction at `pc`. */
function sizeAt(program: readonly number[], pc: number): number {
  return program[pc] === OP_SET ? 2 + program[pc + 1] : 2;
}

/** All 129 filter slots. */
const ALL_SLOTS = Array.from({ length: 129 }, (_, k) => k);

/**
 * The filter slots (ASCII code unit, or 128 for anything else) the instruction at `pc` may
 * begin with; all of them past the end (the boundary) or for whitespace (kept simple).
 */
function slotsAt(program: readonly number[], pc: number): readonly number[] {
  if (pc >= program.length || program[pc] === OP_SPACE) return ALL_SLOTS;
  return [...new Set(accepted(program, pc).map((cp) => Math.min(cp, 128)))];
}

/**
 * Compiles the aliases and excluded phrases. `resolve` is the look-up findMentions applies to a
 * normalised matched text.
 */
export function compileAliasScanner(entries: readonly ScannedEntry[], resolve: (key: string) => ScannedEntry | undefined): AliasScanner {
  // The regex's alternation order: longest alias first, then by code unit order.
  const ordered = entries.slice().sort((a, b) => b.alias.length - a.alias.length || (a.alias < b.alias ? -1 : a.alias > b.alias ? 1 : 0));
  const ascii: CompiledAlias[][] = Array.from({ length: 128 }, () => []);
  const other = new Map<number, CompiledAlias[]>();
  const asciiClass = new Uint8Array(128);
  // c * 129 + d -> the slots of a third character, and the aliases, for a pair
  const filters = new Map<number, { third: Uint8Array; list: CompiledAlias[] }>();
  for (const entry of ordered) {
    const program = programOf(entry.alias, entry.ignoreCase);
    if (program.length === 0) continue; // an empty alternative; validation never lets one through
    const skip = program[0] === OP_SPACE ? 0 : sizeAt(program, 0);
    const compiled: CompiledAlias = {
      entry,
      program: Int32Array.from(program),
      skip,
      resolved: entry.ignoreCase ? undefined : resolve(normalizeAlias(entry.alias)),
    };
    // What may come second and third, for the filter (after a leading whitespace run, anything).
    const seconds = skip === 0 ? ALL_SLOTS : slotsAt(program, skip);
    const thirds = skip === 0 || seconds === ALL_SLOTS ? ALL_SLOTS : slotsAt(program, skip + sizeAt(program, skip));
    for (const cp of accepted(program, 0)) {
      if (cp >= 128) {
        const list = other.get(cp);
        if (list) list.push(compiled);
        else other.set(cp, [compiled]);
        continue;
      }
      ascii[cp].push(compiled);
      for (const d of seconds) {
        let filter = filters.get(cp * 129 + d);
        if (!filter) filters.set(cp * 129 + d, (filter = { third: new Uint8Array(129), list: [] }));
        // after a non-ASCII second character the third is not where the filter looks: no filter
        for (const e of d === 128 ? ALL_SLOTS : thirds) filter.third[e] = 1;
        filter.list.push(compiled);
      }
    }
  }
  for (let c = 0; c < 128; c++) asciiClass[c] = (isWordCode(c) ? WORD : 0) | (ascii[c].length > 0 ? START : 0);
  const firstClass = new Uint8Array(128);
  const secondClass = new Uint8Array(129);
  let firsts = 1;
  let seconds = 1;
  for (const pair of filters.keys()) {
    const [c, d] = [Math.floor(pair / 129), pair % 129];
    if (firstClass[c] === 0) firstClass[c] = firsts++;
    if (secondClass[d] === 0) secondClass[d] = seconds++;
  }
  const pairIds = new Uint16Array(firsts * seconds);
  const thirdBits = new Int32Array(filters.size * 5);
  const pairLists: CompiledAlias[][] = [];
  for (const [pair, { third, list }] of filters) {
    for (let e = 0; e < 129; e++) if (third[e] === 1) thirdBits[pairLists.length * 5 + (e >> 5)] |= 1 << (e & 31);
    pairLists.push(list);
    pairIds[firstClass[Math.floor(pair / 129)] * seconds + secondClass[pair % 129]] = pairLists.length;
  }
  return { asciiClass, firstClass, secondClass, seconds, pairIds, thirds: thirdBits, pairLists, other };
}

/**
 * Where `alias` ends if it matches at `start` and no letter, digit or `_` follows; else -1.
 * The code point at `start` (`width` code units) is one the alias may start with.
 */
function matchAt(text: string, start: number, width: number, alias: CompiledAlias): number {
  const n = text.length;
  const program = alias.program;
  const size = program.length;
  let pc = alias.skip;
  let j = pc === 0 ? start : start + width;
  while (pc < size) {
    const op = program[pc];
    if (op === OP_SPACE) {
      const min = program[pc + 1];
      pc += 2;
      const from = j;
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      if (j - from < min) return -1;
      // A trailing `\s+` gives back one character to find a boundary (never with validated aliases).
      if (pc === size && j < n && isWordCode(codePointAt(text, j))) return j - from > min ? j - 1 : -1;
      continue;
    }
    if (j >= n) return -1;
    let cp = text.charCodeAt(j);
    if (cp >= 0xd800 && cp <= 0xdbff) cp = codePointAt(text, j);
    if (op === OP_CP) {
      if (cp !== program[pc + 1]) return -1;
      pc += 2;
    } else {
      const last = pc + 2 + program[pc + 1];
      let q = pc + 2;
      while (q < last && program[q] !== cp) q++;
      if (q === last) return -1;
      pc = last;
    }
    j += cp > 0xffff ? 2 : 1;
  }
  if (j < n) {
    const c = text.charCodeAt(j);
    if (c < 128 ? wordTable[c] === 2 : isWordCode(codePointAt(text, j))) return -1;
  }
  return j;
}

/**
 * Every alias-start candidate of a text, in text order: at each code point not preceded by a
 * letter, digit or `_`, the first alias (in alternation order) matching there on a word
 * boundary. Returns null when there is none.
 */
export function scanAliases(text: string, scanner: AliasScanner): AliasCandidate[] | null {
  const n = text.length;
  let out: AliasCandidate[] | null = null;
  let i = 0;
  while ((i = nextStop(text, i, n, scanner)) < n) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      // An ASCII character some alias starts with, at a word start: try those that may go on
      // with the next character.
      out = firstMatch(text, i, 1, scanner.pairLists[pairIdAt(text, i, n, scanner) - 1], out);
      i++;
      continue;
    }
    const cp = c >= 0xd800 && c <= 0xdbff ? codePointAt(text, i) : c;
    const width = cp > 0xffff ? 2 : 1;
    const list = scanner.other.get(cp);
    if (list !== undefined && !(i > 0 && wordBefore(text, i))) out = firstMatch(text, i, width, list, out);
    i += width;
  }
  return out;
}

/** The pair id of the ASCII character at `i` and the one after (0: no alias may start so). */
function pairIdAt(text: string, i: number, n: number, scanner: AliasScanner): number {
  const d = i + 1 < n ? text.charCodeAt(i + 1) : 128;
  return scanner.pairIds[scanner.firstClass[text.charCodeAt(i)] * scanner.seconds + scanner.secondClass[d < 128 ? d : 128]];
}

/**
 * The next index from `i` where the scanner must look closer: an ASCII character that starts a
 * word and passes the first- and second-character filters, or any non-ASCII character; `n` if
 * none. Kept minimal: this loop is where findMentions spends its time.
 */
function nextStop(text: string, i: number, n: number, scanner: AliasScanner): number {
  const { asciiClass, firstClass, secondClass, seconds, pairIds, thirds } = scanner;
  // 1 if the character before `i` is a letter, digit or `_`; kept as a number so that the test
  // below is a single, rarely taken branch
  let prevWord = i > 0 && wordBefore(text, i) ? 1 : 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return i;
    const cls = asciiClass[c];
    if (((cls >> 1) & ~prevWord) !== 0) { // cls is WORD | START (bits 0 and 1): cls >> 1 is START
      // START at a word start: filter on the next two characters
      const d = i + 1 < n ? text.charCodeAt(i + 1) : 128;
      const id = pairIds[firstClass[c] * seconds + secondClass[d < 128 ? d : 128]];
      if (id !== 0) {
        const e = i + 2 < n ? Math.min(text.charCodeAt(i + 2), 128) : 128;
        if ((thirds[(id - 1) * 5 + (e >> 5)] & (1 << (e & 31))) !== 0) return i;
      }
    }
    prevWord = cls & WORD;
  }
  return n;
}

/** Whether the code point just before index `i` (> 0) is a letter, a digit or `_`. */
function wordBefore(text: string, i: number): boolean {
  const c = text.charCodeAt(i - 1);
  if (c < 128) return wordTable[c] === 2;
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const h = text.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return isWordCode((h - 0xd800) * 0x400 + (c - 0xdc00) + 0x10000);
  }
  return isWordCode(c);
}

/** Adds to `out` the first alias of `list` matching at `start`, if any. */
function firstMatch(text: string, start: number, width: number, list: readonly CompiledAlias[], out: AliasCandidate[] | null): AliasCandidate[] | null {
  for (let k = 0; k < list.length; k++) {
    const end = matchAt(text, start, width, list[k]);
    if (end >= 0) {
      const candidate: AliasCandidate = { start, end, alias: list[k] };
      if (out === null) return [candidate];
      out.push(candidate);
      return out;
    }
  }
  return out;
}
