// Accessibility audit (axe-core) of the extension's reader in every theme with its panels and
// menus open, and of the playground: no serious or critical violation; every control reachable
// by keyboard with a visible focus; panels named for screen readers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { startServer, launchWithExtension, clickAction, readerFrame, ROOT, CHROMIUM, CHROMIUM_ARGS } from './lib.mjs';

const AXE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const THEMES = ['light', 'sepia', 'dark', 'auto'];

// Evaluated through the debugger protocol, so the extension page's CSP does not apply.
async function audit(target, what) {
  await target.evaluate(AXE);
  const found = await target.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  const bad = found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `${what}: ${JSON.stringify(bad, null, 1)}`);
}

const setTheme = (target, theme) => target.evaluate((t) => {
  const sel = document.querySelector('.lx-toolbar select[aria-label]');
  sel.value = t;
  sel.dispatchEvent(new Event('change'));
}, theme);

// Every menu and panel open in turn, each audited.
async function auditAll(target, what) {
  await audit(target, `${what}: reader`);
  await target.click('#lx-entities-btn');
  await audit(target, `${what}: entity panel`);
  await target.click('.lx-watch-add > summary');
  await audit(target, `${what}: watchlist form`);
  await target.click('#lx-panel .lx-panel-head .lx-icon');
  await target.click('#lx-text-btn');
  await audit(target, `${what}: text settings`);
  await target.click('#lx-text-btn');
  await target.click('.lx-extra .lx-more > summary');
  await audit(target, `${what}: More menu`);
  await target.click('.lx-extra .lx-more > summary');
  if (await target.isVisible('#lx-toc-btn')) {
    await target.click('#lx-toc-btn');
    await audit(target, `${what}: contents`);
    await target.click('#lx-toc-btn');
  }
}

// Tabs through the page; returns the ids/labels reached and whether each showed a focus outline.
async function tabThrough(page, target, n) {
  const reached = [];
  for (let i = 0; i < n; i++) {
    await page.keyboard.press('Tab');
    reached.push(await target.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null; // focus is outside this frame (the page's own stops)
      const cs = getComputedStyle(el);
      return { id: el.id || el.getAttribute('aria-label') || el.textContent.trim().slice(0, 20), outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2 };
    }));
  }
  return reached.filter(Boolean);
}

let server;
before(async () => {
  server = await startServer({ root: path.join(ROOT, 'www') });
});
after(async () => { if (server) await server.close(); });

test('extension reader: every theme, panels and menus pass axe; keyboard reachable; focus visible; panels named', async () => {
  const env = await launchWithExtension();
  try {
    const page = await env.ctx.newPage();
    await page.goto(`${server.origin}/samples/longread.html?a11y`);
    await clickAction(env, page);
    const frame = await readerFrame(env, page, ['ready'], 30000);
    await frame.waitForFunction(() => document.documentElement.dataset.entities === 'ready');
    for (const theme of THEMES) {
      await setTheme(frame, theme);
      await auditAll(frame, `reader (${theme})`);
    }
    assert.equal(await frame.getAttribute('#lx-panel', 'aria-label'), 'Entities');
    assert.equal(await frame.getAttribute('#lx-panel', 'role'), 'complementary');
    assert.equal(await frame.getAttribute('#lx-toc', 'aria-label'), 'Contents');
    assert.equal(await frame.getAttribute('.lx-progress', 'aria-label'), 'Reading progress');
    await frame.locator('#lx-close').focus();
    const reached = await tabThrough(page, frame, 30);
    const ids = reached.map((r) => r.id);
    // Listen is a Tab stop when a voice exists; headless Chromium has none, and says so.
    const voices = Number(await frame.evaluate(() => document.documentElement.dataset.voices));
    if (!voices) assert.match(await frame.locator('#lx-speech-note').innerText(), /No voice/);
    for (const want of ['lx-size-up', voices ? 'lx-speak' : 'lx-size-down', 'lx-text-btn', 'lx-entities-btn', 'lx-toc-btn']) {
      assert.ok(ids.includes(want), `${want} reachable by Tab (${ids.join(', ')})`);
    }
    assert.ok(ids.some((i) => i === 'More' || i === 'Mehr'), 'the More menu reachable');
    assert.deepEqual(reached.filter((r) => !r.outline), [], 'focus visible on every stop');
    // The panel by keyboard: opened with Enter, its entities reachable, closed with Esc.
    await frame.locator('#lx-entities-btn').focus();
    await page.keyboard.press('Enter');
    assert.equal(await frame.evaluate(() => document.activeElement.classList.contains('lx-entity')), true);
    await page.keyboard.press('Escape');
    assert.equal(await frame.isVisible('#lx-panel'), false);
  } finally {
    await env.close();
  }
});

test('playground: every theme and the reader panels pass axe', async () => {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    await page.goto(`${server.origin}/index.html`);
    await page.waitForFunction(() => document.documentElement.dataset.state === 'ready');
    const runs = await page.evaluate(() => Number(document.documentElement.dataset.runs));
    await page.selectOption('#pg-sample', 'samples/longread.html');
    await page.waitForFunction((n) => Number(document.documentElement.dataset.runs) > n, runs);
    for (const theme of THEMES) {
      await setTheme(page, theme);
      await auditAll(page, `playground (${theme})`);
    }
    await page.click('#pg-tab-json');
    await audit(page, 'playground JSON tab');
  } finally {
    await browser.close();
  }
});
