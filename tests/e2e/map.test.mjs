// End to end on the release bundle (dist/), in Debian's Chromium through playwright-core:
// what a reader does, and what a newsroom relies on (../CONTRACT hooks, URL hash).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { serve, launchOptions } from './server.mjs';

let server;
let browser;

before(async () => {
  server = await serve();
  browser = await chromium.launch(launchOptions);
  await mkdir('target/e2e', { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A new page that records console errors and uncaught exceptions. */
async function open(hash = '', { width = 1280, height = 800, routes = {} } = {}) {
  const page = await browser.newPage({ viewport: { width, height } });
  page.errors = [];
  page.on('console', (m) => m.type() === 'error' && page.errors.push(m.text()));
  page.on('pageerror', (e) => page.errors.push(String(e)));
  for (const [pattern, handler] of Object.entries(routes)) await page.route(pattern, handler);
  await page.goto(server.url + hash);
  await page.waitForSelector('[data-feature-id="countries-loaded"], [data-feature-id="armenia"]');
  return page;
}

const selectedOf = (page, selector) => page.getAttribute(selector, 'data-selected');

/** Clicks the feature with the mouse, at a point where it is the topmost element. */
async function clickFeature(page, id) {
  const point = await page.evaluate((id) => {
    const el = document.querySelector(`[data-feature-id="${id}"]`);
    const hits = (x, y) => {
      const top = document.elementFromPoint(x, y);
      return top && (top === el || el.contains(top));
    };
    const shapes = el.tagName === 'path' ? [el] : [...el.querySelectorAll('circle')];
    for (const shape of shapes) {
      if (shape.tagName === 'circle') {
        const r = shape.getBoundingClientRect();
        const [x, y] = [r.x + r.width / 2, r.y + r.height / 2];
        if (hits(x, y)) return { x, y };
        continue;
      }
      const m = shape.getScreenCTM();
      const length = shape.getTotalLength();
      for (let i = 1; i < 400; i++) {
        const p = shape.getPointAtLength((length * i) / 400);
        // Inside an area, a little off its outline; on a line, right on it.
        for (const [dx, dy] of [[0, 0], [3, 3], [-3, -3], [3, -3], [-3, 3], [6, 0], [0, 6], [-6, 0], [0, -6]]) {
          const x = m.a * p.x + m.c * p.y + m.e + dx;
          const y = m.b * p.x + m.d * p.y + m.f + dy;
          if (x > 0 && y > 0 && x < innerWidth && y < innerHeight && hits(x, y)) return { x, y };
        }
      }
    }
    return null;
  }, id);
  assert.ok(point, `no visible point of ${id} to click`);
  await page.mouse.click(point.x, point.y);
}

test('loads with no console error and draws every layer beside the verbatim article', async () => {
  const page = await open();
  const features = await page.locator('[data-feature-id]').count();
  assert.ok(features >= 40, `only ${features} features drawn`);
  for (const id of ['armenia', 'azerbaijan', 'nagorno-karabakh', 'contact-line', 'lachin-corridor', 'peacekeeping-zone', 'peacekeeper-hq', 'stepanakert', 'shusha']) {
    assert.equal(await page.locator(`[data-feature-id="${id}"]`).count(), 1, id);
  }
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

test('clicking a feature highlights its passages, shows its details and updates the hash', async () => {
  const page = await open();
  await clickFeature(page, 'lachin-corridor');
  assert.equal(await selectedOf(page, '[data-feature-id="lachin-corridor"]'), 'true');
  assert.equal(await selectedOf(page, '[data-passage-id="p-couloir-latchine"]'), 'true');
  assert.equal(await selectedOf(page, '[data-passage-id="p-ligne-de-contact"]'), 'false');
  assert.equal(new URL(page.url()).hash, '#feature=lachin-corridor');
  const details = await page.textContent('[data-details="lachin-corridor"]');
  assert.match(details, /schématique|approximative/);
  assert.match(details, /Sources/);
  assert.ok(await page.locator('[data-passage-id="p-couloir-latchine"]').isVisible());
  await page.close();
});

test('the peacekeepers show the statement\'s numbers and the reported count of posts', async () => {
  const page = await open('#feature=peacekeeper-hq');
  const details = await page.textContent('[data-details="peacekeeper-hq"]');
  assert.match(details, /1 960/);
  assert.match(details, /90/);
  assert.match(details, /380/);
  assert.match(details, /23 le 18 nov\. 2020/);
  assert.match(details, /Seuls les postes dont l’emplacement est cité figurent sur la carte/);
  await page.close();
});

test('clicking a passage highlights its features: one sentence, three targets', async () => {
  const page = await open();
  const cases = [
    ['p-couloir-latchine', 'lachin-corridor'],
    ['p-ligne-de-contact', 'contact-line'],
    ['p-soldats-paix', 'peacekeeper-hq'],
  ];
  for (const [passage, feature] of cases) {
    await page.click(`[data-passage-id="${passage}"]`);
    assert.equal(await selectedOf(page, `[data-feature-id="${feature}"]`), 'true', passage);
    assert.equal(await selectedOf(page, `[data-passage-id="${passage}"]`), 'true', passage);
    assert.equal(new URL(page.url()).hash, `#passage=${passage}`);
  }
  assert.equal(await selectedOf(page, '[data-feature-id="lachin-corridor"]'), 'false');
  await page.close();
});

test('the keyboard reaches passages and features, Enter and Space select them', async () => {
  const page = await open();
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

test('a deep link selects on load, and back and forward walk through selections', async () => {
  const page = await open('#passage=p-couloir-latchine');
  assert.equal(await selectedOf(page, '[data-feature-id="lachin-corridor"]'), 'true');
  await page.click('[data-passage-id="p-bakou"]');
  assert.equal(await selectedOf(page, '[data-feature-id="baku"]'), 'true');
  await page.goBack();
  await page.waitForFunction(() => /^#passage=p-couloir-latchine(&|$)/.test(location.hash));
  assert.equal(await selectedOf(page, '[data-feature-id="lachin-corridor"]'), 'true');
  assert.equal(await selectedOf(page, '[data-feature-id="baku"]'), 'false');
  await page.goForward();
  await page.waitForFunction(() => /^#passage=p-bakou(&|$)/.test(location.hash));
  assert.equal(await selectedOf(page, '[data-feature-id="baku"]'), 'true');
  await page.close();

  const byFeature = await open('#feature=contact-line');
  assert.equal(await selectedOf(byFeature, '[data-passage-id="p-ligne-de-contact"]'), 'true');
  await byFeature.close();
});

test('a missing file and a malformed file are named, and the other layers still draw', async () => {
  const page = await open('', {
    routes: {
      '**/geodata/water.geojson': (route) => route.fulfill({ status: 404, body: 'not found' }),
      '**/geodata/ceasefire.geojson': (route) =>
        route.fulfill({ status: 200, contentType: 'application/geo+json', body: '{"type":"FeatureCollection","features":[' }),
    },
  });
  await page.waitForSelector('[data-problems]');
  const problems = await page.textContent('[data-problems]');
  assert.match(problems, /geodata\/water\.geojson: could not be loaded \(HTTP 404/);
  assert.match(problems, /geodata\/ceasefire\.geojson: invalid JSON at line 1/);
  assert.match(problems, /passage "p-couloir-latchine": links to feature "lachin-corridor"/);
  assert.equal(await page.locator('[data-feature-id="contact-line"]').count(), 0);
  assert.equal(await page.locator('[data-feature-id="stepanakert"]').count(), 1);
  assert.equal(await page.locator('[data-feature-id="armenia"]').count(), 1);
  await clickFeature(page, 'stepanakert');
  assert.equal(await selectedOf(page, '[data-feature-id="stepanakert"]'), 'true');
  await page.close();
});

test('a missing story manifest says so instead of a blank page', async () => {
  const page = await browser.newPage();
  await page.route('**/geodata/story.json', (route) => route.fulfill({ status: 404, body: '' }));
  await page.goto(server.url);
  await page.waitForSelector('[data-fatal]');
  assert.match(await page.textContent('[data-fatal]'), /geodata\/story\.json: could not be loaded \(HTTP 404/);
  await page.close();
});

test('on a phone the map stays in view beside the article', async () => {
  const page = await open('', { width: 360, height: 740 });
  const map = await page.locator('[data-map]').boundingBox();
  assert.ok(map.height >= 0.4 * 740, `map only ${map.height}px high`);
  await page.mouse.wheel(0, 0);
  await page.evaluate(() => window.scrollBy(0, 600));
  const after = await page.locator('[data-map]').boundingBox();
  assert.ok(after.y > -1 && after.y < 740, 'the map scrolled away');
  await page.screenshot({ path: 'target/e2e/map-360.png' });
  await page.close();
});

const display = (page, id) =>
  page.evaluate((id) => getComputedStyle(document.querySelector(`[data-feature-id="${id}"]`)).display, id);
const classOf = (page, id) => page.getAttribute(`[data-feature-id="${id}"]`, 'class');

test('the date control replays the war, the ceasefire and the handovers', async () => {
  const page = await open();
  assert.match(await page.textContent('[data-timeline-current]'), /19 novembre 2020/);
  assert.notEqual(await display(page, 'contact-line'), 'none');
  assert.equal(await display(page, 'contact-line-1994'), 'none');
  assert.match(await classOf(page, 'agdam-district'), /map-feature--pending/);

  await page.click('[data-moment-date="2020-09-27"]');
  assert.match(await page.textContent('[data-timeline-current]'), /27 septembre 2020 — Début de la guerre/);
  assert.equal(await display(page, 'contact-line'), 'none');
  assert.notEqual(await display(page, 'contact-line-1994'), 'none');
  assert.equal(await display(page, 'area-taken-jabrayil'), 'none');
  assert.equal(new URL(page.url()).hash, '#date=2020-09-27');

  await page.click('[data-moment-date="2020-10-04"]');
  assert.notEqual(await display(page, 'area-taken-jabrayil'), 'none');
  assert.equal(await display(page, 'area-taken-shusha'), 'none');

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

  const later = await open('#date=2020-12-01');
  assert.match(await classOf(later, 'lachin-district'), /map-feature--handed-over/);
  assert.match(await later.textContent('[data-timeline-current]'), /1er décembre 2020/);
  await later.close();
});

const transformOf = (page) => page.getAttribute('.map-world', 'transform');
const scaleOf = async (page) => Number((await transformOf(page)).match(/scale\(([\d.]+)\)/)[1]);

test('the keyboard pans and zooms the map; the scale bar follows', async () => {
  const page = await open();
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

test('selecting a passage flies the map to its features', async () => {
  const page = await open();
  await page.click('[data-passage-id="p-couloir-latchine"]');
  await page.waitForFunction(() => /scale\((?!1\))/.test(document.querySelector('.map-world').getAttribute('transform')));
  await page.waitForTimeout(800);
  assert.ok((await scaleOf(page)) > 2, 'zoomed on the corridor');
  const box = await page.locator('[data-feature-id="lachin-corridor"]').boundingBox();
  const map = await page.locator('[data-map]').boundingBox();
  assert.ok(box.x >= map.x && box.x + box.width <= map.x + map.width, 'the corridor is in view');
  await page.close();

  // Under reduced motion the map jumps at once.
  const context = await browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1280, height: 800 } });
  const still = await context.newPage();
  await still.goto(server.url + '#passage=p-couloir-latchine');
  await still.waitForSelector('[data-feature-id="lachin-corridor"]');
  await still.waitForFunction(() => /scale\((?!1\))/.test(document.querySelector('.map-world').getAttribute('transform')));
  await context.close();
});

test('the legend switches layers off and on', async () => {
  const page = await open();
  await page.click('[data-layer-toggle="contact-line"]');
  assert.equal(await display(page, 'contact-line'), 'none');
  assert.notEqual(await display(page, 'lachin-corridor'), 'none');
  await page.click('[data-layer-toggle="contact-line"]');
  assert.notEqual(await display(page, 'contact-line'), 'none');
  await page.close();
});

test('axe-core finds no accessibility violation, idle, with a selection, on a phone', async () => {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  for (const [hash, width, height] of [['', 1280, 800], ['#feature=lachin-corridor', 1280, 800], ['#passage=p-soldats-paix', 360, 740]]) {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    await page.goto(server.url + hash);
    await page.waitForSelector('[data-feature-id="lachin-corridor"]');
    await page.waitForTimeout(900); // let a fly-to end
    const { violations } = await new AxeBuilder({ page }).analyze();
    const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    assert.deepEqual(summary, [], `${hash || 'default'} at ${width}px`);
    await context.close();
  }
});

test('the reader switches to English: interface, article, names and the URL follow', async () => {
  const page = await open();
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
  assert.equal(new URL(page.url()).hash, '#passage=p-couloir-latchine&lang=en');
  await page.close();

  const linked = await open('#feature=shusha&lang=en');
  const details = await linked.textContent('[data-details="shusha"]');
  assert.match(details, /Shusha/);
  assert.match(details, /Other names: /);
  assert.match(details, /Chouchi \(French\)/);
  assert.match(details, /Şuşa \(Azerbaijani\)/);
  assert.match(details, /Shushi \(Armenian\)/);
  await linked.close();
});

test('the list of features is a text alternative that links like the map, with no axe violation', async () => {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('[data-feature-id="lachin-corridor"]');
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
  await context.close();
});

test('a mouse drag pans without selecting; a two-finger pinch zooms', async () => {
  const page = await open();
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
  assert.equal(new URL(page.url()).hash, '', 'a drag selects nothing');
  await page.close();

  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  const phone = await context.newPage();
  await phone.goto(server.url);
  await phone.waitForSelector('[data-feature-id="lachin-corridor"]');
  const box = await phone.locator('[data-map]').boundingBox();
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  const cdp = await context.newCDPSession(phone);
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
  await context.close();
});

test('hovering or focusing a feature shows its name', async () => {
  const page = await open();
  await page.hover('[data-feature-id="stepanakert"] circle');
  assert.equal(await page.textContent('[data-tooltip]'), 'Stepanakert');
  await page.mouse.move(5, 5);
  await page.focus('[data-feature-id="contact-line"]');
  assert.match(await page.textContent('[data-tooltip]'), /Ligne de contact/);
  await page.focus('[data-skip-link]');
  assert.equal(await page.locator('[data-tooltip]').count(), 0);
  await page.close();
});

test('at 320 px and at 200% text size nothing overflows sideways and the map stays usable', async () => {
  for (const [width, textScale] of [[320, 1], [1280, 2], [360, 2]]) {
    const page = await browser.newPage({ viewport: { width, height: 740 } });
    await page.goto(server.url);
    await page.waitForSelector('[data-feature-id="lachin-corridor"]');
    await page.evaluate((s) => { document.documentElement.style.fontSize = `${16 * s}px`; }, textScale);
    await page.waitForTimeout(200);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `${width}px at ${textScale * 100}%: ${overflow}px of horizontal overflow`);
    const map = await page.locator('[data-map]').boundingBox();
    assert.ok(map.height >= 120, `${width}px at ${textScale * 100}%: map only ${map.height}px high`);
    await page.click('[data-passage-id="p-couloir-latchine"]');
    assert.equal(await selectedOf(page, '[data-feature-id="lachin-corridor"]'), 'true');
    await page.close();
  }
});

test('the view is part of the URL: a shared link opens on the same place and zoom', async () => {
  const page = await open('#view=46.7519,39.8153,4');
  await page.waitForFunction(() => /scale\(4\)/.test(document.querySelector('.map-world').getAttribute('transform')));
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

test('the bundle runs under the strict Content-Security-Policy of dist/csp.txt', async () => {
  const { readFile } = await import('node:fs/promises');
  const policy = (await readFile('dist/csp.txt', 'utf8')).trim();
  assert.doesNotMatch(policy, /unsafe-inline|'unsafe-eval'/);
  const strict = await serve(undefined, { 'content-security-policy': policy });
  after(() => strict.close());
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(strict.url + '#feature=peacekeeper-hq');
  await page.waitForSelector('[data-details="peacekeeper-hq"]');
  await page.hover('[data-feature-id="stepanakert"] circle');
  await page.waitForSelector('[data-tooltip]');
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('dark mode follows the system, a host can force a theme, and both pass axe', async () => {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const background = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  for (const [scheme, query, dark] of [['dark', '', true], ['dark', '?theme=light', false], ['light', '?theme=dark', true]]) {
    const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(server.url + query + '#feature=lachin-corridor');
    await page.waitForSelector('[data-details="lachin-corridor"]');
    const [r, g, b] = (await background(page)).match(/\d+/g).map(Number);
    assert.equal(r + g + b < 200, dark, `${scheme} ${query}: body background rgb(${r}, ${g}, ${b})`);
    await page.waitForTimeout(300);
    const { violations } = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3)}`), [], `${scheme} ${query}`);
    await context.close();
  }
});

test('embedded in a news page: the iframe follows its content, host spans drive the map, the map answers', async () => {
  const { readFile, writeFile, mkdir } = await import('node:fs/promises');
  const { resolve } = await import('node:path');
  // The example page, pointed at the map's origin, served from another origin.
  const example = (await readFile('examples/news-page.html', 'utf8')).replaceAll('https://maps.example.org/karabakh/', server.url);
  await mkdir('target/e2e/host', { recursive: true });
  await writeFile('target/e2e/host/news-page.html', example);
  const host = await serve(resolve('target/e2e/host'));
  const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
  try {
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${host.url}news-page.html`);
    const map = page.frameLocator('#carte');
    await map.locator('[data-feature-id="contact-line"]').waitFor({ state: 'attached' });

    // The frame's height follows its content (the article is long: more than the 720 px set).
    await page.waitForFunction(() => document.getElementById('carte').style.height !== '720px');
    const frameHeight = await page.evaluate(() => document.getElementById('carte').getBoundingClientRect().height);
    const contentHeight = await map.locator('html').evaluate((el) => el.scrollHeight);
    assert.ok(Math.abs(frameHeight - contentHeight) <= 2, `frame ${frameHeight}px, content ${contentHeight}px`);

    // A span of the host's text selects in the map.
    await page.click('[data-ceasefire-feature="contact-line"]');
    await map.locator('[data-feature-id="contact-line"][data-selected="true"]').waitFor();
    assert.equal(await map.locator('[data-passage-id="p-ligne-de-contact"]').getAttribute('data-selected'), 'true');

    // A click in the map reaches the host: its span lights up. (First let the map's
    // flight to the contact line end, or the click may land where the town was.)
    await map.locator('.map-world').evaluate(async (g) => {
      for (let last = null; last !== g.getAttribute('transform');) {
        last = g.getAttribute('transform');
        await new Promise((ok) => setTimeout(ok, 250));
      }
    });
    await map.locator('[data-feature-id="stepanakert"] circle').click();
    await page.waitForSelector('[data-ceasefire-feature="stepanakert"][data-ceasefire-active]');
    assert.equal(await page.locator('[data-ceasefire-active]').count(), 1);

    // Markup in a message is never run, and unknown ids change nothing.
    await page.evaluate(() => {
      const w = document.getElementById('carte').contentWindow;
      w.postMessage({ type: 'ceasefire:select', feature: '<img src=x onerror="top.__xss=1">' }, '*');
      w.postMessage({ type: 'ceasefire:select', feature: 'no-such-feature' }, '*');
    });
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    assert.equal(await map.locator('[data-feature-id="stepanakert"]').getAttribute('data-selected'), 'true');
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
    await host.close();
  }
});

test('fetch faults: a 500, an aborted load, a wrong content type and a slow file; retry recovers', async () => {
  let failWater = true;
  const page = await open('', {
    routes: {
      '**/geodata/water.geojson': (route) => (failWater ? route.fulfill({ status: 500, body: 'oops' }) : route.continue()),
      '**/geodata/places.geojson': (route) => route.abort('failed'),
      '**/geodata/karabakh.geojson': async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, contentType: 'text/html' });
      },
      '**/geodata/inset.geojson': async (route) => {
        await new Promise((ok) => setTimeout(ok, 1500));
        await route.continue();
      },
    },
  });
  await page.waitForSelector('[data-problems]');
  const problems = await page.textContent('[data-problems]');
  assert.match(problems, /geodata\/water\.geojson: could not be loaded \(HTTP 500/);
  assert.match(problems, /geodata\/places\.geojson: could not be loaded/);
  assert.doesNotMatch(problems, /karabakh\.geojson|inset\.geojson/);
  assert.equal(await page.locator('[data-feature-id="nagorno-karabakh"]').count(), 1);
  assert.equal(await page.locator('[data-feature-id="contact-line"]').count(), 1);
  assert.equal(await page.locator('[data-inset]').count(), 1);

  failWater = false;
  await page.unroute('**/geodata/places.geojson');
  await page.click('[data-retry]');
  await page.waitForSelector('[data-problems]', { state: 'detached' });
  assert.equal(await page.locator('[data-feature-id="lake-sevan"]').count(), 1);
  assert.equal(await page.locator('[data-feature-id="stepanakert"]').count(), 1);
  await page.close();
});

test('every bad fixture in place of a layer is named in the map, and the other layers still draw', async () => {
  const { readdir, readFile } = await import('node:fs/promises');
  const files = (await readdir('tests/fixtures/bad')).filter((f) => f.endsWith('.geojson'));
  assert.ok(files.length >= 15);
  for (const file of files) {
    const body = await readFile(`tests/fixtures/bad/${file}`, 'utf8');
    const page = await open('', {
      routes: { '**/geodata/ceasefire.geojson': (route) => route.fulfill({ contentType: 'application/geo+json', body }) },
    });
    try {
      const problems = await page.textContent('[data-problems]');
      // The map reports what the validator reports, naming the file.
      assert.match(problems, /geodata\/ceasefire\.geojson/, file);
      assert.equal(await page.locator('[data-feature-id="armenia"]').count(), 1, file);
      assert.equal(await page.locator('[data-feature-id="stepanakert"]').count(), 1, file);
      assert.deepEqual(page.errors, [], file);
    } finally {
      await page.close();
    }
  }
});

test('markup in every text property stays text; a 200,000-position line still loads', async () => {
  const { readFile } = await import('node:fs/promises');
  const hostile = await readFile('tests/fixtures/hostile/xss-everywhere.geojson', 'utf8');
  const story = JSON.parse(await readFile('geodata/story.json', 'utf8'));
  story.title.fr = '<img src=x onerror="top.__xss=6">Titre';
  story.attribution.fr = '<script>top.__xss=7</script>';
  const page = await open('#feature=xss-point', {
    routes: {
      '**/geodata/places.geojson': (route) => route.fulfill({ contentType: 'application/geo+json', body: hostile }),
      '**/geodata/story.json': (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(story) }),
    },
  });
  try {
    await page.waitForSelector('[data-details="xss-point"]');
    await page.hover('[data-feature-id="xss-area"]').catch(() => {});
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    assert.equal(await page.locator('main img, main script, [data-details] a[href^="javascript"]').count(), 0);
    assert.match(await page.textContent('[data-details="xss-point"]'), /<img src=x onerror=/);
    assert.match(await page.textContent('h1'), /<img src=x onerror=/);
    assert.equal(await page.getAttribute('[data-feature-id="xss-area"]', 'onclick'), null);
  } finally {
    await page.close();
  }

  const n = 200000;
  const coordinates = Array.from({ length: n }, (_, i) => [45 + (2.5 * i) / n, 39.5 + 0.3 * Math.sin(i / 500)]);
  const huge = { type: 'FeatureCollection', features: [{ type: 'Feature', id: 'huge-line', geometry: { type: 'LineString', coordinates },
    properties: { kind: 'contact-line', name: { fr: 'Grande', en: 'Huge' }, sources: [{ title: 't' }], accuracy: 'schematic', valid_from: '2020-11-10' } }] };
  const big = await open('', {
    routes: { '**/geodata/ceasefire.geojson': (route) => route.fulfill({ contentType: 'application/geo+json', body: JSON.stringify(huge) }) },
  });
  try {
    assert.equal(await big.locator('[data-feature-id="huge-line"]').count(), 1);
    assert.equal(await big.locator('[data-feature-id="armenia"]').count(), 1);
    assert.deepEqual(big.errors, []);
  } finally {
    await big.close();
  }
});

test('the view exports as a standalone SVG and as a PNG', async () => {
  const { readFile } = await import('node:fs/promises');
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    await page.goto(server.url + '#feature=lachin-corridor');
    await page.waitForSelector('[data-details="lachin-corridor"]');
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="svg"]')]);
    assert.equal(svgDownload.suggestedFilename(), 'carte.svg');
    const svg = await readFile(await svgDownload.path(), 'utf8');
    assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(svg, /data-feature-id="lachin-corridor"/);
    assert.match(svg, /stroke-dasharray="[\d.]+px, [\d.]+px"/);
    assert.match(svg, /Natural Earth/);
    assert.match(svg, /19 novembre 2020/);
    const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="png"]')]);
    assert.equal(pngDownload.suggestedFilename(), 'carte.png');
    const png = await readFile(await pngDownload.path());
    assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    assert.ok(png.length > 20000, `PNG of ${png.length} bytes`);
  } finally {
    await context.close();
  }
});
