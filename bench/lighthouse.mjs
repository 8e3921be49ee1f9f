// Lighthouse scores (performance, accessibility, best practices, SEO) of a page, with
// Lighthouse's default config: mobile (emulated Moto G Power, simulated throttling).
// `node bench/lighthouse.mjs [dist-dir]` (from the repo root) serves dist/ (or dist-dir)
// and the Leaflet peer of bench/run.mjs, and prints both sets of scores and failing audits.
import { resolve } from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher'; // a dependency of lighthouse
import { serve } from '../tests/e2e/server.mjs';
import { assemblePeer } from './peer.mjs';

// Debian's Chromium, headless, with no traffic to outside hosts (as in tests/e2e/server.mjs).
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic',
];

/**
 * Runs Lighthouse once on `url` in a Chromium of its own. Resolves to
 * { performance, accessibility, 'best-practices', seo } (integers 0-100), `fcp_ms` and
 * `lcp_ms` (its simulated first and largest contentful paints) and `failing`: per category, the audits below the pass mark ({ id, title, score, weight, value });
 * only those of weight > 0 lower the category's score, the others are Lighthouse's advice.
 */
export async function lighthouseScores(url) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
  try {
    const { lhr } = await lighthouse(url, { port: chrome.port, logLevel: 'error', output: 'json' });
    if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    const result = {
      failing: {},
      fcp_ms: lhr.audits['first-contentful-paint'].numericValue,
      lcp_ms: lhr.audits['largest-contentful-paint'].numericValue,
    };
    for (const [id, category] of Object.entries(lhr.categories)) {
      result[id] = Math.round(category.score * 100);
      // Scored audits below Lighthouse's pass mark (0.9); not-applicable/manual ones have score null.
      result.failing[id] = category.auditRefs
        .map((ref) => ({ ...lhr.audits[ref.id], weight: ref.weight }))
        .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative')
        .map((a) => ({ id: a.id, title: a.title, score: a.score, weight: a.weight, value: a.displayValue ?? '' }));
    }
    return result;
  } finally {
    await chrome.kill();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const peer = await assemblePeer();

  // Compressed, as any host serves them.
  const compress = { compress: true };
  const sites = { ours: await serve(resolve(process.argv[2] ?? 'dist'), {}, compress), leaflet: await serve(peer, {}, compress) };
  try {
    for (const [name, site] of Object.entries(sites)) {
      const t0 = performance.now();
      const { failing, ...scores } = await lighthouseScores(site.url);
      console.log(`${name} (${((performance.now() - t0) / 1000).toFixed(1)} s): ${JSON.stringify(scores)}`);
      for (const [category, audits] of Object.entries(failing)) {
        for (const a of audits) console.log(`  ${category.padEnd(15)} ${String(a.score).padEnd(4)} w${String(a.weight).padEnd(3)} ${a.id}: ${a.title}${a.value ? ` (${a.value})` : ''}`);
      }
    }
  } finally {
    for (const s of Object.values(sites)) await s.close();
  }
}
