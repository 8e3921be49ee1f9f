// Takes screenshots of a served site: node tests/e2e/shot.mjs URL OUT_PREFIX
import { chromium } from 'playwright-core';
import { launchOptions } from './server.mjs';

const [url, out] = process.argv.slice(2);
const browser = await chromium.launch(launchOptions);
for (const [w, h] of [[1280, 800], [360, 740]]) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  page.on('console', (m) => console.log(`[${w}] console.${m.type()}: ${m.text()}`));
  await page.goto(url);
  await page.waitForSelector('[data-feature-id="contact-line"]');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}-${w}.png` });
  await page.close();
}
await browser.close();
