import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { sentimentMatrix, stanceMatrix } from '../../lib/analysis/matrices';
import { scoreCorpusCached } from '../../lib/analysis/cache';
import { main, type CliIo } from '../../lib/cli/main';
import { loadCorpus } from '../../lib/corpus/load';
import { DATA_DIR, SEED_IDS } from '../helpers/seeds';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'sources');
const SIXTH = path.resolve(__dirname, '..', '..', 'data', 'examples', 'test-wire-thaw.txt');

/** A temporary corpus folder holding copies of the five seeds. */
function seedCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-stance-add-'));
  for (const id of SEED_IDS) for (const ext of ['.txt', '.json']) fs.copyFileSync(path.join(DATA_DIR, id + ext), path.join(dir, id + ext));
  return dir;
}

/** Names and hashes of every file in a folder: equal snapshots mean byte-identical contents. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(dir).sort()) out[name] = createHash('sha256').update(fs.readFileSync(path.join(dir, name))).digest('hex');
  return out;
}

async function run(argv: string[], stdin: Buffer = Buffer.alloc(0)): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), readStdin: async () => stdin, ask: null };
  const code = await main(argv, io);
  return { code, out, err };
}

/** Serves fixed pages on 127.0.0.1 for the URL imports. */
async function serve(pages: Record<string, { type: string; body: string | Buffer }>): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const page = pages[req.url ?? ''];
    if (!page) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': page.type }).end(page.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('news-stance add', function () {
  this.timeout(60000);
  const META = ['--outlet', 'Test Wire', '--kind', 'reporting', '--group', 'sceptical-reporting', '--title', 'Analysts see little room for a quick thaw', '--date', '2024-11-12'];

  it('adds a sixth source from a .txt file, and the matrices include it while the seed rows do not change', async () => {
    const dir = seedCopy();
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-stance-cache-'));
    const before = scoreCorpusCached(loadCorpus(dir), { dir: cacheDir });
    const stanceBefore = stanceMatrix(before.sentences);
    const sentimentBefore = sentimentMatrix(before.sentences);

    const r = await run(['add', SIXTH, '--data', dir, ...META]);
    assert.equal(r.code, 0, r.err);
    const id = fs.readdirSync(dir).find((n) => n.startsWith('005_') && n.endsWith('.json'))!.slice(0, -5);
    assert.match(id, /^005_[0-9a-f]{16}$/);
    assert.match(r.out, new RegExp(`^added ${id}: "Analysts see little room for a quick thaw" \\(Test Wire; reporting, sceptical-reporting, 2024-11-12\\)`));
    assert.equal(fs.readFileSync(path.join(dir, `${id}.txt`), 'utf8'), fs.readFileSync(SIXTH, 'utf8'));
    const meta = JSON.parse(fs.readFileSync(path.join(dir, `${id}.json`), 'utf8'));
    assert.deepEqual(meta, { id, label: 'Test Wire', outlet: 'Test Wire', title: 'Analysts see little room for a quick thaw', url: null, date: '2024-11-12', kind: 'reporting', group: 'sceptical-reporting', origin: 'test-wire-thaw.txt', language: 'en' });

    const after = scoreCorpusCached(loadCorpus(dir), { dir: cacheDir });
    assert.deepEqual(after.scored, [id], 'only the new source is scored');
    assert.deepEqual(after.cached, [...SEED_IDS]);
    const stanceAfter = stanceMatrix(after.sentences);
    assert.deepEqual(stanceAfter.rows.map((x) => x.label), [...stanceBefore.rows.map((x) => x.label), 'Test Wire']);
    assert.deepEqual(stanceAfter.rows.slice(0, 5), stanceBefore.rows);
    assert.deepEqual(sentimentMatrix(after.sentences).rows.slice(0, 5), sentimentBefore.rows);
    const sixth = stanceAfter.rows[5];
    assert.ok(sixth.optimism.value < 0, 'the sixth article is sceptical about relations');
    assert.ok(sixth.stance.russia.mentions > 0 && sixth.stance['united-states'].mentions > 0);
  });

  it('cleans the added text like the seeds: byline, promo and copyright lines go', async () => {
    const dir = seedCopy();
    assert.equal((await run(['add', SIXTH, '--data', dir, ...META])).code, 0);
    const s = loadCorpus(dir).sources[5];
    assert.deepEqual(s.removed.map((x) => x.rule), ['byline', 'read-more', 'copyright']);
  });

  it('imports a web page served on 127.0.0.1 with Readability, taking title, site name and date from the page', async () => {
    const dir = seedCopy();
    const server = await serve({ '/world/thaw': { type: 'text/html; charset=utf-8', body: fs.readFileSync(path.join(FIXTURES, 'sixth-article.html')) } });
    try {
      const r = await run(['add', `${server.url}/world/thaw`, '--data', dir, '--kind', 'reporting']);
      assert.equal(r.code, 0, r.err);
      const file = fs.readdirSync(dir).find((n) => n.startsWith('005_') && n.endsWith('.json'))!;
      const meta = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
      assert.equal(meta.outlet, 'Test Wire');
      assert.equal(meta.date, '2024-11-12T08:30');
      assert.equal(meta.url, `${server.url}/world/thaw`);
      assert.equal(meta.group, 'other');
      const text = fs.readFileSync(path.join(dir, file.replace('.json', '.txt')), 'utf8');
      assert.ok(text.includes('Kremlin spokesman Dmitry Peskov said on Tuesday'));
      assert.ok(!text.includes('Most read') && !text.includes('Markets rally'), 'page chrome is not article text');

      // The same URL again is refused, and data/ stays as it was.
      const snap = snapshot(dir);
      const again = await run(['add', `${server.url}/world/thaw#comments`, '--data', dir, '--kind', 'reporting']);
      assert.equal(again.code, 2);
      assert.match(again.err, /this URL is already in the corpus as "005_[0-9a-f]{16}" \(Test Wire\)\. Pass --force to add it again/);
      assert.deepEqual(snapshot(dir), snap);
    } finally {
      await server.close();
    }
  });

  it('imports from stdin', async () => {
    const dir = seedCopy();
    const r = await run(['add', '-', '--data', dir, ...META], fs.readFileSync(SIXTH));
    assert.equal(r.code, 0, r.err);
    const meta = JSON.parse(fs.readFileSync(path.join(dir, fs.readdirSync(dir).find((n) => n.startsWith('005_') && n.endsWith('.json'))!), 'utf8'));
    assert.equal(meta.origin, 'stdin');
  });

  describe('refuses with exit code 2, a message naming the problem, and data/ byte-identical', () => {
    const cases: Array<{ name: string; argv: (dir: string, tmp: string) => string[]; stdin?: Buffer; message: RegExp }> = [
      { name: 'empty text', argv: (d) => ['add', '-', '--data', d, ...META], stdin: Buffer.from(''), message: /-: input is empty or only white space/ },
      { name: 'whitespace only', argv: (d) => ['add', '-', '--data', d, ...META], stdin: Buffer.from(' \n\t\n '), message: /input is empty or only white space/ },
      { name: 'binary input', argv: (d, t) => ['add', write(t, 'x.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])), '--data', d, ...META], message: /x\.txt: input looks binary \(contains NUL bytes\)/ },
      { name: 'non-UTF-8 input', argv: (d, t) => ['add', write(t, 'latin1.txt', Buffer.from('Moskau und Washington sprechen \xfcber Sanktionen.', 'latin1')), '--data', d, ...META], message: /latin1\.txt: input is not valid UTF-8/ },
      { name: 'a file over the size limit', argv: (d, t) => ['add', write(t, 'big.txt', Buffer.alloc(2 * 1024 * 1024 + 1, 'a')), '--data', d, ...META], message: /big\.txt: input is 2\.0 MiB, over the 2 MiB limit/ },
      { name: 'a malformed date', argv: (d) => ['add', SIXTH, '--data', d, ...META, '--date', 'yesterday'], message: /date: --date "yesterday" is not a date\. Use YYYY-MM-DD/ },
      { name: 'an unknown kind', argv: (d) => ['add', SIXTH, '--data', d, ...META, '--kind', 'blog'], message: /kind: --kind "blog" is not one of explainer, reporting, interview, opinion, other/ },
      { name: 'missing metadata without a terminal', argv: (d) => ['add', SIXTH, '--data', d], message: /missing metadata: outlet, title, kind\. Pass --outlet --title --kind/ },
      { name: 'a duplicate id', argv: (d) => ['add', SIXTH, '--data', d, ...META, '--id', '004_f143814072592b7b'], message: /004_f143814072592b7b\.txt: a source with id "004_f143814072592b7b" already exists\. Choose another --id, or pass --force to replace it/ },
      {
        name: 'a near-duplicate of a seed',
        argv: (d, t) => ['add', write(t, 'copy.txt', `Republished with a new introduction.\n\n${fs.readFileSync(path.join(DATA_DIR, '004_f143814072592b7b.txt'), 'utf8')}`), '--data', d, ...META],
        message: /the text is a near-duplicate of "004_f143814072592b7b" \(Firstpost\): \d+% of its 5-word shingles are shared/,
      },
      { name: 'non-English text', argv: (d) => ['add', path.join(FIXTURES, 'german.txt'), '--data', d, ...META], message: /german\.txt: text does not look like English \(\d+% common English words.*pass --allow-non-english to add it anyway/ },
      { name: 'an unsupported file type', argv: (d, t) => ['add', write(t, 'article.pdf', '%PDF-1.4'), '--data', d, ...META], message: /article\.pdf: unsupported file type "\.pdf"/ },
      { name: 'a missing file', argv: (d) => ['add', '/no/such/article.txt', '--data', d, ...META], message: /\/no\/such\/article\.txt: file not found/ },
    ];
    function write(dir: string, name: string, content: string | Buffer): string {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      return file;
    }
    for (const c of cases) {
      it(c.name, async () => {
        const dir = seedCopy();
        const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'news-stance-in-'));
        const snap = snapshot(dir);
        const r = await run(c.argv(dir, tmp), c.stdin);
        assert.equal(r.code, 2, r.err);
        assert.match(r.err, c.message);
        assert.equal(r.err.trim().split('\n').length, 1, 'one line');
        assert.deepEqual(snapshot(dir), snap);
      });
    }

    it('a page with no article text', async () => {
      const dir = seedCopy();
      const snap = snapshot(dir);
      const server = await serve({ '/empty': { type: 'text/html', body: fs.readFileSync(path.join(FIXTURES, 'no-article.html')) } });
      try {
        const r = await run(['add', `${server.url}/empty`, '--data', dir, ...META]);
        assert.equal(r.code, 2);
        assert.match(r.err, /\/empty: the page has no article text \(Readability found none\)/);
        assert.deepEqual(snapshot(dir), snap);
      } finally {
        await server.close();
      }
    });
  });

  it('adds non-English text with --allow-non-english, warning', async () => {
    const dir = seedCopy();
    const r = await run(['add', path.join(FIXTURES, 'german.txt'), '--data', dir, ...META, '--allow-non-english', '--language', 'de']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /warning: text does not look like English/);
  });

  it('replaces an existing source only with --force', async () => {
    const dir = seedCopy();
    const r = await run(['add', SIXTH, '--data', dir, ...META, '--id', '004_f143814072592b7b', '--force']);
    assert.equal(r.code, 0, r.err);
    assert.equal(loadCorpus(dir).sources.find((s) => s.meta.id === '004_f143814072592b7b')!.meta.outlet, 'Test Wire');
  });
});
