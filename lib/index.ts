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

export { claimStance } from './claim/claim-stance';
export type { ClaimStance, ClaimOptions, ClaimCueHit } from './claim/claim-stance';
export { loadClaimCues, parseClaimCues, DEFAULT_CLAIM_FILE } from './claim/cues';
export type { ClaimCues } from './claim/cues';

export { bootstrapEstimate, bootstrapDifference } from './stats/bootstrap';
export { meanInterval, medianInterval, medianRanks, normalQuantile, shareInterval, studentTQuantile, type IntervalOptions, type ValueRange } from './stats/intervals';
export type { IntervalMethod } from './analysis/estimate';
export type { BootstrapOptions } from './stats/bootstrap';
export { permutationTest } from './stats/permutation';
export type { PermutationOptions } from './stats/permutation';
export { hedgesG, effectSizeWord } from './stats/effect-size';
export { mean, median } from './stats/summary';
export { seededRandom } from './stats/random';

export type {
  Estimate,
  SourceRef,
  MentionStance,
  ScoredSentence,
  SentimentRow,
  SentimentMeasure,
  StanceCell,
  StanceRow,
  StanceMatrix,
  SentimentMatrix,
  GroupComparison,
  SpeakerRow,
} from './analysis/types';
export { SENTIMENT_MEASURES } from './analysis/types';
export { scoreCorpus, scoreSource } from './analysis/score-corpus';
export type { ScoreOptions } from './analysis/score-corpus';
export { scoreCorpusCached, SCORER_VERSION } from './analysis/cache';
export type { RowStore, RowKind } from './analysis/row-store';
export type { CacheOptions, CacheRun } from './analysis/cache';
export { sentimentMatrix, stanceMatrix } from './analysis/matrices';
export type { MatrixOptions } from './analysis/matrices';
export { compareGroups } from './analysis/compare-groups';
export type { CompareOptions } from './analysis/compare-groups';
export { speakerTable } from './analysis/speaker-table';
export { optimismVerdict } from './analysis/verdict';
export type { OptimismVerdict } from './analysis/verdict';
export { analysisDocument } from './analysis/document';
export type { AnalysisDocument } from './analysis/document';
export { analyze } from './analysis/analyze';
export type { Analysis, AnalyzeOptions } from './analysis/analyze';
export type { Voice } from './analysis/voice';

export { sentimentRows, stanceRows, comparisonRows, sentimentFrame, stanceFrame, comparisonFrame } from './tables/matrix-rows';
export { writeAnalysis } from './io/write-analysis';
export { writeFileAtomic } from './io/atomic';
export { toCsv } from './io/csv';

export { prepareSource, readArticle, decodeInput, MAX_INPUT_BYTES } from './add/import-source';
export type { ImportInput, MetaFlags, PreparedSource } from './add/import-source';
export { extractArticle } from './add/extract';
export { writeSourceFiles } from './add/write-source';

export { scoreSentence, scoreSentences } from './sentiment/score';
export type { SentimentOptions, SentenceSentiment, SentimentCue } from './sentiment/score';
export { loadModifiers, parseModifiers, defaultModifiers, DEFAULT_MODIFIERS_FILE } from './sentiment/modifiers';
export type { Modifiers } from './sentiment/modifiers';
export { lexicon, LEXICON_NAMES } from './sentiment/lexicon';
export type { LexiconName, Lexicon } from './sentiment/lexicon';
export { pearson } from './stats/correlation';
export { readNytFile, evaluateNyt, formatNytReport } from './eval/nyt';
export type { NytRow, NytReport } from './eval/nyt';

export { attributeSpeakers, summarizeVoices } from './speakers/attribute';
export type { Attribution, AttributeOptions, VoiceSummary } from './speakers/attribute';
export { loadSpeakers, parseSpeakers, compileSpeakers, defaultSpeakers, DEFAULT_SPEAKERS_FILE } from './speakers/speakers';
export type { Speaker, SpeakerSet } from './speakers/speakers';

export { loadTargets, compileTargets, defaultTargets, findMentions, DEFAULT_TARGETS_FILE } from './targets/targets';
export type { Target, TargetSet, TargetInput, Mention } from './targets/targets';
export { stanceToward, stanceOfMentions } from './stance/stance';
export type { Stance, StanceOptions, Span } from './stance/stance';
export { loadStanceModel, DEFAULT_MODEL_FILE } from './stance/model';
export type { StanceModel } from './stance/model';
export { readNewsmtscDev, evaluateNewsmtsc, formatNewsmtscReport } from './eval/newsmtsc';
export type { NewsmtscItem, NewsmtscReport } from './eval/newsmtsc';

export { stanceHeatmap } from './charts/heatmap';
export type { HeatmapOptions } from './charts/heatmap';
export { groupBars } from './charts/group-bars';
export type { GroupBarsOptions } from './charts/group-bars';
export { sentimentDistributions } from './charts/distributions';
export type { DistributionOptions } from './charts/distributions';
export { narrativeArc } from './charts/narrative-arc';
export type { NarrativeArcOptions } from './charts/narrative-arc';
export { speakerChart } from './charts/speakers';
export type { SpeakerChartOptions } from './charts/speakers';
export { groupColor, sourceColor, sourceColors } from './charts/palette';
export type { Figure, Trace, Layout } from './charts/figure';

export { showFigure, figureBundle, PLOTLY_MIME } from './notebook/plot';
export type { ShowFigureOptions } from './notebook/plot';
export { figureHtml } from './export/html';
export type { FigureHtmlOptions } from './export/html';
export { exportImages, chromiumUnavailable } from './export/image';
export type { NamedFigure, ImageOptions, ImageExport } from './export/image';
export { exportCharts } from './export/charts';
export type { ExportChartsOptions, ChartsExport } from './export/charts';
export { renderReport } from './export/report';
export type { ReportOptions, Report } from './export/report';
export { analysisFigures } from './charts/analysis-figures';

export { scoreCorpusParallel } from './analysis/parallel';
export { runBench } from './bench/run';
export type { BenchOptions, BenchReport } from './bench/run';
