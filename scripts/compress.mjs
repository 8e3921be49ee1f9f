// Writes FILE.br (brotli, quality 11) and FILE.gz (gzip -9) beside every text and wasm
// file of the bundle, so that a host serves them as they are (nginx: brotli_static and
// gzip_static, see deploy/nginx/) instead of compressing each response on the fly. It
// only adds files: Trunk's `integrity=` hashes and dist/csp.txt stay true, so it runs
// last (make dist runs it after the stories' pages and csp.mjs); running it again gives
// the same files.
//
//   node scripts/compress.mjs [dist]
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** What gets compressed: text and WebAssembly (images are compressed already). */
export const COMPRESSED = ['.html', '.css', '.js', '.mjs', '.wasm', '.json', '.geojson', '.txt', '.md', '.svg', '.xml', '.csv'];

const dist = process.argv[2] ?? 'dist';
const files = (await readdir(dist, { recursive: true, withFileTypes: true }))
  .filter((e) => e.isFile() && COMPRESSED.includes(extname(e.name)))
  .map((e) => join(e.parentPath ?? e.path, e.name))
  .sort();

let raw = 0;
let br = 0;
let gz = 0;
for (const file of files) {
  const body = await readFile(file);
  const brotli = brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      [constants.BROTLI_PARAM_MODE]: extname(file) === '.wasm' ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
    },
  });
  const gzip = gzipSync(body, { level: 9 });
  await writeFile(`${file}.br`, brotli);
  await writeFile(`${file}.gz`, gzip);
  raw += body.length;
  br += brotli.length;
  gz += gzip.length;
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`${dist}: ${files.length} files compressed beside themselves: ${kb(raw)} raw, ${kb(gz)} gzip, ${kb(br)} brotli`);
