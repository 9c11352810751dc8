#!/usr/bin/env bash
# Size report: the wasm module raw and gzipped (with its sections), the packed extension zip,
# and the model's share. Prints Markdown; `make bench` saves it as bench/results/size.md.
# Usage: scripts/size-report.sh [WASM] [ZIP]   (defaults: www/pkg/lectern_bg.wasm, newest *.zip
# under extension/dist or out/). Model files: models/* and data/gazetteers/*.txt when present.
set -euo pipefail
cd "$(dirname "$0")/.."

wasm=${1:-www/pkg/lectern_bg.wasm}
zip=${2:-$(ls -t extension/dist/*.zip out/*.zip dist/*.zip 2>/dev/null | head -n1 || true)}
[ -f "$wasm" ] || { echo "size-report: no wasm at $wasm (run make build)" >&2; exit 1; }

bytes() { wc -c <"$1" | tr -d ' '; }
gz() { gzip -9 -c "$@" | wc -c | tr -d ' '; }
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }
pct() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f%%", 100 * a / b; else print "-" }'; }

wasm_raw=$(bytes "$wasm")
wasm_gz=$(gz "$wasm")
glue=$(dirname "$wasm")/lectern.js

echo "| artefact | raw | gzip -9 |"
echo "|---|---|---|"
echo "| wasm module \`$(basename "$wasm")\` | $(kb "$wasm_raw") | **$(kb "$wasm_gz")** |"
limit=1500000 # issue 5: the module, model included, at most 1.5 MB gzipped
verdict=$([ "$wasm_gz" -le "$limit" ] && echo "within" || echo "**over**")
echo "| ... gzipped bytes against the 1.5 MB (1,500,000 B) limit | | $wasm_gz B: $verdict |"
[ -f "$glue" ] && echo "| wasm-bindgen glue \`lectern.js\` | $(kb "$(bytes "$glue")") | $(kb "$(gz "$glue")") |"

# The model: the gazetteer lists are embedded in the module; the tagger's weights are not.
model_total_gz=0
model_row() { # label, files...
  local label=$1; shift
  [ $# -gt 0 ] || return 0
  local raw gzb
  raw=$(cat "$@" | wc -c | tr -d ' ')
  gzb=$(cat "$@" | gzip -9 | wc -c | tr -d ' ')
  model_total_gz=$((model_total_gz + gzb))
  echo "| $label | $(kb "$raw") | $(kb "$gzb") ($(pct "$gzb" "$wasm_gz") of the gzipped wasm) |"
}
weights=(); for f in models/*; do [ -f "$f" ] && weights+=("$f"); done
gazetteers=(); for f in data/gazetteers/*.txt; do [ -f "$f" ] && gazetteers+=("$f"); done
# The tagger's weights ship beside the module (pkg/ner.bin, loaded by load_model), not inside it.
if [ ${#weights[@]} -gt 0 ]; then
  echo "| entity model \`pkg/ner.bin\`, a separate asset beside the module | $(kb "$(cat "${weights[@]}" | wc -c)") | $(kb "$(cat "${weights[@]}" | gzip -9 | wc -c)") |"
fi
model_row "model: gazetteers \`data/gazetteers/*.txt\` (${#gazetteers[@]} lists)" "${gazetteers[@]}"
if [ "$model_total_gz" -gt 0 ]; then
  echo "| model share of the module, gzipped (approximate: each part compressed alone) | | $(kb "$model_total_gz") = $(pct "$model_total_gz" "$wasm_gz") |"
fi
if [ -n "$zip" ] && [ -f "$zip" ]; then
  echo "| packed extension \`$zip\` | $(kb "$(bytes "$zip")") | (zip, deflated) |"
else
  echo "| packed extension | not found (run make build) | |"
fi
echo

# Where the wasm's bytes go, by section (code, data = embedded tables and model, names...).
node - "$wasm" <<'JS'
const fs = require('fs');
const zlib = require('zlib');
const buf = fs.readFileSync(process.argv[2]);
const names = { 0: 'custom', 1: 'type', 2: 'import', 3: 'function', 4: 'table', 5: 'memory', 6: 'global',
  7: 'export', 8: 'start', 9: 'element', 10: 'code', 11: 'data', 12: 'datacount' };
let pos = 8;
const leb = () => { let r = 0, s = 0, b; do { b = buf[pos++]; r += (b & 0x7f) * 2 ** s; s += 7; } while (b & 0x80); return r; };
const rows = [];
while (pos < buf.length) {
  const id = buf[pos++];
  const size = leb();
  const start = pos;
  let name = names[id] || `id ${id}`;
  if (id === 0) { const n = leb(); name = `custom "${buf.slice(pos, pos + n).toString()}"`; }
  rows.push([name, size, zlib.gzipSync(buf.subarray(start, start + size), { level: 9 }).length]);
  pos = start + size;
}
console.log('| wasm section | raw | gzip -9 alone |');
console.log('|---|---|---|');
for (const [n, s, g] of rows.filter((r) => r[1] >= 1024)) console.log(`| ${n} | ${(s / 1024).toFixed(1)} KB | ${(g / 1024).toFixed(1)} KB |`);
JS
