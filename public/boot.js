// Runs before the app: says clearly what is wrong instead of leaving a blank page when
// WebAssembly (with SIMD, which the segmenter uses) is missing or the app fails to load.
(function () {
  "use strict";
  var BROWSERS = "Chrome / Edge 91+, Firefox 89+, Safari 16.4+";
  function show(zh, en) {
    document.documentElement.classList.remove("boot-waiting");
    var box = document.getElementById("boot");
    var msg = document.getElementById("boot-msg");
    if (!box || !msg) { return; }
    box.classList.add("boot-failed");
    box.setAttribute("role", "alert");
    msg.textContent = "";
    var p1 = document.createElement("span"); p1.lang = "zh-Hans"; p1.textContent = zh;
    var p2 = document.createElement("span"); p2.lang = "en"; p2.textContent = en;
    msg.appendChild(p1); msg.appendChild(document.createElement("br")); msg.appendChild(p2);
  }
  window.srrBootFailure = show;
  var hasWasm = typeof WebAssembly === "object" && typeof WebAssembly.instantiate === "function";
  if (!hasWasm) {
    window.srrUnsupported = true;
    document.addEventListener("DOMContentLoaded", function () {
      show("此浏览器不支持 WebAssembly，无法运行阅读器。可用的浏览器：" + BROWSERS + "。",
           "This browser does not support WebAssembly, which the reader needs. Browsers that work: " + BROWSERS + ".");
    });
    return;
  }
  // Whether WebAssembly has SIMD, which the segmenter needs: the smallest module that uses a
  // SIMD instruction (v128.const, i8x16 ops). Validating even this makes the page start its
  // WebAssembly engine, 5-10 ms on a small machine, so it is asked when the app is about to
  // start (openGate), after a linked document's opening has been asked for and shown: that
  // text is readable in any browser.
  function simdMissing() {
    var simd = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0,
      10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);
    try { return !WebAssembly.validate(simd); } catch (e) { return true; }
  }
  function failed(reason) {
    if (document.documentElement.hasAttribute("data-app-started")) { return; }
    var detail = reason && (reason.message || String(reason)) || "unknown error";
    show("阅读器未能载入（" + detail + "）。请刷新页面；如问题仍在，请使用 " + BROWSERS + "。",
         "The reader failed to load (" + detail + "). Please reload; if it persists, use " + BROWSERS + ".");
  }
  window.addEventListener("unhandledrejection", function (e) { failed(e.reason); });

  window.addEventListener("error", function (e) {
    if (e && e.target && (e.target.tagName === "SCRIPT" || e.target.tagName === "LINK")) {
      failed(new Error("could not fetch " + (e.target.src || e.target.href)));
    } else if (e) {
      // An exception before the app started (e.g. the loader's init() rejected).
      failed(e.error || e.message);
    }
  }, true);

  // Before the app has started: the reader's saved theme and text size (so that a reader
  // who chose dark never sees a light page flash), and, when the address names a
  // document, the opening of its text pre-rendered at build time (pre/<doc>.json, see
  // src/core/prerender.rs), so reading starts while the wasm still downloads on a slow
  // connection and before the app has compiled on a fast one. The app replaces both when it
  // mounts. Embeds (?embed=1) take their look from the URL.
  // The gate the loader awaits before it compiles and starts the wasm (scripts/postbuild.mjs
  // writes `await window.srrAppGate` into it). Compiling the wasm and starting the app keep
  // both cores of a small machine busy for a few hundred milliseconds; started after the
  // pre-rendered opening has been painted, they no longer hold it back. The wasm itself
  // still downloads from the start (index.html preloads it). The gate opens at once when
  // there is nothing to pre-render, and after 2 s whatever happens. It resolves with the
  // reason it opened (for tests): "painted", "none" (nothing to pre-render), "no opening"
  // (the page failed or does not apply) or "timeout".
  // Where WebAssembly lacks SIMD the gate stays shut (the app could not run) and the page
  // says why, over the opening if one is shown.
  var gateOpened = false, resolveGate;
  window.srrAppGate = new Promise(function (resolve) { resolveGate = resolve; });
  function openGate(reason) {
    if (gateOpened) { return; }
    gateOpened = true;
    if (!simdMissing()) { resolveGate(reason); return; }
    window.srrUnsupported = true;
    var explain = function () {
      show("此浏览器的 WebAssembly 不支持 SIMD，分词器无法运行。请更新浏览器。可用的浏览器：" + BROWSERS + "。",
           "This browser's WebAssembly lacks SIMD, which the segmenter needs. Please update it. Browsers that work: " + BROWSERS + ".");
    };
    if (document.getElementById("boot")) { explain(); } else { document.addEventListener("DOMContentLoaded", explain); }
  }
  setTimeout(function () { openGate("timeout"); }, 2000);
  var root = document.documentElement;
  // The same test as sw-client.js and core::embed (embed=1 or embed=true).
  if (/[?&]embed=(?:1|true)(?:&|$)/.test(location.search)) { openGate("none"); return; }
  // The opening is asked for first, before anything else here takes time (the first read
  // of localStorage can take milliseconds).
  var route = /^#\/doc\/([a-z0-9-]+)(?:\/p\/([a-z0-9-]+))?/.exec(location.hash);
  // From file:// (the single-file reader.html) there is nothing beside the page to fetch.
  var pre = null;
  if (route && typeof fetch === "function" && location.protocol !== "file:" && !document.hidden) {
    var build = document.querySelector('meta[name="srr-build"]');
    var url = "pre/" + route[1] + ".json" + (build ? "?v=" + encodeURIComponent(build.content) : "");
    // index.html's inline script has usually asked for it already (unless a strict
    // Content-Security-Policy without its hash blocked that script).
    var early = window.srrOpening;
    var response = early && early.url === url ? early.response : fetch(url, { priority: "high" });
    // The same file holds the document's text and its part of the dictionary (its
    // "blocks" and "dict", after "zh", "en" and "text"), which the app takes from here
    // rather than fetching them again (src/ui/texts.rs): `page` is the whole file's text,
    // unparsed (the app parses it once, itself). The opening is shown as soon as its own
    // fields are in (`pre`), without waiting for the rest, which on a slow link takes as
    // long again (src/core/prerender.rs).
    var resolveOpening;
    pre = new Promise(function (resolve) { resolveOpening = resolve; });
    var page = response.then(function (r) { return r.ok ? readPage(r, resolveOpening) : null; });
    // A promise settles once: where the opening was already shown this changes nothing.
    page.then(function () { resolveOpening(null); }, function () { resolveOpening(null); });
    window.srrPre = { id: route[1], page: page };
  }
  var settings = {};
  try { settings = JSON.parse(window.localStorage.getItem("silk-road-reader/settings/v1") || "{}") || {}; } catch (e) { settings = {}; }
  var theme = settings.theme;
  if (theme !== "light" && theme !== "dark" && theme !== "sepia") {
    theme = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }
  root.setAttribute("data-theme", theme);
  var size = settings.font_size, height = settings.line_height;
  if (typeof size === "number" && size >= 14 && size <= 28) { root.style.setProperty("--reader-font-size", size + "px"); }
  if (typeof height === "number" && height >= 14 && height <= 26) { root.style.setProperty("--reader-line-height", (height / 10).toFixed(1)); }

  if (!pre) { openGate("none"); return; }
  // While the opening is on its way (tens of milliseconds), the loading message is not
  // laid out: laying it out and then the opening costs the first paint a whole layout
  // (its CJK text's font fallback included). It shows if the opening fails, and after
  // 600 ms on a slow link.
  root.classList.add("boot-waiting");
  var stopWaiting = function () { root.classList.remove("boot-waiting"); };
  setTimeout(stopWaiting, 600);
  pre.then(function (page) {
    if (!page || typeof page.text !== "string") { stopWaiting(); openGate("no opening"); return; }
    var show = function () {
      var shown = showText(page, route[2]);
      stopWaiting();
      if (!shown) { openGate("no opening"); return; }
      // rAF runs just before the frame that paints the text; a task queued from it runs
      // once that frame is done.
      requestAnimationFrame(function () { setTimeout(function () { openGate("painted"); }, 0); });
    };
    // The body is parsed a moment after this script has run: show the opening as soon as
    // #boot is there. Not at DOMContentLoaded, nor when readyState leaves "loading":
    // Chromium holds both until the deferred scripts and the loader's module with the
    // glue it imports have arrived, and those come at low priority (a third of cold loads
    // waited 50-100 ms for them; BENCHMARKS.md, session 5).
    if (document.getElementById("boot")) { show(); return; }
    var parsed = new MutationObserver(function () {
      if (!document.getElementById("boot")) { return; }
      parsed.disconnect();
      show();
    });
    parsed.observe(document.documentElement, { childList: true, subtree: true });
  }).catch(function () { stopWaiting(); openGate("no opening"); /* the loading message stays */ });

  // The interface language as the app will choose it (core::i18n::Lang::from_browser).
  function language() {
    if (settings.lang === "zh" || settings.lang === "en") { return settings.lang; }
    var prefs = navigator.languages || [navigator.language || ""];
    for (var i = 0; i < prefs.length; i++) {
      var tag = String(prefs[i]).toLowerCase();
      if (tag.indexOf("zh") === 0) { return "zh"; }
      if (tag.indexOf("en") === 0) { return "en"; }
    }
    return "en";
  }

  /**
   * The whole file's text; `onOpening` gets its first fields (zh, en, text), parsed, as
   * soon as they have arrived. A JSON string never holds `,"blocks":` unescaped, so the
   * first occurrence ends the opening's fields. Without streams, the whole file at once,
   * of which only the opening is parsed here (the app parses the rest).
   */
  function readPage(r, onOpening) {
    var cut = false, shown = false;
    var parse = function (json) {
      try { onOpening(JSON.parse(json)); return true; } catch (e) { return false; }
    };
    // `text` is the file so far: its opening once the cut has come; at the end (`done`),
    // the whole file if the cut never came or the part before it did not parse.
    var show = function (text, done) {
      if (shown) { return; }
      var end = cut ? -1 : text.indexOf(',"blocks":');
      if (end >= 0) { cut = true; shown = parse(text.slice(0, end) + "}"); }
      if (!shown && done) { shown = parse(text); }
    };
    if (!r.body || !r.body.getReader || typeof TextDecoder !== "function") {
      return r.text().then(function (text) { show(text, true); return text; });
    }
    var reader = r.body.getReader(), decoder = new TextDecoder(), text = "";
    function pump() {
      return reader.read().then(function (chunk) {
        if (chunk.done) {
          text += decoder.decode();
          show(text, true);
          return text;
        }
        text += decoder.decode(chunk.value, { stream: true });
        show(text, false);
        return pump();
      });
    }
    return pump();
  }

  /** Shows the opening; false when it does not apply (then nothing changed). */
  function showText(page, para) {
    var boot = document.getElementById("boot");
    if (!boot || root.hasAttribute("data-app-started")) { return false; }
    var lang = language();
    var box = document.createElement("div");
    box.id = "prerender";
    box.className = "prerender";
    // Nothing in it works yet: inert keeps it out of focus, clicks and the accessibility
    // tree, where the loading status speaks instead.
    box.setAttribute("inert", "");
    box.innerHTML = lang === "zh" ? page.zh : page.en;
    var text = box.querySelector(".doc-text");
    if (!text) { return false; }
    text.innerHTML = page.text;
    // The reader's 五通 toggles and paragraph numbers, as the app will apply them.
    var five = ["zheng-ce-gou-tong", "she-shi-lian-tong", "mao-yi-chang-tong", "zi-jin-rong-tong", "min-xin-xiang-tong"];
    if (settings.five && settings.five.length === 5) {
      for (var i = 0; i < 5; i++) { if (settings.five[i] === false) { text.classList.add("hide-" + five[i]); } }
    }
    if (settings.para_numbers === true) { text.classList.add("show-numbers"); }
    // The page holds the document's opening: a link further in waits for the app.
    var target = para && box.querySelector('[data-pre="' + para + '"]');
    if (para && !target) { return false; }
    root.setAttribute("lang", lang === "zh" ? "zh-Hans" : "en");
    boot.classList.add("boot-over-text");
    boot.parentNode.insertBefore(box, boot);
    if (target) { target.scrollIntoView(); }
    return true;
  }
})();
