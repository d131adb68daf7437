/** The plain records a corpus is made of. Metadata is the user's; `raw` is the source's text, byte for byte. */

/** What kind of piece a source is. */
export const SOURCE_KINDS = ['explainer', 'reporting', 'interview', 'opinion', 'other'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** The comparison group a source is counted in when groups are compared. */
export const SOURCE_GROUPS = ['optimistic-explainer', 'sceptical-reporting', 'other'] as const;
export type SourceGroup = (typeof SOURCE_GROUPS)[number];

/** A source's metadata, as written in `data/sources/<id>.json`. */
export interface SourceMeta {
  /** Stable identifier; equals the file names' stem (`000_2d5dd5bf776e6df2`). Letters, digits, `_`, `-`, `.`. */
  id: string;
  /** Short readable name for tables and charts, e.g. `DW`. */
  label: string;
  /** Publisher as the text names it, or a description when it does not. */
  outlet: string;
  title: string;
  /** Canonical URL of the article where the text gives one, else null. */
  url: string | null;
  /** Publication date, ISO `YYYY-MM-DD` (optionally with `THH:MM[:SS]`), where the text gives one, else null. */
  date: string | null;
  kind: SourceKind;
  group: SourceGroup;
  /** The file the text was imported from (the seed's file name for the five seeds). */
  origin: string;
  /** ISO 639-1 language code of the text. */
  language: string;
  /** Free notes: how the metadata was established, caveats. */
  notes?: string;
}

/** A paragraph of cleaned text. Headings are short lines without closing punctuation. */
export interface Paragraph {
  index: number;
  text: string;
  heading: boolean;
  /** 1-based line of the raw text where the paragraph starts. */
  line: number;
}

/** A piece of the raw text that cleaning removed, and why. */
export interface Removal {
  /** 1-based line in the raw text. */
  line: number;
  /** The removed text, as it stood in the raw text. */
  text: string;
  /** Name of the cleaning rule, e.g. `caption-duplicate`, `source-link`. */
  rule: string;
}

/** The result of cleaning one raw text. */
export interface CleanText {
  /** Paragraphs joined by blank lines. */
  text: string;
  paragraphs: Paragraph[];
  removed: Removal[];
}

/** One source of a corpus: its metadata, raw text, and cleaned text. */
export interface Source extends CleanText {
  meta: SourceMeta;
  /** The text as stored, byte for byte (decoded as UTF-8). */
  raw: string;
  /** Paths of the files the source was read from. */
  files: { text: string; meta: string };
}

/** A loaded corpus, sources sorted by id. */
export interface Corpus {
  dir: string;
  sources: Source[];
}
