import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { accuracy, classMetrics, classificationReport, macroF1 } from '../../lib/eval/metrics';
import { evaluateNewsmtsc, formatNewsmtscReport, naturalAfinnPolarity, readNewsmtscDev, vaderPolarity } from '../../lib/eval/newsmtsc';

describe('metrics on small hand-made vectors', () => {
  const gold = [-1, -1, 0, 0, 1, 1];
  const pred = [-1, 0, 0, 0, 1, -1];

  it('accuracy(gold, predicted) counts 4 right of 6', () => {
    assert.equal(accuracy(gold, pred), 4 / 6);
  });

  it('classMetrics gives precision, recall and F1 per class', () => {
    assert.deepEqual(classMetrics(gold, pred, -1), { precision: 0.5, recall: 0.5, f1: 0.5, support: 2, predicted: 2 });
    const neu = classMetrics(gold, pred, 0);
    assert.equal(neu.precision, 2 / 3);
    assert.equal(neu.recall, 1);
    assert.ok(Math.abs(neu.f1 - 0.8) < 1e-12);
    const pos = classMetrics(gold, pred, 1);
    assert.equal(pos.precision, 1);
    assert.ok(Math.abs(pos.f1 - 2 / 3) < 1e-12);
  });

  it('macroF1 is the mean of the three F1 (0.5, 0.8, 2/3)', () => {
    assert.ok(Math.abs(macroF1(gold, pred) - (0.5 + 0.8 + 2 / 3) / 3) < 1e-12);
  });

  it('counts a class never predicted as F1 0, and builds the confusion matrix gold x predicted', () => {
    assert.equal(macroF1([-1, 0, 1], [0, 0, 0]), (0 + 0.5 + 0) / 3);
    assert.deepEqual(classificationReport(gold, pred).confusion, [
      [1, 1, 0],
      [0, 2, 0],
      [1, 0, 1],
    ]);
  });

  it('refuses vectors of different lengths and labels outside -1, 0, 1', () => {
    assert.throws(() => accuracy([1, 0], [1]), { message: 'predicted: gold has 2 labels but predicted has 1. Pass one prediction per gold label' });
    assert.throws(() => macroF1([1, 2], [1, 1]), { message: 'gold: expected -1, 0 or 1 at index 1, got 2' });
  });
});

describe('readNewsmtscDev(file)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-stance-newsmtsc-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, lines: string[]): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    return file;
  };
  const line = (o: Record<string, unknown>): string => JSON.stringify(o);
  const good = { mention: 'Smith', polarity: -1, from: 0, to: 5, sentence: 'Smith lied again and again.', id: 'a' };

  it('reads one target a line, skipping blank lines, with its line number', () => {
    const file = write('ok.jsonl', [line(good), '', line({ ...good, polarity: 1, from: 0, to: 5, sentence: 'Smith was a brilliant, honest leader.', id: 'b' })]);
    const items = readNewsmtscDev(file);
    assert.deepEqual(items.map((i) => [i.id, i.polarity, i.line]), [['a', -1, 1], ['b', 1, 3]]);
  });

  it('names file, line and field of a bad polarity, a bad offset and a mention that is not at its offsets', () => {
    const f1 = write('pol.jsonl', [line(good), line({ ...good, polarity: 4 })]);
    assert.throws(() => readNewsmtscDev(f1), {
      message: `${f1}:2: polarity: expected -1, 0 or 1, got 4. Each line must be {"mention", "polarity", "from", "to", "sentence", "id"}`,
    });
    const f2 = write('off.jsonl', [line({ ...good, to: 99 })]);
    assert.throws(() => readNewsmtscDev(f2), { message: /off\.jsonl:1: to: expected an offset from 0 to 27, got 99\./ });
    const f3 = write('mention.jsonl', [line({ ...good, mention: 'Jones' })]);
    assert.throws(() => readNewsmtscDev(f3), { message: /mention\.jsonl:1: mention: "Jones" is not the text at 0\.\.5 \("Smith"\)\./ });
    const f4 = write('json.jsonl', [line(good), line(good), '{"mention": ']);
    assert.throws(() => readNewsmtscDev(f4), { message: /json\.jsonl:3: not valid JSON\./ });
  });

  it('evaluates a small file and ends the table with "F1m=0.xxx acc=0.xxx n=N"', () => {
    const file = write('small.jsonl', [line(good), line({ ...good, polarity: 1, sentence: 'Smith was a brilliant, honest leader.', id: 'b' })]);
    const report = evaluateNewsmtsc(file);
    assert.deepEqual(report.scorers.map((s) => s.key), ['model', 'lexicon-fallback', 'natural-afinn', 'vader']);
    const text = formatNewsmtscReport(report);
    const last = text.split('\n').pop()!;
    const o = report.ours.report;
    assert.equal(last, `F1m=${o.macroF1.toFixed(3)} acc=${o.accuracy.toFixed(3)} n=2`);
    assert.match(text, /natural AFINN, sentence/);
  });
});

describe('the whole-sentence baselines', () => {
  it('naturalAfinnPolarity and vaderPolarity take the sign of the sentence score', () => {
    assert.equal(naturalAfinnPolarity('Smith was a brilliant, honest leader.'), 1);
    assert.equal(naturalAfinnPolarity('Smith lied and cheated.'), -1);
    assert.equal(naturalAfinnPolarity('Smith met Jones on Tuesday.'), 0);
    assert.equal(vaderPolarity('Smith was a brilliant, honest leader.'), 1);
    assert.equal(vaderPolarity('Smith lied and cheated.'), -1);
    assert.equal(vaderPolarity('Smith met Jones on Tuesday.'), 0);
  });
});

describe('evaluateNewsmtsc(file) on the real NewsMTSC dev files', () => {
  const bench = path.resolve(__dirname, '../../../shared/bench/newsmtsc');
  for (const name of ['rw-dev.jsonl', 'mt-dev.jsonl']) {
    it(`scores ${name}: macro-F1 above both whole-sentence baselines${name === 'rw-dev.jsonl' ? ' and at least 0.68' : ''}`, function () {
      const file = path.join(bench, name);
      if (!fs.existsSync(file)) {
        console.log(`      skipped: ${file} not found (NewsMTSC dev data is not bundled)`);
        this.skip();
      }
      const report = evaluateNewsmtsc(file);
      console.log(formatNewsmtscReport(report).replace(/^/gm, '      '));
      const f = (key: string): number => report.scorers.find((s) => s.key === key)!.report.macroF1;
      assert.equal(report.ours.key, 'model');
      assert.ok(f('model') > f('natural-afinn') + 0.05, 'not clearly above natural AFINN');
      assert.ok(f('model') > f('vader') + 0.05, 'not clearly above VADER');
      assert.ok(f('model') >= (name === 'rw-dev.jsonl' ? 0.68 : 0.62), `F1m ${f('model')}`);
    });
  }
});
