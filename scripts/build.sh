#!/usr/bin/env bash
# The release build of dist/: `trunk build --release`, then the post-build steps that only
# a release gets (scripts/postbuild.mjs): the loader moved out of index.html for a strict
# CSP, and the service worker for offline reading. `trunk serve` runs neither.
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
  say "single file: dist/reader.html"
  node scripts/single-file.mjs dist
fi
say "dist/ built in $((SECONDS - started))s"
