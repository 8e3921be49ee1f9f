// The keyboard on the map (WAI-ARIA roving tabindex): the map is one Tab stop, a feature
// in view; the arrows go from feature to feature in their direction and never to one out
// of view; Enter selects; Shift + arrows pan; the map's box never scrolls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite } from './lib/site.mjs';
import { selectedOf, settled, transformOf } from './lib/page.mjs';

const site = useSite();

/** The focused element: its feature id (or null), its box, and whether it is the map. */
const focused = (page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    const r = e.getBoundingClientRect();
    return {
      id: e.getAttribute('data-feature-id'),
      map: e.hasAttribute('data-map'),
      tag: e.tagName,
      box: { x: r.x + r.width / 2, y: r.y + r.height / 2, left: r.left, top: r.top, right: r.right, bottom: r.bottom },
    };
  });

/** Whether the box shares some of the map's box, and the map's box has not scrolled. */
const inMap = (page, box) =>
  page.evaluate((b) => {
    const m = document.querySelector('.map-box');
    const r = m.getBoundingClientRect();
    const overlaps = b.left < r.right && r.left < b.right && b.top < r.bottom && r.top < b.bottom;
    return overlaps && m.scrollTop === 0 && m.scrollLeft === 0;
  }, box);

test('the map is one Tab stop, on a feature in view', async () => {
  const page = await site.open();
  const reached = [];
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.id || f.map) reached.push(f.id ?? '[data-map]');
    if (f.tag === 'BODY' && i > 0) break;
  }
  assert.equal(reached.length, 1, `Tab stops on the map: ${reached}`);
  assert.ok(reached[0] !== '[data-map]', 'the stop is a feature while features are in view');
  assert.equal(await page.locator('[data-feature-id][tabindex="0"]').count(), 1);
  assert.ok((await page.locator('[data-feature-id][tabindex="-1"]').count()) >= 30);
  await page.close();
});

test('the arrows go to the nearest feature that way, Enter selects, Shift + arrows pan', async () => {
  const page = await site.open();
  await page.focus('[data-feature-id="stepanakert"]');
  const start = await focused(page);
  // Up leads north (higher on the screen), Down south, Left west, Right east.
  for (const [key, ahead] of [
    ['ArrowUp', (a, b) => b.y < a.y],
    ['ArrowDown', (a, b) => b.y > a.y],
    ['ArrowLeft', (a, b) => b.x < a.x],
    ['ArrowRight', (a, b) => b.x > a.x],
  ]) {
    await page.focus('[data-feature-id="stepanakert"]');
    await page.keyboard.press(key);
    const next = await focused(page);
    assert.ok(next.id && next.id !== 'stepanakert', `${key} left Stepanakert for ${next.id}`);
    assert.ok(ahead(start.box, next.box) || Math.hypot(next.box.x - start.box.x, next.box.y - start.box.y) < 40, `${key}: ${next.id} lies that way`);
    assert.ok(await inMap(page, next.box), `${next.id} is in view`);
  }
  // The last one focused holds the Tab stop now; Enter selects it.
  const last = (await focused(page)).id;
  assert.equal(await page.getAttribute(`[data-feature-id="${last}"]`, 'tabindex'), '0');
  await page.keyboard.press('Enter');
  assert.equal(await selectedOf(page, `[data-feature-id="${last}"]`), 'true');
  // + zooms from a feature too; then Shift + arrow pans the map and keeps the focus, and
  // a plain arrow does not pan.
  await page.focus(`[data-feature-id="${last}"]`);
  await page.keyboard.press('+');
  assert.match(await transformOf(page), /scale\((?!1\))/, '+ zoomed in');
  await settled(page);
  const before = await transformOf(page);
  await page.keyboard.press('Shift+ArrowLeft');
  assert.notEqual(await transformOf(page), before, 'Shift + arrow pans');
  assert.equal((await focused(page)).id, last);
  await settled(page);
  const panned = await transformOf(page);
  await page.keyboard.press('ArrowDown');
  assert.equal(await transformOf(page), panned, 'a plain arrow on a feature does not pan');
  await page.close();
});

test('zoomed in, the arrows reach only the features in view', async () => {
  const page = await site.open('#view=46.7519,39.8153,4');
  await page.keyboard.press('Tab'); // the skip link
  let f = null;
  for (let i = 0; i < 10 && !f?.id; i++) {
    await page.keyboard.press('Tab');
    f = await focused(page);
  }
  assert.ok(f?.id, 'Tab reached a feature');
  assert.ok(await inMap(page, f.box), `${f.id} is in view`);
  await page.keyboard.press('Home');
  const seen = new Set();
  for (const key of [...Array(25).fill('ArrowRight'), ...Array(25).fill('ArrowDown'), 'End', ...Array(25).fill('ArrowLeft')]) {
    await page.keyboard.press(key);
    f = await focused(page);
    assert.ok(f.id, `${key} kept the focus on a feature`);
    assert.ok(await inMap(page, f.box), `${key} reached ${f.id}, out of view`);
    seen.add(f.id);
  }
  assert.ok(seen.size >= 3, `${[...seen]}`);
  // Baku and Yerevan lie far outside this view: never reached, never the Tab stop.
  for (const far of ['baku', 'yerevan']) {
    assert.ok(!seen.has(far), far);
    assert.equal(await page.getAttribute(`[data-feature-id="${far}"]`, 'tabindex'), '-1', far);
  }
  await page.close();
});
