#!/usr/bin/env node
// Copies the last run's tables (bench/results/summary.md, size.md) into bench/README.md between
// its <!-- bench:NAME --> ... <!-- /bench:NAME --> markers, so the README shows what `make bench`
// measured last. Run by `make bench` after the benchmark and the size report.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const readmePath = path.join(here, 'README.md');
let readme = fs.readFileSync(readmePath, 'utf8');
for (const name of ['summary', 'size']) {
  const file = path.join(here, 'results', `${name}.md`);
  if (!fs.existsSync(file)) continue;
  const open = `<!-- bench:${name} -->`;
  const close = `<!-- /bench:${name} -->`;
  const a = readme.indexOf(open);
  const b = readme.indexOf(close);
  if (a < 0 || b < a) {
    console.error(`bench/readme.mjs: no ${open} ... ${close} markers in bench/README.md`);
    process.exit(1);
  }
  const body = fs.readFileSync(file, 'utf8').trim();
  readme = `${readme.slice(0, a + open.length)}\n${body}\n${readme.slice(b)}`;
}
fs.writeFileSync(readmePath, readme);
console.log('bench/README.md: tables updated from bench/results/');
