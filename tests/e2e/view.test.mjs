// Moving the map: keys and buttons, a passage that flies the map (or jumps, under reduced
// motion), a drag and a pinch, the view in the URL, phones and large text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite } from './lib/site.mjs';
import { scaleOf, selectedOf, settled, takeWrites, transformOf, watchWrites } from './lib/page.mjs';

const site = useSite();

test('the keyboard pans and zooms the map; the scale bar follows', async () => {
  const page = await site.open();
  const km = Number(await page.getAttribute('[data-scale-km]', 'data-scale-km'));
  assert.ok(km >= 10 && km <= 100, `scale bar of ${km} km`);
  await page.focus('[data-map]');
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  assert.ok((await scaleOf(page)) > 2.5);
  const zoomedKm = Number(await page.getAttribute('[data-scale-km]', 'data-scale-km'));
  assert.ok(zoomedKm < km, `scale bar ${zoomedKm} km after zooming in (was ${km})`);
  const before = await transformOf(page);
  await page.keyboard.press('ArrowLeft');
  assert.notEqual(await transformOf(page), before);
  await page.keyboard.press('0');
  assert.equal(await transformOf(page), 'translate(0,0) scale(1)');
  await page.close();
});

test('selecting a passage flies the map to its features; under reduced motion it jumps there at once', async () => {
  const flights = {};
  for (const reducedMotion of ['no-preference', 'reduce']) {
    const page = await site.open('', { reducedMotion });
    await watchWrites(page, ['transform']);
    await page.click('[data-passage-id="p-couloir-latchine"]');
    await settled(page);
    flights[reducedMotion] = (await takeWrites(page)).filter((w) => w.what === 'world g.transform').length;
    assert.ok((await scaleOf(page)) > 2, `${reducedMotion}: zoomed on the corridor`);
    const box = await page.locator('[data-feature-id="lachin-corridor"]').boundingBox();
    const map = await page.locator('[data-map]').boundingBox();
    assert.ok(box.x >= map.x && box.x + box.width <= map.x + map.width, `${reducedMotion}: the corridor is in view`);
    await page.close();
  }
  // An eased flight writes the view's transform on every frame (about 40 in its 650 ms);
  // a jump writes it once.
  assert.ok(flights['no-preference'] >= 5, `a flight of ${flights['no-preference']} frames`);
  assert.equal(flights.reduce, 1, 'transform writes under reduced motion');
});

test('a mouse drag pans without selecting; a two-finger pinch zooms', async () => {
  const page = await site.open();
  const map = await page.locator('[data-map]').boundingBox();
  await page.keyboard.press('Escape');
  await page.click('[data-zoom="in"]');
  const before = await transformOf(page);
  const [x, y] = [map.x + map.width / 2, map.y + map.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 60, y + 30, { steps: 6 });
  await page.mouse.up();
  assert.notEqual(await transformOf(page), before);
  assert.doesNotMatch(new URL(page.url()).hash, /feature=|passage=/, 'a drag selects nothing');
  assert.equal(await page.locator('[data-selected="true"]').count(), 0, 'a drag selects nothing');
  await page.close();

  const phone = await site.open('', { width: 360, height: 740, hasTouch: true, isMobile: true });
  const box = await phone.locator('[data-map]').boundingBox();
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  const cdp = await phone.context().newCDPSession(phone);
  const touch = (type, spread) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: type === 'touchEnd' ? [] : [
        { x: cx - spread, y: cy, id: 1 },
        { x: cx + spread, y: cy, id: 2 },
      ],
    });
  await touch('touchStart', 20);
  for (const spread of [30, 45, 60, 80]) await touch('touchMove', spread);
  await touch('touchEnd', 0);
  assert.ok((await scaleOf(phone)) > 2, `pinch zoomed to ${await scaleOf(phone)}`);
  await phone.close();
});

test('the view is part of the URL: a shared link opens on the same place and zoom', async () => {
  const page = await site.open('#view=46.7519,39.8153,4');
  assert.match(await transformOf(page), /scale\(4\)$/);
  const map = await page.locator('[data-map]').boundingBox();
  const city = await page.locator('[data-feature-id="stepanakert"] circle').boundingBox();
  const [cx, cy] = [city.x + city.width / 2, city.y + city.height / 2];
  assert.ok(Math.abs(cx - (map.x + map.width / 2)) < 3 && Math.abs(cy - (map.y + map.height / 2)) < 3, 'Stepanakert at the centre');
  await page.focus('[data-map]');
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => /view=/.test(location.hash) && !/view=46\.7519,39\.8153,4$/.test(location.hash));
  await page.keyboard.press('0');
  await page.waitForFunction(() => !/view=/.test(location.hash));
  await page.close();
});

test('on a phone the wheel scrolls the article and zooms the map, and the map stays in view', async () => {
  const page = await site.open('', { width: 360, height: 740 });
  const map = await page.locator('[data-map]').boundingBox();
  assert.ok(map.height >= 0.4 * 740, `map only ${map.height}px high`);
  const scrollY = () => page.evaluate(() => window.scrollY);
  // Over the article, the wheel scrolls the page, and the map stays in view.
  const article = await page.locator('article').boundingBox();
  const y = Math.max(article.y, map.y + map.height) + 40;
  assert.ok(y < 740, `no article in view below the map (at ${y}px)`);
  await page.mouse.move(article.x + article.width / 2, y);
  await page.mouse.wheel(0, 600);
  await page.waitForFunction(() => window.scrollY >= 600);
  const scrolled = await scrollY();
  const after = await page.locator('[data-map]').boundingBox();
  assert.ok(after.y > -1 && after.y + after.height / 2 < 740, `the map scrolled away (top at ${after.y}px)`);
  // Over the map, the wheel zooms it and leaves the page where it is.
  await page.mouse.move(after.x + after.width / 2, after.y + after.height / 2);
  await page.mouse.wheel(0, -200);
  await settled(page);
  assert.ok((await scaleOf(page)) > 1, 'the wheel zoomed the map');
  assert.equal(await scrollY(), scrolled, 'the wheel over the map scrolled the page');
  await page.screenshot({ path: 'target/e2e/map-360.png' });
  await page.close();
});

test('at 320 px and at 200% text size nothing overflows sideways and the map stays usable', async () => {
  for (const [width, textScale] of [[320, 1], [1280, 2], [360, 2]]) {
    const page = await site.open('', { width, height: 740 });
    await page.evaluate((s) => { document.documentElement.style.fontSize = `${16 * s}px`; }, textScale);
    await settled(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `${width}px at ${textScale * 100}%: ${overflow}px of horizontal overflow`);
    const map = await page.locator('[data-map]').boundingBox();
    assert.ok(map.height >= 120, `${width}px at ${textScale * 100}%: map only ${map.height}px high`);
    await page.click('[data-passage-id="p-couloir-latchine"]');
    assert.equal(await selectedOf(page, '[data-feature-id="lachin-corridor"]'), 'true');
    await page.close();
  }
});
