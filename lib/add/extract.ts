import { NewsStanceError } from '../errors';

/** An article pulled out of a web page. */
export interface ExtractedArticle {
  /** Plain text, paragraphs separated by blank lines. */
  text: string;
  title: string | null;
  siteName: string | null;
  /** ISO date (YYYY-MM-DD or YYYY-MM-DDTHH:MM) when the page states one. */
  date: string | null;
  /** Language the page declares (`<html lang>`), lower case, or null. */
  lang: string | null;
}

const BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'FIGCAPTION', 'DT', 'DD', 'TD', 'TH']);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** The text of an element tree with one paragraph per block element. */
function blockText(root: DomNode): string {
  const out: string[] = [];
  let current = '';
  const flush = (): void => {
    const t = current.replace(/\s+/g, ' ').trim();
    if (t) out.push(t);
    current = '';
  };
  const walk = (node: DomNode): void => {
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const block = BLOCKS.has(node.nodeName.toUpperCase());
    if (node.nodeName.toUpperCase() === 'BR') current += ' ';
    if (block) flush();
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]);
    if (block) flush();
  };
  walk(root);
  flush();
  return out.join('\n\n');
}

/** The part of linkedom's document this module uses. */
interface MiniDocument {
  documentElement: { getAttribute(name: string): string | null } | null;
  body: DomNode;
  querySelector(selector: string): { getAttribute(name: string): string | null } | null;
}

/** Normalises a page's date to `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`, or null. */
export function normalizeDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(value.trim());
  if (m) return m[2] ? `${m[1]}T${m[2]}` : m[1];
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}

/**
 * Extracts the article from an HTML page with Mozilla's Readability (the reader-view engine of
 * Firefox) on a linkedom document: the text with its paragraphs, the title, site name,
 * publication date and declared language. Throws when the page holds no article text.
 */
export function extractArticle(html: string, options: { url?: string; minChars?: number } = {}): ExtractedArticle {
  const { parseHTML } = require('linkedom') as { parseHTML: (html: string) => { document: MiniDocument } };
  const { Readability } = require('@mozilla/readability') as {
    Readability: new (doc: unknown, options: { charThreshold: number }) => { parse(): { title?: string | null; content?: string | null; siteName?: string | null; publishedTime?: string | null } | null };
  };
  const { document } = parseHTML(html);
  const meta = (selector: string): string | null => document.querySelector(selector)?.getAttribute('content') ?? null;
  const lang = document.documentElement?.getAttribute('lang')?.toLowerCase().slice(0, 2) ?? null;
  const pageDate = meta('meta[property="article:published_time"]') ?? meta('meta[name="date"]') ?? meta('meta[itemprop="datePublished"]') ?? document.querySelector('time[datetime]')?.getAttribute('datetime') ?? null;
  const article = new Readability(document, { charThreshold: 200 }).parse();
  let text = '';
  if (article?.content) {
    const { document: inner } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
    text = blockText(inner.body);
  }
  if (text.replace(/\s/g, '').length < (options.minChars ?? 200)) {
    throw new NewsStanceError('the page has no article text (Readability found none)', { file: options.url }, 'Save the article text to a .txt file and add that instead');
  }
  return {
    text,
    title: article?.title?.trim() || null,
    siteName: article?.siteName?.trim() || meta('meta[property="og:site_name"]'),
    date: normalizeDate(article?.publishedTime ?? pageDate),
    lang,
  };
}

/** Plain text from Markdown: headings, emphasis, links and images reduced to their text. */
export function markdownToText(md: string): string {
  return md
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/^>\s?/gm, '')
    .replace(/^\s*[-*+]\s+/gm, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^*\w])[*_]([^*_\n]+)[*_](?=[^*\w]|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1');
}
