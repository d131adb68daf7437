import * as fs from 'node:fs';
import * as path from 'node:path';
import { NewsStanceError } from '../errors';
import { cleanText, type CleanOptions } from './clean';
import { parseMeta } from './meta';
import type { Corpus, Source } from './source';

/** Options of {@link loadCorpus}. */
export interface LoadOptions {
  /** Options passed to {@link cleanText} for every source. Default `{}`. */
  clean?: CleanOptions;
  /** Load only these ids (in corpus order). Default: all. */
  ids?: readonly string[];
}

/** The folder of the bundled corpus: `data/sources` in the package. */
export const DEFAULT_CORPUS_DIR = path.resolve(__dirname, '..', '..', 'data', 'sources');

/** Decodes a file as UTF-8, refusing bytes that are not valid UTF-8 or that look binary. */
export function readUtf8(file: string): string {
  const bytes = fs.readFileSync(file);
  if (bytes.includes(0)) throw new NewsStanceError('looks binary (contains NUL bytes)', { file }, 'Sources must be UTF-8 text');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new NewsStanceError('is not valid UTF-8', { file }, 'Re-save the file as UTF-8');
  }
}

/**
 * Reads one source from its two files, `<id>.txt` (the text, kept byte for byte) and
 * `<id>.json` (its metadata), and cleans the text.
 */
export function loadSource(textFile: string, options: LoadOptions = {}): Source {
  const id = path.basename(textFile, '.txt');
  const metaFile = path.join(path.dirname(textFile), `${id}.json`);
  if (!fs.existsSync(metaFile)) {
    throw new NewsStanceError(`no metadata file ${path.basename(metaFile)} beside the text`, { file: textFile }, 'Copy an existing .json of data/sources and edit it (README.md "Corpus format")');
  }
  const meta = parseMeta(readUtf8(metaFile), metaFile, id);
  const raw = readUtf8(textFile);
  const cleaned = cleanText(raw, options.clean);
  if (cleaned.paragraphs.length === 0) {
    throw new NewsStanceError('has no article text left after cleaning', { file: textFile }, 'Check that the file holds the article and not only page chrome');
  }
  return { meta, raw, ...cleaned, files: { text: textFile, meta: metaFile } };
}

/**
 * Loads and validates every source in a corpus folder: each `<id>.txt` with its `<id>.json`.
 * Throws a NewsStanceError naming the file (and line and field) of the first problem.
 *
 * @example
 * const corpus = loadCorpus();              // the bundled data/sources
 * corpus.sources.map((s) => s.meta.label);  // ['Kremlin view', 'Time.news', 'DW', ...]
 */
export function loadCorpus(dir: string = DEFAULT_CORPUS_DIR, options: LoadOptions = {}): Corpus {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new NewsStanceError('corpus folder not found', { file: dir }, 'Pass the folder that holds the <id>.txt and <id>.json files');
  }
  const names = fs.readdirSync(dir).sort();
  for (const name of names) {
    if (name.endsWith('.json') && !names.includes(`${name.slice(0, -5)}.txt`)) {
      throw new NewsStanceError(`metadata without a text file (${name.slice(0, -5)}.txt)`, { file: path.join(dir, name) }, 'Add the text or remove the metadata file');
    }
  }
  let texts = names.filter((n) => n.endsWith('.txt'));
  if (options.ids) {
    const wanted = new Set(options.ids);
    for (const id of wanted) {
      if (!texts.includes(`${id}.txt`)) throw new NewsStanceError(`no source with id "${id}"`, { file: dir, field: 'options.ids' });
    }
    texts = texts.filter((n) => wanted.has(n.slice(0, -4)));
  }
  const sources = texts.map((n) => loadSource(path.join(dir, n), options));
  if (sources.length === 0) throw new NewsStanceError('holds no sources (<id>.txt with <id>.json)', { file: dir });
  return { dir, sources };
}
