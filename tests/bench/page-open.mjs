// How long a page loaded on first use takes to open the first time (scripts/split.mjs: its
// wasm module is fetched then), from a text in a fresh page: hash change → the page's
// content in the DOM and the next frame done. Several builds are alternated, so that an
// unsplit build (e.g. a copy of dist/ made before scripts/split.mjs ran) can be compared.
//
//   node tests/bench/page-open.mjs [DIST ...] [--runs N]
//
// Reports medians and ranges; never fails for being slow.
import { resolve } from "node:path";
import { DIST, startServer, launch, newPage, openApp } from "../e2e/harness.mjs";

const args = process.argv.slice(2);
const RUNS = Number(args.includes("--runs") ? args[args.indexOf("--runs") + 1] : "5");
const dists = args.filter((a, i) => !a.startsWith("--") && args[i - 1] !== "--runs").map((d) => resolve(d));
if (dists.length === 0) dists.push(DIST);
const PAGES = [["#/notes", "main .notes-page"], ["#/analytics", "main .analytics-page .top-terms"],
  ["#/concordance?q=%E5%90%88%E4%BD%9C", "main .concordance-page .kwic-line"]];

const browser = await launch();
const times = new Map(dists.map((d) => [d, {}]));
for (let r = 0; r < RUNS; r++) {
  for (const dist of dists) {
    const server = await startServer({ root: dist });
    const { page, context } = await newPage(browser);
    await openApp(page, server.url, "#/doc/pan-2019-manufacturing");
    await page.waitForTimeout(300);
    for (const [hash, selector] of PAGES) {
      const ms = await page.evaluate(async ([h, s]) => {
        const t0 = performance.now();
        location.hash = h;
        await new Promise((done) => {
          const poll = () => (document.querySelector(s) ? requestAnimationFrame(() => setTimeout(done, 0)) : setTimeout(poll, 1));
          poll();
        });
        return performance.now() - t0;
      }, [hash, selector]);
      (times.get(dist)[hash] ||= []).push(ms);
      await page.evaluate(() => { location.hash = "#/doc/pan-2019-manufacturing"; });
      await page.waitForTimeout(300);
    }
    await context.close();
    await server.close();
  }
}
await browser.close();
for (const [dist, byPage] of times) {
  console.log(dist);
  for (const [hash, v] of Object.entries(byPage)) {
    v.sort((a, b) => a - b);
    console.log(`  ${hash.padEnd(36)} median ${v[v.length >> 1].toFixed(1)} ms, ${v[0].toFixed(1)}–${v[v.length - 1].toFixed(1)} (n=${v.length})`);
  }
}
process.exit(0);
