import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scoreCorpusCached } from '../../lib/analysis/cache';
import { decodeScores, encodeScores } from '../../lib/analysis/cache-format';
import { sentimentMatrix, stanceMatrix } from '../../lib/analysis/matrices';
import type { RowKind, RowStore } from '../../lib/analysis/row-store';
import { scoreSource, sourceRef } from '../../lib/analysis/score-corpus';
import type { ScoredSentence } from '../../lib/analysis/types';
import { frame } from '../../lib/io/framed';
import type { Corpus } from '../../lib/corpus/source';
import { seedCorpus } from '../helpers/seeds';

const made: string[] = [];
const tempDir = (): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-stance-cache-'));
  made.push(dir);
  return dir;
};
after(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A row store that counts what its matrices found in it. */
function counting(store: RowStore): RowStore & { hits: Record<RowKind, number> } {
  const hits: Record<RowKind, number> = { stance: 0, sentiment: 0 };
  return {
    hits,
    get(kind, list, key) {
      const row = store.get(kind, list, key);
      if (row !== undefined) hits[kind]++;
      return row;
    },
    set: (kind, list, key, row) => store.set(kind, list, key, row),
    save: () => store.save(),
  };
}

describe('the score cache', function () {
  this.timeout(60000);
  const corpus = seedCorpus();
  const dw = corpus.sources.find((s) => s.meta.label === 'DW')!;

  it('writes a source\'s sentences in a compact form that reads back exactly, key order included', () => {
    const sentences = scoreSource(dw);
    const text = encodeScores(sentences);
    const ref = (): ReturnType<typeof sourceRef> => sourceRef(dw);
    const back = decodeScores(text, ref());
    assert.deepEqual(back, sentences);
    assert.equal(JSON.stringify(back), JSON.stringify(sentences));
    assert.ok(sentences.some((s) => s.mentions.length > 1) && sentences.some((s) => s.speaker !== null));
    assert.ok(text.length < 0.6 * Buffer.byteLength(JSON.stringify(sentences)), `${text.length} vs ${JSON.stringify(sentences).length}`);
    // Cut short anywhere, it is refused, never read as fewer sentences.
    for (const at of [3, 40, Math.floor(text.length / 2), text.length - 8]) assert.throws(() => decodeScores(text.subarray(0, at), ref()), /not a news-stance\/scored-sentences file of version 3/);
  });

  it('refuses a file of another format or a damaged record (the source is then rescored)', () => {
    const ref = sourceRef(dw);
    assert.throws(() => decodeScores(Buffer.from('[]'), ref), /not a news-stance\/scored-sentences file of version 3: too short/);
    assert.throws(() => decodeScores(Buffer.from('{"format":"news-stance/scored-sentences","version":2,"sentences":[]}'), ref), /version 3/);
    const old = frame({ format: 'news-stance/scored-sentences', version: 2, sentences: 0, strings: [] }, '', []);
    assert.throws(() => decodeScores(old, ref), /version 3: format news-stance\/scored-sentences version 2/);
    const dir = tempDir();
    const one: Corpus = { dir: corpus.dir, sources: [dw] };
    scoreCorpusCached(one, { dir });
    const file = fs.readdirSync(dir).find((f) => f.startsWith(`${dw.meta.id}.`))!;
    fs.writeFileSync(path.join(dir, file), '{"format":"news-stance/scored-sentences","version":3,"sentences":[[1]]}');
    const again = scoreCorpusCached(one, { dir });
    assert.deepEqual(again.scored, [dw.meta.id]);
    assert.deepEqual(again.sentences, scoreSource(dw));
  });

  it('keeps per-source matrix rows: a rerun after adding a source makes only that source\'s rows, and they equal fresh ones', () => {
    const dir = tempDir();
    const four: Corpus = { dir: corpus.dir, sources: corpus.sources.filter((s) => s !== dw) };
    const first = scoreCorpusCached(four, { dir });
    const store1 = counting(first.rows);
    const stance1 = stanceMatrix(first.sentences, { rows: store1 });
    sentimentMatrix(first.sentences, { rows: store1 });
    assert.deepEqual(store1.hits, { stance: 0, sentiment: 0 });
    assert.deepEqual(stance1.rows, stanceMatrix(first.sentences).rows);
    assert.equal(fs.readdirSync(dir).filter((f) => f.startsWith('rows-')).length, 2);

    const rerun = scoreCorpusCached(corpus, { dir });
    assert.deepEqual(rerun.scored, [dw.meta.id]);
    const store2 = counting(rerun.rows);
    const stance2 = stanceMatrix(rerun.sentences, { rows: store2 });
    const sentiment2 = sentimentMatrix(rerun.sentences, { rows: store2 });
    assert.deepEqual(store2.hits, { stance: 4, sentiment: 4 });
    // Stored rows equal rows made now, NaN cells (targets never mentioned) included.
    assert.deepEqual(stance2.rows, stanceMatrix(rerun.sentences).rows);
    assert.deepEqual(sentiment2.rows, sentimentMatrix(rerun.sentences).rows);
    assert.ok(stance2.rows.some((r) => Number.isNaN(r.stance.china.value)));
    // Other options are other rows; the voice filter included.
    const store3 = counting(scoreCorpusCached(corpus, { dir }).rows);
    const quoted = stanceMatrix(rerun.sentences, { rows: store3, voice: 'quoted' });
    assert.equal(store3.hits.stance, 0);
    assert.deepEqual(quoted.rows, stanceMatrix(rerun.sentences, { voice: 'quoted' }).rows);
  });

  it('applies an edited label to stored rows, and never matches sentences the caller made', () => {
    const dir = tempDir();
    const first = scoreCorpusCached(corpus, { dir });
    stanceMatrix(first.sentences, { rows: first.rows });
    const relabelled: Corpus = { dir: corpus.dir, sources: corpus.sources.map((s) => (s === dw ? { ...s, meta: { ...s.meta, label: 'Deutsche Welle' } } : s)) };
    const run = scoreCorpusCached(relabelled, { dir });
    assert.equal(run.scored.length, 0);
    const store = counting(run.rows);
    const m = stanceMatrix(run.sentences, { rows: store });
    assert.equal(store.hits.stance, 5);
    assert.equal(m.rows.find((r) => r.source === dw.meta.id)!.label, 'Deutsche Welle');
    // Copies (or changed sentences) are made afresh: a stored row is only for the cache's own objects.
    const copies: ScoredSentence[] = run.sentences.map((s) => ({ ...s, sentiment: s.source === dw.meta.id ? 1 : s.sentiment }));
    const store2 = counting(run.rows);
    const m2 = sentimentMatrix(copies, { rows: store2 });
    assert.equal(store2.hits.sentiment, 0);
    assert.equal(m2.rows.find((r) => r.source === dw.meta.id)!.mean.value, 1);
  });

  it('keeps a row per subset of a source\'s sentences: a selection never gets the whole source\'s row', () => {
    const dir = tempDir();
    const first = scoreCorpusCached(corpus, { dir });
    const whole = sentimentMatrix(first.sentences, { rows: first.rows });
    const run = scoreCorpusCached(corpus, { dir });
    const later = run.sentences.filter((s) => s.paragraph >= 2);
    const store = counting(run.rows);
    const part = sentimentMatrix(later, { rows: store });
    assert.equal(store.hits.sentiment, 0);
    assert.deepEqual(part.rows, sentimentMatrix(later).rows);
    const dwWhole = whole.rows.find((r) => r.source === dw.meta.id)!;
    const dwPart = part.rows.find((r) => r.source === dw.meta.id)!;
    assert.ok(dwPart.sentences < dwWhole.sentences, `${dwPart.sentences} < ${dwWhole.sentences}`);
    // Both are kept: the next run finds each.
    const again = scoreCorpusCached(corpus, { dir });
    const store2 = counting(again.rows);
    sentimentMatrix(again.sentences, { rows: store2 });
    sentimentMatrix(again.sentences.filter((s) => s.paragraph >= 2), { rows: store2 });
    assert.equal(store2.hits.sentiment, 10);
  });

  it('makes the rows again from a damaged rows file', () => {
    const dir = tempDir();
    const first = scoreCorpusCached(corpus, { dir });
    const fresh = stanceMatrix(first.sentences, { rows: first.rows });
    for (const f of fs.readdirSync(dir).filter((x) => x.startsWith('rows-'))) fs.writeFileSync(path.join(dir, f), '{"broken');
    const run = scoreCorpusCached(corpus, { dir });
    const store = counting(run.rows);
    assert.deepEqual(stanceMatrix(run.sentences, { rows: store }).rows, fresh.rows);
    assert.equal(store.hits.stance, 0);
    const again = scoreCorpusCached(corpus, { dir });
    const store2 = counting(again.rows);
    stanceMatrix(again.sentences, { rows: store2 });
    assert.equal(store2.hits.stance, 5);
  });
});
