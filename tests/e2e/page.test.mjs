// The built page carries the story, not the engine's placeholders: language, title and
// description from geodata/story.json, and a preload for each file it names
// (scripts/story-page.mjs, run by make dist), every preload of low priority so that the
// HTML and the style come first. Static: reads dist/ without a browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

test('the built page has the story\'s language, title and description, and preloads its files', async () => {
  const html = await readFile('dist/index.html', 'utf8');
  const story = JSON.parse(await readFile('dist/geodata/story.json', 'utf8'));
  const lang = story.article.lang;
  assert.match(html, new RegExp(`<html lang=${lang}>`));
  assert.ok(html.includes(`<title>${story.title[lang]}</title>`), 'title');
  assert.ok(html.includes(`<meta content="${story.summary[lang]}" name=description>`), 'description');
  const files = [...story.layers.map((l) => l.file), story.article.file, ...Object.values(story.article.translations ?? {}), story.inset.file];
  for (const f of files) assert.ok(html.includes(`href=geodata/${f} as=fetch crossorigin data-story-preload`), f);
  assert.ok(!html.includes('ceasefire-map</title>'), 'the placeholder title is gone');
});

test('every preload, the story\'s and the code\'s, is of low priority, and the code\'s keep their integrity', async () => {
  for (const page of ['dist/index.html', 'dist/villages/index.html']) {
    const html = await readFile(page, 'utf8').catch((e) => (e.code === 'ENOENT' && page !== 'dist/index.html' ? null : Promise.reject(e)));
    if (html === null) continue; // a site of one story
    const preloads = html.match(/<link\b[^>]*\brel=(?:modulepreload|preload)\b[^>]*>/g) ?? [];
    const named = (re) => preloads.filter((l) => re.test(l));
    assert.equal(named(/\bhref=geodata\/story\.json\b/).length, 1, `${page}: the manifest's preload`);
    assert.equal(named(/rel=modulepreload/).length, 1, `${page}: the JS module's preload`);
    assert.equal(named(/\.wasm\b/).length, 1, `${page}: the wasm's preload`);
    for (const l of [...named(/rel=modulepreload/), ...named(/\.wasm\b/)]) assert.match(l, /\bintegrity=sha384-/, `${page}: ${l}`);
    for (const l of preloads) assert.match(l, /\bfetchpriority=low\b/, `${page}: ${l}`);
  }
});
