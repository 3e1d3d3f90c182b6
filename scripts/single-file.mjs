#!/usr/bin/env node
// Builds dist/reader.html: the whole reader in one file (CSS, the start-up script, the JS
// glue, the wasm as base64, the texts and the full glossary), for
// readers who receive it by e-mail or on a USB stick and open it by double-click.
//
// From file:// a page cannot fetch a sibling .wasm, so the loader here is an inline module
// that imports the JS glue from a data: URL and hands the decoded wasm bytes to init()
// (asynchronous instantiation: initSync is refused for large modules on the main thread).
// The glossary sits in <script type="application/json" id="srr-glossary">, which the app
// reads instead of fetching GLOSSARY_FILE, and the texts (which the wasm does not embed)
// in <script type="application/json" id="srr-texts">, which it reads instead of fetching
// pre/<doc id>.json (src/ui/texts.rs). No service worker, no embed helper.
//
// Usage: node scripts/single-file.mjs [dist]   (after scripts/postbuild.mjs)
import { readFile, writeFile, readdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Text safe inside a <script> element of a non-JS type (no "</script", no "<!--"). */
const scriptData = (text) => text.replace(/</g, "\\u003c");
/** Text safe inside an inline <style>/<script> element. */
const rawText = (text, tag) => text.replace(new RegExp(`</(${tag})`, "gi"), "<\\/$1");

export async function buildSingleFile(dist) {
  let html = await readFile(join(dist, "index.html"), "utf8");
  const files = await readdir(dist);
  const read = (name) => readFile(join(dist, name.replace(/^\.\//, "")));

  // The loader (external after postbuild, inline straight from Trunk) names the glue and the wasm.
  let loader;
  const ext = html.match(/<script type="module" src="([^"]+)"[^>]*><\/script>/);
  if (ext) loader = (await read(ext[1])).toString("utf8");
  else loader = (html.match(/<script type="module">([\s\S]*?)<\/script>/) || [])[1];
  if (!loader) throw new Error("index.html has no module loader");
  const glueName = (loader.match(/from\s+['"]\.\/([^'"]+\.js)['"]/) || [])[1];
  const wasmName = (loader.match(/module_or_path:\s*['"]\.\/([^'"]+\.wasm)['"]/) || [])[1];
  if (!glueName || !wasmName) throw new Error("cannot find the JS glue and wasm names in the loader");
  const glue = (await read(glueName)).toString("utf8");
  if (/from\s+['"]\.\/snippets\//.test(glue)) throw new Error("the glue imports snippet files, which a single file cannot hold");
  const wasm = await read(wasmName);
  const glossaryName = files.find((f) => /^glossary-[0-9a-f]+\.json$/.test(f));
  if (!glossaryName) throw new Error("no glossary-<hash>.json in dist (the Trunk post_build hook writes it)");
  const glossary = JSON.parse((await read(glossaryName)).toString("utf8"));
  const preNames = (await readdir(join(dist, "pre"))).filter((f) => f.endsWith(".json")).sort();
  if (preNames.length === 0) throw new Error("no pre/<doc id>.json in dist (the Trunk post_build hook writes them)");
  const texts = [];
  for (const f of preNames) {
    const page = JSON.parse((await read(`pre/${f}`)).toString("utf8"));
    if (!Array.isArray(page.blocks) || typeof page.dict !== "string") throw new Error(`pre/${f} holds no text (blocks, dict)`);
    texts.push({ id: f.replace(/\.json$/, ""), blocks: page.blocks, dict: page.dict });
  }

  // Out: loaders, preloads, the service worker and its meta, <base> (nothing is fetched).
  html = html
    .replace(/<script type="module"[^>]*>[\s\S]*?<\/script>\s*/g, "")
    .replace(/<link\b[^>]*\brel="(?:modulepreload|preload)"[^>]*>/g, "")
    .replace(/<script src="(?:\.\/)?sw-client\.js"[^>]*><\/script>\s*/g, "")
    .replace(/<meta name="srr-sw"[^>]*>\s*/g, "")
    .replace(/<base [^>]*>\s*/g, "");

  // In: styles, the start-up script and the icon.
  const styles = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)) {
    const href = (tag.match(/\bhref="([^"]+)"/) || [])[1];
    styles.push([tag, `<style>\n${rawText((await read(href)).toString("utf8"), "style")}</style>`]);
  }
  for (const [tag, inline] of styles) html = html.replace(tag, () => inline);
  const boot = (await read("boot.js")).toString("utf8");
  html = html.replace(/<script src="(?:\.\/)?boot\.js"><\/script>/, () => `<script>\n${rawText(boot, "script")}</script>`);
  const icon = (await read("favicon.svg")).toString("base64");
  html = html.replace(/(<link\b[^>]*\brel="icon"[^>]*\bhref=")[^"]*"/, (_, start) => `${start}data:image/svg+xml;base64,${icon}"`);

  const glueUrl = `data:text/javascript;base64,${Buffer.from(glue).toString("base64")}`;
  const start = `<script type="module">
import init, * as bindings from "${glueUrl}";
const b64 = document.getElementById("srr-wasm").textContent.replace(/\\s+/g, "");
const bin = atob(b64);
const bytes = new Uint8Array(bin.length);
for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
const wasm = await init({ module_or_path: bytes });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
</script>`;
  const data =
    `<script type="application/json" id="srr-glossary">${scriptData(JSON.stringify(glossary))}</script>\n` +
    `<script type="application/json" id="srr-texts">${scriptData(JSON.stringify(texts))}</script>\n` +
    `<script type="application/wasm+base64" id="srr-wasm">${wasm.toString("base64")}</script>\n` +
    start + "\n";
  if (!html.includes("</body>")) throw new Error("index.html has no </body>");
  html = html.replace("</body>", () => data + "</body>");
  html = html.replace(/<meta name="srr-build" content="([^"]*)">/, '<meta name="srr-build" content="$1-single-file">');

  const out = join(dist, "reader.html");
  await writeFile(out, html);
  return { path: out, size: Buffer.byteLength(html), wasm: wasm.length, glossaryTerms: glossary.length, texts: texts.length };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildSingleFile(resolve(process.argv[2] || "dist")).then(
    (r) => console.log(`[single-file] ${r.path}: ${(r.size / 1024).toFixed(1)} KiB (wasm ${(r.wasm / 1024).toFixed(1)} KiB as base64, ${r.texts} texts, ${r.glossaryTerms} glossary terms)`),
    (e) => { console.error(`[single-file] error: ${e.message}`); process.exit(1); },
  );
}
