/**
 * Worker thread of {@link scoreCorpusParallel} (lib/analysis/parallel.ts), run from its built
 * form dist/analysis/worker.js. It receives chunks of plain source records (meta, raw,
 * paragraphs), scores each source with `scoreSource` exactly as the main thread would, and
 * posts the scored sentences back with the chunk's number.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Paragraph, Source, SourceMeta } from '../corpus/source';
import { scoreSource, type ScoreOptions } from './score-corpus';
import type { ScoredSentence } from './types';

/** What the main thread sends for one source: the plain parts of a {@link Source}. */
export interface PlainSource {
  meta: SourceMeta;
  raw: string;
  paragraphs: Paragraph[];
}

/** A chunk of work: contiguous sources of the corpus. */
export interface WorkerRequest {
  chunk: number;
  sources: PlainSource[];
}

/** The answer to a {@link WorkerRequest}: the chunk's scored sentences in source order, or the error. */
export type WorkerResponse = { chunk: number; sentences: ScoredSentence[] } | { chunk: number; error: { message: string; name: string; stack?: string } };

/** What the worker is started with. */
export interface WorkerInit {
  score?: ScoreOptions;
}

/** A full Source from its plain parts (what scoreSource reads: meta and paragraphs). */
export function fromPlain(p: PlainSource): Source {
  return { meta: p.meta, raw: p.raw, paragraphs: p.paragraphs, text: p.paragraphs.map((x) => x.text).join('\n\n'), removed: [], files: { text: p.meta.origin, meta: `${p.meta.id}.json` } };
}

if (parentPort) {
  const port = parentPort;
  const init = (workerData ?? {}) as WorkerInit;
  port.on('message', (request: WorkerRequest) => {
    let response: WorkerResponse;
    try {
      const sentences: ScoredSentence[] = [];
      for (const plain of request.sources) {
        for (const s of scoreSource(fromPlain(plain), init.score)) sentences.push(s);
      }
      response = { chunk: request.chunk, sentences };
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err));
      response = { chunk: request.chunk, error: { message: e.message, name: e.name, stack: e.stack } };
    }
    port.postMessage(response);
  });
}
