// The wasm API as JavaScript sees it (the built module from extension/pkg, run in Node).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib.mjs';

const PKG = path.join(ROOT, 'extension/pkg');
let core;

before(async () => {
  core = await import(path.join(PKG, 'lectern.js'));
  core.initSync({ module: fs.readFileSync(path.join(PKG, 'lectern_bg.wasm')) });
  core.load_model(fs.readFileSync(path.join(PKG, 'ner.bin')));
});

const story = () => `<html><head><title>Tram line opens | City News</title></head><body>
  <nav><a href="/">Home</a> <a href="/news">News</a></nav>
  <article><h1>Tram line opens</h1>
  ${Array.from({ length: 5 }, (_, i) => `<p>Passengers in Lyon rode the new tram line for the first time on Monday, paragraph ${i + 1}, after the company Keolis finished three years of work that cost €120 million, the mayor Grégory Doucet said.</p>`).join('\n')}
  <p><img src="/img/tram.png" alt=""></p></article></body></html>`;

test('process returns the article, its entities and the reader HTML', () => {
  const r = core.process(story(), 'https://news.example/trams', { highlights: true });
  assert.equal(typeof r.reader_html, 'string');
  assert.match(r.article.title, /Tram line opens/);
  assert.ok(r.article.word_count > 50);
  assert.ok(Array.isArray(r.entities.mentions) && Array.isArray(r.entities.entities));
  assert.ok(r.entities.mentions.length > 0);
  assert.equal(r.entities.names, true, 'English text: names looked for');
  assert.match(r.reader_html, /<mark class="lx-ent lx-[A-Z]+"/);
  // Relative URLs resolve against the page's URL.
  assert.match(r.reader_html, /src="https:\/\/news\.example\/img\/tram\.png"/);
});

test('highlights off: no marks and no entities', () => {
  const r = core.process(story(), 'https://news.example/trams', { highlights: false });
  assert.doesNotMatch(r.reader_html, /<mark/);
  assert.equal(r.entities.mentions.length, 0);
  assert.equal(r.entities.names, false);
});

test('prepare returns a handle: the article rendered plain, then marked, without extracting twice', () => {
  const prepared = core.prepare(story(), 'https://news.example/trams', {});
  const plain = prepared.render(false);
  const marked = prepared.render(true);
  prepared.free();
  const direct = core.process(story(), 'https://news.example/trams', { highlights: true });
  assert.equal(marked.reader_html, direct.reader_html);
  assert.deepEqual(marked.entities, direct.entities);
  assert.equal(marked.article.title, plain.article.title);
  assert.doesNotMatch(plain.reader_html, /<mark/);
  assert.equal(core.highlight_last, undefined, 'no hidden state left in the module');
});

test('errors carry a code', () => {
  const code = (f) => { try { f(); return 'no error'; } catch (e) { assert.ok(e instanceof Error); return e.code; } };
  assert.equal(code(() => core.process('   ', '', undefined)), 'no-article');
  assert.throws(() => core.process('   ', '', undefined), /No article found: the page is empty/);
  assert.equal(code(() => core.prepare('   ', '', undefined)), 'no-article');
  assert.equal(code(() => core.process_fragment('<div> </div>', '', 'x', null)), 'no-text');
  assert.equal(code(() => core.process(story(), '', { highlights: 'yes' })), 'bad-options');
});

test('URLs are written from their parsed form; cite only when it is a web URL', () => {
  const page = story().replace('<p><img src="/img/tram.png" alt=""></p>',
    '<p><img src="da\tta:text/html,<script>x</script>" alt=""><img src="java\nscript:alert(1)" alt="">'
    + '<a href=" https://news.example/a b">link</a></p><blockquote cite="javascript:alert(1)"><p>Quoted words from the mayor about the tram line, long enough to stay in the article.</p></blockquote>'
    + '<blockquote cite="https://news.example/source"><p>Another quotation from the tram company about its new line and its long works.</p></blockquote>');
  const r = core.process(page, 'https://news.example/trams', { highlights: false });
  assert.doesNotMatch(r.reader_html, /text\/html|javascript|da\tta/i);
  assert.match(r.reader_html, /href="https:\/\/news\.example\/a%20b"/);
  assert.match(r.reader_html, /cite="https:\/\/news\.example\/source"/);
  assert.doesNotMatch(r.reader_html, /cite="(?!https)/);
});

test('a lead image must be one the page loaded or on its site, never on the local network', () => {
  const page = (img) => story().replace('<title>', `<meta property="og:image" content="${img}"><title>`).replace('<p><img src="/img/tram.png" alt=""></p>', '');
  const lead = (img, loaded) => /lx-lead/.test(core.process(page(img), 'https://news.example/trams', { highlights: false, loaded_images: loaded }).reader_html);
  assert.equal(lead('https://cdn.elsewhere.net/a.png', []), false, 'cross-site, never loaded');
  assert.equal(lead('https://cdn.elsewhere.net/a.png', ['https://cdn.elsewhere.net/a.png']), true, 'loaded by the page');
  assert.equal(lead('/img/lead.png', []), true, 'same site');
  assert.equal(lead('https://img.news.example/lead.png', []), true, 'same site, other host');
  assert.equal(lead('http://192.168.1.1/a.png', ['http://192.168.1.1/a.png']), false, 'local network');
  assert.equal(lead('http://printer.local/a.png', undefined), false, 'local network, nothing known');
});

test('other exports', () => {
  assert.match(core.version(), /^\d+\.\d+\.\d+/);
  assert.equal(typeof core.is_readerable(story()), 'boolean');
  assert.ok(core.extract(story(), 'https://news.example/trams').title);
  assert.ok(Array.isArray(core.recognize('Angela Merkel visited Paris on 3 May 2021.').mentions));
});

test('the entity model is a separate asset: a foreign file is refused, the loaded one marks names', () => {
  assert.throws(() => core.load_model(new Uint8Array([1, 2, 3])), (e) => e.code === 'internal' && /model/.test(e.message));
  const r = core.recognize('Angela Merkel met Emmanuel Macron in Paris on Monday.');
  const labels = new Set(r.entities.map((e) => e.label));
  assert.ok(labels.has('PER') && labels.has('LOC'), `names marked: ${[...labels]}`);
});

test('the shipped module cannot be made to panic on purpose', () => {
  assert.equal(core.__panic_for_test, undefined, 'built without the test-panic feature');
});

// A build with the test-panic feature (`make wasm-test-panic`, which `make test-e2e` runs first).
test('a panic reaches JavaScript as an error with its message', async () => {
  const out = path.join(ROOT, 'target', 'wasm-test-panic');
  assert.ok(fs.existsSync(path.join(out, 'lectern.js')), 'run `make wasm-test-panic` first');
  const panicky = await import(`${path.join(out, 'lectern.js')}?t=${Date.now()}`);
  panicky.initSync({ module: fs.readFileSync(path.join(out, 'lectern_bg.wasm')) });
  assert.throws(() => panicky.__panic_for_test(), WebAssembly.RuntimeError);
  assert.match(panicky.last_panic(), /test panic/);
});
