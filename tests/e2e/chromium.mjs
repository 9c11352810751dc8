// Drives Debian's Chromium with the unpacked extension (Playwright, lib.mjs): the real toolbar
// click through CDP's Extensions.triggerAction. Same interface as firefox.mjs.
import fs from 'node:fs';
import { launchWithExtension, clickAction, CHROMIUM } from './lib.mjs';

export const name = 'chromium';
export const available = () => fs.existsSync(CHROMIUM);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function launch({ ext } = {}) {
  const env = await launchWithExtension(ext);
  env.name = name;
  env.readerPrefix = `chrome-extension://${env.extId}/reader.html`;
  env.extOrigin = `chrome-extension://${env.extId}`;
  env.requests = [];
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  env.ctx.on('request', (r) => {
    let frame = '';
    try { frame = r.frame().url(); } catch { frame = ''; }
    env.requests.push({ url: r.url(), frame, sw: !!r.serviceWorker() });
  });
  return env;
}

export async function openPage(env, url, { wait = 'load' } = {}) {
  const page = await env.ctx.newPage();
  await page.goto(url, { waitUntil: wait });
  return page;
}

export async function click(env, page) { await clickAction(env, page); }
export const clickToolbar = click;

const frameOf = (env, page) => page.frames().find((f) => f.url().startsWith(env.readerPrefix));

export async function evalReader(env, page, fn, arg) {
  const frame = frameOf(env, page);
  return frame ? frame.evaluate(fn, arg === undefined ? null : arg) : null;
}

export async function evalPage(env, page, fn, arg) { return page.evaluate(fn, arg === undefined ? null : arg); }

export async function waitReader(env, page, states = ['ready', 'no-article', 'error'], timeout = 15000) {
  const t0 = Date.now();
  while (Date.now() - t0 < timeout) {
    const state = await evalReader(env, page, () => document.documentElement.dataset.state).catch(() => null);
    if (states.includes(state)) return state;
    await sleep(25);
  }
  throw new Error(`reader did not reach ${states.join('/')} within ${timeout} ms`);
}

// A key press can stay pending once the frame it went to is gone (the reader closed): bounded.
export async function press(env, page, key) {
  await Promise.race([page.keyboard.press(key).catch(() => {}), sleep(1000)]);
}

export async function closePage(env, page) { await page.close().catch(() => {}); }

// A page no extension may script.
export const privilegedUrl = 'chrome://version/';

// The toolbar badge text on the active tab.
export async function badge(env) {
  return env.sw.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return chrome.action.getBadgeText({ tabId: tab.id });
  });
}
