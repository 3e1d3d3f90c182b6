// The size budget: every dist/ asset's raw, gzip and brotli size, and a failure above the
// budgets in tests/size-budget.json: what a first visit to a document transfers before its
// text is live (the goal: ≤ 300 KB brotli), and the whole of dist/ (which the service
// worker downloads in the background for offline reading).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { DIST, ROOT } from "./harness.mjs";

const budget = JSON.parse(readFileSync(join(ROOT, "tests", "size-budget.json"), "utf8"));

function files(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

test("dist/ stays within the size budget", () => {
  // reader.html is the single-file build (everything inlined again), not part of a page load.
  const rows = files(DIST).filter((f) => !f.endsWith("reader.html")).map((f) => {
    const body = readFileSync(f);
    return {
      file: f.slice(DIST.length + 1), raw: body.length, gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  }).sort((a, b) => b.brotli - a.brotli);
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  const kb = (n) => (n / 1024).toFixed(1).padStart(8);
  console.log(`\n${"asset".padEnd(48)} ${"raw KiB".padStart(8)} ${"gzip".padStart(8)} ${"brotli".padStart(8)}`);
  for (const r of [...rows, { file: "TOTAL", ...total }]) console.log(`${r.file.padEnd(48)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`);
  // The main module (what every visit loads) and the modules of pages loaded on first use
  // (scripts/split.mjs), each against its own budget.
  const wasm = rows.filter((r) => r.file.endsWith("_bg.wasm")).reduce((t, r) => t + r.brotli, 0);
  const lazy = rows.filter((r) => r.file.endsWith(".wasm") && !r.file.endsWith("_bg.wasm")).reduce((t, r) => t + r.brotli, 0);
  console.log(`main wasm ${wasm} B, modules loaded on first use ${lazy} B (brotli)`);
  assert.ok(wasm <= budget.wasm_brotli, `the main wasm is ${wasm} B brotli, budget ${budget.wasm_brotli} B`);
  assert.ok(lazy <= budget.lazy_wasm_brotli, `the wasm loaded on first use is ${lazy} B brotli, budget ${budget.lazy_wasm_brotli} B`);
  assert.ok(total.brotli <= budget.total_brotli, `dist/ is ${total.brotli} B brotli, budget ${budget.total_brotli} B`);

  // A first visit to a document: index.html, what it references (stylesheets, scripts,
  // icon, the loader and the glue and wasm the loader names), and the largest
  // pre-rendered page. Not the glossary definitions (fetched on first use) nor the
  // service worker's background download.
  const brotli = (rel) => rows.find((r) => r.file === rel)?.brotli ?? assert.fail(`index.html names ${rel}, not in dist/`);
  const index = readFileSync(join(DIST, "index.html"), "utf8");
  const named = new Set(["index.html"]);
  for (const m of index.matchAll(/\b(?:href|src)="(?:\.\/)?([^"#?]+)"/g)) if (!m[1].endsWith("/")) named.add(m[1]);
  for (const f of [...named].filter((f) => /^loader-.*\.js$/.test(f))) {
    for (const m of readFileSync(join(DIST, f), "utf8").matchAll(/'\.\/([^']+\.(?:js|wasm))'/g)) named.add(m[1]);
  }
  // The glue's own static imports (the split build's __wasm_split.js), beside it.
  for (const f of [...named].filter((f) => f.endsWith(".js") && f.includes("/"))) {
    const dir = f.slice(0, f.lastIndexOf("/") + 1);
    for (const m of readFileSync(join(DIST, f), "utf8").matchAll(/^import\b[^;]*?from\s+["']\.\/([^"']+\.js)["']/gm)) named.add(dir + m[1]);
  }
  const pre = rows.filter((r) => r.file.startsWith("pre/"));
  assert.ok(pre.length > 0, "no pre-rendered pages in dist/pre/");
  const largestPre = pre.reduce((a, b) => (a.brotli >= b.brotli ? a : b));
  const firstLoad = [...named].reduce((t, f) => t + brotli(f), 0) + largestPre.brotli;
  console.log(`first visit to a document (${named.size} files + ${largestPre.file}): ${kb(firstLoad).trim()} KiB brotli (${firstLoad} B)`);
  assert.ok(firstLoad <= budget.first_load_brotli, `a first visit transfers ${firstLoad} B brotli, budget ${budget.first_load_brotli} B`);
});
