/* global WebExtensionPolicy, gBrowser, Cc, Ci, CustomizableUI, ChromeUtils -- Firefox chrome-context globals, in functions evaluated in the browser window */
// Drives Debian's Firefox ESR with the unpacked extension installed as a temporary add-on:
// puppeteer-core over WebDriver BiDi, plus BiDi's browser-window ("chrome") scope for what a user
// does outside the page: the real Alt+Shift+R shortcut and a real toolbar click, both handled by
// Firefox itself (so they grant activeTab). Same interface as chromium.mjs.
import fs from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { EXT } from './lib.mjs';

export const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
const GECKO_ID = JSON.parse(fs.readFileSync(path.join(EXT, 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id;
// Pinning the moz-extension UUID makes the reader's URL known in advance.
const UUID = '6c1f0e2a-3b4d-4e5f-8a6b-7c8d9e0f1a2b';
const READER = `moz-extension://${UUID}/reader.html`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export const name = 'firefox';
export const available = () => fs.existsSync(FIREFOX);

const PREFS = {
  'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
  // Nothing may leave the machine: every request that is not for 127.0.0.1 goes to a closed port.
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.share_proxy_settings': true,
  'network.proxy.no_proxies_on': '127.0.0.1',
  'network.proxy.allow_hijacking_localhost': false,
  'browser.newtabpage.enabled': false,
  'toolkit.telemetry.enabled': false,
  'app.normandy.enabled': false,
  'extensions.getAddons.cache.enabled': false,
};

// Runs `fn(arg)` in a BiDi browsing context (a tab, a frame, or the browser window); the
// argument and result travel as JSON.
async function call(conn, context, fn, arg) {
  const r = await conn.send('script.callFunction', {
    functionDeclaration: `async (a) => JSON.stringify(await (${fn})(JSON.parse(a)))`,
    target: { context },
    awaitPromise: true,
    arguments: [{ type: 'string', value: JSON.stringify(arg === undefined ? null : arg) }],
  });
  const res = r.result;
  if (res.type === 'exception') throw new Error(`${res.exceptionDetails.text}`);
  const v = res.result.value;
  return v === undefined ? undefined : JSON.parse(v);
}

export async function launch({ ext = EXT } = {}) {
  if (!fs.existsSync(path.join(ext, 'pkg/lectern_bg.wasm'))) throw new Error('extension/pkg is missing: run `make build` first');
  const browser = await puppeteer.launch({
    browser: 'firefox', protocol: 'webDriverBiDi', executablePath: FIREFOX, headless: true,
    defaultViewport: { width: 1100, height: 800 },
    args: ['--remote-allow-system-access'], extraPrefsFirefox: PREFS,
  });
  await browser.installExtension(ext);
  const conn = browser.connection;
  const tree = await conn.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const win = tree.result.contexts[0].context;
  // The background script registers its listeners when it starts; wait for it.
  await call(conn, win, async (id) => {
    for (let i = 0; i < 200; i++) {
      const p = WebExtensionPolicy.getByID(id);
      if (p && p.extension && p.extension.backgroundState === 'running') return true;
      await new Promise((r) => setTimeout(r, 25));
    }
    return false;
  }, GECKO_ID);
  const requests = [];
  const env = {
    name, browser, conn, win, requests, readerPrefix: READER, extOrigin: `moz-extension://${UUID}`,
    async close() { await browser.close().catch(() => {}); },
  };
  return env;
}

export async function openPage(env, url, { wait = 'load' } = {}) {
  const page = await env.browser.newPage();
  page.on('request', (r) => {
    let frame = '';
    try { frame = r.frame() ? r.frame().url() : ''; } catch { frame = ''; }
    env.requests.push({ url: r.url(), frame });
  });
  // puppeteer's goto hangs on about: pages: plain BiDi navigation there.
  if (/^https?:/.test(url)) await page.goto(url, { waitUntil: wait });
  else await env.conn.send('browsingContext.navigate', { context: page.mainFrame()._id, url, wait: 'complete' });
  return page;
}

const ctxOf = (page) => page.mainFrame()._id;

// The real shortcut: Firefox's own key handling in the browser window fires _execute_action.
export async function click(env, page) {
  await page.bringToFront();
  await call(env.conn, env.win, async () => {
    gBrowser.selectedBrowser.focus();
    const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
    if (!tip.beginInputTransactionForTests(window)) throw new Error('no input transaction');
    const keys = [
      new KeyboardEvent('', { key: 'Alt', code: 'AltLeft', keyCode: 18, location: 1 }),
      new KeyboardEvent('', { key: 'Shift', code: 'ShiftLeft', keyCode: 16, location: 1 }),
      new KeyboardEvent('', { key: 'R', code: 'KeyR', keyCode: 82 }),
    ];
    for (const k of keys) tip.keydown(k);
    for (const k of keys.reverse()) tip.keyup(k);
    return true;
  });
}

// A real mouse click on the toolbar button (pinned to the navigation bar first).
export async function clickToolbar(env, page) {
  await page.bringToFront();
  await call(env.conn, env.win, async (id) => {
    const widget = `${id.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}-browser-action`;
    if (!CustomizableUI.getPlacementOfWidget(widget) || CustomizableUI.getPlacementOfWidget(widget).area !== CustomizableUI.AREA_NAVBAR) {
      CustomizableUI.addWidgetToArea(widget, CustomizableUI.AREA_NAVBAR);
    }
    const node = CustomizableUI.getWidget(widget).forWindow(window).node;
    const button = node.querySelector('.unified-extensions-item-action-button') || node;
    const r = button.getBoundingClientRect();
    if (!r.width) throw new Error('toolbar button not visible');
    const { event } = ChromeUtils.importESModule('chrome://remote/content/shared/webdriver/Event.sys.mjs');
    event.synthesizeMouseAtPoint(r.left + r.width / 2, r.top + r.height / 2, {}, window);
    return true;
  }, GECKO_ID);
}

async function readerContext(env, page) {
  const t = await env.conn.send('browsingContext.getTree', { root: ctxOf(page) });
  const stack = [...t.result.contexts];
  while (stack.length) {
    const c = stack.pop();
    // reader.html has a dynamic URL (use_dynamic_url): any moz-extension origin.
    if (/^moz-extension:\/\/[^/]+\/reader\.html/.test(c.url)) return c.context;
    stack.push(...(c.children || []));
  }
  return null;
}

// Runs fn(arg) in the reader frame (null if there is none).
export async function evalReader(env, page, fn, arg) {
  const ctx = await readerContext(env, page);
  if (!ctx) return null;
  return call(env.conn, ctx, fn, arg);
}

export async function evalPage(env, page, fn, arg) {
  return call(env.conn, ctxOf(page), fn, arg);
}

// Waits until the reader frame's state is one of `states`; returns the state.
export async function waitReader(env, page, states = ['ready', 'no-article', 'error'], timeout = 15000) {
  const t0 = Date.now();
  while (Date.now() - t0 < timeout) {
    const state = await evalReader(env, page, () => document.documentElement.dataset.state).catch(() => null);
    if (states.includes(state)) return state;
    await sleep(25);
  }
  throw new Error(`reader did not reach ${states.join('/')} within ${timeout} ms`);
}

// A real key press, delivered to whatever has focus in the tab (the reader, once focused).
export async function press(env, page, key) {
  await page.keyboard.press(key);
}

export async function closePage(env, page) { await page.close().catch(() => {}); }

// A page no extension may script.
export const privilegedUrl = 'about:robots';

// The badge text the toolbar button shows in the browser window (the button pinned first).
export async function badge(env) {
  return call(env.conn, env.win, async (id) => {
    const widget = `${id.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}-browser-action`;
    const node = CustomizableUI.getWidget(widget).forWindow(window).node;
    const button = node.querySelector('[badge]') || node;
    return button.getAttribute('badge') || '';
  }, GECKO_ID);
}
