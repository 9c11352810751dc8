// The credits page names every list in data/gazetteers/ with the source and licence that
// ATTRIBUTION.md gives it, and the model and the font.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const html = fs.readFileSync(path.join(ROOT, 'extension/credits.html'), 'utf8');
const text = (s) => s.replace(/<[^>]+>/g, '').replace(/&copy;|\(c\)/gi, '©').replace(/`/g, '').replace(/>=\s*/g, '').replace(/\s+/g, ' ').trim();
const creditsText = text(html);

test('every ATTRIBUTION.md entry is on the credits page with its licence', () => {
  const md = fs.readFileSync(path.join(ROOT, 'data/gazetteers/ATTRIBUTION.md'), 'utf8');
  const rows = md.split('\n').filter((l) => /^\| `[^`]+\.txt` \|/.test(l));
  assert.ok(rows.length >= 5, 'the attribution table was read');
  for (const row of rows) {
    const [file, , licence] = row.split('|').slice(1, 4).map((c) => text(c));
    assert.match(html, new RegExp(`data-file="${file.replace('.', '\\.')}"`), `${file} listed`);
    for (const part of licence.split(/[;()]/).map((p) => p.trim()).filter((p) => p.length > 3)) {
      const key = part.split(',')[0].trim();
      assert.ok(creditsText.includes(key), `${file}: licence "${key}" stated`);
    }
  }
});

test('every gazetteer file shipped is credited', () => {
  for (const f of fs.readdirSync(path.join(ROOT, 'data/gazetteers')).filter((f) => f.endsWith('.txt'))) {
    assert.match(html, new RegExp(`data-file="${f.replace('.', '\\.')}"`), `${f} credited`);
  }
});

test('the model and the font are credited, with the font licence shipped', () => {
  for (const f of fs.readdirSync(path.join(ROOT, 'models'))) assert.ok(html.includes(`models/${f}`), `${f} credited`);
  assert.match(creditsText, /CoNLL-2003/);
  assert.match(creditsText, /SIL Open Font License 1\.1/);
  assert.match(fs.readFileSync(path.join(ROOT, 'extension/fonts/OFL.txt'), 'utf8'), /SIL OPEN FONT LICENSE Version 1\.1/);
});
