import type { Corpus } from '../corpus/source';
import { sentencesOf } from '../text/segment';
import { words } from '../text/tokens';

/** One row of {@link corpusSummary}: a source's metadata and sizes. */
export interface CorpusSummaryRow {
  id: string;
  label: string;
  outlet: string;
  title: string;
  kind: string;
  group: string;
  date: string | null;
  url: string | null;
  /** Characters of the raw text. */
  rawChars: number;
  /** Characters of the cleaned text. */
  cleanChars: number;
  /** Words of the cleaned text. */
  words: number;
  paragraphs: number;
  sentences: number;
  /** Raw lines or fragments that cleaning removed. */
  removed: number;
  [column: string]: string | number | boolean | null;
}

/**
 * A row per source: metadata with raw and cleaned length, words, paragraphs, sentences and
 * removals. Pure; turn it into a DataFrame with `toDataFrame`.
 */
export function corpusSummary(corpus: Corpus): CorpusSummaryRow[] {
  return corpus.sources.map((s) => ({
    id: s.meta.id,
    label: s.meta.label,
    outlet: s.meta.outlet,
    title: s.meta.title,
    kind: s.meta.kind,
    group: s.meta.group,
    date: s.meta.date,
    url: s.meta.url,
    rawChars: [...s.raw].length,
    // Paragraphs counted with one newline between them, as the raw text separates lines.
    cleanChars: s.paragraphs.reduce((n, p) => n + [...p.text].length, 0) + Math.max(0, s.paragraphs.length - 1),
    words: words(s.text).length,
    paragraphs: s.paragraphs.length,
    sentences: sentencesOf(s).length,
    removed: s.removed.length,
  }));
}
