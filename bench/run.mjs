// `make bench`: ceasefire-map against a plain Leaflet page that draws the same geodata
// and links the same article. Both are served on 127.0.0.1 and measured in one run, with
// several runs each and medians, so the ratio holds on a noisy machine.
// Prints a table and writes target/bench.json.
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve, launchOptions } from '../tests/e2e/server.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const root = resolve('.');
const peer = resolve('target/bench/leaflet');
await mkdir(peer, { recursive: true });
await cp(resolve('bench/leaflet'), peer, { recursive: true });
await cp(resolve('bench/node_modules/leaflet/dist/leaflet.js'), `${peer}/leaflet.js`);
await cp(resolve('bench/node_modules/leaflet/dist/leaflet.css'), `${peer}/leaflet.css`);
await cp(resolve('geodata'), `${peer}/geodata`, { recursive: true });

const sites = { ours: await serve(resolve('dist')), leaflet: await serve(peer) };
const browser = await chromium.launch(launchOptions);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

async function measure(name, throttle) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const bodies = [];
  page.on('response', async (r) => {
    try { bodies.push(await r.body()); } catch { /* redirects, aborted */ }
  });
  await page.goto(sites[name].url);
  await page.waitForSelector('[data-feature-id="contact-line"]', { state: 'attached' });
  const interactive = await page.evaluate(() => performance.now());
  await page.waitForLoadState('networkidle');
  const raw = bodies.reduce((n, b) => n + b.length, 0);
  const gzip = bodies.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
  const brotli = bodies.reduce((n, b) => n + brotliCompressSync(b).length, 0);

  // Click a passage -> its feature highlighted, in the page's own clock.
  const click = await page.evaluate(async () => {
    const span = document.querySelector('[data-passage-id="p-couloir-latchine"]');
    const feature = document.querySelector('[data-feature-id="lachin-corridor"]');
    const t0 = performance.now();
    span.click();
    while (feature.getAttribute('data-selected') !== 'true') await new Promise(requestAnimationFrame);
    await new Promise(requestAnimationFrame);
    return performance.now() - t0;
  });

  // Frame times during a scripted drag and a wheel zoom over the map.
  await page.evaluate(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (t) => { window.__frames.push(t - last); last = t; if (!window.__stop) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  const box = await page.locator(name === 'ours' ? '[data-map]' : '#map').boundingBox();
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 200, y + 120, { steps: 40 });
  await page.mouse.up();
  for (let i = 0; i < 6; i++) { await page.mouse.wheel(0, -120); await page.waitForTimeout(60); }
  const frames = await page.evaluate(() => { window.__stop = true; return window.__frames.slice(2); });
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await context.close();
  return {
    requests: bodies.length,
    raw, gzip, brotli,
    interactive_ms: interactive,
    click_ms: click,
    frame_p50_ms: percentile(frames, 0.5),
    frame_p95_ms: percentile(frames, 0.95),
    js_heap_bytes: usedSize,
  };
}

const results = {};
for (const throttle of [1, 4]) {
  for (const name of Object.keys(sites)) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measure(name, throttle));
    const keys = Object.keys(runs[0]);
    results[`${name}@${throttle}x`] = Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k]))]));
  }
}
await browser.close();
for (const s of Object.values(sites)) await s.close();

const rows = [];
for (const throttle of [1, 4]) {
  const [a, b] = [results[`ours@${throttle}x`], results[`leaflet@${throttle}x`]];
  for (const key of Object.keys(a)) {
    if (throttle === 4 && !/_ms$/.test(key)) continue; // bytes do not change with the CPU
    rows.push({ metric: `${key}${throttle === 4 ? ' (CPU 4x slower)' : ''}`, ours: a[key], leaflet: b[key], ratio: b[key] ? a[key] / b[key] : null });
  }
}
const fmt = (v) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(1)) : String(v));
console.log(`median of ${RUNS} runs each | ours | Leaflet | ours / Leaflet`);
for (const r of rows) console.log(`${r.metric.padEnd(34)} ${fmt(r.ours).padStart(10)} ${fmt(r.leaflet).padStart(10)} ${r.ratio === null ? '' : r.ratio.toFixed(2).padStart(8)}`);
await mkdir('target', { recursive: true });
await writeFile('target/bench.json', JSON.stringify({ date: new Date().toISOString(), runs: RUNS, results, rows }, null, 2) + '\n');
console.log('written to target/bench.json');
