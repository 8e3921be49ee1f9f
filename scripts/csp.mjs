// Writes dist/csp.txt: the strict Content-Security-Policy the bundle runs under.
// Trunk inlines one small module script that starts the app; its SHA-256 goes in
// script-src, so no 'unsafe-inline' and no 'unsafe-eval' are needed ('wasm-unsafe-eval'
// lets the page compile its WebAssembly). Run after `trunk build` (make dist does).
//
//   node scripts/csp.mjs [dist]
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const html = await readFile(join(dist, 'index.html'), 'utf8');
const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const hashes = inline.map((s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`);

export const policy = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

await writeFile(join(dist, 'csp.txt'), policy + '\n');
console.log(`${join(dist, 'csp.txt')}: ${policy}`);
