# ceasefire-map: the whole set-up is `make serve` (run the map) and `make test` (test it).
# Every target installs what it needs first (scripts/setup.sh, idempotent).

SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
# Trunk must never download tools: they come from scripts/setup.sh.
export TRUNK_OFFLINE := true
PORT ?= 8080

.PHONY: bench serve dist test test-native test-lint test-wasm test-e2e test-fuzz-build fuzz setup setup-build clean

setup-build:
	@bash scripts/setup.sh build

setup:
	@bash scripts/setup.sh test

## Build and serve the default story at http://127.0.0.1:$(PORT)/
serve: setup-build
	trunk serve --port $(PORT)

## The release bundle in dist/: static files, relative URLs.
dist: setup-build
	trunk build --release --minify
	node scripts/story-page.mjs dist
	node scripts/csp.mjs dist
	@ls -l dist

## Every test: lint, native, browser (wasm-bindgen-test), end to end.
test: setup test-lint test-native test-wasm test-e2e test-fuzz-build
	@echo "make test: all suites passed"

test-lint:
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

test-native:
	cargo test
	cargo run --quiet --bin validate -- geodata/

test-wasm:
	cargo test --target wasm32-unknown-unknown

test-e2e: dist
	node --test --test-timeout=180000 tests/e2e/

## The fuzz target must keep building (it needs the nightly toolchain and cargo-fuzz).
test-fuzz-build:
	@if rustup toolchain list | grep -q '^nightly'; then \
	  bash scripts/setup.sh fuzz && cargo +nightly fuzz build load; \
	else echo "fuzz build skipped: no nightly toolchain on this machine"; fi

## Fuzz the data loader for FUZZ_SECONDS (default 300).
FUZZ_SECONDS ?= 300
fuzz:
	bash scripts/setup.sh fuzz
	mkdir -p target/fuzz-corpus
	cargo +nightly fuzz run load target/fuzz-corpus fuzz/corpus/load -- -max_total_time=$(FUZZ_SECONDS)

## Speed and size against a plain Leaflet page (not part of make test): target/bench.json
bench: setup dist
	cd bench && npm ci --no-audit --no-fund
	node bench/run.mjs

clean:
	rm -rf dist target/e2e
