import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { seededRandom } from '../../lib/stats/random';
import { normalizeToken, PUNCT, scanTape, tapeOf, TOKEN_PATTERN, WORD, NUMBER } from '../../lib/text/tape';
import { findNorm, normOf } from '../../lib/text/vocabulary';
import { sentencesOf } from '../../lib/text/segment';
import { seedCorpus } from '../helpers/seeds';

/** The tokens as the specification pattern gives them: [start, end, kind, norm]. */
function byPattern(text: string): Array<[number, number, number, string]> {
  return [...text.matchAll(TOKEN_PATTERN)].map((m) => {
    const start = m.index ?? 0;
    const kind = m[5] !== undefined ? NUMBER : m[6] !== undefined ? PUNCT : WORD;
    return [start, start + m[0].length, kind, normalizeToken(m[0])];
  });
}

function byScanner(text: string): Array<[number, number, number, string]> {
  const tape = scanTape(text);
  const out: Array<[number, number, number, string]> = [];
  for (let i = 0; i < tape.n; i++) out.push([tape.start(i), tape.end(i), tape.kind(i), tape.norm(i)]);
  return out;
}

const BENCH = path.resolve(__dirname, '..', '..', '..', 'shared', 'bench');

describe('scanTape(text)', () => {
  it('tokenizes a seed sentence with offsets, kinds and norms', () => {
    const text = 'Speaking at the Valdai Club in Sochi, Putin commended Trump’s reaction, saying, “He behaved, in my opinion, in a very correct way.”';
    const tape = scanTape(text);
    const norms = Array.from({ length: tape.n }, (_, i) => tape.norm(i));
    assert.deepEqual(norms.slice(0, 12), ['speaking', 'at', 'the', 'valdai', 'club', 'in', 'sochi', ',', 'putin', 'commended', 'trump', "'s"]);
    assert.equal(tape.textOf(11), '’s');
    assert.equal(tape.kind(7), PUNCT);
    assert.equal(tape.norm(tape.n - 1), '"');
    assert.equal(tape.id(8), findNorm('putin'));
    assert.equal(normOf(tape.id(8)), 'putin');
  });

  it('keeps acronyms, hyphenated words, contractions and numbers whole', () => {
    assert.deepEqual(byScanner('U.S.-Russia ties can’t “reset”: 2,000 troops, 3.5% and G20.').map((t) => t[3]), ['u.s.', '-', 'russia', 'ties', "can't", '"', 'reset', '"', ':', '2,000', 'troops', ',', '3.5%', 'and', 'g', '20', '.']);
  });

  it('gives the pattern’s tokens on every sentence of the seeds', () => {
    let n = 0;
    for (const source of seedCorpus().sources) {
      for (const s of sentencesOf(source)) {
        assert.deepEqual(byScanner(s.text), byPattern(s.text), s.text);
        n++;
      }
    }
    assert.ok(n > 300);
  });

  it('gives the pattern’s tokens on every NewsMTSC and NYT sentence (when the shared bench is there)', function () {
    const files = [path.join(BENCH, 'newsmtsc', 'train.jsonl'), path.join(BENCH, 'nyt-editorials', 'dev.tsv')].filter((f) => fs.existsSync(f));
    if (files.length === 0) {
      console.log(`      skipped: ${BENCH} is absent (the shared bench sits beside the repository)`);
      this.skip();
    }
    this.timeout(60_000);
    for (const file of files) {
      for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
        if (line === '') continue;
        const text = file.endsWith('.jsonl') ? (JSON.parse(line) as { sentence_normalized: string }).sentence_normalized : line.split('\t')[2] ?? '';
        assert.deepEqual(byScanner(text), byPattern(text), text);
      }
    }
  });

  it('gives the pattern’s tokens on random strings of tricky characters', () => {
    const random = seededRandom(7);
    const alphabet = ['a', 'B', 's', 'S', 'é', 'İ', 'ß', '\u0301', '.', ',', ':', '-', "'", '’', '‘', '`', '´', '“', '”', '%', '1', '٣', 'Ⅻ', '²', ' ', '\u00a0', '\u2009', '\n', '_', '😀', '𝐀', '𝟏', '\ud800', '\udc00', 'Д', '中', '!', '"', '(', 'x'];
    for (let k = 0; k < 20_000; k++) {
      let text = '';
      const len = 1 + Math.floor(random() * 14);
      for (let i = 0; i < len; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      assert.deepEqual(byScanner(text), byPattern(text), JSON.stringify(text));
    }
  });

  it('shares the tape of a recent text and refuses what is not a string', () => {
    assert.equal(tapeOf('Putin spoke.'), tapeOf('Putin spoke.'));
    assert.equal(scanTape('').n, 0);
    assert.throws(() => scanTape(42 as unknown as string), /text.*string/);
  });
});
