#!/usr/bin/env bash
# Builds the wasm core and assembles the extension (what `make build` runs):
#   target/.../lectern.wasm (SIMD on, see .cargo/config.toml) -> wasm-opt -O3 -> wasm-bindgen --target web
#   -> extension/pkg/ and www/pkg/ (lectern.js, lectern_bg.wasm).
# Afterwards extension/ is the folder to load unpacked; `make package` zips it for the stores.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

# Keep the target_features section for wasm-bindgen; wasm-opt strips what is left afterwards.
CARGO_PROFILE_WASM_STRIP=false cargo build --lib --target wasm32-unknown-unknown --profile wasm
raw=target/wasm32-unknown-unknown/wasm/lectern.wasm
gen=target/wasm-bindgen
rm -rf "$gen" && mkdir -p "$gen"

# Optimise the module BEFORE wasm-bindgen: Debian's wasm-opt (108) breaks wasm-bindgen's externref
# table when run on its output, but handles rustc's output fine (wasm-bindgen keeps its sections).
input=$raw
if command -v wasm-opt >/dev/null; then
  wasm-opt -O3 --strip-debug --enable-simd --enable-bulk-memory --enable-sign-ext --enable-nontrapping-float-to-int \
    --enable-mutable-globals --enable-reference-types --enable-multivalue "$raw" -o "$gen/opt.wasm"
  input=$gen/opt.wasm
fi
wasm-bindgen --target web --no-typescript --out-dir "$gen" --out-name lectern "$input"

for dest in extension/pkg www/pkg; do
  rm -rf "$dest" && mkdir -p "$dest"
  cp "$gen/lectern.js" "$gen/lectern_bg.wasm" "$dest/"
  # The entity model is a separate asset (the module's size budget): load_model() takes it.
  cp models/ner.bin "$dest/"
done
# The reader page's script: reader/reader.js and every module it imports, bundled into one file
# (esbuild, package.json), so that the reader frame asks the browser for one script, not ten
# (bench-click: the frame's start-up is most of a click). The features (features.js and its
# modules, imported once the article is shown) are a bundle of their own: the frame parses and
# compiles only what comes before the article (34 KB instead of 79; Firefox: preload.js to the
# modules running 16 ms instead of 27, median of 40 pages).
node_modules/.bin/esbuild extension/reader/reader.js --bundle --format=esm --target=es2022 --external:./features.bundle.js \
  --outfile=extension/reader/reader.bundle.js --log-level=warning
node_modules/.bin/esbuild extension/reader/features.js --bundle --format=esm --target=es2022 \
  --outfile=extension/reader/features.bundle.js --log-level=warning

# The click's injection: capture.js, overlay.js and click.js run in one classic script, one file
# for the browser to load and compile (Firefox: click to article -11 ms median over 59 pages
# against three files, bench-click). Plain concatenation, not a bundler's wrapper: the script's
# result is click.js's last expression. The empty statements keep one file's last line apart from
# the next file's first.
{ cat extension/src/capture.js; echo ';'; cat extension/src/overlay.js; echo ';'; cat extension/src/click.js; } \
  > extension/src/inject.bundle.js

# The playground shows the same reader view and features as the extension.
find extension/reader -name '*.js' ! -name reader.js ! -name '*.bundle.js' ! -name preload.js -exec cp {} www/pkg/ \;
cp extension/reader/reader.css www/pkg/
rm -rf www/fonts && cp -r extension/fonts www/fonts
# The credits travel with the data they credit (the wasm module).
sed 's#href="reader/reader.css"#href="pkg/reader.css"#' extension/credits.html > www/credits.html
cp extension/credits.css www/credits.css
# ... and the same settings schema.
cp extension/src/settings.js extension/src/browser.js www/pkg/

printf 'build: %s (%s bytes wasm), extension/ loadable unpacked\n' \
  "$(wasm-bindgen --version)" "$(wc -c < extension/pkg/lectern_bg.wasm)"
