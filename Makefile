# Lectern's front door. `make demo` and `make test` set up whatever is missing first.
SHARED ?= ../shared
CARGO ?= cargo

.PHONY: wasm-test-panic check-model setup build package wasm test test-rust test-js test-e2e lint lint-ext demo bench bench-smoke bench-native bench-click clean

setup:
	@scripts/setup.sh

# The wasm module and the loadable unpacked extension.
build: setup
	@scripts/build.sh

# The store zips for Chromium and Firefox (web-ext build), versioned from Cargo.toml: out/.
package: build
	@scripts/package.sh

lint:
	$(CARGO) fmt --check
	$(CARGO) clippy --all-targets -- -D warnings
	# src/wasm.rs only compiles for wasm32.
	$(CARGO) clippy --lib --target wasm32-unknown-unknown -- -D warnings
	# The extension, the playground and the browser tests (eslint.config.js).
	node node_modules/eslint/bin/eslint.js extension www tests eslint.config.js

test-rust:
	LECTERN_SHARED=$(abspath $(SHARED)) $(CARGO) test

# The reader's pure logic (read-aloud controller, positions, exports, locales, credits): no browser.
test-js:
	node --test --test-reporter=spec tests/js/*.test.mjs

# Browser tests: the unpacked extension and the playground in Debian's Chromium, and the main
# reader scenarios in Firefox ESR as well (tests/e2e/browsers.test.mjs).
test-e2e: build wasm-test-panic
	node --test --test-concurrency=1 --test-timeout=120000 --test-reporter=spec tests/e2e/*.test.mjs

# A debug module built with the test-panic feature, for the e2e test that a panic reaches
# JavaScript (the shipped module has no way to panic on purpose): target/wasm-test-panic/.
wasm-test-panic: setup
	$(CARGO) build --quiet --lib --target wasm32-unknown-unknown --features test-panic
	wasm-bindgen --target web --no-typescript --out-dir target/wasm-test-panic --out-name lectern \
	  target/wasm32-unknown-unknown/debug/lectern.wasm

# Validates the manifest and sources for Firefox (offline), as the Firefox package ships them.
lint-ext: setup
	scripts/package.sh --lint-firefox

test: setup lint test-rust test-js lint-ext test-e2e

# Builds the extension and serves the playground (same wasm core) with a bundled sample page.
DEMO_PORT ?= 8765
demo: build
	@echo "Lectern playground: http://127.0.0.1:$(DEMO_PORT)/  (extension to load unpacked: $(abspath extension))"
	python3 -m http.server $(DEMO_PORT) --bind 127.0.0.1 --directory www

# The browser benchmark, Lectern vs Readability.js in headless Chromium (bench/README.md),
# then the size report. Results: bench/results/.
bench: package
	LECTERN_SHARED=$(abspath $(SHARED)) node bench/run.mjs
	scripts/size-report.sh | tee bench/results/size.md
	node bench/readme.mjs

# One page of the browser benchmark, so that it cannot rot (CI).
bench-smoke: build
	LECTERN_SHARED=$(abspath $(SHARED)) node bench/run.mjs --smoke

# The click, measured where users click: the real extension clicked the real way on the Mozilla
# pages and 50 wceb-dev pages, in Chromium and Firefox. BEFORE=DIR measures an older extension
# folder side by side. Results: bench/results/click.json.
bench-click: build
	LECTERN_SHARED=$(abspath $(SHARED)) node bench/click.mjs --browsers chromium,firefox --reader-view $(if $(BEFORE),--before $(BEFORE))

# Native criterion benches: extraction, tagging, rendering.
bench-native: setup
	LECTERN_SHARED=$(abspath $(SHARED)) nice $(CARGO) bench

# Retrains the entity model with the committed recipe (`lectern train-ner`'s defaults) and
# checks that the result is models/ner.bin byte for byte (training is deterministic).
CHECK_MODEL_OUT ?= $(or $(CARGO_TARGET_DIR),target)/check-model.bin
check-model:
	nice $(CARGO) build --release --bin lectern
	$(CARGO) run --release --quiet --bin lectern -- train-ner \
		--corpus $(abspath $(SHARED))/corpus/ner/conll2003 --ner-dir $(abspath $(SHARED))/corpus/ner \
		--extra $(abspath $(SHARED))/corpus/ner-extra \
		--pages $(abspath $(SHARED))/corpus/wceb-dev --out $(CHECK_MODEL_OUT)
	cmp $(CHECK_MODEL_OUT) models/ner.bin && echo "check-model: models/ner.bin reproduced byte for byte"

clean:
	$(CARGO) clean
	rm -rf extension/pkg extension/dist extension/reader/reader.bundle.js www/pkg
