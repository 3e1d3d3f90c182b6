// Search, concordance, analytics and citation end to end: a query finds the expected
// paragraphs, a result opens its paragraph with the hit marked, the concordance sorts and
// exports, the chart numbers equal the counts, a citation reaches the clipboard and its
// link reopens the passage.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { startServer, launch, newPage, openApp, openDoc, checkA11y, shot, VIEWPORTS, assertNoErrors, selectText } from "./harness.mjs";
import { DOCS } from "./corpus.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Paragraphs (doc id, para id) whose source text contains `q`, whitespace removed. */
function expected(q) {
  const out = new Set();
  for (const d of DOCS) for (const p of d.paras) {
    if (p.text.replace(/\{\{([^|}]*)\|[^}]*\}\}/g, "$1").replace(/\s/g, "").includes(q)) out.add(`${d.id}/${p.id}`);
  }
  return out;
}

test("the header search finds the expected paragraphs; a result opens its paragraph with the hit marked", async () => {
  const { page, errors, context } = await newPage(browser);
  await openApp(page, server.url);
  await page.keyboard.press("/");
  assert.ok(await page.locator("#site-search").evaluate((e) => document.activeElement === e), "/ focuses the search box");
  await page.keyboard.type("民心相通");
  await page.keyboard.press("Enter");
  await page.waitForSelector("[data-search-doc]");
  assert.match(new URL(page.url()).hash, /^#\/search\?q=/);
  const found = new Set(await page.locator(".kwic-line").evaluateAll((as) => as.map((a) => {
    const m = a.getAttribute("href").match(/#\/doc\/([^/]+)\/p\/([^?]+)/);
    return `${m[1]}/${m[2]}`;
  })));
  const want = expected("民心相通");
  for (const p of want) assert.ok(found.has(p), `result for ${p}`);
  assert.equal(Number(await page.locator(".search-summary").getAttribute("data-total")), 10);
  assert.ok(await page.locator('[data-search-term="min-xin-xiang-tong"]').isVisible(), "the glossary entry is found too");
  await checkA11y(page, "search results");
  await shot(page, "search-desktop-light");
  const first = page.locator(".kwic-line").first();
  const href = await first.getAttribute("href");
  await first.click();
  const para = decodeURIComponent(href.match(/\/p\/([^?]+)/)[1]);
  await page.waitForSelector(`[data-para="${para}"] mark.hit`, { state: "attached" });
  assert.equal(await page.locator(`[data-para="${para}"] mark.hit`).innerText(), "民心相通");
  assertNoErrors(errors, "search");
  await context.close();
});

test("word mode respects words; substring mode finds every occurrence; the mode is in the URL", async () => {
  const { page, context } = await newPage(browser);
  await openApp(page, server.url, "#/search?q=" + encodeURIComponent("合作"));
  await page.waitForSelector(".search-summary");
  const word = Number(await page.locator(".search-summary").getAttribute("data-total"));
  await page.locator('label[for="mode-sub"]').click();
  await page.waitForFunction(() => location.hash.includes("mode=sub"));
  await page.waitForFunction((w) => Number(document.querySelector(".search-summary").dataset.total) !== w, word);
  const sub = Number(await page.locator(".search-summary").getAttribute("data-total"));
  assert.ok(sub > word, `substring (${sub}) finds more than word mode (${word}), e.g. inside 产能合作`);
  const keywords = await page.locator(".kwic-key").allInnerTexts();
  assert.ok(keywords.every((k) => k.replace(/\s/g, "") === "合作"));
  await context.close();
});

test("the concordance sorts by left and right context and exports CSV", async () => {
  const { page, context } = await newPage(browser);
  await openApp(page, server.url, "#/concordance?q=she-shi-lian-tong");
  await page.waitForSelector(".kwic-line");
  assert.equal(await page.locator(".kwic-line").count(), 15);
  const rights = async () => page.locator(".kwic-right").allInnerTexts();
  await page.locator('[data-sort="right"]').click();
  const r = await rights();
  assert.deepEqual(r, [...r].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), "sorted by right context");
  await page.locator('[data-sort="left"]').click();
  const lefts = await page.locator(".kwic-left").allInnerTexts();
  const rev = (s) => [...s.replace(/^…/, "")].reverse().join("");
  const keys = lefts.map(rev);
  assert.deepEqual(keys, [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), "sorted by left context, read backwards");
  const download = page.waitForEvent("download");
  await page.locator('[data-action="export-csv"]').click();
  const csv = await readFile(await (await download).path(), "utf8");
  assert.ok(csv.startsWith("\uFEFF"), "a BOM for spreadsheets");
  assert.equal(csv.trim().split("\r\n").length, 16, "a header and 15 lines");
  await checkA11y(page, "concordance");
  await context.close();
});

test("the analytics chart shows the same numbers as the counts, and bars lead to concordances", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const { page, errors, context } = await newPage(browser, { colorScheme });
    await openApp(page, server.url, "#/analytics");
    await page.waitForSelector(".chart svg rect.bar", { state: "attached" });
    const cells = await page.locator(".chart-table tbody tr").evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("td")].map((td) => Number(td.dataset.value))));
    const totals = [0, 1, 2, 3, 4].map((i) => cells.reduce((t, row) => t + row[i], 0));
    assert.deepEqual(totals, [13, 15, 10, 15, 10]);
    const labels = await page.locator(".chart svg .bar-link").evaluateAll((as) => as.map((a) => a.getAttribute("aria-label")));
    assert.ok(labels.some((l) => /设施联通: 9/.test(l)), "bars carry their numbers");
    await checkA11y(page, `analytics ${colorScheme}`);
    await shot(page, `analytics-desktop-${colorScheme}`);
    await page.locator(".chart svg .bar-link").nth(1).focus();
    await page.keyboard.press("Enter");
    await page.waitForSelector(".concordance-page .kwic-line");
    assertNoErrors(errors, "analytics");
    await context.close();
  }
});

test("look up a selection: its exact words across the corpus, with the glossary entries in them (desktop and phone)", async () => {
  const doc = DOCS.find((d) => d.id === "pan-2019-manufacturing");
  for (const viewport of [VIEWPORTS.desktop, VIEWPORTS.phone]) {
    const { page, errors, context } = await newPage(browser, viewport);
    await openDoc(page, server.url, doc.id);
    // A phrase holding a glossary term, from a paragraph that has one.
    const { para, start, quote } = await page.evaluate(() => {
      for (const p of document.querySelectorAll(".doc-text .para")) {
        const term = p.querySelector('.term[data-kind="glossary"]');
        if (!term) continue;
        const text = p.textContent, at = text.indexOf(term.textContent);
        if (at < 2) continue;
        return { para: p.dataset.para, start: at - 2, quote: text.slice(at - 2, at + term.textContent.length) };
      }
      return {};
    });
    assert.ok(para, "a paragraph with a glossary term");
    await selectText(page, para, start, start + quote.length);
    const look = page.locator('[data-action="look-up"]');
    await look.waitFor();
    const bar = await page.locator(".selection-bar").boundingBox();
    assert.ok(bar.x >= 0 && bar.x + bar.width <= viewport.width, `the selection bar fits the screen: ${JSON.stringify(bar)}`);
    await (viewport === VIEWPORTS.phone ? look.tap() : look.click());
    await page.waitForSelector("[data-search-doc]");
    const hash = decodeURIComponent(new URL(page.url()).hash);
    assert.equal(hash, `#/search?q=${quote}&mode=sub`);
    const found = await page.locator(".kwic-line").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    assert.ok(found.some((h) => h.includes(`/doc/${doc.id}/p/${para}`)), "the passage itself is among the hits");
    assert.ok(await page.locator("[data-search-term]").count() >= 1, "the glossary entry in the phrase is offered");
    assertNoErrors(errors, "look up");
    await context.close();
  }
});

test("on a 375 px phone the analytics chart stays legible: its box scrolls, and a bar still leads on", async () => {
  const { page, errors, context } = await newPage(browser, { ...VIEWPORTS.phone });
  await openApp(page, server.url, "#/analytics");
  await page.waitForSelector(".chart svg rect.bar", { state: "attached" });
  const chart = await page.locator(".chart-scroll").first().evaluate((box) => ({
    label: box.querySelector(".group-label").getBoundingClientRect().height,
    scrolls: box.scrollWidth > box.clientWidth,
    heading: document.querySelectorAll('.chart-table th[scope="col"]')[1].getBoundingClientRect().height,
    headingLine: parseFloat(getComputedStyle(document.querySelector(".chart-table")).fontSize),
  }));
  // Squeezed to the phone's width, its 12 px labels were 5 px tall.
  assert.ok(chart.label >= 9, `group labels ${chart.label.toFixed(1)} px tall`);
  assert.ok(chart.scrolls, "the chart's box scrolls sideways instead of shrinking it");
  // "政策 / 沟通" on two lines, not four.
  assert.ok(chart.heading < chart.headingLine * 4, `a table heading ${chart.heading} px tall at ${chart.headingLine} px type`);
  await page.locator(".chart svg .bar-link").nth(2).tap();
  await page.waitForSelector(".concordance-page .kwic-line");
  await checkA11y(page, "concordance from the chart (phone)");
  assertNoErrors(errors, "analytics (phone)");
  await context.close();
});

test("copy citation puts the quote and reference on the clipboard, and its link reopens the passage", async () => {
  const { page, context } = await newPage(browser);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(server.url).origin });
  await openDoc(page, server.url, "pan-2019-manufacturing");
  await selectText(page, "p5", 0, 8);
  const quote = await page.evaluate(() => getSelection().toString());
  await page.locator('[data-action="cite"]').click();
  await page.locator("#citation-panel").waitFor();
  await checkA11y(page, "citation panel");
  await page.locator('[data-copy="cite-plain"]').click();
  await page.waitForFunction(() => document.querySelector(".toast-msg"));
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(clip.includes(quote), "the quote");
  assert.match(clip, /2019/);
  assert.match(clip, /中国工程科学/);
  const link = clip.match(/https?:\/\/\S+#\/doc\/\S+/)[0];
  const gbt = await page.locator("#cite-gbt").inputValue();
  assert.match(gbt, /\[J\]/);
  const fresh = await newPage(browser);
  await fresh.page.goto(link);
  await fresh.page.waitForSelector('[data-para="p5"] mark.hit', { state: "attached" });
  assert.equal(await fresh.page.locator('[data-para="p5"] mark.hit').evaluateAll((m) => m.map((x) => x.textContent).join("")), quote);
  await fresh.context.close();
  await context.close();
});

test("search works on a phone", async () => {
  const { page, context } = await newPage(browser, { ...VIEWPORTS.phone });
  await openApp(page, server.url);
  await page.locator("#site-search").tap();
  await page.keyboard.type("一带一路");
  await page.keyboard.press("Enter");
  await page.waitForSelector("[data-search-doc]");
  await checkA11y(page, "phone search");
  await shot(page, "search-phone-light");
  await context.close();
});
