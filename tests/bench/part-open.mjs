// The first popover of a page, now that the term card's code loads on first use
// (src/ui/lazy.rs): click → card painted, with a plain click (the fetch starts then) and
// with a pointer on the term 100 ms before the click (as a tap or a mouse gives; the fetch
// starts at pointerover). Fresh page each time; medians over RUNS pages.
//
//   node tests/bench/part-open.mjs [--runs N]
import { startServer, launch, newPage, openApp } from "../e2e/harness.mjs";
const server = await startServer(); const browser = await launch();
const res = { click: [], hover100: [] };
const RUNS = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 5;
for (let r = 0; r < RUNS; r++) for (const mode of ["click", "hover100"]) {
  const { page, context } = await newPage(browser, { width: 1280, height: 900 });
  await openApp(page, server.url, "#/doc/sheng-zhang-2025-capacity");
  await page.waitForTimeout(300);
  const b = page.locator('.doc-text > p[data-para] .term[data-kind="glossary"]').nth(3);
  await b.scrollIntoViewIfNeeded();
  if (mode === "hover100") { await b.hover(); await page.waitForTimeout(100); }
  const ms = await b.evaluate((el) => new Promise((res) => {
    const t = performance.now(); el.click();
    const check = () => document.querySelector("#term-popover #popover-title") ? requestAnimationFrame(() => res(performance.now() - t)) : setTimeout(check, 1);
    check();
  }));
  res[mode].push(ms); await context.close();
}
const med = (v) => { const s = [...v].sort((a, b) => a - b); return s[Math.floor(s.length / 2)].toFixed(1); };
console.log("first open, click only:", med(res.click), res.click.map((x) => x.toFixed(0)).join(" "));
console.log("first open, pointer on the term 100 ms before:", med(res.hover100), res.hover100.map((x) => x.toFixed(0)).join(" "));
await browser.close(); process.exit(0);
