import { chromium } from 'playwright-core';
import { serve, launchOptions } from './server.mjs';
const server = await serve('dist');
const browser = await chromium.launch(launchOptions);
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(server.url);
await page.waitForSelector('html[data-ready] [data-map][data-settled="true"]');
for (let i = 0; i < 30; i++) { await page.keyboard.press('Tab'); console.log(await page.evaluate(() => document.activeElement.outerHTML.slice(0, 160))); }
await browser.close(); await server.close();
