#!/usr/bin/env bash
# The release build of dist/: `trunk build --release`, then the post-build steps that only
# a release gets (scripts/postbuild.mjs): the loader moved out of index.html for a strict
# CSP, and the service worker for offline reading; and the code splitting
# (scripts/split.mjs): pages loaded on first use. `trunk serve` runs none of them.
# Usage: scripts/build.sh [--single-file]   (--single-file: also dist/reader.html, the whole
#        reader in one file that opens from file://)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
single=false
for arg in "$@"; do
  case "$arg" in
    --single-file) single=true ;;
    *) die "unknown option $arg (use --single-file)" ;;
  esac
done
need_build_tools
cd "$ROOT"
started=$SECONDS
say "trunk build --release"
trunk build --release --offline
say "post-build: CSP-safe loader, service worker"
node scripts/postbuild.mjs dist
if $single; then
  # From Trunk's unsplit build: from file:// the split modules could not be fetched.
  say "single file: dist/reader.html"
  node scripts/single-file.mjs dist
fi
# Pages loaded on first use (scripts/split.mjs). A target directory of its own: other
# flags than Trunk's build, which would otherwise rebuild everything each time.
say "split build: the pages loaded on first use"
RUSTFLAGS="--cfg erase_components --cfg srr_split -Clink-args=--emit-relocs" \
  cargo build --release --offline --target wasm32-unknown-unknown --bin silk-road-reader \
  --target-dir "$ROOT/target/split"
node scripts/split.mjs dist "$ROOT/target/split/wasm32-unknown-unknown/release/silk-road-reader.wasm"
node scripts/postbuild.mjs dist
say "dist/ built in $((SECONDS - started))s"
