// Page helpers shared by the end-to-end tests (tests/e2e/*.test.mjs), the benchmark
// (bench/run.mjs) and scripts/shot.mjs: open a page that records its errors, wait for the
// map to settle, find and click a visible point of a feature, record what the map writes.
// Nothing here asserts: a helper that cannot do its job throws, saying why.

/**
 * The app in charge (`data-ready` on <html>, see CONTRACT.md): it has taken the place of
 * the static view that comes with the page.
 */
export const READY = 'html[data-ready="true"]';

/**
 * The map once it is still: no gesture or flight moves it and the path data for its view
 * is written (`data-settled`, see CONTRACT.md); and the app is in charge.
 */
export const SETTLED = `${READY} [data-map][data-settled="true"]`;

/**
 * Opens `url` in a new browser context (so axe-core and context options such as
 * `reducedMotion`, `colorScheme` or `hasTouch` work) and waits for `ready` (a selector;
 * default: the map settled). Console errors and uncaught exceptions are collected in
 * `page.errors`, uncaught exceptions alone in `page.exceptions`. `routes` maps URL
 * patterns to playwright route handlers and `init` is a script run before the page's
 * own, both set before the page loads.
 */
export async function open(browser, url, { width = 1280, height = 800, routes = {}, init, ready = SETTLED, timeout, ...contextOptions } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, ...contextOptions });
  const page = await context.newPage();
  page.errors = [];
  page.exceptions = [];
  page.on('console', (m) => m.type() === 'error' && page.errors.push(m.text()));
  page.on('pageerror', (e) => {
    page.errors.push(String(e));
    page.exceptions.push(String(e));
  });
  for (const [pattern, handler] of Object.entries(routes)) await page.route(pattern, handler);
  if (init) await page.addInitScript(init);
  await page.goto(url);
  if (ready) await page.waitForSelector(ready, { state: 'attached', timeout });
  return page;
}

/**
 * `open`, with the app's code (the wasm) held until `page.release()` is called: the
 * static view written into the page shows first.
 */
export async function openHeld(browser, url, options = {}) {
  let release;
  const gate = new Promise((ok) => (release = ok));
  const hold = async (route) => {
    await gate;
    await route.continue();
  };
  const page = await open(browser, url, { ...options, routes: { ...options.routes, '**/*.wasm': hold } });
  page.release = release;
  return page;
}

/** Resolves after the page has drawn one more frame (what the last input started shows). */
export const nextFrame = (page) => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));

/**
 * Waits until the map has settled after whatever the test just did (a click that flies
 * the map, a wheel zoom, a drag, a resize). `page` may also be a playwright Frame.
 */
export async function settled(page, { timeout } = {}) {
  await nextFrame(page);
  await page.waitForSelector(SETTLED, { state: 'attached', timeout });
}

// Runs in the page: a point on screen where the feature `id` is the topmost element. A
// point feature is hit at the centre of one of its circles; a path is sampled along its
// outline, on the line itself or a few pixels off it (inside an area).
function topmostPoint(id) {
  const el = document.querySelector(`[data-feature-id="${CSS.escape(id)}"]`);
  if (!el) return null;
  const hits = (x, y) => {
    if (!(x > 0 && y > 0 && x < innerWidth && y < innerHeight)) return false;
    const top = document.elementFromPoint(x, y);
    return Boolean(top) && (top === el || el.contains(top));
  };
  const shapes = el.tagName === 'path' ? [el] : [...el.querySelectorAll('circle')];
  for (const shape of shapes) {
    if (shape.tagName === 'circle') {
      const r = shape.getBoundingClientRect();
      const [x, y] = [r.x + r.width / 2, r.y + r.height / 2];
      if (hits(x, y)) return { x, y };
      continue;
    }
    // A point with the feature all around it (2 px each way), which a finger (whose
    // position is rounded to whole pixels) hits too; else any point that hits.
    const m = shape.getScreenCTM();
    const length = shape.getTotalLength();
    const inside = (x, y) => [[0, 0], [2, 0], [-2, 0], [0, 2], [0, -2]].every(([a, b]) => hits(x + a, y + b));
    for (const test of [inside, hits]) {
      for (let i = 1; i < 400; i++) {
        const p = shape.getPointAtLength((length * i) / 400);
        for (const [dx, dy] of [[0, 0], [3, 3], [-3, -3], [3, -3], [-3, 3], [6, 0], [0, 6], [-6, 0], [0, -6]]) {
          const x = m.a * p.x + m.c * p.y + m.e + dx;
          const y = m.b * p.x + m.d * p.y + m.f + dy;
          if (test(x, y)) return { x, y };
        }
      }
    }
  }
  return null;
}

/** A point of the feature that a pointer would hit first; throws when there is none. */
export async function visiblePoint(page, id) {
  const point = await page.evaluate(topmostPoint, id);
  if (!point) throw new Error(`no visible point of feature ${id}: it is hidden, covered or out of view`);
  return point;
}

/** Clicks the feature with the mouse, where it is the topmost element. */
export async function clickFeature(page, id) {
  const { x, y } = await visiblePoint(page, id);
  await page.mouse.click(x, y);
}

/** Moves the mouse over the feature, where it is the topmost element. */
export async function hoverFeature(page, id) {
  const { x, y } = await visiblePoint(page, id);
  await page.mouse.move(x, y);
}

/** Where the point at fraction `at` (0..1) of the feature's path is on screen. */
export const pointAlong = (page, id, at) => page.evaluate(([id, at]) => {
  const path = document.querySelector(`[data-feature-id="${CSS.escape(id)}"]`);
  const p = path.getPointAtLength(path.getTotalLength() * at);
  const m = path.getScreenCTM();
  return { x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f };
}, [id, at]);

/**
 * Records, from now on, each write of `attributes` under the map's SVG, as
 * "world g.transform" or "path.d" ("world" when it is inside `.map-world`, where the
 * features' lines and areas are; "settled true" or "settled false" for `data-settled`),
 * and each wheel and pointer move on the map, as "input".
 * `takeWrites` returns them as { what, at } (at: performance.now() in the page) and
 * starts a new record.
 */
export const watchWrites = (page, attributes = ['d', 'transform']) => page.evaluate((attributes) => {
  window.__writes = [];
  const map = document.querySelector('[data-map]');
  new MutationObserver((records) => {
    const at = performance.now();
    for (const r of records) {
      const where = r.target.closest('.map-world') ? 'world ' : '';
      const what = r.attributeName === 'data-settled'
        ? `settled ${r.target.getAttribute('data-settled')}`
        : `${where}${r.target.tagName}.${r.attributeName}`;
      window.__writes.push({ what, at });
    }
  }).observe(map, { subtree: true, attributes: true, attributeFilter: attributes });
  for (const type of ['wheel', 'pointermove']) {
    map.addEventListener(type, (e) => window.__writes.push({ what: 'input', at: e.timeStamp }), { capture: true });
  }
}, attributes);
export const takeWrites = (page) => page.evaluate(() => window.__writes.splice(0));

/** The path vertices the map draws now, counted in the DOM (one per M or L command). */
export const verticesInDom = (page) => page.evaluate(() =>
  [...document.querySelectorAll('[data-map] .map-world path')].reduce((n, p) => n + ((p.getAttribute('d') ?? '').match(/[ML]/g)?.length ?? 0), 0));

/** The URL hash without its `view=` part (written once a moved view has settled). */
export const hashBesidesView = (page) => {
  const parts = new URL(page.url()).hash.slice(1).split('&').filter((p) => p && !p.startsWith('view='));
  return parts.length ? `#${parts.join('&')}` : '';
};

/** Small readers of the contract's hooks. */
export const selectedOf = (page, selector) => page.getAttribute(selector, 'data-selected');
export const displayOf = (page, id) =>
  page.evaluate((id) => getComputedStyle(document.querySelector(`[data-feature-id="${CSS.escape(id)}"]`)).display, id);
export const classOf = (page, id) => page.getAttribute(`[data-feature-id="${id}"]`, 'class');
export const transformOf = (page) => page.getAttribute('.map-world', 'transform');
export const scaleOf = async (page) => Number((await transformOf(page)).match(/scale\(([\d.]+)\)/)[1]);
