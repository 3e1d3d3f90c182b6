// A look inside one cold load: records a Chromium trace of opening a document in the app
// (`#/doc/<id>`) and as the static page (static-page.mjs), and prints, per load, the
// renderer main thread's longer slices (parsing, script, style, layout with its object
// counts, paint) in milliseconds from navigation start, then their sums. For working on
// the first paint; not part of the benchmark's figures (tracing itself slows the page).
//   node tests/bench/trace-first-paint.mjs [--dist DIR] [--docs ID] [--runs N]
import { resolve } from "node:path";
import { DIST, startServer, launch } from "../e2e/harness.mjs";
import { staticRoutes, corpusDocs } from "./static-page.mjs";

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const dist = resolve(opt("--dist", DIST));
const runs = Number(opt("--runs", "2"));
const [doc] = corpusDocs(opt("--docs", "industrial-internet-2023").split(","));
const id = doc.meta.id;
const server = await startServer({ root: dist, extraRoutes: staticRoutes(dist, [doc]) });
const browser = await launch();
const SHOWN = new Set(["ParseHTML", "EvaluateScript", "FunctionCall", "UpdateLayoutTree", "Layout", "PrePaint", "Paint",
  "Layerize", "Commit", "ParseAuthorStyleSheet", "TimerFire", "FireAnimationFrame"]);
const ms = (us) => (us / 1000).toFixed(1);

for (let run = 0; run < runs; run++) {
  for (const kind of ["app", "static"]) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}blank.html`);
    await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "blink.user_timing", "loading"] });
    const url = kind === "app" ? `${server.url}#/doc/${id}` : `${server.url}static-${id}.html`;
    await page.goto(url);
    await page.waitForSelector(".doc-text > p.para");
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
    const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
    await context.close();
    const nav = events.find((e) => e.name === "navigationStart" && !(e.args?.data?.documentLoaderURL || "").includes("blank"));
    if (!nav) throw new Error(`no navigationStart for ${url} in the trace`);
    const onMain = (e) => e.pid === nav.pid && e.tid === nav.tid && e.ts >= nav.ts;
    const sums = {};
    console.log(`== ${kind}, run ${run + 1}: ${url}`);
    for (const e of events.filter(onMain).sort((a, b) => a.ts - b.ts)) {
      if (e.name === "firstContentfulPaint") console.log(`${ms(e.ts - nav.ts).padStart(7)}  first contentful paint`);
      if (e.ph !== "X" || !e.dur || !SHOWN.has(e.name)) continue;
      sums[e.name] = (sums[e.name] || 0) + e.dur;
      if (e.dur < 1000) continue;
      const objects = e.name === "Layout" ? ` (${e.args.beginData.dirtyObjects} of ${e.args.beginData.totalObjects} objects)` : "";
      const source = e.args?.data?.url ? ` ${e.args.data.url.slice(server.url.length)}` : "";
      console.log(`${ms(e.ts - nav.ts).padStart(7)} +${ms(e.dur).padStart(5)}  ${e.name}${objects}${source}`);
    }
    console.log("  sums:", Object.entries(sums).map(([k, v]) => `${k} ${ms(v)}`).join(", "));
  }
}
await browser.close();
await server.close();
