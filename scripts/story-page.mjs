// Writes the story into dist/index.html, from the built story's manifest, so that the
// engine's index.html carries no story of its own and another story gets its own page:
// the page's language, title and description (the article's language), and a preload
// for every file the manifest names (layers, article and translations, inset), so that
// they download while the code does instead of after it has started and read
// geodata/story.json (itself preloaded by index.html). Every preload of the page, these,
// index.html's and the code's that Trunk writes (`rel=modulepreload` for the JS, `rel=preload`
// for the wasm), gets `fetchpriority=low`: they still start with the page, but the browser
// sends the HTML and the style first, so the first paint does not wait for them on a slow
// network (bench/RESULTS.md). Trunk's post-build hook runs it
// on the site it builds (scripts/stage-story.sh, for `make dist` and `make serve`), and
// scripts/add-story.mjs on each story's page; running it again changes nothing.
//
//   node scripts/story-page.mjs [dist]
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { storyFiles } from './story-files.mjs';

const dist = process.argv[2] ?? 'dist';
const story = JSON.parse(await readFile(join(dist, 'geodata/story.json'), 'utf8'));
const lang = /^[a-z]{2,3}$/.test(story.article?.lang ?? '') ? story.article.lang : 'en';
// Text from data goes in as text.
const text = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const inLang = (names) => (typeof names === 'string' ? names : names?.[lang] ?? Object.values(names ?? {})[0] ?? '');
const title = text(inLang(story.title));
const summary = text(inLang(story.summary));

const files = storyFiles(story);
// Plain relative names only: anything else is left to the app (and its error messages).
const safe = files.filter((f) => typeof f === 'string' && /^[\w.-]+$/.test(f));
const links = safe.map((f) => `<link rel=preload href=geodata/${f} as=fetch crossorigin data-story-preload fetchpriority=low>`);

const path = join(dist, 'index.html');
let html = (await readFile(path, 'utf8')).replace(/<link rel=preload [^>]*data-story-preload[^>]*>/g, '');
// Trunk minifies the page for `make dist` (`name=description`), not for `make serve`.
const description = /<meta [^>]*name="?description"?[^>]*>/;
for (const needed of ['<html', '<title>', description, '</head>']) {
  const found = typeof needed === 'string' ? html.includes(needed) : needed.test(html);
  if (!found) throw new Error(`${path}: no ${needed} to write the story into`);
}
// Replacer functions: a "$&" in a title is text, not a replacement pattern.
html = html
  .replace(/<html[^>]*>/, () => `<html lang=${lang}>`)
  .replace(/<title>[^<]*<\/title>/, () => `<title>${title}</title>`)
  .replace(description, () => `<meta content="${summary}" name=description>`)
  .replace('</head>', () => `${links.join('')}</head>`);
// Trunk's links (`rel=modulepreload`, `rel=preload`, quoted or not: `make serve` does not
// minify) and index.html's; their integrity attributes are left as they are.
const preload = /<link\b(?=[^>]*\brel="?(?:modulepreload|preload)\b)(?![^>]*\bfetchpriority=)([^>]*?)\s*\/?>/g;
html = html.replace(preload, (_, attrs) => `<link${attrs} fetchpriority=low>`);
const preloads = html.match(/<link\b[^>]*\brel="?(?:modulepreload|preload)\b[^>]*>/g) ?? [];
if (!preloads.some((l) => /\.wasm\b/.test(l)) || !preloads.some((l) => /modulepreload/.test(l))) {
  throw new Error(`${path}: Trunk's preloads of the code are not where they were (a new Trunk?): look at how it writes them`);
}
await writeFile(path, html);
console.log(`${path}: "${title}" (${lang}), ${links.length} story files preloaded`);
