// Reader mode while browsing: the readerable badge and auto-open per site. Both need optional host
// permissions that only a user can grant, so this test loads a copy of the extension whose manifest
// grants them up front (as if the user had said yes), then turns the features on in storage.sync.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, launchWithExtension, readerFrame, readerOpen, sleep, EXT } from './lib.mjs';

let env; let server; let copy;

before(async () => {
  copy = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-ext-'));
  fs.cpSync(EXT, copy, { recursive: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(copy, 'manifest.json'), 'utf8'));
  manifest.host_permissions = ['<all_urls>'];
  fs.writeFileSync(path.join(copy, 'manifest.json'), JSON.stringify(manifest));
  server = await startServer();
  env = await launchWithExtension(copy);
});

after(async () => {
  if (env) await env.close();
  if (server) await server.close();
  if (copy) fs.rmSync(copy, { recursive: true, force: true });
});

async function registered() {
  return env.sw.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.matches).flat());
}

async function badgeFor(url) {
  return env.sw.evaluate(async (u) => {
    const [tab] = await chrome.tabs.query({ url: u });
    return tab ? chrome.action.getBadgeText({ tabId: tab.id }) : null;
  }, url);
}

test('nothing looks at pages until a feature is turned on', async () => {
  assert.deepEqual(await registered(), []);
  const page = await env.ctx.newPage();
  await page.goto(`${server.origin}/news.html?off=1`);
  await sleep(700);
  assert.equal(await badgeFor(page.url()), '');
  await page.close();
});

test('the badge marks pages that probably hold an article', async () => {
  await env.sw.evaluate(() => chrome.storage.sync.set({ badge: true }));
  for (let i = 0; i < 50 && !(await registered()).length; i++) await sleep(50);
  assert.deepEqual(await registered(), ['<all_urls>']);
  const page = await env.ctx.newPage();
  await page.goto(`${server.origin}/news.html?badge=1`);
  let badge = '';
  for (let i = 0; i < 60 && badge !== 'R'; i++) { await sleep(50); badge = await badgeFor(page.url()); }
  assert.equal(badge, 'R');
  // The title, from _locales, is set just after the badge.
  const title = () => env.sw.evaluate(async (u) => { const [tab] = await chrome.tabs.query({ url: u }); return chrome.action.getTitle({ tabId: tab.id }); }, page.url());
  for (let i = 0; i < 40 && (await title()) !== 'Reader view available (Alt+Shift+R)'; i++) await sleep(50);
  assert.equal(await title(), 'Reader view available (Alt+Shift+R)');
  const other = await env.ctx.newPage();
  await other.goto(`${server.origin}/notarticle.html?badge=1`);
  await sleep(900);
  assert.equal(await badgeFor(other.url()), '');
  await page.close(); await other.close();
  await env.sw.evaluate(() => chrome.storage.sync.set({ badge: false }));
});

test('auto-open on a chosen site opens the reader after load', async () => {
  await env.sw.evaluate(() => chrome.storage.sync.set({ autoSites: ['127.0.0.1'] }));
  for (let i = 0; i < 50 && !(await registered()).includes('*://127.0.0.1/*'); i++) await sleep(50);
  assert.deepEqual(await registered(), ['*://127.0.0.1/*']);
  const page = await env.ctx.newPage();
  await page.goto(`${server.origin}/csp.html?auto=1`);
  const frame = await readerFrame(env, page);
  assert.match(await frame.locator('.lx-title').innerText(), /Mountain railway/);
  await env.sw.evaluate(() => chrome.storage.sync.set({ autoSites: [] }));
  for (let i = 0; i < 50 && (await registered()).length; i++) await sleep(50);
  const again = await env.ctx.newPage();
  await again.goto(`${server.origin}/csp.html?auto=2`);
  await sleep(900);
  assert.equal(await readerOpen(again), false);
  await page.close(); await again.close();
});
