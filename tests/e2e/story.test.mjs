// What the shipped story (geodata/) shows: every layer beside the verbatim article, the
// details of a feature, the date control, the legend's switches, the English version.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useSite } from './lib/site.mjs';
import { classOf, displayOf, hashBesidesView, selectedOf, settled } from './lib/page.mjs';

const site = useSite();
const readJson = async (path) => JSON.parse(await readFile(path, 'utf8'));

test('loads with no console error and draws every layer beside the verbatim article', async () => {
  // Counted from the data itself: every feature of every layer the story lists.
  const story = await readJson('geodata/story.json');
  const layers = await Promise.all(story.layers.map(async ({ file }) =>
    [file, (await readJson(`geodata/${file}`)).features.map((f) => f.id)]));
  const expected = layers.flatMap(([, ids]) => ids).sort();
  const page = await site.open();
  const drawn = await page.$$eval('[data-map] [data-feature-id]', (els) => els.map((e) => e.dataset.featureId));
  for (const [file, ids] of layers) {
    assert.ok(ids.length > 0, `${file} has no feature`);
    assert.ok(ids.every((id) => drawn.includes(id)), `${file}: not drawn: ${ids.filter((id) => !drawn.includes(id)).join(', ')}`);
  }
  assert.deepEqual(drawn.sort(), expected, `${drawn.length} features drawn, ${expected.length} in the layers`);
  const text = await page.textContent('article');
  assert.ok(text.includes('La Russie a déployé ses soldats du maintien de la paix à la ligne de contact'));
  assert.ok((await page.textContent('[data-legend]')).includes('Couloir de Latchine'));
  assert.ok((await page.textContent('[data-attribution]')).includes('Natural Earth'));
  assert.match(await page.textContent('[data-inset]'), /Erevan[\s\S]*Bakou|Bakou[\s\S]*Erevan/);
  assert.equal(await page.locator('[data-problems]').count(), 0, 'the shipped story has no problem');
  await page.screenshot({ path: 'target/e2e/map-1280.png' });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the peacekeepers show the statement\'s numbers and the reported count of posts', async () => {
  const page = await site.open('#feature=peacekeeper-hq');
  await page.waitForSelector('[data-details="peacekeeper-hq"]');
  const facts = await page.$$eval('[data-details="peacekeeper-hq"] dt', (dts) =>
    Object.fromEntries(dts.map((dt) => [dt.textContent.trim(), dt.nextElementSibling?.textContent.trim()])));
  assert.equal(facts['Militaires'], '1 960 (avec armes légères)');
  assert.equal(facts['Véhicules blindés de transport de troupes'], '90');
  assert.equal(facts['Véhicules et équipements spéciaux'], '380');
  const posts = facts['Postes d’observation signalés'];
  assert.match(posts, /(^|\D)25 le 15 nov\. 2020 /);
  assert.match(posts, /(^|\D)23 le 18 nov\. 2020 /);
  assert.match(posts, /Seuls les postes dont l’emplacement est cité figurent sur la carte/);
  await page.close();
});

test('the date control replays the war, the ceasefire and the handovers', async () => {
  const page = await site.open();
  assert.match(await page.textContent('[data-timeline-current]'), /19 novembre 2020/);
  assert.notEqual(await displayOf(page, 'contact-line'), 'none');
  assert.equal(await displayOf(page, 'contact-line-1994'), 'none');
  assert.match(await classOf(page, 'agdam-district'), /map-feature--pending/);

  await page.click('[data-moment-date="2020-09-27"]');
  assert.match(await page.textContent('[data-timeline-current]'), /27 septembre 2020 — Début de la guerre/);
  assert.equal(await displayOf(page, 'contact-line'), 'none');
  assert.notEqual(await displayOf(page, 'contact-line-1994'), 'none');
  assert.equal(await displayOf(page, 'area-taken-jabrayil'), 'none');
  assert.equal(new URL(page.url()).hash, '#date=2020-09-27');

  await page.click('[data-moment-date="2020-10-04"]');
  assert.notEqual(await displayOf(page, 'area-taken-jabrayil'), 'none');
  assert.equal(await displayOf(page, 'area-taken-shusha'), 'none');

  // Arrow keys move along the dates, as in any radio group.
  await page.click('[data-moment-date="2020-11-19"]');
  await page.keyboard.press('ArrowRight');
  assert.match(await page.textContent('[data-timeline-current]'), /20 novembre 2020 — Agdam restitué/);
  assert.match(await classOf(page, 'agdam-district'), /map-feature--handed-over/);
  assert.match(await classOf(page, 'kalbajar-district'), /map-feature--pending/);

  await page.click('[data-moment-date="2020-11-10"]');
  assert.equal(await page.getAttribute('[data-passage-id="p-ligne-de-contact"]', 'data-moment'), 'true');
  assert.equal(await page.getAttribute('[data-passage-id="p-bakou"]', 'data-moment'), 'false');
  await page.close();

  const later = await site.open('#date=2020-12-01');
  // A date opened from a link does not move the map; its caption is there.
  assert.equal(await later.getAttribute('.map-world', 'transform'), 'translate(0,0) scale(1)');
  assert.match(await later.textContent('[data-timeline-caption]'), /Transfert effectué\u00a0: District de Latchine/);
  assert.match(await classOf(later, 'lachin-district'), /map-feature--handed-over/);
  assert.match(await later.textContent('[data-timeline-current]'), /1er décembre 2020/);
  await later.close();
});

test('each date says what it changes, the map moves there, and the legend keys the handover', async () => {
  const page = await site.open();
  const caption = () => page.textContent('[data-timeline-caption]');
  const handoverKeys = () => page.locator('[data-legend] .legend-item--handover rect').evaluateAll((r) => r.map((e) => e.getAttribute('class')));
  assert.match(await caption(), /^Apparaissent sur la carte\u00a0: /);
  assert.deepEqual(await handoverKeys(), ['map-feature--pending']);
  assert.equal(await page.getAttribute('.map-world', 'transform'), 'translate(0,0) scale(1)', 'the map opens on the whole view');
  // Agdam's handover: the caption names it, the map flies to the district and shows it
  // whole, and the legend keys both states, each in the map's own style.
  await page.click('[data-moment-date="2020-11-20"]');
  assert.match(await caption(), /^Transfert effectué\u00a0: District d’Agdam/);
  await settled(page);
  assert.doesNotMatch(await page.getAttribute('.map-world', 'transform'), /scale\(1\)$/, 'the map moved');
  const [map, district] = await Promise.all([page.locator('[data-map]').boundingBox(), page.locator('[data-feature-id="agdam-district"]').boundingBox()]);
  assert.ok(district.x >= map.x - 1 && district.y >= map.y - 1 && district.x + district.width <= map.x + map.width + 1 && district.y + district.height <= map.y + map.height + 1, 'the district is in view');
  assert.ok(district.width > map.width / 4 || district.height > map.height / 4, 'and large');
  assert.deepEqual(await handoverKeys(), ['map-feature--pending', 'map-feature--handed-over']);
  const opacity = (selector) => page.locator(selector).first().evaluate((e) => getComputedStyle(e).fillOpacity);
  assert.equal(await opacity('[data-legend] rect.map-feature--handed-over'), await opacity('[data-feature-id="agdam-district"]'));
  assert.equal(await page.locator('[data-feature-id="agdam-district"]').evaluate((e) => getComputedStyle(e).strokeDasharray), await page.locator('[data-feature-id="kalbajar-district"]').evaluate((e) => getComputedStyle(e).strokeDasharray), 'the handover keeps the accuracy\'s dashes');
  // The caption is said: it is a live region, and in English it speaks English.
  assert.equal(await page.getAttribute('[data-timeline-caption]', 'aria-live'), 'polite');
  await page.click('[data-lang-switch="en"]');
  assert.match(await caption(), /^Handed over: Aghdam district/);
  // The page says its new language, and its tab's title follows.
  const { title } = await readJson('geodata/story.json');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.title(), title.en);
  await page.close();
});

test('the legend switches layers off and on', async () => {
  const page = await site.open();
  await page.click('[data-layer-toggle="contact-line"]');
  assert.equal(await displayOf(page, 'contact-line'), 'none');
  assert.notEqual(await displayOf(page, 'lachin-corridor'), 'none');
  await page.click('[data-layer-toggle="contact-line"]');
  assert.notEqual(await displayOf(page, 'contact-line'), 'none');
  await page.close();
});

test('on a small screen the legend is a disclosure with every entry and the accuracy key; on a wide one it is open', async () => {
  const shown = (page, selector) => page.locator(selector).evaluateAll((es) => es.filter((e) => e.checkVisibility()).length);
  for (const [width, height, javaScriptEnabled] of [[360, 740, true], [768, 1024, true], [360, 740, false]]) {
    const ready = javaScriptEnabled ? undefined : '[data-prerendered] [data-legend]';
    const page = await site.open('', { width, height, javaScriptEnabled, ready });
    const at = `at ${width}px${javaScriptEnabled ? '' : ', JavaScript off'}`;
    const legend = page.locator('[data-legend]:visible');
    assert.equal(await shown(page, '[data-legend] .legend-item'), 0, `closed at first ${at}`);
    assert.ok(await legend.locator('[data-attribution]').isVisible(), `the credit shows ${at}`);
    const summary = legend.locator('summary');
    const box = await summary.boundingBox();
    assert.ok(box.height >= 24, `a 24 px target ${at}: ${JSON.stringify(box)}`);
    await summary.click();
    const items = await shown(page, '[data-legend] .legend-item');
    assert.ok(items >= 10, `${items} entries open ${at}`);
    assert.ok(await legend.locator('.legend-item--accuracy').first().isVisible(), `the accuracy key ${at}`);
    // Every entry can be scrolled to and read inside the legend.
    const last = legend.locator('.legend-item').last();
    await last.scrollIntoViewIfNeeded();
    assert.ok(await last.isVisible());
    if (width === 360) await page.screenshot({ path: `target/e2e/legend-open-${width}${javaScriptEnabled ? '' : '-nojs'}.png` });
    await page.context().close();
  }
  const wide = await site.open('', { width: 1280, height: 800 });
  assert.equal(await wide.locator('[data-legend] summary').isVisible(), false, 'no summary on a wide screen');
  assert.ok((await shown(wide, '[data-legend] .legend-item')) >= 10, 'every entry shows on a wide screen');
  await wide.context().close();
});

test('the reader switches to English: interface, article, names and the URL follow', async () => {
  const page = await site.open();
  await page.click('[data-lang-switch="en"]');
  await page.waitForSelector('[data-article-lang="en"]');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.textContent('article'), /Russia has deployed its peacekeepers along the line of contact in Nagorno-Karabakh and in the Lachin corridor/);
  assert.equal(await page.textContent('[data-passage-id="p-couloir-latchine"]'), 'Lachin corridor');
  assert.match(await page.textContent('[data-legend]'), /Lachin corridor \(5 km wide\)/);
  assert.match(await page.textContent('[data-timeline-current]'), /19 November 2020/);
  assert.match(await page.textContent('[data-feature-id="shusha"]'), /Shusha/);
  assert.equal(new URL(page.url()).hash, '#lang=en');
  await page.click('[data-passage-id="p-couloir-latchine"]');
  assert.equal(await selectedOf(page, '[data-feature-id="lachin-corridor"]'), 'true');
  assert.equal(hashBesidesView(page), '#passage=p-couloir-latchine&lang=en');
  await page.close();

  const linked = await site.open('#feature=shusha&lang=en');
  const details = await linked.textContent('[data-details="shusha"]');
  assert.match(details, /Shusha/);
  assert.match(details, /Other names: /);
  assert.match(details, /Chouchi \(French\)/);
  assert.match(details, /Şuşa \(Azerbaijani\)/);
  assert.match(details, /Shushi \(Armenian\)/);
  await linked.close();
});
