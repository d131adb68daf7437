import * as path from 'node:path';
import { NewsStanceError } from '../errors';
import { loadCorpus, DEFAULT_CORPUS_DIR } from '../corpus/load';
import { corpusSummary } from '../tables/corpus-summary';
import { PROJECT_ROOT, jupyterUnavailable } from '../jupyter/env';
import { executeNotebooks, listNotebooks } from '../jupyter/notebooks';
import { textTable } from './text-table';

/** Where the CLI writes: stdout for results, stderr for progress and messages. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const defaultIo: CliIo = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
};

const USAGE = `usage: news-stance <command> [options]

commands:
  start               the main job: corpus summary, execute every notebook into out/notebooks
  corpus [--data DIR] print the corpus: sources, metadata, cleaned length
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

const VALUE_FLAGS = new Set(['data', 'out']);

function flag(p: Parsed, name: string): string | undefined {
  const v = p.flags.get(name);
  if (v === true) throw new NewsStanceError(`--${name} needs a value`, {}, `Write --${name} <value>`);
  return v;
}

async function start(p: Parsed, io: CliIo): Promise<number> {
  const dataDir = path.resolve(flag(p, 'data') ?? DEFAULT_CORPUS_DIR);
  const outDir = path.resolve(flag(p, 'out') ?? path.join(PROJECT_ROOT, 'out'));
  const corpus = loadCorpus(dataDir);
  io.out(textTable(corpusSummary(corpus), { columns: ['id', 'label', 'kind', 'group', 'rawChars', 'cleanChars', 'sentences', 'removed'] }));
  const written: string[] = [];
  const why = jupyterUnavailable();
  let failed = 0;
  if (why) {
    io.err(`news-stance: skipped the notebooks: ${why}`);
  } else {
    const notebooks = listNotebooks();
    const nbOut = path.join(outDir, 'notebooks');
    io.err(`executing ${notebooks.length} notebooks on the tslab kernel ...`);
    let done = 0;
    await executeNotebooks(notebooks, {
      outDir: nbOut,
      onResult: (run) => {
        done++;
        const status = run.ok ? 'ok' : `FAILED at cell ${run.error?.cell}: ${run.error?.ename}: ${run.error?.evalue}`;
        io.err(`  [${done}/${notebooks.length}] ${path.basename(run.notebook)}  ${status}  (${run.seconds.toFixed(1)} s)`);
        if (!run.ok) failed++;
      },
    });
    written.push(`${nbOut}/  executed notebooks (${notebooks.length})`);
  }
  io.err(written.length ? `\nwrote:\n${written.map((w) => `  ${w}`).join('\n')}` : '\nwrote nothing');
  return failed ? 1 : 0;
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
        return await start(p, io);
      case 'corpus':
        return corpusCommand(p, io);
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
