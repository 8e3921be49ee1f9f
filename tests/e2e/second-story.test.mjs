// A second story, so that the engine cannot quietly become Karabakh-only again: the small
// invented story of tests/stories/villages/ (English only, two layers, a two-date timeline),
// which `make test` builds beside the shipped one (`STORIES="geodata tests/stories/villages"`:
// the shipped story at the root of dist/, this one in dist/villages/, on the root's code).
// It loads under its own policy, clicks both ways, reads with JavaScript off and on a phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve } from './server.mjs';
import { useSite } from './lib/site.mjs';
import { clickFeature, displayOf, hashBesidesView, open, selectedOf, settled } from './lib/page.mjs';

const FOLDER = 'tests/stories/villages';
const SITE_DIR = 'dist/villages';
const PATH = 'villages/';
const STATIC = '[data-prerendered] [data-legend]';

const site = useSite();
const readJson = async (path) => JSON.parse(await readFile(path, 'utf8'));
const story = await readJson(join(FOLDER, 'story.json'));
const layers = await Promise.all(story.layers.map(async ({ file }) => (await readJson(join(FOLDER, file))).features));
const features = layers.flat();
const label = (kind) => story.kinds[kind].label.en;

test('dist/villages/ holds the story folder as it is and a page of its own, on the root\'s code', async () => {
  // The story is in English alone, names included: nothing of French is asked of it.
  assert.deepEqual([...new Set(features.flatMap((f) => Object.keys(f.properties.name)))], ['en']);
  // The folder, file for file and byte for byte, as the app fetches it: geodata/ beside the page.
  for (const file of await readdir(FOLDER)) {
    assert.deepEqual(await readFile(join(SITE_DIR, 'geodata', file)), await readFile(join(FOLDER, file)), file);
  }
  // No copy of the code: the page names the root's hashed files, one folder up, and they exist.
  const own = await readdir(SITE_DIR);
  assert.deepEqual(own.filter((f) => /\.(wasm|js|css)$/.test(f)), [], 'code or style copied into dist/villages/');
  const html = await readFile(join(SITE_DIR, 'index.html'), 'utf8');
  const shared = [...html.matchAll(/\.\.\/([\w.-]+\.(?:wasm|js|css))\b/g)].map((m) => m[1]);
  const root = await readdir('dist');
  for (const ext of ['wasm', 'js', 'css']) assert.ok(shared.some((f) => f.endsWith(`.${ext}`)), `no ../*.${ext} in the page`);
  for (const file of shared) assert.ok(root.includes(file), `../${file} is not in dist/`);
  assert.doesNotMatch(html, /["'`=]\.\/[\w-]+-[0-9a-f]{10,16}/, 'a hashed file named beside the page');
  // Its own language and title, and the site's policy allows its starting script.
  assert.match(html, /^<!doctype html><html lang=en>/i);
  assert.ok(html.includes(`<title>${story.title.en}</title>`));
  const policy = (await readFile(join(SITE_DIR, 'csp.txt'), 'utf8')).trim();
  // Two inline scripts: the head script (embed mode, theme) and the code's starter.
  const hashes = policy.match(/'sha256-[^']+'/g);
  assert.equal(hashes.length, 2, policy);
  const site = await readFile('dist/csp.txt', 'utf8');
  for (const hash of hashes) assert.ok(site.includes(hash), `dist/csp.txt lacks the story page's script hash ${hash}`);
});

test('the build hook puts any story folder in the site as geodata/, with nothing left of the one before', async () => {
  // What Trunk does for `make dist STORY=…` and `make serve STORY=…`: a staging folder with
  // a built page (the shipped story's) and a previous story's data, then
  // scripts/stage-story.sh.
  const stage = await mkdtemp(join(tmpdir(), 'stage-story-'));
  try {
    await mkdir(join(stage, 'geodata'));
    await writeFile(join(stage, 'geodata', 'karabakh.geojson'), '{}');
    await writeFile(join(stage, 'index.html'), await readFile('dist/index.html'));
    execFileSync('sh', ['scripts/stage-story.sh'], { env: { ...process.env, TRUNK_STAGING_DIR: stage, STORY: `${FOLDER}/` }, stdio: 'pipe' });
    assert.deepEqual((await readdir(join(stage, 'geodata'))).sort(), (await readdir(FOLDER)).sort());
    const html = await readFile(join(stage, 'index.html'), 'utf8');
    assert.ok(html.includes(`<h1 class="page-title">${story.title.en}</h1>`), 'the static page is the story\'s');
    assert.equal(html.match(/<h1 /g).length, 1, 'the static page of the shipped story is still there');
    assert.match(html, /^<!doctype html><html lang=en>/i);
    assert.ok(html.includes(`<title>${story.title.en}</title>`), 'the title is the story\'s');
    // A folder that is not a story is refused, saying why.
    const refused = spawnSync('sh', ['scripts/stage-story.sh'], { env: { ...process.env, TRUNK_STAGING_DIR: stage, STORY: 'tests/stories' }, encoding: 'utf8' });
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /^STORY=tests\/stories: no story\.json in this folder/);
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
});

test('loads under its own Content-Security-Policy with no console error: title, language, every layer, the story\'s styles, no problem', async () => {
  const policy = (await readFile(join(SITE_DIR, 'csp.txt'), 'utf8')).trim();
  const strict = await serve(resolve('dist'), { 'content-security-policy': policy });
  try {
    const page = await open(site.browser, strict.url + PATH, {
      init: () => {
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
      },
    });
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.title(), story.title.en);
    assert.equal(await page.textContent('h1'), story.title.en);
    const drawn = await page.$$eval('[data-map] [data-feature-id]', (els) => els.map((e) => e.dataset.featureId));
    assert.deepEqual(drawn.sort(), features.map((f) => f.id).sort());
    assert.equal(await page.locator('[data-problems]').count(), 0, 'the test story has no problem');
    assert.match(await page.textContent('[data-article-lang="en"]'), /the only way to Corrin was the old ferry/);
    // Kinds are drawn as story.json says: colours and widths come from the data.
    const paint = (id) => page.$eval(`[data-feature-id="${id}"]`, (e) => {
      const s = getComputedStyle(e.tagName === 'path' ? e : e.querySelector('circle'));
      return [s.stroke, s.fill, s.strokeWidth];
    });
    assert.deepEqual(await paint('tallow-river'), ['rgb(63, 136, 197)', 'none', '3px']);
    assert.deepEqual(await paint('flood-meadows'), ['rgb(79, 127, 51)', 'rgb(127, 184, 94)', '0.8px']);
    assert.equal((await paint('ashby-school'))[1], 'rgb(192, 57, 43)');
    // The legend names the kinds shown on the date the map opens on (the ferry ran until
    // the day before).
    const legend = await page.textContent('[data-legend]');
    for (const kind of ['island', 'meadow', 'river', 'footbridge', 'village', 'school']) assert.ok(legend.includes(label(kind)), `${kind} not in the legend`);
    assert.equal(await page.textContent('[data-attribution]'), story.attribution.en);
    // The code comes from the root, once for every story of the site.
    const code = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname).filter((p) => /\.(wasm|js|css)$/.test(p)));
    assert.equal(code.length, 3, code.join(', '));
    assert.ok(code.every((p) => /^\/[^/]+$/.test(p)), code.join(', '));
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    assert.deepEqual(page.errors, []);
    await page.screenshot({ path: 'target/e2e/second-story-1280.png' });
    await page.context().close();
  } finally {
    await strict.close();
  }
});

test('clicks both ways: a feature highlights its passages, a passage selects its features, on both dates', async () => {
  const page = await site.open(PATH);
  await clickFeature(page, 'corrin');
  assert.equal(await selectedOf(page, '[data-feature-id="corrin"]'), 'true');
  assert.equal(await selectedOf(page, '[data-passage-id="p-corrin"]'), 'true');
  assert.equal(await selectedOf(page, '[data-passage-id="p-one-parish"]'), 'true');
  assert.equal(await selectedOf(page, '[data-passage-id="p-ashby"]'), 'false');
  assert.equal(new URL(page.url()).hash, '#feature=corrin');
  // The details quote the passages in the story's language, with its quotation marks.
  const details = await page.textContent('[data-details="corrin"]');
  assert.ok(details.includes('“Corrin”') && details.includes('“one parish”'), details);
  assert.doesNotMatch(details, /[«»]/);

  await page.click('[data-passage-id="p-school"]');
  assert.equal(await selectedOf(page, '[data-passage-id="p-school"]'), 'true');
  assert.equal(await selectedOf(page, '[data-feature-id="ashby-school"]'), 'true');
  assert.equal(await selectedOf(page, '[data-feature-id="ashby"]'), 'true');
  assert.equal(await selectedOf(page, '[data-feature-id="corrin"]'), 'false');
  assert.equal(hashBesidesView(page), '#passage=p-school');

  // The two dates: the footbridge from 2 September, the ferry before.
  assert.match(await page.textContent('[data-timeline-current]'), /2 September 2024/);
  assert.equal(await displayOf(page, 'old-ferry'), 'none');
  assert.notEqual(await displayOf(page, 'footbridge'), 'none');
  await page.click('[data-moment-date="2024-05-14"]');
  assert.match(await page.textContent('[data-timeline-current]'), /14 May 2024/);
  assert.notEqual(await displayOf(page, 'old-ferry'), 'none');
  assert.equal(await displayOf(page, 'footbridge'), 'none');
  assert.equal(await page.getAttribute('[data-passage-id="p-last-trip"]', 'data-moment'), 'true');
  assert.equal(await page.getAttribute('[data-passage-id="p-footbridge"]', 'data-moment'), 'false');
  // A passage's click flies the map to its features: where the ferry is once it is still.
  await settled(page);
  await clickFeature(page, 'old-ferry');
  assert.equal(await selectedOf(page, '[data-passage-id="p-old-ferry"]'), 'true');
  assert.equal(await selectedOf(page, '[data-passage-id="p-last-trip"]'), 'true');
  assert.equal(hashBesidesView(page), '#feature=old-ferry&date=2024-05-14');
  // The view exported under an English name.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="svg"]')]);
  assert.equal(download.suggestedFilename(), 'map.svg');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('with JavaScript off, the page has the story\'s article, map shapes and links', async () => {
  const page = await site.open(PATH, { javaScriptEnabled: false, ready: STATIC });
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.textContent('h1'), story.title.en);
  assert.match(await page.textContent('[data-article-lang="en"]'), /On 2 September the new footbridge opened/);
  // Every passage is found and is a link; every feature shown on the opening date is a
  // linked shape of the map.
  const passages = await page.locator('[data-article-lang] a[href^="#passage="]').count();
  assert.equal(passages, story.passages.length);
  const map = page.locator('[data-static-map]:visible');
  assert.equal(await map.count(), 1);
  for (const id of ['tallow-river', 'flood-meadows', 'footbridge']) {
    assert.match(await map.locator(`a[href="#feature=${id}"] path`).getAttribute('d'), /^M[\d.-]+,[\d.-]+L/, id);
  }
  for (const id of ['ashby', 'corrin', 'ashby-school']) assert.equal(await map.locator(`a[href="#feature=${id}"] circle`).count() >= 1, true, id);
  assert.equal(await map.locator('a[href="#feature=old-ferry"]').count(), 0, 'the ferry is gone on the opening date');
  const labels = await map.locator('text').allTextContents();
  for (const name of ['Ashby', 'Corrin']) assert.ok(labels.includes(name), `${name} in ${labels}`);
  assert.ok((await page.textContent('[data-legend]')).includes(label('footbridge')));
  assert.equal(await page.textContent('[data-attribution]'), story.attribution.en);
  assert.equal(await page.locator('[data-feature-id], [data-passage-id]').count(), 0);
  assert.equal(await page.getAttribute('html', 'data-ready'), null);
  assert.equal(await page.textContent('noscript'), 'Without JavaScript the map stays still: its links lead to the article.');
  // A feature's link leads to the passage that speaks of it.
  await map.locator('a[href="#feature=footbridge"]').focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/villages\/#feature=footbridge$/);
  const shown = await page.locator('#passage\\=p-footbridge').evaluate((e) => {
    const r = e.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  });
  assert.ok(shown, 'the footbridge\'s passage is in view');
  await page.screenshot({ path: 'target/e2e/second-story-nojs.png' });
  await page.context().close();
});

test('at phone width (360x740) it fits the screen and clicks both ways', async () => {
  const page = await site.open(PATH, { width: 360, height: 740 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'the page scrolls sideways');
  const box = await page.locator('[data-map]').boundingBox();
  assert.ok(box.width > 300 && box.width <= 360 && box.height > 200, JSON.stringify(box));
  await clickFeature(page, 'ashby');
  assert.equal(await selectedOf(page, '[data-passage-id="p-ashby"]'), 'true');
  assert.equal(await selectedOf(page, '[data-passage-id="p-school"]'), 'true');
  await page.keyboard.press('Escape');
  await page.click('[data-passage-id="p-footbridge"]');
  assert.equal(await selectedOf(page, '[data-feature-id="footbridge"]'), 'true');
  assert.equal(await selectedOf(page, '[data-feature-id="ashby"]'), 'false');
  await page.screenshot({ path: 'target/e2e/second-story-360.png' });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
