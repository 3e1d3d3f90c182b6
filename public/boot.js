// Runs before the app: says clearly what is wrong instead of leaving a blank page when
// WebAssembly (with SIMD, which the segmenter uses) is missing or the app fails to load.
(function () {
  "use strict";
  var BROWSERS = "Chrome / Edge 91+, Firefox 89+, Safari 16.4+";
  function show(zh, en) {
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
  // The smallest module that uses a SIMD instruction (v128.const, i8x16 ops).
  var simd = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0,
    10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);
  var hasWasm = typeof WebAssembly === "object" && typeof WebAssembly.instantiate === "function";
  var hasSimd = false;
  try { hasSimd = hasWasm && WebAssembly.validate(simd); } catch (e) { hasSimd = false; }
  if (!hasWasm) {
    window.srrUnsupported = true;
    document.addEventListener("DOMContentLoaded", function () {
      show("此浏览器不支持 WebAssembly，无法运行阅读器。可用的浏览器：" + BROWSERS + "。",
           "This browser does not support WebAssembly, which the reader needs. Browsers that work: " + BROWSERS + ".");
    });
    return;
  }
  if (!hasSimd) {
    window.srrUnsupported = true;
    document.addEventListener("DOMContentLoaded", function () {
      show("此浏览器的 WebAssembly 不支持 SIMD，分词器无法运行。请更新浏览器。可用的浏览器：" + BROWSERS + "。",
           "This browser's WebAssembly lacks SIMD, which the segmenter needs. Please update it. Browsers that work: " + BROWSERS + ".");
    });
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
})();
