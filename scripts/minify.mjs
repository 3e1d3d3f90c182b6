// Smaller scripts and stylesheet for a release dist/ (used by scripts/postbuild.mjs and
// scripts/split.mjs): terser for JavaScript, and for CSS a small minifier of our own that
// drops comments and the whitespace no rule needs, copying strings untouched. Together
// about 7.5 kB brotli of a first visit (BENCHMARKS.md, session 9).
import { minify } from "terser";

/** `code` minified; `module`: an ES module (the wasm-bindgen glue) rather than a classic script. */
export async function minifyJs(code, { module = false } = {}) {
  const out = await minify(code, { module, ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (typeof out.code !== "string" || out.code.length === 0) throw new Error("terser returned no code");
  return out.code;
}

/** Characters that need no whitespace on either side. */
const TIGHT = new Set(["{", "}", ";", ",", ":"]);

/**
 * `css` without comments and without the whitespace around `{ } ; ,` and after `:` in a
 * declaration. Whitespace elsewhere collapses to one space (it can matter: `a :hover` is
 * not `a:hover`, so a space before `:` is kept). Strings are copied as they are.
 */
export function minifyCss(css) {
  let out = "";
  let pendingSpace = false;
  const emit = (text) => {
    // A space is kept unless a tight character is on either side, except before `:`
    // (only a tight character before it drops that space).
    const before = out[out.length - 1];
    if (pendingSpace && before !== undefined && !TIGHT.has(before) && (!TIGHT.has(text[0]) || text[0] === ":")) out += " ";
    pendingSpace = false;
    // `;}`: the last declaration needs no semicolon.
    if (text === "}" && out.endsWith(";")) out = out.slice(0, -1);
    out += text;
  };
  for (let i = 0; i < css.length; ) {
    const c = css[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < css.length && css[j] !== c) j += css[j] === "\\" ? 2 : 1;
      emit(css.slice(i, j + 1));
      i = j + 1;
    } else if (c === "/" && css[i + 1] === "*") {
      const end = css.indexOf("*/", i + 2);
      if (end < 0) throw new Error("the stylesheet has an unclosed comment");
      i = end + 2;
      pendingSpace = true;
    } else if (/\s/.test(c)) {
      pendingSpace = true;
      i++;
    } else {
      emit(c);
      i++;
    }
  }
  return out.trim() + "\n";
}
