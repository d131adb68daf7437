import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadCorpus } from '../../lib/corpus/load';
import { NewsStanceError } from '../../lib/errors';
import { DEFAULT_MODIFIERS_FILE, parseModifiers } from '../../lib/sentiment/modifiers';
import { DEFAULTS, scoreSentence, scoreSentences, type SentenceSentiment } from '../../lib/sentiment/score';
import { sentencesOf } from '../../lib/text/segment';

/** The normalisation of the scorer: x / sqrt(x² + 1). */
const squash = (x: number): number => x / Math.sqrt(x * x + 1);
const near = (actual: number, expected: number, what = 'value'): void => {
  assert.ok(Math.abs(actual - expected) < 1e-9, `${what}: expected ${expected}, got ${actual}`);
};
/** Cues as [text, rule] pairs, for readable assertions. */
const rules = (s: SentenceSentiment): Array<[string, string]> => s.cues.map((c) => [c.text, c.rule]);
const cue = (s: SentenceSentiment, text: string) => {
  const found = s.cues.find((c) => c.text === text);
  assert.ok(found, `no cue "${text}" in ${JSON.stringify(rules(s))}`);
  return found;
};

// Values the bundled cue file and lexicons give, restated so that the tests say what they expect.
const NEGATIVE_WEIGHT = 1.3; // SCORING.negativeWeight
const NEGATOR = -0.2 * NEGATIVE_WEIGHT; // a negator that reaches no cue
// SCORING.lexiconWeights of the default lexicons: AFINN 1, VADER 1, Pattern 0.75, Hu & Liu 1.
const DEFAULT_WEIGHT = 1 + 1 + 0.75 + 1;

describe('scoreSentence(text)', () => {
  describe('on sentences of the seed articles', () => {
    it('scores 000’s “they believe a constructive relationship is essential for global stability.” positive from two cue-file words', () => {
      const s = scoreSentence('they believe a constructive relationship is essential for global stability.');
      assert.deepEqual(rules(s), [
        ['constructive', 'cue'],
        ['stability', 'cue'],
      ]);
      near(s.score, squash(0.5 + 0.4), 'score');
      near(s.positive, s.score, 'positive');
      assert.equal(s.negative, 0);
    });

    it('scores 004’s “I do not know what is going to happen now. I have no clue.” negative: an unscoped negator and the phrase "no clue"', () => {
      const s = scoreSentence('“I do not know what is going to happen now. I have no clue.”');
      assert.deepEqual(rules(s), [
        ['not', 'negator'],
        ['no clue', 'cue'],
      ]);
      near(cue(s, 'no clue').value, -0.3 * NEGATIVE_WEIGHT);
      near(s.score, squash(NEGATOR - 0.3 * NEGATIVE_WEIGHT), 'score');
      assert.deepEqual(
        s.cues.map((c) => [c.start, c.end]),
        [
          [6, 9],
          [51, 58],
        ],
      );
    });

    it('scores 004’s “He can’t stop the war. Not in a day, not in three days, not in three months,” negative: "stop" shifts "war", "can’t" negates it back', () => {
      const s = scoreSentence('“He can’t stop the war. Not in a day, not in three days, not in three months,”');
      assert.deepEqual(rules(s), [
        ['war', 'lexicon+shifted+negated'],
        ['Not', 'negator'],
        ['not', 'negator'],
        ['not', 'negator'],
      ]);
      // war: AFINN -2 -> -0.4, VADER -2.9 -> -0.725, not in Pattern nor Hu & Liu:
      // (-0.4 - 0.725) / 3.75 = -0.3; shifted (x -0.8) it is positive, negated as positive (x -0.6).
      const war = (-0.4 - 0.725) / DEFAULT_WEIGHT;
      near(cue(s, 'war').value, war * -0.8 * -0.6 * NEGATIVE_WEIGHT);
      near(s.score, squash(war * -0.8 * -0.6 * NEGATIVE_WEIGHT + 3 * NEGATOR), 'score');
      // "can’t stop the war" adds to the three negators: more negative than they are alone.
      assert.ok(s.score < squash(3 * NEGATOR) - 0.05, `${s.score}`);
    });

    it('reads 001’s “I wouldn’t say it’s a point of no return.” as mildly hopeful: a negated negative phrase', () => {
      const s = scoreSentence('Dr. Morozova: I wouldn’t say it’s a point of no return.');
      assert.deepEqual(rules(s), [['point of no return', 'cue+negated']]);
      near(cue(s, 'point of no return').value, -0.6 * -0.2);
      assert.ok(s.score > 0 && s.score < 0.15);
    });

    it('matches the phrases of 001, 002 and 004: "at a historic low", "benefit of the doubt", "no prospect", "Cold War"', () => {
      const low = scoreSentence('The Kremlin has repeatedly said that relations between the US and Russia are at a historic low, blaming Washington for its support for Ukraine.');
      near(cue(low, 'at a historic low').value, -0.6 * NEGATIVE_WEIGHT);
      const doubt = scoreSentence('“Putin is still giving Trump the benefit of the doubt, given Trump’s sweet rhetoric, hence the Pompeo visit in an attempt to find common ground,” she said.');
      // "giving" (VADER only, +1.4) and "rhetoric" (Hu & Liu only, negative) are small lexicon
      // cues; "Trump" is a neutral word; "doubt" is inside the phrase.
      assert.deepEqual(rules(doubt), [
        ['giving', 'lexicon'],
        ['benefit of the doubt', 'cue'],
        ['sweet', 'lexicon'],
        ['rhetoric', 'lexicon'],
        ['common ground', 'cue'],
      ]);
      near(cue(doubt, 'giving').value, 0.35 / DEFAULT_WEIGHT);
      near(cue(doubt, 'benefit of the doubt').value, 0.4);
      // sweet: AFINN +2 -> 0.4, VADER 2 -> 0.5, Pattern 0.5, Hu & Liu positive 0.5.
      near(cue(doubt, 'sweet').value, (0.4 + 0.5 + 0.75 * 0.5 + 0.5) / DEFAULT_WEIGHT);
      near(cue(doubt, 'rhetoric').value, (-0.5 / DEFAULT_WEIGHT) * NEGATIVE_WEIGHT);
      const prospect = scoreSentence('“Whoever wins the election, we see no prospect of America changing its Russophobic course.');
      assert.equal(cue(prospect, 'no prospect').rule, 'cue', '"no" must not act as a negator inside "no prospect"');
      const war = scoreSentence('In fact, Lavrov at one point described the period as “worse” than during the Cold War.');
      assert.deepEqual(rules(war), [
        ['worse', 'lexicon'],
        ['Cold War', 'cue'],
      ]);
    });
  });

  describe('negation', () => {
    it('flips a negated cue only within its scope', () => {
      const plain = scoreSentence('The talks were a success.');
      const negated = scoreSentence('The talks were not a success.');
      assert.equal(cue(negated, 'success').rule, 'lexicon+negated');
      near(cue(negated, 'success').value, cue(plain, 'success').value * -0.6 * NEGATIVE_WEIGHT);
      // Past a comma the scope has ended: "success" keeps its sign and "not" stands alone.
      const comma = scoreSentence('The talks were not, as everyone expected, a success.');
      assert.equal(cue(comma, 'success').rule, 'lexicon');
      assert.equal(cue(comma, 'not').rule, 'negator');
      // More than four content words later it has ended too.
      const far = scoreSentence('They did not expect that the summit would ever become a success.');
      assert.equal(cue(far, 'success').rule, 'lexicon+intensified');
    });

    it('does not count function words against the scope (002: "have not been characterized by a drastic improvement")', () => {
      const s = scoreSentence('Despite Trump’s amicable posturing towards Putin, the US president’s years in office have not been characterized by a drastic improvement in relations.');
      assert.equal(cue(s, 'improvement').rule, 'lexicon+negated+main-clause');
      assert.ok(s.score < 0);
    });

    it('turns "not good" clearly negative but "not bad" only mildly positive', () => {
      const good = cue(scoreSentence('It is good.'), 'good').value;
      const bad = cue(scoreSentence('It is bad.'), 'bad').value;
      near(cue(scoreSentence('It is not good.'), 'good').value, good * -0.6 * NEGATIVE_WEIGHT);
      near(cue(scoreSentence('It is not bad.'), 'bad').value, (bad / NEGATIVE_WEIGHT) * -0.2);
    });

    it('treats any word ending in n’t as a negator, with curly or straight apostrophes', () => {
      for (const text of ['They haven’t helped.', "They haven't helped.", 'They HAVEN’T HELPED.']) {
        assert.equal(cue(scoreSentence(text), text.includes('HELPED') ? 'HELPED' : 'helped').rule, 'lexicon+negated', text);
      }
    });
  });

  describe('intensifiers, diminishers and shifters', () => {
    it('boosts the next cue after an intensifier (002: “Very good call yesterday with President Putin of Russia.”)', () => {
      const plain = scoreSentence('Good call yesterday with President Putin of Russia.');
      const very = scoreSentence('Very good call yesterday with President Putin of Russia.');
      assert.equal(cue(very, 'good').rule, 'lexicon+intensified');
      near(cue(very, 'good').value, cue(plain, 'Good').value * 1.3);
      const extremely = scoreSentence('Extremely good call yesterday with President Putin of Russia.');
      near(cue(extremely, 'good').value, cue(plain, 'Good').value * 1.6);
    });

    it('damps the next cue after a diminisher', () => {
      const plain = cue(scoreSentence('The response was disappointing.'), 'disappointing');
      const slightly = cue(scoreSentence('The response was slightly disappointing.'), 'disappointing');
      const somewhat = cue(scoreSentence('The response was somewhat disappointing.'), 'disappointing');
      assert.equal(slightly.rule, 'lexicon+diminished');
      near(slightly.value, plain.value * 0.5);
      near(somewhat.value, plain.value * 0.6);
    });

    it('reverses what a shifter acts on (001: “to avoid misinterpretation and escalation”)', () => {
      const s = scoreSentence('Each step must be taken with caution to avoid misinterpretation and escalation.');
      assert.deepEqual(rules(s), [['escalation', 'cue+shifted']]);
      near(s.cues[0].value, -0.4 * -0.8);
      assert.ok(scoreSentence('Talks could ease tensions.').score > 0);
      assert.ok(scoreSentence('Tensions grew.').score < 0);
    });
  });

  describe('contrast', () => {
    it('weighs the clause after "but" over the clause before it', () => {
      const s = scoreSentence('The talks failed, but the summit was a success.');
      assert.deepEqual(rules(s), [
        ['failed', 'lexicon+before-contrast'],
        ['success', 'lexicon+after-contrast'],
      ]);
      const failed = cue(scoreSentence('The talks failed.'), 'failed').value;
      const success = cue(scoreSentence('The summit was a success.'), 'success').value;
      near(cue(s, 'failed').value, failed * 0.5);
      near(cue(s, 'success').value, success * 1.5);
      assert.ok(s.score > 0, 'the positive second clause wins');
      // The other order wins the other way.
      assert.ok(scoreSentence('The summit was a success, but the talks failed.').score < 0);
    });

    it('weighs an "although"/"despite" clause under the main clause (000: “Despite the political tensions, ...”)', () => {
      const s = scoreSentence('Despite the political tensions, Russia and the US have significant economic ties, particularly in sectors such as energy and trade.');
      // "energy" is a mildly positive VADER word (+1.1), a small cue here.
      assert.deepEqual(rules(s), [
        ['tensions', 'cue+concession'],
        ['significant', 'lexicon+main-clause'],
        ['energy', 'lexicon+main-clause'],
      ]);
      near(cue(s, 'tensions').value, -0.4 * NEGATIVE_WEIGHT * 0.5);
      // significant: AFINN +1 -> 0.2, VADER 0.8 -> 0.2, Hu & Liu positive 0.5, not in Pattern.
      near(cue(s, 'significant').value, ((0.2 + 0.2 + 0.5) / DEFAULT_WEIGHT) * 1.5);
      near(cue(s, 'energy').value, (0.275 / DEFAULT_WEIGHT) * 1.5);
      assert.ok(s.score > 0, 'the main clause wins');
    });

    it('leaves the weights alone when one side has no cue', () => {
      const s = scoreSentence('But the summit was a success.');
      assert.equal(cue(s, 'success').rule, 'lexicon');
    });
  });

  describe('words and phrases', () => {
    it('matches case-insensitively, phrases and single words alike', () => {
      const lower = scoreSentence('Relations are at a historic low.');
      const upper = scoreSentence('Relations are AT A HISTORIC LOW.');
      assert.deepEqual(rules(upper), [['AT A HISTORIC LOW', 'cue']]);
      assert.equal(upper.score, lower.score);
      assert.equal(scoreSentence('A VERY GOOD RESULT.').score, scoreSentence('a very good result.').score);
    });

    it('prefers the longest phrase: "no prospect" over the negator "no", "benefit of the doubt" over "doubt"', () => {
      assert.deepEqual(rules(scoreSentence('There is no prospect of a deal.')), [['no prospect', 'cue']]);
      assert.deepEqual(rules(scoreSentence('They gave him the benefit of the doubt.')), [['benefit of the doubt', 'cue']]);
      assert.deepEqual(rules(scoreSentence('They voiced doubt.')), [['doubt', 'lexicon']]);
    });

    it('ignores neutral words and offices ("like", "Supreme Court") and words inside capitalised names', () => {
      assert.deepEqual(scoreSentence('He spoke like a diplomat.').cues, []);
      assert.deepEqual(scoreSentence('The Supreme Court ruled.').cues, []);
      assert.deepEqual(scoreSentence('They met Hope Hicks in Moscow.').cues, []);
      assert.deepEqual(rules(scoreSentence('They still have hope.')), [['hope', 'lexicon']]);
    });

    it('finds inflected and British forms of lexicon words ("worsened", "favourable")', () => {
      assert.deepEqual(rules(scoreSentence('Relations worsened.')), [['worsened', 'lexicon']]);
      assert.ok(scoreSentence('Relations worsened.').score < 0);
      assert.ok(scoreSentence('A favourable outcome.').score > 0);
    });

    it('scores a sentence with no cue 0, and the empty string too', () => {
      assert.deepEqual(scoreSentence('The delegation arrived in Moscow on Tuesday.'), { score: 0, positive: 0, negative: 0, cues: [] });
      assert.deepEqual(scoreSentence(''), { score: 0, positive: 0, negative: 0, cues: [] });
    });
  });

  describe('options', () => {
    it('defaults to AFINN, VADER, Pattern and Hu & Liu and the bundled cue file, in a frozen DEFAULTS', () => {
      assert.deepEqual(DEFAULTS.lexicons, ['afinn', 'vader', 'pattern', 'huliu']);
      assert.equal(DEFAULTS.modifiers, DEFAULT_MODIFIERS_FILE);
      assert.ok(Object.isFrozen(DEFAULTS) && Object.isFrozen(DEFAULTS.lexicons));
      const text = 'The plan was absurd, but the outcome was good.';
      assert.deepEqual(scoreSentence(text), scoreSentence(text, { lexicons: ['afinn', 'vader', 'pattern', 'huliu'], modifiers: DEFAULT_MODIFIERS_FILE }));
      assert.notDeepEqual(scoreSentence(text), scoreSentence(text, { lexicons: ['afinn', 'pattern'] }));
    });

    it('combines lexicons as a weighted mean over all of them: a word some lack is damped by their weights', () => {
      // "good" is in all four: AFINN +3 -> 0.6, VADER 1.9 -> 0.475, Pattern 0.7, Hu & Liu 0.5.
      near(cue(scoreSentence('It is good.'), 'good').value, (0.6 + 0.475 + 0.75 * 0.7 + 0.5) / DEFAULT_WEIGHT);
      // "absurd" is in Pattern (-0.5) and Hu & Liu (-0.5) but not in AFINN or VADER, which count as 0.
      near(cue(scoreSentence('The plan was absurd.'), 'absurd').value, ((0.75 * -0.5 + -0.5) / DEFAULT_WEIGHT) * NEGATIVE_WEIGHT);
      near(cue(scoreSentence('The plan was absurd.', { lexicons: ['afinn', 'pattern'] }), 'absurd').value, ((0.75 * -0.5) / (1 + 0.75)) * NEGATIVE_WEIGHT);
      // SentiCon weighs 0.35: afinn + senticon gives "absurd" (SentiCon -0.25) 0.35 / 1.35 of its value.
      near(cue(scoreSentence('The plan was absurd.', { lexicons: ['afinn', 'senticon'] }), 'absurd').value, ((0.35 * -0.25) / (1 + 0.35)) * NEGATIVE_WEIGHT);
    });

    it('does not depend on the order of the lexicons (up to rounding of the weighted sum)', () => {
      const same = (a: SentenceSentiment, b: SentenceSentiment): void => {
        assert.deepEqual(rules(a), rules(b));
        a.cues.forEach((c, i) => near(c.value, b.cues[i].value, c.text));
        near(a.score, b.score, 'score');
      };
      // "aggression" sums to -0.32 in one order and -0.32000000000000006 in the other.
      const text = 'The plan was absurd and the aggression alarming, but the verdict gave them sweet, giving hope.';
      same(scoreSentence(text, { lexicons: ['huliu', 'pattern', 'vader', 'afinn'] }), scoreSentence(text));
      same(scoreSentence(text, { lexicons: ['pattern', 'afinn'] }), scoreSentence(text, { lexicons: ['afinn', 'pattern'] }));
      assert.equal(rules(scoreSentence(text)).length, 6);
    });

    it('keeps the values of a lexicon used alone', () => {
      assert.deepEqual(scoreSentence('The plan was absurd.', { lexicons: 'afinn' }).cues, []);
      near(cue(scoreSentence('The plan was absurd.', { lexicons: 'pattern' }), 'absurd').value, -0.5 * NEGATIVE_WEIGHT);
      near(cue(scoreSentence('The plan was absurd.', { lexicons: ['senticon'] }), 'absurd').value, -0.25 * NEGATIVE_WEIGHT);
      near(cue(scoreSentence('It is good.', { lexicons: ['vader'] }), 'good').value, 0.475);
    });

    it('drops a word whose combined value is under 0.05: known, but no cue', () => {
      // "verdict": AFINN -1 -> -0.2, VADER 0.6 -> 0.15: (-0.2 + 0.15) / 3.75 = -0.013.
      assert.deepEqual(scoreSentence('The verdict was read.').cues, []);
      assert.deepEqual(scoreSentence('The verdict was read.', { lexicons: ['afinn', 'vader'] }).cues, []); // -0.025
      near(cue(scoreSentence('The verdict was read.', { lexicons: 'afinn' }), 'verdict').value, -0.2 * NEGATIVE_WEIGHT);
      near(cue(scoreSentence('The verdict was read.', { lexicons: 'vader' }), 'verdict').value, 0.15);
      // "creditor" is only in VADER, at -0.1 -> -0.025: under the floor even alone.
      assert.deepEqual(scoreSentence('The creditor called.', { lexicons: 'vader' }).cues, []);
    });

    it('uses a cue set passed as a loaded object or as a file path', () => {
      const text = 'The reset failed.';
      const mods = parseModifiers(fs.readFileSync(DEFAULT_MODIFIERS_FILE, 'utf8').replace('"cues": {', '"cues": {\n    "reset": 0.5,'), 'extended.json');
      assert.deepEqual(rules(scoreSentence(text, { modifiers: mods })), [
        ['reset', 'cue'],
        ['failed', 'lexicon'],
      ]);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-stance-score-'));
      try {
        const file = path.join(dir, 'cues.json');
        fs.writeFileSync(file, '{ "negation": { "scope": 2, "factor": -1, "words": ["not"] }, "contrast": { "before": 0.5, "after": 1.5, "words": ["but"] }, "cues": { "reset": 0.5 } }');
        const s = scoreSentence('The reset was not a success.', { modifiers: file });
        assert.deepEqual(rules(s), [
          ['reset', 'cue'],
          ['success', 'lexicon+negated'],
        ]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('bad input', () => {
    it('rejects a text that is not a string', () => {
      assert.throws(() => scoreSentence(42 as unknown as string), (err: unknown) => err instanceof NewsStanceError && err.message === 'text: expected a string, got 42');
      assert.throws(() => scoreSentence(undefined as unknown as string), { message: 'text: expected a string, got undefined' });
    });

    it('rejects an unknown lexicon name, naming the choices', () => {
      assert.throws(() => scoreSentence('Fine.', { lexicons: ['afinn', 'sentiwordnet' as 'afinn'] }), {
        name: 'NewsStanceError',
        message: 'options.lexicons: unknown lexicon "sentiwordnet". Choose from afinn, senticon, pattern, vader, huliu',
      });
      assert.throws(() => scoreSentence('Fine.', { lexicons: [] }), {
        message: 'options.lexicons: expected a lexicon name or a non-empty array of them (afinn, senticon, pattern, vader, huliu), got an array of 0',
      });
      assert.throws(() => scoreSentence('Fine.', { lexicons: ['afinn', 'afinn'] }), { message: 'options.lexicons: lexicon "afinn" is listed twice' });
    });

    it('rejects an unknown option and a cue set that was not loaded', () => {
      assert.throws(() => scoreSentence('Fine.', { lexicon: 'afinn' } as never), { message: 'options.lexicon: unknown option. Known options: lexicons, modifiers' });
      assert.throws(() => scoreSentence('Fine.', { modifiers: { cues: {} } as never }), {
        message: 'options.modifiers: expected a cue set from loadModifiers() or the path of a cue file, got an object. Load a cue file with loadModifiers(file)',
      });
    });

    it('reports a broken cue file passed by path with its file and line', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-stance-score-'));
      try {
        const file = path.join(dir, 'broken.json');
        fs.writeFileSync(file, '{\n  "negation": { "scope": 0, "factor": -0.6, "words": [] }\n}');
        assert.throws(() => scoreSentence('Fine.', { modifiers: file }), { message: `${file}:2: negation.scope: expected a whole number of words from 1 to 20, got the number 0` });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});

describe('scoreSentences(texts)', () => {
  const corpus = loadCorpus();
  const texts = corpus.sources.flatMap((s) => sentencesOf(s).map((x) => x.text));

  it('gives for every seed sentence what scoreSentence gives, in order', () => {
    const batch = scoreSentences(texts);
    assert.equal(batch.length, texts.length);
    texts.forEach((t, i) => assert.deepEqual(batch[i], scoreSentence(t), t));
  });

  it('keeps every score in [-1, 1] as the normalised sum of its cues, and cue offsets that slice back to their text', () => {
    for (const [i, s] of scoreSentences(texts).entries()) {
      const sum = s.cues.reduce((a, c) => a + c.value, 0);
      near(s.score, squash(sum), texts[i]);
      assert.ok(s.score > -1 && s.score < 1 && s.positive >= 0 && s.positive < 1 && s.negative >= 0 && s.negative < 1);
      for (const c of s.cues) assert.equal(texts[i].slice(c.start, c.end), c.text);
    }
  });

  it('scores the five seed articles differently: the Kremlin-view explainer above the sceptical Firstpost piece', () => {
    const mean = (id: string): number => {
      const source = corpus.sources.find((s) => s.meta.id.startsWith(id));
      assert.ok(source, id);
      const scores = scoreSentences(sentencesOf(source).map((x) => x.text)).map((s) => s.score);
      return scores.reduce((a, b) => a + b, 0) / scores.length;
    };
    assert.ok(mean('000') > mean('004') + 0.1, `000 ${mean('000')} vs 004 ${mean('004')}`);
  });

  it('rejects a non-array and names the bad element', () => {
    assert.throws(() => scoreSentences('one sentence' as unknown as string[]), { message: 'texts: expected an array of sentences, got "one sentence"' });
    assert.throws(() => scoreSentences(['Fine.', 7 as unknown as string]), { message: 'texts[1]: expected a string, got 7' });
  });
});
