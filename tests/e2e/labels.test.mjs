// Names on the map keep off its controls (zoom and export buttons, list toggle, locator
// map) and inside its edges at every width, in the app and in the static page written
// before it, which agree (src/labels.rs decides for both).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite } from './lib/site.mjs';
import { READY, openHeld, settled } from './lib/page.mjs';

const site = useSite();

/** The map's box, the controls' boxes and every name written on the map, in page pixels. */
const seen = (page) =>
  page.evaluate(() => {
    const box = (e) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const area = document.querySelector('.map-area');
    const controls = [...area.querySelectorAll('.map-zoom, .feature-list-toggle, .map-inset')]
      .filter((e) => e.checkVisibility())
      .map((e) => ({ name: e.className.baseVal ?? e.className, ...box(e) }));
    const svg = [...document.querySelectorAll('.map-box svg.map')].find((e) => e.checkVisibility());
    const texts = [...svg.querySelectorAll('text')]
      .filter((e) => e.checkVisibility({ visibilityProperty: true }))
      .map((e) => ({ text: e.textContent, ...box(e) }));
    return { map: box(document.querySelector('.map-box')), svg: [box(svg), svg.getAttribute('viewBox')], controls, texts };
  });

const overlap = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;

/** Every name inside the map and off every control; returns how many were checked. */
function check({ map, controls, texts }, at) {
  assert.ok(controls.length >= 3, `${at}: ${controls.length} controls`);
  assert.ok(texts.length >= 6, `${at}: ${texts.map((t) => t.text)}`);
  for (const t of texts) {
    const inside = t.left >= map.left - 0.5 && t.right <= map.right + 0.5 && t.top >= map.top - 0.5 && t.bottom <= map.bottom + 0.5;
    assert.ok(inside, `${at}: "${t.text}" ${JSON.stringify(t)} crosses the map's edge ${JSON.stringify(map)}`);
    for (const c of controls) assert.ok(!overlap(t, c), `${at}: "${t.text}" ${JSON.stringify(t)} is under ${c.name} ${JSON.stringify(c)}`);
  }
  return texts.length;
}

for (const [width, height] of [[320, 640], [360, 740], [768, 1024], [1280, 800]]) {
  test(`at ${width}x${height} no name runs under a control or off the map, zoomed out or in`, async () => {
    const page = await site.open('', { width, height });
    await page.screenshot({ path: `target/e2e/labels-${width}.png` });
    const first = await seen(page);
    check(first, `${width}px`);
    // The country names are written (moved inside when the data puts them across an edge).
    const names = first.texts.map((t) => t.text.toUpperCase());
    for (const country of ['ARMÉNIE', 'AZERBAÏDJAN']) assert.ok(names.includes(country), `${width}px: ${country} in ${names}`);
    // Selected, a name is written where it can be.
    await page.evaluate(() => (location.hash = '#feature=stepanakert'));
    await page.waitForSelector('[data-details="stepanakert"]');
    await settled(page);
    await page.screenshot({ path: `target/e2e/labels-${width}-selected.png` });
    const selected = await seen(page);
    check(selected, `${width}px, Stepanakert selected`);
    assert.ok(selected.texts.some((t) => t.text === 'Stepanakert'), `${width}px: the selected name is written`);
    // Zoomed in twice: names come near the edges and the controls; the same holds.
    for (let i = 0; i < 2; i++) {
      await page.click('[data-zoom="in"]');
      await settled(page);
    }
    await page.screenshot({ path: `target/e2e/labels-${width}-zoomed.png` });
    check(await seen(page), `${width}px zoomed in`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

for (const [width, height] of [[1280, 800], [360, 740]]) {
  test(`at ${width}x${height} the static page writes the names the app writes, where it writes them`, async () => {
    const page = await openHeld(site.browser, site.url, { width, height, ready: '[data-prerendered] [data-legend]' });
    await page.screenshot({ path: `target/e2e/labels-static-${width}.png` });
    const before = await seen(page);
    check(before, `${width}px static`);
    page.release();
    await page.waitForSelector(READY, { state: 'attached' });
    await settled(page);
    const after = await seen(page);
    // The static map is drawn for the map's box at this size (src/page.rs, WIDE and
    // NARROW, follow the layout of style/main.css).
    const [w, h] = before.svg[1].split(' ').slice(2).map(Number);
    assert.ok(Math.abs(w - (before.map.right - before.map.left)) <= 1 && Math.abs(h - (before.map.bottom - before.map.top)) <= 1, `static map ${w}x${h} in a box ${JSON.stringify(before.map)}`);
    const names = (texts) => texts.map((t) => t.text).sort();
    assert.deepEqual(names(after.texts), names(before.texts));
    for (const t of after.texts) {
      const s = before.texts.find((b) => b.text === t.text);
      assert.ok(Math.abs(s.left - t.left) <= 1 && Math.abs(s.top - t.top) <= 1, `${t.text} moved: ${JSON.stringify(s)} -> ${JSON.stringify(t)}`);
    }
    await page.context().close();
  });
}
