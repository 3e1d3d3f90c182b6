#!/usr/bin/env bash
# Installs what is missing, then runs every test: formatting, lints (host and wasm32),
# host tests (core logic, corpus fidelity, dictionary), a release build, the size budget
# and the end-to-end suite in headless Chromium against dist/.
# Usage: scripts/test.sh [--quick]   (--quick: skip lints and the release build)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
quick=false
[ "${1:-}" = "--quick" ] && quick=true
# A build from scratch writes about 3.5 GB under target/ (host, wasm32 and the split
# link). Without that room the compiler fails minutes in with "No space left on device"
# from deep inside a dependency; say so at once, before installing anything, and what to free.
target_dir="${CARGO_TARGET_DIR:-$ROOT/target}"
need_gb=4
[ -d "$target_dir/release" ] && [ -d "$ROOT/target/split" ] && need_gb=1
free_kb=$(df -Pk "$ROOT" | awk 'NR == 2 { print $4 }')
if [ -n "$free_kb" ] && [ "$free_kb" -lt $((need_gb * 1024 * 1024)) ]; then
  printf 'Only %s MB free on the disk holding %s; the tests need about %s GB (mostly target/).\n' \
    "$((free_kb / 1024))" "$ROOT" "$need_gb" >&2
  printf 'Free some space (old clones, other target/ folders, /tmp) and run this again.\n' >&2
  exit 1
fi

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
