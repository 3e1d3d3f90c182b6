// First paint, several builds side by side: for each round and document, a cold load of
// every build's `#/doc/<id>` and of the same document as static HTML (static-page.mjs),
// in alternating order, each in a fresh browser context after a blank page of the same
// origin (as browser.mjs's first-paint section). Prints each build's median time to the
// first paragraph painted and its ratio to the static page's median.
//
//   node tests/bench/first-paint-ab.mjs DIST [DIST ...] [--runs N] [--docs ID,ID]
//
// For trying a change against the current build (copy dist/ aside, change, build, compare)
// on a machine too noisy for two separate runs to be compared. Reports; never fails for
// being slow.
import { resolve } from "node:path";
import { startServer, launch } from "../e2e/harness.mjs";
import { staticRoutes, corpusDocs } from "./static-page.mjs";

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const dists = args.filter((a, i) => !a.startsWith("--") && !["--runs", "--docs"].includes(args[i - 1])).map((d) => resolve(d));
if (dists.length === 0) throw new Error("usage: node tests/bench/first-paint-ab.mjs DIST [DIST ...] [--runs N] [--docs ID,ID]");
const RUNS = Number(opt("--runs", "9"));

const docs = corpusDocs(opt("--docs", null)?.split(","));

/** Resolves with performance.now() once the first reading-flow paragraph is painted. */
function pageInit() {
  window.__firstPara = new Promise((resolve) => {
    const painted = () => requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve(performance.now());
      ch.port2.postMessage(null);
    });
    const found = () => document.querySelector(".doc-text > p.para");
    if (found()) { painted(); return; }
    const mo = new MutationObserver(() => { if (found()) { mo.disconnect(); painted(); } });
    mo.observe(document, { childList: true, subtree: true });
  });
}

const servers = [];
for (const dist of dists) servers.push(await startServer({ root: dist, extraRoutes: staticRoutes(dist, docs) }));
const browser = await launch();
const kinds = [...dists.map((_, i) => i), "static"];
const times = Object.fromEntries(kinds.map((k) => [k, []]));
for (let r = 0; r < RUNS; r++) {
  for (const d of docs) {
    for (const k of r % 2 ? [...kinds].reverse() : kinds) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN", colorScheme: "light", deviceScaleFactor: 1 });
      await context.addInitScript(pageInit);
      const page = await context.newPage();
      const server = servers[k === "static" ? 0 : k];
      await page.goto(`${server.url}blank.html`);
      await page.goto(k === "static" ? `${server.url}static-${d.meta.id}.html` : `${server.url}#/doc/${d.meta.id}`, { waitUntil: "commit" });
      const t = await Promise.race([page.evaluate(() => window.__firstPara),
        new Promise((_, reject) => setTimeout(() => reject(new Error(`${k} ${d.meta.id}: no paragraph after 30 s`)), 30000))]);
      times[k].push(t);
      await context.close();
    }
  }
}
const median = (v) => { const s = [...v].sort((a, b) => a - b), n = s.length; return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
const base = median(times.static);
console.log(`first paragraph painted, median of ${RUNS} rounds × ${docs.length} documents (${docs.map((d) => d.meta.id).join(", ")}):`);
for (const k of kinds) {
  const name = k === "static" ? "static HTML" : dists[k];
  console.log(`  ${median(times[k]).toFixed(0).padStart(5)} ms  ${(median(times[k]) / base).toFixed(2)}×  ${name}`);
}
await browser.close();
for (const s of servers) await s.close();
