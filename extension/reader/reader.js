// The extension's reader page (runs in an iframe over the page, extension origin): fetches the
// captured page from the background, runs the wasm core on it in a Worker (the page's CSP cannot
// forbid it, and a slow page cannot freeze this one), and shows the result. Everything stays on
// the device.
import { createCore, CoreError } from './core.js';
import { createReader } from './view.js';
import { api, loadSettings, saveSettings, normalise, DEFAULTS, LIMITS } from '../src/settings.js';
import { extensionStore } from './store.js';
import { t } from './i18n.js';
import { MSG, CORE_ERROR } from '../src/messages.js';

const ext = api();
// Wall-clock times of the click's steps (the background's, then this page's), for
// bench/click.mjs's phases: data-times on the root element.
const nav = /** @type {PerformanceNavigationTiming | undefined} */ (performance.getEntriesByType('navigation')[0]);
const times = {
  frame: Math.round(performance.timeOrigin),
  // reader.html received (the rest of the frame's start is the browser's commit and the scripts).
  response: nav && nav.responseEnd > 0 ? Math.round(performance.timeOrigin + nav.responseEnd) : undefined,
  modules: Date.now(),
};
const timesShown = (more) => { Object.assign(times, more); de.dataset.times = JSON.stringify(times); };
// The page's one static line, in the browser's language.
for (const el of document.querySelectorAll('.lx-loading')) el.textContent = t('preparing');
const de = document.documentElement;
// The hash is the token of the captured page to ask the background for (once).
const token = location.hash.slice(1);
/** @type {import('../src/messages.js').Payload | null} */
let payload = null;
/** @type {ReturnType<typeof createCore> | null} */
let core = null;
let reader = null;
let mode = 'article';
// Set once the tagger has run in this worker: later renders need no progressive step.
let entitiesWarm = false;
/** The warm core's Outcome for this page (warm.js), until the first render takes it. */
let prerendered = null;
/** Settles once the reader's features are attached (loadFeatures). */
let featuresReady = null;
/** @type {Worker | null} started by preload.js */
let earlyWorker = null;
// How long the view waits for the page before it shows its toolbar without it (main).
const EARLY_VIEW_MS = 150;
/** The <main> preload.js showed the warm core's article in, until the first render takes it. */
let shownEarly = null;
/** The warm core's marks for that article, asked for by preload.js (an Outcome promise). */
let marksEarly = null;

// The reader's own core, started on first need (the warm core usually did the first render).
function startCore() {
  if (!core) {
    core = createCore({ worker: earlyWorker });
    if (!earlyWorker) core.warm();
    earlyWorker = null;
    de.dataset.core = 'started'; // for the tests: no page, no core
  }
  return core;
}

// The background knows which tab this frame is in.
function close() {
  ext.runtime.sendMessage({ type: MSG.CLOSE }).catch(() => {});
}

// Esc must close the reader even if the view never came up.
document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && !reader) close(); });

// A pause for the browser to paint what was just shown before the next long task starts (not
// requestAnimationFrame: it never fires in a tab that is not visible).
const nextFrame = () => new Promise((r) => setTimeout(r, 20));
// Once the browser painted (just after the next animation frame), or after 50 ms where frames
// do not come.
const painted = () => new Promise((r) => {
  const t = setTimeout(r, 50);
  requestAnimationFrame(() => setTimeout(() => { clearTimeout(t); r(); }, 0));
});

function switchTo(next) {
  mode = next;
  render();
}

function errorText(e) {
  return (e && e.message) ? e.message : String(e);
}

async function render() {
  const s = reader.settings();
  const opts = { highlights: s.highlights, loaded_images: payload.loadedImages || [] };
  const t0 = performance.now();
  const run = render.run = (render.run || 0) + 1;
  // The warm core's article for this page (warm.js), used once: later renders (a setting
  // changed, another mode) run the reader's own core.
  const warmed = prerendered;
  prerendered = null;
  // The warm core's article is on screen already when preload.js showed it.
  const inPlace = !!(shownEarly && warmed && mode === 'article');
  shownEarly = null;
  try {
    const call = (o) => {
      if (warmed && mode === 'article') {
        if ('result' in warmed) return Promise.resolve(warmed.result);
        return Promise.reject(new CoreError(warmed.error.code, warmed.error.message));
      }
      const c = startCore();
      if (mode === 'article') return c.article(payload.html, payload.url, o);
      const fopts = { highlights: o.highlights };
      if (mode === 'selection') return c.fragment(payload.selectionHtml, payload.url, payload.title, fopts);
      return c.fragment(bodyOf(payload.html), payload.url, payload.title, fopts);
    };
    // Progressive: the article first, then the same article with its entities marked, so the
    // reader is readable while the tagger runs.
    const progressive = opts.highlights !== false && (!entitiesWarm || !!warmed);
    let result = await call(progressive ? { ...opts, highlights: false } : opts);
    if (run !== render.run) return; // a newer render took over
    de.dataset.processMs = String(Math.round(performance.now() - t0));
    const shownAt = Date.now();
    reader.show(result, { marked: !progressive && opts.highlights !== false, inPlace });
    de.dataset.mode = mode;
    if (!inPlace) de.dataset.articleAt = String(Date.now()); // wall clock, for tests/e2e/measure.mjs
    timesShown({ show: shownAt, shown: Date.now() });
    loadFeatures();
    // 'ready' (what the tests wait for) once the marks are in too.
    if (progressive) {
      de.dataset.entities = 'pending';
      const t1 = performance.now();
      // The article is already extracted: only its entities are left to do (by the warm core,
      // which started on them as soon as the article was done, or else here). Asked for at
      // once, and shown no sooner than the browser painted the article.
      timesShown({ marksAsked: Date.now() });
      const asked = warmed ? (marksEarly || ext.runtime.sendMessage({ type: MSG.MARKS, token }).catch(() => null)) : null;
      marksEarly = null;
      // (preload.js's article was painted before the view was built.)
      if (!inPlace) await nextFrame();
      if (run !== render.run) return;
      const warmMarks = await asked;
      if (warmMarks && 'result' in warmMarks) result = warmMarks.result;
      else if (warmed) result = await startCore().article(payload.html, payload.url, opts);
      else result = mode === 'article' ? await core.marks() : await call(opts);
      if (run !== render.run) return;
      // The reader's own tagger is warm only if it ran.
      if (!(warmMarks && 'result' in warmMarks)) entitiesWarm = true;
      const scroller = document.scrollingElement;
      const top = scroller ? scroller.scrollTop : 0;
      reader.show(result);
      if (scroller) scroller.scrollTop = top;
      de.dataset.entitiesMs = String(Math.round(performance.now() - t1));
    }
    de.dataset.entities = 'ready';
    de.dataset.entitiesAt = String(Date.now());
    // 'ready' once the features have joined the article too.
    await loadFeatures();
    if (run !== render.run) return;
    de.dataset.state = 'ready';
  } catch (e) {
    if (run !== render.run) return;
    loadFeatures();
    const code = e instanceof CoreError ? e.code : 'internal';
    // A fresh worker starts with a cold tagger.
    if (code === 'panic' || code === 'timeout') entitiesWarm = false;
    de.dataset.errorCode = code;
    const msg = errorText(e);
    const actions = [];
    if (mode !== 'text') actions.push(['Show the page’s text anyway', () => switchTo('text')]);
    if (mode !== 'selection' && payload.selectionHtml) actions.push(['Show the selected text', () => switchTo('selection')]);
    actions.push(['Back to the page', close]);
    if (code === CORE_ERROR.NO_ARTICLE) {
      de.dataset.state = 'no-article';
      reader.showMessage('This page doesn’t look like an article', `Lectern found no article to show: ${msg.replace(/^No article found: /, '')}`, actions);
    } else {
      de.dataset.state = 'error';
      reader.showMessage('Lectern could not show this page', msg, actions);
    }
  }
}

// The reader's features (read aloud, contents, export, watchlist...; features.js and its ten
// modules) load once the first article or message is shown, so that none of their modules
// stands between the click and the article; their show hooks then run on what is shown.
// features.bundle.js is features.js bundled on its own by scripts/build.sh (reader.html loads
// this file bundled too, without the features).
function loadFeatures() {
  if (!featuresReady) {
    featuresReady = import('./features.bundle.js').then(({ attachFeatures }) => attachFeatures(reader, {
      sync: extensionStore(ext.storage.sync), local: extensionStore(ext.storage.local),
      url: () => payload.url, creditsUrl: ext.runtime.getURL('credits.html'),
    })).catch((e) => console.error('Lectern features:', e));
  }
  return featuresReady;
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
  summary.textContent = t('more');
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
  option('lx-badge', t('optBadge'), settings.badge, async (i) => {
    if (i.checked && !(await ext.permissions.request({ origins: ['<all_urls>'] }).catch(() => false))) { i.checked = false; return; }
    await saveSettings({ badge: i.checked });
  });
  if (host) {
    option('lx-auto', t('optAuto', host), settings.autoSites.includes(host), async (i) => {
      const cur = (await loadSettings()).autoSites.filter((h) => h !== host);
      if (i.checked && !(await ext.permissions.request({ origins: [`*://${host}/*`] }).catch(() => false))) { i.checked = false; return; }
      await saveSettings({ autoSites: i.checked ? [...cur, host] : cur });
    });
  }
  if (payload.selectionHtml) {
    const b = document.createElement('button');
    b.type = 'button'; b.className = 'lx-btn'; b.textContent = t('optSelection');
    b.addEventListener('click', () => { details.open = false; switchTo('selection'); });
    box.append(b);
  }
  details.append(box);
  extra.append(details);
}

async function main() {
  // The page is asked for at once, beside the settings: nothing waits for the other.
  // preload.js asked already, and started the core's worker if a page came.
  const early = Object.hasOwn(globalThis, '__lecternEarly') ? globalThis.__lecternEarly : null;
  const asked = early
    ? early
    : Promise.resolve({
      payload: /^[0-9a-f-]{36}$/.test(token) ? await ext.runtime.sendMessage({ type: MSG.PAYLOAD, token }).catch(() => null) : null,
      worker: null,
    });
  // The view is built once the page is in (its settings come with it: the background read them
  // at the click), in the same task as the article, so that the browser styles and lays out
  // toolbar and article once. Built before the page only if it is slow to come (reader.html's
  // own line says "Preparing" meanwhile): a frame of the toolbar alone otherwise stood between
  // the page's arrival and the article (a trace: 8 ms of style and layout, the page waiting).
  const stored = loadSettings();
  const first = await Promise.race([asked, new Promise((r) => { setTimeout(() => r(null), EARLY_VIEW_MS); })]);
  // preload.js may have put the article on screen: the browser paints it before the view is
  // built around it.
  if (first && first.main) {
    shownEarly = first.main;
    marksEarly = first.marks || null;
    await painted();
  }
  const sent = first && first.payload && first.payload.settings;
  const settings = sent && typeof sent === 'object' ? normalise({ ...DEFAULTS, ...sent }) : await stored;
  const root = document.getElementById('lx-root');
  reader = createReader(root, {
    settings,
    main: shownEarly,
    limits: LIMITS,
    onClose: close,
    onChange: (patch, reprocess) => {
      saveSettings(patch).catch(() => {});
      if (reprocess && payload) render();
    },
  });
  // Nothing is compiled until the background confirms a page for this frame: a page that loads
  // reader frames of its own gets no payload, so no work.
  timesShown({ settings: Date.now() });
  const got = await asked;
  payload = got && got.payload;
  if (payload && payload.times) timesShown({ ...payload.times, preload: got.ran, payload: got.at || Date.now(), early: got.shown || undefined });
  if (!payload || typeof payload.html !== 'string') {
    de.dataset.state = 'error';
    reader.showMessage('Nothing to show', 'The page could not be captured. Close the reader and try again.', [['Back to the page', close]]);
    return;
  }
  prerendered = payload.article && typeof payload.article === 'object' ? payload.article : null;
  earlyWorker = got.worker;
  // Without the warm core's article the worker compiles the module while the reader's features
  // are set up.
  if (!prerendered) startCore();
  else de.dataset.core = 'warm';
  if (typeof payload.ms === 'number') de.dataset.captureMs = payload.ms.toFixed(1);
  optionalFeatures(reader.extra, settings);
  await render();
}

main().catch((e) => {
  de.dataset.state = 'error';
  document.body.textContent = `Lectern: ${errorText(e)}`;
});
