// Lectern's background: the toolbar button (and its shortcut) toggles the reader in the active
// tab; optional features (readerable badge, auto-open per site) run only with the user's consent.
// Nothing here talks to the network.
import { api, loadSettings } from './settings.js';
import { MSG } from './messages.js';
import { warmCore } from './warm.js';
import initWasm, { is_readerable } from '../pkg/lectern.js';

const ext = api();
const CHECK_ID = 'lectern-check';
// The toolbar's titles in the browser's language (extension/_locales).
const label = (key, english) => { try { return ext.i18n.getMessage(key) || english; } catch { return english; } };

// Captured pages waiting for their reader frame, by one-time token: given once, and only to a
// reader frame in the tab the page was captured in.
const pending = new Map();
const waiters = new Map(); // token -> {tabId, resolve}

function sleep(ms) { return new Promise((r) => setTimeout(r, ms)); }

// Chromium: "Cannot access contents of the page"; Firefox: "Missing host permission for the tab".
const NOT_YET_GRANTED = /Cannot access contents|Missing host permission/i;
// A payload token as click.js makes it (and overlay.js checks it): a version-4 UUID.
const TOKEN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

// Injects into the tab's top frame, at once (not at document idle: a page still loading its ads
// must not hold back the click). Firefox resolves `[undefined]` instead of rejecting on pages it
// does not let extensions touch (about:, the add-ons site): that is a failure too.
async function exec(tabId, details) {
  const run = async () => {
    const results = await ext.scripting.executeScript({ target: { tabId, frameIds: [0] }, injectImmediately: true, ...details });
    if (!Array.isArray(results) || !results[0]) throw new Error('Cannot access contents of this tab');
    return results;
  };
  try {
    return await run();
  } catch (e) {
    // Right after an activeTab grant the first injection fails now and then: retry once.
    if (NOT_YET_GRANTED.test(String(e && e.message))) {
      await sleep(60);
      return run();
    }
    throw e;
  }
}

// The warm core (warm.js): compiled when the extension is installed or the browser starts, so
// no click waits for it.
const warm = warmCore(ext);
ext.runtime.onStartup.addListener(() => warm.start());
warm.start();

// One injection per click, one round trip to the page: the scripts (they define themselves once
// per page), then click.js, which closes an open reader, or opens the reader frame and captures
// the page; `make build` joins the three into inject.bundle.js. The warm core processes the
// capture while the frame loads.
async function toggle(tabId) {
  // Wall-clock times of the click's steps, shown by the reader for bench/click.mjs's phases.
  const times = { click: Date.now() };
  const settings = loadSettings();
  const [res] = await exec(tabId, { files: ['src/inject.bundle.js'] });
  times.injected = Date.now();
  const out = res && res.result;
  if (out && out.closed === true) return 'closed';
  // The token comes from this tab's own injection (click.js); the page cannot forge it.
  const token = out && typeof out.token === 'string' && TOKEN.test(out.token) ? out.token : null;
  if (!token) return 'failed';
  const page = out.page;
  times.captured = Date.now();
  const payload = { ...page, tabId, times };
  // The reader's settings go with the page: the reader need not wait for its own storage read.
  payload.settings = await settings;
  if (typeof payload.html === 'string') {
    const s = payload.settings;
    const highlights = s.highlights !== false;
    const opts = { highlights: false, loaded_images: payload.loadedImages || [] };
    payload.article = warm.article(token, payload.html, payload.url, opts).then((a) => { times.warmed = Date.now(); return a; });
    // The marks follow at once: the reader asks for them once the article is in.
    if (highlights) marksFor.set(token, { tabId, marks: payload.article.then((a) => (a && 'result' in a ? warm.marks(token) : null)) });
    setTimeout(() => marksFor.delete(token), 60_000);
  }
  const w = waiters.get(token);
  if (w && w.tabId === tabId) { waiters.delete(token); w.resolve(payload); return 'opened'; }
  pending.set(token, payload);
  // Dropped after a while if no reader asked: the page must not stay in memory.
  setTimeout(() => pending.delete(token), 60_000);
  return 'opened';
}

// The warm core's marks by token, given once, to the reader in the same tab.
const marksFor = new Map();

// The reader of tab `tabId` asks for the page of `token`: given once, to that tab only, with
// the warm core's article once it is done.
async function takePayload(token, tabId) {
  let p = pending.get(token);
  if (p) {
    if (p.tabId !== tabId) return null;
    pending.delete(token);
  } else {
    if (waiters.has(token)) return null;
    p = await new Promise((resolve) => {
      waiters.set(token, { tabId, resolve });
      setTimeout(() => { if (waiters.delete(token)) resolve(null); }, 10_000);
    });
  }
  if (!p) return null;
  return { ...p, article: p.article ? await p.article : null };
}

ext.action.onClicked.addListener((tab) => {
  if (tab.id == null) return;
  toggle(tab.id).catch((e) => {
    console.warn('Lectern: cannot open the reader here:', e && e.message);
    ext.action.setBadgeText({ tabId: tab.id, text: '!' }).catch(() => {});
    ext.action.setTitle({ tabId: tab.id, title: label('titleCannotRead', 'Lectern cannot read this page (browser pages and stores are off limits)') }).catch(() => {});
  });
});

// The readerable badge uses the same wasm core, loaded only when first needed.
let wasmReady = null;
function wasm() {
  if (!wasmReady) wasmReady = initWasm({ module_or_path: ext.runtime.getURL('pkg/lectern_bg.wasm') });
  return wasmReady;
}

async function onPageLoaded(msg, sender) {
  const tabId = sender.tab && sender.tab.id;
  if (tabId == null || sender.frameId !== 0) return;
  const s = await loadSettings();
  let host = '';
  try { host = new URL(msg.url).hostname; } catch { return; }
  if (s.autoSites.includes(host)) {
    await toggle(tabId);
    return;
  }
  if (s.badge && typeof msg.html === 'string') {
    await wasm();
    let yes = false;
    try { yes = is_readerable(msg.html); } catch { yes = false; }
    await ext.action.setBadgeBackgroundColor({ tabId, color: '#264678' });
    await ext.action.setBadgeText({ tabId, text: yes ? 'R' : '' });
    await ext.action.setTitle({ tabId, title: yes ? label('titleAvailable', 'Reader view available (Alt+Shift+R)') : label('actionTitle', 'Reader view (Alt+Shift+R)') });
  }
}

// The page checker runs only where the user granted access: all sites for the badge, or the
// chosen sites for auto-open.
async function syncRegistration() {
  const s = await loadSettings();
  const wanted = s.badge ? ['<all_urls>'] : s.autoSites.map((h) => `*://${h}/*`);
  const matches = [];
  for (const m of wanted) {
    try { if (await ext.permissions.contains({ origins: [m] })) matches.push(m); } catch { /* bad pattern */ }
  }
  try { await ext.scripting.unregisterContentScripts({ ids: [CHECK_ID] }); } catch { /* none */ }
  if (matches.length) {
    await ext.scripting.registerContentScripts([{
      id: CHECK_ID, js: ['src/capture.js', 'src/check.js'], matches, runAt: 'document_idle', persistAcrossSessions: true,
    }]);
  }
}

ext.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (!msg || typeof msg !== 'object') return false;
  // Only the extension's own pages may ask for captured pages or close readers.
  // (The reader frame's URL is a per-session one, not runtime.getURL's: check the id and scheme.)
  const fromExtension = sender.id === ext.runtime.id && /^(chrome|moz)-extension:\/\//.test(String(sender.url));
  if (msg.type === MSG.PAYLOAD && fromExtension) {
    const tabId = sender.tab && sender.tab.id;
    if (!Number.isInteger(tabId)) { sendResponse(null); return false; }
    takePayload(String(msg.token), tabId).then(sendResponse);
    return true;
  }
  if (msg.type === MSG.MARKS && fromExtension) {
    const m = marksFor.get(String(msg.token));
    if (!m || !sender.tab || m.tabId !== sender.tab.id) { sendResponse(null); return false; }
    marksFor.delete(String(msg.token));
    m.marks.then(sendResponse);
    return true;
  }
  if (msg.type === MSG.CLOSE && fromExtension) {
    const tabId = sender.tab && sender.tab.id != null ? sender.tab.id : msg.tabId;
    if (Number.isInteger(tabId)) ext.tabs.sendMessage(tabId, { type: MSG.CLOSE }, { frameId: 0 }).catch(() => {});
    return false;
  }
  if (msg.type === MSG.PAGE && sender.tab) {
    onPageLoaded(msg, sender).catch((e) => console.warn('Lectern:', e && e.message));
    return false;
  }
  return false;
});

ext.storage.onChanged.addListener((changes, area) => {
  if (area === 'sync' && (changes.badge || changes.autoSites)) syncRegistration().catch(() => {});
});
if (ext.permissions.onAdded) ext.permissions.onAdded.addListener(() => syncRegistration().catch(() => {}));
if (ext.permissions.onRemoved) ext.permissions.onRemoved.addListener(() => syncRegistration().catch(() => {}));
ext.runtime.onInstalled.addListener(() => { syncRegistration().catch(() => {}); warm.start(); });
