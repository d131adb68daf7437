import * as fs from 'node:fs';
import * as path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { loadCorpus } from '../corpus/load';
import type { Corpus } from '../corpus/source';
import { SOURCE_GROUPS, SOURCE_KINDS } from '../corpus/source';
import { NewsStanceError } from '../errors';
import { MAX_INPUT_BYTES, missingFields, prepareSource, readArticle, type ImportInput, type MetaFlags } from '../add/import-source';
import { writeSourceFiles } from '../add/write-source';
import { sentencesOf } from '../text/segment';
import { words } from '../text/tokens';

/** What `add` needs from its surroundings; tests pass their own. */
export interface AddIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Reads all of stdin. */
  readStdin: () => Promise<Buffer>;
  /** Asks a question on the terminal, or null when stdin is not a terminal. */
  ask: ((question: string) => Promise<string>) | null;
}

/** The default surroundings: process streams, prompting only when stdin is a terminal. */
export function processAddIo(): Pick<AddIo, 'readStdin' | 'ask'> {
  return {
    readStdin: async () => {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of process.stdin) {
        chunks.push(chunk as Buffer);
        size += (chunk as Buffer).length;
        if (size > MAX_INPUT_BYTES) break;
      }
      return Buffer.concat(chunks);
    },
    ask: process.stdin.isTTY
      ? async (question) => {
          const rl = createInterface({ input: process.stdin, output: process.stderr });
          try {
            return (await rl.question(question)).trim();
          } finally {
            rl.close();
          }
        }
      : null,
  };
}

const FORMATS: Record<string, ImportInput['format']> = { '.txt': 'txt', '.text': 'txt', '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html' };

const looksHtml = (bytes: Uint8Array): boolean => /^\s*<(!doctype html|html|head|body|article|p|div)\b/i.test(Buffer.from(bytes.subarray(0, 512)).toString('utf8'));

/** Reads the input named on the command line: a file, `-` for stdin, or an http(s) URL. */
export async function readInput(spec: string, io: Pick<AddIo, 'readStdin'>, options: { timeoutMs?: number } = {}): Promise<ImportInput> {
  if (spec === '-') {
    const bytes = await io.readStdin();
    return { name: '-', bytes, format: looksHtml(bytes) ? 'html' : 'txt' };
  }
  if (/^https?:\/\//i.test(spec)) {
    let response: Response;
    try {
      response = await fetch(spec, { signal: AbortSignal.timeout(options.timeoutMs ?? 20000), headers: { 'user-agent': 'news-stance (article import)' } });
    } catch (err) {
      throw new NewsStanceError(`could not fetch the URL (${(err as Error).message})`, { file: spec }, 'Check the address, or save the page and add the file');
    }
    if (!response.ok) throw new NewsStanceError(`the server answered ${response.status} ${response.statusText}`, { file: spec });
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > MAX_INPUT_BYTES) throw new NewsStanceError(`the page is ${(declared / 1048576).toFixed(1)} MiB, over the 2 MiB limit`, { file: spec });
    const bytes = new Uint8Array(await response.arrayBuffer());
    const type = (response.headers.get('content-type') ?? '').toLowerCase();
    const format: ImportInput['format'] = type.includes('html') || looksHtml(bytes) ? 'html' : type.includes('markdown') ? 'md' : 'txt';
    if (!/^(text\/|application\/xhtml)/.test(type) && type !== '') throw new NewsStanceError(`the URL serves ${type}, not a web page or text`, { file: spec });
    return { name: spec, bytes, format, url: response.url || spec };
  }
  if (!fs.existsSync(spec) || !fs.statSync(spec).isFile()) throw new NewsStanceError('file not found', { file: spec }, 'Give a .txt, .md or .html file, - for stdin, or an http(s) URL');
  const format = FORMATS[path.extname(spec).toLowerCase()];
  if (!format) throw new NewsStanceError(`unsupported file type "${path.extname(spec) || '(none)'}"`, { file: spec }, 'Add a .txt, .md or .html file');
  const size = fs.statSync(spec).size;
  if (size > MAX_INPUT_BYTES) throw new NewsStanceError(`input is ${(size / 1048576).toFixed(1)} MiB, over the 2 MiB limit`, { file: spec }, 'Add the article text only');
  return { name: spec, bytes: fs.readFileSync(spec), format };
}

/**
 * `news-stance add PATH|URL|-`: imports an article into the corpus folder and prints what it
 * wrote. Refusals throw NewsStanceError (exit 2) before anything is written.
 */
export async function addCommand(spec: string | undefined, flags: MetaFlags & { force?: boolean; allowNonEnglish?: boolean; data: string }, io: AddIo): Promise<number> {
  if (!spec) throw new NewsStanceError('add needs a file, a URL or - for stdin', {}, 'Example: news-stance add article.txt --outlet "BBC" --kind reporting --group sceptical-reporting');
  for (const [field, allowed] of [['kind', SOURCE_KINDS], ['group', SOURCE_GROUPS]] as const) {
    const v = flags[field];
    if (v !== undefined && !(allowed as readonly string[]).includes(v)) throw new NewsStanceError(`--${field} "${v}" is not one of ${allowed.join(', ')}`, { field });
  }
  const input = await readInput(spec, io);
  const article = readArticle(input);
  const missing = missingFields(flags, article);
  if (missing.length && io.ask && spec !== '-') {
    for (const field of missing) {
      const hint = field === 'kind' ? ` (${SOURCE_KINDS.join(', ')})` : '';
      const answer = await io.ask(`${field}${hint}: `);
      if (answer) flags[field] = answer;
    }
    if (!flags.group) {
      const answer = await io.ask(`group (${SOURCE_GROUPS.join(', ')}) [other]: `);
      if (answer) flags.group = answer;
    }
  }
  let corpus: Corpus | null = null;
  if (fs.existsSync(flags.data) && fs.readdirSync(flags.data).some((n) => n.endsWith('.txt'))) corpus = loadCorpus(flags.data);
  const prepared = prepareSource(input, article, flags, corpus, { force: flags.force, allowNonEnglish: flags.allowNonEnglish });
  for (const w of prepared.warnings) io.err(`news-stance: warning: ${w}`);
  const files = writeSourceFiles(flags.data, prepared.meta, prepared.text, { force: flags.force });
  const loaded = loadCorpus(flags.data, { ids: [prepared.meta.id] }).sources[0];
  const m = prepared.meta;
  io.out(`added ${m.id}: "${m.title}" (${m.outlet}; ${m.kind}, ${m.group}${m.date ? `, ${m.date}` : ''})`);
  io.out(`  ${files.text}  ${words(loaded.text).length} words, ${sentencesOf(loaded).length} sentences after cleaning (${loaded.removed.length} lines removed)`);
  io.out(`  ${files.meta}  metadata: edit it to correct the label, date or group`);
  return 0;
}
