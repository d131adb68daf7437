import * as path from 'node:path';
import { NewsStanceError } from '../errors';
import { loadCorpus, DEFAULT_CORPUS_DIR } from '../corpus/load';
import { corpusSummary } from '../tables/corpus-summary';
import { PROJECT_ROOT, jupyterUnavailable } from '../jupyter/env';
import { executeNotebooks, listNotebooks } from '../jupyter/notebooks';
import { textTable } from './text-table';
import { analyze } from '../analysis/analyze';
import { analysisDocument } from '../analysis/document';
import { writeAnalysis } from '../io/write-analysis';
import { comparisonRows } from '../tables/matrix-rows';
import { scoreCorpusCached, type CacheRun } from '../analysis/cache';
import type { Analysis } from '../analysis/analyze';
import type { Corpus } from '../corpus/source';
import { addCommand, processAddIo } from './add-command';
import { progressBar, type Progress } from './progress';
import { evaluateNyt, formatNytReport } from '../eval/nyt';
import { analysisFigures } from '../charts/analysis-figures';
import { runBench } from '../bench/run';
import { exportCharts } from '../export/charts';
import { renderReport } from '../export/report';
import { evaluateNewsmtsc, formatNewsmtscReport } from '../eval/newsmtsc';

/** Where the CLI writes: stdout for results, stderr for progress and messages. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Reads all of stdin (for `add -`). Default: process.stdin. */
  readStdin?: () => Promise<Buffer>;
  /** Asks on the terminal; null when stdin is not a terminal. Default: process.stdin when a TTY. */
  ask?: ((question: string) => Promise<string>) | null;
  /** Progress display. Default: a bar on a terminal, silent in CI and pipes. */
  progress?: Progress;
}

const defaultIo: CliIo = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
};

const USAGE = `usage: news-stance <command> [options]

commands:
  start               the main job: score the corpus, write the matrices to out/, execute every
                      notebook into out/notebooks, render out/report.html, export the charts
  export              the charts into out/charts (HTML; SVG and PNG with Chromium) and the report
  corpus [--data DIR] print the corpus: sources, metadata, cleaned length
  analyze [--json]    score the corpus; write the matrices as CSV and JSON into out/ and print
                      them (--json: print one JSON document to stdout, write nothing);
                      scores are cached per source, --no-cache rescores everything
  eval nyt FILE       sentence sentiment against human ratings (nyt-editorials dev.tsv format):
                      Pearson r of news-stance, natural's AFINN analyser and VADER
  eval newsmtsc FILE  stance toward a target (NewsMTSC dev format): accuracy, F1 per class,
                      macro-F1 of news-stance and two whole-sentence baselines
  bench [--articles N[,N]]  throughput against natural's AFINN analyser and VADER on one generated
                      corpus, multi-core speed-up, peak memory, cached rerun, time vs size
  add PATH|URL|-      import an article (.txt, .md, .html, a web page, or stdin) into the corpus
                      --outlet --title --date --kind --group --label --id, --force to replace,
                      --allow-non-english
  help                this text

options:
  --data DIR          corpus folder (default: data/sources of this package)
  --out DIR           output folder (default: out/)`;

/** Parsed `--name value` options and positional arguments. */
interface Parsed {
  positional: string[];
  flags: Map<string, string | true>;
}

function parseArgs(argv: readonly string[]): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) flags.set(a.slice(2, eq), a.slice(eq + 1));
      else if (i + 1 < argv.length && !argv[i + 1].startsWith('--') && VALUE_FLAGS.has(a.slice(2))) flags.set(a.slice(2), argv[++i]);
      else flags.set(a.slice(2), true);
    } else positional.push(a);
  }
  return { positional, flags };
}

const VALUE_FLAGS = new Set(['articles', 'data', 'out', 'outlet', 'title', 'date', 'kind', 'group', 'label', 'id', 'language']);

function flag(p: Parsed, name: string): string | undefined {
  const v = p.flags.get(name);
  if (v === true) throw new NewsStanceError(`--${name} needs a value`, {}, `Write --${name} <value>`);
  return v;
}

/** Scores a corpus through the per-source cache (with a progress bar on a terminal) and analyses it. */
function analyzeCached(corpus: Corpus, p: Parsed, io: CliIo): { run: CacheRun; analysis: Analysis } {
  const progress = io.progress ?? progressBar();
  const run = scoreCorpusCached(corpus, {
    noCache: p.flags.get('no-cache') === true,
    onSource: (done, total, source, cached) => progress.tick(done, total, `${source.meta.label}${cached ? ' (cached)' : ''}`),
  });
  progress.done();
  return { run, analysis: analyze(corpus, { sentences: run.sentences, rows: run.rows }) };
}

/** Steps of the main job; `export` runs the chart and report steps only. */
interface JobSteps {
  matrices: boolean;
}

async function runJob(p: Parsed, io: CliIo, steps: JobSteps): Promise<number> {
  const dataDir = path.resolve(flag(p, 'data') ?? DEFAULT_CORPUS_DIR);
  const outDir = path.resolve(flag(p, 'out') ?? path.join(PROJECT_ROOT, 'out'));
  const written: string[] = [];
  let failed = 0;

  const corpus = loadCorpus(dataDir);
  io.err(`[1/4] scoring ${corpus.sources.length} sources ...`);
  const { run, analysis } = analyzeCached(corpus, p, io);
  if (steps.matrices) {
    io.out(textTable(corpusSummary(corpus), { columns: ['id', 'label', 'kind', 'group', 'rawChars', 'cleanChars', 'sentences', 'removed'] }));
    io.out(`\n${analysis.verdict.text}`);
    const files = writeAnalysis(analysis, outDir);
    written.push(`${outDir}/  matrices as CSV and JSON (${files.length} files; ${run.scored.length} sources scored, ${run.cached.length} from the cache)`);
  }

  const why = jupyterUnavailable();
  const nbOut = path.join(outDir, 'notebooks');
  if (why) {
    io.err(`[2/4] skipped the notebooks: ${why}`);
    io.err('[3/4] skipped the report: it renders the executed notebooks');
  } else {
    const notebooks = listNotebooks();
    io.err(`[2/4] executing ${notebooks.length} notebooks on the tslab kernel ...`);
    let done = 0;
    const runs = await executeNotebooks(notebooks, {
      outDir: nbOut,
      onResult: (r) => {
        done++;
        const status = r.ok ? 'ok' : `FAILED at cell ${r.error?.cell}: ${r.error?.ename}: ${r.error?.evalue}`;
        io.err(`      [${done}/${notebooks.length}] ${path.basename(r.notebook)}  ${status}  (${r.seconds.toFixed(1)} s)`);
        if (!r.ok) failed++;
      },
    });
    written.push(`${nbOut}/  executed notebooks (${runs.filter((r) => r.ok).length} of ${runs.length})`);
    io.err('[3/4] rendering the report with nbconvert ...');
    const report = await renderReport(runs.map((r) => r.output as string), path.join(outDir, 'report.html'));
    written.push(`${report.file}  the executed notebooks as one page (${report.sections.length} sections)`);
  }

  const chartsDir = path.join(outDir, 'charts');
  const figures = analysisFigures(analysis);
  io.err(`[4/4] exporting ${figures.length} charts ...`);
  const charts = await exportCharts(figures, chartsDir);
  if (charts.images.skipped) {
    io.err(`news-stance: charts written as HTML only: ${charts.images.skipped}`);
    written.push(`${chartsDir}/  ${charts.html.length} charts as interactive HTML`);
  } else {
    written.push(`${chartsDir}/  ${charts.html.length} charts as interactive HTML, SVG and PNG`);
  }
  io.err(`\nwrote:\n${written.map((w) => `  ${w}`).join('\n')}`);
  return failed ? 1 : 0;
}

const f2 = (x: number | null): string => (x === null || !Number.isFinite(x) ? '-' : x.toFixed(2));

function analyzeCommand(p: Parsed, io: CliIo): number {
  const corpus = loadCorpus(path.resolve(flag(p, 'data') ?? DEFAULT_CORPUS_DIR));
  const { run, analysis } = analyzeCached(corpus, p, io);
  if (p.flags.get('json') === true) {
    io.out(JSON.stringify(analysisDocument(analysis.stance, analysis.sentiment), null, 2));
    return 0;
  }
  const outDir = path.resolve(flag(p, 'out') ?? path.join(PROJECT_ROOT, 'out'));
  const { stance, sentiment } = analysis;
  io.out('Stance matrix: mean stance toward each target (-1..1) over its mentions [mentions]; optimism index toward "US-Russia relations will improve" with 95% CI');
  io.out(
    textTable(
      stance.rows.map((r) => {
        const row: Record<string, string> = { source: r.label, group: r.group, optimism: `${f2(r.optimism.value)} [${f2(r.optimism.low)}, ${f2(r.optimism.high)}]` };
        for (const t of stance.targets) row[t.id] = r.stance[t.id].mentions ? `${f2(r.stance[t.id].value)} [${r.stance[t.id].mentions}]` : '-';
        return row;
      }),
    ),
  );
  io.out('\nSentiment profile: sentence sentiment (-1..1) with 95% CI, shares, hedges and boosters per sentence, quoted share');
  io.out(
    textTable(
      sentiment.rows.map((r) => ({
        source: r.label,
        n: r.sentences,
        mean: `${f2(r.mean.value)} [${f2(r.mean.low)}, ${f2(r.mean.high)}]`,
        median: f2(r.median.value),
        positive: f2(r.sharePositive.value),
        negative: f2(r.shareNegative.value),
        hedges: f2(r.hedgeRate.value),
        boosters: f2(r.boosterRate.value),
        quoted: f2(r.quoteShare.value),
      })),
    ),
  );
  const large = analysis.comparisons.some((c) => c.method === 'large-sample');
  io.out(`\nOptimistic explainers vs sceptical reporting (difference a - b with 95% ${large ? 'CI (bootstrap, or normal above 5,000 values)' : 'bootstrap CI'}, ${large ? 'permutation or z-test p' : 'permutation p'}, Hedges g)`);
  io.out(
    textTable(
      comparisonRows(analysis.comparisons).map((c) => ({
        measure: c.label,
        explainers: f2(c.a as number | null),
        reports: f2(c.b as number | null),
        difference: `${f2(c.difference as number | null)} [${f2(c.difference_low as number | null)}, ${f2(c.difference_high as number | null)}]`,
        p: c.p === null ? '-' : (c.p as number) < 0.001 ? '<0.001' : (c.p as number).toFixed(3),
        g: `${f2(c.hedges_g as number | null)} ${c.effect}`,
      })),
      { maxWidth: 44 },
    ),
  );
  io.out(`\n${analysis.verdict.text}`);
  const files = writeAnalysis(analysis, outDir);
  io.err(`\nscored ${run.scored.length} source(s), ${run.cached.length} from the cache; wrote ${files.length} files to ${outDir}: ${files.map((f) => path.basename(f)).join(', ')}`);
  return 0;
}

function evalCommand(p: Parsed, io: CliIo): number {
  const [, which, file] = p.positional;
  if (!file || (which !== 'nyt' && which !== 'newsmtsc')) {
    throw new NewsStanceError('usage: news-stance eval nyt|newsmtsc FILE', {}, 'e.g. news-stance eval nyt ../shared/bench/nyt-editorials/dev.tsv');
  }
  if (which === 'nyt') io.out(formatNytReport(evaluateNyt(path.resolve(file))));
  else io.out(formatNewsmtscReport(evaluateNewsmtsc(path.resolve(file))));
  return 0;
}

function corpusCommand(p: Parsed, io: CliIo): number {
  const corpus = loadCorpus(path.resolve(flag(p, 'data') ?? DEFAULT_CORPUS_DIR));
  io.out(textTable(corpusSummary(corpus), { columns: ['id', 'label', 'outlet', 'kind', 'group', 'date', 'rawChars', 'cleanChars', 'words', 'sentences', 'removed'] }));
  return 0;
}

/**
 * Runs the command line; returns the exit code (0 ok, 1 failure, 2 bad input). Errors a user
 * can meet are printed as one line; other errors are bugs and are thrown.
 */
export async function main(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  const p = parseArgs(argv);
  const [command] = p.positional;
  try {
    switch (command) {
      case 'start':
        return await runJob(p, io, { matrices: true });
      case 'export':
        return await runJob(p, io, { matrices: false });
      case 'corpus':
        return corpusCommand(p, io);
      case 'analyze':
        return analyzeCommand(p, io);
      case 'eval':
        return evalCommand(p, io);
      case 'bench': {
        const articles = flag(p, 'articles');
        const sizes = articles?.split(',').map((x) => Number(x.trim()));
        if (sizes && sizes.some((n) => !Number.isInteger(n) || n < 10)) throw new NewsStanceError(`--articles "${articles}" is not a list of whole numbers >= 10`, { field: 'articles' }, 'e.g. --articles 2000 or --articles 2000,20000');
        await runBench(sizes ? { articles: sizes } : {}, { out: io.out, err: io.err });
        return 0;
      }
      case 'add': {
        const proc = processAddIo();
        const str = (name: string): string | undefined => flag(p, name);
        return await addCommand(
          p.positional[1],
          {
            outlet: str('outlet'),
            title: str('title'),
            date: str('date'),
            kind: str('kind'),
            group: str('group'),
            label: str('label'),
            id: str('id'),
            language: str('language'),
            force: p.flags.get('force') === true,
            allowNonEnglish: p.flags.get('allow-non-english') === true,
            data: path.resolve(str('data') ?? DEFAULT_CORPUS_DIR),
          },
          { out: io.out, err: io.err, readStdin: io.readStdin ?? proc.readStdin, ask: io.ask === undefined ? proc.ask : io.ask },
        );
      }
      case undefined:
      case 'help':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        io.err(`news-stance: unknown command "${command}"\n\n${USAGE}`);
        return 2;
    }
  } catch (err) {
    if (err instanceof NewsStanceError) {
      io.err(`news-stance: ${err.message}`);
      return 2;
    }
    throw err;
  }
}
