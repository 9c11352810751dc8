// Lectern's background: the toolbar button (and its shortcut) toggles the reader in the active
// tab; optional features (readerable badge, auto-open per site) run only with the user's consent.
// Nothing here talks to the network.
import { api, loadSettings } from './settings.js';
import initWasm, { is_readerable, process as processPage, highlight_last as highlightLast } from '../pkg/lectern.js';

const ext = api();
const READER = ext.runtime.getURL('reader.html');
const CHECK_ID = 'lectern-check';

// Captured pages waiting for their reader frame, by one-time token.
const pending = new Map();
const waiters = new Map();

function sleep(ms) { return new Promise((r) => setTimeout(r, ms)); }

// Chromium: "Cannot access contents of the page"; Firefox: "Missing host permission for the tab".
const NOT_YET_GRANTED = /Cannot access contents|Missing host permission/i;

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

// Two injections per click, each a round trip to the page: the scripts (they define themselves
// once per page), then one call that closes an open reader or captures the page and opens one.
async function toggle(tabId) {
  await exec(tabId, { files: ['src/capture.js', 'src/overlay.js'] });
  const token = crypto.randomUUID();
  const src = `${READER}#${token}`;
  const [res] = await exec(tabId, {
    func: (src) => {
      if (globalThis.__lecternReader.close()) return { closed: true };
      const page = globalThis.__lecternCapture({});
      globalThis.__lecternReader.open(src);
      return page;
    },
    args: [src],
  });
  if (res && res.result && res.result.closed === true) return 'closed';
  const payload = { ...(res && res.result), tabId };
  prerender(payload);
  pending.set(token, payload);
  const w = waiters.get(token);
  if (w) { waiters.delete(token); w(payload); }
  // Kept a little while so a reader that reloads (after an internal error) can ask again, then
  // dropped: the page must not stay in memory.
  setTimeout(() => pending.delete(token), 120_000);
  return 'opened';
}

function takePayload(token) {
  const p = pending.get(token);
  if (p) return Promise.resolve(p);
  return new Promise((resolve) => {
    waiters.set(token, resolve);
    setTimeout(() => { if (waiters.delete(token)) resolve(null); }, 10_000);
  });
}

ext.action.onClicked.addListener((tab) => {
  if (tab.id == null) return;
  toggle(tab.id).catch((e) => {
    console.warn('Lectern: cannot open the reader here:', e && e.message);
    ext.action.setBadgeText({ tabId: tab.id, text: '!' }).catch(() => {});
    ext.action.setTitle({ tabId: tab.id, title: 'Lectern cannot read this page (browser pages and stores are off limits)' }).catch(() => {});
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
    await ext.action.setTitle({ tabId, title: yes ? 'Reader view available (Alt+Shift+R)' : 'Reader view (Alt+Shift+R)' });
  }
}

// ---- The core kept warm between clicks ----
// A reader frame on its own compiles the 3.3 MB module and loads the entity model at every click
// (and in Firefox its fetch of the module waits while the page under it is busy loading). The
// background keeps one instance, started as soon as the background starts, and processes the
// captured page the moment it arrives, while the reader frame loads: the frame then only shows
// the result. The reader still runs the core itself for anything else (other modes, settings
// changes) and whenever the background has no result in time.
const PRERENDER_WAIT_MS = 3000;
const WARM_PAGE = '<html><head><title>Warm up</title></head><body><article><h1>Warm up</h1>'
  + '<p>Ada Lovelace met Charles Babbage in London on 5 June 1833, and wrote about his engine for years.</p>'.repeat(4)
  + '</article></body></html>';
let warmCore = null;
let coreWarm = false;
function coreReady() {
  // Compiles the module once per background lifetime and runs its extraction code once.
  if (!warmCore) {
    warmCore = wasm().then(() => {
      try { processPage(WARM_PAGE, 'https://example.com/', { highlights: false }); } catch { /* reported by real calls */ }
      coreWarm = true;
    });
  }
  return warmCore;
}
// Jobs run one after the other: highlight_last works on the last page processed.
let coreQueue = Promise.resolve();

// Loads the entity model too, a moment after start: a click that comes first is served first
// (its article must not wait for the model).
function warmModel() {
  coreQueue = coreQueue.then(async () => {
    await coreReady();
    try { processPage(WARM_PAGE, 'https://example.com/', { highlights: true }); } catch { /* reported by real calls */ }
  }).catch(() => {});
}

// Starts processing `payload` (the article, then its marks); sets payload.article and
// payload.marks to promises of the results (null when the core could not).
function prerender(payload) {
  // A click while the background is still compiling (just started or woken) is served by the
  // reader's own core, as fast as before: waiting here would only add up.
  if (typeof payload.html !== 'string' || !coreWarm) return;
  const settings = loadSettings();
  let gotArticle;
  payload.article = new Promise((r) => { gotArticle = r; });
  payload.marks = coreQueue = coreQueue.then(async () => {
    const [s] = await Promise.all([settings, coreReady()]);
    let article = null;
    try { article = processPage(payload.html, payload.url || '', { highlights: false }); } catch { article = null; }
    gotArticle(article);
    if (!article || s.highlights === false) return null;
    await sleep(0); // answer the reader's request for the article first
    try { return highlightLast(); } catch { return null; }
  }).catch(() => { gotArticle(null); return null; });
}

// The payload as sent to the reader: the captured page, and its article if the core had it
// ready in time (plain data: promises do not cross).
async function withArticle(p) {
  if (!p) return p;
  const { article, marks, ...plain } = p;
  const ready = article ? await Promise.race([article, sleep(PRERENDER_WAIT_MS).then(() => null)]) : null;
  return ready ? { ...plain, prerendered: ready } : plain;
}

// Not at once: compiling while the browser (or a click that woke the background) is busy
// starting up slowed first clicks down (bench-click: 0.4 s to 0.8 s); later clicks find it warm.
const WARM_DELAY_MS = 3000;
setTimeout(() => { coreReady().then(() => setTimeout(warmModel, 500)).catch(() => {}); }, WARM_DELAY_MS);

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
  const fromExtension = sender.url && sender.url.startsWith(ext.runtime.getURL(''));
  if (msg.type === 'lectern-payload' && fromExtension) {
    takePayload(String(msg.token)).then(withArticle).then(sendResponse);
    return true;
  }
  if (msg.type === 'lectern-marks' && fromExtension) {
    const p = pending.get(String(msg.token));
    Promise.resolve(p && p.marks).then((m) => sendResponse(m || null));
    return true;
  }
  if (msg.type === 'lectern-close' && fromExtension) {
    const tabId = sender.tab && sender.tab.id != null ? sender.tab.id : msg.tabId;
    if (Number.isInteger(tabId)) ext.tabs.sendMessage(tabId, { type: 'lectern-close' }, { frameId: 0 }).catch(() => {});
    return false;
  }
  if (msg.type === 'lectern-page' && sender.tab) {
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
ext.runtime.onInstalled.addListener(() => syncRegistration().catch(() => {}));
