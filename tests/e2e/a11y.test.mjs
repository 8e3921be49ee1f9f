// The reader with a keyboard, a screen reader or a finger: Escape and the close button
// give the focus back to what opened the details, one status region says what every
// selection links to, names in other languages carry `lang`, every point has a 24 px
// target (the peacekeepers' headquarters too, though it shares Stepanakert's place), the
// focus ring is two-toned, forced colours keep the selection and the date, and axe-core
// finds nothing in any of these states.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { serve, launchOptions } from './server.mjs';

let browser;
let site;

before(async () => {
  await mkdir('target/e2e', { recursive: true });
  browser = await chromium.launch(launchOptions);
  site = await serve();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

/** A page in a context of its own (axe-core needs one), once the points are drawn. */
async function open(hash = '', { width = 1280, height = 800, path = '', ...options } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, ...options });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && page.errors.push(m.text()));
  await page.goto(site.url + path + hash);
  await page.waitForSelector('[data-feature-id="peacekeeper-hq"] circle', { state: 'attached', timeout: 120000 });
  return page;
}

const close = (page) => page.context().close();

/** The contract hook of the focused element, or its tag. */
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  for (const hook of ['data-feature-id', 'data-list-feature-id', 'data-passage-id']) {
    if (el?.hasAttribute(hook)) return `${hook}=${el.getAttribute(hook)}`;
  }
  return el?.tagName ?? null;
});

const status = (page) => page.textContent('[data-status]');
/** Waits until the status region says something matching `pattern`, and returns it. */
async function statusMatching(page, pattern) {
  await page.waitForFunction((source) => new RegExp(source).test(document.querySelector('[data-status]').textContent), pattern.source);
  return status(page);
}

/** The centre of a point feature's marker on screen. */
const markerCentre = (page, id) => page.evaluate((id) => {
  const r = document.querySelector(`[data-feature-id="${id}"] circle`).getBoundingClientRect();
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}, id);

/** The feature id under a point of the screen (the topmost element there). */
const featureAt = (page, { x, y }) => page.evaluate(([x, y]) =>
  document.elementFromPoint(x, y)?.closest('[data-feature-id]')?.getAttribute('data-feature-id') ?? null, [x, y]);

async function axeFinds(page, what) {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const { violations } = await new AxeBuilder({ page }).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  assert.deepEqual(summary, [], what);
}

test('Escape and the close button shut the details and give the focus back to what opened them', async () => {
  const page = await open();
  try {
    // A feature of the map, chosen with the keyboard; Escape closes.
    await page.focus('[data-feature-id="lachin-corridor"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-details="lachin-corridor"]');
    await page.focus('.details-close');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-details]', { state: 'detached' });
    assert.equal(await focused(page), 'data-feature-id=lachin-corridor');
    assert.equal(new URL(page.url()).hash, '');

    // A point clicked with the mouse; the × button closes.
    const at = await markerCentre(page, 'shusha');
    await page.mouse.click(at.x, at.y);
    await page.waitForSelector('[data-details="shusha"]');
    await page.click('.details-close');
    await page.waitForSelector('[data-details]', { state: 'detached' });
    assert.equal(await focused(page), 'data-feature-id=shusha');

    // An entry of the list: the focus goes back to it, not to the map.
    await page.click('[data-list-toggle]');
    await page.click('[data-list-feature-id="lachin"]');
    await page.waitForSelector('[data-details="lachin"]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-details]', { state: 'detached' });
    assert.equal(await focused(page), 'data-list-feature-id=lachin');
    assert.deepEqual(page.errors, []);
  } finally {
    await close(page);
  }

  // Opened by the URL: nothing had the focus, so it goes to the feature on the map.
  const linked = await open('#feature=stepanakert');
  try {
    await linked.waitForSelector('[data-details="stepanakert"]');
    await linked.keyboard.press('Escape');
    await linked.waitForSelector('[data-details]', { state: 'detached' });
    assert.equal(await focused(linked), 'data-feature-id=stepanakert');
  } finally {
    await close(linked);
  }
});

test('one status region, empty at first, says what each selection links to, however it was made', async () => {
  const page = await open();
  try {
    // There from the start, and silent until the reader chooses something.
    assert.equal(await page.getAttribute('[data-status]', 'role'), 'status');
    assert.equal(await page.locator('[data-status]').count(), 1);
    assert.equal(await status(page), '');
    // The details panel is no live region of its own any more (it arrives filled).
    await page.click('[data-passage-id="p-couloir-latchine"]');
    const passage = await statusMatching(page, /^Passage sélectionné/);
    const places = await page.evaluate(() => [...document.querySelectorAll('[data-map] [data-feature-id][data-selected="true"]')]
      .filter((el) => getComputedStyle(el).display !== 'none').map((el) => el.getAttribute('data-feature-id')));
    assert.deepEqual(places, ['lachin-corridor']);
    assert.equal(passage, 'Passage sélectionné\u00a0: 1 lieu sur la carte');

    // From the map.
    await page.keyboard.press('Escape'); // nothing to close: the selection stays
    await page.focus('[data-feature-id="lachin-corridor"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-details="lachin-corridor"]');
    const passages = await page.locator('[data-details-passage]').count();
    assert.ok(passages >= 1, `${passages}`);
    const counted = passages === 1 ? '1 passage' : `${passages} passages`;
    assert.equal(await statusMatching(page, /^Sélection/), `Sélection : Couloir de Latchine (5 km de large) — ${counted} de l’article`);
    assert.equal(await page.locator('[data-details] [aria-live]').count(), 0);

    // In English, from the list, for a place the article does not mention.
    await page.click('[data-lang-switch="en"]');
    await page.click('[data-list-toggle]');
    await page.click('[data-list-feature-id="baku"]');
    await page.waitForSelector('[data-details="baku"]');
    assert.equal(await page.locator('[data-details-passage]').count(), 1);
    assert.equal(await statusMatching(page, /^Baku/), 'Baku selected: 1 passage of the article');

    // Two passages in a row that link as many places are both said (emptied between).
    await page.evaluate(() => {
      window.__said = [];
      new MutationObserver(() => window.__said.push(document.querySelector('[data-status]').textContent))
        .observe(document.querySelector('[data-status]'), { childList: true, subtree: true, characterData: true });
    });
    await page.click('[data-passage-id="p-ligne-de-contact"]');
    await statusMatching(page, /^Passage selected: 1 place on the map$/);
    await page.click('[data-passage-id="p-couloir-latchine"]');
    await page.waitForFunction(() => window.__said.filter((s) => s === 'Passage selected: 1 place on the map').length >= 2);
    const said = await page.evaluate(() => window.__said);
    assert.equal(said[said.lastIndexOf('Passage selected: 1 place on the map') - 1], '', JSON.stringify(said));
    assert.deepEqual(page.errors, []);
  } finally {
    await close(page);
  }

  // From the URL.
  const linked = await open('#passage=p-soldats-paix');
  try {
    assert.equal(await statusMatching(linked, /^Passage/), 'Passage sélectionné\u00a0: 3 lieux sur la carte');
  } finally {
    await close(linked);
  }
});

test('a selection made on the host page is said inside the embedded map', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  try {
    await page.route(`${site.url}host.html`, (route) => route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><html lang="fr"><title>h</title><iframe id="m" src="./?embed" width="900" height="800"></iframe>',
    }));
    await page.goto(`${site.url}host.html`);
    const frame = page.frameLocator('#m');
    await frame.locator('[data-feature-id="shusha"]').waitFor({ state: 'attached', timeout: 120000 });
    assert.equal(await frame.locator('[data-status]').textContent(), '');
    await page.evaluate((origin) => document.getElementById('m').contentWindow
      .postMessage({ type: 'ceasefire:select', feature: 'shusha' }, origin), new URL(site.url).origin);
    await frame.locator('[data-details="shusha"]').waitFor();
    const said = await frame.locator('[data-status]').textContent();
    assert.equal(said, 'Sélection : Chouchi — l’article n’en parle pas');
    assert.equal(await frame.locator('.details-none').count(), 1);
  } finally {
    await context.close();
  }
});

test('names in another language than the page carry their language', async () => {
  const page = await open('#feature=shusha');
  try {
    await page.waitForSelector('[data-details="shusha"]');
    const others = await page.$$eval('.details-others [lang]', (els) => els.map((e) => [e.lang, e.textContent]));
    const langs = others.map(([l]) => l);
    for (const code of ['hy', 'az']) assert.ok(langs.includes(code), JSON.stringify(others));
    assert.ok(others.every(([, text]) => text.length > 0 && !/[()·]/.test(text)), JSON.stringify(others));
    assert.ok(others.some(([l, text]) => l === 'az' && text === 'Şuşa'), JSON.stringify(others));
    // The name shown is in the page's language: no `lang` of its own.
    assert.equal(await page.getAttribute('.details-name', 'lang'), null);
    // Every map name of the shipped story exists in French and English: none is marked.
    assert.equal(await page.locator('[data-map] [lang]').count(), 0);
    await axeFinds(page, 'details with other names');
  } finally {
    await close(page);
  }
});

for (const [width, height] of [[1280, 800], [360, 740]]) {
  test(`every point has a target of 24 px, and the headquarters in Stepanakert can be hit (${width}x${height})`, async () => {
    // Reduced motion: scrolling to a passage is instant, so positions measured after it hold.
    const page = await open('', { width, height, reducedMotion: 'reduce' });
    try {
      const points = await page.$$eval('[data-map] g.map-feature--interactive', (gs) => gs
        .filter((g) => getComputedStyle(g).display !== 'none')
        .map((g) => {
          const hit = g.querySelector('.map-hit').getBoundingClientRect();
          return { id: g.getAttribute('data-feature-id'), w: hit.width, h: hit.height };
        }));
      assert.ok(points.length >= 20, `${points.length}`);
      for (const p of points) assert.ok(p.w >= 23.9 && p.h >= 23.9, JSON.stringify(p));

      // The headquarters sits where Stepanakert is: both are still reached, each by a
      // click on its own marker, and the whole 24 px around the headquarters' is its own.
      const town = await markerCentre(page, 'stepanakert');
      const hq = await markerCentre(page, 'peacekeeper-hq');
      assert.ok(Math.hypot(hq.x - town.x, hq.y - town.y) > 12, JSON.stringify({ town, hq }));
      assert.equal(await featureAt(page, town), 'stepanakert');
      for (const [dx, dy] of [[0, 0], [11, 0], [-11, 0], [0, 11], [0, -11]]) {
        assert.equal(await featureAt(page, { x: hq.x + dx, y: hq.y + dy }), 'peacekeeper-hq', `${dx},${dy}`);
      }
      await page.mouse.click(hq.x, hq.y);
      await page.waitForSelector('[data-details="peacekeeper-hq"]');
      await page.keyboard.press('Escape');
      await page.waitForSelector('[data-details]', { state: 'detached' });
      // (Selecting scrolled the article to its passage: the map may have moved on screen.)
      const townNow = await markerCentre(page, 'stepanakert');
      await page.mouse.click(townNow.x, townNow.y);
      await page.waitForSelector('[data-details="stepanakert"]');
      // A point's target is outside its dot: a click 10 px off Shusha's centre selects it
      // (the details panel closed first: on a phone it covers part of the map).
      await page.keyboard.press('Escape');
      await page.waitForSelector('[data-details]', { state: 'detached' });
      await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
      const shusha = await markerCentre(page, 'shusha');
      await page.mouse.click(shusha.x, shusha.y + 10);
      await page.waitForSelector('[data-details="shusha"]');
      await axeFinds(page, `details of a point at ${width}px`);
      assert.deepEqual(page.errors, []);
    } finally {
      await close(page);
    }
  });
}

test('the focus ring is two-toned, dark in a light band, on the blue dots and on areas', async () => {
  const page = await open();
  try {
    await page.focus('[data-feature-id="peacekeeper-hq"]');
    const ring = await page.$eval('[data-feature-id="peacekeeper-hq"]', (g) => {
      const style = (sel) => getComputedStyle(g.querySelector(sel));
      return {
        focusVisible: g.matches(':focus-visible'),
        dot: g.querySelector('circle').getAttribute('fill'),
        dark: [style('.map-ring').stroke, style('.map-ring').strokeWidth],
        light: [style('.map-hit').stroke, style('.map-hit').strokeWidth],
      };
    });
    assert.ok(ring.focusVisible);
    assert.equal(ring.dot, '#0072b2');
    assert.deepEqual(ring.dark, ['rgb(17, 17, 17)', '2px']);
    assert.deepEqual(ring.light, ['rgb(255, 255, 255)', '6px']);
    // Unfocused, the ring and the target draw nothing.
    await page.focus('[data-skip-link]');
    assert.equal(await page.$eval('[data-feature-id="peacekeeper-hq"] .map-ring', (r) => getComputedStyle(r).stroke), 'none');
    // An area: a dark line with a light halo, not the blue of the map's features.
    await page.focus('[data-feature-id="lachin-corridor"]');
    const area = await page.$eval('[data-feature-id="lachin-corridor"]', (p) => [getComputedStyle(p).stroke, getComputedStyle(p).filter]);
    assert.equal(area[0], 'rgb(17, 17, 17)');
    assert.match(area[1], /drop-shadow\(rgb\(255, 255, 255\)/);
    await page.screenshot({ path: 'target/e2e/a11y-focus.png', clip: { x: 0, y: 0, width: 1280, height: 800 } });
  } finally {
    await close(page);
  }
});

test('forced colours keep the selected passage and the date shown visible', async () => {
  const page = await open('#passage=p-couloir-latchine', { forcedColors: 'active' });
  try {
    await page.waitForSelector('[data-passage-id="p-couloir-latchine"][data-selected="true"]');
    assert.ok(await page.evaluate(() => matchMedia('(forced-colors: active)').matches));
    const passage = await page.$eval('[data-passage-id="p-couloir-latchine"]', (el) => {
      const s = getComputedStyle(el);
      return [s.outlineStyle, s.outlineWidth, s.outlineColor, getComputedStyle(document.body).backgroundColor];
    });
    assert.equal(passage[0], 'solid');
    assert.equal(passage[1], '3px');
    assert.notEqual(passage[2], passage[3]);
    // The date shown: its dot keeps a fill of its own, the others have none.
    const dots = await page.$$eval('.timeline-input', (inputs) => inputs.map((i) => [i.checked, getComputedStyle(i.nextElementSibling).backgroundColor]));
    const [checked] = dots.filter(([c]) => c).map(([, bg]) => bg);
    const others = new Set(dots.filter(([c]) => !c).map(([, bg]) => bg));
    assert.ok(checked && !others.has(checked), JSON.stringify(dots));
    assert.match(await page.$eval('.timeline-input:checked ~ .timeline-date', (el) => getComputedStyle(el).textDecorationLine), /underline/);
    await axeFinds(page, 'forced colours with a passage selected');
    await page.screenshot({ path: 'target/e2e/a11y-forced.png' });
  } finally {
    await close(page);
  }
});

test('axe-core finds nothing with the status said and the details closed again, on a phone', async () => {
  const page = await open('', { width: 360, height: 740, hasTouch: true, isMobile: true });
  try {
    await page.tap('[data-passage-id="p-soldats-paix"]');
    await statusMatching(page, /^Passage/);
    await axeFinds(page, 'passage selected on a phone');
    await page.screenshot({ path: 'target/e2e/a11y-phone.png' });
  } finally {
    await close(page);
  }
});
