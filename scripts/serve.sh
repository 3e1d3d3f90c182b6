#!/usr/bin/env bash
# Installs what is missing, then serves the reader with its bundled texts (trunk serve).
# Usage: scripts/serve.sh [--release] [--port N]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
need_build_tools
cd "$ROOT"
port=8080; release=()
while [ $# -gt 0 ]; do
  case "$1" in
    --release) release=(--release) ;;
    --port) port=$2; shift ;;
    *) die "unknown option $1 (use --release, --port N)" ;;
  esac
  shift
done
say "serving the reader at http://127.0.0.1:$port/ (Ctrl+C stops)"
exec trunk serve --offline "${release[@]}" --port "$port"
