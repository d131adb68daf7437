import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_FEATURES, extractFeatures, type FeatureConfig } from '../../lib/stance/features';
import { compileModel, defaultStanceModel, modelProbabilities, MODEL_FORMAT, MODEL_VERSION, type StanceModel } from '../../lib/stance/model';
import { fastStanceScorer, isCut } from '../../lib/stance/fast-scorer';
import { stanceOfMentions, stanceToward } from '../../lib/stance/stance';
import { tokenize } from '../../lib/text/tokens';

/** The probabilities as the model defines them: softmax of the weights summed over extractFeatures. */
function reference(model: StanceModel, sentence: string, start: number, end: number): [number, number, number] {
  let zn = model.data.bias[0];
  let zp = model.data.bias[1];
  for (const [name, v] of extractFeatures(sentence, start, end, model.data.features)) {
    const j = model.index.get(name);
    if (j === undefined) continue;
    zn += v * model.weights[2 * j]!;
    zp += v * model.weights[2 * j + 1]!;
  }
  const m = Math.max(zn, 0, zp);
  const en = Math.exp(zn - m);
  const e0 = Math.exp(-m);
  const ep = Math.exp(zp - m);
  const s = en + e0 + ep;
  return [en / s, e0 / s, ep / s];
}

function assertSame(model: StanceModel, sentence: string, start: number, end: number): void {
  const want = reference(model, sentence, start, end);
  const got = modelProbabilities(model, sentence, start, end);
  for (let k = 0; k < 3; k++) {
    assert.ok(Math.abs(got[k]! - want[k]!) < 1e-12, `${JSON.stringify(sentence)} [${start}, ${end}): ${got} vs ${want}`);
  }
}

/** Sentences that try the tokenizer at mention boundaries, quotes, negation, names, pronouns. */
const SENTENCES = [
  'Putin commended Trump’s reaction, saying, “He behaved … like a real man.”',
  'Speaking at the Valdai Club in Sochi, Putin commended Trump’s reaction.',
  'Smith did not help, and he can’t stop the war; Jones wasn’t there (nor was she).',
  'The US-Russia talks, a Trump-Putin idea, failed: "It is a disgrace," said Jones.',
  'U.S. officials met U.S.Trump aides and the U.K.’s envoy at 10:30 on 3.5% growth.',
  'Critics denounced Smith as a corrupt liar, while Jones was praised as a brilliant, honest leader.',
  '“Obama’s plan,” she said, “is ‘not bad’ at all,” and Obama’s aides agreed.',
  'He said he would never, ever praise them — not Trump, not Biden — 🙂 𝐀nd that was it.',
  '  Trump  spoke   twice.  ',
  "Trump's allies' pro-Trump rally didn't go well; anti-Putin protesters (“Nyet!”) cheered.",
  'Zelenskyy met Macron and Scholz in Kyiv; the Élysée praised Zelenskyy’s résumé.',
  'It was good. It was bad. It was neither good nor bad, hardly anything at all.',
];

/** Character spans of every token and run of tokens (up to 3) of a sentence. */
function tokenSpans(sentence: string): [number, number][] {
  const toks = tokenize(sentence);
  const out: [number, number][] = [];
  for (let i = 0; i < toks.length; i++) for (let j = i; j < Math.min(toks.length, i + 3); j++) out.push([toks[i]!.start, toks[j]!.end]);
  return out;
}

/** A deterministic weight in [-1, 1) for a feature name and class. */
function weightOf(name: string, k: number): number {
  let h = 2166136261 ^ k;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return ((h >>> 0) % 2000) / 1000 - 1;
}

/** A model that gives a weight to every feature of the test sentences (some left out). */
function syntheticModel(features: FeatureConfig): StanceModel {
  const names = new Set<string>();
  for (const s of SENTENCES) for (const [a, b] of tokenSpans(s)) for (const k of extractFeatures(s, a, b, features).keys()) names.add(k);
  const vocabulary = [...names].filter((n) => weightOf(n, 7) > -0.8).sort();
  const weights = vocabulary.flatMap((n) => [weightOf(n, 0), weightOf(n, 1)]);
  return compileModel({ format: MODEL_FORMAT, version: MODEL_VERSION, classes: ['negative', 'positive'], features, training: {}, bias: [-0.3, 0.2], vocabulary, weights });
}

describe('modelProbabilities (fast scorer) gives the sums over extractFeatures', function () {
  this.timeout(30_000); // thousands of spans through extractFeatures
  it('for the bundled model, on every span of a few sentences (every start and end offset)', () => {
    const model = defaultStanceModel();
    assert.ok(model && fastStanceScorer(model), 'the bundled model is scored by the fast scorer');
    for (const s of SENTENCES.slice(0, 6)) {
      for (let start = 0; start < s.length; start++) for (let end = start + 1; end <= s.length; end += start % 3 === 0 ? 1 : 5) assertSame(model, s, start, end);
    }
  });

  const variants: [string, Partial<FeatureConfig>][] = [
    ['default', {}],
    ['masked names, blocked, quotes, clause sides', { maskNames: true, blocked: true, quotes: true, clauseSide: true }],
    ['proximity', { proximity: 3 }],
    ['counts, not binary; no stemming', { binary: false, stem: false }],
    ['other buckets, side-distance bigrams everywhere', { buckets: [1, 3], sideDistanceBigramsUpTo: 2 }],
    ['no buckets, no side-distance bigrams', { buckets: [], sideDistanceBigramsUpTo: -1, sideNgrams: 1 }],
    ['no n-grams, no clause, no negation', { sentenceNgrams: 0, sideNgrams: 0, sideDistance: false, clause: false, negationWindow: 0 }],
    ['unigrams only, no shape, no sentence lexicon', { sentenceNgrams: 1, shape: false, sentenceLexicon: false }],
    ['vader and a lexicon twice', { lexicons: ['vader', 'afinn', 'afinn'] }],
  ];
  for (const [label, change] of variants) {
    it(`for a model with every feature weighted: ${label}`, () => {
      const model = syntheticModel({ ...DEFAULT_FEATURES, ...change });
      assert.ok(fastStanceScorer(model));
      for (const s of SENTENCES) {
        for (const [a, b] of tokenSpans(s)) assertSame(model, s, a, b);
        // spans cutting into tokens, or of whitespace only
        for (let a = 0; a < s.length; a++) assertSame(model, s, a, Math.min(s.length, a + (a % 2 ? 1 : 4)));
      }
    });
  }

  it('falls back to extractFeatures for trigrams, with the same numbers', () => {
    const model = syntheticModel({ ...DEFAULT_FEATURES, sideNgrams: 3, sentenceNgrams: 3 });
    assert.equal(fastStanceScorer(model), undefined);
    const s = SENTENCES[0]!;
    for (const [a, b] of tokenSpans(s)) assertSame(model, s, a, b);
  });

  it('falls back when two feature names share a weight (a hand-made index)', () => {
    const base = syntheticModel(DEFAULT_FEATURES);
    const index = new Map(base.index);
    index.set('S1:<T>', 0);
    index.set('L:putin', 0);
    const model: StanceModel = { ...base, index };
    assert.equal(fastStanceScorer(model), undefined);
    const s = SENTENCES[0]!;
    assertSame(model, s, s.indexOf('Trump'), s.indexOf('Trump') + 5);
  });

  it('reads weights changed after compiling', () => {
    const model = syntheticModel(DEFAULT_FEATURES);
    const s = SENTENCES[1]!;
    const span: [number, number] = [s.indexOf('Trump'), s.indexOf('Trump') + 5];
    const before = modelProbabilities(model, s, ...span);
    model.weights.fill(0);
    assertSame(model, s, ...span);
    assert.notDeepEqual(modelProbabilities(model, s, ...span), before);
  });

  it('scores the NewsMTSC dev targets as the reference does', function () {
    const file = path.resolve(__dirname, '..', '..', '..', 'shared', 'bench', 'newsmtsc', 'mt-dev.jsonl');
    if (!fs.existsSync(file)) this.skip();
    const model = defaultStanceModel()!;
    for (const line of fs.readFileSync(file, 'utf8').split('\n').slice(0, 200)) {
      if (!line.trim()) continue;
      const o = JSON.parse(line) as { sentence: string; from: number; to: number };
      assertSame(model, o.sentence, o.from, o.to);
    }
  });
});

describe('isCut(text, p)', () => {
  it('cuts after whitespace and after punctuation the tokenizer reads alone, not inside words', () => {
    const s = 'He met “Trump” (US-Russia) at 3.5%.';
    assert.ok(isCut(s, 0));
    assert.ok(isCut(s, s.indexOf('met')));
    assert.ok(isCut(s, s.indexOf('Trump')));
    assert.ok(isCut(s, s.indexOf('US')));
    assert.ok(!isCut(s, s.indexOf('Russia')));
    assert.ok(!isCut(s, s.indexOf('5%')));
    assert.ok(isCut(s, s.length));
  });

  it('splits the tokens of a text exactly: left part and right part tokenized apart', () => {
    for (const s of SENTENCES) {
      const whole = tokenize(s).map((t) => t.text);
      for (let p = 0; p <= s.length; p++) {
        if (!isCut(s, p)) continue;
        assert.deepEqual([...tokenize(s.slice(0, p)), ...tokenize(s.slice(p))].map((t) => t.text), whole, `${JSON.stringify(s)} at ${p}`);
      }
    }
  });
});

describe('stanceOfMentions(sentence, mentions) output objects', () => {
  it('are the mentions spread with their stance: same keys in the same order, own __proto__ kept', () => {
    const s = 'Jones praised Smith.';
    const mentions = [
      { start: 14, end: 19, who: 'smith' },
      { stance: 'old', start: 0, end: 5 },
      JSON.parse('{"start": 0, "end": 5, "__proto__": {"x": 1}}') as { start: number; end: number },
    ];
    const out = stanceOfMentions(s, mentions);
    out.forEach((o, i) => {
      const m = mentions[i]!;
      const want = { ...m, stance: stanceToward(s, m) };
      assert.deepEqual(Object.keys(o), Object.keys(want));
      assert.deepEqual(o, want);
      assert.equal(Object.getPrototypeOf(o), Object.prototype);
    });
    assert.ok(Object.prototype.hasOwnProperty.call(out[2], '__proto__'));
  });
});
