// The list of features (the map's text alternative) groups them under their own layer's
// title, whichever layer failed to load: ids and titles travel together.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useSite } from './lib/site.mjs';

const site = useSite();

/** Feature id -> the French title of the layer it belongs to, from the shipped story. */
async function layerTitles() {
  const story = JSON.parse(await readFile('geodata/story.json', 'utf8'));
  const titles = new Map();
  for (const layer of story.layers) {
    const json = JSON.parse(await readFile(`geodata/${layer.file}`, 'utf8'));
    for (const f of json.features) titles.set(f.id, layer.title.fr);
  }
  return { story, titles };
}

/** The list's groups as [title, [ids]] in page order. */
async function groups(page) {
  return page.evaluate(() => {
    const out = [];
    for (const el of document.querySelector('[data-feature-list]').children) {
      if (el.tagName === 'H2') out.push([el.textContent.trim(), []]);
      else for (const b of el.querySelectorAll('[data-list-feature-id]')) out.at(-1)[1].push(b.dataset.listFeatureId);
    }
    return out;
  });
}

test('with a middle layer missing, every group of the list keeps its own title', async () => {
  const { story, titles } = await layerTitles();
  // A layer in the middle whose features the list shows, and one after it that it shows too.
  const missing = 'karabakh.geojson';
  const files = story.layers.map((l) => l.file);
  assert.ok(files.indexOf(missing) > 0 && files.indexOf(missing) < files.length - 2, files.join());
  const page = await site.open('', {
    routes: { [`**/geodata/${missing}`]: (route) => route.fulfill({ status: 404, body: 'not found' }) },
    ready: '[data-problems]',
  });
  assert.match(await page.textContent('[data-problems]'), new RegExp(`geodata/${missing.replace('.', '\\.')}: could not be loaded`));
  await page.click('[data-list-toggle]');
  await page.waitForSelector('[data-feature-list]');
  const shown = await groups(page);
  assert.ok(shown.length >= 2, JSON.stringify(shown));
  const missingTitle = story.layers.find((l) => l.file === missing).title.fr;
  for (const [title, ids] of shown) {
    assert.notEqual(title, missingTitle, 'the missing layer has no group');
    assert.ok(ids.length > 0, title);
    for (const id of ids) assert.equal(titles.get(id), title, `${id} listed under "${title}"`);
  }
  // The groups after the missing layer are there, under their own titles.
  const after = story.layers.slice(files.indexOf(missing) + 1).map((l) => l.title.fr);
  assert.ok(shown.some(([title]) => after.includes(title)), JSON.stringify(shown.map(([t]) => t)));
  await page.close();
});
