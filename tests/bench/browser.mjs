// The browser benchmark: drives the release build (dist/) in headless Chromium and measures
// what the reader's performance goals name, next to native jieba-rs timed in the same run.
//
//   node tests/bench/browser.mjs [--dist DIR] [--json FILE] [--quick] [--only SECTIONS] [--settle MS]
//
// - in-wasm timings: the bench_* functions of src/ui/bench.rs (window.wasmBindings), which
//   run the same core code as the app, timed inside wasm with performance.now();
// - native: `cargo run --release --example bench_native -- --json` (same code, native);
// - wasm memory: WebAssembly.Memory byteLength (from Trunk's TrunkApplicationStarted event)
//   after opening every document in one page;
// - transfer: brotli (quality 11) of dist/, computed as tests/e2e/size.test.mjs does, plus
//   the files the browser actually fetched to show a document;
// - UI timings from the page: navigation → first paragraph painted (against the same
//   document as plain static HTML generated here from the corpus; on loopback, and again
//   over a 40 ms, 10 Mbit/s link in Chromium's network emulation), click → next document
//   painted, click → glossary popover painted, Enter → search results painted.
//   "Painted" = the element is in the DOM (MutationObserver), then the frame after
//   requestAnimationFrame has run (a MessageChannel task queued from rAF).
// Nothing here fails for being slow: it reports. It exits non-zero only if it cannot measure.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { ROOT, DIST as DEFAULT_DIST, startServer, launch } from "../e2e/harness.mjs";
import { staticRoutes } from "./static-page.mjs";

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 && args[i + 1] ? args[i + 1] : dflt; };
const QUICK = args.includes("--quick");
const DIST = resolve(opt("--dist", process.env.SRR_BENCH_DIST || DEFAULT_DIST));
const JSON_OUT = opt("--json", null);
// --only a,b: just these sections (wasm, paired, memory, first_paint, first_paint_link, fetched, switching,
// popover, search_ui), for a quick look while working; the report needs them all.
const ONLY = opt("--only", null)?.split(",");
// --settle MS: in the switching rounds, wait MS after the app has started before the first
// click (a reader who reads a moment first); by default the first click comes at once.
const SETTLE_MS = Number(opt("--settle", "0"));
const wanted = (section) => !ONLY || ONLY.includes(section);
// Repetitions (quick mode: enough to see that every measurement works).
const R = QUICK
  ? { wasmPages: 1, coldPages: 2, pairs: 2, warm: 2, runs: 8, searchRuns: 5, paintRuns: 2, linkRuns: 1, switchRounds: 1, popoverPages: 1, popovers: 10, memPages: 1 }
  : { wasmPages: 3, coldPages: 9, pairs: 8, warm: 20, runs: 40, searchRuns: 20, paintRuns: 9, linkRuns: 5, switchRounds: 5, popoverPages: 3, popovers: 30, memPages: 3 };

// The same queries as benches/engine.rs.
const QUERIES = ["政策沟通", "设施联通", "贸易畅通", "资金融通", "民心相通", "合作", "发展", "一带一路", "国际合作",
  "人类命运共同体", "产能", "高质量发展", "bri", "2025", "量子计算"];
// A document with many glossary terms (the e2e glossary tests use it too).
const POPOVER_DOC = "sheng-zhang-2025-capacity";

const log = (...a) => console.error("[bench]", ...a);

// ---------- statistics ----------
const sorted = (v) => [...v].sort((a, b) => a - b);
function median(v) { const s = sorted(v), n = s.length; return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; }
function pct(v, p) { const s = sorted(v); return s[Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length))) - 1]; }
function stats(v) {
  const ok = v.filter((x) => Number.isFinite(x));
  if (ok.length !== v.length) throw new Error(`non-finite timings: ${JSON.stringify(v)}`);
  return { n: v.length, median_ms: median(v), p95_ms: pct(v, 95), min_ms: sorted(v)[0], max_ms: sorted(v).at(-1) };
}

// ---------- native, same code, same session ----------
function cargo(extra) {
  const r = spawnSync("cargo", ["run", "--release", "--offline", "--quiet", "--example", "bench_native", "--", ...extra],
    { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20, stdio: ["ignore", "pipe", "inherit"] });
  if (r.status !== 0) throw new Error(`bench_native ${extra.join(" ")} failed (${r.status})`);
  return JSON.parse(r.stdout);
}

// ---------- transfer size (the computation of tests/e2e/size.test.mjs) ----------
function files(dir) {
  return readdirSync(dir).flatMap((f) => { const p = join(dir, f); return statSync(p).isDirectory() ? files(p) : [p]; });
}
function compressed(body) {
  return { raw: body.length, gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length };
}
function sizes() {
  const rows = files(DIST).filter((f) => !f.endsWith("reader.html"))
    .map((f) => ({ file: f.slice(DIST.length + 1), ...compressed(readFileSync(f)) }));
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  // The main module; the modules of pages loaded on first use (scripts/split.mjs) apart.
  const wasm = rows.filter((r) => r.file.endsWith("_bg.wasm")).reduce((t, r) => t + r.brotli, 0);
  const lazy = rows.filter((r) => r.file.endsWith(".wasm") && !r.file.endsWith("_bg.wasm")).reduce((t, r) => t + r.brotli, 0);
  return { rows: rows.sort((a, b) => b.brotli - a.brotli), total, wasm_brotli: wasm, lazy_wasm_brotli: lazy };
}

// ---------- in-page helpers (installed before any page script) ----------
function pageInit() {
  // Once `test` holds, resolves with performance.now() at three moments: `seen` (the DOM
  // change, from a MutationObserver), `raf` (the next frame's requestAnimationFrame) and
  // `painted` (a task queued from that rAF: the frame's style, layout and paint are done).
  // painted − raf is the rendering work; raf − seen is mostly waiting for the frame.
  const afterPaint = (seen, resolve) => requestAnimationFrame(() => {
    const raf = performance.now();
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve({ seen, raf, painted: performance.now() });
    ch.port2.postMessage(null);
  });
  window.__whenPainted = (test, paint = true) => new Promise((resolve) => {
    const ok = typeof test === "string" ? () => document.querySelector(test) : test;
    const done = () => { const seen = performance.now(); if (paint) afterPaint(seen, resolve); else resolve({ seen }); };
    if (ok()) { done(); return; }
    const mo = new MutationObserver(() => { if (ok()) { mo.disconnect(); done(); } });
    mo.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  });
  // The first paragraph of the reading flow (not one inside a closed details box), as
  // the reader first sees it: the pre-rendered page's (boot.js) or the app's, whichever
  // comes first; and the app's own, live one (its text can be selected, noted, clicked).
  window.__firstPara = window.__whenPainted(".doc-text > p.para");
  window.__appPara = window.__whenPainted(".doc-text > p[data-para]");
  // When the app marks itself started (wasm instantiated, main() running).
  window.__started = window.__whenPainted("html[data-app-started]", false);
  addEventListener("TrunkApplicationStarted", (e) => { window.__wasm = e.detail && e.detail.wasm; });
  // Time of the next user event of a kind (its timeStamp is on the performance.now() clock).
  window.__nextEvent = (type) => new Promise((resolve) => addEventListener(type, (e) => resolve(e.timeStamp), { capture: true, once: true }));
}

async function freshPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN", colorScheme: "light", deviceScaleFactor: 1 });
  await context.addInitScript(pageInit);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  return { page, context, errors };
}

async function openApp(page, url) {
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForFunction(() => window.wasmBindings && window.__wasm && document.querySelector("main#main > *"), null, { timeout: 30000 });
}

/** Opens the app on a page that fetches every text (the wasm ships without them), and waits for them. */
async function openWithTexts(page, url) {
  await openApp(page, url + "#/notes");
  await page.waitForFunction(() => window.wasmBindings.bench_texts_ready(), null, { timeout: 30000 });
}

/** From an event at `start` to `done` painted: `total` (what the user waits for, including
 * the wait for the next frame) and `work` (main-thread time: handling the event up to the
 * DOM change, plus rendering the frame; without the idle wait for the frame to begin). */
const split = (start, r) => ({ total: r.painted - start, work: (r.seen - start) + (r.painted - r.raf) });

/** Clicks `target` (a link's selector, followed with Enter; or a locator, clicked); returns `split` of the click → `done` painted. */
async function timeClick(page, target, done) {
  const p = page.evaluate((done) => {
    const start = window.__nextEvent("click");
    return window.__whenPainted(done).then(async (r) => ({ start: await start, ...r }));
  }, done);
  // Make sure the listeners are installed before the click.
  await page.evaluate(() => 0);
  if (typeof target === "string") {
    // A link at the end of a long text is followed from the keyboard (focus, Enter: the
    // browser turns it into the same click): a mouse click at its position could land on
    // the text instead when paragraphs scrolled into view for the first time take their
    // real height (content-visibility) and move the link. That made a full run hang once
    // in a while (sessions 4 and 5).
    await page.focus(target);
    await page.keyboard.press("Enter");
  } else {
    await target.click();
  }
  const r = await within(p, `click ${typeof target === "string" ? target : "a glossary term"} → ${done} painted`);
  return split(r.start, r);
}

/** `promise`, or an error naming `what` after 30 s: a measurement that never completes
 * (a page that did not react) fails the run instead of hanging it. */
function within(promise, what, ms = 30000) {
  let timer;
  const late = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`no result after ${ms / 1000} s: ${what}`)), ms); });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** `stats` of the totals and of the work of a list of `split`s. */
const splitStats = (v) => ({ ...stats(v.map((x) => x.total)), work: stats(v.map((x) => x.work)) });

// ---------- the measurements ----------
async function wasmTimings(browser, url) {
  const pooled = { init: [], init_first: [], segment: [], match: [], index: [], search: {} };
  let counts = null, isolated = null;
  for (let i = 0; i < R.wasmPages; i++) {
    const { page, context } = await freshPage(browser);
    await openWithTexts(page, url);
    const r = await page.evaluate(([R, QUERIES]) => {
      const b = window.wasmBindings;
      const loop = (f, warm, n) => { for (let i = 0; i < warm; i++) f(); return Array.from({ length: n }, f); };
      const out = { isolated: self.crossOriginIsolated, init_first: b.bench_segmenter_init_ms() };
      out.init = loop(() => b.bench_segmenter_init_ms(), R.warm, R.runs);
      out.segment = loop(() => b.bench_segment_corpus_ms(), R.warm, R.runs);
      out.match = loop(() => b.bench_match_corpus_ms(), R.warm, R.runs);
      out.index = loop(() => b.bench_index_build_ms(), 2, Math.ceil(R.runs / 2));
      out.search = {};
      for (const mode of ["word", "sub"]) for (const q of QUERIES) out.search[`${mode} ${q}`] = loop(() => b.bench_search_ms(q, mode), 2, R.searchRuns);
      out.counts = Array.from(b.bench_corpus_counts());
      return out;
    }, [R, QUERIES]);
    isolated = r.isolated; counts = r.counts;
    pooled.init_first.push(r.init_first);
    for (const k of ["init", "segment", "match", "index"]) pooled[k].push(...r[k]);
    for (const [k, v] of Object.entries(r.search)) (pooled.search[k] ||= []).push(...v);
    await context.close();
  }
  // More first calls, each in a fresh page: the cost the app pays once per visit.
  for (let i = pooled.init_first.length; i < R.coldPages; i++) {
    const { page, context } = await freshPage(browser);
    await openWithTexts(page, url);
    pooled.init_first.push(await page.evaluate(() => window.wasmBindings.bench_segmenter_init_ms()));
    await context.close();
  }
  return {
    crossOriginIsolated: isolated, counts,
    segmenter_init_first: stats(pooled.init_first), segmenter_init: stats(pooled.init),
    segment_corpus: stats(pooled.segment), match_corpus: stats(pooled.match), index_build: stats(pooled.index),
    search: stats(Object.values(pooled.search).flat()),
    search_per_query: Object.fromEntries(Object.entries(pooled.search).map(([k, v]) => [k, stats(v)])),
  };
}

/** Segmentation speed, wasm against native, in alternating rounds (native, then wasm, …),
 * so both see the same machine load; the ratio of each round's medians, then their median. */
async function pairedSegmentation(browser, url) {
  const { page, context } = await freshPage(browser);
  await openWithTexts(page, url);
  // Warm up: Chromium compiles wasm with a baseline compiler first and optimises hot code later.
  await page.evaluate((n) => { for (let i = 0; i < n; i++) window.wasmBindings.bench_segment_corpus_ms(); }, 3 * R.warm);
  const rounds = [];
  for (let i = 0; i < R.pairs; i++) {
    const native = cargo(["--json", "--runs", String(R.runs)]).segment_corpus;
    const wasm = await page.evaluate((n) => Array.from({ length: n }, () => window.wasmBindings.bench_segment_corpus_ms()), R.runs);
    rounds.push({ native_median_ms: native.median_ms, native_min_ms: native.min_ms, wasm_median_ms: median(wasm), wasm_min_ms: Math.min(...wasm) });
  }
  await context.close();
  const ratios = rounds.map((r) => r.native_median_ms / r.wasm_median_ms);
  return {
    rounds, ratio_median: median(ratios), ratio_min: Math.min(...ratios), ratio_max: Math.max(...ratios),
    // The fastest run of each side: the least disturbed by other work on the machine.
    ratio_of_minima: Math.min(...rounds.map((r) => r.native_min_ms)) / Math.min(...rounds.map((r) => r.wasm_min_ms)),
    native: stats(rounds.map((r) => r.native_median_ms)), wasm: stats(rounds.map((r) => r.wasm_median_ms)),
  };
}

async function memory(browser, url, docs) {
  const start = [], afterDocs = [], afterSearch = [];
  for (let i = 0; i < R.memPages; i++) {
    const { page, context } = await freshPage(browser);
    await openApp(page, url + "#/");
    start.push(await page.evaluate(() => window.__wasm.memory.buffer.byteLength));
    for (const d of docs) {
      await page.evaluate((id) => { location.hash = `#/doc/${id}`; }, d.meta.id);
      await page.waitForSelector(`[data-doc="${d.meta.id}"] [data-para]`, { state: "attached" });
    }
    afterDocs.push(await page.evaluate(() => window.__wasm.memory.buffer.byteLength));
    await page.evaluate(() => { location.hash = "#/search?q=" + encodeURIComponent("合作"); });
    await page.waitForSelector(".search-summary");
    afterSearch.push(await page.evaluate(() => window.__wasm.memory.buffer.byteLength));
    await context.close();
  }
  return { start_bytes: Math.max(...start), all_docs_bytes: Math.max(...afterDocs), all_docs_and_search_bytes: Math.max(...afterSearch) };
}

/** A link slower than loopback, in Chromium's network emulation: 40 ms latency, 10 Mbit/s
 * down (responses are not compressed here, so bytes weigh about four times what they would
 * from a host that serves brotli). */
const SLOW_LINK = { offline: false, latency: 40, downloadThroughput: 1.25e6, uploadThroughput: 0.6e6 };

/** Navigation → first paragraph painted, app and static page alternating, `runs` cold loads
 * of each per document; over `link` (network emulation) when given, else loopback. */
async function firstPaint(browser, server, docs, { runs = R.paintRuns, link = null } = {}) {
  const per = {};
  // Where the app's time goes (all documents pooled): ms from navigation start.
  const breakdown = {};
  for (const d of docs) {
    const app = [], stat = [], live = [];
    for (let r = 0; r < runs; r++) {
      // Alternate which goes first, so drift on a shared machine hits both alike.
      const order = r % 2 ? ["static", "app"] : ["app", "static"];
      for (const kind of order) {
        const { page, context, errors } = await freshPage(browser);
        // A blank page of the same origin first: its renderer process is then reused, so
        // the timing leaves out process start-up (50–300 ms of noise here) but keeps the
        // HTTP cache empty.
        await page.goto(`${server.url}blank.html`);
        errors.length = 0;
        if (link) {
          const cdp = await context.newCDPSession(page);
          await cdp.send("Network.enable");
          await cdp.send("Network.emulateNetworkConditions", link);
        }
        const target = kind === "app" ? `${server.url}#/doc/${d.meta.id}` : `${server.url}static-${d.meta.id}.html`;
        await page.goto(target, { waitUntil: "commit" });
        const t = (await within(page.evaluate(() => window.__firstPara), `${kind} ${d.meta.id}: first paragraph`)).painted;
        if (errors.length) throw new Error(`${kind} ${d.meta.id}: ${errors.join("; ")}`);
        if (kind === "app") {
          app.push(t);
          live.push((await within(page.evaluate(() => window.__appPara), `app ${d.meta.id}: live paragraph`)).painted);
          const b = await page.evaluate(async () => {
            const res = performance.getEntriesByType("resource");
            const end = (ext) => Math.max(0, ...res.filter((e) => e.name.endsWith(ext)).map((e) => e.responseEnd));
            return { html: performance.getEntriesByType("navigation")[0].responseEnd, js: end(".js"), wasm: end(".wasm"),
              css: end(".css"), started: (await window.__started).seen };
          });
          for (const [k, v] of Object.entries(b)) (breakdown[k] ||= []).push(v);
        } else {
          stat.push(t);
        }
        await context.close();
      }
    }
    per[d.meta.id] = { app: stats(app), static: stats(stat), ratio: median(app) / median(stat),
      live: stats(live), live_ratio: median(live) / median(stat) };
  }
  return { docs: per, app_breakdown: Object.fromEntries(Object.entries(breakdown).map(([k, v]) => [k, stats(v)])) };
}

async function fetchedOnFirstLoad(browser, docs) {
  // A separate server, so its request log holds exactly one cold load of a document.
  const server = await startServer({ root: DIST });
  const { page, context } = await freshPage(browser);
  await page.goto(`${server.url}#/doc/${docs[0].meta.id}`, { waitUntil: "commit" });
  await within(page.evaluate(() => window.__appPara), "the live paragraph");
  await page.waitForLoadState("networkidle");
  const paths = [...new Set(server.requests)].filter((p) => p.startsWith("/reader/"));
  await context.close();
  await server.close();
  const rows = paths.map((p) => {
    const rel = p.slice("/reader/".length) || "index.html";
    let body;
    try { body = readFileSync(join(DIST, rel)); } catch { return null; }
    return { file: rel, ...compressed(body) };
  }).filter(Boolean);
  return { files: rows.map((r) => r.file), brotli: rows.reduce((t, r) => t + r.brotli, 0), raw: rows.reduce((t, r) => t + r.raw, 0) };
}

async function switching(browser, url, docs) {
  const first = [], again = [];
  for (let round = 0; round < R.switchRounds; round++) {
    const { page, context, errors } = await freshPage(browser);
    await page.goto(`${url}#/doc/${docs[0].meta.id}`, { waitUntil: "commit" });
    await within(page.evaluate(() => window.__appPara), "the live paragraph");
    if (SETTLE_MS > 0) await page.waitForTimeout(SETTLE_MS);
    for (let i = 1; i < docs.length; i++) {
      first.push(await timeClick(page, "a.next-doc", `[data-doc="${docs[i].meta.id}"] .doc-text > p[data-para]`));
    }
    for (let i = docs.length - 2; i >= 0; i--) {
      again.push(await timeClick(page, "a.prev-doc", `[data-doc="${docs[i].meta.id}"] .doc-text > p[data-para]`));
    }
    if (errors.length) throw new Error(`switching: ${errors.join("; ")}`);
    await context.close();
  }
  return { first_visit: splitStats(first), revisit: splitStats(again), all: splitStats([...first, ...again]) };
}

async function popovers(browser, url) {
  const firstOpen = [], open = [];
  for (let p = 0; p < R.popoverPages; p++) {
    const { page, context, errors } = await freshPage(browser);
    await page.goto(`${url}#/doc/${POPOVER_DOC}`, { waitUntil: "commit" });
    await within(page.evaluate(() => window.__appPara), "the live paragraph");
    const buttons = page.locator('.doc-text > p[data-para] .term[data-kind="glossary"]');
    const count = await buttons.count();
    const step = Math.max(1, Math.floor(count / R.popovers));
    for (let k = 0, i = 0; k < R.popovers && i < count; k++, i += step) {
      const b = buttons.nth(i);
      await b.scrollIntoViewIfNeeded();
      // The card's heading, not the popover's frame: the card's code loads on first use
      // (src/ui/lazy.rs), so the first open in a page includes that fetch.
      const ms = await timeClick(page, b, "#term-popover #popover-title");
      (k === 0 ? firstOpen : open).push(ms);
      await page.keyboard.press("Escape");
      await page.waitForFunction(() => !document.querySelector("#term-popover"));
    }
    if (errors.length) throw new Error(`popovers: ${errors.join("; ")}`);
    await context.close();
  }
  return { first_open: splitStats(firstOpen), open: splitStats(open) };
}

async function searchUi(browser, url) {
  const first = [], later = [];
  for (let p = 0; p < R.wasmPages; p++) {
    const { page, context, errors } = await freshPage(browser);
    await openApp(page, url + "#/");
    for (const [i, q] of QUERIES.entries()) {
      await page.fill("#site-search", q);
      const pr = page.evaluate((q) => {
        const start = window.__nextEvent("keydown");
        return window.__whenPainted(() => (document.querySelector("#search-title")?.textContent || "").endsWith(q)
          && document.querySelector(".search-summary, .no-matches")).then(async (r) => ({ start: await start, ...r }));
      }, q);
      await page.evaluate(() => 0);
      await page.press("#site-search", "Enter");
      const r = await pr;
      (i === 0 ? first : later).push(split(r.start, r));
    }
    if (errors.length) throw new Error(`search: ${errors.join("; ")}`);
    await context.close();
  }
  return { first_query: splitStats(first), query: splitStats(later) };
}

// ---------- main ----------
async function main() {
  const started = new Date();
  log(`dist: ${DIST}${QUICK ? " (quick)" : ""}`);
  log("native: bench_native --corpus / --json");
  const docs = cargo(["--corpus"]);
  const nativeBefore = cargo(["--json", "--runs", String(R.runs)]);
  const size = sizes();
  const extraRoutes = staticRoutes(DIST, docs);
  // Cross-origin isolation only sharpens performance.now() (5 µs instead of 100 µs); the
  // app uses nothing else it would change.
  const server = await startServer({ root: DIST, extraRoutes,
    headers: { "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp" } });
  const browser = await launch();
  const result = { date: started.toISOString(), quick: QUICK, dist: DIST, chromium: browser.version(), repetitions: R };
  try {
    log("in-wasm timings"); if (wanted("wasm")) result.wasm = await wasmTimings(browser, server.url);
    log("segmentation, wasm and native alternating"); if (wanted("paired")) result.paired = await pairedSegmentation(browser, server.url);
    log("memory"); if (wanted("memory")) result.memory = await memory(browser, server.url, docs);
    log("first paint vs static HTML"); if (wanted("first_paint")) result.first_paint = await firstPaint(browser, server, docs);
    log("first paint vs static HTML, slow link"); if (wanted("first_paint_link")) {
      result.first_paint_link = { link: SLOW_LINK, ...(await firstPaint(browser, server, docs, { runs: R.linkRuns, link: SLOW_LINK })) };
    }
    log("first-load fetches"); if (wanted("fetched")) result.fetched = await fetchedOnFirstLoad(browser, docs);
    log("document switching"); if (wanted("switching")) result.switching = await switching(browser, server.url, docs);
    log("popovers"); if (wanted("popover")) result.popover = await popovers(browser, server.url);
    log("search (UI)"); if (wanted("search_ui")) result.search_ui = await searchUi(browser, server.url);
  } finally {
    await browser.close();
    await server.close();
  }
  log("native again (same session)");
  const nativeAfter = cargo(["--json", "--runs", String(R.runs)]);
  result.native = { before: nativeBefore, after: nativeAfter };
  result.size = size;
  result.segment_speed_vs_native = result.paired?.ratio_median;
  const c = result.wasm?.counts ?? [];
  result.counts_match_native = c[0] === nativeBefore.docs && c[1] === nativeBefore.blocks && c[2] === nativeBefore.chars
    && c[3] === nativeBefore.words && c[4] === nativeBefore.hits;
  if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(result, null, 2));
  printSummary(result);
}

function printSummary(r) {
  const f = (x) => x.toFixed(2).padStart(9);
  const line = (name, s) => s && console.log(`${name.padEnd(44)} ${String(s.n).padStart(4)} ${f(s.median_ms)} ${f(s.p95_ms)} ${f(s.min_ms)}`);
  console.log(`\nChromium ${r.chromium}; crossOriginIsolated=${r.wasm?.crossOriginIsolated}; corpus counts wasm=native: ${r.counts_match_native}`);
  console.log(`${"measurement".padEnd(44)} ${"n".padStart(4)} ${"median ms".padStart(9)} ${"p95 ms".padStart(9)} ${"min ms".padStart(9)}`);
  line("wasm: segmenter init (first call)", r.wasm?.segmenter_init_first);
  line("wasm: segmenter init", r.wasm?.segmenter_init);
  line("native: segmenter init", r.native.before.segmenter_init);
  line("wasm: segment corpus", r.wasm?.segment_corpus);
  line("native: segment corpus (before)", r.native.before.segment_corpus);
  line("native: segment corpus (after)", r.native.after.segment_corpus);
  line("wasm: match corpus", r.wasm?.match_corpus);
  line("native: match corpus", r.native.before.match_corpus);
  line("wasm: search index build", r.wasm?.index_build);
  line("wasm: search query (all)", r.wasm?.search);
  line("UI: search, first query", r.search_ui?.first_query);
  line("UI: search, later queries", r.search_ui?.query);
  line("UI: search, later queries (work)", r.search_ui?.query?.work);
  line("UI: switch doc, first visit", r.switching?.first_visit);
  line("UI: switch doc, first visit (work)", r.switching?.first_visit?.work);
  line("UI: switch doc, revisit", r.switching?.revisit);
  line("UI: switch doc, revisit (work)", r.switching?.revisit?.work);
  line("UI: popover, first open", r.popover?.first_open);
  line("UI: popover, open", r.popover?.open);
  line("UI: popover, open (work)", r.popover?.open?.work);
  for (const [id, p] of Object.entries(r.first_paint?.docs ?? {})) {
    line(`UI: first paint app ${id}`.slice(0, 44), p.app);
    line(`UI: first paint static ${id}`.slice(0, 44), p.static);
    line(`UI: app text live ${id}`.slice(0, 44), p.live);
  }
  for (const [id, p] of Object.entries(r.first_paint_link?.docs ?? {})) {
    line(`UI: slow link, first paint app ${id}`.slice(0, 44), p.app);
    line(`UI: slow link, first paint static ${id}`.slice(0, 44), p.static);
  }
  if (ONLY) return;
  console.log(`segmentation speed wasm/native (median of ${r.paired?.rounds.length} alternating rounds): ${r.segment_speed_vs_native.toFixed(2)}x (rounds ${r.paired?.ratio_min.toFixed(2)}–${r.paired?.ratio_max.toFixed(2)}x; fastest runs ${r.paired?.ratio_of_minima.toFixed(2)}x)`);
  console.log(`first paint app/static (median): ${Object.entries(r.first_paint?.docs).map(([id, p]) => `${id} ${p.ratio.toFixed(2)}x`).join(", ")}`);
  console.log(`first paint app/static over a slow link (median): ${Object.entries(r.first_paint_link?.docs).map(([id, p]) => `${id} ${p.ratio.toFixed(2)}x`).join(", ")}`);
  const mib = (b) => (b / 1048576).toFixed(2);
  console.log(`wasm memory: start ${mib(r.memory?.start_bytes)} MiB, all docs ${mib(r.memory?.all_docs_bytes)} MiB, + search index ${mib(r.memory?.all_docs_and_search_bytes)} MiB`);
  console.log(`transfer (brotli): dist/ ${r.size.total.brotli} B (wasm ${r.size.wasm_brotli} B); fetched to show a document ${r.fetched?.brotli} B (${r.fetched?.files.length} files)`);
}

main().catch((e) => { console.error(e); process.exit(1); });
