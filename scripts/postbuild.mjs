#!/usr/bin/env node
// Post-build steps for a release dist/ (run by scripts/build.sh after `trunk build`;
// `trunk serve` never runs them, so development has no service worker):
//
// 1. Strict CSP: moves Trunk's inline module loader into a content-hashed file
//    (loader-<hash>.js, with an SRI hash like Trunk's own), so the reader runs under
//    `script-src 'self' 'wasm-unsafe-eval'` plus the hash of index.html's own small inline
//    script (id="srr-opening", left in place; README gives the policy).
// 2. One stylesheet: the nine of styles/ joined into app-<hash>.css, in order.
// 3. Offline: marks index.html with <meta name="srr-sw" content="sw.js"> (sw-client.js
//    registers a worker only then) and generates sw.js with workbox-build, runtime inlined
//    (no CDN import), precaching every asset, including the glossary file the app fetches
//    lazily. reader.html (the single-file copy) and the embed demo are left out.
// 4. Smaller: the stylesheet and the scripts of a first visit (boot.js, sw-client.js)
//    minified (scripts/minify.mjs; the wasm glue is minified by scripts/split.mjs).
//
// Usage: node scripts/postbuild.mjs [dist]      (also importable: see the exports)
import { createHash } from "node:crypto";
import { readFile, writeFile, readdir, unlink } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { minifyCss, minifyJs } from "./minify.mjs";

const sha = (algo, data, enc = "hex") => createHash(algo).update(data).digest(enc);

/** Moves the inline `<script type="module">` loader into a file. Idempotent. */
export async function externalizeLoader(dist) {
  const indexPath = join(dist, "index.html");
  let html = await readFile(indexPath, "utf8");
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attrs, body]) => !/\bsrc\s*=/i.test(attrs) && !/application\/(ld\+)?json/i.test(attrs) && !/\bid="srr-opening"/.test(attrs) && body.trim());
  if (inline.length === 0) return null; // already done
  const modules = inline.filter(([, attrs]) => /type\s*=\s*["']?module/i.test(attrs));
  if (modules.length !== 1 || inline.length !== 1) {
    throw new Error(`index.html: expected exactly one inline script (Trunk's module loader), found ${inline.length}`);
  }
  const [whole, , body] = modules[0];
  // The loader waits for public/boot.js's gate (open once a pre-rendered opening has been
  // painted, or at once when there is none) before it compiles and starts the wasm.
  const start = "const wasm = await init(";
  if (!body.includes(start)) throw new Error(`Trunk's loader no longer contains "${start}": update the gate in scripts/postbuild.mjs`);
  const code = body.trim().replace(start, `await window.srrAppGate;\n${start}`) + "\n";
  const name = `loader-${sha("sha256", code).slice(0, 16)}.js`;
  const integrity = `sha384-${sha("sha384", code, "base64")}`;
  await writeFile(join(dist, name), code);
  html = html.replace(whole, `<script type="module" src="./${name}" integrity="${integrity}"></script>`);
  await writeFile(indexPath, html);
  return name;
}

/**
 * Joins the stylesheets index.html links (Trunk copies styles/*.css one by one) into one
 * content-hashed file, in the same order: one request instead of nine, each of which
 * blocks the first paint. Idempotent.
 */
export async function mergeStylesheets(dist) {
  const indexPath = join(dist, "index.html");
  let html = await readFile(indexPath, "utf8");
  const links = [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>\s*/g)]
    .map((m) => ({ tag: m[0], href: /\bhref="(?:\.\/)?([^"]+\.css)"/.exec(m[0])?.[1] }));
  if (links.length < 2) return null;
  if (links.some((l) => !l.href || l.href.includes("/") || /\bmedia=/.test(l.tag))) {
    throw new Error("index.html: a stylesheet link is not a plain local file; update mergeStylesheets");
  }
  const parts = [];
  for (const l of links) parts.push((await readFile(join(dist, l.href), "utf8")).trim());
  const css = minifyCss(parts.join("\n"));
  const name = `app-${sha("sha256", css).slice(0, 16)}.css`;
  await writeFile(join(dist, name), css);
  const integrity = `sha384-${sha("sha384", css, "base64")}`;
  html = html.replace(links[0].tag, `<link rel="stylesheet" href="./${name}" integrity="${integrity}">\n  `);
  for (const l of links.slice(1)) html = html.replace(l.tag, "");
  await writeFile(indexPath, html);
  for (const l of links) await unlink(join(dist, l.href));
  return name;
}

/**
 * Trunk gives stylesheets an SRI hash but no `crossorigin`: a page whose origin is opaque
 * (served with `Content-Security-Policy: sandbox`, as a locked-down embed may be) then
 * refuses them, since integrity needs a CORS fetch there. `crossorigin="anonymous"`
 * changes nothing for a same-origin page and keeps SRI working everywhere.
 */
export function corsForIntegrity(html) {
  return html.replace(/<link\b[^>]*\bintegrity="[^"]*"[^>]*>/g, (tag) =>
    /\bcrossorigin\b/.test(tag) ? tag : tag.replace(/^<link\b/, '<link crossorigin="anonymous"'));
}

/** Adds `<meta name="…" content="…">` after `<meta charset>` (or replaces it). */
function setMeta(html, name, content) {
  const tag = `<meta name="${name}" content="${content}">`;
  const existing = new RegExp(`<meta name="${name}" content="[^"]*">`);
  if (existing.test(html)) return html.replace(existing, tag);
  return html.replace(/(<meta charset="[^"]*">)/i, `$1\n  ${tag}`);
}

/** A short id of this build: a hash of every asset's name and content. */
async function buildId(dist) {
  const h = createHash("sha256");
  // Every file, also in sub-directories (pre/: the pre-rendered documents).
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  const names = entries.filter((e) => e.isFile()).map((e) => relative(dist, join(e.parentPath ?? e.path, e.name))).sort();
  for (const f of names) {
    if (["index.html", "sw.js", "reader.html"].includes(f)) continue;
    h.update(f).update(await readFile(join(dist, f)));
  }
  return h.digest("hex").slice(0, 12);
}

/** Announces the worker in index.html, writes the build id, makes SRI CORS-ready. */
export async function markIndex(dist, id) {
  const indexPath = join(dist, "index.html");
  let html = corsForIntegrity(await readFile(indexPath, "utf8"));
  // The app starts only once a pre-rendered opening has been painted (the gate in
  // public/boot.js), so its glue and wasm need not compete with what that paint needs
  // (the stylesheet, boot.js, the opening itself): they download at low priority.
  html = html.replace(/<link\b(?=[^>]*\brel="(?:modulepreload|preload)")(?![^>]*\bfetchpriority=)/g, '<link fetchpriority="low"');
  html = setMeta(html, "srr-sw", "sw.js");
  html = setMeta(html, "srr-build", id || (await buildId(dist)));
  await writeFile(indexPath, html);
}

/** Generates dist/sw.js; returns { count, size, warnings }. */
export async function writeServiceWorker(dist) {
  const { generateSW } = await import("workbox-build");
  const result = await generateSW({
    swDest: join(dist, "sw.js"),
    globDirectory: dist,
    globPatterns: ["**/*"],
    globIgnores: ["sw.js", "reader.html", "embed-demo.html", "**/*.map"],
    inlineWorkboxRuntime: true,
    sourcemap: false,
    mode: "production",
    cacheId: "silk-road-reader",
    // The reader decides when a new version takes over (sw-client.js asks with
    // SKIP_WAITING); the first install controls the open page at once.
    skipWaiting: false,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    // Trunk's names carry a content hash (hex, leading zeros dropped): no revision needed.
    dontCacheBustURLsMatching: /-[0-9a-f]{8,16}(?:_bg)?\.(?:js|css|wasm|json)$/,
    // Hash routes: the only page is index.html, reached as ./, ./index.html or with
    // ?embed=1&…, all answered by the one precached copy; boot.js asks for
    // pre/<doc>.json?v=<build id> (to pass HTTP caches after a release), also the same file.
    ignoreURLParametersMatching: [/.*/],
    directoryIndex: "index.html",
    maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
  });
  const sw = await readFile(join(dist, "sw.js"), "utf8");
  if (/importScripts\s*\(/.test(sw)) throw new Error("sw.js imports a script: the workbox runtime must be inlined");
  if (!/SKIP_WAITING/.test(sw)) throw new Error("sw.js does not listen for SKIP_WAITING");
  return result;
}

/** The classic scripts a first visit loads, minified in place (a second run changes nothing). */
export async function minifyScripts(dist) {
  for (const f of ["boot.js", "sw-client.js"]) {
    const path = join(dist, f);
    await writeFile(path, await minifyJs(await readFile(path, "utf8")));
  }
}

/** All post-build steps, in order. */
export async function postbuild(dist) {
  const loader = await externalizeLoader(dist);
  const css = await mergeStylesheets(dist);
  await minifyScripts(dist);
  await markIndex(dist);
  const { count, size, warnings } = await writeServiceWorker(dist);
  for (const w of warnings) console.warn(`[postbuild] workbox: ${w}`);
  console.log(`[postbuild] loader: ${loader ?? "already external"}; stylesheet: ${css ?? "already one"}; sw.js precaches ${count} files, ${(size / 1024).toFixed(1)} KiB`);
  return { loader, count, size };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  postbuild(resolve(process.argv[2] || "dist")).catch((e) => {
    console.error(`[postbuild] error: ${e.message}`);
    process.exit(1);
  });
}
