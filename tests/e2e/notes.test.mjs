// Notes end to end: select → note → mark; reload; edit; delete with undo; keyboard;
// two tabs; full, corrupted and blocked storage; import of good, duplicate and malformed
// files; export→import round trip; Markdown export; orphans; hostile input stays text.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { startServer, launch, newPage, openApp, openDoc, checkA11y, shot, VIEWPORTS, assertNoErrors, selectText } from "./harness.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const DOC = "pan-2019-manufacturing";
const KEY = "silk-road-reader/notes";

const select = selectText;

async function paraText(page, para) {
  return page.locator(`[data-para="${para}"]`).evaluate((e) => e.textContent);
}

async function addNote(page, para, start, end, text, { colour = "green", tags = "" } = {}) {
  await select(page, para, start, end);
  await page.locator('[data-action="note-passage"]').click();
  await page.locator("#note-editor").waitFor();
  await page.locator("#note-text").fill(text);
  await page.locator(`label[for="note-colour-${colour}"]`).click();
  if (tags) await page.locator("#note-tags").fill(tags);
  await page.locator("#note-editor .primary").click();
  await page.locator("#note-editor").waitFor({ state: "detached" });
}

test("select, note, mark; the note survives a reload, opens from its mark, and can be deleted and undone", async () => {
  const { page, errors, context } = await newPage(browser);
  await openDoc(page, server.url, DOC);
  const text = await paraText(page, "p5");
  await addNote(page, "p5", 4, 14, "分析：出口结构", { colour: "blue", tags: "出口, trade" });
  const mark = page.locator('[data-para="p5"] mark.note');
  assert.equal(await mark.evaluateAll((ms) => ms.map((m) => m.textContent).join("")), text.slice(4, 14));
  assert.match(await mark.first().getAttribute("class"), /c-blue/);
  assert.equal(await paraText(page, "p5"), text, "marks add no text");
  await page.reload();
  await page.waitForSelector('[data-para="p5"] mark.note', { state: "attached" });
  // A highlight inside a term opens the term; the note opens from plain highlighted text.
  await page.locator('[data-para="p5"] mark.note').evaluateAll((ms) => ms.forEach((m, i) => { if (!m.closest("[data-term]")) m.dataset.plain = String(i); }));
  await page.locator('[data-para="p5"] mark.note[data-plain]').first().click();
  await page.locator("#note-editor").waitFor();
  assert.equal(await page.locator("#note-text").inputValue(), "分析：出口结构");
  assert.equal(await page.locator("#note-tags").inputValue(), "出口, trade");
  await checkA11y(page, "note editor open");
  await shot(page, "note-editor-desktop-light");
  await page.locator("#note-editor .danger").click();
  assert.equal(await page.locator('[data-para="p5"] mark.note').count(), 0);
  await page.locator('[data-action="undo-delete"]').click();
  await page.waitForSelector('[data-para="p5"] mark.note', { state: "attached" });
  const cards = page.locator(".doc-notes [data-note]");
  assert.equal(await cards.count(), 1, "the notes panel lists it");
  assertNoErrors(errors, "notes flow");
  await context.close();
});

test("keyboard: Alt+Shift+M notes the selection, Ctrl+Enter saves, Esc cancels", async () => {
  const { page, context } = await newPage(browser);
  await openDoc(page, server.url, DOC);
  await select(page, "p7", 0, 6);
  await page.keyboard.press("Alt+Shift+M");
  await page.locator("#note-editor").waitFor();
  // The editor takes the focus in the frame after it opens (keys pressed before go elsewhere).
  await page.waitForFunction(() => document.activeElement?.id === "note-text", null, { timeout: 5000 });
  await page.keyboard.type("keyboard note");
  await page.keyboard.press("Control+Enter");
  await page.locator("#note-editor").waitFor({ state: "detached" });
  assert.equal(await page.locator('[data-para="p7"] mark.note').count() > 0, true);
  await page.evaluate(() => getSelection().removeAllRanges());
  await page.keyboard.press("Alt+Shift+M");
  await page.locator("#note-editor").waitFor();
  assert.match(await page.locator(".note-target").innerText(), /全文笔记|Note on this text/);
  await page.waitForFunction(() => document.activeElement?.id === "note-text", null, { timeout: 5000 });
  await page.keyboard.press("Escape");
  await page.locator("#note-editor").waitFor({ state: "detached" });
  await context.close();
});

test("a note made in one tab appears in another", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page: a } = await newPage(browser, { context });
  const { page: b } = await newPage(browser, { context });
  await openDoc(a, server.url, DOC);
  await openDoc(b, server.url, DOC);
  await addNote(a, "p6", 0, 8, "from tab A");
  await b.waitForSelector('[data-para="p6"] mark.note', { state: "attached", timeout: 5000 });
  assert.match(await b.locator(".doc-notes").innerText(), /from tab A/);
  await addNote(b, "p8", 0, 5, "from tab B");
  await a.waitForSelector('[data-para="p8"] mark.note', { state: "attached", timeout: 5000 });
  const stored = JSON.parse(await a.evaluate((k) => localStorage.getItem(k), KEY));
  assert.equal(stored.notes.filter((n) => !n.deleted).length, 2, "both notes are stored");
  await context.close();
});

test("a full quota keeps the note in memory and says it is not saved", async () => {
  const { page, context } = await newPage(browser);
  await page.addInitScript((key) => {
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (k === key) throw new DOMException("full", "QuotaExceededError");
      return set.call(this, k, v);
    };
  }, KEY);
  await openDoc(page, server.url, DOC);
  await addNote(page, "p5", 0, 6, "unsaved");
  await page.locator('[data-storage-banner="StorageFull"]').waitFor();
  assert.ok(await page.locator('[data-para="p5"] mark.note').count() > 0, "the note stays on the page");
  assert.ok(await page.locator('.storage-banner [data-action="export-json"]').isVisible(), "export is offered");
  await checkA11y(page, "storage banner");
  await context.close();
});

test("corrupted storage is backed up, never overwritten, and can be downloaded", async () => {
  const { page, context } = await newPage(browser);
  await page.addInitScript((key) => { if (!sessionStorage.getItem("seeded")) { localStorage.setItem(key, "{\"format\":\"silk-road-reader-notes\",\"version\":1,\"notes\":[{broken"); sessionStorage.setItem("seeded", "1"); } }, KEY);
  await openDoc(page, server.url, DOC);
  await page.locator('[data-storage-banner="StorageUnreadable"]').waitFor();
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes("backup")).map((k) => localStorage.getItem(k)));
  assert.equal(backups.length, 1);
  assert.match(backups[0], /\{broken/);
  const download = page.waitForEvent("download");
  await page.locator('[data-action="download-raw"]').click();
  const file = await (await download).path();
  assert.match(await readFile(file, "utf8"), /\{broken/);
  await context.close();
});

test("a newer format is left untouched; blocked storage keeps notes for the visit", async () => {
  const { page, context } = await newPage(browser);
  const future = JSON.stringify({ format: "silk-road-reader-notes", version: 9, notes: [] });
  await page.addInitScript(([key, v]) => localStorage.setItem(key, v), [KEY, future]);
  await openDoc(page, server.url, DOC);
  await page.locator('[data-storage-banner="StorageFuture"]').waitFor();
  await addNote(page, "p5", 0, 4, "in memory");
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), future, "never overwritten");
  await context.close();

  const blocked = await newPage(browser);
  await blocked.page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", { get() { throw new DOMException("denied", "SecurityError"); } });
  });
  await openDoc(blocked.page, server.url, DOC);
  await blocked.page.locator('[data-storage-banner="StorageUnavailable"]').waitFor();
  await addNote(blocked.page, "p5", 0, 4, "visit only");
  assert.ok(await blocked.page.locator('[data-para="p5"] mark.note').count() > 0);
  await blocked.context.close();
});

test("export JSON then import into a fresh browser round-trips exactly; Markdown carries citations", async () => {
  const { page, context } = await newPage(browser);
  await openDoc(page, server.url, DOC);
  await addNote(page, "p5", 2, 9, "first", { tags: "a, b" });
  await addNote(page, "p9", 0, 5, "second", { colour: "pink" });
  await openApp(page, server.url, "#/notes");
  let download = page.waitForEvent("download");
  await page.locator('.notes-exchange [data-action="export-json"]').click();
  const exported = await readFile(await (await download).path(), "utf8");
  download = page.waitForEvent("download");
  await page.locator('[data-action="export-md"]').click();
  const md = await readFile(await (await download).path(), "utf8");
  assert.match(md, /> /, "quotes as blockquotes");
  assert.match(md, /#\/doc\/pan-2019-manufacturing\/p\/p5/, "a deep link to the paragraph");
  assert.match(md, /2019/);
  await context.close();

  const fresh = await newPage(browser);
  await openApp(fresh.page, server.url, "#/notes");
  await fresh.page.locator("#notes-import").setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from(exported) });
  await fresh.page.locator("[data-import-report]").waitFor();
  assert.match(await fresh.page.locator("[data-import-report]").innerText(), /2/);
  const again = fresh.page.waitForEvent("download");
  await fresh.page.locator('.notes-exchange [data-action="export-json"]').click();
  const reexported = await readFile(await (await again).path(), "utf8");
  assert.deepEqual(JSON.parse(reexported), JSON.parse(exported), "export → import → export is identical");
  // Importing the same file again adds nothing.
  await fresh.page.locator("#notes-import").setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from(exported) });
  await fresh.page.waitForFunction(() => /0 (条新增|added)/.test(document.querySelector("[data-import-report]").innerText));
  assert.equal(await fresh.page.locator(".note-list [data-note]").count(), 2);
  // A malformed file is reported precisely and loses nothing.
  const bad = JSON.parse(exported);
  bad.notes[0].colour = "red";
  await fresh.page.locator("#notes-import").setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad)) });
  await fresh.page.waitForFunction(() => /colour/.test(document.querySelector("[data-import-report]").innerText));
  await fresh.page.locator("#notes-import").setInputFiles({ name: "junk.json", mimeType: "application/json", buffer: Buffer.from("not json at all") });
  await fresh.page.waitForFunction(() => document.querySelector("[data-import-report].problems"));
  assert.equal(await fresh.page.locator(".note-list [data-note]").count(), 2, "nothing lost");
  await checkA11y(fresh.page, "notes page");
  await shot(fresh.page, "notes-page-desktop-light");
  await fresh.context.close();
});

test("a note whose passage is gone is listed as an orphan with its quote", async () => {
  const { page, context } = await newPage(browser);
  const orphan = { format: "silk-road-reader-notes", version: 1, notes: [{
    id: "n-orphan-1", doc: DOC, target: { kind: "passage", para: "p999", quote: "这段文字已不存在于任何文本之中", prefix: "", suffix: "", start_utf16: 0, end_utf16: 15, start_char: 0, end_char: 15 },
    text: "lost?", colour: "yellow", tags: [], created: 1700000000000, updated: 1700000000000, deleted: null }] };
  await page.addInitScript(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify(orphan)]);
  await openDoc(page, server.url, DOC);
  const card = page.locator('.doc-notes [data-orphan="true"]');
  await card.waitFor();
  assert.match(await card.innerText(), /这段文字已不存在于任何文本之中/);
  await context.close();
});

const XSS = [
  "<script>window.__xss=1</script>", "<img src=x onerror=window.__xss=1>", "<svg onload=window.__xss=1>",
  "\"><script>window.__xss=1</script>", "'><img src=x onerror=window.__xss=1>", "javascript:window.__xss=1",
  "<iframe src=javascript:window.__xss=1>", "<body onload=window.__xss=1>", "<a href=javascript:window.__xss=1>x</a>",
  "<details open ontoggle=window.__xss=1>", "<math><mi xlink:href=javascript:window.__xss=1>x</mi></math>",
  "{{constructor.constructor('window.__xss=1')()}}", "<style>@import 'javascript:window.__xss=1'</style>",
  "<input autofocus onfocus=window.__xss=1>", "<video><source onerror=window.__xss=1>", "<marquee onstart=window.__xss=1>",
  "<object data=javascript:window.__xss=1>", "<embed src=javascript:window.__xss=1>", "`${window.__xss=1}`",
  "</textarea><script>window.__xss=1</script>", "<select autofocus onfocus=window.__xss=1>", "<mark data-mark=\"x\" onclick=window.__xss=1>",
];

test("hostile text in notes, tags, imported files and the URL hash never runs", async () => {
  const { page, context } = await newPage(browser);
  page.on("dialog", () => { throw new Error("a dialog opened"); });
  await openDoc(page, server.url, DOC);
  for (const [i, payload] of XSS.slice(0, 6).entries()) {
    await addNote(page, "p5", i, i + 3, payload, { tags: payload });
  }
  const notes = XSS.map((p, i) => ({
    id: `n-x-${i}`, doc: DOC, target: { kind: "passage", para: "p6", quote: "制造业", prefix: p.slice(0, 32), suffix: p.slice(0, 32), start_utf16: 0, end_utf16: 3, start_char: 0, end_char: 3 },
    text: p, colour: "yellow", tags: [p.slice(0, 60)], created: 1700000000000 + i, updated: 1700000000000 + i, deleted: null,
  }));
  await openApp(page, server.url, "#/notes");
  await page.locator("#notes-import").setInputFiles({ name: "x.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ format: "silk-road-reader-notes", version: 1, notes })) });
  await page.locator("[data-import-report]").waitFor();
  const shown = await page.locator(".note-list").innerText();
  assert.ok(shown.includes("<img src=x onerror=window.__xss=1>"), "payloads are shown as text");
  for (const p of XSS) {
    await page.evaluate((h) => { location.hash = h; }, "#/doc/" + encodeURIComponent(p) + "/p/" + encodeURIComponent(p) + "?q=" + encodeURIComponent(p));
    await page.evaluate((h) => { location.hash = h; }, "#/search?q=" + encodeURIComponent(p));
  }
  await openDoc(page, server.url, DOC);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__xss), undefined, "no payload executed");
  assert.equal(await page.locator("script:not([src])").evaluateAll((s) => s.filter((x) => x.textContent.includes("__xss")).length), 0);
  await context.close();
});

test("phone: the note action sits at the bottom, clear of the system selection bar", async () => {
  const { page, context } = await newPage(browser, { ...VIEWPORTS.phone });
  await openDoc(page, server.url, DOC);
  await select(page, "p5", 0, 6);
  const bar = page.locator(".selection-bar");
  await bar.waitFor();
  const box = await bar.boundingBox();
  assert.ok(box.y + box.height > 740 - 80, `at the bottom: ${JSON.stringify(box)}`);
  await page.locator('[data-action="note-passage"]').tap();
  await page.locator("#note-editor").waitFor();
  await checkA11y(page, "phone editor");
  await shot(page, "note-editor-phone-light");
  await context.close();
});
