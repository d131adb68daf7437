/**
 * news-stance: how differently news sources talk about the same story.
 * The one public entry; every exported name is listed here.
 */
export { NewsStanceError } from './errors';
export type { ErrorPlace } from './errors';

export { SOURCE_KINDS, SOURCE_GROUPS } from './corpus/source';
export type { Corpus, Source, SourceMeta, SourceKind, SourceGroup, Paragraph, Removal, CleanText } from './corpus/source';
export { cleanText } from './corpus/clean';
export type { CleanOptions } from './corpus/clean';
export { parseMeta, formatMeta, ID_PATTERN } from './corpus/meta';
export { loadCorpus, loadSource, readUtf8, DEFAULT_CORPUS_DIR } from './corpus/load';
export type { LoadOptions } from './corpus/load';

export { splitSentences } from './text/sentences';
export type { SentenceSpan, SplitOptions } from './text/sentences';
export { tokenize, normalizeToken, words } from './text/tokens';
export type { Token, TokenKind } from './text/tokens';
export { sentencesOf } from './text/segment';
export type { Sentence } from './text/segment';

export { corpusSummary } from './tables/corpus-summary';
export type { CorpusSummaryRow } from './tables/corpus-summary';
export { toDataFrame, loadDanfo } from './tables/frame';
export type { Row } from './tables/frame';

export { showTable, tableHtml } from './notebook/display';
export { removalSummary } from './tables/removal-summary';
export type { RemovalSummaryRow } from './tables/removal-summary';

export { PROJECT_ROOT, jupyterEnv, jupyterPaths, jupyterUnavailable, findPython } from './jupyter/env';
export { executeNotebooks, listNotebooks } from './jupyter/notebooks';
export type { NotebookRun, ExecuteOptions } from './jupyter/notebooks';
