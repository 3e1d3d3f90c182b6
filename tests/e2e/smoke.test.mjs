// The shell loads from a sub-path, renders, has no console errors and no axe violations;
// without WebAssembly, or when the wasm cannot be fetched, it says what happened.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, newPage, openApp, checkA11y, shot, VIEWPORTS, assertNoErrors } from "./harness.mjs";
import { DOCS } from "./corpus.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  for (const colorScheme of ["light", "dark"]) {
    test(`shell renders at ${name} width in ${colorScheme} mode, accessibly`, async () => {
      const { page, errors, context } = await newPage(browser, { ...viewport, colorScheme });
      await openApp(page, server.url);
      assert.match(await page.locator(".brand").innerText(), /丝路读本/);
      assert.equal(await page.locator("[data-doc-card]").count(), DOCS.length);
      assert.equal(await page.locator("html").getAttribute("data-theme"), colorScheme);
      assert.ok(await page.locator("footer.site-footer").isVisible(), "footer with attribution");
      await checkA11y(page, `library (${name}, ${colorScheme})`);
      await shot(page, `library-${name}-${colorScheme}`);
      assertNoErrors(errors, "library");
      await context.close();
    });
  }
}

// Every view at a 375 px phone width, in both interface languages: the page itself never
// scrolls sideways (a select as wide as its longest option, a document title in a filter,
// once pushed the notes page 44 px wide). The tab bar scrolls inside itself; that is allowed.
test("no view scrolls sideways on a 375 px phone, in either language", async () => {
  const views = ["#/", "#/doc/li-zhu-2018-capacity-book", "#/glossary", "#/glossary/xiao-er-mei", "#/notes",
    "#/search?q=%E5%90%88%E4%BD%9C", "#/concordance?q=%E5%90%88%E4%BD%9C", "#/analytics", "#/about", "#/nope"];
  for (const locale of ["zh-CN", "en-US"]) {
    const { page, errors, context } = await newPage(browser, { ...VIEWPORTS.phone, locale });
    for (const hash of views) {
      await openApp(page, server.url, hash);
      const wide = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        if (document.documentElement.scrollWidth <= width) return null;
        const culprit = [...document.querySelectorAll("main *")].find((el) => el.getBoundingClientRect().right > width + 0.5);
        return `${document.documentElement.scrollWidth - width} px too wide` + (culprit ? ` (${culprit.tagName.toLowerCase()}.${culprit.className})` : "");
      });
      assert.equal(wide, null, `${hash} (${locale}) scrolls sideways: ${wide}`);
    }
    assertNoErrors(errors, `phone views (${locale})`);
    await context.close();
  }
});

test("the app works from the server root too (relocatable dist/)", async () => {
  const root = await startServer({ prefix: "/" });
  const { page, errors, context } = await newPage(browser);
  await openApp(page, root.url);
  assert.equal(await page.locator("[data-doc-card]").count(), DOCS.length);
  assertNoErrors(errors, "root");
  await context.close();
  await root.close();
});

test("without WebAssembly the page names the browsers that work", async () => {
  const { page, context } = await newPage(browser);
  await page.addInitScript(() => { delete window.WebAssembly; });
  await page.goto(server.url);
  const msg = page.locator("#boot-msg");
  await msg.waitFor();
  await page.waitForFunction(() => document.querySelector("#boot.boot-failed"));
  const text = await msg.innerText();
  assert.match(text, /WebAssembly/);
  assert.match(text, /Chrome \/ Edge 91\+, Firefox 89\+, Safari 16\.4\+/);
  assert.equal(await page.locator("#boot").getAttribute("role"), "alert");
  await context.close();
});

test("without wasm SIMD a linked document's opening is still shown, under a message naming the browsers", async () => {
  const { page, context } = await newPage(browser);
  // A WebAssembly without SIMD: every module that uses it fails validation.
  await page.addInitScript(() => { WebAssembly.validate = () => false; });
  const wasmRequests = [];
  page.on("request", (r) => { if (/\.wasm$/.test(r.url())) wasmRequests.push(r.url()); });
  await page.goto(`${server.url}#/doc/${DOCS[0].id}`);
  await page.waitForFunction(() => document.querySelector("#boot.boot-failed"));
  const text = await page.locator("#boot-msg").innerText();
  assert.match(text, /SIMD/);
  assert.match(text, /Chrome \/ Edge 91\+, Firefox 89\+, Safari 16\.4\+/);
  assert.equal(await page.locator("#boot").getAttribute("role"), "alert");
  // The text is readable: the opening, pre-rendered at build time, needs no wasm.
  assert.ok(await page.locator("#prerender .doc-text > p.para").first().isVisible());
  // The app is never started (the loader waits at boot.js's gate, which stays shut).
  await page.waitForTimeout(2500);
  assert.equal(await page.locator("html[data-app-started]").count(), 0);
  assert.match(await page.locator("#boot-msg").innerText(), /SIMD/, "no later message replaces it");
  assert.ok(wasmRequests.length <= 1, "at most the preload of the wasm");
  await context.close();
});

test("when the wasm cannot be fetched the page says so instead of staying blank", async () => {
  const { page, context } = await newPage(browser);
  await page.route(/\.wasm$/, (route) => route.fulfill({ status: 404, body: "gone" }));
  await page.goto(server.url);
  await page.waitForFunction(() => document.querySelector("#boot.boot-failed"), null, { timeout: 15000 });
  assert.match(await page.locator("#boot-msg").innerText(), /failed to load/);
  await context.close();
});

/** Opens a text and returns the list (kept up to date) of the wasm files the page fetches. */
async function openTextNotingWasm(page) {
  const fetched = [];
  page.on("request", (r) => { if (r.url().endsWith(".wasm")) fetched.push(r.url().split("/").pop()); });
  await openApp(page, server.url, `#/doc/${DOCS[0].id}`);
  await page.waitForTimeout(500);
  return fetched;
}

test("pages a reader of a text does not need load on first use: a text fetches none of their modules, each page its own", async () => {
  const { page, errors, context } = await newPage(browser);
  const fetched = await openTextNotingWasm(page);
  assert.deepEqual(fetched.filter((f) => !f.endsWith("_bg.wasm")), [], "a text loads the main module only");
  for (const [route, name, selector] of [["#/notes", "notes_page", "main h1"], ["#/analytics", "analytics_page", "main table"],
    ["#/search?q=%E5%90%88%E4%BD%9C", "search_page", "main h1"], ["#/concordance?q=%E5%90%88%E4%BD%9C", "concordance_page", "main h1"],
    ["#/glossary", "glossary_page", "main h1"], ["#/about", "about_page", "main h1"]]) {
    await page.evaluate((h) => { location.hash = h; }, route);
    await page.locator(selector).first().waitFor();
    assert.ok(fetched.some((f) => f.startsWith(`split_${name}`)), `${route} fetched its module (${fetched.join(", ")})`);
  }
  assertNoErrors(errors, "pages loaded on first use");
  await context.close();
});

/** Opens a text with the module `split_<name>` unreachable; returns what brings it back. */
async function openTextWithModuleBlocked(page, name) {
  const pattern = new RegExp(`split_${name}[^/]*\\.wasm$`);
  const block = (route) => route.abort();
  await page.route(pattern, block);
  await openApp(page, server.url, `#/doc/${DOCS[0].id}`);
  return () => page.unroute(pattern, block);
}

function assertOnlyTheFailedFetch(errors) {
  const real = errors.filter((e) => !/Failed to (?:load resource|fetch)|net::ERR_FAILED|split module/i.test(e));
  assert.deepEqual(real, [], "nothing but the failed fetch in the console");
}

test("a page whose module cannot be fetched says so, the app goes on, and opening it again retries", async () => {
  const { page, errors, context } = await newPage(browser);
  const unblock = await openTextWithModuleBlocked(page, "notes_page");
  await page.evaluate(() => { location.hash = "#/notes"; });
  const alert = page.locator("main [role=alert]");
  await alert.waitFor();
  assert.match(await alert.innerText(), /此页未能载入|could not be loaded/);
  // The rest of the reader still works.
  await page.locator('main a[href="#/"]').click();
  await page.locator("[data-doc-card]").first().waitFor();
  assert.equal(await page.locator("[data-doc-card]").count(), DOCS.length);
  // The network is back: the page loads.
  await unblock();
  await page.evaluate(() => { location.hash = "#/notes"; });
  await page.locator("main .notes-page").waitFor();
  assertOnlyTheFailedFetch(errors);
  await context.close();
});

test("on a slow link a page loading on first use says it is loading instead of staying blank", async () => {
  const { page, errors, context } = await newPage(browser);
  let release;
  const held = new Promise((r) => { release = r; });
  const slow = async (route) => { await held; await route.continue(); };
  await page.route(/split_about_page[^/]*\.wasm$/, slow);
  await openApp(page, server.url, `#/doc/${DOCS[0].id}`);
  await page.evaluate(() => { location.hash = "#/about"; });
  const status = page.locator("main .lazy-loading[role=status]");
  await status.waitFor();
  assert.match(await status.innerText(), /正在载入|Loading/);
  release();
  await page.locator("main h1").first().waitFor();
  assert.equal(await status.count(), 0, "the status goes once the page is there");
  assertNoErrors(errors, "a slow page module");
  await context.close();
});

test("the reader's own parts (term card, settings, note editor, citation) load when first reached for, not with the text", async () => {
  const { page, errors, context } = await newPage(browser);
  const fetched = await openTextNotingWasm(page);
  assert.ok(!fetched.some((f) => f.startsWith("split_reader_parts")), `a text alone does not fetch them (${fetched.join(", ")})`);
  // A mouse resting on a term starts the fetch while the hover delay runs; the card follows.
  const term = page.locator('[data-kind="glossary"]').first();
  await term.scrollIntoViewIfNeeded();
  await term.hover();
  await page.locator("#term-popover #popover-title").waitFor();
  assert.ok(fetched.some((f) => f.startsWith("split_reader_parts")), "hovering a term fetched them");
  await page.keyboard.press("Escape");
  // The settings panel is in the page only while open, and its button says what it controls.
  const button = page.locator(".settings-btn");
  assert.equal(await button.getAttribute("aria-controls"), null);
  await button.click();
  await page.locator("#settings-panel #set-font").waitFor();
  assert.equal(await button.getAttribute("aria-controls"), "settings-panel");
  await checkA11y(page, "settings panel loaded on first use");
  await button.click();
  await page.locator("#settings-panel").waitFor({ state: "detached" });
  // Esc inside the panel takes it out of the page and puts focus back on its button.
  await button.click();
  await page.locator("#set-font").focus();
  await page.keyboard.press("Escape");
  await page.locator("#settings-panel").waitFor({ state: "detached" });
  assert.ok(await button.evaluate((b) => document.activeElement === b), "focus goes back to the settings button");
  assertNoErrors(errors, "reader parts loaded on first use");
  await context.close();
});

test("a reader part whose module cannot be fetched says so in place, the text stays usable, and the next try loads it", async () => {
  const { page, errors, context } = await newPage(browser);
  const unblock = await openTextWithModuleBlocked(page, "reader_parts");
  const term = page.locator('[data-kind="glossary"]').first();
  await term.scrollIntoViewIfNeeded();
  await term.click();
  const alert = page.locator("#term-popover [role=alert]");
  await alert.waitFor();
  assert.match(await alert.innerText(), /这部分未能载入|could not be loaded/);
  await page.keyboard.press("Escape");
  await page.locator("#term-popover").waitFor({ state: "detached" });
  // The text itself is untouched: the legend's toggles still work.
  assert.ok((await page.locator('[data-kind="five"]').count()) > 0);
  await unblock();
  await term.click();
  await page.locator("#term-popover #popover-title").waitFor();
  assertOnlyTheFailedFetch(errors);
  await context.close();
});

test("unknown routes show a way back, not a blank page", async () => {
  const { page, context } = await newPage(browser);
  await openApp(page, server.url, "#/doc/no-such-doc");
  assert.ok(await page.locator(".not-found a[href='#/']").isVisible());
  await context.close();
});

// The wasm ships without the texts (src/ui/texts.rs): a document's text comes with its
// pre-rendered opening, pre/<doc id>.json, fetched once; a page over the whole corpus
// fetches every text; a text that cannot be fetched is said so, with a retry.
const preRequests = (page) => {
  const seen = [];
  page.on("request", (r) => { const m = /\/pre\/([a-z0-9-]+)\.json/.exec(r.url()); if (m) seen.push(m[1]); });
  return seen;
};

test("a linked document's text comes in the one file with its opening; the library fetches no text", async () => {
  const { page, errors, context } = await newPage(browser);
  const seen = preRequests(page);
  const doc = DOCS[4].id;
  await openApp(page, server.url, `#/doc/${doc}`);
  await page.waitForSelector(`[data-doc="${doc}"] [data-para]`, { state: "attached" });
  assert.deepEqual(seen, [doc], "one request, for this document, shared by boot.js and the app");
  // Counts of the legend (the build's figures) equal what the fetched text highlights.
  const five = await page.locator('[data-kind="five"]').count();
  assert.ok(five > 0);
  seen.length = 0;
  await page.locator('a[href="#/"]').first().click();
  await page.locator("[data-doc-card]").first().waitFor();
  assert.equal(await page.locator("[data-doc-card]").count(), DOCS.length);
  assert.deepEqual(seen, [], "the library's cards need no text");
  // Another document: its own text only, asked for as soon as the pointer is on its link.
  const link = page.locator(`[data-doc-card="${DOCS[0].id}"] h2 a`);
  const asked = page.waitForRequest(new RegExp(`/pre/${DOCS[0].id}\\.json`));
  await link.hover();
  await asked;
  await link.click();
  await page.waitForSelector(`[data-doc="${DOCS[0].id}"] [data-para]`, { state: "attached" });
  assert.deepEqual(seen, [DOCS[0].id]);
  assertNoErrors(errors, "texts");
  await context.close();
});

test("search fetches every text; a text that cannot be fetched is said so and a retry loads it", async () => {
  const { page, errors, context } = await newPage(browser);
  const seen = preRequests(page);
  const blocked = DOCS[2].id;
  const pattern = new RegExp(`/pre/${blocked}\\.json`);
  const block = (route) => route.abort();
  await page.route(pattern, block);
  await openApp(page, server.url, "#/");
  await page.evaluate(() => { location.hash = "#/search?q=" + encodeURIComponent("合作"); });
  const alert = page.locator("main .text-unavailable[role=alert]");
  await alert.waitFor();
  assert.match(await alert.innerText(), /文本未能载入|could not be loaded/);
  await checkA11y(page, "a text that could not be fetched");
  await page.unroute(pattern, block);
  await alert.getByRole("button").click();
  await page.locator(".search-summary").waitFor();
  assert.equal(await alert.count(), 0);
  assert.deepEqual([...new Set(seen)].sort(), DOCS.map((d) => d.id).sort(), "every text fetched");
  // The failed one twice (the failure, the retry); every other once.
  assert.equal(seen.length, DOCS.length + 1);
  assertOnlyTheFailedFetch(errors);
  await context.close();
});
