#!/usr/bin/env bash
# Installs what is missing, then runs every test: formatting, lints (host and wasm32),
# host tests (core logic, corpus fidelity, dictionary), a release build, the size budget
# and the end-to-end suite in headless Chromium against dist/.
# Usage: scripts/test.sh [--quick]   (--quick: skip lints and the release build)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
quick=false
[ "${1:-}" = "--quick" ] && quick=true
need_build_tools
need_browser
cd "$ROOT"
step() { printf '\n\033[1;34m==> %s\033[0m\n' "$*"; }
started=$SECONDS

if ! $quick; then
  step "cargo fmt --check"
  cargo fmt --all -- --check
  step "cargo clippy (host)"
  cargo clippy --all-targets --offline -- -D warnings
  step "cargo clippy (wasm32)"
  cargo clippy --target wasm32-unknown-unknown --offline -- -D warnings
fi

step "cargo test (host)"
cargo test --offline

if ! $quick || [ ! -f dist/index.html ]; then
  step "release build: scripts/build.sh --single-file"
  scripts/build.sh --single-file
fi

step "end-to-end tests (headless Chromium, dist/) and size budget"
node --test --test-concurrency=1 --test-reporter=spec tests/e2e/

printf '\nall tests passed in %ss\n' "$((SECONDS - started))"
