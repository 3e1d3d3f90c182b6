// The stylesheet minifier of the release build (scripts/minify.mjs): it may only drop
// comments and whitespace no rule needs; strings and the spaces that change a selector stay.
import { test } from "node:test";
import assert from "node:assert/strict";
import { minifyCss } from "../../scripts/minify.mjs";

test("the stylesheet minifier keeps what changes meaning", () => {
  const cases = [
    ["a :hover { color: red ; }", "a :hover{color:red}"],
    ["a:hover , b > c {x: 1px 2px;}", "a:hover,b > c{x:1px 2px}"],
    ['p::before{content:" ; { /* not a comment */ "}', 'p::before{content:" ; { /* not a comment */ "}'],
    ["@media (max-width: 600px) { a { b: c } }", "@media (max-width:600px){a{b:c}}"],
    ["/* x */ a{}", "a{}"],
    ["a { width: calc(100% - 2rem) }", "a{width:calc(100% - 2rem)}"],
  ];
  for (const [input, expected] of cases) assert.equal(minifyCss(input).trim(), expected, input);
  assert.throws(() => minifyCss("a{} /* open"), /unclosed comment/);
});
