// Takes screenshots of a served site, at a desktop and at a phone size, once the map has
// settled: node scripts/shot.mjs URL OUT_PREFIX (writes OUT_PREFIX-1280.png, -360.png).
import { chromium } from 'playwright-core';
import { launchOptions } from '../tests/e2e/server.mjs';
import { open } from '../tests/e2e/lib/page.mjs';

const [url, out] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: node scripts/shot.mjs URL OUT_PREFIX');
  process.exit(2);
}
const browser = await chromium.launch(launchOptions);
try {
  for (const [width, height] of [[1280, 800], [360, 740]]) {
    const page = await open(browser, url, { width, height });
    for (const e of page.errors) console.log(`[${width}] console error: ${e}`);
    await page.screenshot({ path: `${out}-${width}.png` });
    await page.close();
  }
} finally {
  await browser.close();
}
