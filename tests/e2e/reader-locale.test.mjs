// The extension's reader features in the extension itself: its UI in the browser's language
// (German here), the credits page from the More menu, the watchlist in storage.sync, reading
// positions in storage.local, and a mark clicked selecting its entity.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { chromium } from 'playwright-core';
import { startServer, launchWithExtension, clickAction, readerFrame, EXT, ROOT, SHOTS, CHROMIUM, CHROMIUM_ARGS } from './lib.mjs';

let server;
before(async () => { server = await startServer({ root: path.join(ROOT, 'www') }); });
after(async () => { if (server) await server.close(); });

async function openReader(env) {
  const page = await env.ctx.newPage();
  await page.goto(`${server.origin}/samples/longread.html?t=${Date.now()}`);
  await clickAction(env, page);
  const frame = await readerFrame(env, page, ['ready'], 30000);
  await frame.waitForFunction(() => document.documentElement.dataset.entities === 'ready');
  return { page, frame };
}

test('English: features present, credits page lists the data, watchlist and positions stored, click-to-select', async () => {
  const env = await launchWithExtension();
  try {
    const { page, frame } = await openReader(env);
    assert.equal(await frame.locator('#lx-speak').count(), 1);
    assert.equal(await frame.isVisible('#lx-toc-btn'), true, 'four headings: contents offered');
    await frame.click('.lx-extra .lx-more > summary');
    const href = await frame.getAttribute('#lx-credits', 'href');
    assert.equal(href, `chrome-extension://${env.extId}/credits.html`);
    const credits = await env.ctx.newPage();
    await credits.goto(href);
    assert.match(await credits.locator('h1').innerText(), /credits/);
    assert.ok(await credits.locator('tr[data-file]').count() >= 8);
    await credits.close();

    // The watchlist goes to storage.sync.
    await frame.click('.lx-extra .lx-more > summary');
    await frame.click('#lx-entities-btn');
    await frame.click('.lx-watch-add > summary');
    await frame.fill('#lx-watch-term', 'Orsova');
    await frame.click('#lx-watch-add');
    await frame.waitForFunction(() => Number(document.documentElement.dataset.watchMarks) >= 2);
    const sync = await env.sw.evaluate(() => chrome.storage.sync.get('watchlist'));
    assert.deepEqual(sync.watchlist, [{ term: 'Orsova', aliases: [], colour: 'yellow' }]);

    // A mark clicked in the text selects its entity.
    const mark = frame.locator('mark.lx-ent', { hasText: 'Maria Ilie' }).first();
    const id = await mark.getAttribute('data-entity');
    await mark.click();
    assert.equal(await frame.getAttribute(`.lx-entity[data-entity="${id}"]`, 'aria-pressed'), 'true');

    // The reading position goes to storage.local, hashed.
    await frame.evaluate(() => window.scrollTo(0, (document.scrollingElement.scrollHeight - innerHeight) / 2));
    let local = {};
    for (let i = 0; i < 40 && !local.positions; i++) {
      await new Promise((r) => setTimeout(r, 100));
      local = await env.sw.evaluate(() => chrome.storage.local.get('positions'));
    }
    assert.equal(Object.keys(local.positions || {}).length, 1);
    assert.ok(!JSON.stringify(local).includes('longread'));
    await page.close();
  } finally {
    await env.close();
  }
});

// Debian's Chromium ships its German UI in chromium-l10n; without it the browser stays English.
test('German browser: the manifest and the reader speak German', async (t) => {
  if (!fs.existsSync('/usr/lib/chromium/locales/de.pak')) { t.skip('no German locale for Chromium (apt install chromium-l10n)'); return; }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-de-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, viewport: { width: 1100, height: 800 }, locale: 'de-DE',
    env: { ...process.env, LANGUAGE: 'de', LANG: 'de_DE.UTF-8' },
    args: [...CHROMIUM_ARGS, '--lang=de', '--enable-unsafe-extension-debugging', `--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`],
  });
  try {
    let sw = ctx.serviceWorkers()[0];
    if (!sw) sw = await ctx.waitForEvent('serviceworker', { timeout: 15000 });
    const extId = new URL(sw.url()).host;
    for (let i = 0; i < 100; i++) {
      if (await sw.evaluate(() => chrome.action.onClicked.hasListeners())) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(await sw.evaluate(() => chrome.i18n.getUILanguage()), 'de');
    assert.equal(await sw.evaluate(() => chrome.runtime.getManifest().description), JSON.parse(fs.readFileSync(path.join(EXT, '_locales/de/messages.json'), 'utf8')).extDescription.message);
    assert.equal(await sw.evaluate(() => chrome.action.getTitle({})), 'Leseansicht (Alt+Umschalt+R)');
    const cdp = await ctx.browser().newBrowserCDPSession();
    const env = { ctx, sw, extId, cdp };
    const { frame } = await openReader(env);
    assert.equal(await frame.locator('#lx-speak').innerText(), 'Vorlesen');
    assert.equal(await frame.locator('#lx-entities-btn').innerText(), 'Namen');
    assert.equal(await frame.locator('.lx-extra .lx-more > summary').innerText(), 'Mehr');
    assert.equal(await frame.getAttribute('#lx-size-up', 'title'), 'Größere Schrift');
    assert.match(await frame.locator('.lx-legend').innerText(), /Personen/);
  } finally {
    await ctx.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

// A slow fake speech engine (one word every 400 ms), so that the screenshot catches a highlight.
function slowSpeech() {
  const voice = { name: 'English (on device)', voiceURI: 'local', lang: 'en-GB', localService: true, default: true };
  let timers = [];
  Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: {
    getVoices: () => [voice], addEventListener() {},
    cancel() { timers.forEach(clearTimeout); timers = []; },
    speak(u) {
      let t = 0;
      timers.push(setTimeout(() => u.onstart && u.onstart({}), 1));
      for (const m of u.text.matchAll(/\S+/g)) timers.push(setTimeout(() => u.onboundary && u.onboundary({ name: 'word', charIndex: m.index }), t += 400));
      timers.push(setTimeout(() => u.onend && u.onend({}), t + 400));
    },
  } });
  window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
}

test('README screenshot: reading aloud, contents beside the article, the entity panel open', async () => {
  const env = await launchWithExtension();
  try {
    await env.ctx.addInitScript(slowSpeech);
    const { page, frame } = await openReader(env);
    await page.setViewportSize({ width: 1400, height: 900 });
    await frame.click('#lx-entities-btn');
    await frame.locator('.lx-main').focus();
    await page.keyboard.press(']');
    await page.keyboard.press(']');
    await page.keyboard.press('p');
    await frame.waitForFunction(() => /:\d+-\d+:\d+-\d+$/.test(document.documentElement.dataset.spoken || '') && /:\d+-\d+:\d+-\d+$/.test(document.documentElement.dataset.spoken) && Number(document.documentElement.dataset.spoken.split(':')[2].split('-')[0]) > 20);
    await frame.evaluate(() => { window.scrollTo(0, 0); document.activeElement.blur(); });
    await page.mouse.move(1390, 890);
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'reader-features.tmp.png') });
    await page.keyboard.press('p').catch(() => {});
  } finally {
    await env.close();
  }
});
