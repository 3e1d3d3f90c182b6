// What the tests expect of the corpus, read from the source files (texts/*.md), so the
// tests follow the corpus instead of repeating it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./harness.mjs";

function header(file) {
  const text = readFileSync(join(ROOT, "texts", file), "utf8");
  const get = (key) => (text.match(new RegExp(`^${key} = "(.*)"$`, "m")) || [])[1] || "";
  const paras = [...text.matchAll(/^\{#([a-z0-9-]+)[^}]*\} (.*)$/gm)].map((m) => ({ id: m[1], text: m[2] }));
  return { id: get("id"), title: get("title"), seed: get("seed"), paras };
}

/** The documents in corpus order (seed, then id), as the app lists them. */
export const DOCS = readdirSync(join(ROOT, "texts"))
  .filter((f) => f.endsWith(".md") && f !== "FORMAT.md" && f !== "README.md")
  .map(header)
  .sort((a, b) => (a.seed + a.id).localeCompare(b.seed + b.id));

export const FIVE = ["政策沟通", "设施联通", "贸易畅通", "资金融通", "民心相通"];
