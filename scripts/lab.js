#!/usr/bin/env node
// `npm run lab`: JupyterLab on notebooks/ with the project's venv and tslab kernel. Extra
// arguments go to jupyter lab (`npm run lab -- --port 9999`).
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const { jupyterPaths, jupyterEnv, jupyterUnavailable } = require(path.join(root, 'dist', 'jupyter', 'env.js'));
const why = jupyterUnavailable(root);
if (why) {
  console.error(`news-stance: cannot open JupyterLab: ${why}`);
  process.exit(1);
}
const args = ['lab', `--ServerApp.root_dir=${path.join(root, 'notebooks')}`, ...process.argv.slice(2)];
if (process.getuid && process.getuid() === 0 && !args.includes('--allow-root')) args.push('--allow-root');
const child = spawn(jupyterPaths(root).jupyter, args, { stdio: 'inherit', env: jupyterEnv(root) });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 1));
