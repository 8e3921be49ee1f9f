// The built page carries the story, not the engine's placeholders: language, title and
// description from geodata/story.json, and a preload for each file it names
// (scripts/story-page.mjs, run by make dist). Static: reads dist/ without a browser.
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
