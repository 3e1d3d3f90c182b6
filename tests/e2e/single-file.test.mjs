// The single-file reader (dist/reader.html, `scripts/build.sh --single-file`): one file,
// copied alone into an empty folder, opens from file:// and works with nothing fetched but
// itself: library, documents, the full glossary (embedded), settings and notes kept in
// localStorage.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { copyFile, mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { launch, newPage, checkA11y, shot, assertNoErrors, DIST } from "./harness.mjs";
import { DOCS, FIVE } from "./corpus.mjs";

const SINGLE = join(DIST, "reader.html");
let browser, dir, url;
before(async () => {
  await stat(SINGLE).catch(() => { throw new Error("dist/reader.html is missing: run scripts/build.sh --single-file"); });
  // Alone in a folder: nothing beside it to fetch.
  dir = await mkdtemp(join(tmpdir(), "srr-single-"));
  await copyFile(SINGLE, join(dir, "reader.html"));
  url = pathToFileURL(join(dir, "reader.html")).href;
  browser = await launch();
});
after(async () => { await browser?.close(); if (dir) await rm(dir, { recursive: true, force: true }); });

test("reader.html holds everything: no script, style or data file outside it", async () => {
  const html = await readFile(SINGLE, "utf8");
  // (assert.ok, not doesNotMatch: a failure would print all 1.7 MB.)
  assert.ok(!/<script[^>]*\bsrc=/.test(html), "no <script src>");
  assert.ok(!/<link[^>]*rel="(?:stylesheet|modulepreload|preload)"/.test(html), "no linked styles or preloads");
  assert.ok(!/<meta name="srr-sw"/.test(html), "no service worker in the single file");
  const glossaryFile = (await readdir(DIST)).find((f) => /^glossary-[0-9a-f]+\.json$/.test(f));
  const full = JSON.parse(await readFile(join(DIST, glossaryFile), "utf8"));
  const embedded = JSON.parse(html.match(/<script type="application\/json" id="srr-glossary">([\s\S]*?)<\/script>/)[1]);
  assert.deepEqual(embedded, full, "the full glossary, definitions included");
});

test("opens from file:// and renders a document, fetching nothing but itself", async () => {
  const { page, errors, context } = await newPage(browser);
  const fetched = [];
  page.on("request", (r) => fetched.push(r.url()));
  const doc = DOCS[2];
  const para = doc.paras[1].id;
  await page.goto(`${url}#/doc/${doc.id}/p/${para}`);
  await page.waitForSelector(`html[data-app-started] [data-doc="${doc.id}"] [data-para="${para}"].is-target`, { timeout: 30000 });
  assert.equal(await page.locator(".doc-title").innerText(), doc.title);
  // Other documents, from the library.
  await page.evaluate(() => { location.hash = "#/"; });
  await page.waitForSelector("[data-doc-card]");
  assert.equal(await page.locator("[data-doc-card]").count(), DOCS.length);
  assert.equal(await page.locator(".embed-open-btn").count(), 0, "no Embed button in a file:// copy");
  // A definition, from the glossary embedded in the file.
  await page.evaluate(() => { location.hash = "#/doc/sheng-zhang-2025-capacity"; });
  const term = page.locator('[data-kind="glossary"][data-id="xiao-er-mei"]').first();
  await term.scrollIntoViewIfNeeded();
  await term.click();
  await page.locator("#term-popover .definition").waitFor();
  assert.match(await page.locator("#term-popover").innerText(), /small yet smart/);
  await page.keyboard.press("Escape");
  await page.evaluate(() => { location.hash = "#/"; });
  await page.waitForSelector("[data-doc-card]");
  const outside = fetched.filter((u) => !u.startsWith("file:") && !u.startsWith("data:") && !u.startsWith("blob:"));
  assert.deepEqual(outside, [], "nothing fetched from outside the file");
  assert.equal(await page.evaluate(() => document.getElementById("srr-glossary") !== null), true);
  await checkA11y(page, "single file");
  await shot(page, "single-file-library");
  assertNoErrors(errors, "single file");
  await context.close();
});

/** Selects characters [start, end) (UTF-16) of a paragraph's text, as a reader would. */
async function select(page, para, start, end) {
  await page.evaluate(([para, start, end]) => {
    const walker = document.createTreeWalker(document.querySelector(`[data-para="${para}"]`), NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let at = 0, node, started = false;
    while ((node = walker.nextNode())) {
      if (!started && start <= at + node.data.length) { range.setStart(node, start - at); started = true; }
      if (end <= at + node.data.length) { range.setEnd(node, end - at); break; }
      at += node.data.length;
    }
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  }, [para, start, end]);
}

test("a note written in reader.html opened from file:// is there again after reopening the file", async () => {
  const { page, errors, context } = await newPage(browser);
  const doc = DOCS[1];
  const para = doc.paras[1].id;
  await page.goto(`${url}#/doc/${doc.id}`);
  await page.waitForSelector(`html[data-app-started] [data-doc="${doc.id}"] [data-para="${para}"]`, { state: "attached", timeout: 30000 });
  await select(page, para, 2, 10);
  await page.locator('[data-action="note-passage"]').click();
  await page.locator("#note-editor").waitFor();
  await page.locator("#note-text").fill("U 盘里的笔记 · a note on the USB stick");
  await page.locator("#note-editor .primary").click();
  await page.locator("#note-editor").waitFor({ state: "detached" });
  assert.equal(await page.locator(".storage-banner").count(), 0, "storage works from file://");

  // Reopen the file, as a new visit: the note and its mark are there.
  await page.goto("about:blank");
  await page.goto(`${url}#/notes`);
  await page.waitForSelector("html[data-app-started] [data-note]", { timeout: 30000 });
  assert.match(await page.locator("[data-note]").first().innerText(), /U 盘里的笔记/);
  await page.goto(`${url}#/doc/${doc.id}`);
  await page.waitForSelector(`[data-para="${para}"] mark.note`, { state: "attached", timeout: 30000 });
  assertNoErrors(errors, "single file notes");
  await context.close();
});

test("localStorage works from file://: settings chosen in reader.html survive a reload", async () => {
  const { page, errors, context } = await newPage(browser);
  const doc = DOCS[0];
  await page.goto(`${url}#/doc/${doc.id}`);
  await page.waitForSelector(`html[data-app-started] [data-doc="${doc.id}"] [data-para]`, { state: "attached", timeout: 30000 });
  assert.equal(await page.evaluate(() => {
    localStorage.setItem("srr-probe", "一带一路");
    return localStorage.getItem("srr-probe");
  }), "一带一路");
  const toggle = page.locator(`[data-five-toggle="${FIVE[1]}"]`);
  assert.equal(await toggle.getAttribute("aria-pressed"), "true");
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-pressed"), "false");
  await page.reload();
  await page.waitForSelector(`html[data-app-started] [data-doc="${doc.id}"] [data-para]`, { state: "attached", timeout: 30000 });
  assert.equal(await page.locator(`[data-five-toggle="${FIVE[1]}"]`).getAttribute("aria-pressed"), "false");
  assert.equal(await page.evaluate(() => localStorage.getItem("srr-probe")), "一带一路");
  assertNoErrors(errors, "single file storage");
  await context.close();
});
