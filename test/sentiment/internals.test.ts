import { strict as assert } from 'node:assert';
import { baseForms } from '../../lib/sentiment/base-forms';
import { compile } from '../../lib/sentiment/compile';
import { defaultModifiers } from '../../lib/sentiment/modifiers';
import { DEFAULTS, scoreSentence, type SentenceSentiment } from '../../lib/sentiment/score';
import { scoreTape } from '../../lib/sentiment/sentence';
import { scanTape } from '../../lib/text/tape';
import { WordIds } from '../../lib/text/word-ids';

/** Cues as [text, rule] pairs, for readable assertions. */
const rules = (s: SentenceSentiment): Array<[string, string]> => s.cues.map((c) => [c.text, c.rule]);

describe('WordIds', () => {
  it('gives dense ids in the order keys are added, and -1 for a key never added', () => {
    const ids = new WordIds();
    assert.equal(ids.find('peace'), -1);
    assert.equal(ids.add('peace'), 0);
    assert.equal(ids.add('war'), 1);
    assert.equal(ids.find('war'), 1);
    assert.equal(ids.find('peace'), 0);
    assert.equal(ids.find('wa'), -1);
    assert.equal(ids.find('wars'), -1);
  });

  it('finds every key after growing, including empty, non-Latin and look-alike keys', () => {
    const ids = new WordIds(4);
    const keys = ['', 'détente', 'can’t', "can't", 'Ünited', '😀', 'a-b', 'ab'];
    for (let i = 0; i < 20000; i++) keys.push(`w${i.toString(36)}`);
    keys.forEach((k, i) => assert.equal(ids.add(k), i));
    keys.forEach((k, i) => assert.equal(ids.find(k), i, k));
    // Keys equal in content but made anew (as the tokenizer makes them) are found too.
    keys.forEach((k, i) => assert.equal(ids.find(` ${k}`.slice(1)), i, k));
    assert.equal(ids.find('w'), -1);
  });
});

describe('baseForms(word)', () => {
  it('lists candidate base forms, most likely first, without the word itself', () => {
    assert.deepEqual(baseForms('stopped'), ['stoppe', 'stopp', 'stop']);
    assert.deepEqual(baseForms('hoping'), ['hop', 'hope']);
    assert.deepEqual(baseForms('happiness'), ['happy', 'happi']);
    assert.deepEqual(baseForms('terribly'), ['terrib', 'terrible']);
    assert.deepEqual(baseForms('flies'), ['fly', 'fli', 'flie']);
    assert.deepEqual(baseForms('glass'), []);
    assert.deepEqual(baseForms('bad'), []);
  });

  it('adds the American spelling of British forms and its base forms', () => {
    assert.deepEqual(baseForms('favourable'), ['favorable']);
    assert.deepEqual(baseForms('analysed'), ['analyse', 'analys', 'analyzed', 'analyze', 'analyz']);
    assert.deepEqual(baseForms('organisations'), ['organisation', 'organizations', 'organization']);
  });
});

describe('scoreSentence rules (details kept from the first implementation)', () => {
  it('lists "intensified" and "diminished" in the order they were applied', () => {
    assert.deepEqual(rules(scoreSentence('It was slightly very good.')), [['good', 'lexicon+diminished+intensified']]);
    assert.deepEqual(rules(scoreSentence('It was very slightly good.')), [['good', 'lexicon+intensified+diminished']]);
    assert.deepEqual(rules(scoreSentence('It was not very slightly good, but reduced crime is fine.')), [
      ['good', 'lexicon+intensified+diminished+negated+before-contrast'],
      ['crime', 'lexicon+shifted+after-contrast'],
      ['fine', 'lexicon+after-contrast'],
    ]);
  });

  it('scores capitalised words in title-case headlines but not inside names', () => {
    assert.deepEqual(rules(scoreSentence('Putin Slams Horrible West Over Sanctions')), [
      ['Slams', 'lexicon'],
      ['Horrible', 'lexicon'],
      ['Sanctions', 'cue'],
    ]);
    assert.deepEqual(rules(scoreSentence('They met Hope Hicks in Moscow.')), []);
  });

  it('values hyphenated and British forms, but not words a prefix negates', () => {
    const s = scoreSentence('A God-awful, non-violent, non-toxic, scandal-plagued, favourable outcome.');
    // "God-awful" and "non-violent" are words of Hu & Liu's lexicon (negative and positive), so
    // they keep their own values; "non-toxic" and "scandal-plagued" are in no lexicon: the
    // prefix "non" voids the head "toxic" (no cue), "scandal-plagued" takes the value of "plagued".
    assert.deepEqual(rules(s), [
      ['God-awful', 'lexicon'],
      ['non-violent', 'lexicon'],
      ['scandal-plagued', 'lexicon'],
      ['favourable', 'lexicon'],
    ]);
    const value = (text: string): number => {
      const found = s.cues.find((c) => c.text === text);
      assert.ok(found, text);
      return found.value;
    };
    assert.ok(value('God-awful') < 0);
    assert.ok(value('non-violent') > 0, 'not the negative value of "violent"');
    assert.equal(value('scandal-plagued'), scoreSentence('They were plagued.').cues[0]?.value);
    assert.ok(value('favourable') > 0);
  });

  it('only reads the token tape it is given (the tape is shared with the other analyses)', () => {
    const text = 'He can’t stop the war, but the talks were “a very good start”.';
    const tape = scanTape(text);
    const copy = Array.from(tape.data);
    const s = scoreTape(tape, compile(DEFAULTS.lexicons, defaultModifiers()));
    assert.deepEqual(s, scoreSentence(text));
    assert.deepEqual(Array.from(tape.data), copy);
    assert.deepEqual(s.cues.map((c) => c.rule), ['lexicon+shifted+negated+before-contrast', 'lexicon+intensified+after-contrast']);
  });
});
