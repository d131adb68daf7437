import { strict as assert } from 'node:assert';
import { allMatches, indexOf, NAMES, PARTICIPLES, SOURCES, UNNAMED, VERBS, type PhraseMatches } from '../../lib/speakers/phrases';
import { maskQuotes, scanQuotes, type QuoteSpan } from '../../lib/speakers/quotes';
import { clauseStart, lastWord, trailingWord, trimEnd } from '../../lib/speakers/scan';
import { compileSpeakers, defaultSpeakers, normalizeName, type SpeakerSet } from '../../lib/speakers/speakers';
import { Words } from '../../lib/speakers/words';

/**
 * The hand-written scans and the phrase index stand in for regular expressions: on random
 * sentences full of names, quotes, odd spaces, apostrophes, hyphens and non-ASCII letters they
 * must give exactly what the expressions give.
 */

/** A seeded random number generator (LCG), for repeatable random texts. */
function randomOf(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x80000000;
  };
}

const PIECES = [
  'Putin', 'Vladimir Putin', 'Vladimir  V. Putin', 'PUTIN', 'Trump', 'Trump Tower', 'Trump’s', "Trump's", 'Trumps’', 'Trump-era', 'x-Trump', 'Donald J. Trump Jr.',
  'the Russian president', 'The RUSSIAN president', 'Russia’s president', "Russia's president", 'the U.S. secretary of state', 'the US\tpresident', 'the report',
  'said', 'says', 'Said', 'pointed out', 'pointed  out', 'made it clear', 'saying', 'according to', 'According to', 'as reported by', 'in the words of',
  'officials', 'Officials', 'co-host', 'experts', 'he', 'He', 'she', 'it', 'It’s', 'they', 'They', 'and', 'but', 'likewise', 'constructor', 'For', 'of', 'the',
  '\u212Aremlin', 'li\u212Aewise', 'İt', 'Müller', '𝐀lpha', '😀', 'naïve', '٣', 'e\u0301', '2019', '—', '–', '-', '‐', '·', '…', '(', ')', ',', '.', ':', ';',
  '“', '”', '"', "'", '‘', '’', '«', '»', '„', 'Dr.', 'Mr', 'Kremlin', 'spokesman', 'Dmitry Peskov', 'Zakharova',
];
const SPACES = [' ', ' ', ' ', '  ', '\u00a0', '\t', '\n', '\u2009', ''];

/** A random sentence of pieces from {@link PIECES}. */
function sentence(random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  let s = random() < 0.2 ? pick(SPACES) : '';
  const n = 1 + Math.floor(random() * 16);
  for (let i = 0; i < n; i++) s += (i > 0 ? pick(SPACES) : '') + pick(PIECES);
  return s;
}

const SETS: Array<[string, SpeakerSet]> = [
  ['bundled', defaultSpeakers()],
  [
    'odd separators',
    compileSpeakers({
      speechVerbs: ['said', 'made  clear', 'pointed-out', "d'accord", 'put · it'],
      participles: ['saying', 'pointing out'],
      sourcePhrases: ['according to', 'as (quoted) by'],
      unnamedSpeakers: ['officials', 'co-host', "o'brien"],
      speakers: [
        { name: 'Jane Roe', aliases: ['Jane Roe', 'Roe', 'J. Roe', 'Roe & Co.', "O'Roe", 'Roe-Smith'], roles: ['the U.S. judge', 'the  judge'], exclude: ['Roe v. Wade'] },
        { name: 'Hans Müller', aliases: ['Hans Müller', 'Müller'], roles: ['the German minister'] },
      ],
    }),
  ],
];

describe('phrase index (lib/speakers/phrases.ts)', () => {
  for (const [name, set] of SETS) {
    it(`finds exactly what the full expressions find (${name} speakers)`, () => {
      const c = set.compiled;
      const index = indexOf(c, [c.names, c.verbs, c.participles, c.sources, c.unnamed]);
      assert.ok(index, 'a set from compileSpeakers has an index');
      const random = randomOf(7);
      const words = new Words();
      const lists: Array<[number, RegExp]> = [
        [NAMES, c.names],
        [VERBS, c.verbs],
        [PARTICIPLES, c.participles],
        [SOURCES, c.sources],
      ];
      for (let n = 0; n < 3000; n++) {
        const text = sentence(random);
        const found: PhraseMatches = index.find(text, words.read(text), (1 << NAMES) | (1 << VERBS) | (1 << PARTICIPLES) | (1 << SOURCES) | (1 << UNNAMED));
        for (const [list, re] of lists) assert.deepEqual(found.lists[list], allMatches(re, text), `${name}, list ${list}: ${JSON.stringify(text)}`);
        // Every head the expression would see starts at a word the index points at.
        const heads = new Set((found.heads ?? []).map((k: number) => words.start[k]));
        for (const m of allMatches(/[\p{L}\p{N}]+(?:[’'.\-‐‑][\p{L}\p{N}]+)*/gu, text)) {
          if (c.unnamed.has(m.text.toLowerCase())) assert.ok(found.heads === null || heads.has(m.index), `head ${m.text} in ${JSON.stringify(text)}`);
        }
      }
    });
  }

  it('has no index for a hand-made set, so that its expressions are used as they are', () => {
    const c = defaultSpeakers().compiled;
    assert.equal(indexOf({ ...c }, [c.names, c.verbs, c.participles, c.sources, c.unnamed]), null);
    assert.equal(indexOf(c, [/said/g, c.verbs, c.participles, c.sources, c.unnamed]), null);
  });
});

describe('backward scans (lib/speakers/scan.ts)', () => {
  it('give what their regular expressions give', () => {
    const random = randomOf(11);
    const conj = new Set(['and', 'but', 'likewise']);
    for (let n = 0; n < 2000; n++) {
      const s = sentence(random);
      for (let pos = 0; pos <= s.length; pos++) {
        const from = Math.max(0, pos - 60);
        const lw = /(?:^|[\s(])([\p{L}\p{N}][\p{L}\p{N}.’'\-‐‑]*)\s+$/u.exec(s.slice(from, pos));
        assert.deepEqual(lastWord(s, pos), lw ? { w: lw[1], start: from + lw.index + lw[0].indexOf(lw[1]) } : null, `lastWord ${JSON.stringify(s)} ${pos}`);
        assert.equal(trailingWord(s, pos), /([\p{L}][\p{L}\p{N}.’'\-‐‑]*)$/u.exec(s.slice(from, pos))?.[1] ?? null, `trailingWord ${JSON.stringify(s)} ${pos}`);
        const before = s.slice(0, pos).replace(/\s+$/u, '');
        const w = /(\p{L}+)$/u.exec(before);
        const expected = before === '' || ',;:—–(”"»’\''.includes(before[before.length - 1]) || (w !== null && conj.has(w[1].toLowerCase()));
        assert.equal(clauseStart(s, pos, conj), expected, `clauseStart ${JSON.stringify(s)} ${pos}`);
        let p = pos;
        while (p > 0 && /\s/u.test(s[p - 1])) p--;
        assert.equal(trimEnd(s, pos), p);
      }
    }
  });
});

describe('words and quotes (lib/speakers/words.ts, quotes.ts)', () => {
  it('count letters and written words as the expressions do, astral letters included', () => {
    const random = randomOf(5);
    const words = new Words();
    for (let n = 0; n < 3000; n++) {
      const s = sentence(random);
      words.read(s);
      const { letters, words: count } = words.countIn(s, 0, s.length);
      assert.equal(letters, [...s].filter((ch) => /[\p{L}\p{N}]/u.test(ch)).length, JSON.stringify(s));
      assert.equal(count, s.match(/[\p{L}\p{N}]+(?:[’'.\-‐‑][\p{L}\p{N}]+)*/gu)?.length ?? 0, JSON.stringify(s));
      assert.equal(words.letters, letters);
    }
    assert.equal(scanQuotes([{ text: '“𝐀𝐀 is here,” 𝐀lpha said.', paragraph: 0 }])[0].letters, 17); // 𝐀𝐀 is here 𝐀lpha said
  });

  it('mask any spans as the character-by-character version does', () => {
    const random = randomOf(3);
    const slow = (text: string, spans: readonly QuoteSpan[]): string => {
      const chars = text.split('');
      for (const s of spans) for (let i = s.start; i < s.end; i++) if (!/\s/.test(chars[i])) chars[i] = '·';
      return chars.join('');
    };
    for (let n = 0; n < 3000; n++) {
      const text = sentence(random);
      const spans = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
        const start = Math.floor(random() * (text.length + 4)) - 2;
        return { start, end: start + Math.floor(random() * 12) - 2, open: 0, close: 0, words: 0, real: true };
      });
      assert.equal(maskQuotes(text, spans), slow(text, spans), JSON.stringify([text, spans]));
      const ordered = scanQuotes([{ text, paragraph: 0 }])[0].spans;
      assert.equal(maskQuotes(text, ordered), slow(text, ordered), JSON.stringify(text));
    }
  });
});

describe('normalizeName', () => {
  it('leaves a name with nothing to replace as it is, and replaces the rest', () => {
    assert.equal(normalizeName('Vladimir Putin'), 'Vladimir Putin');
    assert.equal(normalizeName('Russia’s  president'), "Russia's president");
    assert.equal(normalizeName('the\tvice‐president'), 'the vice-president');
  });
});
