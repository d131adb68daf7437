import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadCorpus } from '../../lib/corpus/load';
import { formatMeta, parseMeta } from '../../lib/corpus/meta';
import { NewsStanceError } from '../../lib/errors';
import { DATA_DIR, SEED_IDS, SHARED_SEEDS, seed, seedCorpus } from '../helpers/seeds';

function tempCorpus(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-stance-'));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

const META = (over: Record<string, unknown> = {}): string =>
  JSON.stringify({ id: 'x1', label: 'X', outlet: 'X News', title: 'A title', url: null, date: null, kind: 'reporting', group: 'other', origin: 'x1.txt', language: 'en', ...over }, null, 2);

function throwsAt(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof NewsStanceError, String(err));
    assert.match(err.message, pattern);
    return true;
  });
}

describe('loadCorpus(dir)', () => {
  it('loads the five seeds in id order with their metadata', () => {
    const c = seedCorpus();
    assert.deepEqual(c.sources.map((s) => s.meta.id), [...SEED_IDS]);
    assert.deepEqual(c.sources.map((s) => [s.meta.kind, s.meta.group]), [
      ['explainer', 'optimistic-explainer'],
      ['interview', 'other'],
      ['reporting', 'sceptical-reporting'],
      ['explainer', 'optimistic-explainer'],
      ['reporting', 'sceptical-reporting'],
    ]);
    assert.equal(seed('004').meta.date, '2024-11-07T21:21');
    assert.equal(seed('004').meta.url, 'https://www.firstpost.com/world/united-states/what-does-russia-vladimir-putin-want-from-donald-trump-america-13833371.html');
  });

  it('keeps each raw text byte for byte as stored in data/', () => {
    for (const s of seedCorpus().sources) {
      assert.equal(Buffer.from(s.raw, 'utf8').equals(fs.readFileSync(path.join(DATA_DIR, `${s.meta.id}.txt`))), true, s.meta.id);
      assert.equal(s.meta.origin, `${s.meta.id}.txt`);
    }
  });

  it('stores the seeds exactly as collected in ../shared/seeds', function () {
    if (!fs.existsSync(SHARED_SEEDS)) {
      console.log(`      skipped: ${SHARED_SEEDS} is not on this machine`);
      this.skip();
    }
    for (const id of SEED_IDS) {
      assert.ok(fs.readFileSync(path.join(SHARED_SEEDS, `${id}.txt`)).equals(fs.readFileSync(path.join(DATA_DIR, `${id}.txt`))), id);
    }
  });

  it('agrees with what the Firstpost text itself says about its URL and date', () => {
    const raw = seed('004').raw;
    const link = decodeURIComponent(/Source link : \S*url=([^&\s]+)/.exec(raw)![1]);
    assert.equal(seed('004').meta.url, link);
    assert.equal(/Publish date : (\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})/.exec(raw)!.slice(1).join('T'), seed('004').meta.date);
  });

  it('refuses a text without its metadata file, naming both', () => {
    throwsAt(() => loadCorpus(tempCorpus({ 'x1.txt': 'Some text.' })), /x1\.txt: no metadata file x1\.json beside the text/);
  });

  it('refuses metadata without a text file', () => {
    throwsAt(() => loadCorpus(tempCorpus({ 'x1.json': META() })), /x1\.json: metadata without a text file \(x1\.txt\)/);
  });

  it('reports invalid JSON with its line', () => {
    throwsAt(() => loadCorpus(tempCorpus({ 'x1.txt': 'Text.', 'x1.json': '{\n  "id": "x1",\n  "label": \n}' })), /x1\.json:4: not valid JSON/);
  });

  it('reports a bad group with file, line, field and the allowed values', () => {
    const dir = tempCorpus({ 'x1.txt': 'Text.', 'x1.json': META({ group: 'optimistic' }) });
    throwsAt(() => loadCorpus(dir), /x1\.json:9: group: "optimistic" is not one of optimistic-explainer, sceptical-reporting, other/);
  });

  it('reports a missing field, an id that does not match the file, a bad date and an unknown field', () => {
    throwsAt(() => parseMeta('{"id": "x1"}', 'm.json', 'x1'), /m\.json:1: label: missing required field/);
    throwsAt(() => parseMeta(META(), 'y.json', 'y'), /y\.json:2: id: "x1" does not match the file name \(y\)/);
    throwsAt(() => parseMeta(META({ date: '7 Nov 2024' }), 'x1.json', 'x1'), /date: "7 Nov 2024" is not an ISO date/);
    throwsAt(() => parseMeta(META({ autor: 'me' }), 'x1.json', 'x1'), /autor: unknown field/);
    throwsAt(() => parseMeta(META({ url: 'www.example.com' }), 'x1.json', 'x1'), /url: "www.example.com" is not an http\(s\) URL/);
  });

  it('refuses non-UTF-8 and binary text files', () => {
    throwsAt(() => loadCorpus(tempCorpus({ 'x1.txt': Buffer.from([0x50, 0x75, 0x74, 0x69, 0x6e, 0xe9, 0x0a]), 'x1.json': META() })), /x1\.txt: is not valid UTF-8/);
    throwsAt(() => loadCorpus(tempCorpus({ 'x1.txt': Buffer.from([0x50, 0x00, 0x01]), 'x1.json': META() })), /x1\.txt: looks binary/);
  });

  it('refuses a folder that is missing or empty, and a text with nothing left after cleaning', () => {
    throwsAt(() => loadCorpus('/no/such/folder'), /\/no\/such\/folder: corpus folder not found/);
    throwsAt(() => loadCorpus(tempCorpus({})), /holds no sources/);
    throwsAt(() => loadCorpus(tempCorpus({ 'x1.txt': 'Exit mobile version\n0 Comments\n', 'x1.json': META() })), /x1\.txt: has no article text left after cleaning/);
  });

  it('round-trips metadata through formatMeta and parseMeta', () => {
    const meta = seed('002').meta;
    assert.deepEqual(parseMeta(formatMeta(meta), 'm.json', meta.id), meta);
    assert.equal(formatMeta(meta), fs.readFileSync(path.join(DATA_DIR, `${meta.id}.json`), 'utf8'));
  });
});
