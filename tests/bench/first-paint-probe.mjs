// Where a cold load's time goes before the first paragraph is painted, the app's
// pre-rendered opening against the same document as static HTML (static-page.mjs): when
// the files arrived (resource timing), when #boot was parsed, when readyState left
// "loading" and DOMContentLoaded came, when the first paragraph was in the DOM, the next
// frame began and it was painted. One line per load, then the medians.
//
//   node tests/bench/first-paint-probe.mjs [--dist DIR] [--runs N] [--docs ID,ID]
//
// A diagnostic (session 5 found with it that the opening often waited for
// DOMContentLoaded); reports, never fails for being slow.
import { resolve } from "node:path";
import { DIST, startServer, launch } from "../e2e/harness.mjs";
import { staticRoutes, corpusDocs } from "./static-page.mjs";

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const dist = resolve(opt("--dist", DIST));
const RUNS = Number(opt("--runs", "3"));

const docs = corpusDocs(opt("--docs", null)?.split(","));

/** Installed before any page script: records the moments into window.__m. */
function pageInit() {
  const m = (window.__m = {});
  const now = () => performance.now();
  new MutationObserver((_, mo) => {
    if (!m.boot && document.getElementById("boot")) m.boot = now();
    if (!m.para && document.querySelector(".doc-text > p.para")) {
      m.para = now();
      requestAnimationFrame(() => {
        m.raf = now();
        const ch = new MessageChannel();
        ch.port1.onmessage = () => { m.painted = now(); mo.disconnect(); };
        ch.port2.postMessage(null);
      });
    }
  }).observe(document, { childList: true, subtree: true });
  document.addEventListener("readystatechange", () => { if (document.readyState === "interactive") m.interactive = now(); });
  document.addEventListener("DOMContentLoaded", () => { m.dcl = now(); });
}

const server = await startServer({ root: dist, extraRoutes: staticRoutes(dist, docs) });
const browser = await launch();
const FIELDS = ["boot", "interactive", "dcl", "para", "raf", "painted"];
const rows = { app: [], static: [] };
for (let r = 0; r < RUNS; r++) {
  for (const d of docs) {
    for (const kind of r % 2 ? ["static", "app"] : ["app", "static"]) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN", colorScheme: "light" });
      await context.addInitScript(pageInit);
      const page = await context.newPage();
      await page.goto(`${server.url}blank.html`);
      await page.goto(kind === "static" ? `${server.url}static-${d.meta.id}.html` : `${server.url}#/doc/${d.meta.id}`, { waitUntil: "commit" });
      await page.waitForFunction(() => window.__m.painted, null, { timeout: 30000 });
      const row = await page.evaluate((fields) => {
        const out = Object.fromEntries(fields.map((f) => [f, window.__m[f] == null ? null : Math.round(window.__m[f])]));
        // name → [start, request sent, first byte, last byte], ms from navigation start.
        out.files = Object.fromEntries(performance.getEntriesByType("resource").map((e) => [
          e.name.split("/").pop().split("?")[0].replace(/-[0-9a-f]{16}/, ""),
          [e.startTime, e.requestStart, e.responseStart, e.responseEnd].map(Math.round)]));
        return out;
      }, FIELDS);
      rows[kind].push(row);
      console.log(`${kind.padEnd(6)} ${d.meta.id.slice(0, 24).padEnd(24)} ${FIELDS.map((f) => `${f}=${row[f] ?? "-"}`).join(" ")}  ${JSON.stringify(row.files)}`);
      await context.close();
    }
  }
}
await browser.close();
await server.close();
const median = (v) => { const s = v.filter((x) => x != null).sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : "-"; };
console.log(`\nmedians, ms from navigation start (${RUNS} rounds × ${docs.length} documents):`);
for (const k of ["app", "static"]) console.log(`  ${k.padEnd(6)} ${FIELDS.map((f) => `${f}=${median(rows[k].map((r) => r[f]))}`).join(" ")}`);
