// The end-to-end harness: serves dist/ on 127.0.0.1 under a sub-path, drives Debian's
// Chromium headless with playwright-core, checks accessibility with axe-core and takes
// screenshots. Every browser test file uses it, so all of them run the same way.
import { createServer } from "node:http";
import { readFile, stat, mkdir } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { join, extname, normalize, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import assert from "node:assert/strict";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DIST = join(ROOT, "dist");
export const OUTPUT = join(ROOT, "tests", "e2e", "output");

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".wasm": "application/wasm", ".svg": "image/svg+xml", ".json": "application/json",
  ".png": "image/png", ".webmanifest": "application/manifest+json", ".txt": "text/plain; charset=utf-8",
};

/**
 * Serves `root` under `prefix` (e.g. "/reader/") on 127.0.0.1; returns { url, origin, close, requests,
 * setRoot }. `setRoot(dir)` serves another folder from then on, at the same address (a new deployment).
 * `holdAfter(path, body)` may return `{ at, until }`: the file's first `at` bytes are sent at once,
 * the rest once the promise `until` resolves (a slow link, one file at a time).
 */
export async function startServer({ root = DIST, prefix = "/reader/", host = "127.0.0.1", headers = {}, extraRoutes = {}, holdAfter = null } = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    requests.push(path);
    if (extraRoutes[path]) {
      const [type, body] = extraRoutes[path];
      res.writeHead(200, { "content-type": type, ...headers });
      return res.end(body);
    }
    if (!path.startsWith(prefix)) { res.writeHead(404); return res.end("not found"); }
    const root = served;
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(root)) { res.writeHead(403); return res.end(); }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream", "cache-control": "no-cache", ...headers });
      const hold = holdAfter?.(path, body);
      if (hold) {
        res.write(body.subarray(0, hold.at));
        await hold.until;
        return res.end(body.subarray(hold.at));
      }
      res.end(body);
    } catch {
      res.writeHead(404); res.end("not found");
    }
  });
  let served = root;
  await new Promise((resolve) => server.listen(0, host, resolve));
  const origin = `http://${host}:${server.address().port}`;
  const close = () => new Promise((r) => { server.close(r); server.closeAllConnections(); });
  return { url: origin + prefix, origin, requests, close, setRoot: (dir) => { served = dir; } };
}

/** Launches headless Chromium with the flags this closed network needs. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions"],
  });
}

/** A new page (own context, so storage is fresh) that records console errors and page errors. */
export async function newPage(browser, { width = 1280, height = 900, colorScheme = "light", locale = "zh-CN", hasTouch = false, isMobile = false, context } = {}) {
  const ctx = context || await browser.newContext({ viewport: { width, height }, colorScheme, locale, hasTouch, isMobile, deviceScaleFactor: 1 });
  const page = await ctx.newPage();
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  return { page, errors, context: ctx };
}

/** Opens the app at `hash` and waits until it has mounted and rendered its main region. */
export async function openApp(page, base, hash = "#/") {
  await page.goto(base + hash);
  await page.waitForSelector("html[data-app-started] main#main > *", { timeout: 20000 });
}

/** Waits until a document is rendered (its paragraphs are in the DOM). */
export async function openDoc(page, base, doc, para) {
  await openApp(page, base, `#/doc/${doc}` + (para ? `/p/${para}` : ""));
  await page.waitForSelector(`[data-doc="${doc}"] [data-para]`, { state: "attached" });
}

const AXE = readFileSync(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");

/** Runs axe-core (WCAG 2.0/2.1 A and AA) on the page; fails listing every violation. */
export async function checkA11y(page, label) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) {
    await page.addScriptTag({ content: AXE });
  }
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ") + " — " + n.failureSummary) }));
  });
  assert.deepEqual(result, [], `axe-core violations on ${label}:\n` + JSON.stringify(result, null, 2));
}

/** Saves a screenshot under tests/e2e/output/screenshots/<name>.png. */
export async function shot(page, name, { fullPage = false } = {}) {
  const dir = join(OUTPUT, "screenshots");
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/** The desktop and phone viewports the suite checks. */
export const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 375, height: 740, hasTouch: true, isMobile: true } };

/** Asserts no console errors were recorded (ignoring the favicon fetch some engines try). */
export function assertNoErrors(errors, label) {
  const real = errors.filter((e) => !/favicon/.test(e));
  assert.deepEqual(real, [], `console errors on ${label}`);
}

/** Selects characters [start, end) (UTF-16) of a block's text, as a reader would. */
export async function selectText(page, para, start, end) {
  await page.evaluate(([para, start, end]) => {
    const block = document.querySelector(`[data-para="${para}"]`);
    block.scrollIntoView({ block: "center" });
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    let at = 0, node, startSet = false;
    const range = document.createRange();
    while ((node = walker.nextNode())) {
      const len = node.data.length;
      if (!startSet && start <= at + len) { range.setStart(node, start - at); startSet = true; }
      if (end <= at + len) { range.setEnd(node, end - at); break; }
      at += len;
    }
    const sel = getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }, [para, start, end]);
}
