# ceasefire-map: the whole set-up is `make serve` (run the map) and `make test` (test it).
# Every target installs what it needs first (scripts/setup.sh, idempotent).

SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
# Trunk must never download tools: they come from scripts/setup.sh.
export TRUNK_OFFLINE := true
PORT ?= 8080
# The story folder to build (story.json, its article, its layers): `make serve STORY=path/`.
STORY ?= geodata
# Several stories into one site: the first at the root of dist/, each other under
# dist/NAME/, NAME being its folder's name (`make dist STORIES="geodata path/to/villages"`).
STORIES ?= $(STORY)
# The stories `make test` builds and drives: the shipped one and a small one of tests/.
TEST_STORIES := geodata tests/stories/villages

.PHONY: bench serve dist test test-native test-lint test-wasm test-e2e test-fuzz fuzz setup setup-build clean

setup-build:
	@bash scripts/setup.sh build

setup:
	@bash scripts/setup.sh test

## Build and serve the story STORY (default geodata/) at http://127.0.0.1:$(PORT)/
serve: setup-build
	STORY=$(STORY) trunk serve --port $(PORT)

## The release bundle in dist/: static files, relative URLs. The first story of STORIES
## (default: STORY) at the root; the others in dist/NAME/, sharing its code.
dist: setup-build
	STORY=$(firstword $(STORIES)) trunk build --release --minify
	node scripts/add-story.mjs dist $(wordlist 2,$(words $(STORIES)),$(STORIES))
	node scripts/csp.mjs dist
	node scripts/compress.mjs dist
	@ls -l dist

## Every test: lint, native, browser (wasm-bindgen-test), end to end.
test: setup test-lint test-native test-wasm test-e2e test-fuzz
	@echo "make test: all suites passed"

test-lint:
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

test-native:
	cargo test
	cargo run --quiet --bin validate -- geodata/
	cargo run --quiet --bin validate -- tests/stories/villages/

test-wasm:
	cargo test --target wasm32-unknown-unknown

test-e2e: STORIES = $(TEST_STORIES)
# A file of tests is one test of the run: the timeout bounds each file (faults.test.mjs
# loads a page per bad fixture, about a hundred).
test-e2e: dist
	node --test --test-timeout=600000 tests/e2e/*.test.mjs

## The fuzz target builds, and replays its corpus once (`-runs=0`): every fixture, the
## shipped story, the seeds, and what earlier `make fuzz` runs found. A past crash stays
## fixed. It builds on the stable toolchain: RUSTC_BOOTSTRAP lets cargo-fuzz pass its
## unstable flags (a nightly toolchain cannot be installed offline).
FUZZ := RUSTC_BOOTSTRAP=1 cargo fuzz
FUZZ_CORPUS := target/fuzz-corpus tests/fixtures geodata fuzz/seeds
test-fuzz:
	bash scripts/setup.sh fuzz
	mkdir -p target/fuzz-corpus
	$(FUZZ) run load $(FUZZ_CORPUS) -- -runs=0

## Fuzz every entry point for FUZZ_SECONDS (default 300); new inputs go to target/fuzz-corpus.
FUZZ_SECONDS ?= 300
fuzz:
	bash scripts/setup.sh fuzz
	mkdir -p target/fuzz-corpus
	$(FUZZ) run load $(FUZZ_CORPUS) -- -max_total_time=$(FUZZ_SECONDS)

## Speed and size against a plain Leaflet page (not part of make test): target/bench.json
bench: setup dist
	cd bench && npm ci --no-audit --no-fund
	node bench/run.mjs

clean:
	rm -rf dist target/e2e

.PHONY: new-story propose
## A new story folder from templates/story/: make new-story NAME=stories/my-story
new-story:
	@test -n "$(NAME)" || { echo "usage: make new-story NAME=stories/my-story" >&2; exit 2; }
	@if [ -e "$(NAME)" ]; then echo "$(NAME) already exists: nothing written" >&2; exit 1; fi
	@mkdir -p "$$(dirname "$(NAME)")"
	@cp -R templates/story "$(NAME)"
	@echo "$(NAME): a new story. Check it: cargo run --bin validate -- $(NAME)/; see it: make serve STORY=$(NAME)/"

## Passages to review for the story STORY (default geodata/), printed; story.json is never written.
propose:
	cargo run --quiet --bin propose -- "$(STORY)"
