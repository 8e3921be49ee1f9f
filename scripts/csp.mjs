// Writes dist/csp.txt: the strict Content-Security-Policy the bundle runs under.
// Trunk inlines one small module script that starts the app; its SHA-256 goes in
// script-src, so no 'unsafe-inline' and no 'unsafe-eval' are needed ('wasm-unsafe-eval'
// lets the page compile its WebAssembly). Run after `trunk build` (make dist does).
//
// A site of several stories (make dist STORIES=..., scripts/add-story.mjs) has one more
// page per story, DIST/NAME/index.html, whose starting script names the code one folder
// up, so its hash differs: DIST/NAME/csp.txt is that page's own policy, and dist/csp.txt
// the site's, which lists the hash of every page, so one header serves the whole site
// (deploy/nginx/). With one story, both are the same.
//
//   node scripts/csp.mjs [dist]
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';

/** The policy that allows the inline scripts of `pages` (HTML texts), and nothing else. */
export function policyFor(pages) {
  const inline = pages.flatMap((html) => [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]));
  const hashes = [...new Set(inline.map((s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`))];
  return [
    "default-src 'none'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const read = (dir) => readFile(join(dir, 'index.html'), 'utf8').catch((e) => (e.code === 'ENOENT' ? null : Promise.reject(e)));
const stories = [];
for (const entry of await readdir(dist, { withFileTypes: true })) {
  const dir = join(dist, entry.name);
  const html = entry.isDirectory() ? await read(dir) : null;
  if (html !== null) stories.push({ dir, html });
}
const rootPage = await readFile(join(dist, 'index.html'), 'utf8');
for (const { dir, html } of stories) {
  const own = policyFor([html]);
  await writeFile(join(dir, 'csp.txt'), own + '\n');
  console.log(`${join(dir, 'csp.txt')}: ${own}`);
}
export const policy = policyFor([rootPage, ...stories.map((s) => s.html)]);
await writeFile(join(dist, 'csp.txt'), policy + '\n');
console.log(`${join(dist, 'csp.txt')}: ${policy}`);
