// @ts-check
// The wasm core, off the reader page's main thread: a hostile page that takes the core long to
// read cannot freeze the reader (its close button, Esc), and core.js stops this worker when a
// call runs over its time budget. One request at a time: {id, op, args} -> {id, result} or
// {id, error: {code, message}}.
import init, * as core from '../pkg/lectern.js';

/** @type {Promise<unknown> | null} */
let ready = null;
/** The article of the last 'article' call, kept for 'marks' (a wasm handle: freed when replaced). */
/** @type {core.Prepared | null} */
let prepared = null;
let dead = false;

/** @param {string} html @param {string} url @param {Record<string, unknown>} opts */
function article(html, url, opts) {
  if (prepared) { prepared.free(); prepared = null; }
  const p = core.prepare(html, url, opts);
  if (opts.highlights === false) {
    // The plain article now; its marks when asked for ('marks').
    prepared = p;
    return p.render(false);
  }
  try { return p.render(true); } finally { p.free(); }
}

function marks() {
  const p = prepared;
  prepared = null;
  if (!p) throw Object.assign(new Error('No article was prepared.'), { code: 'internal' });
  try { return p.render(true); } finally { p.free(); }
}

/** @param {string} op @param {any[]} args */
function run(op, args) {
  switch (op) {
    case 'warm':
      // Compiles the code paths of a first call while the reader waits for nothing else.
      core.is_readerable('<html><body><article><p>Warm up.</p></article></body></html>');
      return null;
    case 'article': return article(args[0], args[1], args[2] || {});
    case 'marks': return marks();
    case 'fragment': return core.process_fragment(args[0], args[1], args[2], args[3] || {});
    default: throw Object.assign(new Error(`unknown operation ${op}`), { code: 'internal' });
  }
}

self.onmessage = async (/** @type {MessageEvent} */ e) => {
  const { id, op, args } = e.data || {};
  try {
    if (dead) throw Object.assign(new Error('the core stopped after an internal error'), { code: 'panic' });
    if (!ready) ready = init({ module_or_path: new URL('../pkg/lectern_bg.wasm', import.meta.url) });
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
