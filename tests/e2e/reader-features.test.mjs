// The reader's features in the playground (the same modules as the extension's reader): read
// aloud with a scripted fake speech engine, contents, progress, reading position, spacing, the
// legible font, line focus, export, print, entity export, the watchlist and click-to-select.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { startServer, ROOT, CHROMIUM, CHROMIUM_ARGS } from './lib.mjs';

let server; let browser;

before(async () => {
  if (!fs.existsSync(path.join(ROOT, 'www/pkg/lectern_bg.wasm'))) throw new Error('www/pkg is missing: run `make build` first');
  server = await startServer({ root: path.join(ROOT, 'www') });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.close();
});

// A fake Web Speech engine: voices as given, each utterance "spoken" in a few ms with a start,
// a boundary per word and an end. Records what it was asked to say in window.__spoken.
function fakeSpeech(voices) {
  const spoken = [];
  window.__spoken = spoken;
  let timers = [];
  const synth = {
    getVoices: () => voices,
    speak(u) {
      spoken.push({ text: u.text, rate: u.rate, voice: u.voice && u.voice.voiceURI });
      const at = (ms, fn) => timers.push(setTimeout(fn, ms));
      at(5, () => u.onstart && u.onstart({}));
      let t = 10;
      for (const m of u.text.matchAll(/\S+/g)) { const i = m.index; at(t += 15, () => u.onboundary && u.onboundary({ name: 'word', charIndex: i })); }
      at(t + 15, () => u.onend && u.onend({}));
    },
    cancel() { timers.forEach(clearTimeout); timers = []; },
    addEventListener() {},
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
}

async function openPlayground({ sample = 'samples/longread.html', voices = null, width = 1100, clear = true } = {}) {
  const ctx = await browser.newContext({ viewport: { width, height: 800 }, acceptDownloads: true });
  if (voices) await ctx.addInitScript(fakeSpeech, voices);
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.origin}/index.html`);
  if (clear) await page.evaluate(() => localStorage.clear());
  await page.waitForFunction(() => document.documentElement.dataset.wasm === 'ready');
  await page.waitForFunction(() => document.documentElement.dataset.state === 'ready');
  if (sample) {
    const runs = await page.evaluate(() => Number(document.documentElement.dataset.runs));
    await page.selectOption('#pg-sample', sample);
    await page.waitForFunction((n) => Number(document.documentElement.dataset.runs) > n && document.documentElement.dataset.state === 'ready', runs);
  }
  return { ctx, page, errors };
}

const VOICES = [
  { name: 'Local English', voiceURI: 'local-en', lang: 'en-GB', localService: true, default: true },
  { name: 'Cloud English', voiceURI: 'cloud-en', lang: 'en-US', localService: false, default: false },
];

test('read aloud: local voices only, sentence and word highlighted, paragraphs, speed, shortcut, scrolling along', async () => {
  const { ctx, page, errors } = await openPlayground({ voices: VOICES });
  const voiceNames = () => page.$$eval('#lx-speak-voice option', (os) => os.map((o) => o.textContent));
  assert.deepEqual(await voiceNames(), ['Local English'], 'network voices hidden by default');
  await page.selectOption('#lx-speak-rate', '1.5');
  await page.click('#lx-speak');
  // Both highlights at once (checked in one go: the fake engine moves on every few ms).
  await page.waitForFunction(() => /:\d+-\d+:\d+-\d+$/.test(document.documentElement.dataset.spoken || '')
    && CSS.highlights.has('lx-speech-sentence') && CSS.highlights.has('lx-speech-word'));
  const first = await page.evaluate(() => window.__spoken[0]);
  assert.equal(first.text, 'A river in four seasons', 'starts with the title');
  assert.equal(first.rate, 1.5);
  assert.equal(first.voice, 'local-en');
  assert.equal(await page.getAttribute('#lx-speak', 'aria-pressed'), 'true');
  // The shortcut: ] skips paragraphs; the page scrolls to follow the reading.
  await page.locator('.lx-main').focus();
  for (let i = 0; i < 12; i++) await page.keyboard.press(']');
  await page.waitForFunction(() => window.__spoken.some((s) => /Ferry crossings double/.test(s.text) || /notebook|museum|Anglers/.test(s.text)));
  await page.waitForFunction(() => window.scrollY > 300);
  const spokenNow = await page.evaluate(() => document.querySelector('.lx-speaking')?.textContent || '');
  assert.ok(spokenNow.length > 0, 'the paragraph being read is marked');
  await page.keyboard.press('p');
  await page.waitForFunction(() => document.documentElement.dataset.speaking === 'false');
  assert.equal(await page.getAttribute('#lx-speak', 'aria-pressed'), 'false');

  // Network voices only after opting in, with a line saying where the text goes.
  await page.click('.lx-extra .lx-more > summary');
  assert.match(await page.locator('#lx-net-voices-note').innerText(), /send the text they read to the voice’s provider/);
  await page.check('#lx-net-voices');
  assert.deepEqual(await voiceNames(), ['Local English', 'Cloud English (online)']);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('read aloud: without a local voice the reader says so plainly', async () => {
  const { ctx, page } = await openPlayground({ voices: [VOICES[1]] });
  assert.match(await page.locator('#lx-speech-note').innerText(), /No voice is installed on this device/);
  assert.equal(await page.isDisabled('#lx-speak'), true);
  await ctx.close();
});

test('contents: a menu on narrow screens, a side panel on wide ones, following the current section', async () => {
  const { ctx, page } = await openPlayground();
  assert.equal(await page.isVisible('#lx-toc'), false, 'narrow: hidden until asked for');
  await page.click('#lx-toc-btn');
  assert.equal(await page.isVisible('#lx-toc'), true);
  const links = await page.$$eval('#lx-toc a', (as) => as.map((a) => a.textContent));
  assert.deepEqual(links, ['Winter: ice and silence', 'Spring: the flood', 'Summer: the busy months', 'Autumn: the long goodbye']);
  await page.click('#lx-toc a >> nth=2');
  await page.waitForFunction(() => document.querySelector('#lx-toc a[aria-current]')?.textContent === 'Summer: the busy months');
  assert.equal(await page.isVisible('#lx-toc'), false, 'the menu closes after a choice');
  await page.setViewportSize({ width: 1400, height: 800 });
  assert.equal(await page.isVisible('#lx-toc'), true, 'wide: a side panel');
  assert.equal(await page.isVisible('#lx-toc-btn'), false);
  const [tocTop, barBottom] = await page.evaluate(() => [document.querySelector('#lx-toc').getBoundingClientRect().top, document.querySelector('.lx-toolbar').getBoundingClientRect().bottom]);
  assert.ok(tocTop >= barBottom, `the side panel starts below the toolbar (${tocTop} < ${barBottom})`);
  // A short article gets no contents.
  const runs = await page.evaluate(() => Number(document.documentElement.dataset.runs));
  await page.selectOption('#pg-sample', 'samples/essay.html');
  await page.waitForFunction((n) => Number(document.documentElement.dataset.runs) > n, runs);
  assert.equal(await page.isVisible('#lx-toc'), false);
  await ctx.close();
});

test('progress bar and the reading position offered on return, then forgotten', async () => {
  const { ctx, page } = await openPlayground();
  assert.ok(Number(await page.getAttribute('.lx-progress', 'aria-valuenow')) < 100);
  await page.evaluate(() => window.scrollTo(0, document.scrollingElement.scrollHeight));
  await page.waitForFunction(() => document.querySelector('.lx-progress').getAttribute('aria-valuenow') === '100');
  await page.evaluate(() => window.scrollTo(0, (document.scrollingElement.scrollHeight - innerHeight) / 2));
  // Saved a moment after scrolling stops: wait for the middle, not the bottom saved just before.
  await page.waitForFunction(() => {
    const all = Object.values(JSON.parse(localStorage.getItem('lectern-positions') || '{}'));
    return all.length === 1 && all[0].f > 0.3 && all[0].f < 0.7;
  });
  const stored = await page.evaluate(() => localStorage.getItem('lectern-positions'));
  assert.ok(!stored.includes('longread'), 'the URL is stored hashed');
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.state === 'ready');
  const runs = await page.evaluate(() => Number(document.documentElement.dataset.runs));
  await page.selectOption('#pg-sample', 'samples/longread.html');
  await page.waitForFunction((n) => Number(document.documentElement.dataset.runs) > n, runs);
  await page.waitForSelector('#lx-resume');
  assert.match(await page.locator('.lx-offer').innerText(), /read part of this page before/);
  await page.click('#lx-resume');
  assert.ok(await page.evaluate(() => window.scrollY) > 200, 'back where the reader left off');
  await page.click('.lx-extra .lx-more > summary');
  await page.click('#lx-forget-all');
  await page.waitForFunction(() => localStorage.getItem('lectern-positions') === null);
  await ctx.close();
});

test('letter and word spacing, the legible font, line focus', async () => {
  const { ctx, page } = await openPlayground();
  await page.click('#lx-text-btn');
  await page.selectOption('#lx-letter', '0.05');
  await page.selectOption('#lx-word', '0.2');
  await page.check('#lx-legible');
  const style = await page.evaluate(async () => {
    const a = getComputedStyle(document.querySelector('.lx-article'));
    const loaded = await document.fonts.load('20px "Atkinson Hyperlegible"');
    return { letter: a.letterSpacing, word: a.wordSpacing, font: a.fontFamily, loaded: loaded.length };
  });
  assert.equal(style.letter, '1px'); // 0.05em of 20px
  assert.equal(style.word, '4px');
  assert.match(style.font, /^"Atkinson Hyperlegible"/);
  assert.ok(style.loaded > 0, 'the shipped font file loads');
  await page.selectOption('#lx-focus', '3');
  const band = await page.evaluate(() => { const b = document.querySelector('.lx-focus-top'); return { d: getComputedStyle(b).display, h: b.getBoundingClientRect().height }; });
  assert.equal(band.d, 'block');
  assert.ok(band.h > 200 && band.h < 400, `the top band leaves three lines in the middle (${band.h})`);
  // Kept for the next visit.
  const prefs = await page.evaluate(() => JSON.parse(localStorage.getItem('lectern-readerPrefs')));
  assert.deepEqual([prefs.letterSpacing, prefs.wordSpacing, prefs.legible, prefs.focusLines], [0.05, 0.2, true, 3]);
  await ctx.close();
});

async function downloaded(page, click) {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await dl.path();
  return { name: dl.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
}

test('export as Markdown and HTML (with and without marks), copy, and a print stylesheet', async () => {
  const { ctx, page } = await openPlayground();
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await page.click('.lx-extra .lx-more > summary');
  assert.ok(!/\bnull\b|undefined/.test(await page.locator('.lx-extra .lx-more-box').innerText()), 'no stray values in the menu');
  // The credits page, as in the extension.
  const credits = await ctx.newPage();
  await credits.goto(new URL(await page.getAttribute('#lx-credits', 'href'), page.url()).href);
  assert.ok(await credits.locator('tr[data-file]').count() >= 8);
  assert.equal(await credits.evaluate(() => getComputedStyle(document.body).backgroundColor), await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'styled like the reader');
  await credits.close();
  const md = await downloaded(page, () => page.click('#lx-dl-md'));
  assert.equal(md.name, 'a-river-in-four-seasons.md');
  assert.match(md.text, /^# A river in four seasons\n\n_Clara Hoffmann · /);
  assert.match(md.text, new RegExp(`Source: <${server.origin}/samples/longread\\.html>`));
  assert.match(md.text, /\n## Spring: the flood\n/);
  assert.match(md.text, /\[Image: The flood wall at the harbour\]\(http:\/\/127\.0\.0\.1:\d+\/samples\/danube-wall\.png\)/);
  assert.match(md.text, /\n- Ferry crossings double between June and August\.\n- Anglers/);
  assert.ok(!md.text.includes('<mark'), 'no marks unless asked');
  assert.ok(!/\n[ \t]+\n/.test(md.text) && !/\n{3}/.test(md.text), 'no stray blank lines');
  assert.ok(!/Subscribe|More from the river/.test(md.text), 'the article alone');
  await page.check('#lx-export-marks');
  const marked = await downloaded(page, () => page.click('#lx-dl-md'));
  assert.match(marked.text, /<mark data-label="PER">Ion Popescu<\/mark>/);
  const html = await downloaded(page, () => page.click('#lx-dl-html'));
  assert.match(html.text, /^<!DOCTYPE html>/);
  assert.match(html.text, /<h1>A river in four seasons<\/h1>/);
  assert.match(html.text, /<a href="http:\/\/127\.0\.0\.1:\d+\/samples\/danube-wall\.png">Image: The flood wall at the harbour<\/a>/);
  assert.match(html.text, /<mark data-label="LOC">/);
  assert.ok(!/<img|<script|class=|style=|on\w+=/.test(html.text.replace(/<style>[^<]*<\/style>/, '')), 'clean HTML');
  await page.uncheck('#lx-export-marks');
  await page.click('#lx-copy-md');
  await page.waitForFunction(() => /Copied/.test(document.querySelector('.lx-more-box [role=status]').textContent));
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /^# A river in four seasons/);

  await page.emulateMedia({ media: 'print' });
  const shown = await page.evaluate(() => ['.lx-toolbar', '.pg-head', '.lx-legend', '.lx-article'].map((s) => getComputedStyle(document.querySelector(s)).display));
  assert.deepEqual(shown.slice(0, 3), ['none', 'none', 'none']);
  assert.notEqual(shown[3], 'none');
  const pdf = await page.pdf(); // Chromium's "Save as PDF"
  assert.ok(pdf.length > 1000);
  await ctx.close();
});

test('entities: CSV and JSON export with each mention in its sentence; a mark clicked selects its entity', async () => {
  const { ctx, page } = await openPlayground();
  await page.click('#lx-entities-btn');
  const csv = await downloaded(page, () => page.click('#lx-ent-csv'));
  const lines = csv.text.trim().split('\r\n');
  assert.equal(lines[0], 'name,type,mentions,mention,sentence');
  assert.ok(lines.some((l) => /^Ion Popescu,PER,\d+,Ion Popescu,Ion Popescu, who has piloted the ferry/.test(l) || /^Ion Popescu,PER,\d+,Ion Popescu,"Ion Popescu, who has piloted/.test(l)), lines.join('\n'));
  const json = JSON.parse((await downloaded(page, () => page.click('#lx-ent-json'))).text);
  assert.equal(json.title, 'A river in four seasons');
  const count = await page.evaluate(() => document.querySelectorAll('.lx-group-ents .lx-entity').length);
  assert.equal(json.entities.length, count);
  for (const e of json.entities) {
    assert.equal(e.mentions.length, e.count, `${e.name}: each mention listed`);
    for (const m of e.mentions) assert.ok(m.sentence.includes(m.text.split(' ')[0]), `${e.name}: "${m.text}" in "${m.sentence}"`);
  }
  await page.click('#lx-panel .lx-icon'); // close the panel
  const mark = page.locator('mark.lx-ent', { hasText: 'Elena Marin' }).first();
  const id = await mark.getAttribute('data-entity');
  await mark.click();
  assert.equal(await page.isVisible('#lx-panel'), true, 'the panel opens');
  assert.equal(await page.getAttribute(`.lx-entity[data-entity="${id}"]`, 'aria-pressed'), 'true');
  assert.equal(await mark.evaluate((m) => m.classList.contains('lx-current')), true, 'stepping starts at the clicked mention');
  await ctx.close();
});

test('watchlist: terms with aliases and colour, marked in the article, listed first, kept', async () => {
  const { ctx, page } = await openPlayground();
  await page.click('#lx-entities-btn');
  assert.equal(await page.evaluate(() => document.querySelector('.lx-panel-list').firstElementChild.className), 'lx-watch-section');
  await page.click('.lx-watch-add > summary');
  await page.fill('#lx-watch-term', 'catfish');
  await page.fill('#lx-watch-aliases', 'ferry, Iron Gates');
  await page.selectOption('#lx-watch-colour', 'green');
  await page.click('#lx-watch-add');
  await page.waitForFunction(() => Number(document.documentElement.dataset.watchMarks) > 0);
  const marks = await page.$$eval('mark.lx-watch', (ms) => ms.map((m) => m.textContent));
  assert.deepEqual([...new Set(marks.map((m) => m.toLowerCase()))].sort(), ['catfish', 'ferry', 'iron gates']);
  assert.ok(await page.evaluate(() => document.querySelector('mark.lx-watch').classList.contains('lx-watch-green')));
  assert.equal(await page.locator('.lx-watch-section .lx-count').innerText(), String(marks.length));
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('lectern-watchlist')));
  assert.deepEqual(stored, [{ term: 'catfish', aliases: ['ferry', 'Iron Gates'], colour: 'green' }]);
  // Marked in any article.
  const runs = await page.evaluate(() => Number(document.documentElement.dataset.runs));
  await page.selectOption('#pg-sample', 'samples/news.html');
  await page.waitForFunction((n) => Number(document.documentElement.dataset.runs) > n, runs);
  await page.click('.lx-watch-section .lx-entity').catch(() => {});
  await page.click(`.lx-watch-section button[aria-label="Remove catfish"]`);
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('lectern-watchlist')).length === 0);
  assert.equal(await page.locator('mark.lx-watch').count(), 0);
  await ctx.close();
});
