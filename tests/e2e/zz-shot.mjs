import { chromium } from 'playwright-core';
import { serve, launchOptions } from './server.mjs';
const server = await serve(process.argv[2]);
const browser = await chromium.launch(launchOptions);
for (let i = 0; i < 3; i++) {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await page.goto(server.url);
  await page.waitForSelector('html[data-ready] [data-map][data-settled="true"]');
  console.log(await page.evaluate(() => { const m = document.querySelector('[data-map]'); return [m.getAttribute('viewBox'), m.getAttribute('data-vertices'), document.querySelector('.map-world').getAttribute('transform'), document.querySelectorAll('.map-world path[d]').length, document.querySelector('.map-box').clientHeight]; }));
  await page.screenshot({ path: `/tmp/tl-360-${i}.png` });
  await page.close();
}
await browser.close(); await server.close();
