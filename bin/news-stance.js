#!/usr/bin/env node
'use strict';
// The news-stance command; its code is in lib/cli (built to dist/cli by `npm install`).
let main;
try {
  ({ main } = require('../dist/cli/main.js'));
} catch (err) {
  console.error(`news-stance: the library is not built (${err.code || err.message}): run \`npm install\` or \`npm run build\``);
  process.exit(1);
}
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(`news-stance: ${err && err.message ? err.message : err}`);
    process.exit(1);
  },
);
