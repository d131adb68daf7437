import type { CleanText, Paragraph, Removal } from './source';

/**
 * Cleaning turns a source's raw text, as collected (site chrome, spam, captions and all), into
 * paragraphs of article text. It works line by line with named rules, so every removal is
 * reported with its line and rule and nothing is dropped silently. The raw text is never edited.
 */

/** A whole-line rule: when `test` matches a line (whitespace-normalised), the line is removed. */
interface LineRule {
  name: string;
  test: (line: string) => boolean;
}

const words = (s: string): number => (s.match(/\S+/g) ?? []).length;

const SPAM = /\b(propecia|viagra|cialis|levitra|xanax|casino|payday loans?|replica watches|yahoo answers)\b/i;
const CAPTION_CREDIT =
  /(\((courtesy|photo|picture|image)[^)]*\)|\(picture-alliance\/[^)]*\)|\bfile (image|photo)\/\s*\w+|\b(photo|image|picture)\s*(credit)?\s*:\s*[\w/ ]+|\bgetty images)\s*$/i;
const READ_MORE = /^(also read|also watch|read more|read also|see also|recommended|related( stories| articles)?)\s*[:|–—-]?/i;

/** Rules in the order they are tried; the first that matches names the removal. */
const LINE_RULES: readonly LineRule[] = Object.freeze([
  { name: 'spam', test: (l) => SPAM.test(l) && words(l) <= 8 },
  { name: 'breadcrumb', test: (l) => /^home\s*[»›>]/i.test(l) || (/\s[»›]\s/.test(l) && words(l) <= 15) },
  { name: 'read-more', test: (l) => READ_MORE.test(l) && words(l) <= 20 },
  { name: 'byline', test: (l) => /^By\s+\p{Lu}[\p{L}.'’-]*(\s+[\p{L}.'’-]+){0,4}$/u.test(l) },
  { name: 'source-link', test: (l) => /^source( link)?\s*:/i.test(l) },
  { name: 'author', test: (l) => /^author\s*:/i.test(l) },
  { name: 'publish-date', test: (l) => /^publish(ed)?( date)?\s*:/i.test(l) },
  { name: 'copyright', test: (l) => /^(©|\(c\)\s|copyright\b)/i.test(l) || /all rights reserved/i.test(l) },
  {
    name: 'site-chrome',
    test: (l) => /^(exit mobile version|short url\s*:?|log ?in|skip to (main )?content|share( this)?( article)?|print|advertisement)$/i.test(l),
  },
  { name: 'agency-credit', test: (l) => /^with inputs? from (agencies|\w+)$/i.test(l) },
  { name: 'promo', test: (l) => /^get (all )?the latest (updates|news)\b/i.test(l) && words(l) <= 12 },
  {
    name: 'image-hosting',
    test: (l) => /^generated image$/i.test(l) || (/\b(tinypic|imgur|photobucket|image (and video )?hosting)\b/i.test(l) && words(l) <= 10),
  },
  { name: 'comment-counter', test: (l) => /^\d+\s+comments?$/i.test(l) },
  { name: 'bullet-marker', test: (l) => /^[-•*–—·]$/.test(l) },
  { name: 'caption', test: (l) => CAPTION_CREDIT.test(l) },
]);

/** Options of {@link cleanText}. */
export interface CleanOptions {
  /** Remove a line that repeats an earlier line (after normalising quotes and case). Default true. */
  dropDuplicates?: boolean;
}

const DEFAULTS: Required<CleanOptions> = Object.freeze({ dropDuplicates: true });

/** Whitespace-normalised form of a line: no-break spaces to spaces, runs collapsed, trimmed. */
function squash(line: string): string {
  return line.replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000\t]/g, ' ').replace(/ {2,}/g, ' ').trim();
}

/** Key under which two lines count as the same line. */
function duplicateKey(line: string): string {
  return line.toLowerCase().replace(/[‘’´`]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-').replace(/[^\p{L}\p{N}'"-]+/gu, ' ').trim();
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ', '#39': "'", rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', mdash: '—', ndash: '–' };

/** Inline clean-ups of a kept line; every removed fragment is recorded. */
function cleanInline(line: string, lineNo: number, removed: Removal[]): string {
  let out = line.replace(/<\/?[a-z][a-z0-9]*\b[^>]*>/gi, (tag) => {
    removed.push({ line: lineNo, text: tag, rule: 'html-tag' });
    return '';
  });
  out = out.replace(/&(#39|[a-z]+);/gi, (m, name: string) => ENTITIES[name.toLowerCase()] ?? m);
  // A byline fused with the first sentence: "By  Lewis Sanders IV (DW) – Senior officials ...".
  const byline = /^\s*By\s+(?:[A-Z][\p{L}.'’-]*\s+){1,4}(?:\([^)]*\)\s*)?[–—-](?=\s)/u.exec(out);
  if (byline) {
    removed.push({ line: lineNo, text: byline[0].trim(), rule: 'byline' });
    out = out.slice(byline[0].length);
  }
  out = squash(out);
  return out;
}

/** True when a line ends where a sentence or heading can end. */
const endsClosed = (line: string): boolean => /[.!?:;…"”’)\]]$/.test(line);

/**
 * Whether a line and the next one in the same block are one paragraph broken by a soft wrap:
 * the line ends open (a comma, or a lower-case word) or the next starts in lower case.
 */
function isSoftWrap(line: string, next: string): boolean {
  if (/^[a-z]/.test(next)) return true;
  if (endsClosed(line)) return false;
  const lastWord = /(\S+)$/.exec(line)?.[1] ?? '';
  return /,$/.test(line) || /^[a-z]/.test(lastWord);
}

/** A short paragraph without closing punctuation, or a short question standing alone, reads as a heading. */
function isHeading(text: string): boolean {
  const n = words(text);
  if (n > 15) return false;
  if (!/[.!?:;…"”’)]$/.test(text)) return true;
  return /\?$/.test(text) && n <= 12 && !/:/.test(text);
}

/**
 * Cleans one raw article text: removes site chrome, spam, captions, promos and repeated lines by
 * named rules, strips HTML tags and bylines inline, re-joins soft-wrapped lines and keeps
 * paragraphs. Pure: the same raw text always gives the same result.
 *
 * @example
 * const { text, removed } = cleanText('Also Read |\nA headline\n\nPutin spoke on Thursday.');
 * // text === 'Putin spoke on Thursday.'; removed[0].rule === 'read-more'
 */
export function cleanText(raw: string, options: CleanOptions = {}): CleanText {
  const opts = { ...DEFAULTS, ...options };
  const lines = raw.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const removed: Removal[] = [];
  const seen = new Set<string>();
  /** Kept lines, or null for a boundary (blank or removed line). */
  const kept: Array<{ text: string; line: number } | null> = [];

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = squash(lines[i]);
    if (line === '') {
      kept.push(null);
      continue;
    }
    const rule = LINE_RULES.find((r) => r.test(line));
    const key = duplicateKey(line);
    if (rule) {
      removed.push({ line: lineNo, text: lines[i], rule: rule.name });
      seen.add(key);
      kept.push(null);
      if (rule.name === 'read-more' && READ_MORE.exec(line)?.[0].length === line.length) {
        // "Also Read |" alone: the promoted headline follows on the next non-blank line.
        let j = i + 1;
        while (j < lines.length && squash(lines[j]) === '') j++;
        const next = j < lines.length ? squash(lines[j]) : '';
        if (next && words(next) <= 20 && !/\.$/.test(next)) {
          removed.push({ line: j + 1, text: lines[j], rule: 'read-more' });
          for (let k = i + 1; k <= j; k++) kept.push(null);
          i = j;
        }
      }
      continue;
    }
    if (opts.dropDuplicates && key !== '' && seen.has(key)) {
      removed.push({ line: lineNo, text: lines[i], rule: 'duplicate' });
      kept.push(null);
      continue;
    }
    seen.add(key);
    const text = cleanInline(lines[i], lineNo, removed);
    kept.push(text === '' ? null : { text, line: lineNo });
  }

  const paragraphs: Paragraph[] = [];
  let current: { text: string; line: number } | null = null;
  let previous: string | null = null;
  const flush = (): void => {
    if (current) paragraphs.push({ index: paragraphs.length, text: current.text, heading: isHeading(current.text), line: current.line });
    current = null;
  };
  for (const entry of kept) {
    if (entry === null) {
      flush();
      previous = null;
      continue;
    }
    if (current && previous !== null && isSoftWrap(previous, entry.text)) {
      (current as { text: string }).text += ` ${entry.text}`;
    } else {
      flush();
      current = { ...entry };
    }
    previous = entry.text;
  }
  flush();

  removed.sort((a, b) => a.line - b.line);
  return { text: paragraphs.map((p) => p.text).join('\n\n'), paragraphs, removed };
}
