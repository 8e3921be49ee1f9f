// Level of detail, end to end: pan and zoom move one transform and write no path data
// while they last; a synthetic story of 1,000,000 vertices (made by
// scripts/dense-story.mjs from dist/, not committed) never draws more than 15,000.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve, launchOptions } from './server.mjs';

const BUDGET = 15000;
let browser;
let site;
let dense;
let denseDir;

before(async () => {
  browser = await chromium.launch(launchOptions);
  site = await serve();
  denseDir = await mkdtemp(join(tmpdir(), 'ceasefire-dense-'));
  execFileSync('node', ['scripts/dense-story.mjs', 'dist', join(denseDir, 'site'), '1000000'], { stdio: 'pipe' });
  dense = await serve(join(denseDir, 'site'));
});

after(async () => {
  await browser?.close();
  await site?.close();
  await dense?.close();
  if (denseDir) await rm(denseDir, { recursive: true, force: true });
});

async function open(url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('[data-feature-id="contact-line"]', { state: 'attached', timeout: 120000 });
  return page;
}

/** Records, from now on, which attributes of the map's SVG change. */
const watch = (page) => page.evaluate(() => {
  window.__changes = [];
  new MutationObserver((records) => {
    // Features' paths live in .map-world; the scale bar's path follows the zoom.
    for (const r of records) {
      const where = r.target.closest('.map-world') ? 'world ' : '';
      window.__changes.push(`${where}${r.target.tagName}.${r.attributeName}`);
    }
  }).observe(document.querySelector('[data-map]'), { subtree: true, attributes: true, attributeFilter: ['d', 'transform'] });
});
const changes = (page) => page.evaluate(() => window.__changes.splice(0));
const vertices = async (page) => Number(await page.getAttribute('[data-map]', 'data-vertices'));

/** Where a point of the feature's path is on screen. */
const pointOf = (page, id, at) => page.evaluate(([id, at]) => {
  const path = document.querySelector(`[data-feature-id="${id}"]`);
  const p = path.getPointAtLength(path.getTotalLength() * at);
  const m = path.getScreenCTM();
  return { x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f };
}, [id, at]);

test('a drag and a wheel zoom change one transform and write no path data until they settle', async () => {
  const page = await open(site.url);
  try {
    await page.waitForTimeout(300);
    const box = await page.locator('[data-map]').boundingBox();
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await watch(page);
    // A wheel zoom: one transform per step, paths only once it settles, once each.
    await page.mouse.move(x, y);
    for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -100);
    const zooming = await changes(page);
    assert.ok(zooming.filter((c) => c === 'world g.transform').length >= 5, zooming.join(' '));
    assert.deepEqual(zooming.filter((c) => c === 'world path.d'), [], 'path data written mid-zoom');
    await page.waitForTimeout(600);
    const settled = await changes(page);
    const paths = await page.locator('[data-map] .map-world path').count();
    const written = settled.filter((c) => c === 'world path.d').length;
    assert.ok(written > 0 && written <= paths, `${written} writes for ${paths} paths`);
    // A drag at that zoom: one transform per move, and the same paths after it.
    await page.mouse.down();
    for (let i = 1; i <= 30; i++) await page.mouse.move(x + i * 5, y + i * 3);
    await page.mouse.up();
    await page.waitForTimeout(600);
    const panning = await changes(page);
    assert.ok(panning.filter((c) => c === 'world g.transform').length >= 30, panning.join(' '));
    assert.deepEqual(panning.filter((c) => c === 'world path.d'), [], 'path data written for a pan');
    assert.ok((await vertices(page)) > 0);
    assert.deepEqual(page.errors, []);
  } finally {
    await page.close();
  }
});

test('a story of 1,000,000 vertices loads and never draws more than 15,000 at any zoom', async () => {
  const page = await open(dense.url);
  try {
    await page.waitForTimeout(300);
    const seen = [await vertices(page)];
    // Zoom to the most (16x) at three places along the contact line, then pan across.
    for (const at of [0.1, 0.5, 0.9]) {
      await page.focus('[data-map]');
      await page.keyboard.press('0'); // the whole map again
      await page.waitForTimeout(200);
      const p = await pointOf(page, 'contact-line', at);
      await page.mouse.move(p.x, p.y);
      for (let i = 0; i < 3; i++) {
        for (let j = 0; j < 4; j++) await page.mouse.wheel(0, -250);
        await page.waitForTimeout(400);
        seen.push(await vertices(page));
      }
      await page.mouse.down();
      await page.mouse.move(p.x - 300, p.y - 200, { steps: 10 });
      await page.mouse.up();
      await page.waitForTimeout(400);
      seen.push(await vertices(page));
    }
    assert.match(await page.getAttribute('.map-world', 'transform'), /scale\(16\)/);
    for (const n of seen) assert.ok(n > 0 && n <= BUDGET, `vertices drawn: ${seen.join(', ')}`);
    // The contact line is still drawn, in detail, where the view is.
    assert.match(await page.getAttribute('[data-feature-id="contact-line"]', 'd'), /^M[\d.,LM-]+$/);
    assert.deepEqual(page.errors, []);
  } finally {
    await page.close();
  }
});
