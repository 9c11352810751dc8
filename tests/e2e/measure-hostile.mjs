// Prints capture times on the hostile shapes of issue 13, with capture.js from a git revision
// (default main) and from the working tree, side by side in one browser: median of N runs.
//   node tests/e2e/measure-hostile.mjs [runs] [rev]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, CHROMIUM, CHROMIUM_ARGS } from './lib.mjs';

const runs = Number(process.argv[2] || 5);
const rev = process.argv[3] || 'main';
const versions = {
  [rev]: execFileSync('git', ['show', `${rev}:extension/src/capture.js`], { cwd: ROOT, encoding: 'utf8' }),
  tree: fs.readFileSync(path.join(ROOT, 'extension/src/capture.js'), 'utf8'),
};
const PROSE = '<p>The ferry crossed the bay at dawn while the gulls followed it home.</p>'.repeat(30);
const shapes = {
  'attrs-40k': `<article>${PROSE}<p id="x">x</p></article><script>const e=document.getElementById('x');for(let i=0;i<40000;i++)e.setAttribute('a'+i,'v')</script>`,
  'hidden-depth-10k': `<style>body{display:none}</style><article>${PROSE}<div id="d"></div></article><script>let e=document.getElementById('d');for(let i=0;i<10000;i++){const x=document.createElement('div');e.append(x);e=x}e.textContent='deep'</script>`,
  'news-like': `<article>${PROSE.repeat(10)}</article>`,
};
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
console.log(`shape              ${Object.keys(versions).map((v) => `${v} ms`.padStart(12)).join('')}   (median of ${runs})`);
for (const [name, html] of Object.entries(shapes)) {
  const times = Object.fromEntries(Object.keys(versions).map((v) => [v, []]));
  for (let i = 0; i < runs; i++) {
    for (const [v, src] of Object.entries(versions)) {
      const page = await browser.newPage();
      await page.setContent(html);
      await page.evaluate(src);
      times[v].push(await page.evaluate(() => globalThis.__lecternCapture({}).ms));
      await page.close();
    }
  }
  console.log(`${name.padEnd(19)}${Object.values(times).map((t) => median(t).toFixed(0).padStart(12)).join('')}`);
}
await browser.close();
