// Glossary popovers open by click, keyboard, hover and tap with the right entry and close
// again; the glossary page filters by pinyin without tones; concordance links land on
// paragraphs that contain the term; highlighting can be limited or switched off.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, newPage, openApp, openDoc, checkA11y, shot, VIEWPORTS, assertNoErrors } from "./harness.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const DOC = "sheng-zhang-2025-capacity";
const TERM = '[data-kind="glossary"][data-id="xiao-er-mei"]';

async function popoverInViewport(page) {
  return page.locator("#term-popover").evaluate((p) => {
    const r = p.getBoundingClientRect();
    return r.left >= 0 && r.top >= 0 && r.right <= innerWidth + 0.5 && r.bottom <= innerHeight + 0.5;
  });
}

test("a click opens the right entry, with its definition; the close button closes it and returns focus", async () => {
  const { page, errors, context } = await newPage(browser);
  await openDoc(page, server.url, DOC);
  const term = page.locator(TERM).first();
  await term.scrollIntoViewIfNeeded();
  await term.click();
  const pop = page.locator("#term-popover");
  await pop.waitFor();
  assert.equal(await term.getAttribute("aria-expanded"), "true");
  assert.equal(await pop.locator("[data-term-card]").getAttribute("data-term-card"), "xiao-er-mei");
  await pop.locator(".definition").waitFor();
  assert.match(await pop.innerText(), /small yet smart/);
  assert.match(await pop.locator(".occurrences h3.card-section").innerText(), /\d/);
  assert.ok(await popoverInViewport(page), "the popover stays inside the viewport");
  await checkA11y(page, "reader with a popover open");
  await shot(page, "popover-desktop-light");
  await pop.locator(".popover-close").click();
  assert.equal(await pop.count(), 0);
  assert.equal(await term.getAttribute("aria-expanded"), "false");
  assert.ok(await term.evaluate((e) => document.activeElement === e), "focus returns to the term");
  assertNoErrors(errors, "popover");
  await context.close();
});

test("Enter opens a focused term's popover and Esc closes it", async () => {
  const { page, context } = await newPage(browser);
  await openDoc(page, server.url, DOC);
  const term = page.locator(TERM).first();
  await term.focus();
  await page.keyboard.press("Enter");
  await page.locator("#term-popover").waitFor();
  // Focus follows in the next frame (the popover is in the page first).
  await page.waitForFunction(() => document.querySelector("#term-popover")?.contains(document.activeElement), null, { timeout: 2000 })
    .catch(() => assert.fail("focus moves into the popover"));
  await page.keyboard.press("Escape");
  assert.equal(await page.locator("#term-popover").count(), 0);
  assert.ok(await term.evaluate((e) => document.activeElement === e));
  await page.keyboard.press("Space");
  await page.locator("#term-popover").waitFor();
  await context.close();
});

test("a mouse resting on a term opens it after a delay; moving away closes it", async () => {
  const { page, context } = await newPage(browser);
  await openDoc(page, server.url, DOC);
  const term = page.locator(TERM).first();
  await term.scrollIntoViewIfNeeded();
  await term.hover();
  await page.locator("#term-popover").waitFor({ timeout: 3000 });
  await page.mouse.move(5, 600);
  await page.waitForFunction(() => !document.querySelector("#term-popover"), null, { timeout: 3000 });
  await context.close();
});

test("without CSS anchor positioning the popover is placed by measurement, inside the viewport", async () => {
  const { page, context } = await newPage(browser, { width: 900, height: 700 });
  await page.addInitScript(() => {
    const supports = CSS.supports.bind(CSS);
    CSS.supports = (a, b) => (String(a).includes("anchor") ? false : b === undefined ? supports(a) : supports(a, b));
  });
  await openDoc(page, server.url, DOC);
  const terms = page.locator('[data-kind="glossary"]');
  for (const i of [0, 5, await terms.count() - 1]) {
    const term = terms.nth(i);
    await term.scrollIntoViewIfNeeded();
    await term.click();
    await page.locator("#term-popover.measured").waitFor();
    assert.ok(await popoverInViewport(page), `popover ${i} inside the viewport`);
    await page.keyboard.press("Escape");
  }
  await context.close();
});

test("on a phone a tap opens a bottom sheet", async () => {
  const { page, context } = await newPage(browser, { ...VIEWPORTS.phone });
  await openDoc(page, server.url, DOC);
  const term = page.locator(TERM).first();
  await term.scrollIntoViewIfNeeded();
  await term.tap();
  const pop = page.locator("#term-popover");
  await pop.waitFor();
  const box = await pop.boundingBox();
  assert.ok(Math.abs(box.y + box.height - 740) < 2 && box.width >= 370, `a bottom sheet: ${JSON.stringify(box)}`);
  await pop.locator(".definition").waitFor();
  await checkA11y(page, "phone popover");
  await shot(page, "popover-phone-light");
  await pop.locator(".popover-close").tap();
  assert.equal(await pop.count(), 0);
  await context.close();
});

test("the glossary page filters by pinyin without tones, Chinese and English", async () => {
  const { page, errors, context } = await newPage(browser);
  await openApp(page, server.url, "#/glossary");
  const entries = page.locator("[data-glossary-entry]");
  const all = await entries.count();
  assert.ok(all >= 100, `at least 100 entries (${all})`);
  for (const [query, id] of [["xiaoermei", "xiao-er-mei"], ["yi zhou liang yi", "yi-zhou-liang-yi"], ["小而美", "xiao-er-mei"], ["small yet smart", "xiao-er-mei"]]) {
    await page.locator("#glossary-filter").fill(query);
    await page.waitForFunction((n) => document.querySelectorAll("[data-glossary-entry]").length < n, all);
    assert.ok(await page.locator(`[data-glossary-entry="${id}"]`).isVisible(), `${query} finds ${id}`);
  }
  await page.locator("#glossary-filter").fill("zzzzqqq");
  await page.locator(".no-matches").waitFor();
  await page.locator("#glossary-filter").fill("");
  await checkA11y(page, "glossary page");
  await shot(page, "glossary-desktop-light", { fullPage: false });
  assertNoErrors(errors, "glossary");
  await context.close();
});

test("every concordance link of an entry lands on a paragraph that contains the term", async () => {
  const { page, context } = await newPage(browser);
  for (const id of ["yi-zhou-liang-yi", "xiao-er-mei", "zheng-ce-gou-tong", "liu-lang-liu-lu-duo-guo-duo-gang"]) {
    await openApp(page, server.url, `#/glossary/${id}`);
    await page.locator(".kwic-line").first().waitFor();
    const links = await page.locator(".kwic-line").evaluateAll((as) => as.map((a) => [a.getAttribute("href"), a.querySelector(".kwic-key").textContent]));
    const count = Number((await page.locator(".occurrences .card-section").innerText()).match(/\d+/)[0]);
    // The entry's sections sit one level below its h1: a screen reader's heading list skips none.
    const levels = await page.locator("main").evaluate((m) => [...m.querySelectorAll("h1, h2, h3, h4")].map((h) => Number(h.tagName[1])));
    assert.ok(levels.every((l, i) => i === 0 || l <= levels[i - 1] + 1), `${id}: heading levels ${levels.join(",")}`);
    assert.equal(links.length, count, `${id}: one line per occurrence`);
    for (const [href, key] of links) {
      await page.evaluate((h) => { location.hash = h; }, href);
      const para = decodeURIComponent(href.match(/\/p\/([^?]+)/)[1]);
      await page.waitForSelector(`[data-para="${para}"].is-target, [data-heading="${para}"].is-target`, { state: "attached" });
      const text = await page.locator(`[data-para="${para}"], [data-heading="${para}"]`).first().evaluate((e) => e.textContent.replace(/\s/g, ""));
      assert.ok(text.includes(key.replace(/\s/g, "")), `${href} contains ${key}`);
    }
  }
  await context.close();
});

test("glossary highlighting can be limited to the first per paragraph or switched off, and it persists", async () => {
  const { page, context } = await newPage(browser);
  await openDoc(page, server.url, "pan-2019-manufacturing");
  const count = () => page.locator('[data-kind="glossary"]').count();
  const all = await count();
  await page.locator(".settings-btn").click();
  await page.locator('label[for="glossary-mode-1"]').click();
  const first = await count();
  assert.ok(first < all && first > 0, `first per paragraph: ${first} < ${all}`);
  await page.locator('label[for="glossary-mode-2"]').click();
  assert.equal(await count(), 0);
  assert.ok(await page.locator('[data-kind="five"]').count() > 0, "the 五通 highlights stay");
  await page.reload();
  await page.waitForSelector("[data-para]");
  assert.equal(await count(), 0, "the choice persists");
  await context.close();
});

for (const colorScheme of ["dark"]) {
  test(`popover in ${colorScheme} mode is accessible`, async () => {
    const { page, context } = await newPage(browser, { colorScheme });
    await openDoc(page, server.url, DOC);
    await page.locator(TERM).first().click();
    await page.locator("#term-popover .definition").waitFor();
    await checkA11y(page, `popover ${colorScheme}`);
    await shot(page, `popover-desktop-${colorScheme}`);
    await context.close();
  });
}
