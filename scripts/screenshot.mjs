// Takes the README's screenshot from the built dist/: a document with its legend and
// five-connectivity highlights, and a glossary popover open. Usage: node scripts/screenshot.mjs
import { startServer, launch, newPage, openDoc, ROOT } from "../tests/e2e/harness.mjs";
import { join } from "node:path";

const server = await startServer();
const browser = await launch();
try {
  const { page } = await newPage(browser, { width: 1280, height: 820 });
  await openDoc(page, server.url, "finance-bri-lanzhou");
  // The document's header and legend fit above the text: no scrolling needed.
  const term = page.locator('[data-kind="glossary"]').nth(1);
  await term.click();
  await page.locator("#term-popover .definition").waitFor();
  await page.screenshot({ path: join(ROOT, "docs", "screenshot-reader.png") });
} finally {
  await browser.close();
  await server.close();
}
