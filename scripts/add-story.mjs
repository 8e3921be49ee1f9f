// Adds stories to a built site, each under its own path: FOLDER (a story folder: story.json,
// its article and its layers) becomes DIST/NAME/, NAME being the folder's own name
// (tests/stories/villages -> DIST/villages/). Each gets its own index.html, its own static
// page (src/bin/prerender.rs), title, language and preloads (scripts/story-page.mjs), and
// its data as DIST/NAME/geodata/, the folder the app fetches beside its page. The code and
// style are not copied: the page loads the root's hashed files (../main-HASH.css,
// ../ceasefire-map-HASH.js and its wasm), which Trunk's integrity hashes still match, so
// a reader going from one story to another downloads the code once. Run after
// `trunk build`, before scripts/csp.mjs and scripts/compress.mjs (make dist does, for
// every story of STORIES after the first).
//
//   node scripts/add-story.mjs DIST FOLDER...
import { execFileSync } from 'node:child_process';
import { cp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';

const [dist = 'dist', ...folders] = process.argv.slice(2);
const fail = (why) => {
  console.error(`add-story: ${why}`);
  process.exit(1);
};

const root = await readdir(dist, { withFileTypes: true });
const rootFiles = root.filter((e) => e.isFile()).map((e) => e.name);
// The names a story may not take: the root story's geodata/ and files, and each other
// story's. (Any other folder of DIST is a story added before: it is replaced.)
const taken = new Set(['geodata', ...rootFiles]);
const shell = await readFile(join(dist, 'index.html'), 'utf8');

const names = new Set();
for (const folder of folders) {
  const name = basename(resolve(folder));
  if (!/^[a-z0-9][a-z0-9_-]*$/i.test(name)) {
    fail(`${folder}: the folder's name "${name}" becomes a path of the site: use letters, digits, "-" or "_"`);
  }
  if (taken.has(name) || names.has(name)) {
    fail(`${folder}: "${name}" is already taken in ${dist}/ (by the root story's files or another story): rename the folder`);
  }
  if (!(await stat(join(folder, 'story.json')).catch(() => null))?.isFile()) {
    fail(`${folder}: no story.json in this folder (a story folder holds story.json, its article and its layers)`);
  }
  names.add(name);
}

for (const folder of folders) {
  const name = basename(resolve(folder));
  const out = join(dist, name);
  await rm(out, { recursive: true, force: true });
  await cp(folder, join(out, 'geodata'), { recursive: true });
  // The root page's own URLs (`./main-HASH.css`, `"./ceasefire-map-HASH.js"`, the wasm)
  // name files of the root: one folder up from here. Only names of files that are there
  // are rewritten; the static page between them is the root story's, replaced below.
  let html = shell;
  for (const file of rootFiles) html = html.replaceAll(`./${file}`, `../${file}`);
  await writeFile(join(out, 'index.html'), html);
  execFileSync('cargo', ['run', '--quiet', '--bin', 'prerender', '--', join(out, 'geodata'), join(out, 'index.html')], { stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/story-page.mjs', out], { stdio: 'inherit' });
  console.log(`${out}/: ${folder}`);
}
