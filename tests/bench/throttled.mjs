// First paint over a slower connection (Chromium's network emulation: 40 ms latency,
// 10 Mbit/s down): the app (pre-rendered opening, then the live text) against the same
// document as static HTML, to the first paragraph painted (and, apart, in the DOM).
// Prints medians; not part of scripts/bench.sh's figures.
//   node tests/bench/throttled.mjs [--runs N]
import { startServer, launch, DIST } from "../e2e/harness.mjs";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { staticRoutes, corpusDocs } from "./static-page.mjs";

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 5;
const index = readFileSync(join(DIST, "index.html"), "utf8");
const sheets = [...index.matchAll(/rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
const ids = ["finance-bri-lanzhou", "pan-2019-manufacturing", "li-zhu-2018-capacity-book"];
// Two static baselines: the whole document as browser.mjs serves it (static-<id>.html), and
// the pre-rendered page's own markup, chrome and opening only (opening-<id>.html): the same
// first frame as the app's, in one request.
const routes = staticRoutes(DIST, corpusDocs(ids));
for (const id of ids) {
  const pre = JSON.parse(readFileSync(join(DIST, "pre", `${id}.json`), "utf8"));
  const body = pre.zh.replace('<div class="doc-text" lang="zh-Hans"></div>', `<div class="doc-text" lang="zh-Hans">${pre.text}</div>`);
  routes[`/reader/opening-${id}.html`] = ["text/html; charset=utf-8",
    `<!doctype html><html lang="zh-Hans" data-theme="light"><head><meta charset="utf-8">${sheets.map((h) => `<link rel="stylesheet" href="${h}">`).join("")}</head><body>${body}</body></html>`];
}
const server = await startServer({ extraRoutes: routes });
const browser = await launch();
const median = (v) => { const s = [...v].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
for (const id of ids) {
  const t = { static: [], staticDom: [], opening: [], text: [], textDom: [], live: [] };
  for (let r = 0; r < runs; r++) {
    for (const kind of r % 2 ? ["static", "opening", "app"] : ["app", "opening", "static"]) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
      const page = await context.newPage();
      await page.addInitScript(() => {
        // When each is in the DOM, and when the frame that shows it has been painted (a
        // task queued from the next requestAnimationFrame): a static page's text is in the
        // DOM long before its stylesheet lets it be painted, so only "painted" compares.
        window.__t = {};
        const sel = { text: ".doc-text > p.para", live: ".doc-text > p[data-para]" };
        const painted = (k) => requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => { window.__t[k + "Painted"] = performance.now(); };
          ch.port2.postMessage(null);
        });
        const mo = new MutationObserver(() => {
          for (const [k, s] of Object.entries(sel)) {
            if (!window.__t[k] && document.querySelector(s)) { window.__t[k] = performance.now(); painted(k); }
          }
        });
        mo.observe(document, { childList: true, subtree: true });
      });
      await page.goto(`${server.url}blank.html`);
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 40, downloadThroughput: 1.25e6, uploadThroughput: 0.6e6 });
      await page.goto(kind === "app" ? `${server.url}#/doc/${id}` : `${server.url}${kind}-${id}.html`, { waitUntil: "commit" });
      await page.waitForFunction((k) => window.__t[k], kind === "app" ? "livePainted" : "textPainted", { timeout: 30000 });
      const m = await page.evaluate(() => window.__t);
      if (kind === "app") { t.text.push(m.textPainted); t.textDom.push(m.text); t.live.push(m.livePainted); } else if (kind === "opening") { t.opening.push(m.textPainted); } else { t.static.push(m.textPainted); t.staticDom.push(m.text); }
      await context.close();
    }
  }
  const ratio = (a, b) => `${(median(a) / median(b)).toFixed(2)}×`;
  console.log(`${id}: first paragraph painted: static document ${median(t.static).toFixed(0)} ms, static opening ${median(t.opening).toFixed(0)} ms, app ${median(t.text).toFixed(0)} ms (${ratio(t.text, t.static)} the document, ${ratio(t.text, t.opening)} the opening), app live ${median(t.live).toFixed(0)} ms; in the DOM: static document ${median(t.staticDom).toFixed(0)} ms, app ${median(t.textDom).toFixed(0)} ms (n=${runs})`);
}
await browser.close();
await server.close();
