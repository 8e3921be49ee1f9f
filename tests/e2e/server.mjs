// A static server for the built bundle (dist/) on 127.0.0.1, on a free port of its own,
// and the Chromium options every end-to-end test uses.
import { createServer } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

// Brotli at its best for files of a normal size; faster for the dense story's 10 MB ones.
const brotli = (body) =>
  brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: body.length > 1e6 ? 5 : 11 } });

/**
 * Serves `root` (default: dist/). Resolves to { url, close }. With `compress`, bodies go
 * out brotli- or gzip-encoded when the browser accepts it, as any real host sends them
 * (the benchmark and Lighthouse use it; the tests look at plain bytes).
 */
export async function serve(root = resolve('dist'), headers = {}, { compress = false } = {}) {
  const encoded = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (path.endsWith('/')) file = join(file, 'index.html');
    try {
      let body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const accepted = String(req.headers['accept-encoding'] ?? '');
      const encoding = !compress ? null : /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
      const extra = {};
      if (encoding && body.length > 512) {
        const key = `${encoding} ${file}`;
        if (!encoded.has(key)) encoded.set(key, encoding === 'br' ? brotli(body) : gzipSync(body, { level: 9 }));
        body = encoded.get(key);
        extra['content-encoding'] = encoding;
        extra.vary = 'accept-encoding';
      }
      res.writeHead(200, { 'content-type': type, ...extra, ...headers });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Debian's Chromium, headless, with no traffic to outside hosts. */
export const launchOptions = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

// `node tests/e2e/server.mjs` serves dist/ until stopped (for screenshots by hand).
if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await serve();
  console.log(`serving dist/ at ${url}`);
}
