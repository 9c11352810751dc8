// @ts-check
// The reader's handle on the wasm core, which runs in a Worker (worker.js). Each call has a time
// budget: past it the worker is stopped (a page built to take the core minutes must not hold the
// reader), and the call fails with code 'timeout'. After a panic or a timeout the next call
// starts a fresh worker, so the reader page itself never reloads.

export const BUDGET_MS = 15_000;

/** An error from the core: `code` is one of messages.js CORE_ERROR, or 'panic' / 'timeout'. */
export class CoreError extends Error {
  /** @param {string} code @param {string} message */
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

/**
 * `worker`: one already started (preload.js starts it as soon as the page is confirmed);
 * `module`: the wasm module compiled once (the warm core), handed to every worker started.
 * @param {{budgetMs?: number, worker?: Worker | null, module?: WebAssembly.Module | null}} [options]
 */
export function createCore({ budgetMs = BUDGET_MS, worker: early = null, module = null } = {}) {
  /** @type {Worker | null} */
  let worker = null;
  let nextId = 0;
  /** @type {Map<number, {resolve: (v: any) => void, reject: (e: any) => void, timer: ReturnType<typeof setTimeout>}>} */
  const calls = new Map();

  function stop(reason) {
    if (worker) worker.terminate();
    worker = null;
    for (const [, c] of calls) { clearTimeout(c.timer); c.reject(reason); }
    calls.clear();
  }

  function start(w = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' })) {
    w.onmessage = (e) => {
      const { id, result, error } = e.data || {};
      const c = calls.get(id);
      if (!c) return;
      calls.delete(id);
      clearTimeout(c.timer);
      if (error) {
        if (error.code === 'panic') stop(new CoreError('panic', error.message));
        c.reject(new CoreError(error.code, error.message));
      } else {
        c.resolve(result);
      }
    };
    w.onerror = (e) => { e.preventDefault(); stop(new CoreError('internal', e.message || 'the core could not start')); };
    // Its answer (id 0) is nobody's call: the calls that follow wait for it in the worker.
    if (module) w.postMessage({ id: 0, op: 'init', args: [module] });
    return w;
  }

  if (early) worker = start(early);

  /** @param {string} op @param {any[]} args */
  function call(op, args) {
    if (!worker) worker = start();
    const w = worker;
    const id = ++nextId;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        if (worker === w) stop(new CoreError('timeout', `the page took longer than ${Math.round(budgetMs / 1000)} s to read`));
      }, budgetMs);
      calls.set(id, { resolve, reject, timer });
      w.postMessage({ id, op, args });
    });
  }

  return {
    /**
     * Starts the worker and compiles the module (call once there is a page to show); `full`
     * also loads the entity model and runs the tagger once.
     */
    warm: (full = false) => call('warm', [full]).catch(() => null),
    /**
     * The reader view of the page's article; with `{highlights: false}` the article is kept
     * for `marks(key)`. Rejects with code 'no-article' when there is none.
     * @param {string} html @param {string} url @param {Record<string, unknown>} opts @param {string} [key]
     */
    article: (html, url, opts, key = '') => call('article', [html, url, opts, key]),
    /** The plain article last prepared under `key`, with its entities marked. @param {string} [key] */
    marks: (key = '') => call('marks', [key]),
    /** Forgets the article prepared under `key`. @param {string} key */
    drop: (key) => call('drop', [key]).catch(() => null),
    /** Whether calls are running. */
    busy: () => calls.size > 0,
    /** @param {string} html @param {string} url @param {string} title @param {Record<string, unknown>} opts */
    fragment: (html, url, title, opts) => call('fragment', [html, url, title, opts]),
    terminate: () => stop(new CoreError('internal', 'closed')),
  };
}
