// The exported view is a figure: the map, and under it (never over it) the caption (the
// story's title and the date shown), the legend of the kinds shown and the whole credit
// line, wrapped to the map's width (src/figure.rs). Offered on a phone too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { useSite } from './lib/site.mjs';

const site = useSite();
const story = JSON.parse(await readFile('dist/geodata/story.json', 'utf8'));
const squash = (s) => s.replace(/\s+/g, ' ').trim();

/** A PNG's width and height, from its header (IHDR). */
function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG signature');
  assert.equal(bytes.subarray(12, 16).toString('ascii'), 'IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

for (const [width, height, touch] of [[360, 740, true], [1280, 800, false]]) {
  test(`at ${width}x${height} the view exports as a figure: map, then caption, legend and whole credit under it`, async () => {
    const options = { width, height, acceptDownloads: true, ...(touch ? { hasTouch: true, isMobile: true } : {}) };
    const page = await site.open('', options);
    // Offered on every screen, with targets of 24 px at least.
    for (const format of ['svg', 'png']) {
      const box = await page.locator(`[data-export="${format}"]`).boundingBox();
      assert.ok(box && box.width >= 24 && box.height >= 24, `${format}: ${JSON.stringify(box)}`);
    }
    const map = await page.evaluate(() => {
      const r = document.querySelector('[data-map]').getBoundingClientRect();
      return { width: Math.round(r.width), height: Math.round(r.height) };
    });
    // The legend's labels of the kinds shown, as the page writes them.
    const legend = await page.locator('[data-legend-kind]').allTextContents();
    assert.ok(legend.length >= 5, `${legend}`);
    const click = (format) => (touch ? page.locator(`[data-export="${format}"]`).tap() : page.click(`[data-export="${format}"]`));

    const [svgFile] = await Promise.all([page.waitForEvent('download'), click('svg')]);
    const svg = await readFile(await svgFile.path(), 'utf8');
    // What is written under the map, in the order it reads.
    const under = await page.evaluate(
      ([svg, mapHeight]) => {
        const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
        const root = doc.documentElement;
        const texts = [...root.querySelectorAll(':scope > text')];
        return {
          height: Number(root.getAttribute('height')),
          style: root.getAttribute('style'),
          viewBox: root.getAttribute('viewBox'),
          lowest: Math.min(...texts.map((t) => Number(t.getAttribute('y')))) - mapHeight,
          texts: texts.map((t) => t.textContent),
          swatches: root.querySelectorAll(':scope > rect, :scope > circle, :scope > line').length,
          // Each feature's name, as the file's first child of the feature's element.
          names: Object.fromEntries([...root.querySelectorAll('[data-feature-id]')].map((e) => [e.getAttribute('data-feature-id'), e.firstElementChild?.localName === 'title' ? e.firstElementChild.textContent : null])),
        };
      },
      [svg, map.height],
    );
    const text = squash(under.texts.join(' '));
    assert.ok(under.lowest > 0, `a caption's line is over the map (${under.lowest})`);
    assert.ok(under.height >= map.height + 80, `the figure is ${under.height} tall, the map ${map.height}`);
    // The map's size on the page must not crop the figure to the map.
    assert.equal(under.style, null, 'the exported root keeps a style');
    assert.ok(text.startsWith(`${story.title.fr} 19 novembre 2020`), text);
    assert.ok(under.texts.includes('19 novembre 2020'), `the date on a line of its own: ${under.texts}`);
    for (const label of legend) assert.ok(text.includes(squash(label)), `legend: ${label} in ${text}`);
    assert.ok(under.swatches >= legend.length, `${under.swatches} swatches`);
    assert.ok(text.endsWith(squash(story.attribution.fr)), `the whole credit ends the figure: ${text}`);
    // Named in the file, in the reader's language (the page names them in its own tooltip).
    assert.equal(under.names.stepanakert, 'Stepanakert');
    assert.equal(under.names.shusha, 'Chouchi');
    assert.equal(under.names['contact-line-1994'], 'Ligne de contact de 1994', 'a line is named too');
    assert.deepEqual(Object.entries(under.names).filter(([, n]) => !n), [], 'a feature without its name');

    const [pngFile] = await Promise.all([page.waitForEvent('download'), click('png')]);
    assert.equal(pngFile.suggestedFilename(), 'carte.png');
    const png = await readFile(await pngFile.path());
    const size = pngSize(png);
    // Drawn at twice the screen's size: the map's width, the figure's height.
    assert.equal(size.width, 2 * map.width);
    assert.equal(size.height, 2 * Math.ceil(under.height));
    assert.ok(size.height >= 2 * (map.height + 80), `${JSON.stringify(size)} for a map of ${JSON.stringify(map)}`);
    await writeFile(`target/e2e/export-${width}.png`, png);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}
