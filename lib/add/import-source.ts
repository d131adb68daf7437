import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { cleanText } from '../corpus/clean';
import { formatMeta, parseMeta } from '../corpus/meta';
import type { Corpus, SourceGroup, SourceKind, SourceMeta } from '../corpus/source';
import { NewsStanceError } from '../errors';
import { extractArticle, markdownToText, normalizeDate } from './extract';
import { ENGLISH_THRESHOLD, englishShare } from './language';
import { NEAR_DUPLICATE, overlap } from './similarity';

/** The largest input `add` accepts: 2 MiB (a long article is 50 KB). */
export const MAX_INPUT_BYTES = 2 * 1024 * 1024;

/** What is being imported: the bytes as read from a file, stdin or a URL. */
export interface ImportInput {
  /** Path, URL, or `-` for stdin; used in messages and as the origin. */
  name: string;
  bytes: Uint8Array;
  format: 'txt' | 'md' | 'html';
  /** The page URL, for URL imports. */
  url?: string;
}

/** Metadata given on the command line; anything missing may come from the page. */
export interface MetaFlags {
  id?: string;
  label?: string;
  outlet?: string;
  title?: string;
  date?: string;
  kind?: string;
  group?: string;
  language?: string;
}

/** Options of {@link prepareSource}. */
export interface PrepareOptions {
  /** Allow replacing an existing id, a URL already in the corpus, or a near-duplicate. Default false. */
  force?: boolean;
  /** Accept text that does not look like English (with a warning). Default false. */
  allowNonEnglish?: boolean;
}

/** A source ready to be written, and the warnings to show. */
export interface PreparedSource {
  meta: SourceMeta;
  text: string;
  warnings: string[];
}

/** Article text and what the page says about itself. */
export interface ReadArticle {
  text: string;
  page: { title: string | null; siteName: string | null; date: string | null; lang: string | null } | null;
}

/** Decodes input bytes as UTF-8 text, refusing oversized, binary and non-UTF-8 input. */
export function decodeInput(input: ImportInput): string {
  const where = { file: input.name };
  if (input.bytes.length > MAX_INPUT_BYTES) {
    throw new NewsStanceError(`input is ${(input.bytes.length / 1048576).toFixed(1)} MiB, over the 2 MiB limit`, where, 'Add the article text only, not a whole site or archive');
  }
  if (input.bytes.includes(0)) throw new NewsStanceError('input looks binary (contains NUL bytes)', where, 'Add a .txt, .md or .html file');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input.bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new NewsStanceError('input is not valid UTF-8', where, 'Convert it to UTF-8 first (e.g. iconv -f latin1 -t utf-8)');
  }
}

/** The article text of an input: as is (.txt), reduced from Markdown, or extracted from HTML. */
export function readArticle(input: ImportInput): ReadArticle {
  const decoded = decodeInput(input);
  if (decoded.trim() === '') throw new NewsStanceError('input is empty or only white space', { file: input.name }, 'Nothing was added');
  if (input.format === 'html') {
    const a = extractArticle(decoded, { url: input.url ?? input.name });
    return { text: `${a.text}\n`, page: { title: a.title, siteName: a.siteName, date: a.date, lang: a.lang } };
  }
  return { text: input.format === 'md' ? markdownToText(decoded) : decoded, page: null };
}

/** Metadata fields `add` needs that neither the flags nor the page give. */
export function missingFields(flags: MetaFlags, article: ReadArticle): Array<'outlet' | 'title' | 'kind'> {
  const out: Array<'outlet' | 'title' | 'kind'> = [];
  if (!flags.outlet && !article.page?.siteName) out.push('outlet');
  if (!flags.title && !article.page?.title) out.push('title');
  if (!flags.kind) out.push('kind');
  return out;
}

/** URL without fragment, tracking parameters or trailing slash, for comparing. */
export function canonicalUrl(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    for (const k of [...u.searchParams.keys()]) if (/^(utm_|fbclid|gclid)/.test(k)) u.searchParams.delete(k);
    return u.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

/** The next free numeric prefix in a corpus of ids like `004_f143814072592b7b`. */
function nextIndex(corpus: Corpus | null): number {
  let max = -1;
  for (const s of corpus?.sources ?? []) {
    const m = /^(\d+)_/.exec(s.meta.id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

/**
 * Builds and checks a new source: metadata from the flags (then the page), validated like any
 * corpus file; refuses non-English text (unless allowed), an id that exists, a URL already in
 * the corpus and a near-duplicate of an existing text (unless forced). Pure: writes nothing.
 */
export function prepareSource(input: ImportInput, article: ReadArticle, flags: MetaFlags, corpus: Corpus | null, options: PrepareOptions = {}): PreparedSource {
  const warnings: string[] = [];
  const text = article.text.endsWith('\n') ? article.text : `${article.text}\n`;
  const cleaned = cleanText(text);
  if (cleaned.paragraphs.length === 0) throw new NewsStanceError('input has no article text left after cleaning', { file: input.name });

  const share = englishShare(cleaned.text);
  const language = flags.language ?? (share >= ENGLISH_THRESHOLD ? 'en' : (article.page?.lang ?? 'und').slice(0, 2));
  if (share < ENGLISH_THRESHOLD) {
    const msg = `text does not look like English (${(share * 100).toFixed(0)}% common English words, English prose has about 40%)`;
    if (!options.allowNonEnglish) throw new NewsStanceError(msg, { file: input.name }, 'The scorers are English-only; pass --allow-non-english to add it anyway');
    warnings.push(`${msg}; added because of --allow-non-english, but the English scorers will mostly see neutral text`);
  }

  const missing = missingFields(flags, article);
  if (missing.length) {
    throw new NewsStanceError(`missing metadata: ${missing.join(', ')}`, { file: input.name }, `Pass ${missing.map((m) => `--${m}`).join(' ')} (kind: explainer, reporting, interview, opinion or other)`);
  }
  const id = flags.id ?? `${String(nextIndex(corpus)).padStart(3, '0')}_${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
  const outlet = (flags.outlet ?? article.page?.siteName) as string;
  const draft = {
    id,
    label: flags.label ?? outlet,
    outlet,
    title: (flags.title ?? article.page?.title) as string,
    url: input.url ?? null,
    date: flags.date ?? article.page?.date ?? null,
    kind: flags.kind as SourceKind,
    group: (flags.group ?? 'other') as SourceGroup,
    origin: input.url ?? (input.name === '-' ? 'stdin' : path.basename(input.name)),
    language: language === 'un' ? 'en' : language,
  };
  if (flags.date && normalizeDate(flags.date) === null) {
    throw new NewsStanceError(`--date "${flags.date}" is not a date`, { field: 'date' }, 'Use YYYY-MM-DD');
  }
  // The same validation as loading: a source that is written can always be read back.
  const meta = parseMeta(formatMeta(draft as SourceMeta), `${id}.json (from the command line)`, id);

  const others = (corpus?.sources ?? []).filter((s) => !(options.force && s.meta.id === id));
  if (corpus?.sources.some((s) => s.meta.id === id) && !options.force) {
    throw new NewsStanceError(`a source with id "${id}" already exists`, { file: path.join(corpus.dir, `${id}.txt`) }, 'Choose another --id, or pass --force to replace it');
  }
  if (meta.url) {
    const same = others.find((s) => s.meta.url && canonicalUrl(s.meta.url) === canonicalUrl(meta.url as string));
    if (same && !options.force) {
      throw new NewsStanceError(`this URL is already in the corpus as "${same.meta.id}" (${same.meta.label})`, { file: same.files.meta }, 'Pass --force to add it again');
    }
  }
  for (const s of others) {
    const o = overlap(cleaned.text, s.text);
    if (o >= NEAR_DUPLICATE && !options.force) {
      throw new NewsStanceError(
        `the text is a near-duplicate of "${s.meta.id}" (${s.meta.label}): ${(o * 100).toFixed(0)}% of its 5-word shingles are shared`,
        { file: s.files.text },
        'Pass --force to add it anyway',
      );
    }
  }
  return { meta, text, warnings };
}
