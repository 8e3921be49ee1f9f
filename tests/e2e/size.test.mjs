// The size budget of the release bundle (dist/): bytes are deterministic, so this is a
// plain test, unlike times (those are measured by `make bench`). The figures are brotli
// at quality 11, what a host serves to a browser; the limits are in tests/size-budget.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { storyFiles } from '../../scripts/story-files.mjs';

const dist = 'dist';
const budget = JSON.parse(await readFile('tests/size-budget.json', 'utf8'));
const brotli = async (file) =>
  brotliCompressSync(await readFile(join(dist, file)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** The files the page fetches before the map is drawn, as src/data.rs loads them. */
async function firstView() {
  const top = await readdir(dist);
  const story = JSON.parse(await readFile(join(dist, 'geodata/story.json'), 'utf8'));
  const data = ['story.json', ...storyFiles(story)].map((f) => `geodata/${f}`);
  const code = top.filter((f) => /^ceasefire-map-.*\.(wasm|js)$/.test(f));
  const page = top.filter((f) => f === 'index.html' || f.endsWith('.css'));
  return { code, page, all: [...page, ...code, ...data] };
}

test('the release bundle stays within its size budget (brotli bytes)', async () => {
  const { code, page, all } = await firstView();
  assert.equal(code.length, 2, `expected one wasm and one JS file in dist/, found ${code.join(', ')}`);
  const sum = async (files) => (await Promise.all(files.map(brotli))).reduce((a, b) => a + b, 0);
  // What a reader gets before any code runs: the page (the article, the map drawn, the
  // legend) and its stylesheet.
  const sizes = { code: await sum(code), first_view: await sum(all), first_view_without_code: await sum(page) };
  const over = [];
  for (const [part, bytes] of Object.entries(sizes)) {
    const { [part]: limit } = budget.limit;
    const { [part]: goal } = budget.goal;
    console.log(`# ${part}: ${bytes} bytes brotli (limit ${limit}, goal ${goal}, ${all.length} files in the first view)`);
    if (bytes > limit) over.push(`${part} is ${bytes} bytes brotli, over its limit of ${limit}`);
  }
  // Every part is measured and reported before the test fails, so one run tells all.
  assert.deepEqual(over, [], `${over.join('; ')} (tests/size-budget.json)`);
});
