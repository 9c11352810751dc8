// Read aloud with the machine's real speech engine, where there is one: Chromium on Linux lists
// speech-dispatcher's voices (Debian: apt install speech-dispatcher espeak-ng) only when started
// with --enable-speech-dispatcher. Without such voices the test is skipped (the controller itself
// is tested with a scripted engine in tests/js/speech.test.mjs and reader-features.test.mjs).
// Measured here: espeak-ng's voices are listed as local and fire `start`, but without an audio
// device no word boundaries or `end` arrive, so only the first sentence's highlight is checked;
// the daemon's espeak-ng module then hangs, and later runs find no voice (and skip) until the
// speech-dispatcher process is ended.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { startServer, ROOT, CHROMIUM, CHROMIUM_ARGS } from './lib.mjs';

test('real engine: local voices offered, the first sentence highlighted when speaking starts', async (t) => {
  if (!fs.existsSync('/usr/bin/speech-dispatcher')) { t.skip('no speech-dispatcher on this machine'); return; }
  const server = await startServer({ root: path.join(ROOT, 'www') });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS, '--enable-speech-dispatcher'] });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/index.html`);
    await page.waitForFunction(() => document.documentElement.dataset.state === 'ready');
    const voices = await page.waitForFunction(() => Number(document.documentElement.dataset.voices || 0), null, { timeout: 10000 }).then((h) => h.jsonValue()).catch(() => 0);
    if (!voices) { t.skip('Chromium lists no speech-dispatcher voice'); return; }
    const local = await page.evaluate(() => speechSynthesis.getVoices().filter((v) => v.localService).length);
    assert.equal(voices, local, 'only local voices offered');
    await page.click('#lx-speak');
    await page.waitForFunction(() => /^0:0-\d+/.test(document.documentElement.dataset.spoken || ''), null, { timeout: 10000 });
    assert.equal(await page.evaluate(() => CSS.highlights.has('lx-speech-sentence')), true);
    await page.click('#lx-speak');
  } finally {
    await browser.close();
    await server.close();
  }
});
