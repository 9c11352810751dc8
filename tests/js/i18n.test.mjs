// _locales: every locale has every message of English, the playground's fallback equals English,
// and every key the reader code asks for exists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EN } from '../../extension/reader/i18n-en.js';
import { t, tEnglish } from '../../extension/reader/i18n.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (l) => JSON.parse(fs.readFileSync(path.join(ROOT, `extension/_locales/${l}/messages.json`), 'utf8'));
const en = read('en');

test('English messages and the fallback agree', () => {
  assert.deepEqual(Object.fromEntries(Object.entries(en).map(([k, v]) => [k, v.message])), EN);
});

for (const lang of ['de', 'fr', 'es']) {
  test(`${lang}: every message translated, placeholders kept`, () => {
    const msgs = read(lang);
    assert.deepEqual(Object.keys(msgs).sort(), Object.keys(en).sort());
    for (const [k, v] of Object.entries(msgs)) {
      assert.ok(v.message.trim(), `${lang}.${k} empty`);
      assert.deepEqual(v.message.match(/\{\d\}/g), en[k].message.match(/\{\d\}/g), `${lang}.${k} placeholders`);
    }
  });
}

test('the manifest uses messages that exist', () => {
  const m = fs.readFileSync(path.join(ROOT, 'extension/manifest.json'), 'utf8');
  assert.match(m, /"default_locale": "en"/);
  for (const [, key] of m.matchAll(/__MSG_(\w+)__/g)) assert.ok(en[key], key);
});

test('every key the reader code asks for exists', () => {
  const dir = path.join(ROOT, 'extension/reader');
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.js'))) {
    const src = fs.readFileSync(path.join(dir, f), 'utf8');
    for (const [, key] of src.matchAll(/\bt\('(\w+)'/g)) assert.ok(EN[key], `${f}: ${key}`);
  }
  for (const c of ['yellow', 'green', 'blue', 'pink', 'orange', 'purple']) assert.ok(EN[`colour_${c}`]);
  const bg = fs.readFileSync(path.join(ROOT, 'extension/src/background.js'), 'utf8');
  const used = [...bg.matchAll(/\blabel\('(\w+)', '([^']+)'\)/g)];
  assert.equal(used.length, 3, 'the toolbar titles are looked up');
  for (const [, key, english] of used) assert.equal(EN[key], english, `background.js: ${key}`);
});

test('English fallback fills placeholders; host strings are looked up', () => {
  assert.equal(t('mentions', '3'), '3 mentions');
  assert.equal(tEnglish('Back to the page'), 'Back to the page');
  assert.equal(tEnglish('not one of ours'), 'not one of ours');
});
