// Selecting, both ways and by every means: a click on the map or on the article, the
// keyboard, a deep link and the history, the list of features, a hover or a focus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { useSite } from './lib/site.mjs';
import { clickFeature, hashBesidesView, hoverFeature, selectedOf, settled, visiblePoint } from './lib/page.mjs';

const site = useSite();

test('clicking a feature highlights its passages, shows its details and updates the hash', async () => {
  const page = await site.open();
  await clickFeature(page, 'lachin-corridor');
  assert.equal(await selectedOf(page, '[data-feature-id="lachin-corridor"]'), 'true');
  assert.equal(await selectedOf(page, '[data-passage-id="p-couloir-latchine"]'), 'true');
  assert.equal(await selectedOf(page, '[data-passage-id="p-ligne-de-contact"]'), 'false');
  assert.equal(new URL(page.url()).hash, '#feature=lachin-corridor');
  // The details name it: the hover's tip is gone, though the pointer is still there.
  assert.equal(await page.locator('[data-tooltip]').count(), 0, 'the tip stays over the details');
  const details = await page.textContent('[data-details="lachin-corridor"]');
  assert.match(details, /schématique|approximative/);
  assert.match(details, /Sources/);
  assert.ok(await page.locator('[data-passage-id="p-couloir-latchine"]').isVisible());
  await page.close();
});

test('clicking a passage highlights its features: one sentence, three targets', async () => {
  const page = await site.open();
  const cases = [
    ['p-couloir-latchine', 'lachin-corridor'],
    ['p-ligne-de-contact', 'contact-line'],
    ['p-soldats-paix', 'peacekeeper-hq'],
  ];
  for (const [passage, feature] of cases) {
    await page.click(`[data-passage-id="${passage}"]`);
    assert.equal(await selectedOf(page, `[data-feature-id="${feature}"]`), 'true', passage);
    assert.equal(await selectedOf(page, `[data-passage-id="${passage}"]`), 'true', passage);
    assert.equal(hashBesidesView(page), `#passage=${passage}`);
  }
  assert.equal(await selectedOf(page, '[data-feature-id="lachin-corridor"]'), 'false');
  await page.close();
});

test('the keyboard reaches passages and features, Enter and Space select them', async () => {
  const page = await site.open();
  // The first Tab reaches the skip link, which jumps past the map's many features.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.skipLink), 'true');
  await page.keyboard.press('Enter');
  let focused = null;
  for (let i = 0; i < 10 && !focused; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.getAttribute('data-passage-id'));
  }
  assert.ok(focused, 'Tab never reached a passage');
  await page.keyboard.press('Enter');
  assert.equal(await selectedOf(page, `[data-passage-id="${focused}"]`), 'true');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'the focus is visible');

  await page.focus('[data-feature-id="contact-line"]');
  await page.keyboard.press(' ');
  assert.equal(await selectedOf(page, '[data-feature-id="contact-line"]'), 'true');
  assert.equal(await selectedOf(page, '[data-passage-id="p-ligne-de-contact"]'), 'true');
  await page.close();
});

test('a deep link selects on load; passages are history entries, map clicks replace theirs', async () => {
  const byPassage = await site.open('#passage=p-couloir-latchine');
  assert.equal(await selectedOf(byPassage, '[data-feature-id="lachin-corridor"]'), 'true');
  await byPassage.close();
  const byFeature = await site.open('#feature=contact-line');
  assert.equal(await selectedOf(byFeature, '[data-passage-id="p-ligne-de-contact"]'), 'true');
  await byFeature.close();

  // A feature chosen on the map replaces the history entry (leaving takes one Back); a
  // passage chosen in the article is navigation, as an in-page link: a new entry.
  const page = await site.open('#feature=lachin-corridor');
  const entries = await page.evaluate(() => history.length);
  await clickFeature(page, 'stepanakert');
  assert.equal(await selectedOf(page, '[data-feature-id="stepanakert"]'), 'true');
  assert.equal(new URL(page.url()).hash, '#feature=stepanakert');
  await clickFeature(page, 'agdam');
  await page.waitForFunction(() => location.hash === '#feature=agdam');
  assert.equal(await page.evaluate(() => history.length), entries, 'map clicks add no history entry');
  await page.click('[data-passage-id="p-bakou"]');
  await page.waitForFunction(() => /^#passage=p-bakou(&|$)/.test(location.hash));
  assert.equal(await page.evaluate(() => history.length), entries + 1, 'a passage is one entry');
  await page.goBack();
  await page.waitForFunction(() => /^#feature=agdam(&|$)/.test(location.hash));
  assert.equal(await selectedOf(page, '[data-feature-id="agdam"]'), 'true');
  assert.equal(await selectedOf(page, '[data-feature-id="baku"]'), 'false');
  await page.goForward();
  await page.waitForFunction(() => /^#passage=p-bakou(&|$)/.test(location.hash));
  assert.equal(await selectedOf(page, '[data-feature-id="baku"]'), 'true');
  await page.close();
});

// Once a passage's flight has put the view in the URL, going back must not push a new
// entry (the state the URL brought is written back in place), so forward still leads on.
test('back and forward walk through passage selections once their flights have settled', async () => {
  const page = await site.open('#passage=p-couloir-latchine');
  await page.waitForFunction(() => /&view=/.test(location.hash));
  await page.click('[data-passage-id="p-bakou"]');
  assert.equal(await selectedOf(page, '[data-feature-id="baku"]'), 'true');
  await settled(page);
  await page.goBack();
  await page.waitForFunction(() => /^#passage=p-couloir-latchine(&|$)/.test(location.hash));
  assert.equal(await selectedOf(page, '[data-feature-id="lachin-corridor"]'), 'true');
  await settled(page);
  await page.goForward();
  try {
    await page.waitForFunction(() => /^#passage=p-bakou(&|$)/.test(location.hash), null, { timeout: 5000 });
    assert.equal(await selectedOf(page, '[data-feature-id="baku"]'), 'true');
  } finally {
    await page.close();
  }
});

test('the list of features is a text alternative that links like the map, with no axe violation', async () => {
  const page = await site.open();
  await page.click('[data-list-toggle]');
  await page.waitForSelector('[data-feature-list]');
  assert.ok((await page.locator('[data-list-feature-id]').count()) >= 20);
  await page.click('[data-list-feature-id="lachin-corridor"]');
  assert.equal(await selectedOf(page, '[data-passage-id="p-couloir-latchine"]'), 'true');
  assert.equal(await selectedOf(page, '[data-list-feature-id="lachin-corridor"]'), 'true');
  const { violations } = await new AxeBuilder({ page }).analyze();
  assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3)}`), []);
  await page.click('[data-list-toggle]');
  assert.equal(await page.locator('[data-feature-list]').count(), 0);
  await page.close();
});

test('hovering or focusing a feature shows its name', async () => {
  const page = await site.open();
  await hoverFeature(page, 'stepanakert');
  assert.equal(await page.textContent('[data-tooltip]'), 'Stepanakert');
  await page.mouse.move(5, 5);
  await page.focus('[data-feature-id="contact-line"]');
  assert.match(await page.textContent('[data-tooltip]'), /Ligne de contact/);
  await page.focus('[data-skip-link]');
  assert.equal(await page.locator('[data-tooltip]').count(), 0);
  await page.close();
});

test('a hover is cheap: one tooltip element for the page (and no system tooltip besides), no box read while the mouse moves, and the map sized in pixels', async () => {
  const page = await site.open();
  // Every read of a box forces a layout when the page has changed since the last one.
  await page.evaluate(() => {
    window.__boxReads = 0;
    const read = Element.prototype.getBoundingClientRect;
    Element.prototype.getBoundingClientRect = function () { window.__boxReads++; return read.call(this); };
  });
  await hoverFeature(page, 'stepanakert');
  await page.waitForSelector('[data-tooltip]');
  await page.evaluate(() => { document.querySelector('[data-tooltip]').__first = true; });
  const box = await page.locator('[data-map]').boundingBox();
  const goris = await visiblePoint(page, 'goris');
  await page.evaluate(() => { window.__boxReads = 0; });
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width * (i / 12), box.y + box.height / 3);
  await page.mouse.move(goris.x, goris.y);
  await page.waitForFunction(() => document.querySelector('[data-tooltip]')?.textContent === 'Goris');
  assert.equal(await page.evaluate(() => window.__boxReads), 0, 'a hover read a box');
  assert.ok(await page.evaluate(() => document.querySelector('[data-tooltip]').__first), 'the tooltip was built again');
  // The map's size is its box's, in pixels, so that nothing near it lays it out again.
  const sized = await page.evaluate(() => {
    const svg = document.querySelector('[data-map]');
    const box = svg.parentElement;
    return { style: [svg.style.width, svg.style.height], box: [`${box.clientWidth}px`, `${box.clientHeight}px`] };
  });
  assert.deepEqual(sized.style, sized.box);
  // The page's tooltip is the only one: no feature carries a <title>, which the browser
  // would show as a second, system tooltip a moment later.
  assert.equal(await page.locator('[data-map] [data-feature-id] title, [data-map] [data-feature-id]:is(title)').count(), 0);
  await page.close();
});
