// What the reader shows of a page's content, on pages of our own for classes of issue 12: maths
// (native MathML, KaTeX, MathJax 2 and 3) shown once each and drawn by the browser's MathML, and
// a lead image that the page's share image repeats at another size shown once. (The overlay's
// visibility under anti-flicker snippets is hardening.test.mjs's.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchWithExtension, clickAction, readerFrame, SHOTS } from './lib.mjs';

let env; let server;

before(async () => {
  server = await startServer();
  env = await launchWithExtension();
});

after(async () => {
  if (env) await env.close();
  if (server) await server.close();
});

async function openReader(name) {
  const page = await env.ctx.newPage();
  // Tall enough for the whole article in one screenshot.
  await page.setViewportSize({ width: 1100, height: 1700 });
  // A unique URL per page so the tab can be found for the toolbar click.
  await page.goto(`${server.origin}/${name}.html?t=${Date.now()}${Math.random().toString(36).slice(2, 6)}`);
  await clickAction(env, page);
  const frame = await readerFrame(env, page);
  assert.equal(await frame.evaluate(() => document.documentElement.dataset.state), 'ready');
  return { page, frame };
}

// The formulas of the reader's article: how many, whether each is MathML the browser lays out
// (a superscript above its base, a numerator above its denominator), and where "≠" (a sign
// only the formulas hold) appears.
async function maths(frame) {
  return frame.evaluate(() => {
    const article = document.querySelector('.lx-article');
    const list = [...article.querySelectorAll('math')];
    const count = (s) => s.split('\u2260').length - 1;
    const top = (el) => el.getBoundingClientRect().top;
    const bottom = (el) => el.getBoundingClientRect().bottom;
    return {
      count: list.length,
      mathml: list.every((m) => m.namespaceURI === 'http://www.w3.org/1998/Math/MathML'
        && getComputedStyle(m).display.includes('math')),
      raised: [...article.querySelectorAll('msup')].every((s) => bottom(s.children[1]) < bottom(s.children[0])),
      stacked: [...article.querySelectorAll('mfrac')].every((f) => bottom(f.children[0]) <= top(f.children[1]) + 1),
      fractions: article.querySelectorAll('mfrac').length,
      blocks: list.filter((m) => m.getAttribute('display') === 'block').length,
      signsInMaths: list.reduce((n, m) => n + count(m.textContent), 0),
      signsInArticle: count(article.textContent),
      marksInMaths: article.querySelectorAll('math mark').length,
      text: article.innerText,
    };
  });
}

test('MathML and KaTeX: each formula once, drawn as MathML, no TeX source', async () => {
  const { page, frame } = await openReader('maths');
  const m = await maths(frame);
  assert.equal(m.count, 5, `five formulas: ${m.text}`);
  assert.ok(m.mathml, 'in the MathML namespace, laid out as maths');
  assert.ok(m.raised && m.stacked && m.fractions >= 3, `laid out: ${JSON.stringify(m)}`);
  assert.equal(m.blocks, 2, 'display formulas stay display formulas');
  assert.equal(m.signsInArticle, m.signsInMaths, 'no visual copy beside the MathML');
  assert.equal(m.signsInMaths, 3);
  assert.equal(m.marksInMaths, 0, 'no entity marks inside maths');
  assert.doesNotMatch(m.text, /\\frac|\\neq|x1x2|b\/a/, 'neither TeX source nor KaTeX\'s HTML copy');
  assert.match(m.text, /Vieta's formulas/);
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, 'reader-maths.tmp.png') });
  await page.close();
});

test('MathJax 2 and 3: the assistive MathML is shown once, its visual copies are not', async () => {
  const { page, frame } = await openReader('mathjax');
  const m = await maths(frame);
  assert.equal(m.count, 3, `three formulas: ${m.text}`);
  assert.ok(m.mathml && m.raised, `laid out as maths: ${JSON.stringify(m)}`);
  assert.equal(m.blocks, 1);
  assert.equal(m.signsInArticle, m.signsInMaths, 'no visual copy beside the MathML');
  assert.equal(m.signsInMaths, 2);
  assert.doesNotMatch(m.text, /\\neq|E = pc/, 'neither TeX source nor the HTML-CSS copy');
  assert.match(m.text, /Particle physicists/);
  const custom = await frame.evaluate(() => document.querySelectorAll('.lx-article mjx-container, .lx-article mjx-math').length);
  assert.equal(custom, 0);
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, 'reader-mathjax.tmp.png') });
  await page.close();
});

test('the share image repeating the first figure at another size: the lead image appears once', async () => {
  const { page, frame } = await openReader('leadimage');
  // The lead figure (lx-lead) and the body's images alike.
  const srcs = await frame.evaluate(() => [...document.querySelectorAll('.lx-article img')].map((i) => i.getAttribute('src')));
  assert.equal(srcs.filter((s) => s.includes('north-quay-crane')).length, 1, `one picture of the crane: ${srcs}`);
  // And it is the first thing under the headline, with the article's text on the first screen.
  const first = await frame.evaluate(() => {
    const p = [...document.querySelectorAll('.lx-body p')].find((e) => /steam crane/.test(e.textContent));
    return p ? p.getBoundingClientRect().top : Infinity;
  });
  assert.ok(first < 800, `the first paragraph starts at ${first}px, within a laptop's first screen`);
  await page.close();
});
