import { strict as assert } from 'node:assert';
import { splitSentences } from '../../lib/text/sentences';
import { sentencesOf } from '../../lib/text/segment';
import { seed, seedCorpus } from '../helpers/seeds';

const split = (text: string): string[] => splitSentences(text).map((s) => s.text);

describe('splitSentences(text)', () => {
  it('keeps "U.S." and "Dr." inside a sentence', () => {
    assert.deepEqual(split('Dr. Morozova spoke to the U.S. Senate. “It is time,” she said.'), ['Dr. Morozova spoke to the U.S. Senate.', '“It is time,” she said.']);
  });

  it('splits the Time.news interview turn after "Dr. Morozova:" only at real sentence ends', () => {
    const turn = seed('001').paragraphs.find((p) => p.text.startsWith('Dr. Morozova: I wouldn’t say'))!;
    assert.deepEqual(split(turn.text).slice(0, 3), [
      'Dr. Morozova: I wouldn’t say it’s a point of no return.',
      'Historical patterns show that U.S.-Russia relations go through cycles of tension and rapprochement.',
      'While current relations are strained, new leadership in the U.S. presents an opportunity for reset.',
    ]);
  });

  it('ends a sentence after a closing quote and keeps a quoted sentence with its attribution', () => {
    const p = seed('004').paragraphs.find((x) => x.text.startsWith('Speaking at the Valdai Club'))!;
    assert.deepEqual(split(p.text), [
      'Speaking at the Valdai Club in Sochi, Putin commended Trump’s reaction, saying, “He behaved, in my opinion, in a very correct way, courageously, like a real man.”',
      'Putin’s comments were laden with respect, and he used the occasion to express openness to renewed dialogue with the US under Trump’s administration.',
    ]);
  });

  it('splits a quote of several sentences at each full stop', () => {
    const p = seed('004').paragraphs.find((x) => x.text.startsWith('Dmitry Medvedev'))!;
    assert.deepEqual(split(p.text).slice(1, 3), ['“He can’t stop the war.', 'Not in a day, not in three days, not in three months,” Medvedev stated, calling Trump’s words “banalities.”']);
  });

  it('handles initials, "Sept." before a number, and an acronym that does end a sentence', () => {
    assert.deepEqual(split('Donald J. Trump spoke on Sept. 11 in Washington. He left.'), ['Donald J. Trump spoke on Sept. 11 in Washington.', 'He left.']);
    assert.deepEqual(split('Talks were held in the U.S. The results were thin.'), ['Talks were held in the U.S.', 'The results were thin.']);
    assert.deepEqual(split('Relations hit a low in Sept. The talks resumed in Oct. and ended.'), ['Relations hit a low in Sept.', 'The talks resumed in Oct. and ended.']);
  });

  it('does not split inside "Time.news", decimals or before lower case', () => {
    assert.deepEqual(split('Welcome to Time.news! Growth was 2.5 per cent. e.g. this stays.'), ['Welcome to Time.news!', 'Growth was 2.5 per cent. e.g. this stays.']);
  });

  it('drops a stray full stop after a sentence, as in the Time.news text', () => {
    const p = seed('001').paragraphs.find((x) => x.text.startsWith('According to a book'))!;
    const out = split(p.text);
    assert.equal(out.length, 2);
    assert.ok(out[1].endsWith('amid the coronavirus pandemic.'));
  });

  it('splits the run-on paragraphs of the Kremlin-view explainer into sentences of sensible length', () => {
    const first = seed('000').paragraphs[2];
    const out = split(first.text);
    assert.equal(out.length, 26);
    assert.equal(out[2], 'Guys, understanding these relationships is super important in today\'s world!');
    for (const s of sentencesOf(seed('000'))) assert.ok(s.text.length < 400, s.text);
  });

  it('gives offsets that slice back to each sentence', () => {
    const text = seed('002').paragraphs[1].text;
    for (const s of splitSentences(text)) assert.equal(text.slice(s.start, s.end), s.text);
  });

  it('treats a blank line as a boundary and returns nothing for empty text', () => {
    assert.deepEqual(split('A heading\n\nBody text here'), ['A heading', 'Body text here']);
    assert.deepEqual(split(''), []);
    assert.deepEqual(split('  . '), []);
  });

  it('accepts extra abbreviations', () => {
    assert.deepEqual(split('Ask Amb. Smith.'), ['Ask Amb.', 'Smith.']);
    assert.deepEqual(splitSentences('Ask Amb. Smith.', { abbreviations: ['Amb.'] }).map((s) => s.text), ['Ask Amb. Smith.']);
  });

  it('rejects a non-string text', () => {
    assert.throws(() => splitSentences(42 as unknown as string), /options\.text: expected a string, got 42/);
  });
});

describe('sentencesOf(source)', () => {
  it('numbers sentences across paragraphs with positions from 0 to 1', () => {
    for (const s of seedCorpus().sources) {
      const out = sentencesOf(s);
      assert.equal(out[0].position, 0);
      assert.equal(out[out.length - 1].position, 1);
      assert.deepEqual(out.map((x) => x.index), out.map((_, i) => i));
    }
    assert.deepEqual(seedCorpus().sources.map((s) => sentencesOf(s).length), [172, 56, 52, 37, 52]);
  });
});
