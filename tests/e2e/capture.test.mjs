// capture.js on its own in Chromium: what is left out, what is kept, and the fallback for pages
// that hide everything until their own scripts run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, CHROMIUM, CHROMIUM_ARGS } from './lib.mjs';

const CAPTURE = fs.readFileSync(path.join(ROOT, 'extension', 'src', 'capture.js'), 'utf8');
let browser;

before(async () => { browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS }); });
after(async () => { if (browser) await browser.close(); });

async function capture(html) {
  const page = await browser.newPage();
  try {
    await page.setContent(html);
    await page.evaluate(CAPTURE);
    return await page.evaluate(() => globalThis.__lecternCapture({}));
  } finally {
    await page.close();
  }
}

const PROSE = 'The ferry crossed the bay at dawn while the gulls followed it home. '.repeat(30);

test('hidden things are left out, shown things and open shadow roots kept', async () => {
  const c = await capture(`<style>.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0)}
    .gone{display:none} .inv{visibility:hidden}</style>
    <p>Shown <span class="sr">SR-SPAN</span> text <a href="/x">a link</a> <em>stressed</em></p>
    <div class="sr"><h2>SR-BLOCK</h2></div><p class="gone">GONE</p><p class="inv">INVISIBLE <b>INV-CHILD</b></p>
    <div aria-hidden="true" role="dialog">DIALOG</div><p hidden>HIDDEN-ATTR</p><p style="width:0;height:0;overflow:hidden">ZERO-BOX</p>
    <div id="host"></div>
    <script>document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<p>SHADOW-TEXT</p>';</script>`);
  for (const kept of ['Shown', 'a link', 'stressed', 'SHADOW-TEXT']) assert.ok(c.html.includes(kept), `${kept} kept`);
  for (const gone of ['SR-SPAN', 'SR-BLOCK', 'GONE', 'INVISIBLE', 'INV-CHILD', 'DIALOG', 'HIDDEN-ATTR', 'ZERO-BOX']) {
    assert.ok(!c.html.includes(gone), `${gone} left out`);
  }
  assert.equal(c.fallback, false);
});

test('a page hiding html or body until its scripts run is captured through that wrapper', async () => {
  for (const hide of ['html{display:none}', 'body{visibility:hidden !important}']) {
    const c = await capture(`<style>${hide} .menu{display:none}</style>
      <div><article><h1>Harbour news</h1><p>${PROSE}</p></article><ul class="menu"><li>MENU-ITEM</li></ul></div>`);
    assert.equal(c.fallback, true, hide);
    assert.ok(c.html.includes('Harbour news') && c.html.includes('gulls followed'), `${hide}: article text kept`);
    assert.ok(!c.html.includes('MENU-ITEM'), `${hide}: what the page itself hides stays out`);
  }
});

test('a page with little text is not mistaken for a hidden one', async () => {
  const c = await capture('<p>Sign in to continue.</p><div style="display:none"><p>Short hidden note.</p></div>');
  assert.equal(c.fallback, false);
  assert.ok(!c.html.includes('Short hidden note'));
});
