#!/usr/bin/env node
// Copies the last run's tables (bench/results/summary.md, size.md) into bench/README.md and the
// project README, between their <!-- bench:NAME --> ... <!-- /bench:NAME --> markers, so both show
// what `make bench` measured last. Run by `make bench` after the benchmark and the size report.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
// The benchmark's own README and the project README both carry the tables.
for (const readmePath of [path.join(here, 'README.md'), path.join(here, '..', 'README.md')]) {
  let readme = fs.readFileSync(readmePath, 'utf8');
  for (const name of ['summary', 'size']) {
    const file = path.join(here, 'results', `${name}.md`);
    if (!fs.existsSync(file)) continue;
    const open = `<!-- bench:${name} -->`;
    const close = `<!-- /bench:${name} -->`;
    const a = readme.indexOf(open);
    const b = readme.indexOf(close);
    if (a < 0 || b < a) {
      console.error(`bench/readme.mjs: no ${open} ... ${close} markers in ${readmePath}`);
      process.exit(1);
    }
    const body = fs.readFileSync(file, 'utf8').trim();
    readme = `${readme.slice(0, a + open.length)}\n${body}\n${readme.slice(b)}`;
  }
  fs.writeFileSync(readmePath, readme);
  console.log(`${path.relative(process.cwd(), readmePath)}: tables updated from bench/results/`);
}
