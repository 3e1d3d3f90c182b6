#!/usr/bin/env bash
# Installs what the reader needs to build (and, with --test, to test), skipping whatever
# is already there in the right version. Sourced by serve.sh and test.sh.
#
# Pinned versions (see README "Toolchain"): trunk 0.21.14, wasm-bindgen-cli 0.2.130 (must
# equal the wasm-bindgen in Cargo.lock), wasm-opt from npm binaryen@132, wasm-split-cli from
# wasm_split_cli_support 0.2.4.
set -euo pipefail

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
WASM_SPLIT_VERSION=0.2.4
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Tools we install go here, ahead of PATH, so a wrong version elsewhere is never used.
TOOLS="${SRR_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/silk-road-reader/tools}"
export PATH="$TOOLS/bin:$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[setup] error:\033[0m %s\n' "$*" >&2; exit 1; }

version_of() { "$@" --version 2>/dev/null | head -n1 | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -n1 || true; }

need_rust() {
  command -v cargo >/dev/null || die "cargo not found: install Rust with rustup (https://rustup.rs) first."
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

# install_tool <command> <wanted version> <crate> <cargo install flags…>
install_tool() {
  local cmd=$1 want=$2 crate=$3; shift 3
  local have; have=$(version_of "$cmd")
  if [ "$have" = "$want" ]; then return 0; fi
  if [ -n "$have" ]; then say "$cmd $have is on PATH but the build needs $want: installing $want into $TOOLS"; fi
  say "installing $crate $want (a few minutes, once)"
  cargo install "$crate" --version "$want" --root "$TOOLS" "$@"
  have=$(version_of "$cmd")
  [ "$have" = "$want" ] || die "$cmd is $have after installing $want; check PATH"
}

need_build_tools() {
  need_rust
  install_tool trunk "$TRUNK_VERSION" trunk --locked
  # Without --locked: a dependency locked by wasm-bindgen-cli is missing from the registry mirror.
  install_tool wasm-bindgen "$WASM_BINDGEN_VERSION" wasm-bindgen-cli
  # The release build's code splitting (scripts/split.mjs). The tool has no --version.
  if ! cargo install --list --root "$TOOLS" 2>/dev/null | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
    say "installing wasm_split_cli_support $WASM_SPLIT_VERSION (a minute or two, once)"
    cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked --root "$TOOLS"
  fi
  command -v node >/dev/null || die "node not found: install Node.js 20 or newer."
  local stamp="$ROOT/node_modules/.srr-lock-stamp"
  if [ ! -f "$stamp" ] || ! cmp -s "$ROOT/package-lock.json" "$stamp"; then
    say "installing npm packages (binaryen for wasm-opt, test tools)"
    # `npm install`, not `npm ci`: the registry mirror here lists no versions of rollup's
    # optional packages for other platforms, so the lock cannot hold them and `npm ci`
    # refuses it as out of sync; `npm install` follows the lock and leaves it unchanged.
    (cd "$ROOT" && npm install --no-audit --no-fund --loglevel=error)
    cp "$ROOT/package-lock.json" "$stamp"
  fi
  [ "$(wasm-opt --version 2>/dev/null | grep -oE 'version_[0-9]+')" = "version_132" ] \
    || die "wasm-opt from npm binaryen@132 not found in node_modules/.bin"
  (cd "$ROOT" && cargo fetch --quiet)
}

need_browser() {
  local chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
  local missing=()
  [ -x "$chromium" ] || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-noto-cjk)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} from the Debian/Ubuntu archive"
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    if [ -n "$sudo" ] && ! command -v sudo >/dev/null; then
      die "need root to install ${missing[*]}: run 'apt-get install ${missing[*]}' as root, or set CHROMIUM_PATH"
    fi
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-noto-cjk >/dev/null
  fi
  export CHROMIUM_PATH="$chromium"
}
