#!/usr/bin/env bash
# Installs every tool the project needs, idempotently: a second run installs nothing.
# Sources: rustup (wasm32 target), crates.io (trunk, wasm-bindgen-cli), npm (wasm-opt from
# binaryen, playwright-core), Debian apt (chromium, chromium-driver, nginx and its brotli
# module). Nothing else is fetched.
#
#   scripts/setup.sh build   tools to build the site
#   scripts/setup.sh test    tools to build and to test it (adds the browser and npm packages)
#   scripts/setup.sh fuzz    cargo-fuzz and a C++ compiler, for the fuzz target (built on
#                            the stable toolchain with RUSTC_BOOTSTRAP=1: see fuzz/README.md)
set -euo pipefail
cd "$(dirname "$0")/.."

want=${1:-test}
CARGO_FUZZ_VERSION=0.13.2
TRUNK_VERSION=0.22.1
# The CLI must equal the wasm-bindgen version that Cargo.lock resolves.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
CARGO_BIN=${CARGO_HOME:-$HOME/.cargo}/bin
export PATH="$CARGO_BIN:$PWD/node_modules/.bin:$PATH"

say() { printf 'setup: %s\n' "$*"; }

if [ "$want" = fuzz ]; then
  # libfuzzer-sys compiles libFuzzer, which is C++.
  if ! command -v c++ >/dev/null; then
    say "installing g++ from apt (libFuzzer is C++)"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends g++
  fi
  if [ "$(cargo fuzz --version 2>/dev/null | awk '{print $2}')" != "$CARGO_FUZZ_VERSION" ]; then
    say "installing cargo-fuzz $CARGO_FUZZ_VERSION from crates.io"
    cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
  fi
  exit 0
fi

# Node: the version range of package.json's "engines" (the test runner's behaviour and
# flags change between major versions). A range of the form ">=A.B.C <D" is checked.
node_range=$(sed -n 's/^ *"node": *"\(.*\)".*/\1/p' package.json)
if ! node_version=$(node --version 2>/dev/null); then
  say "node is not installed: the project needs Node.js $node_range (package.json, engines)" >&2
  exit 1
fi
if ! node -e '
  const [, lo, hi] = process.argv[1].match(/^>=(\S+) <(\S+)$/) ?? [];
  if (!lo) { console.error(`setup: cannot read the range "${process.argv[1]}"`); process.exit(2); }
  const n = (v) => v.replace(/^v/, "").split(".").map(Number);
  const cmp = (a, b) => { for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0); return 0; };
  const v = n(process.version);
  process.exit(cmp(v, n(lo)) >= 0 && cmp(v, n(hi)) < 0 ? 0 : 1);
' "$node_range"; then
  say "node $node_version is outside the range the project needs: $node_range (package.json, engines)" >&2
  exit 1
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION from crates.io (about 13 minutes on 2 cores)"
  # trunk declares a newer rust-version than it needs.
  cargo install trunk --version "$TRUNK_VERSION" --locked --ignore-rust-version
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION from crates.io"
  # --locked fails: one of its pinned dependencies is missing from the registry.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# npm packages: wasm-opt (binaryen 132; Debian's binaryen 108 corrupts wasm-bindgen output)
# and, for tests, playwright-core. package-lock.json pins them.
if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi

if [ "$want" = test ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing chromium and chromium-driver from apt"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver
  fi
  # nginx serves the bundle as a newsroom's host would (tests/e2e/nginx.test.mjs), with
  # Debian's brotli_static module for the precompressed files.
  if [ ! -x /usr/sbin/nginx ] || [ ! -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]; then
    say "installing nginx and libnginx-mod-http-brotli-static from apt"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nginx libnginx-mod-http-brotli-static
  fi
fi

# Trunk runs offline (it must never fetch tools), which makes cargo offline too.
cargo fetch --locked >/dev/null
say "ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt $(wasm-opt --version | awk '{print $3}')"
