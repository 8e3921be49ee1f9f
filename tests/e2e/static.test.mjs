// The first view comes with the page (src/page.rs, written into dist/index.html by make
// dist): readable with JavaScript off, and taken over by the app in one step, with no
// layout shift, no blank frame, the contract's hooks never on the page twice, the scroll
// position and the focus kept, and a click made before the app was ready honoured.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useSite } from './lib/site.mjs';
import { READY, nextFrame, openHeld } from './lib/page.mjs';

const site = useSite();
const story = JSON.parse(await readFile('dist/geodata/story.json', 'utf8'));
const STATIC = '[data-prerendered] [data-legend]';

/** A page whose code waits until `release()` is called, so the static view shows first. */
const held = ({ width = 1280, height = 800, hash = '' } = {}) =>
  openHeld(site.browser, site.url + hash, { width, height, init: watch, ready: STATIC });

/**
 * Runs in the page from its first byte on: records layout shifts, and at every change
 * of the DOM and every frame, whether a contract hook is on the page twice or the page
 * shows no view.
 */
function watch() {
  const seen = (window.__takeOver = { shifts: [], moved: [], twice: [], blank: 0, views: new Set(), langs: new Set(), rects: null });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      seen.shifts.push(e.value);
      // What moved, for the failure message: the element and its boxes before and after.
      for (const s of e.sources ?? []) {
        const n = s.node;
        const name = n ? `${n.nodeName.toLowerCase()}${n.id ? '#' + n.id : ''}${n.className?.baseVal ?? (n.className ? '.' + n.className : '')}` : '?';
        const box = (r) => [r.x, r.y, r.width, r.height].map(Math.round).join(',');
        seen.moved.push(`${name} ${box(s.previousRect)} -> ${box(s.currentRect)} at ${Math.round(e.startTime)} ms`);
      }
    }
  }).observe({ type: 'layout-shift', buffered: true });
  const check = () => {
    if (document.readyState === 'loading') return;
    for (const hook of ['data-feature-id', 'data-passage-id']) {
      const ids = [...document.querySelectorAll(`[${hook}]`)].map((e) => e.getAttribute(hook));
      const dup = ids.find((id, i) => ids.indexOf(id) !== i);
      if (dup) seen.twice.push(`${hook}=${dup}`);
    }
    const article = document.querySelector('article');
    const map = document.querySelector('.map-box svg');
    if (!article || !map || !article.textContent.trim()) seen.blank++;
    const view = document.querySelector('[data-prerendered]') ? 'static' : 'app';
    seen.views.add(view);
    // The view, the page's language, its heading's and its tab's, as the reader would
    // get them.
    const title = document.querySelector('h1')?.textContent ?? '';
    seen.langs.add(`${view} ${document.documentElement.lang} ${title} / ${document.title}`);
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  const frame = () => {
    check();
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** The static view's controls that need the app: language, zoom, export, list. */
const CONTROLS = '.lang-button, .map-zoom-button, .feature-list-toggle';

/** Where the page's parts are, in CSS pixels of the page. */
const rects = (page) =>
  page.evaluate(() => {
    const parts = {
      title: 'h1',
      map: '.map-box',
      svg: '.map-box svg.map',
      timeline: 'fieldset',
      legend: '[data-legend]',
      attribution: '[data-attribution]',
      article: 'article',
      heading: 'article h2',
      passage: 'article p:nth-of-type(4)',
    };
    return Object.fromEntries(
      Object.entries(parts).map(([name, selector]) => {
        const shown = [...document.querySelectorAll(selector)].find((e) => e.getClientRects().length);
        const r = shown.getBoundingClientRect();
        return [name, [r.x, r.y + scrollY, r.width, r.height].map((v) => Math.round(v))];
      }),
    );
  });

test('with JavaScript off, the page has the article, the map, the legend and the credits, and its links jump', async () => {
  const page = await site.open('', { width: 360, height: 740, javaScriptEnabled: false, ready: STATIC });
  // The whole article, each passage a link; the title and summary.
  const lang = story.article.lang;
  assert.equal(await page.textContent('h1'), story.title[lang]);
  const article = await page.textContent('[data-article-lang]');
  assert.ok(article.includes('La Russie a déployé ses soldats du maintien de la paix à la ligne de contact'));
  const passages = await page.locator('[data-article-lang] a[href^="#passage="]').count();
  assert.ok(passages >= story.passages.length - 1, `${passages} passage links`);
  // The map drawn for a phone (the one for a wide screen is hidden): shapes that link
  // to their features, place names, a scale bar; and the locator map.
  const map = page.locator('[data-static-map]:visible');
  assert.equal(await map.count(), 1);
  assert.equal(await map.getAttribute('data-static-map'), '360x298.5');
  const shapes = await map.locator('a[href^="#feature="] path').count();
  const points = await map.locator('a[href^="#feature="] circle').count();
  assert.ok(shapes >= 10 && points >= 10, `${shapes} shapes, ${points} points`);
  for (const id of ['contact-line', 'lachin-corridor', 'peacekeeping-zone', 'stepanakert', 'shusha']) {
    assert.equal(await map.locator(`a[href="#feature=${id}"]`).count(), 1, id);
  }
  const labels = await map.locator('text').allTextContents();
  for (const name of ['Stepanakert', 'Latchine', 'Arménie', '50 km']) assert.ok(labels.includes(name), `${name} in ${labels}`);
  assert.match(await page.textContent('[data-inset]'), /Bakou/);
  assert.ok((await page.textContent('[data-legend]')).includes('Couloir de Latchine'));
  assert.ok((await page.textContent('[data-attribution]')).includes('Natural Earth'));
  // No control that needs the app: they would do nothing (with JavaScript on, they are
  // there before the take-over, where the app puts its own).
  const controls = `${CONTROLS}, .legend-checkbox`;
  assert.ok(await page.locator(controls).count() >= 8);
  assert.deepEqual(await page.locator(controls).evaluateAll((es) => es.filter((e) => e.checkVisibility()).map((e) => e.className)), []);
  // None of the app's hooks, and no app.
  assert.equal(await page.locator('[data-feature-id], [data-passage-id]').count(), 0);
  assert.equal(await page.getAttribute('html', 'data-ready'), null);
  // The shapes are drawn: the Lachin corridor has path data and a box on screen.
  const corridor = map.locator('a[href="#feature=lachin-corridor"] path');
  assert.match(await corridor.getAttribute('d'), /^M[\d.-]+,[\d.-]+L/);
  const box = await corridor.boundingBox();
  assert.ok(box.width > 2 && box.height > 2, JSON.stringify(box));
  await page.screenshot({ path: 'target/e2e/static-nojs-360.png', fullPage: true });

  // A feature's link leads to the first passage that speaks of it, a passage's to
  // itself: the page scrolls until it shows, uncovered (the map stays at the top).
  const shown = (selector) =>
    page.locator(selector).evaluate((e) => {
      const r = e.getClientRects()[0];
      const [x, y] = [r.left + Math.min(r.width / 2, 8), r.top + r.height / 2];
      const top = document.elementFromPoint(x, y);
      return y > 0 && y < innerHeight && (top === e || e.contains(top));
    });
  assert.equal(await shown('#passage\\=p-couloir-latchine'), false, 'below the fold at first');
  await map.locator('a[href="#feature=lachin-corridor"]').focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/#feature=lachin-corridor$/);
  assert.ok(await shown('#passage\\=p-couloir-latchine'), 'the corridor\'s passage shows');
  assert.ok((await page.evaluate(() => scrollY)) > 300, 'the page scrolled');
  await page.evaluate(() => scrollTo(0, 0));
  await page.locator('a[href="#passage=p-bakou"]').focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/#passage=p-bakou$/);
  assert.ok(await shown('#passage\\=p-bakou'), 'the passage shows');
  await page.screenshot({ path: 'target/e2e/static-nojs-jump-360.png' });
  await page.context().close();
});

for (const [width, height] of [[1280, 800], [360, 740]]) {
  test(`at ${width}x${height}, the app takes over with no layout shift and no frame without a view`, async () => {
    const page = await held({ width, height });
    const before = await rects(page);
    // With JavaScript on, the controls are there before the app, where it puts its own.
    const hidden = await page.locator(CONTROLS).evaluateAll((es) => es.filter((e) => !e.checkVisibility()).length);
    assert.equal(hidden, 0, 'a control of the static view is hidden');
    await page.screenshot({ path: `target/e2e/static-before-${width}.png` });
    page.release();
    await page.waitForSelector(READY, { state: 'attached' });
    // Ready means the map has measured its box: its viewBox is its size.
    const [viewBox, size] = await page.evaluate(() => {
      const svg = document.querySelector('[data-map]');
      return [svg.getAttribute('viewBox').split(' ').map(Number), [0, 0, svg.clientWidth, svg.clientHeight]];
    });
    assert.ok(viewBox.every((v, i) => Math.abs(v - size[i]) <= 1), `viewBox ${viewBox}, box ${size}`);
    // Two frames after the take-over: anything it moved has been laid out and reported.
    await nextFrame(page);
    await page.screenshot({ path: `target/e2e/static-after-${width}.png` });
    const seen = await page.evaluate(() => ({ ...window.__takeOver, views: [...window.__takeOver.views] }));
    assert.deepEqual(seen.views, ['static', 'app'], 'both views were seen, static first');
    assert.equal(await page.locator('[data-prerendered]').count(), 0, 'the static view is gone');
    assert.ok((await page.locator('[data-feature-id]').count()) >= 40);
    const cls = seen.shifts.reduce((a, b) => a + b, 0);
    assert.ok(cls <= 0.01, `cumulative layout shift ${cls} (${seen.shifts}): ${seen.moved.join('; ')}`);
    assert.deepEqual(seen.twice, [], 'a contract hook was on the page twice');
    assert.equal(seen.blank, 0, 'a frame or DOM change showed no article or no map');
    const afterwards = await rects(page);
    for (const [part, r] of Object.entries(before)) {
      assert.ok(r.every((v, i) => Math.abs(v - afterwards[part][i]) <= 1), `${part} moved: ${r} -> ${afterwards[part]}`);
    }
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('on a slow phone the static page is painted whole: nothing grows while the page is parsed', async () => {
  // A CPU twelve times slower parses the page over several frames; the first paint waits
  // for the map column (`<link rel=expect blocking=render>`), so a half-parsed legend or
  // locator is never shown and then grown. The code is held: this is the page alone.
  const context = await site.browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 12 });
  await page.route('**/*.wasm', () => {});
  await page.addInitScript(watch);
  await page.goto(site.url, { waitUntil: 'load' });
  await nextFrame(page);
  const seen = await page.evaluate(() => window.__takeOver);
  assert.equal(seen.blank, 0, 'a frame showed no article or no map');
  assert.deepEqual(seen.moved, [], 'something moved while the page was parsed');
  await context.close();
});

test('?embed and ?theme=dark show in the static view already, before the code runs', async () => {
  const page = await openHeld(site.browser, `${site.url}?embed&theme=dark`, { width: 900, height: 700, ready: STATIC });
  assert.equal(await page.getAttribute('html', 'data-embed'), 'true');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  // The embed layout (the map above the article, not sticky), dark paper.
  assert.notEqual(await page.locator('.layout-map').evaluate((e) => getComputedStyle(e).position), 'sticky');
  const paper = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const dark = await paper();
  const before = await page.locator('.layout-map').boundingBox();
  page.release();
  await page.waitForSelector(READY, { state: 'attached' });
  assert.equal(await page.getAttribute('html', 'data-embed'), 'true');
  assert.equal(await paper(), dark, 'the theme stays as it was');
  const after = await page.locator('.layout-map').boundingBox();
  assert.ok(Math.abs(after.height - before.height) <= 1 && Math.abs(after.y - before.y) <= 1, `the map moved: ${JSON.stringify(before)} -> ${JSON.stringify(after)}`);
  // No query: neither is set.
  const plain = await openHeld(site.browser, site.url, { ready: STATIC });
  assert.equal(await plain.getAttribute('html', 'data-embed'), null);
  assert.equal(await plain.getAttribute('html', 'data-theme'), null);
  await plain.context().close();
  await page.context().close();
});

test('#lang=en: the static view keeps its language and its tab title, the app takes over in English in the same step', async () => {
  const page = await held({ hash: '#lang=en' });
  page.release();
  await page.waitForSelector(READY, { state: 'attached' });
  await nextFrame(page);
  const langs = await page.evaluate(() => [...window.__takeOver.langs]);
  const first = story.article.lang;
  assert.notEqual(first, 'en');
  // The static page is in the article's language, and says so, in its tab too; the app
  // is never shown in that one, nor the static page under English.
  const [native, en] = [story.title[first], story.title.en];
  assert.deepEqual(langs.filter((l) => l.startsWith('static')), [`static ${first} ${native} / ${native}`], langs.join(' | '));
  assert.deepEqual(langs.filter((l) => l.startsWith('app')), [`app en ${en} / ${en}`], langs.join(' | '));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the take-over keeps the scroll position and the focus', async () => {
  const page = await held({ width: 360, height: 740 });
  await page.locator('a[href="#passage=p-couloir-latchine"]').focus();
  await page.evaluate(() => scrollTo(0, 500));
  page.release();
  await page.waitForSelector(READY, { state: 'attached' });
  assert.equal(await page.evaluate(() => scrollY), 500);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-passage-id')), 'p-couloir-latchine');
  // Keyboard use goes on from there: Enter selects the passage.
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-feature-id="lachin-corridor"][data-selected="true"]');
  await page.context().close();
});

test('a click on the static view before the app is ready is honoured once it is', async () => {
  const page = await held();
  await page.click('[data-static-map]:visible a[href="#feature=stepanakert"] circle');
  await page.waitForURL(/#feature=stepanakert$/);
  page.release();
  await page.waitForSelector(READY, { state: 'attached' });
  await page.waitForSelector('[data-details="stepanakert"]');
  assert.equal(await page.getAttribute('[data-feature-id="stepanakert"]', 'data-selected'), 'true');
  assert.equal(new URL(page.url()).hash, '#feature=stepanakert');
  // And a passage clicked before the app is ready.
  const other = await held();
  await other.click('a[href="#passage=p-couloir-latchine"]');
  other.release();
  await other.waitForSelector(READY, { state: 'attached' });
  await other.waitForSelector('[data-passage-id="p-couloir-latchine"][data-selected="true"]');
  assert.equal(await other.getAttribute('[data-feature-id="lachin-corridor"]', 'data-selected'), 'true');
  await page.context().close();
  await other.context().close();
});

test('axe-core finds no accessibility violation in the static view, wide and narrow', async () => {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  for (const [width, height] of [[1280, 800], [360, 740]]) {
    const page = await held({ width, height });
    const { violations } = await new AxeBuilder({ page }).analyze();
    const summary = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    assert.deepEqual(summary, [], `${width}px`);
    assert.equal(await page.getAttribute('html', 'data-ready'), null, 'checked before the app took over');
    page.release();
    await page.context().close();
  }
});
