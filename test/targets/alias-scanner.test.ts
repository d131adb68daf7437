import { strict as assert } from 'node:assert';
import { loadCorpus } from '../../lib/corpus/load';
import { seededRandom } from '../../lib/stats/random';
import { sentencesOf } from '../../lib/text/segment';
import { SPACE_CODES, isSpace } from '../../lib/targets/alias-scanner';
import { compileTargets, defaultTargets, findMentions, type Mention, type TargetInput, type TargetSet } from '../../lib/targets/targets';

/**
 * findMentions as it was written with the matcher's regex (the definition the scanner must
 * reproduce): every zero-width regex match is a candidate, the longest (then earliest)
 * candidates win, and the matched text is looked up.
 */
function regexMentions(text: string, set: TargetSet): Mention[] {
  const { matcher } = set;
  const normalize = (s: string): string => s.replace(/[’‘`´]/g, "'").replace(/[‐‑]/g, '-').replace(/\s+/g, ' ');
  const candidates: { start: number; end: number; text: string }[] = [];
  matcher.regex.lastIndex = 0;
  for (const m of text.matchAll(matcher.regex)) {
    const start = m.index ?? 0;
    candidates.push({ start, end: start + m[1]!.length, text: m[1]! });
  }
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: typeof candidates = [];
  for (const c of candidates) if (!taken.some((t) => c.start < t.end && t.start < c.end)) taken.push(c);
  const out: Mention[] = [];
  for (const c of taken) {
    const key = normalize(c.text);
    const entry = matcher.exact.get(key) ?? matcher.folded.get(key.toLowerCase());
    if (!entry || entry.target === null) continue;
    out.push({ target: entry.target, alias: entry.alias, text: c.text, start: c.start, end: c.end });
  }
  return out.sort((a, b) => a.start - b.start);
}

const ODD_TARGETS: TargetInput[] = [
  { id: 'odd', aliases: ['G7', { alias: 'g-20', ignoreCase: true }, 'C++', 'AT&T', 'O’Brien', 'New  York', 'X😀', { alias: 'Ümit', ignoreCase: true }, { alias: 'straße', ignoreCase: true }, { alias: 'İstanbul', ignoreCase: true }, { alias: 'ǅemal', ignoreCase: true }, 'Kyiv‐based'] },
  { id: 'short', aliases: ['Ab', { alias: 'a', ignoreCase: true }, { alias: 'détente', ignoreCase: true }], exclude: ['Ab Ab', { alias: 'A A', ignoreCase: true }] },
  { id: 'trump', aliases: ['Trump', 'Donald Trump', { alias: 'president elect', ignoreCase: true }], exclude: ['Trump Tower', { alias: 'vice president elect', ignoreCase: true }] },
];
const PIECES = ['Trump', 'TRUMP', 'Donald', 'president', 'ELECT', 'vice', 'Tower', 'Washington', 'Post', 'US', 'us', 'U.S.', 'Russia', 'Nato', 'NATO', 'sanctions', 'SANCTIONS', 'Kyiv', 'G7', 'g-20', 'G‑20', 'C++', 'AT&T', 'O’Brien', "O'Brien", 'New', 'York', 'X😀', 'ümit', 'ÜMIT', 'STRASSE', 'straße', 'i̇stanbul', 'istanbul', 'ǆemal', 'Ab', 'a', 'A', 'DÉTENTE', 'based', '😀', 'é'];
const SEPARATORS = [' ', ' ', '  ', '\t', '\n', '\u00a0', '-', '‐', '‑', '—', "'", '’', '`', '.', ',', '(', '“', '_', '', '2', '\u0301', '😀', '\ud800'];

function randomText(next: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  let s = next() < 0.3 ? pick(SEPARATORS) : '';
  const words = 1 + Math.floor(next() * 10);
  for (let k = 0; k < words; k++) s += pick(PIECES) + (k < words - 1 || next() < 0.3 ? pick(SEPARATORS) : '');
  return s;
}

describe('the alias scanner behind findMentions', () => {
  it('knows exactly the characters \\s matches', () => {
    for (let c = 0; c < 0x10000; c++) assert.equal(isSpace(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
    assert.equal(SPACE_CODES.length, new Set(SPACE_CODES).size);
  });

  it('finds what the regex finds in every seed sentence', () => {
    const set = defaultTargets();
    for (const source of loadCorpus().sources) {
      for (const s of sentencesOf(source)) assert.deepEqual(findMentions(s.text, set), regexMentions(s.text, set), s.text);
    }
  });

  it('finds what the regex finds for odd aliases in random texts (case, apostrophes, hyphens, spaces, astral characters)', () => {
    const sets = [defaultTargets(), compileTargets(ODD_TARGETS)];
    const next = seededRandom(7);
    for (let i = 0; i < 3000; i++) {
      const text = randomText(next);
      for (const set of sets) assert.deepEqual(findMentions(text, set), regexMentions(text, set), JSON.stringify(text));
    }
  });

  it('compiles a scanner once per target set and keeps sets apart', () => {
    const a = compileTargets([{ id: 'a', aliases: ['Moscow'] }]);
    const b = compileTargets([{ id: 'b', aliases: ['Moscow Times'] }]);
    for (let i = 0; i < 3; i++) {
      assert.deepEqual(findMentions('The Moscow Times', a).map((m) => m.target), ['a']);
      assert.deepEqual(findMentions('The Moscow Times', b).map((m) => m.text), ['Moscow Times']);
    }
  });
});
