// `make bench`: ceasefire-map against a plain Leaflet page that draws the same geodata
// and carries the same article in its HTML (bench/peer.mjs). Both are served on 127.0.0.1,
// compressed (brotli) as any host would, and measured in one run, at CPU 1x and 4x slower,
// several runs each and medians, so the ratios hold on a noisy machine. A second pair
// draws a synthetic story of 1,000,000 vertices (scripts/dense-story.mjs): start-up, clicks,
// frame times and memory with it. Lighthouse (mobile defaults) scores both. Prints the
// figures and the goals of the performance plan (ratios to the peer, and budgets), and
// writes target/bench.json. Never a timed test: nothing here fails on a figure.
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve, launchOptions } from '../tests/e2e/server.mjs';
import { READY, nextFrame, settled, visiblePoint } from '../tests/e2e/lib/page.mjs';
import { lighthouseScores } from './lighthouse.mjs';
import { assemblePeer } from './peer.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const THROTTLES = [1, 4];
const peer = await assemblePeer();

const dense = (site, out) =>
  execFileSync('node', ['scripts/dense-story.mjs', site, out, '1000000'], { stdio: 'pipe' });
dense('dist', 'target/bench/ours-dense');
dense(peer, 'target/bench/leaflet-dense');

// What "the map's shapes" are on each page: ours, the static SVG that comes with the
// HTML (then the app's own map); Leaflet, the SVG paths its script draws. Both pages mark
// <html data-ready="true"> once their app is in charge (READY).
const SHAPES = { ours: 'svg.map path.map-feature', leaflet: '#map svg path' };
const MAP = { ours: '[data-map]', leaflet: '#map' };
const kind = (name) => name.replace(/-dense$/, '');

const compress = { compress: true };
const sites = {
  ours: await serve(resolve('dist'), {}, compress),
  leaflet: await serve(peer, {}, compress),
  'ours-dense': await serve(resolve('target/bench/ours-dense'), {}, compress),
  'leaflet-dense': await serve(resolve('target/bench/leaflet-dense'), {}, compress),
};
const browser = await chromium.launch(launchOptions);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// Each figure: the median of the runs; a count of runs (`_runs`) summed; a name, the first run's.
const aggregate = (key, xs) => (typeof xs[0] !== 'number' ? xs[0] : key.endsWith('_runs') ? xs.reduce((a, b) => a + b, 0) : median(xs));
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

// Runs in the page before its own scripts: times since navigation of the end of the first
// frame whose DOM holds the map's shapes (the next requestAnimationFrame after the one that
// finds them: that frame has been drawn), of `data-ready`, of the last
// largest-contentful-paint entry (the browser stops reporting them at the first input)
// and of the first click; the wasm memory, to count it.
function marks(shapes) {
  const m = (window.__marks = {});
  const frame = () => {
    if (document.querySelector(shapes)) requestAnimationFrame(() => { m.shapes = performance.now(); });
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  new MutationObserver(() => {
    if (m.ready === undefined && document.documentElement.dataset.ready === 'true') m.ready = performance.now();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
  new PerformanceObserver((list) => {
    const e = list.getEntries().at(-1);
    m.lcp = e.startTime;
    m.lcp_element = e.element ? [e.element.tagName.toLowerCase(), ...e.element.classList].join('.') : '?';
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  addEventListener('click', (e) => { m.click ??= e.timeStamp; }, { capture: true });
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasmMemory = e.detail.wasm.memory; });
}

/** A new page of its own context, its CPU `throttle` times slower, with `marks` installed. */
async function newPage(name, throttle) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.addInitScript(marks, SHAPES[kind(name)]);
  return { context, page, cdp };
}

/** Runs `click`, then times until `target` is highlighted (data-selected="true"). */
async function clickLatency(page, click, target) {
  await page.evaluate((target) => {
    const c = (window.__click = {});
    const el = document.querySelector(target);
    new MutationObserver(() => {
      if (c.dom === undefined && el.getAttribute('data-selected') === 'true') c.dom = performance.now();
    }).observe(el, { attributes: true });
    document.addEventListener('click', (e) => { c.start = e.timeStamp; }, { capture: true, once: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'click') c.event = e.duration;
    }).observe({ type: 'event', durationThreshold: 16 });
  }, target);
  await click();
  await page.waitForFunction(() => window.__click.dom !== undefined);
  await page.waitForTimeout(300); // Event Timing entries arrive after the paint
  return page.evaluate(() => window.__click);
}

// Content types: the code (scripts, wasm) and the page read before any code (HTML, CSS).
const isCode = (type) => /javascript|wasm/.test(type);
const isPage = (type) => /html|css/.test(type);
const sum = (xs, f) => xs.reduce((n, x) => n + f(x), 0);

/** One load: paints, ready, bytes, then clicks both ways, frame times and memory. */
async function measure(name, throttle) {
  const { context, page, cdp } = await newPage(name, throttle);
  const bodies = [];
  page.on('response', async (r) => {
    try { bodies.push({ type: r.headers()['content-type'] ?? '', body: await r.body() }); } catch { /* redirects, aborted */ }
  });
  await page.goto(sites[name].url);
  await page.waitForSelector(READY, { state: 'attached', timeout: 120000 });
  await page.waitForLoadState('networkidle');
  const m = await page.evaluate(() => ({
    ...window.__marks,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
  }));
  // Compressing the dense story's 20 MB here would take minutes: bytes are for the real one.
  const bytes = {};
  if (!name.endsWith('-dense')) {
    const br = ({ body }) => brotliCompressSync(body).length; // quality 11, as tests/e2e/size.test.mjs
    Object.assign(bytes, {
      requests: bodies.length,
      raw_bytes: sum(bodies, ({ body }) => body.length),
      gzip_bytes: sum(bodies, ({ body }) => gzipSync(body, { level: 9 }).length),
      brotli_bytes: sum(bodies, br),
      code_brotli_bytes: sum(bodies.filter((b) => isCode(b.type)), br),
      page_brotli_bytes: sum(bodies.filter((b) => isPage(b.type)), br),
    });
  }

  // A real (trusted) click on a feature -> its passage highlighted, then on another
  // passage -> its feature highlighted: from the event's time stamp to the DOM change,
  // and Event Timing's duration (input to next paint; it reports only durations of 16 ms
  // and more, so less shows as 16).
  const onFeature = await clickLatency(page, async () => {
    const p = await visiblePoint(page, 'lachin-corridor');
    await page.mouse.click(p.x, p.y);
  }, '[data-passage-id="p-couloir-latchine"]');
  // Ours shows the details panel and may move the view: let it settle (the Leaflet page
  // has nothing that moves on a click).
  if (kind(name) === 'ours') await settled(page);
  const onPassage = await clickLatency(page, () => page.click('[data-passage-id="p-ligne-de-contact"]'),
    '[data-feature-id="contact-line"]');

  // Frame times during a scripted drag and a wheel zoom over the map.
  await page.evaluate(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (t) => { window.__frames.push(t - last); last = t; if (!window.__stop) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  const box = await page.locator(MAP[kind(name)]).boundingBox();
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  // Zoom in first (at the whole map ours has nowhere to pan), then drag.
  await page.mouse.move(x, y);
  for (let i = 0; i < 6; i++) { await page.mouse.wheel(0, -120); await page.waitForTimeout(60); }
  await page.mouse.down();
  await page.mouse.move(x + 200, y + 120, { steps: 40 });
  await page.mouse.up();
  await nextFrame(page);
  const frames = await page.evaluate(() => { window.__stop = true; return window.__frames.slice(2); });
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasmBytes = await page.evaluate(() => window.__wasmMemory?.buffer.byteLength ?? 0);
  await context.close();
  return {
    fcp_ms: m.fcp,
    lcp_ms: m.lcp,
    lcp_element: m.lcp_element,
    shapes_ms: m.shapes,
    ready_ms: m.ready,
    click_feature_ms: onFeature.dom - onFeature.start,
    click_feature_event_ms: onFeature.event ?? 16,
    click_passage_ms: onPassage.dom - onPassage.start,
    click_passage_event_ms: onPassage.event ?? 16,
    frame_p50_ms: percentile(frames, 0.5),
    frame_p95_ms: percentile(frames, 0.95),
    memory_bytes: usedSize + wasmBytes, // JS heap + wasm linear memory
    ...bytes,
  };
}

// The early click: a passage of the first lines of the article, and its feature.
const EARLY = { passage: 'p-haut-karabakh-1', feature: 'nagorno-karabakh' };

/** Where the early click's passage is on screen once the page is ready (a warm-up load). */
const earlyPoint = (page) => page.evaluate((id) => {
  const r = document.querySelector(`[data-passage-id="${id}"]`).getBoundingClientRect();
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}, EARLY.passage);

/**
 * Another load: a passage of the article is clicked as soon as a reader could, at the
 * first contentful paint (both pages paint the article with it), where it shows once the
 * page is ready (the static view and the app's put it at the same place). The time since
 * navigation until the click is honoured (its feature highlighted). Both pages send a
 * click made before their app is ready through the URL hash, which the app reads.
 */
async function firstClick(name, throttle) {
  const { context, page, cdp } = await newPage(name, throttle);
  await cdp.send('Page.enable');
  await cdp.send('Page.setLifecycleEventsEnabled', { enabled: true });
  // The blank page the context starts with paints no content: this is the page's.
  const painted = new Promise((ok, fail) => {
    cdp.on('Page.lifecycleEvent', (e) => e.name === 'firstContentfulPaint' && ok());
    setTimeout(() => fail(new Error(`${name}: no first contentful paint in 120 s`)), 120000).unref();
  });
  await page.goto(sites[name].url, { waitUntil: 'commit' });
  await painted;
  await page.mouse.click(sites[name].early.x, sites[name].early.y);
  const honoured = await page.waitForFunction(
    (id) => document.querySelector(`[data-feature-id="${id}"]`)?.getAttribute('data-selected') === 'true' && performance.now(),
    EARLY.feature, { polling: 'raf', timeout: 120000 });
  const at = await honoured.jsonValue();
  const m = await page.evaluate(() => window.__marks);
  await context.close();
  return { first_click_ms: at, first_click_at_ms: m.click, first_click_before_ready_runs: m.click < m.ready ? 1 : 0 };
}

const results = {};
const lighthouse = {};
try {
  // One load of each site first, so that the server's compression cache is warm.
  for (const name of Object.keys(sites)) {
    const { context, page } = await newPage(name, 1);
    await page.goto(sites[name].url);
    await page.waitForSelector(READY, { state: 'attached', timeout: 120000 });
    sites[name].early = await earlyPoint(page);
    await context.close();
  }
  for (const [names, throttles] of [[['ours', 'leaflet'], THROTTLES], [['ours-dense', 'leaflet-dense'], [1]]]) {
    for (const throttle of throttles) {
      for (const name of names) {
        const runs = [];
        for (let i = 0; i < RUNS; i++) {
          runs.push({ ...await measure(name, throttle), ...(name.endsWith('-dense') ? {} : await firstClick(name, throttle)) });
        }
        const keys = Object.keys(runs[0]);
        results[`${name}@${throttle}x`] = Object.fromEntries(keys.map((k) => [k, aggregate(k, runs.map((r) => r[k]))]));
        console.error(`${name}@${throttle}x: ${JSON.stringify(results[`${name}@${throttle}x`])}`);
      }
    }
  }
  for (const name of ['ours', 'leaflet']) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await lighthouseScores(sites[name].url));
    const keys = ['performance', 'accessibility', 'best-practices', 'seo', 'fcp_ms', 'lcp_ms'];
    lighthouse[name] = Object.fromEntries(keys.map((k) => [k, aggregate(k, runs.map((r) => r[k]))]));
    lighthouse[name].failing = runs[0].failing;
  }
} finally {
  await browser.close();
  for (const s of Object.values(sites)) await s.close();
}

// The figures: each metric for both pages at each CPU rate, and their ratio.
const fmt = (v) => (v == null ? '-' : typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(1)) : String(v));
const ratio = (a, b) => (typeof a === 'number' && b ? a / b : null);
const compared = (key) => /_ms$|bytes$|^requests$|^performance$/.test(key);
const rows = [];
const figures = (label, pairs, keys) => {
  for (const key of keys) {
    rows.push({
      metric: `${key}${label}`,
      cells: pairs.map(([a, b]) => ({ ours: results[a][key], leaflet: results[b][key], ratio: compared(key) ? ratio(results[a][key], results[b][key]) : null })),
    });
  }
};
const timing = Object.keys(results['ours@1x']).filter((k) => /_ms$|^memory|_runs$|^lcp_element$/.test(k));
figures('', THROTTLES.map((t) => [`ours@${t}x`, `leaflet@${t}x`]), timing);
figures('', [['ours@1x', 'leaflet@1x']], Object.keys(results['ours@1x']).filter((k) => /bytes$|^requests$/.test(k) && k !== 'memory_bytes'));
figures(' (1M vertices)', [['ours-dense@1x', 'leaflet-dense@1x']], Object.keys(results['ours-dense@1x']).filter((k) => /_ms$|^memory/.test(k)));
for (const k of ['performance', 'accessibility', 'best-practices', 'seo', 'fcp_ms', 'lcp_ms']) {
  const [a, b] = [lighthouse.ours[k], lighthouse.leaflet[k]];
  rows.push({ metric: `Lighthouse ${k} (mobile)`, cells: [{ ours: a, leaflet: b, ratio: compared(k) ? ratio(a, b) : null }] });
}
console.log(`median of ${RUNS} runs each; columns: ours | Leaflet | ours / Leaflet, at CPU ${THROTTLES.join('x and ')}x (one set: bytes, 1M vertices and Lighthouse)`);
for (const r of rows) {
  const cells = r.cells.map((c) => `${fmt(c.ours).padStart(9)} ${fmt(c.leaflet).padStart(9)} ${c.ratio === null ? '        ' : c.ratio.toFixed(2).padStart(8)}`);
  console.log(`${r.metric.padEnd(34)} ${cells.join('  |')}`);
}

// The goals of the performance plan (README, Benchmark), at CPU 4x: a ratio to the peer,
// or a figure of ours, against its bound.
const [o4, l4] = [results['ours@4x'], results['leaflet@4x']];
const vsPeer = (goal, key, max) => {
  const value = ratio(o4[key], l4[key]);
  return { goal, value, shown: `${value?.toFixed(2)}x (${fmt(o4[key])} / ${fmt(l4[key])})`, target: `<= ${max.toFixed(1)}x`, met: value !== null && value <= max };
};
const atMost = (goal, value, max) => ({ goal, value, shown: fmt(value), target: `<= ${max}`, met: value <= max });
const goals = [
  vsPeer('LCP', 'lcp_ms', 1.0),
  vsPeer('map shapes on screen', 'shapes_ms', 0.5),
  vsPeer('app ready', 'ready_ms', 1.0),
  vsPeer('first honoured click', 'first_click_ms', 1.0),
  vsPeer('click on a feature, Event Timing', 'click_feature_event_ms', 1.0),
  vsPeer('click on a passage, Event Timing', 'click_passage_event_ms', 1.0),
  atMost('code (wasm + JS), brotli bytes', results['ours@1x'].code_brotli_bytes, 150000),
  atMost('first view without code (HTML + CSS), brotli bytes', results['ours@1x'].page_brotli_bytes, 45000),
  { goal: 'Lighthouse mobile performance', value: lighthouse.ours.performance, shown: fmt(lighthouse.ours.performance), target: '100', met: lighthouse.ours.performance === 100 },
  atMost('Lighthouse mobile LCP, ms', lighthouse.ours.lcp_ms, 1200),
];
console.log('\ngoals (CPU 4x; ratios: ours / Leaflet)');
for (const g of goals) console.log(`${g.goal.padEnd(52)} ${g.shown.padStart(26)}  goal ${g.target.padEnd(8)} ${g.met ? 'met' : 'NOT met'}`);
await mkdir('target', { recursive: true });
await writeFile('target/bench.json', JSON.stringify({ date: new Date().toISOString(), runs: RUNS, results, lighthouse, rows, goals }, null, 2) + '\n');
console.log('written to target/bench.json');
