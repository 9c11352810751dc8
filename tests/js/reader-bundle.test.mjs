// reader.html loads one script for its modules: reader.js and everything it imports, bundled by
// scripts/build.sh (one request from the reader frame instead of one per module).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EXT = path.join(ROOT, 'extension');

// The static imports of a module and of everything it imports, as paths under extension/.
function importGraph(entry) {
  const seen = new Set();
  const stack = [path.join(EXT, entry)];
  while (stack.length) {
    const file = stack.pop();
    const rel = path.relative(EXT, file);
    if (seen.has(rel)) continue;
    seen.add(rel);
    const src = fs.readFileSync(file, 'utf8');
    for (const m of src.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+['"]([^'"]+)['"]/gm)) {
      stack.push(path.resolve(path.dirname(file), m[1]));
    }
  }
  return seen;
}

test('reader.html loads the bundle of reader.js, and scripts/build.sh makes it from reader.js', () => {
  const html = fs.readFileSync(path.join(EXT, 'reader.html'), 'utf8');
  const modules = [...html.matchAll(/<script type="module" src="([^"]+)">/g)].map((m) => m[1]);
  assert.deepEqual(modules, ['reader/reader.bundle.js']);
  assert.doesNotMatch(html, /modulepreload/);
  const build = fs.readFileSync(path.join(ROOT, 'scripts/build.sh'), 'utf8');
  assert.match(build, /esbuild extension\/reader\/reader\.js --bundle [^\n]*\\\n\s*--outfile=extension\/reader\/reader\.bundle\.js/);
  // The wasm glue is imported by the worker only, never by the page.
  assert.ok(!importGraph('reader/reader.js').has('pkg/lectern.js'));
});

test('the features are a bundle of their own, left out of the reader bundle and imported after the article', () => {
  const build = fs.readFileSync(path.join(ROOT, 'scripts/build.sh'), 'utf8');
  assert.match(build, /esbuild extension\/reader\/reader\.js [^\n]*--external:\.\/features\.bundle\.js/);
  assert.match(build, /esbuild extension\/reader\/features\.js --bundle [^\n]*\\\n\s*--outfile=extension\/reader\/features\.bundle\.js/);
  const src = fs.readFileSync(path.join(EXT, 'reader/reader.js'), 'utf8');
  assert.match(src, /import\('\.\/features\.bundle\.js'\)/);
  // Built: the reader bundle does not hold the features' code.
  const bundle = path.join(EXT, 'reader/reader.bundle.js');
  if (fs.existsSync(bundle)) assert.doesNotMatch(fs.readFileSync(bundle, 'utf8'), /function attachFeatures/);
});

test('the features (read aloud, export, contents, watchlist) are not loaded before the article', () => {
  // reader.js imports features.js dynamically once the article is shown: none of its modules
  // may come back into the static graph (every module there runs before the article).
  const graph = importGraph('reader/reader.js');
  for (const m of importGraph('reader/features.js')) {
    if (m === 'reader/i18n.js' || m === 'reader/i18n-en.js' || m === 'reader/view.js') continue; // shared with the view
    assert.ok(!graph.has(m), `${m} is imported before the article is shown`);
  }
});
