// The extension's reader page (runs in an iframe over the page, extension origin): fetches the
// captured page from the background, runs the wasm core here (the page's CSP cannot forbid it),
// and shows the result. Everything stays on the device.
import init, * as core from '../pkg/lectern.js';
import { createReader } from './view.js';
import { api, loadSettings, saveSettings, LIMITS } from '../src/settings.js';

const ext = api();
const de = document.documentElement;
// The hash is "TOKEN" or "TOKEN|MODE": the captured page to ask the background for, and what to
// show (kept across a reload, which is how the reader recovers from a panic: an aborted wasm
// instance cannot be reused).
const [token, hashMode] = location.hash.slice(1).split('|');
let payload = null;
let wasmLoad = null;
let reader = null;
let mode = ['article', 'text', 'selection'].includes(hashMode) ? hashMode : 'article';
let panicked = false;
// Set once the tagger has run in this instance: later renders need no progressive step.
let entitiesWarm = false;

// The background knows which tab this frame is in; the tab id from the payload is only a fallback.
function close() {
  ext.runtime.sendMessage({ type: 'lectern-close', tabId: payload ? payload.tabId : null }).catch(() => {});
}

// Esc must close the reader even if the view never came up.
document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && !reader) close(); });

async function fresh() {
  if (!wasmLoad) {
    // The module preload.js began compiling, else the file itself.
    const compiled = Promise.resolve(globalThis.lecternModule).catch(() => null);
    wasmLoad = compiled
      .then((module) => init({ module_or_path: module || new URL('../pkg/lectern_bg.wasm', import.meta.url) }))
      .then(() => core);
  }
  return wasmLoad;
}

// The first call into a fresh instance pays for compiling its code: done as soon as the module
// is instantiated, it overlaps the capture in the page. The entity model (the larger part of a
// first call) is not loaded here: that would hold back the article, which is shown first.
function warmUp(mod) {
  const t0 = performance.now();
  try {
    mod.is_readerable('<html><body><article><p>Warm up.</p></article></body></html>');
  } catch { /* the real call will report it */ }
  de.dataset.warmMs = String(Math.round(performance.now() - t0));
}

// A pause for the browser to paint what was just shown before the next long task starts (not
// requestAnimationFrame: it never fires in a tab that is not visible).
const nextFrame = () => new Promise((r) => setTimeout(r, 20));

function switchTo(next) {
  if (panicked) {
    location.replace(`${location.pathname}#${token}|${next}`);
    location.reload();
    return;
  }
  mode = next;
  render();
}

function errorText(e) {
  return (e && e.message) ? e.message : String(e);
}

async function render() {
  const s = reader.settings();
  const opts = { highlights: s.highlights };
  if (mode === 'article' && payload.prerendered && !render.run) {
    render.run = 1;
    await showPrerendered(opts);
    return;
  }
  let mod;
  try {
    mod = await fresh();
  } catch (e) {
    de.dataset.state = 'error';
    reader.showMessage('The reader could not start', errorText(e), [['Back to the page', close]]);
    return;
  }
  const t0 = performance.now();
  const run = render.run = (render.run || 0) + 1;
  try {
    const call = (o) => {
      if (mode === 'article') return mod.process(payload.html, payload.url, o);
      if (mode === 'selection') return mod.process_fragment(payload.selectionHtml, payload.url, payload.title, o);
      return mod.process_fragment(bodyOf(payload.html), payload.url, payload.title, o);
    };
    // Progressive: the article first, then the same article with its entities marked, so the
    // reader is readable while the tagger runs.
    const progressive = opts.highlights !== false && !entitiesWarm;
    let result = call(progressive ? { ...opts, highlights: false } : opts);
    de.dataset.processMs = String(Math.round(performance.now() - t0));
    reader.show(result, { marked: !progressive && opts.highlights !== false });
    de.dataset.mode = mode;
    de.dataset.articleAt = String(Date.now()); // wall clock, for tests/e2e/measure.mjs
    // 'ready' (what the tests wait for) once the marks are in too.
    if (progressive) {
      de.dataset.entities = 'pending';
      await nextFrame();
      if (run !== render.run) return; // a newer render took over
      const t1 = performance.now();
      // The article is already extracted: only its entities are left to do.
      result = mode === 'article' ? mod.highlight_last() : call(opts);
      entitiesWarm = true;
      const scroller = document.scrollingElement;
      const top = scroller ? scroller.scrollTop : 0;
      reader.show(result);
      if (scroller) scroller.scrollTop = top;
      de.dataset.entitiesMs = String(Math.round(performance.now() - t1));
    }
    de.dataset.entities = 'ready';
    de.dataset.entitiesAt = String(Date.now());
    de.dataset.state = 'ready';
  } catch (e) {
    let msg = errorText(e);
    if (e instanceof WebAssembly.RuntimeError) panicked = true;
    try { const p = mod.last_panic(); if (p) { msg = `internal error: ${p}`; panicked = true; } } catch { panicked = true; }
    const actions = [];
    if (mode !== 'text') actions.push(['Show the page’s text anyway', () => switchTo('text')]);
    if (mode !== 'selection' && payload.selectionHtml) actions.push(['Show the selected text', () => switchTo('selection')]);
    actions.push(['Back to the page', close]);
    if (/^No article found/.test(msg)) {
      de.dataset.state = 'no-article';
      reader.showMessage('This page doesn’t look like an article', `Lectern found no article to show: ${msg.replace(/^No article found: /, '')}`, actions);
    } else {
      de.dataset.state = 'error';
      reader.showMessage('Lectern could not show this page', msg, actions);
    }
  }
}

// The background's warm core processed the page already (background.js, prerender): shown
// without compiling anything here; the marked article follows from there too.
async function showPrerendered(opts) {
  reader.show(payload.prerendered, { marked: false });
  de.dataset.mode = mode;
  de.dataset.articleAt = String(Date.now());
  if (opts.highlights !== false) {
    de.dataset.entities = 'pending';
    const marked = await ext.runtime.sendMessage({ type: 'lectern-marks', token }).catch(() => null);
    if (render.run !== 1) return; // a newer render took over
    if (!marked) { await render(); return; }
    const scroller = document.scrollingElement;
    const top = scroller ? scroller.scrollTop : 0;
    reader.show(marked);
    if (scroller) scroller.scrollTop = top;
  }
  de.dataset.entities = 'ready';
  de.dataset.entitiesAt = String(Date.now());
  de.dataset.state = 'ready';
}

// The page's body markup (the fallback shows the page's own text, sanitised by the core).
function bodyOf(html) {
  const i = html.indexOf('</head>');
  return i >= 0 ? html.slice(i + 7) : html;
}

function optionalFeatures(extra, settings) {
  let host = '';
  try { host = new URL(payload.url).hostname; } catch { /* not a web page */ }
  const details = document.createElement('details');
  details.className = 'lx-more';
  const summary = document.createElement('summary');
  summary.textContent = 'More';
  summary.className = 'lx-btn';
  details.append(summary);
  const box = document.createElement('div');
  box.className = 'lx-more-box';
  const option = (id, label, checked, onchange) => {
    const l = document.createElement('label');
    l.className = 'lx-check';
    const i = document.createElement('input');
    i.type = 'checkbox'; i.id = id; i.checked = checked;
    i.addEventListener('change', () => onchange(i));
    l.append(i, ` ${label}`);
    box.append(l);
  };
  // Both need the browser's consent to look at pages after load (optional host permissions).
  option('lx-badge', 'Show a badge on pages with an article (asks to read all sites)', settings.badge, async (i) => {
    if (i.checked && !(await ext.permissions.request({ origins: ['<all_urls>'] }).catch(() => false))) { i.checked = false; return; }
    await saveSettings({ badge: i.checked });
  });
  if (host) {
    option('lx-auto', `Always open the reader on ${host}`, settings.autoSites.includes(host), async (i) => {
      const cur = (await loadSettings()).autoSites.filter((h) => h !== host);
      if (i.checked && !(await ext.permissions.request({ origins: [`*://${host}/*`] }).catch(() => false))) { i.checked = false; return; }
      await saveSettings({ autoSites: i.checked ? [...cur, host] : cur });
    });
  }
  if (payload.selectionHtml) {
    const b = document.createElement('button');
    b.type = 'button'; b.className = 'lx-btn'; b.textContent = 'Show only the selection';
    b.addEventListener('click', () => { details.open = false; switchTo('selection'); });
    box.append(b);
  }
  details.append(box);
  extra.append(details);
}

async function main() {
  const settings = await loadSettings();
  const root = document.getElementById('lx-root');
  reader = createReader(root, {
    settings,
    limits: LIMITS,
    onClose: close,
    onChange: (patch, reprocess) => {
      saveSettings(patch).catch(() => {});
      if (reprocess && payload) render();
    },
  });
  fresh().then(warmUp).catch(() => {}); // start compiling and warming while the page is captured
  payload = token ? await ext.runtime.sendMessage({ type: 'lectern-payload', token }).catch(() => null) : null;
  if (!payload || typeof payload.html !== 'string') {
    de.dataset.state = 'error';
    reader.showMessage('Nothing to show', 'The page could not be captured. Close the reader and try again.', [['Back to the page', close]]);
    return;
  }
  if (typeof payload.ms === 'number') de.dataset.captureMs = payload.ms.toFixed(1);
  optionalFeatures(reader.extra, settings);
  await render();
}

main().catch((e) => {
  de.dataset.state = 'error';
  document.body.textContent = `Lectern: ${errorText(e)}`;
});
