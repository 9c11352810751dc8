// The playground: runs the wasm core on a sample page or pasted HTML and shows the reader view
// (the extension's own view code) and the JSON the core returns.
import init, { load_model, process, process_fragment, version } from './pkg/lectern.js';
import { createReader } from './pkg/view.js';
import { attachFeatures } from './pkg/features.js';
import { localStore } from './pkg/store.js';
// The extension's settings schema (copied by scripts/build.sh).
import { DEFAULTS, LIMITS, normalise } from './pkg/settings.js';

const $ = (id) => document.getElementById(id);
const de = document.documentElement;

function loadSettings() {
  try { return normalise({ ...DEFAULTS, ...JSON.parse(localStorage.getItem('lectern-settings') || '{}') }); } catch { return normalise({ ...DEFAULTS }); }
}

let lastHtml = '';
const reader = createReader($('lx-root'), {
  settings: loadSettings(),
  limits: LIMITS,
  onChange: (patch, reprocess) => {
    localStorage.setItem('lectern-settings', JSON.stringify({ ...loadSettings(), ...patch }));
    if (reprocess) run(lastHtml);
  },
});

// Read aloud, contents, positions, export, watchlist...: the extension's features, kept in this
// page's localStorage.
await attachFeatures(reader, { sync: localStore(), local: localStore(), url: () => $('pg-url').value.trim(), creditsUrl: 'credits.html' });

function showTab(which) {
  $('pg-tab-reader').setAttribute('aria-selected', String(which === 'reader'));
  $('pg-tab-json').setAttribute('aria-selected', String(which === 'json'));
  $('lx-root').hidden = which !== 'reader';
  $('pg-json').hidden = which !== 'json';
}

function run(html) {
  lastHtml = html;
  de.dataset.runs = String(Number(de.dataset.runs || 0) + 1);
  const url = $('pg-url').value.trim();
  const opts = { highlights: reader.settings().highlights };
  const t0 = performance.now();
  try {
    const result = process(html, url, opts);
    const ms = performance.now() - t0;
    $('pg-time').textContent = `processed ${Math.round(html.length / 1024)} KB in ${ms.toFixed(1)} ms`;
    reader.show(result, { marked: opts.highlights !== false });
    $('pg-json').textContent = JSON.stringify(result, null, 2);
    de.dataset.state = 'ready';
  } catch (e) {
    const msg = e && e.message ? e.message : String(e);
    $('pg-json').textContent = JSON.stringify({ error: msg }, null, 2);
    $('pg-time').textContent = '';
    de.dataset.state = /^No article found/.test(msg) ? 'no-article' : 'error';
    reader.showMessage(de.dataset.state === 'no-article' ? 'This page doesn’t look like an article' : 'Lectern could not show this page', msg, [
      ['Show the page’s text anyway', () => {
        try {
          const r = process_fragment(html.replace(/^[\s\S]*?<\/head>/i, ''), url, 'Page text', opts);
          reader.show(r, { marked: opts.highlights !== false });
          $('pg-json').textContent = JSON.stringify(r, null, 2);
          de.dataset.state = 'ready';
        } catch (e2) { reader.showMessage('Nothing to show', e2.message || String(e2)); }
      }],
    ]);
  }
}

async function loadSample() {
  const sample = $('pg-sample').value;
  $('pg-html').hidden = !!sample;
  if (!sample) { $('pg-html').focus(); return; }
  const url = new URL(sample, location.href).href;
  $('pg-url').value = url;
  const html = await (await fetch(url)).text();
  $('pg-html').value = html;
  run(html);
}

$('pg-sample').addEventListener('change', loadSample);
$('pg-form').addEventListener('submit', (e) => { e.preventDefault(); if ($('pg-sample').value) loadSample(); else run($('pg-html').value); });
$('pg-tab-reader').addEventListener('click', () => showTab('reader'));
$('pg-tab-json').addEventListener('click', () => showTab('json'));

// The entity model ships beside the module (not embedded: the module's size budget).
const model = fetch(new URL('./pkg/ner.bin', import.meta.url)).then((r) => r.arrayBuffer());
await init({ module_or_path: new URL('./pkg/lectern_bg.wasm', import.meta.url) });
load_model(new Uint8Array(await model));
$('pg-version').textContent = `v${version()}`;
de.dataset.wasm = 'ready';
await loadSample();
