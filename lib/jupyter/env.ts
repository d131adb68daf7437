import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Where the project's Python side lives and the environment Jupyter runs in. Everything Jupyter
 * writes (kernel specs, runtime files, settings) stays inside the project, never in the user's
 * home: the kernel is registered in `.venv/`, the rest goes to `.jupyter/`.
 */

/** The package root (the folder with package.json). */
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

/** Paths of the Python side under a project root. */
export function jupyterPaths(root: string = PROJECT_ROOT) {
  const venv = path.join(root, '.venv');
  return {
    venv,
    python: path.join(venv, 'bin', 'python'),
    jupyter: path.join(venv, 'bin', 'jupyter'),
    dataDir: path.join(venv, 'share', 'jupyter'),
    kernelSpec: path.join(venv, 'share', 'jupyter', 'kernels', 'tslab', 'kernel.json'),
    stamp: path.join(venv, '.news-stance-requirements'),
    state: path.join(root, '.jupyter'),
    tslab: path.join(root, 'node_modules', '.bin', 'tslab'),
    requirements: path.join(root, 'requirements.txt'),
  };
}

/** The environment for every Jupyter process: the venv first on PATH, Jupyter's folders inside the project. */
export function jupyterEnv(root: string = PROJECT_ROOT, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const p = jupyterPaths(root);
  return {
    ...base,
    VIRTUAL_ENV: p.venv,
    PATH: `${path.join(p.venv, 'bin')}${path.delimiter}${path.dirname(process.execPath)}${path.delimiter}${base.PATH ?? ''}`,
    JUPYTER_DATA_DIR: p.dataDir,
    JUPYTER_CONFIG_DIR: path.join(p.state, 'config'),
    JUPYTER_RUNTIME_DIR: path.join(p.state, 'runtime'),
    IPYTHONDIR: path.join(p.state, 'ipython'),
    JUPYTER_PLATFORM_DIRS: '1',
    PYTHONNOUSERSITE: '1',
  };
}

/** A Python 3.9+ interpreter on this machine (`NEWS_STANCE_PYTHON`, `python3`, `python`), or null. */
export function findPython(env: NodeJS.ProcessEnv = process.env): { command: string; version: string } | null {
  const candidates = [env.NEWS_STANCE_PYTHON, 'python3', 'python'].filter((c): c is string => Boolean(c));
  for (const command of candidates) {
    const r = spawnSync(command, ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], { encoding: 'utf8', env });
    if (r.status === 0) {
      const version = r.stdout.trim();
      const [major, minor] = version.split('.').map(Number);
      if (major === 3 && minor >= 9) return { command, version };
    }
  }
  return null;
}

/** Why notebooks cannot run here, in one line, or null when the venv and the tslab kernel are ready. */
export function jupyterUnavailable(root: string = PROJECT_ROOT): string | null {
  const p = jupyterPaths(root);
  if (!fs.existsSync(p.python)) {
    return findPython()
      ? 'the Python environment .venv/ is missing: run `npm run setup`'
      : 'python3 is not installed, so notebooks cannot run: install Python 3.9+ and run `npm run setup`';
  }
  if (!fs.existsSync(p.kernelSpec)) return 'the tslab kernel is not registered in .venv/: run `npm run setup`';
  return null;
}
