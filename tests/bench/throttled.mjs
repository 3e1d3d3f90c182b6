// First paint over a slower connection (Chromium's network emulation: 40 ms latency,
// 10 Mbit/s down): the app (pre-rendered opening, then the live text) against the same
// document as static HTML. Prints medians; not part of scripts/bench.sh's figures.
//   node tests/bench/throttled.mjs [--runs N]
import { startServer, launch } from "../e2e/harness.mjs";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DIST } from "../e2e/harness.mjs";

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 5;
const index = readFileSync(join(DIST, "index.html"), "utf8");
const sheets = [...index.matchAll(/rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
const ids = ["finance-bri-lanzhou", "pan-2019-manufacturing", "li-zhu-2018-capacity-book"];
const routes = { "/reader/blank.html": ["text/html; charset=utf-8", "<!doctype html><title>b</title>"] };
for (const id of ids) {
  // The static page: the pre-rendered page's markup with the app's stylesheets, no script.
  const pre = JSON.parse(readFileSync(join(DIST, "pre", `${id}.json`), "utf8"));
  const body = pre.zh.replace('<div class="doc-text" lang="zh-Hans"></div>', `<div class="doc-text" lang="zh-Hans">${pre.text}</div>`);
  routes[`/reader/static-${id}.html`] = ["text/html; charset=utf-8",
    `<!doctype html><html lang="zh-Hans" data-theme="light"><head><meta charset="utf-8">${sheets.map((h) => `<link rel="stylesheet" href="${h}">`).join("")}</head><body>${body}</body></html>`];
}
const server = await startServer({ extraRoutes: routes });
const browser = await launch();
const median = (v) => { const s = [...v].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
for (const id of ids) {
  const t = { static: [], text: [], live: [] };
  for (let r = 0; r < runs; r++) {
    for (const kind of ["app", "static"]) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
      const page = await context.newPage();
      await page.addInitScript(() => {
        window.__t = {};
        const sel = { text: ".doc-text > p.para", live: ".doc-text > p[data-para]" };
        const mo = new MutationObserver(() => { for (const [k, s] of Object.entries(sel)) if (!window.__t[k] && document.querySelector(s)) window.__t[k] = performance.now(); });
        mo.observe(document, { childList: true, subtree: true });
      });
      await page.goto(`${server.url}blank.html`);
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 40, downloadThroughput: 1.25e6, uploadThroughput: 0.6e6 });
      await page.goto(kind === "app" ? `${server.url}#/doc/${id}` : `${server.url}static-${id}.html`, { waitUntil: "commit" });
      await page.waitForSelector(kind === "app" ? ".doc-text > p[data-para]" : ".doc-text > p.para", { state: "attached", timeout: 30000 });
      const m = await page.evaluate(() => window.__t);
      if (kind === "app") { t.text.push(m.text); t.live.push(m.live); } else t.static.push(m.text);
      await context.close();
    }
  }
  console.log(`${id}: static ${median(t.static).toFixed(0)} ms; app text ${median(t.text).toFixed(0)} ms (${(median(t.text) / median(t.static)).toFixed(2)}×); app live ${median(t.live).toFixed(0)} ms (n=${runs})`);
}
await browser.close();
await server.close();
