// Adds to dist/index.html a preload for every file the story's manifest names (layers,
// article and its translations, inset), so that they download while the code does,
// instead of after it has started and read geodata/story.json (itself preloaded by
// index.html). Read from the built story, so another story gets its own. Run after
// `trunk build` (make dist does); running it again changes nothing.
//
//   node scripts/preload.mjs [dist]
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const story = JSON.parse(await readFile(join(dist, 'geodata/story.json'), 'utf8'));
// The files src/data.rs loads before the map is drawn.
const files = [
  ...story.layers.map((l) => l.file),
  story.article.file,
  ...Object.values(story.article.translations ?? {}),
  ...(story.inset ? [story.inset.file] : []),
];
// Plain relative names only: anything else is left to the app (and its error messages).
const safe = files.filter((f) => typeof f === 'string' && /^[\w.-]+$/.test(f));
const links = safe.map((f) => `<link rel=preload href=geodata/${f} as=fetch crossorigin data-story-preload>`);
const path = join(dist, 'index.html');
const html = (await readFile(path, 'utf8')).replace(/<link rel=preload [^>]*data-story-preload>/g, '');
if (!html.includes('</head>')) throw new Error(`${path}: no </head> to add preloads before`);
await writeFile(path, html.replace('</head>', `${links.join('')}</head>`));
console.log(`${path}: ${links.length} story files preloaded`);
