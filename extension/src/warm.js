// @ts-check
// The warm core: the wasm module compiled once and kept alive between clicks, so a click's
// article is processed while the reader frame loads, and the reader only inserts it.
// - Where it lives: Chromium's service worker cannot start Workers, so an offscreen document
//   (offscreen.html) hosts it there, created when the extension is installed or the browser
//   starts, not on the first click; Firefox's background page hosts it itself.
// - Page content still runs only in Workers with core.js's time budget (a hostile page cannot
//   freeze the host), one per click in flight: a slow page does not hold up another tab's click.
//   Every Worker instantiates the one compiled module (milliseconds), never compiles it again.
// - Nothing here decides what a reader may see: the background hands results out by its
//   tab-bound, single-use tokens.
import { createCore } from '../reader/core.js';
import { MSG } from './messages.js';
import { warmLayout } from './layout-warm.js';

const MAX_CORES = 3; // Workers at most; later clicks queue behind the least busy one
const IDLE_MS = 30_000; // an extra Worker with nothing to do is stopped after this
const KEY_MS = 60_000; // a prepared article whose marks nobody asked for is dropped after this

/**
 * The result of a core call as it travels between contexts: `{result}` or `{error: {code,
 * message}}`; null when no warm core could take it (the reader then uses its own).
 * @typedef {{result: any} | {error: {code: string, message: string}} | null} Outcome
 */

/** @param {any} e @returns {Outcome} */
const failed = (e) => ({ error: { code: (e && typeof e.code === 'string') ? e.code : 'internal', message: (e && e.message) ? String(e.message) : String(e) } });

/**
 * The pool of Workers around one compiled module (Chromium's offscreen document, Firefox's
 * background page). `wasmUrl`: the module's extension URL.
 * @param {string} wasmUrl
 */
export function createHost(wasmUrl) {
  /** @type {Promise<WebAssembly.Module> | null} */
  let compiled = null;
  /** @type {{core: ReturnType<typeof createCore>, jobs: number, idle: ReturnType<typeof setTimeout> | null}[]} */
  const cores = [];
  /** @type {Map<string, {entry: typeof cores[number], timer: ReturnType<typeof setTimeout>}>} */
  const byKey = new Map();

  function compile() {
    if (!compiled) {
      compiled = (async () => {
        try {
          return await WebAssembly.compileStreaming(fetch(wasmUrl));
        } catch {
          // A MIME type compileStreaming refuses: compile the bytes.
          return WebAssembly.compile(await (await fetch(wasmUrl)).arrayBuffer());
        }
      })();
      compiled.catch(() => { compiled = null; });
    }
    return compiled;
  }

  async function newEntry() {
    const entry = { core: createCore({ module: await compile() }), jobs: 0, idle: null };
    cores.push(entry);
    return entry;
  }

  // An idle Worker for the next job, a new one while there are fewer than MAX_CORES, else the
  // least busy (its calls queue in order).
  async function pick() {
    await compile();
    const idle = cores.find((c) => c.jobs === 0);
    if (idle) return idle;
    if (cores.length < MAX_CORES) return newEntry();
    return cores.reduce((a, b) => (b.jobs < a.jobs ? b : a));
  }

  /** @template T @param {typeof cores[number]} entry @param {(c: ReturnType<typeof createCore>) => Promise<T>} fn */
  async function run(entry, fn) {
    entry.jobs++;
    if (entry.idle) { clearTimeout(entry.idle); entry.idle = null; }
    try {
      return await fn(entry.core);
    } finally {
      entry.jobs--;
      // The first Worker stays warm; extra ones go when idle.
      if (entry.jobs === 0 && entry !== cores[0]) {
        entry.idle = setTimeout(() => {
          const i = cores.indexOf(entry);
          if (entry.jobs === 0 && i > 0) { cores.splice(i, 1); entry.core.terminate(); }
        }, IDLE_MS);
      }
    }
  }

  /** @param {string} key */
  function forget(key) {
    const k = byKey.get(key);
    if (!k) return null;
    byKey.delete(key);
    clearTimeout(k.timer);
    return k.entry;
  }

  return {
    /** Compiles the module and warms the first Worker (extraction, entity model, tagger). */
    async warm() {
      if (cores.length) return;
      const entry = await newEntry();
      // A job like any other: a click that comes meanwhile (the browser just started) gets a
      // Worker of its own, which instantiates the compiled module in milliseconds, rather
      // than waiting for the model to load here.
      await run(entry, (c) => c.warm(true));
    },
    /**
     * The plain article of a captured page (prepared under `key` for `marks`).
     * @param {string} key @param {string} html @param {string} url @param {Record<string, unknown>} opts
     * @returns {Promise<Outcome>}
     */
    async article(key, html, url, opts) {
      try {
        const entry = await pick();
        forget(key);
        if (opts.highlights === false) {
          byKey.set(key, { entry, timer: setTimeout(() => { const e = forget(key); if (e) e.core.drop(key); }, KEY_MS) });
        }
        return { result: await run(entry, (c) => c.article(html, url, opts, key)) };
      } catch (e) {
        forget(key);
        return failed(e);
      }
    },
    /** The article prepared under `key`, its entities marked. @param {string} key @returns {Promise<Outcome>} */
    async marks(key) {
      const entry = forget(key);
      if (!entry) return failed({ code: 'internal', message: 'No article was prepared.' });
      try { return { result: await run(entry, (c) => c.marks(key)) }; } catch (e) { return failed(e); }
    },
  };
}

/**
 * The background's handle on the warm core: `start()` when the extension is installed, the
 * browser starts or the background wakes; `article` and `marks` resolve to an Outcome.
 * @param {any} ext the WebExtension API
 */
export function warmCore(ext) {
  const wasmUrl = ext.runtime.getURL('pkg/lectern_bg.wasm');
  // Firefox's background page can start Workers: the host lives right here.
  if (typeof Worker === 'function') {
    /** @type {ReturnType<typeof createHost> | null} */
    let host = null;
    const get = () => {
      if (!host) {
        host = createHost(wasmUrl);
        host.warm().catch(() => {});
        // The reader frames share this page's process: their first layout finds its fonts set up.
        warmLayout(ext.runtime.getURL('reader/reader.css'));
      }
      return host;
    };
    return {
      start: () => { get(); },
      /** @param {string} key @param {string} html @param {string} url @param {Record<string, unknown>} opts */
      article: (key, html, url, opts) => get().article(key, html, url, opts),
      /** @param {string} key */
      marks: (key) => get().marks(key),
    };
  }
  if (!ext.offscreen) {
    const none = async () => null;
    return { start: () => {}, article: none, marks: none };
  }
  // Chromium: the offscreen document. It outlives the service worker (which the browser stops
  // when idle), so a woken worker first asks whether it is still there.
  /** @type {Promise<void> | null} */
  let creating = null;
  async function ensure() {
    if (ext.runtime.getContexts) {
      const found = await ext.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
      if (found.length) return;
    }
    if (!creating) {
      creating = ext.offscreen.createDocument({
        url: 'offscreen.html',
        reasons: ['WORKERS'],
        justification: 'Keeps the compiled reader core warm between clicks; pages are processed in its Workers.',
      }).catch((/** @type {any} */ e) => {
        // Another call created it first.
        if (!/single offscreen/i.test(String(e && e.message))) throw e;
      }).finally(() => { creating = null; });
    }
    await creating;
  }
  /** @param {string} op @param {any[]} args @returns {Promise<Outcome>} */
  async function ask(op, args) {
    try {
      await ensure();
      const r = await ext.runtime.sendMessage({ type: MSG.CORE, op, args });
      return r && typeof r === 'object' ? r : null;
    } catch {
      return null;
    }
  }
  return {
    start: () => { ensure().catch(() => {}); },
    /** @param {string} key @param {string} html @param {string} url @param {Record<string, unknown>} opts */
    article: (key, html, url, opts) => ask('article', [key, html, url, opts]),
    /** @param {string} key */
    marks: (key) => ask('marks', [key]),
  };
}
