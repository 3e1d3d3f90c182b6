#!/usr/bin/env bash
# Benchmarks: native timings of the engine (cargo bench), then the release build in
# headless Chromium with native jieba-rs timed in the same run; prints a summary and
# rewrites the figures section of BENCHMARKS.md. Benchmarks never fail for being slow.
#
# Usage: scripts/bench.sh [--no-build] [--quick] [--no-report]
#   --no-build   use the existing build in $SRR_BENCH_DIST (default dist/)
#   --quick      few repetitions (to check that everything runs; figures are rough)
#   --no-report  leave BENCHMARKS.md alone
# Environment: CARGO_TARGET_DIR (cargo's, honoured), SRR_BENCH_DIST (where to build and
# serve; default dist/ — point it elsewhere when others build in the same tree).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
build=true quick=false report=true
for a in "$@"; do
  case "$a" in
    --no-build) build=false ;;
    --quick) quick=true ;;
    --no-report) report=false ;;
    *) die "unknown option $a (see the header of $0)" ;;
  esac
done
need_build_tools
need_browser
cd "$ROOT"
DIST="${SRR_BENCH_DIST:-$ROOT/dist}"
OUT="$(mktemp -d "${TMPDIR:-/tmp}/srr-bench.XXXXXX")"
step() { printf '\n\033[1;34m==> %s\033[0m\n' "$*"; }

# Samples, every few seconds, what else the machine is doing: processes that are not
# descendants of this script and are running (state R), and compilers among them.
SAMPLE_EVERY=5
sample() {
  while :; do
    local counts
    counts=$(ps -eo pid=,ppid=,stat=,comm= | awk -v me=$$ '
      { pp[$1] = $2; st[$1] = $3; cm[$1] = $4 }
      END {
        for (p in pp) {
          q = p; mine = 0
          while (q > 1 && q in pp) { if (q == me) { mine = 1; break } q = pp[q] }
          if (mine) continue
          if (st[p] ~ /^R/) run++
          if (cm[p] ~ /^(cargo|rustc|trunk|wasm-opt|wasm-bindgen|cc1|cc1plus|rust-lld)$/) comp++
        }
        printf "%d %d", run, comp
      }')
    printf '{"t":%s,"running":%s,"compilers":%s,"load1":%s}\n' "$(date +%s)" "${counts% *}" "${counts#* }" \
      "$(cut -d' ' -f1 /proc/loadavg)"
    sleep "$SAMPLE_EVERY"
  done
}
sample >"$OUT/load.jsonl" &
sampler=$!
trap 'kill "$sampler" 2>/dev/null || true' EXIT

if $build; then
  step "trunk build --release --offline --dist $DIST"
  trunk build --release --offline --dist "$DIST"
fi
[ -f "$DIST/index.html" ] || die "no build in $DIST: run without --no-build"

step "building the native benchmarks"
cargo build --release --offline --example bench_native
cargo bench --offline --bench engine --no-run

step "cargo bench --bench engine"
quick_flag=()
$quick && quick_flag=(--quick)
cargo bench --offline --bench engine -- --json "$OUT/engine.json" "${quick_flag[@]}" | tee "$OUT/engine.txt"

step "node tests/bench/browser.mjs --dist $DIST"
node tests/bench/browser.mjs --dist "$DIST" --json "$OUT/browser.json" "${quick_flag[@]}"

kill "$sampler" 2>/dev/null || true
node -e '
  const fs = require("fs");
  const os = require("os");
  const samples = fs.readFileSync(process.argv[1], "utf8").trim().split("\n").filter(Boolean).map(JSON.parse);
  const cpu = (fs.readFileSync("/proc/cpuinfo", "utf8").match(/^model name\s*:\s*(.*)$/m) || [])[1] || "unknown CPU";
  const osName = (fs.readFileSync("/etc/os-release", "utf8").match(/^PRETTY_NAME="?([^"\n]*)/m) || [])[1] || os.type();
  fs.writeFileSync(process.argv[2], JSON.stringify({
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"), nproc: os.cpus().length, cpu, os: osName,
    mem: (os.totalmem() / 2 ** 30).toFixed(1) + " GiB RAM", rustc: process.argv[3], node: "Node " + process.version,
    sample_every_s: Number(process.argv[4]), load_samples: samples,
  }, null, 2));
' "$OUT/load.jsonl" "$OUT/meta.json" "$(rustc --version)" "$SAMPLE_EVERY"

if $report; then
  step "BENCHMARKS.md (figures section)"
  node tests/bench/report.mjs --engine "$OUT/engine.json" --engine-table "$OUT/engine.txt" \
    --browser "$OUT/browser.json" --meta "$OUT/meta.json" --out "$ROOT/BENCHMARKS.md"
fi
printf '\nraw results in %s\n' "$OUT"
