// The first-paint benchmarks' baseline: a document as plain static HTML, with the app's
// stylesheets and the reader's markup and no script (used by browser.mjs and
// first-paint-ab.mjs and first-paint-probe.mjs), the blank page each cold load starts
// from, and the documents those tools load.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { ROOT } from "../e2e/harness.mjs";

const esc = (s) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

/** The document as plain HTML with the app's stylesheets and the reader's markup, no script. */
export function staticHtml(doc, stylesheets) {
  const blocks = [];
  let details = null;
  const flush = () => { if (details) { blocks.push(`<details class="pub-details"><summary>出版信息</summary>${details.join("")}</details>`); details = null; } };
  for (const b of doc.blocks) {
    const lang = b.lang === "en" ? ' lang="en"' : "";
    // serde's form of BlockKind: "Paragraph" or {"Heading": level}.
    const h = typeof b.kind === "object" && b.kind.Heading ? (b.kind.Heading === 2 ? 2 : 3) : 0;
    const html = h ? `<h${h} class="doc-h${h}" data-heading="${esc(b.id)}"${lang}>${esc(b.text)}</h${h}>`
      : `<p class="para" data-para="${esc(b.id)}"${lang}>${esc(b.text)}</p>`;
    if (b.details) { (details ||= []).push(html); } else { flush(); blocks.push(html); }
  }
  flush();
  return `<!doctype html>
<html lang="zh-Hans" data-theme="light"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.meta.title)}</title><link rel="icon" href="favicon.svg" type="image/svg+xml">
${stylesheets.map((h) => `<link rel="stylesheet" href="${h}">`).join("\n")}
</head><body><main id="main" class="main"><div class="reader-layout"><article class="reader" data-doc="${esc(doc.meta.id)}">
<header class="doc-header"><h1 class="doc-title">${esc(doc.meta.title)}</h1></header>
<div class="doc-text" lang="zh-Hans">${blocks.join("\n")}</div></article></div></main></body></html>`;
}

/** The server routes for `dist`: /reader/blank.html and /reader/static-<doc id>.html for
 * every document of `docs` (the corpus as `bench_native --corpus` prints it). */
export function staticRoutes(dist, docs) {
  const indexHtml = readFileSync(join(dist, "index.html"), "utf8");
  // The app's stylesheets, in order, whatever the order of the attributes.
  const stylesheets = [...indexHtml.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)].map((m) => /\bhref="([^"]+)"/.exec(m[0])[1]);
  if (stylesheets.length === 0) throw new Error(`${dist}/index.html links no stylesheet: the static baseline would be unstyled`);
  return Object.fromEntries([["/reader/blank.html", ["text/html; charset=utf-8", '<!doctype html><link rel="icon" href="data:,"><title>blank</title>']]]
    .concat(docs.map((d) => [`/reader/static-${d.meta.id}.html`, ["text/html; charset=utf-8", staticHtml(d, stylesheets)]])));
}

/** The documents the first-paint tools load: the corpus as `bench_native --corpus` prints
 * it, those named by a `--docs ID,ID` option, or else its first three. */
export function corpusDocs(wanted) {
  const corpus = spawnSync("cargo", ["run", "--release", "--offline", "--quiet", "--example", "bench_native", "--", "--corpus"],
    { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20, stdio: ["ignore", "pipe", "inherit"] });
  if (corpus.status !== 0) throw new Error("bench_native --corpus failed");
  const all = JSON.parse(corpus.stdout);
  const docs = wanted ? all.filter((d) => wanted.includes(d.meta.id)) : all.slice(0, 3);
  if (docs.length === 0) throw new Error(`no document among ${wanted}`);
  return docs;
}
