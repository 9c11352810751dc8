# Lectern's front door. `make demo` and `make test` set up whatever is missing first.
SHARED ?= ../shared
CARGO ?= cargo

.PHONY: setup build wasm test test-rust test-e2e lint demo bench bench-smoke bench-native clean

setup:
	@scripts/setup.sh

# The wasm module and the loadable unpacked extension.
build: setup
	@scripts/build.sh

lint:
	$(CARGO) fmt --check
	$(CARGO) clippy --all-targets -- -D warnings

test-rust:
	LECTERN_SHARED=$(abspath $(SHARED)) $(CARGO) test

test: setup lint test-rust

demo: setup
	$(CARGO) build --release
	./target/release/lectern extract examples/news-page.html --url https://example.com/news/syria-moscow --format markdown

# The browser benchmark, Lectern vs Readability.js in headless Chromium (bench/README.md),
# then the size report. Results: bench/results/.
bench: build
	LECTERN_SHARED=$(abspath $(SHARED)) node bench/run.mjs
	scripts/size-report.sh | tee bench/results/size.md

# One page of the browser benchmark, so that it cannot rot (CI).
bench-smoke: build
	LECTERN_SHARED=$(abspath $(SHARED)) node bench/run.mjs --smoke

# Native criterion benches: extraction, tagging, rendering.
bench-native: setup
	LECTERN_SHARED=$(abspath $(SHARED)) nice $(CARGO) bench

clean:
	$(CARGO) clean
	rm -rf extension/pkg extension/dist www/pkg
