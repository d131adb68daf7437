import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { jupyterUnavailable } from '../../lib/jupyter/env';
import { executeNotebooks, listNotebooks } from '../../lib/jupyter/notebooks';

/**
 * Every notebook in notebooks/ runs headless on the tslab kernel without a cell error. On a
 * machine without Python the test is skipped with the reason; in CI (CI=true) a missing
 * Jupyter set-up is a failure, never a skip.
 */
describe('notebooks/ executed headless on tslab', function () {
  this.timeout(15 * 60 * 1000);
  const notebooks = listNotebooks();

  it('lists the notebooks in order', () => {
    assert.ok(notebooks.length >= 1);
    assert.deepEqual(notebooks.map((n) => path.basename(n)), [...notebooks.map((n) => path.basename(n))].sort());
    for (const nb of notebooks) {
      const json = JSON.parse(fs.readFileSync(nb, 'utf8')) as { metadata: { kernelspec: { name: string } }; cells: Array<{ outputs?: unknown[] }> };
      assert.equal(json.metadata.kernelspec.name, 'tslab', nb);
      assert.ok(json.cells.every((c) => !c.outputs || c.outputs.length === 0), `${nb} is committed with outputs`);
    }
  });

  it('runs every notebook without a cell error', async function () {
    const why = jupyterUnavailable();
    if (why) {
      if (process.env.CI) assert.fail(`CI must run the notebooks, but ${why}`);
      console.log(`      skipped: ${why}`);
      this.skip();
    }
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-stance-nb-'));
    const runs = await executeNotebooks(notebooks, { outDir });
    for (const run of runs) {
      assert.ok(run.ok, `${path.basename(run.notebook)} failed at cell ${run.error?.cell}: ${run.error?.ename}: ${run.error?.evalue}\n${run.error?.source ?? ''}`);
    }
    assert.equal(runs.length, notebooks.length);
    // The corpus overview shows the five seed labels in its table.
    const overview = fs.readFileSync(path.join(outDir, '01-corpus-overview.ipynb'), 'utf8');
    for (const label of ['Kremlin', 'Time.news interview', 'DW', 'Putin confident', 'Firstpost']) assert.ok(overview.includes(label), label);
  });
});
