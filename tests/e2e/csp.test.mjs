// A strict Content Security Policy: dist/ served with the policy README.md documents
// (`script-src 'self' 'wasm-unsafe-eval'` and the hash of index.html's one inline script)
// renders the reader, a document, an embed and registers its service worker, with no
// violation reported. Trunk's inline loader is moved into a file by scripts/postbuild.mjs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { startServer, launch, newPage, openApp, openDoc, assertNoErrors, DIST } from "./harness.mjs";
import { DOCS } from "./corpus.mjs";

const README = await readFile(join(DIST, "..", "README.md"), "utf8");
const POLICY = (README.match(/^Content-Security-Policy: (.+)$/m) || [])[1];
/** The same without the inline script's hash, as a host that has not updated its policy sends it. */
const POLICY_NO_HASH = POLICY?.replace(/ 'sha256-[^']+'/, "");

let server, browser;
before(async () => {
  server = await startServer({ prefix: "/csp/reader/", headers: { "content-security-policy": POLICY } });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** A page that records CSP violations (events and console reports) from the first script on. */
async function strictPage() {
  const opened = await newPage(browser);
  const reports = [];
  opened.page.on("console", (m) => { if (/Content Security Policy/i.test(m.text())) reports.push(m.text()); });
  await opened.page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  return { ...opened, reports, violations: () => opened.page.evaluate(() => window.__cspViolations) };
}

test("index.html's one inline script is the one README's policy allows, and the loader keeps SRI", async () => {
  const html = await readFile(join(DIST, "index.html"), "utf8");
  const { createHash } = await import("node:crypto");
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  const inline = scripts.filter(([, attrs]) => !/\bsrc="/.test(attrs));
  assert.deepEqual(inline.map(([, attrs]) => attrs.trim()), ['id="srr-opening"'], "the only inline script is the opening's early request");
  const hash = `'sha256-${createHash("sha256").update(inline[0][2]).digest("base64")}'`;
  assert.ok(POLICY, "README.md documents a Content-Security-Policy line");
  assert.ok(POLICY.includes(hash), `README.md's policy allows ${hash} (update it when the inline script changes)`);
  for (const [, attrs, body] of scripts.filter(([, attrs]) => /\bsrc="/.test(attrs))) assert.equal(body.trim(), "", attrs);
  const loader = html.match(/<script type="module" src="\.\/(loader-[0-9a-f]{16}\.js)" integrity="(sha384-[^"]+)"><\/script>/);
  assert.ok(loader, "the module loader is a file with an integrity hash");
  const digest = createHash("sha384").update(await readFile(join(DIST, loader[1]))).digest("base64");
  assert.equal(loader[2], `sha384-${digest}`);
});

test(`the reader runs under "${POLICY}" with no violation`, async () => {
  const { page, errors, context, reports, violations } = await strictPage();
  const response = await page.goto(server.url);
  assert.equal(response.headers()["content-security-policy"], POLICY);
  await page.waitForSelector("html[data-app-started] [data-doc-card]", { timeout: 20000 });
  assert.equal(await page.locator("[data-doc-card]").count(), DOCS.length);
  await openDoc(page, server.url, DOCS[1].id, DOCS[1].paras[1].id);
  // The service worker is a script too (worker-src falls back to script-src 'self').
  await page.waitForFunction(() => navigator.serviceWorker.controller, null, { timeout: 30000 });

  // A link straight to a document: the inline script asks for its opening.
  const linked = await page.context().newPage();
  linked.on("console", (m) => { if (/Content Security Policy/i.test(m.text())) reports.push(m.text()); });
  await linked.goto(`${server.url}#/doc/${DOCS[2].id}`);
  await linked.waitForSelector(`html[data-app-started] [data-doc="${DOCS[2].id}"] [data-para]`, { timeout: 20000 });
  assert.equal(await linked.evaluate(() => typeof window.srrOpening), "object", "the early request ran");

  // An embed, with its passage style and its height reports.
  const embed = await page.context().newPage();
  embed.on("console", (m) => { if (/Content Security Policy/i.test(m.text())) reports.push(m.text()); });
  await embed.goto(`${server.url}?embed=1&doc=${DOCS[0].id}&para=${DOCS[0].paras[0].id}&theme=sepia`);
  await embed.waitForSelector("html[data-embed] .embed-bar", { timeout: 20000 });
  assert.equal(await embed.locator("[data-para]:visible").count(), 1);

  assert.deepEqual(await violations(), []);
  assert.deepEqual(reports, []);
  assertNoErrors(errors, "strict CSP");

  // The policy is really enforced: an inline script, which it does not allow, never runs.
  const ran = await page.evaluate(async () => {
    const s = document.createElement("script");
    s.textContent = "window.__inlineRan = true";
    document.head.appendChild(s);
    await new Promise((r) => setTimeout(r, 100));
    return window.__inlineRan === true;
  });
  assert.equal(ran, false);
  assert.match((await violations()).join("\n"), /script-src/);
  await context.close();
});

test("under a policy without the inline script's hash, a link to a document still opens (boot.js asks for the opening)", async () => {
  const plain = await startServer({ prefix: "/csp2/reader/", headers: { "content-security-policy": POLICY_NO_HASH } });
  try {
    const { page, context, violations } = await strictPage();
    const doc = DOCS[3];
    await page.goto(`${plain.url}#/doc/${doc.id}`);
    await page.waitForSelector(`html[data-app-started] [data-doc="${doc.id}"] [data-para]`, { timeout: 20000 });
    assert.equal(await page.evaluate(() => typeof window.srrOpening), "undefined", "the inline script was blocked");
    assert.match((await violations()).join("\n"), /script-src/, "and reported");
    assert.equal(plain.requests.filter((r) => r.includes(`/pre/${doc.id}.json`)).length, 1, "the opening was fetched once, by boot.js");
    await context.close();
  } finally {
    await plain.close();
  }
});
