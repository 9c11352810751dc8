// The in-browser half of the benchmark (driven by bench/run.mjs).
//
// Each corpus page is loaded as a live document in a same-origin iframe, served with a CSP that
// turns the page's own scripts off (and blocks every external resource, so loads are quick and
// deterministic). Both contenders then work on that same live document, interleaved, in the same
// browser:
//   - Readability.js: new Readability(document.cloneNode(true)).parse()
//   - Lectern's click path minus the UI: capture.js run in the page (as the extension injects it),
//     a structured clone of its result (stand-in for the message to the extension page), then the
//     wasm `process(html, url)` = copy into wasm, extract, entities, render to reader HTML.
//   - Lectern's extraction alone (`extract`) and entity recognition alone (`recognize`).
// Raw per-repetition times go back to Node, which computes the statistics.

const now = () => performance.now();
let lectern = null; // the wasm-bindgen module namespace
let config = null; // {nonce, captureSrc}
let coldFirstMs = null; // the very first process() call after instantiation (Liftoff code, cold caches)

function log(line) {
  document.getElementById('log').textContent += line + '\n';
}

function errorText(e) {
  if (e && typeof e === 'object' && 'message' in e) return String(e.message);
  return String(e);
}

/** Imports the wasm-bindgen glue and instantiates the module, timing compile and instantiation. */
window.benchSetup = async function benchSetup(cfg) {
  config = cfg;
  const glue = await import('/pkg/lectern.js');
  const bytes = await (await fetch('/pkg/lectern_bg.wasm')).arrayBuffer();
  let t0;
  let t1;
  let t2;
  if (cfg.streaming) {
    // As the extension's reader page does it: streaming compile straight from the URL.
    t0 = now();
    await glue.default({ module_or_path: '/pkg/lectern_bg.wasm' });
    t1 = t2 = now();
  } else {
    t0 = now();
    const module = await WebAssembly.compile(bytes);
    t1 = now();
    await glue.default({ module_or_path: module });
    t2 = now();
  }
  // The entity model is a separate asset beside the module (older builds embed it).
  let modelMs = 0;
  if (typeof glue.load_model === 'function') {
    const m0 = now();
    glue.load_model(new Uint8Array(await (await fetch('/pkg/ner.bin')).arrayBuffer()));
    modelMs = now() - m0;
  }
  lectern = glue;
  const version = typeof glue.version === 'function' ? glue.version() : null;
  log(`lectern ${version}: compile ${(t1 - t0).toFixed(2)} ms, instantiate ${(t2 - t1).toFixed(2)} ms`);
  return {
    version,
    wasmBytes: bytes.byteLength,
    compileMs: t1 - t0,
    instantiateMs: t2 - t1,
    initMs: t2 - t0 + modelMs,
    modelMs,
    crossOriginIsolated: self.crossOriginIsolated === true,
    userAgent: navigator.userAgent,
  };
};

/** Loads a corpus page into the iframe and injects capture.js into it, as the extension would. */
async function loadPage(name) {
  const iframe = document.getElementById('page');
  await new Promise((resolve, reject) => {
    iframe.onload = resolve;
    iframe.onerror = () => reject(new Error(`loading ${name} failed`));
    iframe.src = `/corpus/${encodeURIComponent(name)}/source.html`;
  });
  const win = iframe.contentWindow;
  const doc = iframe.contentDocument;
  if (!doc || !doc.documentElement) throw new Error(`${name}: no document`);
  // The page's CSP allows only scripts carrying this run's nonce: the page's own scripts stay off,
  // the capture script runs in the page like a content script.
  const script = doc.createElement('script');
  script.nonce = config.nonce;
  script.textContent = config.captureSrc;
  (doc.head || doc.documentElement).appendChild(script);
  script.remove();
  if (typeof win.__lecternCapture !== 'function') {
    throw new Error('capture.js did not define globalThis.__lecternCapture in the page');
  }
  return { win, doc };
}

function runReadability(doc) {
  const t0 = now();
  const article = new Readability(doc.cloneNode(true)).parse();
  const t1 = now();
  return { ms: t1 - t0, article };
}

function runLectern(win) {
  const t0 = now();
  const captured = win.__lecternCapture({});
  const t1 = now();
  const message = structuredClone(captured);
  const t2 = now();
  let out = null;
  let error = null;
  try {
    out = lectern.process(message.html, message.url);
  } catch (e) {
    error = errorText(e);
  }
  const t3 = now();
  return { ms: t3 - t0, capture: t1 - t0, hop: t2 - t1, process: t3 - t2, out, error, captured };
}

function runExtract(html, url) {
  const t0 = now();
  let out = null;
  let error = null;
  try {
    out = lectern.extract(html, url);
  } catch (e) {
    error = errorText(e);
  }
  return { ms: now() - t0, out, error };
}

// The core path with entity recognition switched off: what a reader that shows the article
// first and marks entities afterwards would make the user wait for.
function runPlain(html, url) {
  const t0 = now();
  let error = null;
  try {
    lectern.process(html, url, { highlights: false });
  } catch (e) {
    error = errorText(e);
  }
  return { ms: now() - t0, error };
}

function runRecognize(text) {
  const t0 = now();
  let out = null;
  let error = null;
  try {
    out = lectern.recognize(text);
  } catch (e) {
    error = errorText(e);
  }
  return { ms: now() - t0, out, error };
}

// Tokens as a CoNLL-style tagger sees them: runs of letters/digits, and each other symbol.
function countTokens(text) {
  const m = text.match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu);
  return m ? m.length : 0;
}

const utf8Length = (s) => new TextEncoder().encode(s).length;
const get = (o, ...keys) => keys.reduce((v, k) => (v == null ? v : v[k]), o);

/** Benchmarks one page: `warmup` untimed rounds then `reps` timed rounds, contenders interleaved. */
window.benchPage = async function benchPage(name, { reps, warmup }) {
  const { win, doc } = await loadPage(name);

  // One untimed look at what each contender produces, for the sanity columns of the report.
  const first = runLectern(win);
  if (coldFirstMs === null) coldFirstMs = first.ms;
  const html = first.captured.html;
  const url = first.captured.url;
  const r0 = runReadability(doc);
  const articleText = get(first.out, 'article', 'text');
  // Entity recognition alone runs on the article text; if Lectern found no article, on
  // Readability's text instead, so the tagger is still measured on real prose.
  const text = articleText || (r0.article && r0.article.textContent) || '';
  const tokens = countTokens(text);

  const t = {
    readability: [],
    lectern: [],
    capture: [],
    hop: [],
    process: [],
    plain: [],
    extract: [],
    recognize: [],
  };
  let extractError = null;
  let recognizeError = null;
  let mentions = null;
  let names = null; // whether the names tagger ran (English text only)
  for (let i = 0; i < warmup + reps; i++) {
    // Alternate who goes first, so neither always runs right after the other's garbage.
    const order = i % 2 === 0 ? ['R', 'L'] : ['L', 'R'];
    const round = {};
    for (const who of order) {
      if (who === 'R') round.r = runReadability(doc);
      else round.l = runLectern(win);
    }
    const e = runExtract(html, url);
    const plain = runPlain(html, url);
    const n = text ? runRecognize(text) : null;
    extractError = e.error;
    if (n) {
      recognizeError = n.error;
      mentions = get(n.out, 'mentions', 'length') ?? null;
      names = get(n.out, 'names') ?? null;
    }
    if (i < warmup) continue;
    t.readability.push(round.r.ms);
    t.lectern.push(round.l.ms);
    t.capture.push(round.l.capture);
    t.hop.push(round.l.hop);
    t.process.push(round.l.process);
    t.extract.push(e.ms);
    t.plain.push(plain.ms);
    if (n) t.recognize.push(n.ms);
  }

  return {
    name,
    capturedBytes: utf8Length(html),
    times: t,
    readability: {
      ok: r0.article != null,
      textChars: r0.article ? (r0.article.textContent || '').length : 0,
      contentBytes: r0.article ? utf8Length(r0.article.content || '') : 0,
    },
    lectern: {
      ok: first.error == null,
      error: first.error,
      words: get(first.out, 'article', 'word_count') ?? null,
      textChars: articleText ? articleText.length : 0,
      entities: get(first.out, 'entities', 'entities', 'length') ?? null,
      mentions: get(first.out, 'entities', 'mentions', 'length') ?? null,
      readerBytes: first.out && typeof first.out.reader_html === 'string' ? utf8Length(first.out.reader_html) : 0,
    },
    extract: { error: extractError },
    recognize: {
      source: articleText ? 'lectern' : text ? 'readability' : 'none',
      chars: text.length,
      tokens,
      mentions,
      names,
      error: recognizeError,
    },
  };
};

/**
 * The first click, as users get it: in a page that has just loaded both contenders, one run of
 * each (nothing warmed up: JS in the interpreter, wasm in its baseline tier), `first` going first.
 */
window.benchCold = async function benchCold(name, first) {
  const { win, doc } = await loadPage(name);
  const out = {};
  for (const who of first === 'R' ? ['R', 'L'] : ['L', 'R']) {
    if (who === 'R') out.readability = runReadability(doc).ms;
    else {
      const l = runLectern(win);
      out.lectern = l.ms;
      out.capture = l.capture;
      out.process = l.process;
      out.ok = l.error == null;
    }
  }
  return out;
};

window.benchColdFirst = () => coldFirstMs;
window.benchReady = true;
