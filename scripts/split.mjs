// The release build's code splitting: what a reader of a text does not need at once (the
// notes, search, concordance, analytics, about and glossary-index pages, and the reader's
// interactive parts; src/ui/lazy.rs) becomes wasm modules of their own, fetched on first use.
//
//   node scripts/split.mjs DIST WASM
//
// WASM is the app linked with `--cfg srr_split -Clink-args=--emit-relocs` (scripts/build.sh).
// Trunk cannot do this (it runs cargo, wasm-bindgen and wasm-opt with nothing in between),
// so this replaces the glue and wasm Trunk wrote into DIST:
//   1. wasm-split-cli cuts WASM into a main module, one module per split point, modules of
//      code two of them share, and __wasm_split.js, which loads them;
//   2. wasm-bindgen writes the glue for the main module (keeping the exports the split
//      modules import), wasm-opt -Os optimises every module;
//   3. all of it goes into DIST/split-<hash>/ (a new directory for every build, so no
//      cache can pair a main module with another build's modules), Trunk's glue and wasm
//      leave DIST, and the loader and index.html (preloads, SRI) name the new files.
// The single-file reader is made before this step, from Trunk's unsplit build (from
// file:// nothing can be fetched). Then scripts/postbuild.mjs runs again for sw.js.
import { createHash } from "node:crypto";
import { mkdtemp, readFile, readdir, rm, writeFile, mkdir, unlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";
import { minifyJs } from "./minify.mjs";

const FEATURES = ["--enable-simd", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
  "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue"];

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: ["ignore", "inherit", "inherit"] });
  if (r.error) throw new Error(`${cmd}: ${r.error.message} (is it installed? scripts/setup.sh installs it)`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed with status ${r.status}`);
}

const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Splits `wasmPath` into DIST/split-<hash>/ and points the loader and index.html there. */
export async function split(dist, wasmPath) {
  const input = await readFile(wasmPath);
  const hash = createHash("sha256").update(input).digest("hex").slice(0, 16);
  const dirName = `split-${hash}`;
  const out = join(dist, dirName);
  const work = await mkdtemp(join(tmpdir(), "srr-split-"));
  try {
    run("wasm-split-cli", [wasmPath, work, "--target", "web", "--out-name", "silk-road-reader"]);
    const bindgen = join(work, "bindgen");
    run("wasm-bindgen", ["--target", "web", "--keep-lld-exports", "--no-typescript", "--out-dir", bindgen,
      "--out-name", "silk-road-reader", join(work, "silk-road-reader.wasm")]);
    await rm(out, { recursive: true, force: true });
    await mkdir(out, { recursive: true });
    const glue = await readFile(join(bindgen, "silk-road-reader.js"), "utf8");
    await writeFile(join(out, "silk-road-reader.js"), await minifyJs(glue, { module: true }));
    run("wasm-opt", ["-Os", ...FEATURES, join(bindgen, "silk-road-reader_bg.wasm"), "-o", join(out, "silk-road-reader_bg.wasm")]);
    const modules = (await readdir(work)).filter((f) => f.endsWith(".wasm") && f !== "silk-road-reader.wasm");
    if (!modules.some((f) => f.startsWith("split_"))) throw new Error(`wasm-split-cli found no split point in ${wasmPath}: was it built with --cfg srr_split?`);
    for (const f of modules) run("wasm-opt", ["-Os", ...FEATURES, join(work, f), "-o", join(out, f)]);
    const loaderJs = await readFile(join(work, "__wasm_split.js"), "utf8");
    await writeFile(join(out, "__wasm_split.js"), await minifyJs(loaderJs, { module: true }));
  } finally {
    await rm(work, { recursive: true, force: true });
  }

  // The loader (external since scripts/postbuild.mjs) names Trunk's glue and wasm.
  const indexPath = join(dist, "index.html");
  let html = await readFile(indexPath, "utf8");
  const loaderName = (html.match(/<script type="module" src="\.\/(loader-[0-9a-f]+\.js)"/) || [])[1];
  if (!loaderName) throw new Error("index.html names no external loader: run scripts/postbuild.mjs first");
  let loader = await readFile(join(dist, loaderName), "utf8");
  const glueName = (loader.match(/from '\.\/([^']+\.js)'/) || [])[1];
  const wasmName = (loader.match(/module_or_path: '\.\/([^']+\.wasm)'/) || [])[1];
  if (!glueName || !wasmName) throw new Error(`${loaderName}: cannot find the glue and wasm it loads`);
  const newGlue = `${dirName}/silk-road-reader.js`;
  const newWasm = `${dirName}/silk-road-reader_bg.wasm`;
  loader = loader.replace(`'./${glueName}'`, `'./${newGlue}'`).replace(`'./${wasmName}'`, `'./${newWasm}'`);
  const newLoaderName = `loader-${createHash("sha256").update(loader).digest("hex").slice(0, 16)}.js`;
  await writeFile(join(dist, newLoaderName), loader);

  // index.html: the loader's script and the preloads, each with its SRI hash.
  const files = { [loaderName]: newLoaderName, [glueName]: newGlue, [wasmName]: newWasm };
  for (const [from, to] of Object.entries(files)) {
    const tag = new RegExp(`<(?:script|link)\\b[^>]*"\\./${escapeRe(from)}"[^>]*>`, "g");
    const found = html.match(tag) || [];
    if (from === loaderName && found.length !== 1) throw new Error(`index.html: expected one tag for ${from}, found ${found.length}`);
    const integrity = sri(await readFile(join(dist, to)));
    html = html.replace(tag, (t) => t.replace(`"./${from}"`, `"./${to}"`).replace(/integrity="[^"]*"/, `integrity="${integrity}"`));
  }
  await writeFile(indexPath, html);
  for (const f of new Set([loaderName, glueName, wasmName])) if (f !== newLoaderName) await unlink(join(dist, f));
  const names = await readdir(out);
  console.log(`[split] ${dirName}/: main module and ${names.filter((f) => f.endsWith(".wasm")).length - 1} modules loaded on first use; loader ${newLoaderName}`);
  return { dir: dirName, files: names };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dist, wasm] = process.argv.slice(2);
  if (!dist || !wasm) {
    console.error("usage: node scripts/split.mjs DIST WASM");
    process.exit(2);
  }
  split(dist, wasm).catch((e) => {
    console.error(`[split] ${e.message}`);
    process.exit(1);
  });
}
