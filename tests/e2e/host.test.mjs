// What a newsroom relies on to host the map: the strict Content-Security-Policy, the
// colour themes, accessibility (axe-core), embedding in a news page, exports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { serve } from './server.mjs';
import { useSite } from './lib/site.mjs';
import { SETTLED, hoverFeature, nextFrame, open, settled } from './lib/page.mjs';

const site = useSite();
const axeViolations = async (page) =>
  (await new AxeBuilder({ page }).analyze()).violations.map((v) =>
    `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);

test('the bundle runs under the strict Content-Security-Policy of dist/csp.txt', async () => {
  const policy = (await readFile('dist/csp.txt', 'utf8')).trim();
  assert.doesNotMatch(policy, /unsafe-inline|'unsafe-eval'/);
  const strict = await serve(undefined, { 'content-security-policy': policy });
  try {
    const page = await open(site.browser, strict.url + '#feature=peacekeeper-hq', {
      init: () => {
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
      },
    });
    await page.waitForSelector('[data-details="peacekeeper-hq"]');
    await hoverFeature(page, 'stepanakert');
    await page.waitForSelector('[data-tooltip]');
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    assert.deepEqual(page.errors, []);
    await page.close();
    // The head script that sets the embed mode and the theme runs under the policy too.
    const embedded = await open(site.browser, strict.url + '?embed&theme=dark', {
      init: () => {
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
      },
    });
    assert.equal(await embedded.getAttribute('html', 'data-embed'), 'true');
    assert.deepEqual(await embedded.evaluate(() => window.__cspViolations), []);
    assert.deepEqual(embedded.errors, []);
    await embedded.close();
  } finally {
    await strict.close();
  }
});

test('axe-core finds no accessibility violation, idle, with a selection, on a phone', async () => {
  for (const [hash, width, height] of [['', 1280, 800], ['#feature=lachin-corridor', 1280, 800], ['#passage=p-soldats-paix', 360, 740]]) {
    const page = await site.open(hash, { width, height });
    assert.deepEqual(await axeViolations(page), [], `${hash || 'default'} at ${width}px`);
    await page.close();
  }
});

test('dark mode follows the system, a host can force a theme, and both pass axe', async () => {
  const background = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  for (const [colorScheme, query, dark] of [['dark', '', true], ['dark', '?theme=light', false], ['light', '?theme=dark', true]]) {
    const page = await site.open(query + '#feature=lachin-corridor', { colorScheme });
    await page.waitForSelector('[data-details="lachin-corridor"]');
    const [r, g, b] = (await background(page)).match(/\d+/g).map(Number);
    assert.equal(r + g + b < 200, dark, `${colorScheme} ${query}: body background rgb(${r}, ${g}, ${b})`);
    // The map turns dark with the page: its paper, and its drawing (the story's colours,
    // lightness inverted and hue kept), the locator and the legend's swatches with it.
    const map = await page.evaluate(() => {
      const style = (s) => getComputedStyle(document.querySelector(s));
      return {
        paper: style('.map-box').backgroundColor.match(/\d+/g).map(Number),
        filters: ['[data-map]', '[data-inset]', '.legend-swatch'].map((s) => style(s).filter),
      };
    });
    assert.equal(map.paper.reduce((a, v) => a + v) < 200, dark, `map paper ${map.paper}`);
    for (const filter of map.filters) assert.equal(filter.includes('invert'), dark, `${colorScheme} ${query}: filter ${filter}`);
    assert.deepEqual(await axeViolations(page), [], `${colorScheme} ${query}`);
    await page.close();
  }
});

test('embedded in a news page: the iframe follows its content, host spans drive the map, the map answers', async () => {
  // The example page, pointed at the map's origin, served from another origin.
  const example = (await readFile('examples/news-page.html', 'utf8')).replaceAll('https://maps.example.org/karabakh/', site.url);
  await mkdir('target/e2e/host', { recursive: true });
  await writeFile('target/e2e/host/news-page.html', example);
  const host = await serve(resolve('target/e2e/host'));
  const page = await open(site.browser, `${host.url}news-page.html`, { width: 900, height: 900, ready: '#carte' });
  try {
    const frame = await (await page.$('#carte')).contentFrame();
    await frame.waitForSelector(SETTLED, { state: 'attached' });

    // The frame's height follows its content (the article is long: more than the 720 px set).
    await page.waitForFunction(() => document.getElementById('carte').style.height !== '720px');
    const frameHeight = await page.evaluate(() => document.getElementById('carte').getBoundingClientRect().height);
    const contentHeight = await frame.locator('html').evaluate((el) => el.scrollHeight);
    assert.ok(Math.abs(frameHeight - contentHeight) <= 2, `frame ${frameHeight}px, content ${contentHeight}px`);

    // A span of the host's text selects in the map.
    await page.click('[data-ceasefire-feature="contact-line"]');
    await frame.locator('[data-feature-id="contact-line"][data-selected="true"]').waitFor({ state: 'attached' });
    assert.equal(await frame.locator('[data-passage-id="p-ligne-de-contact"]').getAttribute('data-selected'), 'true');

    // A span below the map: the host page scrolls back up to the map (the map's top in the
    // upper half of the window), and the frame does not scroll the host past it.
    await page.locator('[data-ceasefire-feature="agdam-district"]').scrollIntoViewIfNeeded();
    const frameTop = () => page.evaluate(() => document.getElementById('carte').getBoundingClientRect().top);
    assert.ok((await frameTop()) < 0, 'the reader is past the map');
    await page.click('[data-ceasefire-feature="agdam-district"]');
    await frame.locator('[data-feature-id="agdam-district"][data-selected="true"]').waitFor({ state: 'attached' });
    await page.waitForFunction(() => {
      const top = document.getElementById('carte').getBoundingClientRect().top;
      return top >= 0 && top <= innerHeight / 2;
    });
    await settled(frame);
    await nextFrame(page);
    const top = await frameTop();
    assert.ok(top >= 0 && top <= 450, `the map's frame top at ${top}px after the selection`);

    // A click in the map reaches the host: its span lights up. (First let the map's
    // flight to the contact line end, or the click may land where the town was.)
    await settled(frame);
    await frame.locator('[data-feature-id="stepanakert"] circle').click();
    await page.waitForSelector('[data-ceasefire-feature="stepanakert"][data-ceasefire-active]');
    assert.equal(await page.locator('[data-ceasefire-active]').count(), 1);

    // Markup in a message is never run, and unknown ids change nothing: the map answers
    // only the valid message sent after them (messages are handled in order).
    await page.evaluate(() => {
      window.__answers = [];
      document.getElementById('carte').addEventListener('ceasefire:selected', (e) => window.__answers.push(e.detail));
      const w = document.getElementById('carte').contentWindow;
      w.postMessage({ type: 'ceasefire:select', feature: '<img src=x onerror="top.__xss=1">' }, '*');
      w.postMessage({ type: 'ceasefire:select', feature: 'no-such-feature' }, '*');
      w.postMessage({ type: 'ceasefire:select', feature: 'baku' }, '*');
    });
    await page.waitForFunction(() => window.__answers.length > 0);
    assert.deepEqual(await page.evaluate(() => window.__answers), [{ feature: 'baku', passage: null }]);
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    assert.deepEqual(page.exceptions, []);
  } finally {
    await page.close();
    await host.close();
  }
});

test('the view exports as a standalone SVG and as a PNG', async () => {
  const page = await site.open('#feature=lachin-corridor', { acceptDownloads: true });
  try {
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
    await page.close();
  }
  // The file is named in the reader's language.
  const english = await site.open('#feature=lachin-corridor&lang=en', { acceptDownloads: true });
  try {
    await english.waitForSelector('[data-details="lachin-corridor"]');
    const [download] = await Promise.all([english.waitForEvent('download'), english.click('[data-export="svg"]')]);
    assert.equal(download.suggestedFilename(), 'map.svg');
    // Passages quoted in the details carry the language's quotation marks.
    assert.match(await english.textContent('[data-details] .details-passage'), /^“.+”$/s);
  } finally {
    await english.close();
  }
});
