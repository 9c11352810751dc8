#!/usr/bin/env bash
# Store packages (what `make package` runs, after `make build`): one zip for Chromium-based
# browsers and one for Firefox, built with web-ext from a staged copy of extension/ whose manifest
# carries the version in Cargo.toml and only the background key each browser uses.
#   out/lectern-chromium-VERSION.zip, out/lectern-firefox-VERSION.zip
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(awk -F'"' '/^version = /{print $2; exit}' Cargo.toml)
[ -f extension/pkg/lectern_bg.wasm ] || { echo "package: run make build first" >&2; exit 1; }
webext="node node_modules/web-ext/bin/web-ext.js"

for browser in chromium firefox; do
  stage=out/package/$browser
  rm -rf "$stage" && mkdir -p "$stage"
  # Everything in extension/ ships except the unpacked-build leftovers.
  tar -C extension --exclude=./dist -cf - . | tar -C "$stage" -xf -
  node - "$stage/manifest.json" "$version" "$browser" <<'JS'
const fs = require('fs');
const [file, version, browser] = process.argv.slice(2);
const m = JSON.parse(fs.readFileSync(file, 'utf8'));
m.version = version;
if (browser === 'chromium') {
  // Chromium runs the service worker and warns about keys it does not know.
  delete m.background.scripts;
  delete m.browser_specific_settings;
} else {
  // Firefox runs background scripts (an event page).
  delete m.background.service_worker;
}
fs.writeFileSync(file, JSON.stringify(m, null, 2) + '\n');
JS
  $webext build --source-dir "$stage" --artifacts-dir out --overwrite-dest \
    --filename "lectern-$browser-$version.zip" >/dev/null
  echo "package: out/lectern-$browser-$version.zip ($(wc -c < "out/lectern-$browser-$version.zip") bytes)"
done
# The Firefox package is what addons.mozilla.org validates: lint it as shipped.
$webext lint --source-dir out/package/firefox --no-input --output text | tail -n 3
