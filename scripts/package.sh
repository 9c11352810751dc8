#!/usr/bin/env bash
# Store packages (what `make package` runs, after `make build`): one zip for Chromium-based
# browsers and one for Firefox, built with web-ext from a staged copy of extension/ whose manifest
# carries the version in Cargo.toml and only the keys each browser uses.
#   out/lectern-chromium-VERSION.zip, out/lectern-firefox-VERSION.zip
# `scripts/package.sh --lint-firefox` only stages the Firefox copy and lints it (`make lint-ext`):
# web-ext lint judges what Firefox gets, not the keys only Chromium reads.
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(awk -F'"' '/^version = /{print $2; exit}' Cargo.toml)
webext="node node_modules/web-ext/bin/web-ext.js"
lint_only=false
[ "${1:-}" = --lint-firefox ] && lint_only=true
$lint_only || [ -f extension/pkg/lectern_bg.wasm ] || { echo "package: run make build first" >&2; exit 1; }
browsers="chromium firefox"
$lint_only && browsers=firefox

for browser in $browsers; do
  stage=out/package/$browser
  rm -rf "$stage" && mkdir -p "$stage"
  # Everything in extension/ ships except the unpacked-build leftovers (and, for Firefox, the
  # offscreen document it has no use for).
  skip=(--exclude=./dist)
  [ "$browser" = firefox ] && skip+=(--exclude=./offscreen.html --exclude=./src/offscreen.js)
  tar -C extension "${skip[@]}" -cf - . | tar -C "$stage" -xf -
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
  // Firefox runs background scripts (an event page), which host the warm core themselves: no
  // offscreen document, and no permission for one (Firefox does not know it).
  delete m.background.service_worker;
  m.permissions = m.permissions.filter((p) => p !== 'offscreen');
}
fs.writeFileSync(file, JSON.stringify(m, null, 2) + '\n');
JS
  $lint_only && break
  $webext build --source-dir "$stage" --artifacts-dir out --overwrite-dest \
    --filename "lectern-$browser-$version.zip" >/dev/null
  echo "package: out/lectern-$browser-$version.zip ($(wc -c < "out/lectern-$browser-$version.zip") bytes)"
done
# The Firefox package is what addons.mozilla.org validates: lint it as shipped.
if $lint_only; then
  $webext lint --source-dir out/package/firefox --no-input
else
  $webext lint --source-dir out/package/firefox --no-input --output text | tail -n 3
fi
