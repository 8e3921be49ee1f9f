// Level of detail, end to end: pan and zoom move one transform and write no path data
// while they last; a synthetic story of 1,000,000 vertices (made by
// scripts/dense-story.mjs from dist/, not committed) never draws more than 15,000.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { useSite } from './lib/site.mjs';
import { open, pointAlong, settled, takeWrites, verticesInDom, watchWrites } from './lib/page.mjs';

const BUDGET = 15000;
const DENSE = 1000000;
const site = useSite();
let dense;
let denseDir;

before(async () => {
  denseDir = await mkdtemp(join(tmpdir(), 'ceasefire-dense-'));
  execFileSync('node', ['scripts/dense-story.mjs', 'dist', join(denseDir, 'site'), String(DENSE)], { stdio: 'pipe' });
  dense = await serve(join(denseDir, 'site'));
});

after(async () => {
  await dense?.close();
  if (denseDir) await rm(denseDir, { recursive: true, force: true });
});

/** Positions in the lines and rings of a served story's layers, read from its files. */
async function positions(root) {
  const story = JSON.parse(await readFile(join(root, 'geodata/story.json'), 'utf8'));
  const inGeometry = (g) => {
    switch (g?.type) {
      case 'LineString': return g.coordinates.length;
      case 'MultiLineString': case 'Polygon': return g.coordinates.reduce((n, p) => n + p.length, 0);
      case 'MultiPolygon': return g.coordinates.flat().reduce((n, p) => n + p.length, 0);
      case 'GeometryCollection': return g.geometries.reduce((n, h) => n + inGeometry(h), 0);
      default: return 0;
    }
  };
  let n = 0;
  for (const { file } of story.layers) {
    const layer = JSON.parse(await readFile(join(root, 'geodata', file), 'utf8'));
    for (const f of layer.features) n += inGeometry(f.geometry);
  }
  return n;
}

test('a drag and a wheel zoom change one transform and write no path data until they settle', async () => {
  const page = await site.open();
  try {
    const box = await page.locator('[data-map]').boundingBox();
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    const count = (writes, what) => writes.filter((w) => w.what === what).length;
    // Path data is written only once the view has been still for the settle time
    // (120 ms; a little less allowed for the clocks): never right after an input.
    const writtenMidGesture = (writes) => writes.filter((w, i) => {
      if (w.what !== 'world path.d') return false;
      const input = writes.slice(0, i).reverse().find((v) => v.what === 'input');
      return input && w.at - input.at < 100;
    });
    await watchWrites(page, ['d', 'transform', 'data-settled']);
    // A wheel zoom: one transform per step, paths only once it settles, once each.
    await page.mouse.move(x, y);
    for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -100);
    await settled(page);
    const zooming = await takeWrites(page);
    assert.ok(count(zooming, 'world g.transform') >= 5, zooming.map((w) => w.what).join(' '));
    assert.deepEqual(writtenMidGesture(zooming), [], 'path data written mid-zoom');
    // The map says it is moving as soon as the zoom starts, and settled only once the
    // paths of the final view are written (after the last input), each path once.
    const lastInput = zooming.findLast((w) => w.what === 'input').at;
    const firstInput = zooming.find((w) => w.what === 'input').at;
    assert.ok(zooming.some((w) => w.what === 'settled false' && w.at >= firstInput), 'data-settled never said "false" during the zoom');
    const settledAt = zooming.findLast((w) => w.what === 'settled true')?.at;
    assert.ok(settledAt > lastInput, 'data-settled did not turn "true" after the zoom');
    const final = zooming.filter((w) => w.what === 'world path.d' && w.at > lastInput);
    const paths = await page.locator('[data-map] .map-world path').count();
    assert.ok(final.length > 0 && final.length <= paths, `${final.length} writes for ${paths} paths after the zoom`);
    assert.ok(final.every((w) => w.at <= settledAt), 'path data written after data-settled turned "true"');
    // A drag at that zoom: one transform per move, and the same paths after it.
    await page.mouse.down();
    for (let i = 1; i <= 30; i++) await page.mouse.move(x + i * 5, y + i * 3);
    await page.mouse.up();
    await settled(page);
    const panning = await takeWrites(page);
    assert.ok(count(panning, 'world g.transform') >= 30, panning.map((w) => w.what).join(' '));
    assert.equal(count(panning, 'world path.d'), 0, 'path data written for a pan');
    assert.ok((await verticesInDom(page)) > 0);
    assert.deepEqual(page.errors, []);
  } finally {
    await page.close();
  }
});

test('a story of 1,000,000 vertices loads and never draws more than 15,000 at any zoom', async () => {
  assert.equal(await positions(join(denseDir, 'site')), DENSE, 'positions in the dense story\'s lines and rings');
  const page = await open(site.browser, dense.url, { timeout: 120000 });
  try {
    const seen = [await verticesInDom(page)];
    // Zoom to the most (16x) at three places along the contact line, then pan across.
    for (const at of [0.1, 0.5, 0.9]) {
      await page.focus('[data-map]');
      await page.keyboard.press('0'); // the whole map again
      await settled(page);
      const p = await pointAlong(page, 'contact-line', at);
      await page.mouse.move(p.x, p.y);
      for (let i = 0; i < 3; i++) {
        for (let j = 0; j < 4; j++) await page.mouse.wheel(0, -250);
        await settled(page);
        seen.push(await verticesInDom(page));
      }
      await page.mouse.down();
      await page.mouse.move(p.x - 300, p.y - 200, { steps: 10 });
      await page.mouse.up();
      await settled(page);
      seen.push(await verticesInDom(page));
    }
    assert.match(await page.getAttribute('.map-world', 'transform'), /scale\(16\)/);
    for (const n of seen) assert.ok(n > 0 && n <= BUDGET, `vertices drawn: ${seen.join(', ')}`);
    // The contact line is still drawn, in detail, where the view is.
    assert.match(await page.getAttribute('[data-feature-id="contact-line"]', 'd'), /^M[\d.,LM-]+$/);
    assert.deepEqual(page.errors, []);
  } finally {
    await page.close();
  }
});
