// A look inside one document switch: records a Chromium trace of clicking "next" through
// every document and sums the main thread's time by kind (script, HTML parsing, style,
// layout, paint). For working on the switch time; not part of the benchmark's figures.
//   node tests/bench/trace-switch.mjs [--dist DIR]
import { startServer, launch } from "../e2e/harness.mjs";
import { DOCS } from "../e2e/corpus.mjs";

const dist = process.argv.includes("--dist") ? process.argv[process.argv.indexOf("--dist") + 1] : undefined;
const server = await startServer(dist ? { root: dist } : {});
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
const ids = DOCS.map((d) => d.id);
await page.goto(`${server.url}#/doc/${ids[0]}`);
await page.waitForSelector(`[data-doc="${ids[0]}"] [data-para]`);
const totals = {};
for (const pass of ["first visit", "revisit"]) {
  await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] });
  const order = pass === "first visit" ? ids.slice(1) : [...ids].reverse().slice(1);
  for (const id of order) {
    await page.click(pass === "first visit" ? "a.next-doc" : "a.prev-doc");
    await page.waitForSelector(`[data-doc="${id}"] .doc-text > p[data-para]`, { state: "attached" });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  }
  const trace = JSON.parse((await browser.stopTracing()).toString());
  const sums = {};
  for (const e of trace.traceEvents) {
    if (e.ph !== "X" || !e.dur) continue;
    const kind = { FunctionCall: "script", EvaluateScript: "script", "v8.callFunction": "script", ParseHTML: "parse HTML",
      UpdateLayoutTree: "style", Layout: "layout", Paint: "paint", PrePaint: "pre-paint", Layerize: "layerize",
      "Document::updateStyleAndLayout": null, RunTask: "task total" }[e.name];
    if (kind) sums[kind] = (sums[kind] || 0) + e.dur / 1000 / order.length;
  }
  totals[pass] = Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, +v.toFixed(1)]));
}
console.log("ms per switch (main thread, summed over the trace):", JSON.stringify(totals, null, 1));
await browser.close();
await server.close();
