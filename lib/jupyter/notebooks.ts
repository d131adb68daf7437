import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NewsStanceError } from '../errors';
import { PROJECT_ROOT, jupyterEnv, jupyterPaths, jupyterUnavailable } from './env';

/** The outcome of executing one notebook. */
export interface NotebookRun {
  notebook: string;
  ok: boolean;
  cells: number;
  seconds: number;
  /** Where the executed copy was written, when `outDir` was given. */
  output?: string;
  error?: { cell: number; ename: string; evalue: string; source?: string };
}

/** Options of {@link executeNotebooks}. */
export interface ExecuteOptions {
  /** Folder for the executed copies (with outputs). Default: none written. */
  outDir?: string;
  /** Seconds a cell may run. Default 600. */
  timeout?: number;
  /** Called as each notebook finishes. Default: nothing. */
  onResult?: (run: NotebookRun) => void;
  /** Project root holding .venv/. Default: this package. */
  root?: string;
}

/** The notebooks of a folder, in name order (`01-...`, `02-...`). */
export function listNotebooks(dir: string = path.join(PROJECT_ROOT, 'notebooks')): string[] {
  return fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.ipynb'))
    .sort()
    .map((n) => path.join(dir, n));
}

/**
 * Executes notebooks headless on the tslab kernel (nbclient in the project's .venv/), one after
 * another, and reports each. Throws a NewsStanceError saying what to do when Jupyter is not set up.
 */
export function executeNotebooks(notebooks: readonly string[], options: ExecuteOptions = {}): Promise<NotebookRun[]> {
  const root = options.root ?? PROJECT_ROOT;
  const why = jupyterUnavailable(root);
  if (why) return Promise.reject(new NewsStanceError(`cannot execute notebooks: ${why}`));
  const env = jupyterEnv(root);
  for (const dir of ['JUPYTER_RUNTIME_DIR', 'JUPYTER_CONFIG_DIR', 'IPYTHONDIR'] as const) fs.mkdirSync(env[dir] as string, { recursive: true });
  const args = [path.join(root, 'scripts', 'execute_notebooks.py'), '--timeout', String(options.timeout ?? 600)];
  if (options.outDir) args.push('--out', options.outDir);
  args.push(...notebooks);
  return new Promise((resolve, reject) => {
    const child = spawn(jupyterPaths(root).python, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const runs: NotebookRun[] = [];
    let buffer = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl).trim();
        buffer = buffer.slice(nl + 1);
        if (!line.startsWith('{')) continue;
        const run = JSON.parse(line) as NotebookRun;
        runs.push(run);
        options.onResult?.(run);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4000);
    });
    child.on('error', reject);
    child.on('close', () => {
      if (runs.length < notebooks.length) {
        reject(new NewsStanceError(`notebook runner stopped after ${runs.length} of ${notebooks.length} notebooks: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
      } else resolve(runs);
    });
  });
}
