#!/usr/bin/env bash
# Installs what building and testing Lectern needs, skipping what is already there.
# Safe to run again; used by `make demo`, `make test` and .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

need_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Rust target for the wasm module.
if ! rustup target list --installed | grep -q '^wasm32-unknown-unknown$'; then
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen CLI at exactly the version Cargo.lock pins.
want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ -n "$want" ] && [ "$want" != "$have" ]; then
  echo "setup: installing wasm-bindgen-cli $want (takes a few minutes)"
  cargo install wasm-bindgen-cli --version "$want"
fi

# Debian packages: Chromium (with its language packs, for the reader's German UI test) and
# Firefox ESR for the browser tests, binaryen for wasm-opt.
missing=()
command -v chromium >/dev/null || missing+=(chromium)
[ -f /usr/lib/chromium/locales/de.pak ] || missing+=(chromium-l10n)
command -v firefox-esr >/dev/null || missing+=(firefox-esr)
command -v wasm-opt >/dev/null || missing+=(binaryen)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: apt-get install ${missing[*]}"
  need_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive need_root apt-get install -y -qq "${missing[@]}"
fi

# npm packages for the browser tests, lint and benchmark.
if [ -f package.json ] && { [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; }; then
  npm ci --no-audit --no-fund
fi
