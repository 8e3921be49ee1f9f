// The reader on a phone: what was chosen stays in view. Upright, the details are a sheet
// under the sticky map and never cover the chosen feature; on its side, the map does not
// stick, so the article gets the screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite } from './lib/site.mjs';
import { nextFrame, settled, visiblePoint } from './lib/page.mjs';

const site = useSite();

/** The part of the feature's box inside the map's box, and the details' box. */
const boxes = (page, id) =>
  page.evaluate((id) => {
    const r = (e) => e.getBoundingClientRect();
    const map = r(document.querySelector('.map-box'));
    const f = r(document.querySelector(`[data-feature-id="${CSS.escape(id)}"]`));
    const shown = {
      left: Math.max(f.left, map.left),
      top: Math.max(f.top, map.top),
      right: Math.min(f.right, map.right),
      bottom: Math.min(f.bottom, map.bottom),
    };
    const d = r(document.querySelector('[data-details]'));
    return { shown, details: { left: d.left, top: d.top, right: d.right, bottom: d.bottom }, height: innerHeight };
  }, id);

/** Waits until the page has stopped scrolling (a selection scrolls the article smoothly). */
async function stillScroll(page) {
  let last = null;
  for (let same = 0; same < 3; ) {
    await nextFrame(page);
    const y = await page.evaluate(() => scrollY);
    same = y === last ? same + 1 : 0;
    last = y;
  }
}

const overlap = (a, b) => Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

/** Where the first passage of the selection is, against the map's bottom and the details' top. */
const passageShown = (page) =>
  page.evaluate(() => {
    const p = document.querySelector('[data-passage-id][data-selected="true"]');
    if (!p) return null;
    const r = p.getClientRects()[0];
    const map = document.querySelector('.layout-map').getBoundingClientRect();
    const details = document.querySelector('[data-details]')?.getBoundingClientRect();
    const below = getComputedStyle(document.querySelector('.layout-map')).position === 'sticky' ? Math.max(0, map.bottom) : 0;
    const above = details && details.left < r.right && r.left < details.right ? details.top : innerHeight;
    return { top: r.top, bottom: r.bottom, below, above, ok: r.top >= below - 1 && r.bottom <= above + 1 };
  });

for (const [width, height] of [[360, 740], [768, 1024]]) {
test(`upright at ${width}x${height}, a tapped feature is never covered by its details, which show whole on screen, and its passage shows`, async () => {
  const page = await site.open('', { width, height, hasTouch: true, isMobile: true });
  // Features of every shape that the first view shows.
  const ids = ['stepanakert', 'shusha', 'lachin-corridor', 'contact-line', 'goris', 'kalbajar-district', 'peacekeepers-hq'];
  let tapped = 0;
  for (const id of ids) {
    if (!(await page.locator(`[data-feature-id="${id}"]`).count())) continue;
    await stillScroll(page);
    let point;
    try {
      point = await visiblePoint(page, id);
    } catch {
      continue;
    }
    await page.touchscreen.tap(point.x, point.y);
    try {
      await page.waitForSelector(`[data-details="${id}"]`, { timeout: 5000 });
    } catch (e) {
      const what = await page.evaluate(([x, y]) => {
        const top = document.elementFromPoint(x, y);
        return { hash: location.hash, top: top?.outerHTML.slice(0, 120), details: document.querySelector('[data-details]')?.getAttribute('data-details'), scrollY };
      }, [point.x, point.y]);
      throw new Error(`${id} at ${JSON.stringify(point)}: ${JSON.stringify(what)}`);
    }
    const { shown, details, height } = await boxes(page, id);
    assert.equal(overlap(shown, details), 0, `${id}: feature ${JSON.stringify(shown)}, details ${JSON.stringify(details)}`);
    assert.ok(details.top >= 0 && details.bottom <= height + 1, `${id}: the details are on screen: ${JSON.stringify(details)}`);
    await stillScroll(page);
    const passage = await passageShown(page);
    if (passage) assert.ok(passage.ok, `${id}: its passage is hidden: ${JSON.stringify(passage)}`);
    if (tapped === 0) await page.screenshot({ path: `target/e2e/phone-details-${width}.png` });
    tapped++;
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-details]', { state: 'detached' });
    // The focus went back to the feature, with its name in a tooltip: let it go, so the
    // tooltip covers nothing that the next tap aims at.
    await page.evaluate(() => document.activeElement?.blur());
    await page.waitForSelector('[data-tooltip]', { state: 'hidden' });
  }
  assert.ok(tapped >= 4, `${tapped} features tapped`);
  await page.context().close();
});
}

test('on a phone on its side the view exports, and the map does not stick: the article gets the screen', async () => {
  const page = await site.open('', { width: 740, height: 360, hasTouch: true, isMobile: true, acceptDownloads: true });
  // The view can be exported on a phone too, with targets of 24 px at least.
  for (const format of ['svg', 'png']) {
    const button = page.locator(`[data-export="${format}"]`);
    const box = await button.boundingBox();
    assert.ok(box && box.width >= 24 && box.height >= 24, `${format}: ${JSON.stringify(box)}`);
  }
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="svg"]').tap()]);
  assert.equal(download.suggestedFilename(), 'carte.svg');
  const map = await page.evaluate(() => {
    const s = getComputedStyle(document.querySelector('.layout-map'));
    return { position: s.position, height: document.querySelector('.map-box').getBoundingClientRect().height };
  });
  assert.notEqual(map.position, 'sticky');
  assert.ok(map.height <= 360 && map.height >= 180, `the map fits the screen: ${map.height}px`);
  // A passage below scrolled into view is read with the whole screen, the map gone above.
  await page.locator('[data-passage-id="p-couloir-latchine"]').scrollIntoViewIfNeeded();
  const seen = await page.evaluate(() => {
    const article = document.querySelector('.layout-article').getBoundingClientRect();
    const map = document.querySelector('.layout-map').getBoundingClientRect();
    return { articleShown: Math.min(article.bottom, innerHeight) - Math.max(article.top, 0), mapBottom: map.bottom };
  });
  assert.ok(seen.articleShown >= 300, `the article has ${seen.articleShown}px of 360`);
  await page.screenshot({ path: 'target/e2e/phone-landscape-740.png' });
  await page.context().close();
});

test('on a phone every date of the timeline is written out, side by side, none cut or hidden', async () => {
  for (const [width, height] of [[360, 740], [320, 640]]) {
    const page = await site.open('', { width, height });
    const seen = await page.evaluate(() => {
      const moments = document.querySelector('.timeline-moments');
      const box = moments.getBoundingClientRect();
      const dates = [...moments.querySelectorAll('.timeline-date')].map((e) => {
        const r = e.getBoundingClientRect();
        return { text: e.textContent, left: r.left, right: r.right, shown: e.checkVisibility() && r.width > 0 };
      });
      return { dates, left: box.left, right: box.right, scrolls: moments.scrollWidth > moments.clientWidth + 1 };
    });
    const at = `at ${width}px`;
    assert.ok(seen.dates.length >= 10, `${seen.dates.length} dates ${at}`);
    assert.equal(seen.scrolls, false, `the dates fit without scrolling ${at}`);
    for (const [i, d] of seen.dates.entries()) {
      assert.ok(d.shown && /\d/.test(d.text), `${d.text} shown ${at}`);
      assert.ok(d.left >= seen.left - 1 && d.right <= seen.right + 1, `${d.text} inside the timeline ${at}`);
      if (i > 0) assert.ok(d.left >= seen.dates[i - 1].right - 1, `${d.text} overlaps ${seen.dates[i - 1].text} ${at}`);
    }
    await page.screenshot({ path: `target/e2e/timeline-${width}.png` });
    await page.context().close();
  }
});

// WCAG 1.4.10: a 1280 x 1024 screen zoomed to 400% is 320 x 256 CSS pixels.
test('at 400% zoom (320x256) the page reflows: no sideways scroll, a chosen feature and its details and passage all show', async () => {
  const page = await site.open('', { width: 320, height: 256, deviceScaleFactor: 4 });
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok((await overflow()) <= 1, `${await overflow()}px of horizontal overflow`);
  // The map does not stick on so short a screen: the article gets the screen as it scrolls.
  assert.notEqual(await page.locator('.layout-map').evaluate((e) => getComputedStyle(e).position), 'sticky');
  const map = await page.locator('[data-map]').boundingBox();
  assert.ok(map.height >= 120, `map ${map.height}px high`);
  // Choose a feature: its details sit at the side without covering it, on screen.
  await page.locator('.map-box').scrollIntoViewIfNeeded();
  const point = await visiblePoint(page, 'stepanakert');
  await page.mouse.click(point.x, point.y);
  await page.waitForSelector('[data-details="stepanakert"]');
  await settled(page);
  // The town's marker with its 24 px target (its name goes wherever it fits).
  const { details, height } = await boxes(page, 'stepanakert');
  const marker = await page.locator('[data-feature-id="stepanakert"] .map-hit').evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  });
  assert.equal(overlap(marker, details), 0, `marker ${JSON.stringify(marker)}, details ${JSON.stringify(details)}`);
  assert.ok(marker.left >= 0 && marker.right <= details.left, 'the marker is on screen, beside the details');
  assert.ok(details.top >= -1 && details.top < height, `the details are on screen: ${JSON.stringify(details)}`);
  assert.ok((await overflow()) <= 1, 'the details add no sideways scroll');
  await page.screenshot({ path: 'target/e2e/zoom-400.png' });
  // Choose a passage: it scrolls into view, uncovered.
  await page.keyboard.press('Escape');
  await page.locator('[data-passage-id="p-couloir-latchine"]').click();
  await stillScroll(page);
  const passage = await passageShown(page);
  assert.ok(passage?.ok, `the passage shows: ${JSON.stringify(passage)}`);
  await page.context().close();
});
