// @ts-check
// The wasm core, off the main thread: a hostile page that takes the core long to read cannot
// freeze the reader (its close button, Esc) or the warm core's host, and core.js stops this
// worker when a call runs over its time budget. One request at a time: {id, op, args} ->
// {id, result} or {id, error: {code, message}}.
import init, * as core from '../pkg/lectern.js';

/** @type {Promise<unknown> | null} */
let ready = null;
/**
 * Articles of 'article' calls made without highlights, kept for 'marks' by key (wasm handles:
 * freed when taken or replaced). The reader uses one key; the warm core one per click.
 * @type {Map<string, core.Prepared>}
 */
const prepared = new Map();
const MAX_PREPARED = 8;
let dead = false;

/** @param {string} key */
function drop(key) {
  const p = prepared.get(key);
  if (p) { prepared.delete(key); p.free(); }
}

/** @param {string} html @param {string} url @param {Record<string, unknown>} opts @param {string} key */
function article(html, url, opts, key) {
  drop(key);
  const p = core.prepare(html, url, opts);
  if (opts.highlights === false) {
    // The plain article now; its marks when asked for ('marks').
    prepared.set(key, p);
    // Clicks whose marks were never asked for must not pile up.
    while (prepared.size > MAX_PREPARED) drop(/** @type {string} */ (prepared.keys().next().value));
    return p.render(false);
  }
  try { return p.render(true); } finally { p.free(); }
}

/** @param {string} key */
function marks(key) {
  const p = prepared.get(key);
  prepared.delete(key);
  if (!p) throw Object.assign(new Error('No article was prepared.'), { code: 'internal' });
  try { return p.render(true); } finally { p.free(); }
}

const WARM_PAGE = '<html><head><title>Warm up</title></head><body><article><h1>Warm up</h1>'
  + '<p>Ada Lovelace met Charles Babbage in London on 5 June 1833 and wrote about his engine for years.</p>'.repeat(6)
  + '</article></body></html>';

/** @param {string} op @param {any[]} args */
function run(op, args) {
  switch (op) {
    case 'init': return null; // the module was handed over: see onmessage
    case 'warm':
      // Compiles the code paths of a first call while the reader waits for nothing else;
      // `full`: extraction, the entity model and the tagger too (the warm core, before any click).
      if (args[0]) core.process(WARM_PAGE, 'https://example.com/', { highlights: true });
      else core.is_readerable('<html><body><article><p>Warm up.</p></article></body></html>');
      return null;
    case 'article': return article(args[0], args[1], args[2] || {}, String(args[3] || ''));
    case 'marks': return marks(String(args[0] || ''));
    case 'drop': drop(String(args[0] || '')); return null;
    case 'fragment': return core.process_fragment(args[0], args[1], args[2], args[3] || {});
    default: throw Object.assign(new Error(`unknown operation ${op}`), { code: 'internal' });
  }
}

self.onmessage = async (/** @type {MessageEvent} */ e) => {
  const { id, op, args } = e.data || {};
  try {
    if (dead) throw Object.assign(new Error('the core stopped after an internal error'), { code: 'panic' });
    // 'init' first hands over a module compiled once by the warm core's host (instantiating it
    // takes milliseconds; compiling it again would not).
    if (!ready) {
      const given = op === 'init' && args && args[0] instanceof WebAssembly.Module ? args[0] : null;
      // The entity model ships beside the module (pkg/ner.bin, not embedded: the module's size
      // budget); it is fetched while the module instantiates.
      const model = fetch(new URL('../pkg/ner.bin', import.meta.url)).then((r) => r.arrayBuffer());
      ready = Promise.all([init({ module_or_path: given || new URL('../pkg/lectern_bg.wasm', import.meta.url) }), model])
        .then(([, bytes]) => core.load_model(new Uint8Array(bytes)));
    }
    await ready;
    self.postMessage({ id, result: run(op, args || []) });
  } catch (err) {
    const x = /** @type {any} */ (err);
    let code = (x && typeof x.code === 'string') ? x.code : 'internal';
    let message = (x && x.message) ? String(x.message) : String(x);
    if (x instanceof WebAssembly.RuntimeError) {
      // panic = "abort": the instance is unusable from here on.
      dead = true;
      code = 'panic';
      try { const p = core.last_panic(); if (p) message = `internal error: ${p}`; } catch { /* gone */ }
    }
    self.postMessage({ id, error: { code, message } });
  }
};
