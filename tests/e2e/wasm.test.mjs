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

test('highlight_last marks the article the last plain process extracted, once', () => {
  const plain = core.process(story(), 'https://news.example/trams', { highlights: false });
  const marked = core.highlight_last();
  const direct = core.process(story(), 'https://news.example/trams', { highlights: true });
  assert.equal(marked.reader_html, direct.reader_html);
  assert.deepEqual(marked.entities, direct.entities);
  assert.equal(marked.article.title, plain.article.title);
  // Taken: a second call has nothing left, and a highlighted process keeps nothing.
  assert.throws(() => core.highlight_last(), /No article was processed without highlights/);
});

test('no article: an Error that says why', () => {
  assert.throws(() => core.process('   ', '', undefined), (e) => e instanceof Error && /No article found: the page is empty/.test(e.message));
  assert.throws(() => core.process_fragment('<div> </div>', '', 'x', null), /no text/i);
});

test('bad options are an Error, not a crash', () => {
  assert.throws(() => core.process(story(), '', { highlights: 'yes' }), /bad options/);
});

test('other exports', () => {
  assert.match(core.version(), /^\d+\.\d+\.\d+/);
  assert.equal(typeof core.is_readerable(story()), 'boolean');
  assert.ok(core.extract(story(), 'https://news.example/trams').title);
  assert.ok(Array.isArray(core.recognize('Angela Merkel visited Paris on 3 May 2021.').mentions));
});

test('a panic reaches JavaScript as an error with its message', () => {
  assert.throws(() => core.__panic_for_test(), WebAssembly.RuntimeError);
  assert.match(core.last_panic(), /test panic/);
});
