// When the data or the network fails, or the data is hostile: the map names what failed
// and why, shows the rest, and shows markup as text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { useSite } from './lib/site.mjs';
import { SETTLED, clickFeature, hoverFeature, selectedOf } from './lib/page.mjs';

const site = useSite();

/**
 * Serves the files of `files` (a name -> text map) as geodata/NAME; other names go to the
 * bundle as usual (the page preloads the shipped story's files, which this story ignores).
 * Every name asked for is pushed to `requested`.
 */
const storyFolder = (files, requested = []) => ({
  '**/geodata/**': (route) => {
    const name = decodeURIComponent(new URL(route.request().url()).pathname.split('/geodata/')[1]);
    requested.push(name);
    return name in files
      ? route.fulfill({ status: 200, contentType: name.endsWith('.json') ? 'application/json' : 'text/plain', body: files[name] })
      : route.continue();
  },
});

test('a missing file and a malformed file are named, and the other layers still draw', async () => {
  const page = await site.open('', {
    routes: {
      '**/geodata/water.geojson': (route) => route.fulfill({ status: 404, body: 'not found' }),
      '**/geodata/ceasefire.geojson': (route) =>
        route.fulfill({ status: 200, contentType: 'application/geo+json', body: '{"type":"FeatureCollection","features":[' }),
    },
  });
  const problems = await page.textContent('[data-problems]');
  assert.match(problems, /geodata\/water\.geojson: could not be loaded \(HTTP 404/);
  assert.match(problems, /geodata\/ceasefire\.geojson: invalid JSON at line 1/);
  assert.match(problems, /passage "p-couloir-latchine": links to feature "lachin-corridor"/);
  assert.equal(await page.locator('[data-feature-id="contact-line"]').count(), 0);
  assert.equal(await page.locator('[data-feature-id="stepanakert"]').count(), 1);
  assert.equal(await page.locator('[data-feature-id="armenia"]').count(), 1);
  await clickFeature(page, 'stepanakert');
  assert.equal(await selectedOf(page, '[data-feature-id="stepanakert"]'), 'true');
  await page.close();
});

test('a missing story manifest says so instead of a blank page', async () => {
  const page = await site.open('', {
    ready: '[data-fatal]',
    routes: { '**/geodata/story.json': (route) => route.fulfill({ status: 404, body: '' }) },
  });
  assert.match(await page.textContent('[data-fatal]'), /geodata\/story\.json: could not be loaded \(HTTP 404/);
  await page.close();
});

test('fetch faults: a 500, an aborted load, a wrong content type and a slow file; retry recovers', async () => {
  let failWater = true;
  const page = await site.open('', {
    routes: {
      '**/geodata/water.geojson': (route) => (failWater ? route.fulfill({ status: 500, body: 'oops' }) : route.continue()),
      '**/geodata/places.geojson': (route) => route.abort('failed'),
      '**/geodata/karabakh.geojson': async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, contentType: 'text/html' });
      },
      // The server is slow to answer (a delay of the route, not of the test).
      '**/geodata/inset.geojson': async (route) => {
        await new Promise((ok) => setTimeout(ok, 1500));
        await route.continue();
      },
    },
  });
  const problems = await page.textContent('[data-problems]');
  assert.match(problems, /geodata\/water\.geojson: could not be loaded \(HTTP 500/);
  assert.match(problems, /geodata\/places\.geojson: could not be loaded/);
  assert.doesNotMatch(problems, /karabakh\.geojson|inset\.geojson/);
  assert.equal(await page.locator('[data-feature-id="nagorno-karabakh"]').count(), 1);
  assert.equal(await page.locator('[data-feature-id="contact-line"]').count(), 1);
  assert.equal(await page.locator('[data-inset]').count(), 1);

  failWater = false;
  await page.unroute('**/geodata/places.geojson');
  await page.click('[data-retry]');
  await page.waitForSelector('[data-problems]', { state: 'detached' });
  assert.equal(await page.locator('[data-feature-id="lake-sevan"]').count(), 1);
  assert.equal(await page.locator('[data-feature-id="stepanakert"]').count(), 1);
  await page.close();
});

// Whether lines and rings cross is the validator's check alone (src/validate/geometry.rs):
// it needs the geo crate, which stays out of the app's code. The map draws such a feature
// as it is, with no problem listed.
const VALIDATOR_ONLY = new Set([
  'hole-along-exterior.geojson',
  'hole-crossing-exterior.geojson',
  'overlapping-holes.geojson',
  'overlapping-polygons.geojson',
  'polygons-sharing-edge.geojson',
  'self-crossing-line.geojson',
  'self-crossing-ring.geojson',
]);

// The whole file must end within node's --test-timeout (make test-e2e): the fixtures,
// one page each, are loaded a few at a time.
const PAGES_AT_ONCE = 4;
async function inBatches(items, check) {
  for (let i = 0; i < items.length; i += PAGES_AT_ONCE) {
    await Promise.all(items.slice(i, i + PAGES_AT_ONCE).map(check));
  }
}

test('every bad fixture in place of a layer is named in the map, and the other layers still draw', async () => {
  const files = (await readdir('tests/fixtures/bad')).filter((f) => f.endsWith('.geojson') && !VALIDATOR_ONLY.has(f));
  assert.ok(files.length >= 15);
  await inBatches(files, async (file) => {
    const body = await readFile(`tests/fixtures/bad/${file}`, 'utf8');
    const page = await site.open('', {
      routes: { '**/geodata/ceasefire.geojson': (route) => route.fulfill({ contentType: 'application/geo+json', body }) },
    });
    try {
      const problems = await page.textContent('[data-problems]');
      assert.match(problems, /geodata\/ceasefire\.geojson: /, file);
      assert.equal(await page.locator('[data-feature-id="armenia"]').count(), 1, file);
      assert.equal(await page.locator('[data-feature-id="stepanakert"]').count(), 1, file);
      assert.deepEqual(page.errors, [], file);
    } finally {
      await page.close();
    }
  });
});

// The map names files as the browser fetches them (`geodata/` + the validator's name),
// and loads a story as the validator does, so it shows the validator's line. Where the
// map meets the fault in another form, what it shows instead, fixture by fixture.
const noProblem = async (page) => assert.equal(await page.locator('[data-problems]').count(), 0, 'a problem list');
const MAP_SHOWS_INSTEAD = {
  ...Object.fromEntries([...VALIDATOR_ONLY].map((fixture) => [fixture, noProblem])),
  // Where a name is placed against the frame is the validator's advice to editors.
  'label-outside-frame.story.json': noProblem,
  // The map fetches the file and gets an HTTP status (the validator reads a folder).
  'missing-layer-file.story.json': async (page, shown) =>
    assert.ok(shown.some((l) => l.startsWith('geodata/missing.geojson: could not be loaded (HTTP 404')), shown.join('\n')),
  // The map says where the manifest's shape goes wrong; which key and what it must be is
  // the validator's to say (that check stays out of the app).
  'features-not-a-list.story.json': async (page, shown) =>
    assert.ok(
      shown.some((l) => / geodata\/story\.json: is not of the shape the map reads at line \d+, column \d+: the validator says which key/.test(` ${l}`)),
      shown.join('\n'),
    ),
  // The map never fetches a file the story does not list.
  'unlisted-layer.geojson': async (page, shown, requested) => {
    await noProblem(page);
    assert.ok(!requested.includes('unlisted.geojson'), requested.join(' '));
    assert.equal(await page.locator('[data-map] [data-feature-id]').count(), 3);
  },
};

// Besides the validator's line, what the map does with the fault.
const MAP_ALSO = {
  // The colour is not used: the line takes the default stroke.
  'unsafe-colour.story.json': async (page) => {
    assert.equal(await page.getAttribute('[data-feature-id="line"]', 'stroke'), '#555555');
    assert.equal(await page.locator('[data-map] [stroke*="url("], [data-map] [fill*="url("]').count(), 0);
  },
  // The moment is offered and marks no passage.
  'timeline-unknown-passage.story.json': async (page) => {
    await page.click('[data-moment-date="2020-11-10"]');
    await page.waitForSelector('[data-moment-date="2020-11-10"] input:checked', { state: 'attached' });
    assert.equal(await page.locator('[data-passage-id][data-moment="true"]').count(), 0);
  },
  // The phrase stays plain text.
  'passage-without-features.story.json': async (page) => {
    assert.equal(await page.locator('[data-passage-id="p-zone"]').count(), 0);
    assert.match(await page.textContent('article'), /la zone/);
  },
  // The inset shows the places the story has, and leaves out the unknown one.
  'unknown-inset-place.story.json': async (page) => {
    assert.equal((await page.textContent('[data-inset]')).trim(), 'Ville');
  },
};

// Each fixture loads a page: the table runs in tests of 15 rows, each well within the
// per-test timeout on a busy machine.
const TABLE = JSON.parse(await readFile('tests/fixtures/bad/expected.json', 'utf8'));
const ROWS_PER_TEST = 15;

test('every bad fixture has its row in the table the map is checked against', async () => {
  const fixtures = (await readdir('tests/fixtures/bad')).filter((f) => f !== 'expected.json');
  assert.deepEqual(TABLE.map((row) => row.fixture).sort(), fixtures.sort(), 'one row per fixture');
});

for (let first = 0; first < TABLE.length; first += ROWS_PER_TEST) {
  const rows = TABLE.slice(first, first + ROWS_PER_TEST);
  test(`each bad fixture, in the good story, shows the validator's reason in the map (rows ${first + 1}-${first + rows.length})`, () => mapShowsTheRows(rows));
}

async function mapShowsTheRows(rows) {
  const good = {};
  for (const name of await readdir('tests/fixtures/good')) good[name] = await readFile(`tests/fixtures/good/${name}`, 'utf8');
  const failures = [];
  await inBatches(rows, async ({ fixture, replaces, message }) => {
    const files = { ...good, [replaces]: await readFile(`tests/fixtures/bad/${fixture}`, 'utf8') };
    const requested = [];
    const page = await site.open('', {
      ready: `${SETTLED}, [data-problems], [data-fatal]`,
      routes: storyFolder(files, requested),
    });
    try {
      const shown = [
        ...(await page.locator('[data-problems] li').allTextContents()),
        ...(await page.locator('[data-fatal]').allTextContents()),
      ].map((t) => t.trim());
      if (MAP_SHOWS_INSTEAD[fixture]) {
        await MAP_SHOWS_INSTEAD[fixture](page, shown, requested);
      } else {
        // The nearest text to a phrase not found is the validator's alone: the map does
        // not look for it (only editors need it), so it shows the line up to there.
        const want = `geodata/${message.split('; the nearest text there is')[0]}`;
        // A fatal error comes after a heading of its own; a problem is one line.
        const found = shown.some((line) => line.startsWith(want) || line.includes(` ${want}`));
        assert.ok(found, `expected a line starting with\n    ${want}\n  the map shows\n    ${shown.join('\n    ')}`);
        await MAP_ALSO[fixture]?.(page, shown, requested);
      }
      assert.deepEqual(page.exceptions, []);
    } catch (e) {
      failures.push(`${fixture}: ${e.message}`);
    } finally {
      await page.close();
    }
  });
  assert.deepEqual(failures.sort(), []);
}

test('markup in every text property stays text, in the details, the title and the tooltip', async () => {
  const hostile = await readFile('tests/fixtures/hostile/xss-everywhere.geojson', 'utf8');
  const markup = JSON.parse(hostile).features.find((f) => f.id === 'xss-area').properties.name.fr;
  const story = JSON.parse(await readFile('geodata/story.json', 'utf8'));
  story.title.fr = '<img src=x onerror="top.__xss=6">Titre';
  story.attribution.fr = '<script>top.__xss=7</script>';
  const page = await site.open('#feature=xss-point', {
    routes: {
      '**/geodata/places.geojson': (route) => route.fulfill({ contentType: 'application/geo+json', body: hostile }),
      '**/geodata/story.json': (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(story) }),
    },
  });
  try {
    assert.match(await page.textContent('[data-details="xss-point"]'), /<img src=x onerror=/);
    assert.match(await page.textContent('h1'), /<img src=x onerror=/);
    // The details panel covers the hostile area: close it, then hover the area.
    await page.locator('[data-details="xss-point"]').getByRole('button', { name: 'Fermer' }).click();
    await page.waitForSelector('[data-details]', { state: 'detached' });
    await hoverFeature(page, 'xss-area');
    assert.equal(await page.textContent('[data-tooltip]'), markup);
    assert.equal(await page.locator('[data-tooltip] *').count(), 0, 'an element was made in the tooltip');
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    assert.equal(await page.locator('main img, main script, [data-details] a[href^="javascript"]').count(), 0);
    assert.equal(await page.getAttribute('[data-feature-id="xss-area"]', 'onclick'), null);
    assert.deepEqual(page.errors, []);
  } finally {
    await page.close();
  }
});

test('a 200,000-position line still loads', async () => {
  const n = 200000;
  const coordinates = Array.from({ length: n }, (_, i) => [45 + (2.5 * i) / n, 39.5 + 0.3 * Math.sin(i / 500)]);
  const huge = { type: 'FeatureCollection', features: [{ type: 'Feature', id: 'huge-line', geometry: { type: 'LineString', coordinates },
    properties: { kind: 'contact-line', name: { fr: 'Grande', en: 'Huge' }, sources: [{ title: 't' }], accuracy: 'schematic', valid_from: '2020-11-10' } }] };
  const big = await site.open('', {
    routes: { '**/geodata/ceasefire.geojson': (route) => route.fulfill({ contentType: 'application/geo+json', body: JSON.stringify(huge) }) },
  });
  try {
    assert.equal(await big.locator('[data-feature-id="huge-line"]').count(), 1);
    assert.match(await big.getAttribute('[data-feature-id="huge-line"]', 'd'), /^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+)+$/);
    assert.equal(await big.locator('[data-feature-id="armenia"]').count(), 1);
    assert.deepEqual(big.errors, []);
  } finally {
    await big.close();
  }
});

test('a story with many problems lists 20 of them and says how many more there are', async () => {
  const good = {};
  for (const name of await readdir('tests/fixtures/good')) good[name] = await readFile(`tests/fixtures/good/${name}`, 'utf8');
  const layer = JSON.parse(good['layer.geojson']);
  for (let i = 0; i < 30; i += 1) {
    layer.features.push({ ...layer.features[2], id: `extra-${i}`, properties: { ...layer.features[2].properties, sources: [] } });
  }
  const page = await site.open('', {
    ready: `${SETTLED}, [data-problems]`,
    routes: storyFolder({ ...good, 'layer.geojson': JSON.stringify(layer) }),
  });
  try {
    assert.equal(await page.getAttribute('[data-problems]', 'data-problems'), '30');
    assert.equal(await page.locator('[data-problems] li[data-problem-file]').count(), 20);
    assert.equal(await page.getAttribute('[data-problems-more]', 'data-problems-more'), '10');
    assert.match(await page.textContent('[data-problems-more]'), /^(et 10 autres|and 10 more)$/);
    assert.deepEqual(page.exceptions, []);
  } finally {
    await page.close();
  }
});
