import * as fs from 'node:fs';
import * as path from 'node:path';
import { NewsStanceError, describe, lineOf } from '../errors';
import { jsonErrorOffset } from '../corpus/json-position';
import { tokenize } from '../text/tokens';

/**
 * The cue lists for the claim "US-Russia relations will improve", read from a user-editable
 * JSON file (default `data/lexicon/claim.json`) and compiled once for fast matching on tokens.
 */

/** A compiled cue: a token sequence; a final `*` makes its last token a prefix. */
export interface Cue {
  text: string;
  tokens: string[];
  prefix: boolean;
  weight: number;
}

/** Cue sets compiled from a claim file. */
export interface ClaimCues {
  claim: string;
  topic: CueIndex;
  optimism: CueIndex;
  scepticism: CueIndex;
  hedges: CueIndex;
  boosters: CueIndex;
  negators: ReadonlySet<string>;
  file: string;
}

/** Cues indexed by their first token (exact) and by the first two letters of a prefix cue. */
export interface CueIndex {
  exact: ReadonlyMap<string, Cue[]>;
  prefix: ReadonlyMap<string, Cue[]>;
  size: number;
}

/** The bundled cue file. */
export const DEFAULT_CLAIM_FILE = path.resolve(__dirname, '..', '..', 'data', 'lexicon', 'claim.json');

function compile(entries: Array<[string, number]>): CueIndex {
  const exact = new Map<string, Cue[]>();
  const prefix = new Map<string, Cue[]>();
  for (const [raw, weight] of entries) {
    const isPrefix = raw.endsWith('*');
    const tokens = tokenize(isPrefix ? raw.slice(0, -1) : raw).map((t) => t.norm);
    const cue: Cue = { text: raw, tokens, prefix: isPrefix, weight };
    const first = tokens[0];
    if (isPrefix && tokens.length === 1) {
      const key = first.slice(0, 2);
      prefix.set(key, [...(prefix.get(key) ?? []), cue]);
    } else {
      exact.set(first, [...(exact.get(first) ?? []), cue]);
    }
  }
  // Longest cues first, so "benefit of the doubt" wins over "doubt".
  for (const list of [...exact.values(), ...prefix.values()]) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return { exact, prefix, size: entries.length };
}

/** Whether `cue` matches the tokens from position `i`. */
export function matchesAt(norms: readonly string[], i: number, cue: Cue): boolean {
  if (i + cue.tokens.length > norms.length) return false;
  const last = cue.tokens.length - 1;
  for (let k = 0; k < last; k++) if (norms[i + k] !== cue.tokens[k]) return false;
  const tok = norms[i + last];
  return cue.prefix ? tok.startsWith(cue.tokens[last]) : tok === cue.tokens[last];
}

/** The longest cue of an index that matches at position `i`, or null. */
export function cueAt(norms: readonly string[], i: number, index: CueIndex): Cue | null {
  let best: Cue | null = null;
  for (const list of [index.exact.get(norms[i]), index.prefix.get(norms[i].slice(0, 2))]) {
    if (!list) continue;
    for (const cue of list) {
      if ((!best || cue.tokens.length > best.tokens.length) && matchesAt(norms, i, cue)) best = cue;
    }
  }
  return best;
}

/**
 * Parses and compiles a claim cue file. Errors name the file, the line and the field.
 *
 * @example
 * const cues = parseClaimCues(fs.readFileSync('data/lexicon/claim.json', 'utf8'), 'claim.json');
 */
export function parseClaimCues(json: string, file: string): ClaimCues {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    const at = jsonErrorOffset(json);
    throw new NewsStanceError('not valid JSON', { file, line: lineOf(json, Math.max(0, at)) }, 'Fix the syntax');
  }
  const fail = (field: string, problem: string): never => {
    const at = json.indexOf(`"${field}"`);
    throw new NewsStanceError(problem, { file, line: at < 0 ? 1 : lineOf(json, at), field });
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('claim', 'expected a JSON object');
  const obj = value as Record<string, unknown>;
  const list = (field: string): Array<[string, number]> => {
    const v = obj[field];
    if (!Array.isArray(v)) return fail(field, `expected an array of words or phrases, got ${describe(v)}`);
    return v.map((w) => {
      if (typeof w !== 'string' || w.trim() === '') return fail(field, `expected non-empty strings, got ${describe(w)}`);
      return [w.trim(), 1] as [string, number];
    });
  };
  const weighted = (field: string): Array<[string, number]> => {
    const v = obj[field];
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(field, `expected an object of "cue": weight, got ${describe(v)}`);
    return Object.entries(v as Record<string, unknown>).map(([cue, w]) => {
      if (typeof w !== 'number' || !(w > 0 && w <= 2)) fail(cue, `weight must be a number in (0, 2], got ${describe(w)}`);
      if (cue.trim() === '' || tokenize(cue.replace(/\*$/, '')).length === 0) fail(field, 'empty cue');
      return [cue.trim(), w as number] as [string, number];
    });
  };
  const claim = obj.claim;
  if (typeof claim !== 'string') fail('claim', `expected the claim as a string, got ${describe(claim)}`);
  return {
    claim: claim as string,
    topic: compile(list('topic')),
    optimism: compile(weighted('optimism')),
    scepticism: compile(weighted('scepticism')),
    hedges: compile(list('hedges')),
    boosters: compile(list('boosters')),
    negators: new Set(list('negators').map(([w]) => w.toLowerCase())),
    file,
  };
}

const loaded = new Map<string, ClaimCues>();
/** The bundled cues once loaded: claimStance asks for them on every sentence. */
let bundled: ClaimCues | undefined;

/** Loads (once per path) and compiles a claim cue file; default the bundled one. */
export function loadClaimCues(file: string = DEFAULT_CLAIM_FILE): ClaimCues {
  if (file === DEFAULT_CLAIM_FILE && bundled) return bundled;
  const key = path.resolve(file);
  let cues = loaded.get(key);
  if (!cues) {
    if (!fs.existsSync(key)) throw new NewsStanceError('claim cue file not found', { file }, 'Pass an existing file or omit the option to use data/lexicon/claim.json');
    cues = parseClaimCues(fs.readFileSync(key, 'utf8'), file);
    loaded.set(key, cues);
  }
  if (file === DEFAULT_CLAIM_FILE) bundled = cues;
  return cues;
}
