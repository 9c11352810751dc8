// The www playground in Debian's Chromium: samples, pasted HTML, reader view and JSON.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { startServer, ROOT, CHROMIUM, CHROMIUM_ARGS } from './lib.mjs';

let server; let browser; let page;
const requests = [];

before(async () => {
  if (!fs.existsSync(path.join(ROOT, 'www/pkg/lectern_bg.wasm'))) throw new Error('www/pkg is missing: run `make build` first');
  server = await startServer({ root: path.join(ROOT, 'www') });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${server.origin}/index.html`);
  await page.waitForFunction(() => document.documentElement.dataset.wasm === 'ready');
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.close();
});

const state = () => page.evaluate(() => document.documentElement.dataset.state);

test('the news sample shows the reader view without the clutter, and its JSON', async () => {
  await page.waitForFunction(() => document.documentElement.dataset.state !== 'loading');
  assert.equal(await state(), 'ready');
  assert.match(await page.locator('.lx-title').innerText(), /Danube towns finish flood wall/);
  const text = await page.locator('.lx-article').innerText();
  assert.match(text, /Gábor Németh/);
  for (const clutter of ['Garden furniture', 'Subscribe to continue', 'Similar stories', 'Skip to main content']) {
    assert.ok(!text.toLowerCase().includes(clutter.toLowerCase()), `${clutter} must not be shown`);
  }
  await page.click('#pg-tab-json');
  const json = JSON.parse(await page.locator('#pg-json').innerText());
  assert.match(json.article.title, /Danube/);
  assert.ok(Array.isArray(json.entities.entities));
  assert.ok(json.reader_html.includes('lx-article'));
  await page.click('#pg-tab-reader');
});

test('pasted HTML is processed; a page without an article gets a plain message', async () => {
  await page.selectOption('#pg-sample', '');
  const paras = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1} of a pasted story about the lighthouse keepers of the northern coast, who kept the lamps burning through every winter storm for more than a century.</p>`).join('');
  await page.fill('#pg-html', `<html><head><title>Lighthouse keepers</title></head><body><nav><a href="/">Home</a></nav><article><h1>The last lighthouse keepers</h1>${paras}</article></body></html>`);
  await page.fill('#pg-url', 'https://example.org/lighthouses');
  const before = await page.evaluate(() => Number(document.documentElement.dataset.runs));
  await page.click('#pg-run');
  await page.waitForFunction((n) => Number(document.documentElement.dataset.runs) > n, before);
  assert.equal(await state(), 'ready');
  assert.match(await page.locator('.lx-title').innerText(), /lighthouse keepers/i);

  const runs = await page.evaluate(() => Number(document.documentElement.dataset.runs));
  await page.selectOption('#pg-sample', 'samples/listing.html');
  await page.waitForFunction((n) => Number(document.documentElement.dataset.runs) > n, runs);
  assert.equal(await state(), 'no-article', 'a front page is not an article');
  assert.match(await page.locator('.lx-status').innerText(), /doesn.t look like an article/);
});

test('an article in another language: no name marks, and a note saying why', async () => {
  await page.selectOption('#pg-sample', '');
  const paras = Array.from({ length: 6 }, (_, i) => `<p>Absatz ${i + 1}: Die Fähre überquerte die Bucht im Morgengrauen, während die Möwen ihr folgten. Der Hafenmeister notierte jede Überfahrt in seinem Logbuch, und die Fischer warteten am Kai auf besseres Wetter.</p>`).join('');
  await page.fill('#pg-html', `<html lang="de"><head><title>Die Fähre</title></head><body><article><h1>Die letzte Fähre des Jahres</h1>${paras}</article></body></html>`);
  await page.fill('#pg-url', 'https://example.org/faehre');
  const before = await page.evaluate(() => Number(document.documentElement.dataset.runs));
  await page.click('#pg-run');
  await page.waitForFunction((n) => Number(document.documentElement.dataset.runs) > n, before);
  assert.equal(await state(), 'ready');
  assert.equal(await page.locator('mark.lx-PER, mark.lx-ORG, mark.lx-LOC, mark.lx-MISC').count(), 0, 'no names marked');
  assert.match(await page.locator('.lx-legend-note').innerText(), /English text only/);
  assert.ok(await page.locator('.lx-legend').isVisible());
  // English text gets its names, and no note.
  await page.selectOption('#pg-sample', 'samples/news.html');
  await page.waitForFunction(() => document.querySelector('mark.lx-PER') !== null);
  assert.equal(await page.locator('.lx-legend-note').count(), 0);
});

test('the playground loads nothing from outside its own server', async () => {
  for (const u of requests) assert.ok(u.startsWith(server.origin) || u.startsWith('data:'), `requested ${u}`);
});
