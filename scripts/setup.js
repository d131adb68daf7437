#!/usr/bin/env node
/*
 * Everything `npm install` promises, in order: build dist/ (the library the notebooks and the
 * CLI use), create the Python environment .venv/ from requirements.txt, register the tslab
 * kernel inside it. Idempotent: a step whose result is already there and current is skipped.
 *
 *   node scripts/setup.js          strict: exit 1 when a step fails (npm run setup)
 *   node scripts/setup.js --soft   the TypeScript side must succeed; a Python-side failure is
 *                                  reported in one line and the install goes on (postinstall)
 */
'use strict';
const { spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const soft = process.argv.includes('--soft');
const say = (msg) => console.log(`news-stance setup: ${msg}`);

function run(command, args, options = {}) {
  const r = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (r.error) throw new Error(`${command} could not start (${r.error.message})`);
  if (r.status !== 0) throw new Error(`${path.basename(command)} ${args.slice(0, 2).join(' ')} failed with exit code ${r.status}`);
}

function writeAtomic(file, text) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

// 1. The library: dist/ with declarations. Always rebuilt (a few seconds) so dist/ matches lib/.
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
if (!fs.existsSync(tsc)) {
  console.error('news-stance setup: TypeScript is not installed: run `npm install` first');
  process.exit(1);
}
say('building dist/ ...');
run(process.execPath, [tsc, '-p', 'tsconfig.build.json']);

// 2-3. The Python side.
const { findPython, jupyterPaths, jupyterEnv } = require(path.join(root, 'dist', 'jupyter', 'env.js'));
const p = jupyterPaths(root);
const env = jupyterEnv(root);

function pythonSide() {
  const python = findPython();
  if (!python) {
    say('python3 (3.9+) not found: skipped .venv/ and the tslab kernel; the TypeScript library and CLI are installed. Install Python 3 and run `npm run setup` for the notebooks.');
    return;
  }
  const requirements = fs.readFileSync(p.requirements, 'utf8');
  const stamp = crypto.createHash('sha256').update(`${python.version}\n${requirements}`).digest('hex');
  const current = fs.existsSync(p.python) && fs.existsSync(p.stamp) && fs.readFileSync(p.stamp, 'utf8').trim() === stamp;
  if (current) {
    say('.venv/ is up to date with requirements.txt');
  } else {
    if (!fs.existsSync(p.python)) {
      say(`creating .venv/ with ${python.command} ${python.version} ...`);
      run(python.command, ['-m', 'venv', p.venv]);
    }
    say('installing requirements.txt into .venv/ (first time: several minutes) ...');
    run(p.python, ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', '-r', p.requirements], { env });
    writeAtomic(p.stamp, `${stamp}\n`);
  }

  // The kernel spec must point at this checkout's tslab binary.
  let registered = null;
  try {
    registered = JSON.parse(fs.readFileSync(p.kernelSpec, 'utf8')).argv[0];
  } catch {
    registered = null;
  }
  if (registered === p.tslab) {
    say('tslab kernel is registered in .venv/');
  } else {
    say('registering the tslab kernel in .venv/ ...');
    run(p.tslab, ['install', `--python=${p.python}`, '--sys-prefix', `--binary=${p.tslab}`], { env });
  }
  say('ready: `npm start` runs the analysis, `npm run lab` opens JupyterLab, `npm test` tests');
}

try {
  pythonSide();
} catch (err) {
  const msg = `the Jupyter side is not ready (${err.message}); the TypeScript library is built. Fix the cause and run \`npm run setup\`.`;
  if (soft) {
    say(msg);
  } else {
    console.error(`news-stance setup: ${msg}`);
    process.exit(1);
  }
}
