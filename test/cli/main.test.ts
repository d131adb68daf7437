import { strict as assert } from 'node:assert';
import { main, type CliIo } from '../../lib/cli/main';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('news-stance CLI', () => {
  it('news-stance corpus prints one row per seed with its cleaned length', async () => {
    const r = await run('corpus');
    assert.equal(r.code, 0);
    assert.match(r.out, /004_f143814072592b7b\s+Firstpost\s+Firstpost\s+reporting\s+sceptical-reporting\s+2024-11-07T21:21/);
    assert.equal(r.out.trim().split('\n').length, 2 + 5);
  });

  it('exits 2 with a one-line message for a corpus folder that does not exist', async () => {
    const r = await run('corpus', '--data', '/no/such/dir');
    assert.equal(r.code, 2);
    assert.equal(r.err, 'news-stance: /no/such/dir: corpus folder not found. Pass the folder that holds the <id>.txt and <id>.json files\n');
  });

  it('exits 2 for an unknown command and for --data without a value', async () => {
    assert.equal((await run('frobnicate')).code, 2);
    const r = await run('corpus', '--data');
    assert.equal(r.code, 2);
    assert.match(r.err, /--data needs a value/);
  });

  it('news-stance help prints the usage', async () => {
    const r = await run('help');
    assert.equal(r.code, 0);
    assert.match(r.out, /^usage: news-stance <command>/);
  });
});
