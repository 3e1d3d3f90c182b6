// The offline side of the reader: registers the service worker that scripts/postbuild.mjs
// generates (sw.js, announced by <meta name="srr-sw" content="sw.js"> in the built
// index.html only), and offers a new version with a visible, bilingual prompt. The new
// version takes over only when the reader asks for it, so a page is never half old and
// half new. Nothing happens under `trunk serve` (no meta), from file://, in an embed
// (?embed=1) or where the browser has no service workers.
(function () {
  "use strict";
  var container;
  try {
    container = navigator.serviceWorker; // throws in sandboxed frames
  } catch (e) {
    return;
  }
  if (!container || (location.protocol !== "https:" && location.protocol !== "http:")) { return; }
  if (/(?:^|&)embed=(?:1|true)(?:&|$)/.test(location.search.slice(1))) { return; }

  var meta = document.querySelector('meta[name="srr-sw"]');
  var scope = new URL("./", location.href).href;
  if (!meta) {
    // A development build (trunk serve): a worker left here by a built copy served on the
    // same address would keep answering with that copy, so remove it.
    if (container.getRegistrations) {
      container.getRegistrations().then(function (regs) {
        regs.forEach(function (reg) { if (reg.scope === scope) { reg.unregister(); } });
      }, function () {});
    }
    return;
  }

  var reloading = false;
  var live = null;
  var prompt = null;

  function span(lang, text, cls) {
    var s = document.createElement("span");
    s.lang = lang;
    s.textContent = text;
    if (cls) { s.className = cls; }
    return s;
  }

  function button(cls, zh, en) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "tool-btn " + cls;
    b.appendChild(span("zh-Hans", zh));
    b.appendChild(document.createTextNode(" · "));
    b.appendChild(span("en", en));
    return b;
  }

  // A polite live region made early, so that filling it later is announced.
  function ensureLive() {
    if (live || !document.body) { return; }
    live = document.createElement("div");
    live.className = "visually-hidden";
    live.setAttribute("role", "status");
    live.setAttribute("data-srr-update-live", "");
    document.body.appendChild(live);
  }

  function showPrompt(worker) {
    if (prompt || !document.body) { return; }
    prompt = document.createElement("aside");
    prompt.className = "srr-update";
    prompt.setAttribute("aria-labelledby", "srr-update-msg");
    var msg = document.createElement("p");
    msg.id = "srr-update-msg";
    msg.appendChild(span("zh-Hans", "阅读器有新版本。刷新后使用新版本。"));
    msg.appendChild(span("en", "A new version of the reader is available. Reload to use it.", "srr-update-en"));
    var reload = button("srr-update-reload", "刷新", "Reload");
    var later = button("srr-update-later", "稍后", "Later");
    reload.addEventListener("click", function () {
      reloading = true;
      reload.disabled = true;
      later.disabled = true;
      worker.postMessage({ type: "SKIP_WAITING" });
      // If another tab already let the new worker take over, controllerchange has fired.
      setTimeout(function () { location.reload(); }, 3000);
    });
    later.addEventListener("click", function () {
      // The new version starts once every tab of the reader has been closed.
      prompt.hidden = true;
    });
    prompt.appendChild(msg);
    prompt.appendChild(reload);
    prompt.appendChild(later);
    // First in the page, so keyboard users reach it at once (it is shown at the bottom).
    document.body.insertBefore(prompt, document.body.firstChild);
    if (live) {
      live.textContent = "阅读器有新版本 · A new version of the reader is available.";
    }
  }

  container.addEventListener("controllerchange", function () {
    // The first install also takes control (clientsClaim), and must not reload the page.
    if (reloading) { location.reload(); }
  });

  function register() {
    ensureLive();
    container.register(meta.getAttribute("content") || "sw.js", { updateViaCache: "none" }).then(function (reg) {
      if (!reg) { return; } // a browser (or automation) that blocks workers may resolve with nothing
      if (reg.waiting && container.controller) { showPrompt(reg.waiting); }
      reg.addEventListener("updatefound", function () {
        var worker = reg.installing;
        if (!worker) { return; }
        worker.addEventListener("statechange", function () {
          if (worker.state === "installed" && container.controller) { showPrompt(worker); }
        });
      });
      // Readers keep the tab open for days: look for a new version when they come back.
      document.addEventListener("visibilitychange", function () {
        if (document.visibilityState === "visible") { reg.update().catch(function () {}); }
      });
    }, function (e) {
      // Offline use is lost, reading is not.
      if (window.console) { console.warn("service worker not registered:", e && e.message || e); }
    });
  }

  // Installing the worker downloads every file of the reader (the wasm, the glossary, every
  // pre-rendered page). Begun at the page's load event, it competed with the first paint of
  // a document's opening for the CPU and the network (the opening painted 25–50 ms later on
  // a 2-core machine; see BENCHMARKS.md), and with the reader's first clicks. So it waits
  // until the app has started, then 3 s more, then for an idle moment. A page whose app
  // never starts registers nothing.
  function afterStart(fn) {
    if (document.documentElement.hasAttribute("data-app-started")) { fn(); return; }
    window.addEventListener("TrunkApplicationStarted", function () { fn(); }, { once: true });
  }
  function whenIdle(fn) {
    if (window.requestIdleCallback) { window.requestIdleCallback(fn, { timeout: 2000 }); } else { setTimeout(fn, 300); }
  }
  afterStart(function () { setTimeout(function () { whenIdle(register); }, 3000); });
})();
