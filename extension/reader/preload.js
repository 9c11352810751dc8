// Runs before the reader's modules load: asks the background for this frame's page at once and,
// only once one is confirmed (a frame the extension did not open gets none, so no work) and the
// warm core did not process it already (warm.js), starts the core's Worker compiling the wasm
// module, while the modules still load. reader.js takes both over (`__lecternEarly`). The
// message types are messages.js's MSG.PAYLOAD and MSG.MARKS (a classic script cannot import).
//
// The article first: when the warm core's article comes with the page, it goes on screen here,
// at once, in the reader's settings, and its marks are asked for; the modules then build the
// toolbar around it (view.js adopts this <main>). Before, the article waited for the modules
// and the toolbar (bench-click, 180 pages interleaved: click to article 142 -> 126 ms median,
// p95 271 -> 209; the toolbar comes about a frame later).
(() => {
  const ext = globalThis.browser || globalThis.chrome;
  const token = location.hash.slice(1);
  if (!ext || !document.currentScript || !/^[0-9a-f-]{36}$/.test(token)) return;
  const ran = Date.now(); // when this script ran (bench/click.mjs's phases)
  const workerUrl = new URL('worker.js', document.currentScript.src);

  // The settings that change how the article looks (view.js apply() sets them the same way).
  // The background normalised them (settings.js) before sending.
  function applyLook(s) {
    if (!s || typeof s !== 'object') return;
    const de = document.documentElement;
    if (typeof s.theme === 'string') de.dataset.theme = s.theme;
    if (typeof s.font === 'string') de.dataset.font = s.font;
    if (Number.isFinite(s.fontSize)) de.style.setProperty('--lx-size', `${s.fontSize}px`);
    if (Number.isFinite(s.width)) de.style.setProperty('--lx-measure', `${s.width}ch`);
    if (Number.isFinite(s.lineHeight)) de.style.setProperty('--lx-lh', String(s.lineHeight));
  }

  // The warm core's article (sanitised by the core, as view.js show() takes it), parsed inert
  // and put where the view will have it; a placeholder keeps the toolbar's room, so that the
  // article does not move when the toolbar comes. Returns the <main>, or null.
  function showArticle(payload) {
    const out = payload.article;
    const result = out && typeof out === 'object' && out.result;
    const root = document.getElementById('lx-root');
    // Only over the page's "Preparing" line: never over a view the modules built already.
    if (!result || typeof result.reader_html !== 'string' || !root || !root.querySelector('.lx-loading')) return null;
    applyLook(payload.settings);
    const parsed = new DOMParser().parseFromString(`<body>${result.reader_html}</body>`, 'text/html');
    const main = document.createElement('main');
    main.className = 'lx-main';
    main.id = 'lx-main';
    main.tabIndex = -1;
    const lang = result.article && result.article.lang;
    if (typeof lang === 'string' && lang) main.lang = lang;
    main.append(...parsed.body.childNodes);
    const bar = document.createElement('div');
    bar.className = 'lx-toolbar lx-toolbar-early';
    bar.setAttribute('aria-hidden', 'true');
    const page = document.createElement('div');
    page.className = 'lx-page';
    page.append(main);
    root.replaceChildren(bar, page);
    const title = result.article && result.article.title;
    if (typeof title === 'string' && title) document.title = title;
    return main;
  }

  Object.defineProperty(globalThis, '__lecternEarly', {
    value: ext.runtime.sendMessage({ type: 'lectern-payload', token }).catch(() => null).then((payload) => {
      const at = Date.now(); // when the page came (bench/click.mjs's phases)
      if (!payload || typeof payload.html !== 'string') return { payload, worker: null, at, ran, main: null };
      let main = null;
      try { main = showArticle(payload); } catch { main = null; }
      // When the article went on screen (wall clock: tests/e2e/measure.mjs, bench/click.mjs).
      const shown = main ? Date.now() : 0;
      if (shown) document.documentElement.dataset.articleAt = String(shown);
      // Its marks are asked for at once too (MSG.MARKS): the warm core is on them already.
      const s = payload.settings;
      const marks = main && !(s && s.highlights === false) ? ext.runtime.sendMessage({ type: 'lectern-marks', token }).catch(() => null) : null;
      if (payload.article) return { payload, worker: null, at, ran, main, shown, marks };
      const worker = new Worker(workerUrl, { type: 'module' });
      worker.postMessage({ id: 0, op: 'warm', args: [] });
      return { payload, worker, at, ran, main, shown };
    }),
  });
})();
