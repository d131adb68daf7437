import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadCorpus } from '../../lib/corpus/load';
import { sentencesOf } from '../../lib/text/segment';
import { findMentions } from '../../lib/targets/targets';
import { stanceOfMentions, stanceToward } from '../../lib/stance/stance';
import { DEFAULT_MODEL_FILE, loadStanceModel } from '../../lib/stance/model';
import { extractFeatures } from '../../lib/stance/features';
import { fitSoftmax, predictProba, toSparse } from '../../lib/stance/logreg';
import { lexiconStanceScore } from '../../lib/stance/lexicon-stance';

const sources = loadCorpus().sources;
/** The seed sentence of source `prefix` that contains `needle`. */
function seed(prefix: string, needle: string): string {
  const source = sources.find((s) => s.meta.id.startsWith(prefix));
  assert.ok(source, `no source ${prefix}`);
  const found = sentencesOf(source).find((s) => s.text.includes(needle));
  assert.ok(found, `no sentence of ${prefix} contains ${needle}`);
  return found.text;
}
/** Span of the first mention of target `id` in a sentence. */
function mentionOf(sentence: string, id: string): { start: number; end: number } {
  const m = findMentions(sentence).find((x) => x.target === id);
  assert.ok(m, `no ${id} in ${sentence}`);
  return m;
}

describe('stanceToward(sentence, mention) with the trained model', () => {
  it('reads “Putin commended Trump’s reaction, saying, ‘He behaved … like a real man’” (004) as positive toward Trump', () => {
    const s = seed('004', 'Putin commended Trump’s reaction');
    const st = stanceToward(s, mentionOf(s, 'trump'));
    assert.equal(st.method, 'model');
    assert.equal(st.polarity, 1);
    assert.ok(st.score > 0.1, `score ${st.score}`);
  });

  it('reads Medvedev’s “He can’t stop the war. Not in a day, …” calling Trump’s words “banalities” (004) as negative toward Trump', () => {
    const first = seed('004', 'He can’t stop the war.');
    const second = seed('004', 'calling Trump’s words');
    const s = `${first} ${second}`;
    const st = stanceToward(s, mentionOf(s, 'trump'));
    assert.equal(st.polarity, -1);
    assert.ok(st.score < 0, `score ${st.score}`);
  });

  it('reads “Trump failed to lift sanctions on Russia” (004) as negative toward Trump', () => {
    const s = seed('004', 'Trump failed to lift sanctions');
    assert.equal(stanceToward(s, mentionOf(s, 'trump')).polarity, -1);
  });

  it('scores two targets of one sentence differently: Putin railed against Nato’s expansion (004)', () => {
    const s = seed('004', 'railed against Nato’s expansion');
    const nato = stanceToward(s, mentionOf(s, 'nato'));
    assert.equal(nato.polarity, -1);
    // the same words weigh less on Putin, who does the railing, than on Nato
    assert.ok(stanceToward(s, mentionOf(s, 'putin')).score > nato.score);
  });

  it('returns probabilities that sum to 1, score = p(pos) - p(neg), polarity = the most probable class', () => {
    const s = seed('001', 'Putin said he was impressed with Trump’s handling');
    for (const m of findMentions(s)) {
      const st = stanceToward(s, m);
      const { negative, neutral, positive } = st.probabilities;
      assert.ok(Math.abs(negative + neutral + positive - 1) < 1e-9);
      assert.ok(Math.abs(st.score - (positive - negative)) < 1e-12);
      const best = Math.max(negative, neutral, positive);
      assert.equal(st.polarity, best === negative ? -1 : best === positive ? 1 : 0);
    }
  });

  it('depends on where the target is: the same sentence scores differently toward different spans', () => {
    const s = 'Critics denounced Smith as a corrupt liar, while Jones was praised as a brilliant, honest leader.';
    const smith = stanceToward(s, { start: s.indexOf('Smith'), end: s.indexOf('Smith') + 5 });
    const jones = stanceToward(s, { start: s.indexOf('Jones'), end: s.indexOf('Jones') + 5 });
    assert.equal(smith.polarity, -1);
    assert.equal(jones.polarity, 1);
  });

  it('rejects a span outside the sentence with a clear message', () => {
    assert.throws(() => stanceToward('Trump spoke.', { start: 3, end: 40 }), {
      name: 'NewsStanceError',
      message: 'mention: expected {start, end} with 0 <= start < end <= 12 (the sentence length), got {"start":3,"end":40}. Pass character offsets of the mention in the sentence, e.g. from findMentions()',
    });
    assert.throws(() => stanceToward('Trump spoke.', { start: 0, end: 5 }, { method: 'best' as never }), { message: 'options.method: expected "auto", "model" or "lexicon", got "best"' });
  });
});

describe('stanceToward(sentence, mention, { method: "lexicon" }) — the lexicon fallback', () => {
  it('weighs words near the mention more: "praised" next to Jones, "attacked" next to Smith', () => {
    const s = 'Jones praised the plan, and many weeks later, in another city, reporters attacked Smith.';
    const jones = lexiconStanceScore(s, 0, 5);
    const smith = lexiconStanceScore(s, s.indexOf('Smith'), s.indexOf('Smith') + 5);
    assert.ok(jones > 0, `jones ${jones}`);
    assert.ok(smith < 0, `smith ${smith}`);
  });

  it('scores the seed sentence “Putin commended Trump’s reaction … courageously, like a real man” positive toward Trump', () => {
    const s = seed('004', 'Putin commended Trump’s reaction');
    const st = stanceToward(s, mentionOf(s, 'trump'), { method: 'lexicon' });
    assert.equal(st.method, 'lexicon');
    assert.equal(st.polarity, 1);
  });

  it('flips a negated word: "not good" is negative, "good" positive', () => {
    assert.equal(stanceToward('Smith is good.', { start: 0, end: 5 }, { method: 'lexicon' }).polarity, 1);
    assert.equal(stanceToward('Smith is not good.', { start: 0, end: 5 }, { method: 'lexicon' }).polarity, -1);
  });

  it('is neutral without sentiment words', () => {
    const st = stanceToward('Smith met the delegation on Tuesday.', { start: 0, end: 5 }, { method: 'lexicon' });
    assert.equal(st.polarity, 0);
    assert.equal(st.score, 0);
  });

  it('is used when there is no model (model: null), and method "model" then fails', () => {
    const s = 'Smith is good.';
    assert.equal(stanceToward(s, { start: 0, end: 5 }, { model: null }).method, 'lexicon');
    assert.throws(() => stanceToward(s, { start: 0, end: 5 }, { model: null, method: 'model' }), {
      message: 'options.method: no stance model. Train it with `npx tsx scripts/train-stance.ts`, or use method "lexicon"',
    });
  });
});

describe('stanceOfMentions(sentence, mentions)', () => {
  it('scores every mention found in “Congratulating Donald Trump on his victory …, Vladimir Putin said that he was willing to hold talks” (001)', () => {
    const s = seed('001', 'Congratulating Donald Trump on his victory');
    const out = stanceOfMentions(s);
    assert.deepEqual(out.map((m) => m.target), ['trump', 'united-states', 'putin', 'ukraine', 'russia']);
    assert.equal(out.find((m) => m.target === 'trump')!.stance.polarity, 1);
    assert.equal(out.find((m) => m.target === 'putin')!.stance.polarity, 1);
  });

  it('keeps the fields of the mentions passed in and names a bad one', () => {
    const s = 'Jones praised Smith.';
    const out = stanceOfMentions(s, [{ start: 14, end: 19, who: 'smith' }]);
    assert.equal(out[0]!.who, 'smith');
    assert.equal(typeof out[0]!.stance.score, 'number');
    assert.throws(() => stanceOfMentions(s, [{ start: 0, end: 5 }, { start: 5, end: 2 }]), { message: /^mentions\[1\]: expected \{start, end\}/ });
  });
});

describe('loadStanceModel(file)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-stance-model-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('loads the bundled model: versioned, small, with its feature configuration and dev figures', () => {
    const model = loadStanceModel();
    assert.equal(model.data.version, 1);
    assert.ok(fs.statSync(DEFAULT_MODEL_FILE).size < 1.5e6, 'model file over 1.5 MB');
    assert.ok(model.data.vocabulary.length > 1000);
    assert.equal(model.data.features.stem, true);
    const dev = model.data.training.dev as Record<string, { macroF1: number }>;
    assert.ok(dev['rw-dev.jsonl']!.macroF1 >= 0.68, JSON.stringify(dev));
  });

  it('names a missing file and a file of another format', () => {
    const missing = path.join(dir, 'none.json');
    assert.throws(() => loadStanceModel(missing), { message: `${missing}: stance model not found. Train it with \`npx tsx scripts/train-stance.ts\`` });
    const other = path.join(dir, 'other.json');
    fs.writeFileSync(other, '{"format": "something-else"}');
    assert.throws(() => loadStanceModel(other), { message: `${other}: format: expected "news-stance/stance-model", got "something-else". Re-train it with \`npx tsx scripts/train-stance.ts\`` });
  });

  it('uses a model file passed as options.model', () => {
    const file = path.join(dir, 'tiny.json');
    const data = JSON.parse(fs.readFileSync(DEFAULT_MODEL_FILE, 'utf8'));
    // a model that only knows its biases: always the same, strongly positive
    fs.writeFileSync(file, JSON.stringify({ ...data, bias: [-5, 5], vocabulary: [], weights: [] }));
    const st = stanceToward('Smith is a disgrace.', { start: 0, end: 5 }, { model: file });
    assert.equal(st.polarity, 1);
    assert.ok(st.probabilities.positive > 0.99);
  });
});

describe('extractFeatures(sentence, start, end)', () => {
  it('masks the mention and tags words by side and distance', () => {
    const s = 'Putin commended Trump’s reaction';
    const f = extractFeatures(s, s.indexOf('Trump'), s.indexOf('Trump') + 5);
    assert.ok(![...f.keys()].some((k) => k.includes('trump')), 'the mention leaks into the features');
    assert.ok(f.has("R0:'s"));
    assert.ok(f.has('L0:commend'));
    assert.ok(f.has('L:putin'));
    assert.ok([...f.keys()].some((k) => k.startsWith('lex:afinn:L0:pos')));
  });

  it('marks words after a negation cue', () => {
    const f = extractFeatures('Smith did not help', 0, 5);
    assert.ok(f.has('R:NOT_help'));
  });
});

describe('fitSoftmax(x, y, classes, options)', () => {
  it('separates three classes of a toy problem, the same way on every run', () => {
    const rows = [[[0, 1]], [[0, 1]], [[1, 1]], [[1, 1]], [[2, 1]], [[2, 1]]] as [number, number][][];
    const x = toSparse(rows, 3);
    const y = [0, 0, 1, 1, 2, 2];
    const a = fitSoftmax(x, y, 3, { l2: 0.01 });
    const b = fitSoftmax(x, y, 3, { l2: 0.01 });
    assert.deepEqual(Array.from(a.weights), Array.from(b.weights));
    const pred = predictProba(a, x).map((p) => p.indexOf(Math.max(...p)));
    assert.deepEqual(pred, y);
  });
});
