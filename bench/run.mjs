// `make bench`: ceasefire-map against a plain Leaflet page that draws the same geodata
// and links the same article. Both are served on 127.0.0.1 and measured in one run, with
// several runs each and medians, so the ratio holds on a noisy machine.
// Both are served compressed (brotli), as any host would. A second pair draws a synthetic
// story of 1,000,000 vertices (scripts/dense-story.mjs): load time and frame times with
// it. Lighthouse (mobile defaults) scores both. Prints a table, writes target/bench.json.
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve, launchOptions } from '../tests/e2e/server.mjs';
import { open, settled, visiblePoint } from '../tests/e2e/lib/page.mjs';
import { lighthouseScores } from './lighthouse.mjs';
import { assemblePeer } from './peer.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const peer = await assemblePeer();

const dense = (site, out) =>
  execFileSync('node', ['scripts/dense-story.mjs', site, out, '1000000'], { stdio: 'pipe' });
dense('dist', 'target/bench/ours-dense');
dense(peer, 'target/bench/leaflet-dense');

const compress = { compress: true };
const sites = {
  ours: await serve(resolve('dist'), {}, compress),
  leaflet: await serve(peer, {}, compress),
  'ours-dense': await serve(resolve('target/bench/ours-dense'), {}, compress),
  'leaflet-dense': await serve(resolve('target/bench/leaflet-dense'), {}, compress),
};
const browser = await chromium.launch(launchOptions);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

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

async function measure(name, throttle) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  // Wasm linear memory is not in the JS heap: keep a handle on it to count it too.
  await page.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__wasmMemory = e.detail.wasm.memory; }));
  const bodies = [];
  page.on('response', async (r) => {
    try { bodies.push(await r.body()); } catch { /* redirects, aborted */ }
  });
  await page.goto(sites[name].url);
  await page.waitForSelector('[data-feature-id="contact-line"]', { state: 'attached', timeout: 120000 });
  const interactive = await page.evaluate(() => performance.now());
  await page.waitForLoadState('networkidle');
  const raw = bodies.reduce((n, b) => n + b.length, 0);
  // Compressing the dense story's 20 MB here would take minutes: bytes are for the real one.
  const small = !name.endsWith('-dense');
  const gzip = small ? bodies.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0) : null;
  const brotli = small ? bodies.reduce((n, b) => n + brotliCompressSync(b).length, 0) : null;

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
  if (name.startsWith('ours')) await settled(page);
  const onPassage = await clickLatency(page, () => page.click('[data-passage-id="p-ligne-de-contact"]'),
    '[data-feature-id="contact-line"]');

  // Frame times during a scripted drag and a wheel zoom over the map.
  await page.evaluate(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (t) => { window.__frames.push(t - last); last = t; if (!window.__stop) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  const box = await page.locator(name.startsWith('ours') ? '[data-map]' : '#map').boundingBox();
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  // Zoom in first (at the whole map ours has nowhere to pan), then drag.
  await page.mouse.move(x, y);
  for (let i = 0; i < 6; i++) { await page.mouse.wheel(0, -120); await page.waitForTimeout(60); }
  await page.mouse.down();
  await page.mouse.move(x + 200, y + 120, { steps: 40 });
  await page.mouse.up();
  const frames = await page.evaluate(() => { window.__stop = true; return window.__frames.slice(2); });
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasmBytes = await page.evaluate(() => window.__wasmMemory?.buffer.byteLength ?? 0);
  await context.close();
  return {
    requests: bodies.length,
    raw, gzip, brotli,
    interactive_ms: interactive,
    click_feature_ms: onFeature.dom - onFeature.start,
    click_feature_event_ms: onFeature.event ?? 16,
    click_passage_ms: onPassage.dom - onPassage.start,
    click_passage_event_ms: onPassage.event ?? 16,
    frame_p50_ms: percentile(frames, 0.5),
    frame_p95_ms: percentile(frames, 0.95),
    memory_bytes: usedSize + wasmBytes, // JS heap + wasm linear memory
  };
}

const results = {};
const lighthouse = {};
try {
  // One load of each site first, so that the server's compression cache is warm.
  for (const site of Object.values(sites)) {
    const page = await open(browser, site.url, { ready: '[data-feature-id="contact-line"]', timeout: 120000 });
    await page.close();
  }
  for (const [names, throttles] of [[['ours', 'leaflet'], [1, 4]], [['ours-dense', 'leaflet-dense'], [1]]]) {
    for (const throttle of throttles) {
      for (const name of names) {
        const runs = [];
        for (let i = 0; i < RUNS; i++) runs.push(await measure(name, throttle));
        const keys = Object.keys(runs[0]);
        results[`${name}@${throttle}x`] = Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k]))]));
      }
    }
  }
  for (const name of ['ours', 'leaflet']) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await lighthouseScores(sites[name].url));
    const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
    lighthouse[name] = Object.fromEntries(categories.map((c) => [c, median(runs.map((r) => r[c]))]));
    lighthouse[name].failing = runs[0].failing;
  }
} finally {
  await browser.close();
  for (const s of Object.values(sites)) await s.close();
}

const rows = [];
const compare = (ours, peer, label, keep) => {
  const [a, b] = [results[ours], results[peer]];
  for (const key of Object.keys(a).filter(keep)) {
    rows.push({ metric: `${key}${label}`, ours: a[key], leaflet: b[key], ratio: b[key] ? a[key] / b[key] : null });
  }
};
compare('ours@1x', 'leaflet@1x', '', () => true);
compare('ours@4x', 'leaflet@4x', ' (CPU 4x slower)', (k) => /_ms$/.test(k)); // bytes do not change with the CPU
compare('ours-dense@1x', 'leaflet-dense@1x', ' (1M vertices)', (k) => /_ms$|memory/.test(k));
for (const c of ['performance', 'accessibility', 'best-practices', 'seo']) {
  const [a, b] = [lighthouse.ours[c], lighthouse.leaflet[c]];
  rows.push({ metric: `Lighthouse ${c} (mobile)`, ours: a, leaflet: b, ratio: b ? a / b : null });
}
const fmt = (v) => (v === null ? '-' : typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(1)) : String(v));
console.log(`median of ${RUNS} runs each | ours | Leaflet | ours / Leaflet`);
for (const r of rows) console.log(`${r.metric.padEnd(34)} ${fmt(r.ours).padStart(10)} ${fmt(r.leaflet).padStart(10)} ${r.ratio === null ? '' : r.ratio.toFixed(2).padStart(8)}`);
await mkdir('target', { recursive: true });
await writeFile('target/bench.json', JSON.stringify({ date: new Date().toISOString(), runs: RUNS, results, lighthouse, rows }, null, 2) + '\n');
console.log('written to target/bench.json');
