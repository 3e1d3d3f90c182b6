// Before the app has started, a link to a document shows its pre-rendered text (boot.js,
// src/core/prerender.rs): in the reader's layout, in the reader's saved theme and
// language, inert and without the live hooks; the app then replaces it where it stands.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, newPage, shot, VIEWPORTS, assertNoErrors } from "./harness.mjs";
import { DOCS } from "./corpus.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Holds back the wasm until `release()` is called: the page stays "loading". */
async function holdWasm(page) {
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route("**/*.wasm", async (route) => { await held; await route.continue(); });
  return release;
}

const doc = DOCS.find((d) => d.id === "pan-2019-manufacturing") || DOCS[0];

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  for (const colorScheme of ["light", "dark"]) {
    test(`a document's text shows before the app starts (${name}, ${colorScheme}), and the app takes its place`, async () => {
      const { page, errors, context } = await newPage(browser, { ...viewport, colorScheme });
      const release = await holdWasm(page);
      const requestsBefore = server.requests.filter((r) => r.includes(`/pre/${doc.id}.json`)).length;
      await page.goto(`${server.url}#/doc/${doc.id}`);
      const first = page.locator("#prerender .doc-text > p.para").first();
      await first.waitFor();
      assert.equal(await page.locator("html[data-app-started]").count(), 0, "the app has not started");
      // index.html's inline script asked for the opening; boot.js used that request.
      assert.equal(await page.evaluate(() => typeof window.srrOpening), "object", "early request made");
      assert.equal(server.requests.filter((r) => r.includes(`/pre/${doc.id}.json`)).length, requestsBefore + 1, "the opening fetched once");
      assert.equal(await page.locator("html").getAttribute("data-theme"), colorScheme, "theme applied before the app");
      // The text is the document's, highlighted, and nothing in it is live yet.
      const shown = await page.locator("#prerender .doc-text").textContent();
      for (const p of doc.paras.slice(0, 5)) assert.ok(shown.replace(/\s/g, "").includes(p.text.replace(/\s/g, "").slice(0, 20)), `paragraph ${p.id}`);
      assert.ok(await page.locator("#prerender .doc-text .term.five").count() > 0, "五通 highlighted");
      // Look-alikes, not controls: form controls would slow the first layout (core::prerender).
      assert.equal(await page.locator("#prerender button, #prerender input, #prerender form").count(), 0, "no form controls");
      assert.equal(await page.locator("#prerender [data-para], #prerender [data-term], #prerender [data-kind], #prerender [data-doc]").count(), 0, "no live hooks");
      assert.equal(await page.locator("#prerender").getAttribute("inert"), "", "inert");
      assert.match(await page.locator("#boot[role=status]").innerText(), /载入|Loading/);
      assert.match(await page.locator("#prerender h1.doc-title").innerText(), new RegExp(doc.title.slice(0, 6)));
      await shot(page, `prerender-${name}-${colorScheme}`);
      // Where the text starts and where the opening ends, before and after the app: the
      // same places (no jump; the look-alike terms wrap like the app's buttons), and the
      // header's controls in the same boxes.
      const before = await first.boundingBox();
      const lastPre = page.locator("#prerender .doc-text > p.para").last();
      const lastId = await lastPre.getAttribute("data-pre");
      const lastBefore = await lastPre.boundingBox();
      const searchBefore = await page.locator("#prerender .search-box").boundingBox();
      const legendBefore = await page.locator("#prerender .legend").boundingBox();
      release();
      await page.waitForSelector(`html[data-app-started] [data-doc="${doc.id}"] .doc-text > p[data-para]`);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      assert.equal(await page.locator("#prerender, #boot").count(), 0, "placeholders gone");
      assert.equal(await page.locator(".doc-text").count(), 1, "one copy of the text");
      const after = await page.locator(".doc-text > p.para").first().boundingBox();
      assert.ok(Math.abs(after.y - before.y) <= 2 && Math.abs(after.x - before.x) <= 2,
        `first paragraph moved from ${before.x},${before.y} to ${after.x},${after.y}`);
      const same = (a, b) => ["x", "y", "width", "height"].every((k) => Math.abs(a[k] - b[k]) <= 2);
      const lastAfter = await page.locator(`.doc-text > p[data-para="${lastId}"]`).boundingBox();
      assert.ok(same(lastBefore, lastAfter), `last pre-rendered paragraph ${lastId}: ${JSON.stringify(lastBefore)} → ${JSON.stringify(lastAfter)}`);
      const searchAfter = await page.locator(".search-box").boundingBox();
      if (searchBefore) assert.ok(same(searchBefore, searchAfter), `search box ${JSON.stringify(searchBefore)} → ${JSON.stringify(searchAfter)}`);
      assert.ok(same(legendBefore, await page.locator(".legend").boundingBox()), "legend box");
      assertNoErrors(errors, "prerender");
      await context.close();
    });
  }
}

test("the pre-rendered page follows saved settings: language, hidden 五通 terms, deep link", async () => {
  const { page, errors, context } = await newPage(browser, { locale: "zh-CN" });
  await page.addInitScript(() => {
    localStorage.setItem("silk-road-reader/settings/v1", JSON.stringify({ version: 1, lang: "en", theme: "sepia", five: [false, true, true, true, true] }));
  });
  const release = await holdWasm(page);
  const para = doc.paras[2];
  await page.goto(`${server.url}#/doc/${doc.id}/p/${para.id}`);
  await page.locator(`#prerender [data-pre="${para.id}"]`).waitFor();
  assert.equal(await page.locator("html").getAttribute("data-theme"), "sepia");
  assert.equal(await page.locator("html").getAttribute("lang"), "en");
  assert.match(await page.locator("#prerender .legend-title").innerText(), /legend/i);
  assert.ok(await page.locator("#prerender .doc-text.hide-zheng-ce-gou-tong").count() === 1, "政策沟通 hidden as saved");
  const box = await page.locator(`#prerender [data-pre="${para.id}"]`).boundingBox();
  assert.ok(box.y >= 0 && box.y < 900, `linked paragraph in view (y=${box.y})`);
  release();
  await page.waitForSelector(`html[data-app-started] [data-para="${para.id}"].is-target`);
  assert.equal(await page.locator(".legend-item.f0").getAttribute("aria-pressed"), "false");
  assertNoErrors(errors, "prerender settings");
  await context.close();
});

test("a link to a paragraph beyond the pre-rendered opening waits for the app, which goes there", async () => {
  const { page, errors, context } = await newPage(browser);
  const release = await holdWasm(page);
  const para = doc.paras[doc.paras.length - 1];
  await page.goto(`${server.url}#/doc/${doc.id}/p/${para.id}`);
  await page.waitForTimeout(600);
  assert.equal(await page.locator("#prerender").count(), 0, "no opening shown for a link further in");
  release();
  await page.waitForSelector(`html[data-app-started] [data-para="${para.id}"].is-target`);
  assertNoErrors(errors, "prerender beyond opening");
  await context.close();
});

test("without a document in the address, or in an embed, nothing is pre-rendered", async () => {
  for (const url of [`${server.url}#/`, `${server.url}?embed=1#/doc/${doc.id}`]) {
    const { page, context } = await newPage(browser);
    const release = await holdWasm(page);
    const fetched = [];
    page.on("request", (r) => { if (r.url().includes("/pre/")) fetched.push(r.url()); });
    await page.goto(url);
    await page.waitForTimeout(500);
    assert.equal(await page.locator("#prerender").count(), 0, url);
    assert.deepEqual(fetched, [], url);
    release();
    await page.waitForSelector("html[data-app-started] main#main > *", { state: "attached" });
    await context.close();
  }
});

test("if the app fails to load, the pre-rendered text stays readable under the message", async () => {
  const { page, context } = await newPage(browser);
  await page.route("**/*.wasm", (route) => route.abort());
  await page.goto(`${server.url}#/doc/${doc.id}`);
  await page.locator("#boot.boot-failed").waitFor();
  await page.locator("#prerender .doc-text > p.para").first().waitFor();
  assert.match(await page.locator("#boot").innerText(), /failed to load|未能载入/);
  await context.close();
});

test("the app starts only once the opening has been painted, and at once when there is none", async () => {
  // Nothing held back: the loader waits for boot.js's gate by itself.
  const { page, errors, context } = await newPage(browser);
  await page.addInitScript(() => {
    window.__seen = {};
    new MutationObserver(() => {
      if (!window.__seen.opening && document.getElementById("prerender")) {
        window.__seen.opening = performance.now();
        requestAnimationFrame(() => setTimeout(() => { window.__seen.painted = performance.now(); }, 0));
      }
      if (!window.__seen.started && document.documentElement.hasAttribute("data-app-started")) window.__seen.started = performance.now();
    }).observe(document, { childList: true, subtree: true, attributes: true });
  });
  await page.goto(`${server.url}#/doc/${doc.id}`);
  await page.waitForSelector(`html[data-app-started] [data-doc="${doc.id}"] .doc-text > p[data-para]`);
  assert.equal(await page.evaluate(() => window.srrAppGate), "painted");
  const seen = await page.evaluate(() => window.__seen);
  assert.ok(seen.opening && seen.painted && seen.started, `opening, its paint and the app's start all seen: ${JSON.stringify(seen)}`);
  assert.ok(seen.painted <= seen.started, `the opening was painted (${seen.painted} ms) before the app started (${seen.started} ms)`);
  assertNoErrors(errors, "gate");
  await context.close();

  for (const [url, reason, block] of [[`${server.url}#/`, "none", false], [`${server.url}?embed=1#/doc/${doc.id}`, "none", false], [`${server.url}?embed=true#/doc/${doc.id}`, "none", false],
    [`${server.url}#/doc/${doc.id}`, "no opening", true], [`${server.url}#/doc/${doc.id}/p/${doc.paras[doc.paras.length - 1].id}`, "no opening", false]]) {
    const { page, context } = await newPage(browser);
    if (block) await page.route("**/pre/*.json*", (route) => route.fulfill({ status: 404, body: "" }));
    await page.goto(url);
    await page.waitForSelector("html[data-app-started] main#main > *", { state: "attached" });
    assert.equal(await page.evaluate(() => window.srrAppGate), reason, url);
    await context.close();
  }
});

// The opening's file also carries the document's text and dictionary part, for the app
// (src/ui/texts.rs): on a slow link boot.js shows the opening as soon as its own fields are
// in, and the app, ready before the rest has come, leaves the opening in place until it has.
test("on a slow link the opening shows before the rest of its file has come, and stays until the text is there", async () => {
  let release;
  const until = new Promise((r) => { release = r; });
  const slow = await startServer({
    // Held just after the opening's fields and the start of the next one.
    holdAfter: (path, body) => (path.endsWith(`/pre/${doc.id}.json`) ? { at: body.indexOf(',"blocks":') + 12, until } : null),
  });
  const { page, errors, context } = await newPage(browser);
  await page.goto(`${slow.url}#/doc/${doc.id}`);
  await page.locator("#prerender .doc-text > p.para").first().waitFor();
  // The app has its wasm by now, and waits for the text without taking the opening away.
  await page.waitForTimeout(1500);
  assert.equal(await page.locator("#prerender .doc-text > p.para").count() > 0, true, "the opening is still shown");
  assert.equal(await page.locator("main .lazy-loading").count(), 0, "no loading status in its place");
  release();
  await page.waitForSelector(`html[data-app-started] [data-doc="${doc.id}"] .doc-text > p[data-para]`);
  assert.equal(await page.locator("#prerender").count(), 0, "the app took its place");
  assertNoErrors(errors, "slow opening");
  await context.close();
  await slow.close();
});
