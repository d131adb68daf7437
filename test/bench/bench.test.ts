import { strict as assert } from 'node:assert';
import { balancedChunks, resolveWorkerFile, scoreCorpusParallel, type ParallelPlan } from '../../lib/analysis/parallel';
import { sentimentMatrix, stanceMatrix } from '../../lib/analysis/matrices';
import { scoreCorpus } from '../../lib/analysis/score-corpus';
import type { Corpus } from '../../lib/corpus/source';
import { generateArticle, generateArticles, generateCorpus, sentencePool } from '../../lib/bench/corpus';
import { runBench, type BenchReport } from '../../lib/bench/run';
import { streamMatrices } from '../../lib/bench/stream';
import { sentencesOf } from '../../lib/text/segment';
import { seedCorpus } from '../helpers/seeds';

const LAST_LINE = /^ratio_vs_natural=\d+\.\d{2} ratio_vs_vader=\d+\.\d{2} rss_mb=\d+ rerun_share=\d+\.\d{3}$/;

/** The built worker must be current for the worker tests; without it they skip, except in CI. */
function needWorkers(ctx: Mocha.Context): void {
  const { file, note } = resolveWorkerFile();
  if (file) return;
  if (process.env.CI) assert.fail(`CI must run the worker tests, but ${note}`);
  console.log(`      skipped: ${note}`);
  ctx.skip();
}

describe('bench corpus generator', () => {
  it('is deterministic: the same seed gives identical texts, another seed different ones', () => {
    const a = generateCorpus(12, { seed: 3 });
    const b = generateCorpus(12, { seed: 3 });
    const c = generateCorpus(12, { seed: 4 });
    assert.deepEqual(a, b);
    assert.deepEqual(
      a.sources.map((s) => s.raw),
      b.sources.map((s) => s.raw),
    );
    assert.notDeepEqual(
      a.sources.map((s) => s.raw),
      c.sources.map((s) => s.raw),
    );
    assert.equal(a.sources.filter((s, i) => s.raw === c.sources[i].raw).length, 0);
  });

  it('makes article i the same whether generated alone, streamed or in a corpus', () => {
    const corpus = generateCorpus(6, { seed: 9 });
    assert.deepEqual(generateArticle(4, { seed: 9 }), corpus.sources[4]);
    assert.deepEqual([...generateArticles(6, { seed: 9 }, 2)], corpus.sources.slice(2));
  });

  it('builds valid sources of about 20 to 40 sentences in paragraphs, without the training file too', () => {
    for (const trainFile of [undefined, null]) {
      const corpus = generateCorpus(20, { seed: 1, trainFile });
      const ids = new Set(corpus.sources.map((s) => s.meta.id));
      assert.equal(ids.size, 20);
      for (const s of corpus.sources) {
        assert.ok(s.paragraphs.length >= 5, `${s.meta.id}: ${s.paragraphs.length} paragraphs`);
        assert.equal(s.text, s.paragraphs.map((p) => p.text).join('\n\n'));
        assert.ok(s.raw.includes(s.paragraphs[0].text));
        const n = sentencesOf(s).length;
        assert.ok(n >= 15 && n <= 60, `${s.meta.id}: ${n} sentences`);
      }
    }
    const seedsOnly = sentencePool({ trainFile: null });
    assert.equal(seedsOnly.train.length, 0);
    assert.ok(seedsOnly.seeds.length > 100);
  });
});

describe('balancedChunks', () => {
  it('cuts weights into contiguous, non-empty ranges of about equal weight', () => {
    assert.deepEqual(balancedChunks([5, 1, 1, 1, 1, 1], 2), [
      [0, 1],
      [1, 6],
    ]);
    const weights = Array.from({ length: 100 }, (_, i) => 1 + (i % 7));
    const chunks = balancedChunks(weights, 8);
    assert.equal(chunks.length, 8);
    assert.equal(chunks[0][0], 0);
    assert.equal(chunks[chunks.length - 1][1], 100);
    const sums = chunks.map(([a, b]) => weights.slice(a, b).reduce((x, y) => x + y, 0));
    for (let i = 1; i < chunks.length; i++) assert.equal(chunks[i][0], chunks[i - 1][1]);
    const ideal = weights.reduce((x, y) => x + y, 0) / 8;
    for (const sum of sums) assert.ok(Math.abs(sum - ideal) <= 7, `sums ${sums}, ideal ${ideal}`);
    assert.deepEqual(balancedChunks([1, 1], 5), [
      [0, 1],
      [1, 2],
    ]);
    assert.deepEqual(balancedChunks([], 3), []);
  });
});

describe('scoreCorpusParallel', function () {
  this.timeout(120000);

  it('gives results deep-equal to scoreCorpus on 2 workers, on a generated corpus and on the seeds', async function () {
    needWorkers(this);
    for (const corpus of [generateCorpus(30, { seed: 5 }), seedCorpus()]) {
      const plans: ParallelPlan[] = [];
      const parallel = await scoreCorpusParallel(corpus, { workers: 2, threshold: 0, onPlan: (p) => plans.push(p) });
      assert.equal(plans.length, 1);
      assert.equal(plans[0].mode, 'workers');
      assert.equal(plans[0].workers, 2);
      assert.deepStrictEqual(parallel, scoreCorpus(corpus));
    }
  });

  it('passes scoring options to the workers', async function () {
    needWorkers(this);
    const corpus = seedCorpus();
    const score = { stance: { method: 'lexicon' as const }, sentiment: { lexicons: ['afinn' as const] } };
    const plans: ParallelPlan[] = [];
    const parallel = await scoreCorpusParallel(corpus, { workers: 2, threshold: 0, score, onPlan: (p) => plans.push(p) });
    assert.equal(plans[0].mode, 'workers');
    assert.deepStrictEqual(parallel, scoreCorpus(corpus, score));
    assert.notDeepStrictEqual(parallel, scoreCorpus(corpus));
  });

  it('does not start workers at or below the threshold', async () => {
    const corpus = generateCorpus(8, { seed: 2 });
    const plans: ParallelPlan[] = [];
    const notes: string[] = [];
    const sentences = await scoreCorpusParallel(corpus, { workers: 2, threshold: 8, onPlan: (p) => plans.push(p), onNote: (l) => notes.push(l) });
    assert.deepEqual(plans.map((p) => [p.mode, p.workers, p.chunks]), [['single', 0, 0]]);
    assert.deepEqual(notes, []);
    assert.deepStrictEqual(sentences, scoreCorpus(corpus));
    const one: ParallelPlan[] = [];
    await scoreCorpusParallel(corpus, { workers: 1, threshold: 0, onPlan: (p) => one.push(p) });
    assert.equal(one[0].mode, 'single');
  });

  it('refuses bad options', async () => {
    const corpus: Corpus = generateCorpus(2);
    await assert.rejects(scoreCorpusParallel(corpus, { workers: 0 }), /options\.workers/);
    await assert.rejects(scoreCorpusParallel(corpus, { threshold: -1 }), /options\.threshold/);
  });
});

describe('streamMatrices', function () {
  this.timeout(60000);
  it('gives the same rows as the matrices of the whole corpus', () => {
    for (const corpus of [generateCorpus(6, { seed: 11 }), seedCorpus()]) {
      const all = scoreCorpus(corpus);
      const streamed = streamMatrices(corpus.sources);
      assert.equal(streamed.sentences, all.length);
      assert.equal(streamed.sources, corpus.sources.length);
      assert.deepStrictEqual(streamed.stance.rows, stanceMatrix(all).rows);
      assert.deepStrictEqual(streamed.stance.targets, stanceMatrix(all).targets);
      assert.deepStrictEqual(streamed.sentiment.rows, sentimentMatrix(all).rows);
    }
  });
});

describe('runBench', function () {
  this.timeout(300000);
  let report: BenchReport;
  const out: string[] = [];
  const err: string[] = [];
  before(async () => {
    report = await runBench({ articles: [40], sizes: [20, 40], stageArticles: 10 }, { out: (t) => out.push(t), err: (t) => err.push(t) });
  });

  it('prints a table and, as the last line, the summary in the agreed format', () => {
    const last = out[out.length - 1];
    assert.match(last, LAST_LINE);
    assert.equal(last, report.lastLine);
    const text = out.join('\n');
    for (const heading of ['Throughput', 'Where the time goes', 'Multi-core', 'Incremental rerun', 'Time against corpus size', 'Peak memory', 'Library import', 'Goals']) {
      assert.ok(text.includes(heading), heading);
    }
    assert.ok(err.some((l) => l.startsWith('bench: ')));
  });

  it('measures on one corpus: ratios, identical multi-core results, a rerun that scores one source', () => {
    assert.ok(report.sentences > 40 * 15);
    assert.equal(report.pipeline.sentences, report.natural.sentences);
    assert.equal(report.vader.sentences, report.sentences);
    assert.ok(report.ratioVsNatural > 0 && report.ratioVsVader > 0);
    assert.equal(report.parallel.identical, true);
    assert.equal(report.cache.scoredOnRerun, 1);
    assert.ok(report.cache.rerunShare > 0 && report.cache.rerunShare < 1);
    assert.deepEqual(
      report.sizes.map((s) => [s.articles, s.mode]),
      [
        [20, 'whole'],
        [40, 'whole'],
        [40, 'stream'],
      ],
    );
    assert.equal(report.sizes[2].sentences, report.sentences);
    assert.ok(report.memory.rssMb > 20);
  });

  it('refuses bad sizes', async () => {
    await assert.rejects(runBench({ articles: [0] }, { out: () => undefined, err: () => undefined }), /options\.articles/);
  });
});
