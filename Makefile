# Lectern's front door. `make demo` and `make test` set up whatever is missing first.
SHARED ?= ../shared
CARGO ?= cargo

.PHONY: setup build wasm test test-rust test-e2e lint demo bench clean

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

bench: setup
	$(CARGO) build --release
	./target/release/lectern bench $(SHARED)/corpus/readability

clean:
	$(CARGO) clean
	rm -rf extension/pkg extension/dist www/pkg
