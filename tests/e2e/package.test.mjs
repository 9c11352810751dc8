// `make package`: the store zips for Chromium and Firefox carry Cargo.toml's version, the files
// the extension loads, and only the background key each browser runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib.mjs';

const version = /^version = "([^"]+)"/m.exec(fs.readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8'))[1];

// Lists a zip's entries and reads one of them, with Python's zipfile (no npm dependency).
function zipRead(zip, entry) {
  const script = `import sys, zipfile, json
z = zipfile.ZipFile(sys.argv[1])
print(json.dumps({"names": z.namelist(), "entry": z.read(sys.argv[2]).decode()}))`;
  return JSON.parse(execFileSync('python3', ['-c', script, zip, entry], { encoding: 'utf8' }));
}

test('make package builds versioned store zips for Chromium and Firefox', () => {
  execFileSync(path.join(ROOT, 'scripts/package.sh'), { cwd: ROOT, stdio: 'pipe' });
  const shipped = JSON.parse(fs.readFileSync(path.join(ROOT, 'extension/manifest.json'), 'utf8'));
  for (const browser of ['chromium', 'firefox']) {
    const zip = path.join(ROOT, `out/lectern-${browser}-${version}.zip`);
    assert.ok(fs.existsSync(zip), `${zip} exists`);
    const { names, entry } = zipRead(zip, 'manifest.json');
    const manifest = JSON.parse(entry);
    assert.equal(manifest.version, version);
    // Firefox's background page hosts the warm core: it needs no offscreen document.
    const expected = browser === 'firefox' ? shipped.permissions.filter((p) => p !== 'offscreen') : shipped.permissions;
    assert.deepEqual(manifest.permissions, expected, 'the unpacked extension\'s permissions (Firefox: but offscreen)');
    for (const file of ['reader.html', 'pkg/lectern_bg.wasm', 'pkg/lectern.js', 'pkg/ner.bin', 'src/background.js', 'icons/icon-128.png']) {
      assert.ok(names.includes(file), `${browser} zip holds ${file}`);
    }
    assert.ok(!names.some((n) => n.startsWith('dist/')), 'no unpacked-build leftovers');
    if (browser === 'chromium') {
      assert.ok(manifest.background.service_worker && !manifest.background.scripts);
      assert.equal(manifest.browser_specific_settings, undefined);
    } else {
      assert.ok(manifest.background.scripts && !manifest.background.service_worker);
      assert.ok(manifest.browser_specific_settings.gecko.id);
    }
  }
});
