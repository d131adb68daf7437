import * as path from 'node:path';
import { loadCorpus } from '../../lib/corpus/load';
import type { Corpus, Source } from '../../lib/corpus/source';

/** The five seed ids, in corpus order. */
export const SEED_IDS = ['000_2d5dd5bf776e6df2', '001_0179c88bf8765c69', '002_cf728af4b34f76ca', '003_e92f0674aa98e83b', '004_f143814072592b7b'] as const;

/** data/sources of this checkout. */
export const DATA_DIR = path.resolve(__dirname, '..', '..', 'data', 'sources');

/** ../shared/seeds beside the checkout, where the seeds were collected (may be absent). */
export const SHARED_SEEDS = path.resolve(__dirname, '..', '..', '..', 'shared', 'seeds');

let corpus: Corpus | undefined;
/** The bundled corpus, loaded once for all tests (only the five seeds). */
export function seedCorpus(): Corpus {
  corpus ??= loadCorpus(DATA_DIR, { ids: SEED_IDS });
  return corpus;
}

/** A seed source by its id prefix ('000' ... '004'). */
export function seed(prefix: string): Source {
  const s = seedCorpus().sources.find((x) => x.meta.id.startsWith(prefix));
  if (!s) throw new Error(`no seed ${prefix}`);
  return s;
}
