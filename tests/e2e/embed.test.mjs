// Embedding: the reader (served on 127.0.0.1) inside a think tank's page (served on
// localhost, another site), as public/embed-demo.html does it. The frames are compact,
// take their options from the URL, size themselves to their content through embed.js (no
// inner scrollbar), talk only to the origin they should, say when notes cannot be kept,
// and never change the reader's own stored settings. The "Embed" dialog writes a snippet
// that works on another site as it stands.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { startServer, launch, newPage, openApp, openDoc, checkA11y, shot, assertNoErrors, DIST } from "./harness.mjs";
import { DOCS, FIVE } from "./corpus.mjs";

const FIVE_IDS = ["zheng-ce-gou-tong", "she-shi-lian-tong", "mao-yi-chang-tong", "zi-jin-rong-tong", "min-xin-xiang-tong"];
const SETTINGS_KEY = "silk-road-reader/settings/v1";
const HTML = "text/html; charset=utf-8";
const doc = (id) => DOCS.find((d) => d.id === id);

let reader, host, sandboxed, browser;
const hostRoutes = {};
before(async () => {
  reader = await startServer();
  // A reader whose pages have an opaque origin, so localStorage throws, as in a sandboxed
  // or storage-blocked third-party frame. CORS lets its scripts and wasm load there;
  // allow-popups lets its "open in the full reader" link open a tab.
  sandboxed = await startServer({ headers: {
    "content-security-policy": "sandbox allow-scripts allow-popups allow-popups-to-escape-sandbox",
    "access-control-allow-origin": "*",
  } });
  host = await startServer({ host: "localhost", prefix: "/site/", extraRoutes: hostRoutes });
  const demo = await readFile(join(DIST, "embed-demo.html"), "utf8");
  // The demo uses relative URLs (it ships beside the reader); on the host site they point at the reader.
  hostRoutes["/article.html"] = [HTML, demo.replace("<head>", `<head>\n  <base href="${reader.url}">`)];
  hostRoutes["/favicon.ico"] = ["image/svg+xml", await readFile(join(DIST, "favicon.svg"))];
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const s of [reader, host, sandboxed]) await s?.close();
});

/** A minimal host page with one embed. */
function hostPage(src, title = "Embedded reader") {
  return [HTML, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head>
<body><main><h1>Host page</h1>
<iframe src="${src.replace(/&/g, "&amp;")}" title="${title}" data-silk-road-reader style="width:100%;height:480px;border:0"></iframe>
</main><script src="${reader.url}embed.js" async></script></body></html>`];
}

/** The n-th reader frame of a host page, once its text has rendered. */
async function readerFrame(page, n = 0) {
  const iframe = page.locator("iframe[data-silk-road-reader]").nth(n);
  await iframe.scrollIntoViewIfNeeded();
  const frame = await (await iframe.elementHandle()).contentFrame();
  await frame.waitForSelector("html[data-app-started] [data-doc] [data-para]", { state: "attached", timeout: 20000 });
  return { iframe, frame };
}

const iframeHeight = (iframe) => iframe.evaluate((f) => f.getBoundingClientRect().height);

/** Waits until the iframe is exactly as tall as its content and nothing scrolls inside. */
async function waitForFit({ iframe, frame }, label) {
  let last;
  for (let i = 0; i < 100; i++) {
    const inner = await frame.evaluate(() => ({
      content: Math.ceil(document.documentElement.getBoundingClientRect().height),
      scroll: document.documentElement.scrollHeight,
      viewport: window.innerHeight,
    }));
    const outer = await iframeHeight(iframe);
    last = { ...inner, outer };
    if (Math.abs(outer - inner.content) <= 1 && inner.scroll <= inner.viewport) return outer;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`${label}: the iframe never fitted its content: ${JSON.stringify(last)}`);
}

const visibleParas = (frame) => frame.locator(".doc-text [data-para]").evaluateAll((ps) =>
  ps.filter((p) => p.getClientRects().length > 0).map((p) => p.dataset.para));

test("the demo page embeds two compact readers that size themselves to their content", async () => {
  const { page, errors, context } = await newPage(browser, { locale: "en-GB" });
  await page.goto(host.origin + "/article.html");

  const full = await readerFrame(page, 0);
  const passage = await readerFrame(page, 1);
  const fullHeight = await waitForFit(full, "document embed");
  const passageHeight = await waitForFit(passage, "passage embed");
  assert.ok(fullHeight > 1500, `the whole text is shown (${fullHeight}px)`);
  assert.ok(passageHeight < fullHeight / 2, `a passage is short (${passageHeight}px)`);
  // The frames did not take the host page's keyboard focus.
  assert.notEqual(await page.evaluate(() => document.activeElement && document.activeElement.tagName), "IFRAME");

  // Compact: no site header or footer, a strip with the way to the full reader.
  const xu = "xu-2023-bri-tenth-year";
  for (const { frame } of [full, passage]) {
    assert.equal(await frame.locator("header.site-header, footer.site-footer").count(), 0);
    assert.ok(await frame.locator(".embed-bar").isVisible());
  }
  const open = full.frame.locator("a.embed-open");
  assert.equal(await open.getAttribute("href"), `${reader.url}#/doc/${xu}`);
  assert.equal(await open.getAttribute("target"), "_blank");
  assert.equal(await passage.frame.locator("a.embed-open").getAttribute("href"), `${reader.url}#/doc/pan-2019-manufacturing/p/p1`);

  // Options from the URL: lang=en&theme=light, and lang=zh&theme=sepia&five=11010 with one passage.
  assert.equal(await full.frame.locator("html").getAttribute("lang"), "en");
  assert.equal(await full.frame.locator("html").getAttribute("data-theme"), "light");
  assert.equal(await full.frame.locator(".doc-title").innerText(), doc(xu).title);
  assert.equal((await visibleParas(full.frame)).length, doc(xu).paras.length);
  assert.equal(await passage.frame.locator("html").getAttribute("lang"), "zh-Hans");
  assert.equal(await passage.frame.locator("html").getAttribute("data-theme"), "sepia");
  assert.deepEqual(await visibleParas(passage.frame), ["p1"]);
  const text = passage.frame.locator(".doc-text");
  for (const [i, on] of [true, true, false, true, false].entries()) {
    assert.equal(await text.evaluate((el, c) => el.classList.contains(c), `hide-${FIVE_IDS[i]}`), !on, FIVE[i]);
    assert.equal(await passage.frame.locator(`[data-five-toggle="${FIVE[i]}"]`).getAttribute("aria-pressed"), String(on));
  }

  // The frame follows its content: unfolding the source and publication details makes it taller.
  await full.frame.locator(".doc-byline").click();
  const grown = await waitForFit(full, "after unfolding the publication details");
  assert.ok(grown > fullHeight + 20, `grew from ${fullHeight} to ${grown}`);

  // Only the frames' own messages count: one from the host page itself is ignored.
  await page.evaluate(() => window.postMessage({ type: "silk-road-reader:height", height: 12 }, "*"));
  await page.waitForTimeout(300);
  assert.equal(await iframeHeight(full.iframe), grown);

  await checkA11y(page, "embed demo (host page)");
  await checkA11y(full.frame, "document embed");
  await checkA11y(passage.frame, "passage embed");
  await passage.iframe.evaluate((f) => f.scrollIntoView({ block: "center" }));
  await page.waitForTimeout(500); // an out-of-process frame paints a moment after it scrolls in
  await shot(page, "embed-demo-passage");
  assertNoErrors(errors, "embed demo");
  await context.close();
});

test("with host= in its URL the reader talks to that origin only", async () => {
  const id = DOCS[1].id;
  hostRoutes["/strict.html"] = hostPage(`${reader.url}?embed=1&doc=${id}&host=${encodeURIComponent(host.origin)}`);
  hostRoutes["/wrong.html"] = hostPage(`${reader.url}?embed=1&doc=${id}&host=${encodeURIComponent("https://elsewhere.example")}`);
  const { page, context } = await newPage(browser);

  await page.goto(host.origin + "/strict.html");
  const strict = await readerFrame(page);
  assert.ok((await waitForFit(strict, "strict host")) > 480);

  await page.goto(host.origin + "/wrong.html");
  const wrong = await readerFrame(page);
  await page.waitForTimeout(1500);
  assert.equal(await iframeHeight(wrong.iframe), 480, "heights posted to another origin never arrive");
  assert.equal(await wrong.iframe.getAttribute("data-silk-road-reader-height"), null);
  await context.close();
});

test("where storage is blocked, the embed says notes cannot be kept, in both languages, with the full reader a click away", async () => {
  const d = DOCS[3];
  const para = d.paras[1].id;
  hostRoutes["/sandboxed.html"] = hostPage(`${sandboxed.url}?embed=1&doc=${d.id}&para=${para}&lang=en`);
  const { page, errors, context } = await newPage(browser);
  await page.goto(host.origin + "/sandboxed.html");
  const { frame } = await readerFrame(page);
  assert.equal(await frame.evaluate(() => { try { return String(localStorage.length); } catch (e) { return e.name; } }), "SecurityError");

  const warning = frame.locator(".embed-warning");
  await warning.waitFor({ state: "visible" });
  assert.match(await warning.locator("[lang='en']").innerText(), /Notes cannot be kept here/);
  assert.match(await warning.locator("[lang='zh-Hans']").innerText(), /无法保存笔记/);
  const open = frame.locator("a.embed-open");
  assert.equal(await open.getAttribute("href"), `${sandboxed.url}#/doc/${d.id}/p/${para}`, "same passage, without embed=1");
  assert.equal(await open.getAttribute("target"), "_blank");
  assert.match(await open.getAttribute("rel"), /noopener/);
  assert.match(await open.innerText(), /Open in the full reader/);
  assert.deepEqual(await visibleParas(frame), [para]);
  // Notes taken in this visit can still be taken away; the full reader's banner is not repeated.
  assert.equal(await warning.locator('[data-action="export-json"]').count(), 1);
  assert.equal(await frame.locator(".storage-banner").count(), 0);

  // The link opens the full reader at the passage.
  const [tab] = await Promise.all([context.waitForEvent("page"), open.click()]);
  await tab.waitForSelector(`html[data-app-started] [data-para="${para}"].is-target`, { timeout: 20000 });
  assert.equal(await tab.locator("header.site-header").count(), 1);

  await checkA11y(frame, "embed with storage blocked");
  await shot(page, "embed-storage-blocked");
  assertNoErrors(errors, "storage-blocked embed");
  await context.close();
});

test("an embed applies its URL options without touching the reader's stored settings", async () => {
  const { page, errors, context } = await newPage(browser);
  const d = DOCS[0];
  const embedUrl = `${reader.url}?embed=1&doc=${d.id}&theme=sepia&lang=en&five=00100`;

  // An embed opened on its own registers no service worker and shows no storage warning.
  await page.goto(embedUrl);
  await page.waitForSelector(`html[data-embed] [data-doc="${d.id}"] [data-para]`, { state: "attached", timeout: 20000 });
  await page.waitForLoadState("load");
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
  assert.equal(await page.locator(".embed-warning").count(), 0);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), SETTINGS_KEY), null, "nothing stored by an embed");

  // The reader's own choices, made in the full reader.
  await openApp(page, reader.url);
  await page.evaluate((k) => localStorage.setItem(k, JSON.stringify({ theme: "dark", lang: "zh", five: [true, false, true, true, true] })), SETTINGS_KEY);
  await page.reload();
  await page.waitForSelector("html[data-app-started] main#main > *");
  assert.equal(await page.locator("html").getAttribute("data-theme"), "dark");
  const stored = await page.evaluate((k) => localStorage.getItem(k), SETTINGS_KEY);

  await page.goto(embedUrl);
  await page.waitForSelector(`html[data-embed] [data-doc="${d.id}"] [data-para]`, { state: "attached", timeout: 20000 });
  assert.equal(await page.locator("html").getAttribute("data-theme"), "sepia");
  assert.equal(await page.locator("html").getAttribute("lang"), "en");
  assert.deepEqual(await page.locator("[data-five-toggle]").evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-pressed"))),
    ["false", "false", "true", "false", "false"]);
  // Changing the highlighting inside the embed lasts for the visit only.
  await page.locator("[data-five-all='on']").click();
  assert.equal(await page.locator(`[data-five-toggle="${FIVE[0]}"]`).getAttribute("aria-pressed"), "true");
  await checkA11y(page, "embed (top level)");
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), SETTINGS_KEY), stored, "stored settings unchanged");

  await openApp(page, reader.url);
  assert.equal(await page.locator("html").getAttribute("data-theme"), "dark");
  assertNoErrors(errors, "embed options");
  await context.close();
});

test("the Embed dialog writes a snippet that works on another site as it stands", async () => {
  const { page, errors, context } = await newPage(browser);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: reader.origin });
  const d = DOCS[5];
  const para = d.paras[2].id;
  await openDoc(page, reader.url, d.id, para);

  // Keyboard: the button opens a modal dialog with focus inside; Esc closes it and focus returns.
  const button = page.locator(".reader-tools .embed-open-btn");
  await button.focus();
  await page.keyboard.press("Enter");
  const dialog = page.locator("dialog#embed-dialog");
  await dialog.waitFor({ state: "visible" });
  assert.equal(await page.evaluate(() => !!document.activeElement.closest("dialog#embed-dialog")), true);
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains("embed-open-btn")), true);

  await button.click();
  assert.equal(await page.locator("#embed-scope").inputValue(), para, "starts from the paragraph of the deep link");
  await page.locator("#embed-lang").selectOption("en");
  await page.locator("#embed-theme").selectOption("sepia");
  await page.locator("#embed-host").fill("localhost:1234/page");
  assert.equal(await page.locator("#embed-host").getAttribute("aria-invalid"), "true");
  assert.match(await page.locator("#embed-host-hint").innerText(), /有效的源/);
  await page.locator("#embed-host").fill(host.origin);
  assert.equal(await page.locator("#embed-host").getAttribute("aria-invalid"), "false");
  const code = await page.locator("#embed-code").inputValue();
  const src = `${reader.url}?embed=1&doc=${d.id}&para=${para}&lang=en&theme=sepia&host=${encodeURIComponent(host.origin)}`;
  assert.ok(code.includes(`src="${src.replace(/&/g, "&amp;")}"`), code);
  assert.ok(code.includes(`<script src="${reader.url}embed.js" async></script>`), code);
  assert.match(code, /data-silk-road-reader/);
  assert.match(code, /title="[^"]+丝路读本/);
  await checkA11y(page, "embed dialog");
  await shot(page, "embed-dialog");

  await page.locator(".embed-copy").click();
  await page.locator(".toast-msg").waitFor();
  assert.match(await page.locator(".toast-msg").innerText(), /嵌入代码已复制/);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code);

  // Pasted into a page on another site, unchanged.
  hostRoutes["/pasted.html"] = [HTML, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pasted</title></head><body><main>${code}</main></body></html>`];
  const { page: hostTab, errors: hostErrors } = await newPage(browser, { context });
  await hostTab.goto(host.origin + "/pasted.html");
  const embedded = await readerFrame(hostTab);
  await waitForFit(embedded, "pasted snippet");
  assert.deepEqual(await visibleParas(embedded.frame), [para]);
  assert.equal(await embedded.frame.locator("html").getAttribute("lang"), "en");
  assert.equal(await embedded.frame.locator("html").getAttribute("data-theme"), "sepia");
  assertNoErrors(errors, "embed dialog");
  assertNoErrors(hostErrors, "pasted snippet");
  await context.close();
});
