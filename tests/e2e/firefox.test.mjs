// A smoke test in Firefox, when Debian's firefox-esr is installed (`apt-get install
// firefox-esr`; skipped otherwise). playwright-core drives only Playwright's own Firefox
// build, which cannot be fetched here, and its WebDriver BiDi mode needs commands
// firefox-esr lacks; so this file speaks WebDriver BiDi to firefox-esr directly, over the
// WebSocket it opens with --remote-debugging-port. It checks what is most engine-specific:
// the wasm (with SIMD) starts and renders, the service worker takes over and serves the
// reader offline, and embed.js sizes a cross-origin reader frame to its content.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, DIST } from "./harness.mjs";
import { DOCS } from "./corpus.mjs";

const FIREFOX = process.env.FIREFOX_PATH || "/usr/bin/firefox-esr";
const skip = existsSync(FIREFOX) ? false : `${FIREFOX} not installed (apt-get install firefox-esr)`;
// Node 20 has no WebSocket global without a flag; playwright-core carries the `ws` package.
const WebSocketImpl = globalThis.WebSocket || createRequire(import.meta.url)("playwright-core/lib/utilsBundle").ws;

/** firefox-esr, headless, with a fresh profile, and a WebDriver BiDi session on it. */
async function startFirefox() {
  const profile = await mkdtemp(join(tmpdir(), "srr-firefox-"));
  // Quiet on a closed network: no updates, telemetry, captive-portal or first-run pages.
  await writeFile(join(profile, "user.js"), [
    ["app.update.disabledForTesting", true], ["browser.shell.checkDefaultBrowser", false],
    ["datareporting.policy.dataSubmissionEnabled", false], ["toolkit.telemetry.reportingpolicy.firstRun", false],
    ["network.captive-portal-service.enabled", false], ["network.connectivity-service.enabled", false],
    ["browser.safebrowsing.update.enabled", false], ["extensions.update.enabled", false],
  ].map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join("\n"));
  const proc = spawn(FIREFOX, ["--headless", "--no-remote", "--profile", profile, "--remote-debugging-port=0", "about:blank"],
    { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: "1" } });
  const endpoint = await new Promise((resolve, reject) => {
    let err = "";
    const timer = setTimeout(() => reject(new Error(`firefox did not start:\n${err}`)), 60000);
    proc.stderr.on("data", (d) => {
      err += d;
      const m = err.match(/WebDriver BiDi listening on (ws:\/\/\S+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    proc.on("exit", (code) => reject(new Error(`firefox exited (${code}):\n${err}`)));
  });
  const ws = new WebSocketImpl(`${endpoint}/session`);
  await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = reject; });
  let next = 0;
  const pending = new Map();
  ws.onmessage = (e) => {
    const msg = JSON.parse(typeof e.data === "string" ? e.data : e.data.toString());
    if (msg.id !== undefined && pending.has(msg.id)) {
      const { resolve, reject } = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.type === "error") reject(new Error(`${msg.error}: ${msg.message}`)); else resolve(msg.result);
    }
  };
  const send = (method, params = {}) => new Promise((resolve, reject) => {
    const id = ++next;
    pending.set(id, { resolve, reject });
    ws.send(JSON.stringify({ id, method, params }));
  });
  await send("session.new", { capabilities: {} });
  const { contexts } = await send("browsingContext.getTree", {});
  const context = contexts[0].context;
  const ff = {
    version: () => send("session.status"),
    goto: (url) => send("browsingContext.navigate", { context, url, wait: "complete" }),
    reload: () => send("browsingContext.reload", { context, wait: "complete" }),
    /** Evaluates an expression (awaiting a promise) in the page; returns its JSON value. */
    async eval(expression) {
      const r = await send("script.evaluate", {
        expression: `(async () => JSON.stringify(await (${expression})))()`,
        target: { context }, awaitPromise: true, resultOwnership: "none",
      });
      if (r.type === "exception") throw new Error(`in Firefox: ${r.exceptionDetails.text}`);
      return r.result.value === undefined ? undefined : JSON.parse(r.result.value);
    },
    /** Polls an expression until it is truthy. */
    async until(expression, label, timeout = 30000) {
      const end = Date.now() + timeout;
      while (Date.now() < end) {
        if (await ff.eval(expression).catch(() => false)) return;
        await new Promise((r) => setTimeout(r, 200));
      }
      assert.fail(`Firefox: timed out waiting for ${label}`);
    },
    async close() {
      await send("session.end").catch(() => {});
      ws.close();
      proc.kill();
      await new Promise((r) => proc.exitCode !== null ? r() : proc.on("exit", r));
      await rm(profile, { recursive: true, force: true });
    },
  };
  return ff;
}

let ff;
before(async () => { if (!skip) ff = await startFirefox(); });
after(async () => { await ff?.close(); });

test("Firefox: the reader renders a document, and works offline after one visit", { skip }, async () => {
  const server = await startServer({ prefix: "/ff/reader/" });
  const doc = DOCS[1];
  await ff.goto(`${server.url}#/doc/${doc.id}`);
  await ff.until(`document.querySelector("html[data-app-started] [data-doc='${doc.id}'] [data-para]")`, "the document");
  assert.equal(await ff.eval(`document.querySelector(".doc-title").textContent`), doc.title);
  assert.equal(await ff.eval(`document.querySelectorAll("[data-doc='${doc.id}'] [data-para]").length`), doc.paras.length);
  await ff.until("navigator.serviceWorker.controller && navigator.serviceWorker.controller.state === 'activated'", "the service worker");
  await server.close();
  await ff.reload();
  await ff.until(`document.querySelector("html[data-app-started] [data-doc='${doc.id}'] [data-para]")`, "the document, offline");
});

test("Firefox: embed.js sizes a cross-origin reader frame to its content", { skip }, async () => {
  const reader = await startServer();
  const demo = (await readFile(join(DIST, "embed-demo.html"), "utf8")).replace("<head>", `<head>\n  <base href="${reader.url}">`);
  const host = await startServer({ host: "localhost", prefix: "/site/", extraRoutes: { "/article.html": ["text/html; charset=utf-8", demo] } });
  await ff.goto(host.origin + "/article.html");
  await ff.until(`(() => { const f = document.querySelector("iframe[data-silk-road-reader]");
    return f && Number(f.getAttribute("data-silk-road-reader-height")) > 1500; })()`, "the first frame to be sized");
  const h = await ff.eval(`document.querySelector("iframe[data-silk-road-reader]").getBoundingClientRect().height`);
  assert.ok(h > 1500, `frame height ${h}`);
  await reader.close();
  await host.close();
});
