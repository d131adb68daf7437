import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze, type Analysis } from '../../lib/analysis/analyze';
import { scoreCorpusCached } from '../../lib/analysis/cache';
import { compareGroups } from '../../lib/analysis/compare-groups';
import { analysisDocument } from '../../lib/analysis/document';
import { sentimentMatrix, stanceMatrix } from '../../lib/analysis/matrices';
import { meanInterval, shareInterval } from '../../lib/stats/intervals';
import { scoreCorpus } from '../../lib/analysis/score-corpus';
import { main, type CliIo } from '../../lib/cli/main';
import { NewsStanceError } from '../../lib/errors';
import { writeAnalysis } from '../../lib/io/write-analysis';
import { stanceRows } from '../../lib/tables/matrix-rows';
import { seedCorpus } from '../helpers/seeds';

describe('analysis of the five seeds', function () {
  this.timeout(60000);
  let a: Analysis;
  before(() => {
    a = analyze(seedCorpus());
  });
  const row = (label: string) => a.stance.rows.find((r) => r.label === label)!;

  it('stanceMatrix(corpus) has a row per source, a cell per target and the optimism index', () => {
    assert.deepEqual(a.stance.rows.map((r) => r.label), ["Kremlin's view", 'Time.news interview', 'DW', 'Putin confident', 'Firstpost']);
    assert.deepEqual(a.stance.targets.map((t) => t.id), ['trump', 'putin', 'united-states', 'russia', 'nato', 'ukraine', 'sanctions', 'eu', 'china']);
    for (const r of a.stance.rows) {
      for (const t of a.stance.targets) {
        const cell = r.stance[t.id];
        if (cell.mentions === 0) assert.ok(Number.isNaN(cell.value));
        else assert.ok(cell.low <= cell.value && cell.value <= cell.high && cell.value >= -1 && cell.value <= 1, `${r.label} ${t.id}`);
      }
    }
    assert.equal(row('Firstpost').stance.trump.mentions, 27);
    assert.equal(row("Kremlin's view").stance.china.mentions, 0);
  });

  it('both explainers score a higher optimism index than both sceptical reports', () => {
    for (const e of ["Kremlin's view", 'Putin confident']) {
      for (const r of ['DW', 'Firstpost']) assert.ok(row(e).optimism.value > row(r).optimism.value, `${e} > ${r}`);
    }
    assert.equal(a.verdict.ordered, true);
    assert.match(a.verdict.text, /^Every optimistic explainer scores a higher optimism index than every sceptical report/);
  });

  it('pins the optimism index of each seed', () => {
    const got = a.stance.rows.map((r) => [r.label, Number(r.optimism.value.toFixed(3)), r.optimism.sentences]);
    assert.deepEqual(got, [
      ["Kremlin's view", 0.149, 82],
      ['Time.news interview', 0.117, 26],
      ['DW', -0.114, 30],
      ['Putin confident', 0.174, 30],
      ['Firstpost', -0.217, 33],
    ]);
  });

  it('compareGroups(stance) finds the optimism gap with a CI above zero and at least a medium effect', () => {
    const c = a.comparisons.find((x) => x.measure === 'optimism')!;
    assert.equal(c.groupA, 'optimistic-explainer');
    assert.ok(c.difference.low > 0, JSON.stringify(c.difference));
    assert.ok(c.p < 0.01);
    assert.ok(c.effectSize >= 0.5);
    assert.equal(c.a.n + c.b.n, 82 + 30 + 30 + 33);
    assert.ok(a.comparisons.every((x) => x.method === 'resampling'), 'the seeds are far below 5,000 values');
  });

  it('compareGroups above resampleUpTo uses the large-sample limits, which agree with the resampling on the seeds', () => {
    const exact = a.comparisons.find((x) => x.measure === 'optimism')!;
    const large = compareGroups(a.stance, { resampleUpTo: 0 }).find((x) => x.measure === 'optimism')!;
    assert.equal(large.method, 'large-sample');
    const values = (group: string): number[] => a.sentences.filter((s) => s.group === group && s.claimCue).map((s) => s.optimism);
    assert.deepEqual(large.a, { ...meanInterval(values('optimistic-explainer')), n: exact.a.n });
    assert.equal(large.difference.value, exact.difference.value);
    assert.ok(Math.abs(large.difference.low - exact.difference.low) < 0.02 && Math.abs(large.difference.high - exact.difference.high) < 0.02, `${JSON.stringify(large.difference)} vs ${JSON.stringify(exact.difference)}`);
    assert.ok(large.p < 0.001 && exact.p < 0.001);
    assert.equal(large.effectSize, exact.effectSize);
    const median = compareGroups(a.sentiment, { resampleUpTo: 0 }).find((x) => x.measure === 'sentiment:median')!;
    assert.ok(median.difference.low < median.difference.value && median.difference.value < median.difference.high);
    assert.throws(() => compareGroups(a.stance, { resampleUpTo: -1 }), /resampleUpTo: expected a number of values/);
  });

  it('sentimentMatrix(corpus) profiles every source with CIs and the quoted share from speaker attribution', () => {
    assert.equal(a.sentiment.rows.length, 5);
    const dw = a.sentiment.rows.find((r) => r.label === 'DW')!;
    assert.equal(dw.sentences, 52);
    assert.ok(dw.quoteShare.value > 0.4, 'DW quotes a lot');
    assert.ok(a.sentiment.rows.find((r) => r.label === "Kremlin's view")!.quoteShare.value < 0.2, 'the explainer mostly speaks in its own voice');
    assert.ok(a.sentiment.rows.find((r) => r.label === 'Putin confident')!.hedgeRate.value > dw.hedgeRate.value, 'the explainer hedges more');
  });

  it('per-source intervals come from formulas (Wilson for shares, t for means), the bootstrap on request', () => {
    const dw = a.sentiment.rows.find((r) => r.label === 'DW')!;
    const quoted = a.sentences.filter((s) => s.label === 'DW' && s.quoted).length;
    assert.deepEqual(dw.quoteShare, shareInterval(quoted, 52));
    const dwSentiment = a.sentences.filter((s) => s.label === 'DW').map((s) => s.sentiment);
    assert.deepEqual(dw.mean, meanInterval(dwSentiment, { range: { min: -1, max: 1 } }));
    assert.ok(dw.median.low <= dw.median.value && dw.median.value <= dw.median.high);
    for (const r of a.stance.rows) {
      for (const cell of Object.values(r.stance)) if (cell.mentions === 1) assert.deepEqual([cell.low, cell.high], [-1, 1], 'one mention says nothing about spread');
    }
    const boot = sentimentMatrix(a.sentences, { intervals: 'bootstrap' }).rows.find((r) => r.label === 'DW')!;
    assert.equal(boot.mean.value, dw.mean.value);
    assert.notEqual(boot.mean.low, dw.mean.low);
    assert.throws(() => sentimentMatrix(a.sentences, { intervals: 'exact' as 'formula' }), /intervals: expected 'formula' or 'bootstrap', got "exact"/);
  });

  it('speakerTable tells quoted sceptics from the writer: Medvedev in Firstpost is sceptical', () => {
    const medvedev = a.speakers.find((r) => r.label === 'Firstpost' && r.speaker === 'Dmitry Medvedev')!;
    assert.ok(medvedev.optimism.value < 0);
    assert.ok(a.speakers.some((r) => r.label === 'Firstpost' && r.speaker === 'writer'));
  });

  it('reruns give identical matrices (seeded bootstrap)', () => {
    assert.deepEqual(stanceMatrix(a.sentences).rows, a.stance.rows);
    assert.deepEqual(sentimentMatrix(a.sentences).rows, a.sentiment.rows);
  });

  it('analysisDocument has the documented shape, origin the seed file name, null for no mentions', () => {
    const doc = JSON.parse(JSON.stringify(analysisDocument(a.stance, a.sentiment)));
    const fp = doc.sources[4];
    assert.deepEqual(Object.keys(fp), ['id', 'label', 'origin', 'group', 'optimism', 'sentiment', 'stance']);
    assert.equal(fp.origin, '004_f143814072592b7b.txt');
    assert.deepEqual(Object.keys(fp.optimism), ['value', 'low', 'high', 'sentences']);
    assert.equal(doc.sources[0].stance.china.value, null);
    assert.equal(doc.sources[0].stance.china.mentions, 0);
  });

  it('writeAnalysis writes CSV and JSON files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-stance-out-'));
    const files = writeAnalysis(a, dir).map((f) => path.basename(f));
    assert.deepEqual(files, ['sentiment-matrix.csv', 'stance-matrix.csv', 'group-comparison.csv', 'speakers.csv', 'sentences.csv', 'sentiment-matrix.json', 'stance-matrix.json', 'group-comparison.json', 'analysis.json']);
    const csv = fs.readFileSync(path.join(dir, 'stance-matrix.csv'), 'utf8').split('\n');
    assert.match(csv[0], /^source,label,group,optimism,optimism_low,optimism_high,optimism_sentences,trump,trump_low,trump_high,trump_mentions/);
    assert.equal(csv.filter(Boolean).length, 6);
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dir, 'stance-matrix.json'), 'utf8')), JSON.parse(JSON.stringify(stanceRows(a.stance))));
  });

  it('scoreCorpusCached returns exactly scoreCorpus, and serves a rerun from the cache', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-stance-cache-'));
    const cold = scoreCorpusCached(seedCorpus(), { dir });
    assert.equal(cold.scored.length, 5);
    assert.deepEqual(cold.sentences, scoreCorpus(seedCorpus()));
    const warm = scoreCorpusCached(seedCorpus(), { dir });
    assert.deepEqual(warm.cached.length, 5);
    assert.deepEqual(warm.sentences, cold.sentences);
    assert.equal(scoreCorpusCached(seedCorpus(), { dir, noCache: true }).scored.length, 5);
  });

  it('compareGroups refuses a matrix without sentences and a group nobody is in', () => {
    assert.throws(() => compareGroups({ rows: [] }), (e: unknown) => e instanceof NewsStanceError && /matrix\.sentences: the matrix carries no sentences/.test(e.message));
    assert.throws(() => compareGroups(a.stance, { groups: ['other', 'other'] }), /options\.groups: expected two different groups/);
    const onlyExplainers = stanceMatrix(a.sentences.filter((s) => s.group !== 'sceptical-reporting'));
    assert.throws(() => compareGroups(onlyExplainers), /no source is in group "sceptical-reporting"/);
  });

  it('news-stance analyze --json prints one JSON document and writes nothing', async () => {
    let out = '';
    const io: CliIo = { out: (t) => (out += t), err: () => undefined };
    assert.equal(await main(['analyze', '--json', '--no-cache'], io), 0);
    const doc = JSON.parse(out);
    assert.equal(doc.sources.length >= 5, true);
    assert.deepEqual(Object.keys(doc.sources[0].stance.trump), ['value', 'low', 'high', 'mentions']);
  });
});
