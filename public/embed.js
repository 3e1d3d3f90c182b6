/*! 丝路读本 · Silk Road Reader — embed helper for host pages. MIT licence.
 *
 * Sizes every <iframe data-silk-road-reader> to the reader's content, so the page shows the
 * whole text without a scrollbar inside the frame. The reader posts
 *   { type: "silk-road-reader:height", height: <CSS px> }
 * and nothing else. A message is used only when it comes from one of those iframes'
 * windows AND from the origin of that iframe's src; everything else is ignored.
 *
 * Usage:
 *   <iframe src="https://reader.example/?embed=1&doc=…" title="…" data-silk-road-reader
 *           style="width:100%;height:480px;border:0"></iframe>
 *   <script src="https://reader.example/embed.js" async></script>
 */
(function () {
  "use strict";
  if (window.__silkRoadReaderEmbed) { return; } // the script may be included twice
  window.__silkRoadReaderEmbed = true;

  var HEIGHT = "silk-road-reader:height";
  var HELLO = "silk-road-reader:hello";
  var SELECTOR = "iframe[data-silk-road-reader]";
  var MAX_HEIGHT = 200000;

  function originOf(frame) {
    try {
      var origin = new URL(frame.getAttribute("src") || "", document.baseURI).origin;
      return origin === "null" ? null : origin;
    } catch (e) {
      return null;
    }
  }

  // Asks a frame for its height: for frames that loaded (and reported) before this
  // script ran. Sent only to the frame's own origin.
  function hello(frame) {
    var origin = originOf(frame);
    if (!origin || !frame.contentWindow) { return; }
    try {
      frame.contentWindow.postMessage({ type: HELLO }, origin);
    } catch (e) { /* a frame that went away */ }
  }

  function stillBlank(frame) {
    // A frame that has not loaded yet still shows this page's about:blank; posting to it
    // would only log an origin mismatch.
    try {
      var doc = frame.contentDocument;
      return !!doc && doc.URL === "about:blank";
    } catch (e) {
      return false;
    }
  }

  function watch(frame) {
    if (frame.__silkRoadReader) { return; }
    frame.__silkRoadReader = true;
    frame.addEventListener("load", function () { hello(frame); });
    if (!stillBlank(frame)) { hello(frame); }
  }

  function scan() {
    var frames = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < frames.length; i++) { watch(frames[i]); }
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== HEIGHT) { return; }
    var height = Number(data.height);
    if (!isFinite(height) || height <= 0 || height > MAX_HEIGHT) { return; }
    var frames = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow === event.source && originOf(frame) === event.origin) {
        watch(frame);
        frame.style.height = Math.ceil(height) + "px";
        frame.setAttribute("data-silk-road-reader-height", String(Math.ceil(height)));
        return;
      }
    }
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", scan);
  } else {
    scan();
  }
})();
