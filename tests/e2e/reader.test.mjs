// The corpus in the reader: every document opens by click and by URL with its hooks, the
// 五通 terms are all highlighted, legends count what is on the page, deep links land,
// settings persist, the language switch covers the interface, back/forward work.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, newPage, openApp, openDoc, checkA11y, shot, VIEWPORTS, assertNoErrors } from "./harness.mjs";
import { DOCS, FIVE } from "./corpus.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test("the library lists every document, and each opens by click with its hooks", async () => {
  const { page, errors, context } = await newPage(browser);
  await openApp(page, server.url);
  const titles = await page.locator("[data-doc-card] .card-title a").allInnerTexts();
  assert.deepEqual(titles, DOCS.map((d) => d.title));
  for (const doc of DOCS) {
    await page.locator(`[data-doc-card="${doc.id}"] .card-title a`).click();
    await page.waitForSelector(`article[data-doc="${doc.id}"] [data-para]`, { state: "attached" });
    assert.equal(new URL(page.url()).hash, `#/doc/${doc.id}`);
    const ids = await page.locator(`article[data-doc="${doc.id}"] [data-para]`).evaluateAll((els) => els.map((e) => e.dataset.para));
    assert.deepEqual(ids, doc.paras.map((p) => p.id), `paragraph ids of ${doc.id}`);
    await page.goBack();
    await page.waitForSelector("[data-doc-card]");
  }
  assertNoErrors(errors, "library → documents");
  await context.close();
});

test("each document opens by URL, and its text is the corpus text", async () => {
  const { page, errors, context } = await newPage(browser);
  for (const doc of DOCS) {
    await openDoc(page, server.url, doc.id);
    const first = doc.paras[0];
    const text = await page.locator(`[data-para="${first.id}"]`).evaluate((e) => e.textContent);
    const expected = first.text.replace(/\{\{([^|}]*)\|[^}]*\}\}/g, "$1");
    assert.equal(text, expected, `${doc.id} ${first.id}`);
    await page.reload();
    await page.waitForSelector(`article[data-doc="${doc.id}"] [data-para]`, { state: "attached" });
  }
  assertNoErrors(errors, "documents by URL");
  await context.close();
});

test("every 五通 occurrence in the corpus is highlighted (13, 15, 10, 15, 10)", async () => {
  const { page, context } = await newPage(browser);
  const totals = Object.fromEntries(FIVE.map((t) => [t, 0]));
  for (const doc of DOCS) {
    await openDoc(page, server.url, doc.id);
    for (const term of FIVE) {
      const onPage = await page.locator(`[data-doc="${doc.id}"] [data-kind="five"][data-term="${term}"]`).count();
      totals[term] += onPage;
      const legend = Number(await page.locator(`[data-count-doc="${term}"]`).innerText());
      assert.equal(legend, onPage, `legend count of ${term} in ${doc.id}`);
    }
  }
  assert.deepEqual(totals, { 政策沟通: 13, 设施联通: 15, 贸易畅通: 10, 资金融通: 15, 民心相通: 10 });
  const corpus = Number(await page.locator(`[data-count-corpus="设施联通"]`).innerText());
  assert.equal(corpus, 15);
  await context.close();
});

test("terms flow with the text: a line may break inside one, and each is a focusable button", async () => {
  const { page, context } = await newPage(browser, VIEWPORTS.phone);
  await openDoc(page, server.url, DOCS[0].id);
  const terms = await page.locator(".doc-text [data-term]").evaluateAll((ts) => ts.map((t) => ({
    role: t.getAttribute("role"), tabindex: t.tabIndex, lines: t.getClientRects().length,
  })));
  assert.ok(terms.length > 50, `terms in ${DOCS[0].id}: ${terms.length}`);
  assert.ok(terms.every((t) => t.role === "button" && t.tabindex === 0), "every term is a focusable button");
  // An unbreakable box (a <button>) would never wrap; at 375 px some long terms do.
  const wrapped = terms.filter((t) => t.lines > 1);
  assert.ok(wrapped.length > 0, "at least one term breaks across lines at 375 px");
  // A 五通 term's glyph (●▲■◆★) never opens a line on its own: the last box of a wrapped
  // term holds at least its last character as well (a glyph alone is under 10 px wide).
  for (const doc of DOCS) {
    await openDoc(page, server.url, doc.id);
    const orphans = await page.evaluate(() => {
      const paras = [...document.querySelectorAll(".doc-text .para")];
      paras.forEach((p) => { p.style.contentVisibility = "visible"; });
      const found = [...document.querySelectorAll(".doc-text .term.five")].filter((t) => {
        const rects = t.getClientRects();
        return rects.length > 1 && rects[rects.length - 1].width < 14;
      }).map((t) => t.closest("[data-para]").dataset.para + " " + t.textContent);
      paras.forEach((p) => { p.style.contentVisibility = ""; });
      return found;
    });
    assert.deepEqual(orphans, [], `${doc.id}: a glyph alone on a line`);
  }
  await context.close();
});

test("the page does not grow as one scrolls: paragraphs not yet laid out hold about their real room", async () => {
  for (const viewport of [VIEWPORTS.desktop, VIEWPORTS.phone]) {
    const { page, context } = await newPage(browser, viewport);
    for (const doc of DOCS) {
      await openDoc(page, server.url, doc.id);
      const { estimated, real } = await page.evaluate(async () => {
        const text = document.querySelector(".doc-text");
        const estimated = text.getBoundingClientRect().height;
        // What the page measures once every paragraph has been laid out.
        text.querySelectorAll(".para").forEach((p) => { p.style.contentVisibility = "visible"; });
        const real = text.getBoundingClientRect().height;
        text.querySelectorAll(".para").forEach((p) => { p.style.contentVisibility = ""; });
        return { estimated, real };
      });
      const ratio = estimated / real;
      assert.ok(ratio > 0.85 && ratio < 1.15, `${doc.id} at ${viewport.width} px: ${Math.round(estimated)} px before layout, ${Math.round(real)} px after (${ratio.toFixed(2)})`);
    }
    await context.close();
  }
});

test("legend toggles hide and show a term, all/none work, and the choice persists", async () => {
  const { page, context } = await newPage(browser);
  const doc = DOCS.find((d) => d.id === "pan-2019-manufacturing");
  await openDoc(page, server.url, doc.id);
  const term = page.locator('[data-kind="five"][data-term="设施联通"]').first();
  const bg = () => term.evaluate((e) => getComputedStyle(e).backgroundColor);
  const shown = await bg();
  assert.notEqual(shown, "rgba(0, 0, 0, 0)");
  await page.locator('[data-five-toggle="设施联通"]').click();
  assert.equal(await page.locator('[data-five-toggle="设施联通"]').getAttribute("aria-pressed"), "false");
  assert.equal(await bg(), "rgba(0, 0, 0, 0)");
  await page.reload();
  await page.waitForSelector('[data-kind="five"]');
  assert.equal(await bg(), "rgba(0, 0, 0, 0)", "the hidden term stays hidden after a reload");
  await page.locator('[data-five-all="on"]').click();
  assert.equal(await bg(), shown);
  await page.locator('[data-five-all="off"]').click();
  const pressed = await page.locator("[data-five-toggle]").evaluateAll((els) => els.map((e) => e.getAttribute("aria-pressed")));
  assert.deepEqual(pressed, ["false", "false", "false", "false", "false"]);
  await context.close();
});

test("the distribution strip has a tick per 五通 occurrence; a tick, or a tap anywhere on the strip, goes to its paragraph", async () => {
  const doc = "pan-2019-manufacturing";
  // Desktop: ticks equal the highlights, term by term, and a click on one lands on its paragraph.
  {
    const { page, errors, context } = await newPage(browser);
    await openDoc(page, server.url, doc);
    for (const [i, term] of FIVE.entries()) {
      assert.equal(await page.locator(`.strip .tick.f${i}`).count(), await page.locator(`.doc-text [data-kind="five"][data-term="${term}"]`).count(), term);
    }
    // Ticks of nearby occurrences overlap: click one that is on top at its own centre.
    const tick = await page.locator(".strip ol").evaluate((ol) => {
      for (const a of [...ol.querySelectorAll(".tick a")].slice(5)) {
        const r = a.getBoundingClientRect();
        const x = r.left + r.width / 2, y = r.top + r.height / 2;
        if (document.elementFromPoint(x, y) === a) return { x, y, href: a.getAttribute("href") };
      }
      return null;
    });
    assert.ok(tick, "a tick that is not under another");
    const para = tick.href.match(/\/p\/([^/?]+)/)[1];
    await page.mouse.click(tick.x, tick.y);
    await page.waitForSelector(`[data-para="${para}"].is-target`, { state: "attached" });
    // A hidden term's ticks go with its highlights.
    await page.locator('[data-five-toggle="设施联通"]').click();
    assert.equal(await page.locator(".strip .tick.f1:not([hidden])").count(), 0);
    assertNoErrors(errors, "strip (desktop)");
    await context.close();
  }
  // Phone: the ticks are 5 px tall, so a tap between them goes to the nearest shown one.
  {
    const { page, errors, context } = await newPage(browser, { ...VIEWPORTS.phone });
    await openDoc(page, server.url, doc);
    const gap = await page.locator(".strip ol").evaluate((ol) => {
      const box = ol.getBoundingClientRect();
      const ticks = [...ol.querySelectorAll(".tick")].map((t) => ({ y: t.getBoundingClientRect().top + 2.5, href: t.querySelector("a").getAttribute("href") }));
      // The widest gap between two ticks; tap a third of the way down it: the upper tick is nearest.
      let best = null;
      for (let i = 1; i < ticks.length; i++) if (!best || ticks[i].y - ticks[i - 1].y > best.size) best = { size: ticks[i].y - ticks[i - 1].y, y: ticks[i - 1].y + (ticks[i].y - ticks[i - 1].y) / 3, href: ticks[i - 1].href };
      return { x: box.left + box.width / 2, ...best };
    });
    assert.ok(gap.size > 20, `a gap of ${gap.size} px between ticks to tap in`);
    await page.touchscreen.tap(gap.x, gap.y);
    const para = gap.href.match(/\/p\/([^/?]+)/)[1];
    await page.waitForSelector(`[data-para="${para}"].is-target`, { state: "attached" });
    assert.match(await page.evaluate(() => location.hash), new RegExp(`/p/${para}$`));
    assertNoErrors(errors, "strip (phone)");
    await context.close();
  }
});

test("keyboard: one step skips the text's terms, and the strip is one tab stop walked with the arrow keys", async () => {
  const { page, errors, context } = await newPage(browser);
  await openDoc(page, server.url, "pan-2019-manufacturing");
  // The skip link before the text: hidden until focused, it says how many terms it skips.
  const skip = page.locator(".skip-text");
  assert.ok((await skip.boundingBox()).width <= 1, "out of sight until focused");
  await skip.focus();
  assert.ok((await skip.boundingBox()).width > 80, "shown when focused");
  const terms = await page.locator(".doc-text [data-kind]").count();
  assert.ok(terms > 50, `${terms} terms in the tab order`);
  assert.match(await skip.innerText(), new RegExp(`^(Skip the text \\(${terms} terms\\)|跳过正文（${terms} 个术语）)$`));
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "doc-end");
  await page.keyboard.press("Tab");
  assert.ok(await page.evaluate(() => !!document.activeElement.closest(".doc-neighbours a")), "Tab goes on to a neighbouring text");

  // The strip: one tick in the tab order; arrows, Home and End move between ticks.
  assert.equal(await page.locator('.strip a[tabindex="0"]').count(), 1);
  const last = (await page.locator(".strip a").count()) - 1;
  await page.locator('.strip a[tabindex="0"]').focus();
  const focused = () => page.evaluate(() => document.activeElement.getAttribute("data-tick"));
  assert.equal(await focused(), "0");
  await page.keyboard.press("ArrowDown");
  assert.equal(await focused(), "1");
  await page.keyboard.press("End");
  assert.equal(await focused(), String(last));
  await page.keyboard.press("ArrowDown");
  assert.equal(await focused(), String(last), "stays on the last");
  await page.keyboard.press("Home");
  assert.equal(await focused(), "0");
  assert.equal(await page.locator('.strip a[tabindex="0"]').getAttribute("data-tick"), "0");
  await page.keyboard.press("Tab");
  assert.ok(await page.evaluate(() => !document.activeElement.closest(".strip")), "Tab leaves the strip");
  // Hiding a term takes its ticks out of the walk and of the tab order.
  const first = await page.locator(".strip .tick").first().getAttribute("class");
  const firstTerm = ["政策沟通", "设施联通", "贸易畅通", "资金融通", "民心相通"][Number(first.match(/f(\d)/)[1])];
  await page.locator(`[data-five-toggle="${firstTerm}"]`).click();
  const stop = page.locator('.strip a[tabindex="0"]');
  assert.equal(await stop.count(), 1);
  assert.ok(await stop.isVisible(), "the tab stop is a shown tick");
  await stop.focus();
  await page.keyboard.press("Home");
  assert.equal(await page.evaluate(() => document.activeElement.closest(".tick").hidden), false);
  // Also when the text opens with that term already hidden (the choice persists).
  await page.reload();
  await page.locator(".strip .tick").first().waitFor({ state: "attached" });
  assert.equal(await page.locator(".strip .tick").first().isVisible(), false, "the first tick's term is still hidden");
  assert.equal(await page.locator('.strip a[tabindex="0"]').count(), 1);
  assert.ok(await page.locator('.strip a[tabindex="0"]').isVisible(), "the tab stop is a shown tick after a reload");
  assertNoErrors(errors, "keyboard skip and strip");
  await context.close();
});

test("on a 320 px phone in English the tools keep to one row (no jump when 'continue' appears) and no legend term or count breaks", async () => {
  const { page, errors, context } = await newPage(browser, { width: 320, height: 700, hasTouch: true, isMobile: true, locale: "en-US" });
  await openApp(page, server.url, "#/");
  await page.evaluate(() => localStorage.setItem("silk-road-reader/reading/v1", JSON.stringify({ places: [{ doc: "pan-2019-manufacturing", para: "p20", at: Date.now() - 3600e3 }] })));
  await openDoc(page, server.url, "pan-2019-manufacturing");
  await page.locator(".reader-tools .continue-link:not([hidden])").waitFor();
  const rows = await page.locator(".reader-tools").evaluate((bar) => new Set([...bar.children].filter((c) => c.offsetParent).map((c) => Math.round(c.getBoundingClientRect().top))).size);
  assert.equal(rows, 1, "contents, embed and continue on one row");
  const broken = await page.locator(".legend-item").evaluateAll((items) => items.flatMap((item) => [".legend-term", ".legend-count"].map((sel) => {
    const el = item.querySelector(sel);
    return el.getClientRects().length === 1 && el.getBoundingClientRect().height < 30 ? null : `${item.dataset.fiveToggle} ${sel}`;
  })).filter(Boolean));
  assert.deepEqual(broken, []);
  assertNoErrors(errors, "320 px tools and legend");
  await context.close();
});

test("the metadata folds behind a byline at every width and the text starts on the first screen; one tap or click shows the source; paper always shows it", async () => {
  const doc = "finance-bri-lanzhou";
  const textTop = (page) => page.locator(".doc-text > .para").first().evaluate((p) => p.getBoundingClientRect().top + scrollY);
  {
    const { page, errors, context } = await newPage(browser, { ...VIEWPORTS.phone, locale: "zh-CN" });
    await openDoc(page, server.url, doc);
    const byline = page.locator(".doc-byline");
    assert.match(await byline.innerText(), /^作者不详 · 刊载出处不详 · 约 2019\s*出处与详情/);
    assert.equal(await page.locator(".doc-attribution").isVisible(), false, "the source is folded");
    const folded = await textTop(page);
    assert.ok(folded < VIEWPORTS.phone.height - 24, `the text starts at ${folded} px, on the first screen`);
    await byline.tap();
    assert.equal(await byline.getAttribute("aria-expanded"), "true");
    assert.match(await page.locator(".doc-attribution").innerText(), /School of Finance, Lanzhou/);
    const unfolded = await textTop(page);
    assert.ok(unfolded - folded > 150, `folding saves ${unfolded - folded} px`);
    await checkA11y(page, "reader, phone, metadata unfolded");
    await byline.tap();
    assert.equal(await page.locator(".doc-attribution").isVisible(), false, "folded again");
    await page.emulateMedia({ media: "print" });
    assert.ok(await page.locator(".doc-attribution").isVisible(), "printed with its source");
    assert.equal(await byline.isVisible(), false);
    assertNoErrors(errors, "phone byline");
    await context.close();
  }
  {
    // A wide screen: the byline with the tools beside it, the legend's toggles on one row,
    // and the text on the first screen, in both languages.
    const { page, errors, context } = await newPage(browser);
    await openDoc(page, server.url, "pan-2019-manufacturing");
    const byline = page.locator(".doc-byline");
    assert.equal(await page.locator(".doc-attribution").isVisible(), false, "folded on a wide screen too");
    const rowOf = (sel) => page.locator(sel).evaluateAll((els) => [...new Set(els.map((e) => Math.round(e.getBoundingClientRect().top)))]);
    assert.equal((await rowOf(".legend-item")).length, 1, "the five toggles share one row");
    const bylineBox = await byline.boundingBox();
    const embedBox = await page.locator(".reader-tools .embed-open-btn").boundingBox();
    assert.ok(embedBox.x > bylineBox.x + 200 && Math.abs(embedBox.y - bylineBox.y) < 30, "the tools sit beside the byline");
    for (const lang of ["zh", "en"]) {
      const top = await textTop(page);
      assert.ok(top < VIEWPORTS.desktop.height - 200, `${lang}: the text starts at ${top} px, well within the first screen`);
      if (lang === "zh") await page.locator(".site-header .lang-switch").click();
    }
    await byline.click();
    assert.match(await page.locator(".doc-attribution").innerText(), /Pan Yunhe/);
    assert.ok(await page.locator(".doc-meta").isVisible(), "one click shows authors, affiliation and venue");
    // In English, on a phone, the byline says the same.
    await page.goto(`${server.url}#/doc/${doc}`);
    await page.setViewportSize({ width: 375, height: 740 });
    await page.locator(".doc-byline").waitFor();
    assert.match(await page.locator(".doc-byline").innerText(), /^author unknown · venue unknown · c\. 2019\s*Source and details/);
    assertNoErrors(errors, "desktop metadata");
    await context.close();
  }
});

test("the contents mark the section being read as the reader scrolls", async () => {
  const { page, errors, context } = await newPage(browser);
  await openDoc(page, server.url, "pan-2019-manufacturing");
  const current = () => page.locator('#toc a[aria-current="location"]').evaluateAll((as) => as.map((a) => a.getAttribute("href").split("/p/")[1]));
  const ids = await page.locator(".doc-text [data-heading]").evaluateAll((hs) => hs.map((h) => h.dataset.heading));
  assert.ok(ids.length > 8);
  for (const id of [ids[6], ids[2], ids[ids.length - 1]]) {
    await page.locator(`.doc-text [data-heading="${id}"]`).evaluate((h) => h.scrollIntoView({ block: "start" }));
    await page.waitForFunction((id) => document.querySelector(`#toc a[aria-current="location"][href$="/p/${id}"]`), id);
    assert.deepEqual(await current(), [id], "one entry marked: the section scrolled to");
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForFunction(() => !document.querySelector('#toc a[aria-current="location"]'));
  assertNoErrors(errors, "contents follow the reading");
  await context.close();
});

test("coming back to a text offers to continue where the reader left it; a bad stored value offers nothing", async () => {
  const doc = "li-zhu-2018-capacity-book";
  const { page, errors, context } = await newPage(browser);
  await openDoc(page, server.url, doc);
  assert.equal(await page.locator('[data-action="continue-reading"]').count(), 0, "nothing to continue on a first visit");
  // Read down to about the 25th paragraph (at the reading line, a third of the window), then
  // pause; paragraphs laid out on the way may move it by one.
  await page.evaluate(() => {
    const p = document.querySelectorAll(".doc-text .para[data-n]")[24];
    p.scrollIntoView({ block: "start" });
    window.scrollBy(0, p.getBoundingClientRect().top - innerHeight / 3 + 8);
  });
  const stored = await page.waitForFunction((doc) => (JSON.parse(localStorage.getItem("silk-road-reader/reading/v1") || "{}").places || []).find((p) => p.doc === doc)?.para, doc);
  const id = await stored.jsonValue();
  const para = { id, n: await page.locator(`.doc-text [data-para="${id}"]`).getAttribute("data-n") };
  assert.ok(Number(para.n) >= 22 && Number(para.n) <= 28, `the paragraph read is recorded: ¶${para.n}`);
  // The library's card says so too; back by its title.
  await openApp(page, server.url, "#/");
  const card = page.locator(`[data-doc-card="${doc}"]`);
  assert.equal(await card.locator('[data-action="continue-reading"]').getAttribute("href"), `#/doc/${doc}/p/${para.id}`);
  assert.equal(await page.locator('.doc-list [data-action="continue-reading"]').count(), 1, "only the text that was read");
  await card.locator(".card-title a").click();
  const link = page.locator('[data-action="continue-reading"]');
  await link.waitFor();
  assert.match(await link.innerText(), new RegExp(`¶\\s*段?\\s*${para.n}$`));
  assert.equal(await page.getByRole("link", { name: `继续阅读 段 ${para.n}`, exact: true }).count(), 1, "named in words, not by its ¶ sign");
  await checkA11y(page, "reader with a continue link");
  await link.click();
  await page.waitForSelector(`[data-para="${para.id}"].is-target`, { state: "attached" });
  assert.equal(await link.isVisible(), false, "gone once the address names the paragraph");
  // Whatever is stored, a reader is never stopped: unreadable means nothing to continue.
  await page.evaluate(() => localStorage.setItem("silk-road-reader/reading/v1", "{not json"));
  await openApp(page, server.url, "#/");
  await openDoc(page, server.url, doc);
  assert.equal(await page.locator('[data-action="continue-reading"]').count(), 0);
  assertNoErrors(errors, "continue reading");
  await context.close();
});

test("a deep link scrolls to its paragraph and marks it; back and forward work", async () => {
  const { page, context } = await newPage(browser);
  const doc = DOCS.find((d) => d.id === "li-zhu-2018-capacity-book");
  const para = doc.paras[Math.floor(doc.paras.length * 0.8)];
  await openDoc(page, server.url, doc.id, para.id);
  const target = page.locator(`[data-para="${para.id}"]`);
  await page.waitForFunction((id) => document.querySelector(`[data-para="${id}"]`).classList.contains("is-target"), para.id);
  assert.ok(await target.isVisible());
  const top = await target.evaluate((e) => e.getBoundingClientRect().top);
  assert.ok(top >= 0 && top < 400, `the paragraph is at the top of the view (top=${top})`);
  const other = DOCS.find((d) => d.id === "xu-2023-bri-tenth-year");
  await page.evaluate((id) => { location.hash = `#/doc/${id}`; }, other.id);
  await page.waitForSelector(`article[data-doc="${other.id}"]`);
  await page.goBack();
  await page.waitForSelector(`article[data-doc="${doc.id}"]`);
  await page.waitForFunction((id) => document.querySelector(`[data-para="${id}"]`)?.classList.contains("is-target"), para.id);
  await page.goForward();
  await page.waitForSelector(`article[data-doc="${other.id}"]`);
  await context.close();
});

test("an opened publication-details box stays open when a setting redraws the text", async () => {
  const { page, errors, context } = await newPage(browser);
  await openDoc(page, server.url, "li-zhu-2018-capacity-book");
  const box = page.locator(".doc-text details.pub-details").first();
  await box.locator("summary").click();
  assert.equal(await box.evaluate((d) => d.open), true);
  await page.locator(".settings-btn").click();
  await page.locator("#set-boundaries").check();
  await page.waitForSelector(".doc-text .wb", { state: "attached" });
  assert.equal(await page.locator(".doc-text details.pub-details").first().evaluate((d) => d.open), true, "still open after the redraw");
  assertNoErrors(errors, "details kept open");
  await context.close();
});

test("printing gives the text with its highlights on white, without the chrome, even from the dark theme", async () => {
  const { page, errors, context } = await newPage(browser, { colorScheme: "dark" });
  await openDoc(page, server.url, "pan-2019-manufacturing");
  assert.equal(await page.locator("html").getAttribute("data-theme"), "dark");
  await page.emulateMedia({ media: "print" });
  const printed = await page.evaluate(() => {
    const rgb = (c) => (c.match(/\d+(\.\d+)?/g) || []).slice(0, 3).map(Number);
    // Relative luminance, 0 (black) to 1 (white).
    const lum = (c) => { const [r, g, b] = rgb(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
    const shown = (sel) => [...document.querySelectorAll(sel)].some((el) => el.getClientRects().length > 0);
    const term = document.querySelector('.doc-text .term[data-kind="five"]');
    const title = document.querySelector(".doc-title-en, .doc-header p, .doc-header");
    return {
      page: lum(getComputedStyle(document.body).backgroundColor),
      term: lum(getComputedStyle(term).backgroundColor),
      termText: lum(getComputedStyle(term).color),
      text: lum(getComputedStyle(document.querySelector(".doc-text .para")).color),
      muted: lum(getComputedStyle(title).color),
      // The tools and the byline's fold, and a closed note that would print as a bare summary.
      chrome: [".site-header", ".reader-side", ".strip", ".site-footer", ".reader-tools", ".legend-all", ".doc-byline",
        ".editorial-note:not([open])"].filter(shown),
      hasNote: document.querySelectorAll(".editorial-note").length > 0,
      paras: document.querySelectorAll(".doc-text .para").length,
    };
  });
  assert.ok(printed.page > 0.9, `page background luminance ${printed.page}`);
  // A light highlight with dark text (the dark theme's were dark blocks with dark text on paper).
  assert.ok(printed.term > 0.6, `五通 highlight luminance ${printed.term}`);
  assert.ok(printed.termText < 0.1 && printed.text < 0.1, `text luminance ${printed.termText} / ${printed.text}`);
  assert.ok(printed.muted < 0.3, `the document header's text is dark enough for paper (${printed.muted})`);
  assert.deepEqual(printed.chrome, [], "no chrome on paper");
  assert.ok(printed.hasNote, "this document has an editorial note (closed), which paper leaves out");
  assert.ok(printed.paras > 20, "the whole text is printed");
  await page.emulateMedia({ media: "screen" });
  assert.equal(await page.locator("body").evaluate((b) => getComputedStyle(b).backgroundColor), "rgb(22, 21, 19)", "the screen keeps the dark theme");
  assertNoErrors(errors, "print");
  await context.close();
});

test("settings survive a reload; word boundaries and paragraph numbers show", async () => {
  const { page, context } = await newPage(browser);
  await openDoc(page, server.url, "sheng-zhang-2025-capacity");
  await page.locator(".settings-btn").click();
  await page.locator("#set-font").fill("24");
  await page.locator("#set-boundaries").check();
  await page.locator("#set-para-numbers").check();
  await page.locator('label[for="theme-3"]').click();
  const size = () => page.locator(".para").first().evaluate((e) => getComputedStyle(e).fontSize);
  assert.equal(await size(), "24px");
  assert.ok(await page.locator(".doc-text .wb").count() > 100, "word boundaries are drawn");
  await page.reload();
  await page.waitForSelector("[data-para]");
  assert.equal(await size(), "24px");
  assert.equal(await page.locator("html").getAttribute("data-theme"), "sepia");
  assert.ok(await page.locator(".doc-text .wb").count() > 100);
  const number = await page.locator(".show-numbers .para").first().evaluate((e) => getComputedStyle(e, "::before").content);
  assert.match(number, /1/);
  await context.close();
});

test("the language switch changes the interface text, not the document", async () => {
  const { page, context } = await newPage(browser, { locale: "zh-CN" });
  await openDoc(page, server.url, "pan-2019-manufacturing");
  const nav = () => page.locator(".main-nav").innerText();
  assert.match(await nav(), /文库/);
  const para = await page.locator("[data-para]").first().innerText();
  await page.locator(".lang-switch").click();
  assert.match(await nav(), /Library/);
  assert.equal(await page.locator("html").getAttribute("lang"), "en");
  assert.match(await page.locator(".legend-title").innerText(), /Five connectivities/);
  assert.equal(await page.locator("[data-para]").first().innerText(), para);
  assert.equal(await page.locator("article .doc-text").getAttribute("lang"), "zh-Hans");
  await page.reload();
  await page.waitForSelector("[data-para]");
  assert.match(await nav(), /Library/, "the language choice persists");
  await context.close();
});

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  for (const colorScheme of ["light", "dark"]) {
    test(`reader at ${name} width in ${colorScheme} mode: screenshot and axe`, async () => {
      const { page, errors, context } = await newPage(browser, { ...viewport, colorScheme });
      await openDoc(page, server.url, "pan-2019-manufacturing", "p3");
      await checkA11y(page, `reader (${name}, ${colorScheme})`);
      await shot(page, `reader-${name}-${colorScheme}`);
      if (name === "phone") {
        await page.locator(".toc-open").click();
        assert.ok(await page.locator("#toc").isVisible(), "contents drawer opens on phones");
        await checkA11y(page, "contents drawer");
        await shot(page, `toc-drawer-${colorScheme}`);
        await page.keyboard.press("Escape");
        assert.ok(!(await page.locator("#toc").isVisible()));
      }
      assertNoErrors(errors, "reader");
      await context.close();
    });
  }
}
