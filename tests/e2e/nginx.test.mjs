// The release bundle served as a newsroom serves it: Debian's nginx with the shipped
// configuration (deploy/nginx/site.conf and the rules it includes), the map under a
// sub-path, the precompressed files, the Content-Security-Policy of dist/csp.txt, and the
// example news page on a second origin embedding the map. nginx runs as a plain process
// on 127.0.0.1; its configuration, pid, logs and temporary files live in target/nginx/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { launchOptions } from './server.mjs';

const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';
// Debian's libnginx-mod-http-brotli-static (scripts/setup.sh installs it).
const BROTLI_STATIC = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
const SUB = '/maps/karabakh/';
const dir = resolve('target/nginx');
const dist = resolve('dist');

// What the build made: the hashed names and the policy.
const top = await readdir(dist);
const hashed = {
  wasm: top.find((f) => /^ceasefire-map-[0-9a-f]{10,16}_bg\.wasm$/.test(f)),
  js: top.find((f) => /^ceasefire-map-[0-9a-f]{10,16}\.js$/.test(f)),
  css: top.find((f) => /^[\w-]+-[0-9a-f]{10,16}\.css$/.test(f)),
};
const policy = (await readFile(join(dist, 'csp.txt'), 'utf8')).trim();

// The faults of one file each, on a server of their own (the others see a sound story).
const FAULTS = {
  'water.geojson': { conf: 'return 404;', problem: /HTTP 404/ },
  'history.geojson': { conf: 'return 500;', problem: /HTTP 500/ },
  // Half the file, as a copy cut short would send it.
  'places.geojson': { conf: `alias ${dir}/faults/places.geojson;`, problem: /JSON/ },
  // 64 bytes a second: still sending when the map gives up on it.
  'countries.geojson': { conf: 'limit_rate_after 0; limit_rate 64;', problem: /no answer after \d+ s/ },
  // Its brotli file cut short, as an interrupted upload would leave it: Chromium passes
  // on what it could decode, without an error, so only the parser can tell.
  'inset.geojson': { conf: `alias ${dir}/faults/inset.geojson; brotli_static on;`, problem: /JSON/ },
};

let nginx;
let stderr = '';
let ports;
let browser;
const url = (port, path = SUB) => `http://127.0.0.1:${port}${path}`;

/** A free port on 127.0.0.1 (asked of the system, then handed to nginx). */
const freePort = () =>
  new Promise((ok, fail) => {
    const s = createServer().once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });

/** One raw HTTP GET: the bytes as sent, no decoding. */
const get = (href, headers = {}) =>
  new Promise((ok, fail) => {
    request(href, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', fail);
    })
      .on('error', fail)
      .end();
  });

/** deploy/nginx/site.conf as shipped, on a local port and root, with `extra` in its server. */
async function site(port, extra = '') {
  let conf = await readFile('deploy/nginx/site.conf', 'utf8');
  for (const [from, to] of [
    ['listen 80;', `listen 127.0.0.1:${port};`],
    ['root /srv/www;', `root ${dir}/www;\n${extra}`],
  ]) {
    assert.ok(conf.includes(from), `deploy/nginx/site.conf no longer has "${from}"`);
    conf = conf.replace(from, () => to);
  }
  return conf;
}

before(async () => {
  assert.ok(existsSync(NGINX), `no ${NGINX}: run make setup (scripts/setup.sh installs nginx)`);
  assert.ok(hashed.wasm && hashed.js && hashed.css, `hashed files not found in dist/: ${top.join(' ')}`);
  await rm(dir, { recursive: true, force: true });
  for (const sub of ['snippets', 'sites', 'www/maps', 'host', 'faults', 'logs', 'temp']) await mkdir(join(dir, sub), { recursive: true });
  ports = { map: await freePort(), faults: await freePort(), host: await freePort() };

  // Installed as site.conf tells a host to: the rules, the policy of this build, dist/.
  await copyFile('deploy/nginx/ceasefire-map.conf', join(dir, 'snippets/ceasefire-map.conf'));
  const csp = execFileSync('sh', ['deploy/nginx/csp-snippet.sh', dist], { encoding: 'utf8' });
  await writeFile(join(dir, 'snippets/ceasefire-map-csp.conf'), csp);
  await symlink(dist, join(dir, 'www', SUB.replace(/\/$/, '')));

  const half = async (file) => (await readFile(join(dist, 'geodata', file))).subarray(0, (await stat(join(dist, 'geodata', file))).size >> 1);
  await writeFile(join(dir, 'faults/places.geojson'), await half('places.geojson'));
  await copyFile(join(dist, 'geodata/inset.geojson'), join(dir, 'faults/inset.geojson'));
  await writeFile(join(dir, 'faults/inset.geojson.br'), await half('inset.geojson.br'));
  // The test-only include: exact-match locations, which win over the map's prefix location.
  const faults = Object.entries(FAULTS).map(([file, { conf }]) => `location = ${SUB}geodata/${file} { ${conf} }\n`);
  await writeFile(join(dir, 'faults.conf'), faults.join(''));
  await writeFile(join(dir, 'sites/map.conf'), await site(ports.map));
  await writeFile(join(dir, 'sites/faults.conf'), await site(ports.faults, `    include ${dir}/faults.conf;`));

  // The example news page, on another origin, pointed at the map.
  const example = (await readFile('examples/news-page.html', 'utf8')).replaceAll('https://maps.example.org/karabakh/', url(ports.map));
  await writeFile(join(dir, 'host/news-page.html'), example);

  const conf = join(dir, 'nginx.conf');
  await writeFile(
    conf,
    [
      // As root (CI), the workers would otherwise drop to `nobody`, who may not read the clone.
      process.getuid?.() === 0 ? 'user root;' : '',
      existsSync(BROTLI_STATIC) ? `load_module ${BROTLI_STATIC};` : '',
      'daemon off;',
      'worker_processes 1;',
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/logs/error.log warn;`,
      'events { worker_connections 256; }',
      'http {',
      `  log_format map '$status $request_method $uri $sent_http_content_encoding';`,
      `  access_log ${dir}/logs/access.log map;`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/temp/${t};`),
      '  sendfile on;',
      '  types { text/html html; }',
      '  default_type application/octet-stream;',
      `  include ${dir}/sites/*.conf;`,
      `  server { listen 127.0.0.1:${ports.host}; root ${dir}/host; }`,
      '}',
      '',
    ].join('\n'),
  );
  const args = ['-p', `${dir}/`, '-c', conf, '-e', join(dir, 'logs/error.log')];
  // The shipped files load with no warning (a host sees the same).
  const check = spawnSync(NGINX, [...args, '-t'], { encoding: 'utf8' });
  assert.equal(check.status, 0, `nginx -t: ${check.stderr}`);
  assert.doesNotMatch(check.stderr, /\[(warn|emerg|alert|crit|error)\]/, `nginx -t: ${check.stderr}`);
  nginx = spawn(NGINX, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  nginx.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise((ok) => nginx.once('exit', (code) => ok(code)));
  for (let i = 0; ; i++) {
    const up = await get(url(ports.map)).then(
      (r) => r.status === 200,
      () => false,
    );
    if (up) break;
    const code = await Promise.race([exited, new Promise((ok) => setTimeout(() => ok(undefined), 100))]);
    const log = () => `${stderr}${readFileOr(join(dir, 'logs/error.log'))}`;
    assert.equal(code, undefined, `nginx exited (${code}): ${log()}`);
    assert.ok(i < 100, `nginx did not answer within 10 s: ${log()}`);
  }
  browser = await chromium.launch(launchOptions);
  await mkdir('target/e2e', { recursive: true });
});

function readFileOr(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

after(async () => {
  await browser?.close();
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((ok) => nginx.once('exit', ok));
    nginx.kill('SIGTERM');
    await exited;
  }
});

/** The requests nginx has logged: "STATUS METHOD URI ENCODING" lines. */
const accessLog = async () => (await readFile(join(dir, 'logs/access.log'), 'utf8')).split('\n').filter(Boolean);

/** Waits for `selector`, or fails at once with the first CSP violation report. */
async function drawnOrBlocked(frame, selector) {
  await frame.waitForFunction((s) => document.querySelector(s) || window.__cspViolations?.length > 0, selector);
  assert.deepEqual(await frame.evaluate(() => window.__cspViolations), [], 'CSP violations');
  assert.ok(await frame.$(selector), selector);
}

/** Records CSP violations in every frame, and console errors and warnings. */
async function watchedContext() {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  page.messages = [];
  // Warnings count too (a wrong type for the wasm is only a warning), except Chromium's
  // note that it does not check the integrity of Trunk's wasm preload.
  const known = /integrity. attribute is currently ignored for preload destinations/;
  page.on('console', (m) => ['error', 'warning'].includes(m.type()) && !known.test(m.text()) && page.messages.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => page.messages.push(String(e)));
  return { context, page };
}

test('make dist leaves a .br and a .gz beside every text and wasm file, each the same bytes', async () => {
  const entries = await readdir(dist, { recursive: true });
  const files = [];
  // Every file but images, and Trunk's own `.trunk-lock`.
  for (const f of entries) {
    if (/(^|\/)\.|\.(br|gz|png|jpe?g|gif|webp|ico|woff2?)$/.test(f) || !(await stat(join(dist, f))).isFile()) continue;
    files.push(f);
  }
  for (const needed of ['index.html', hashed.wasm, hashed.js, hashed.css, 'embed.js', 'csp.txt', 'geodata/story.json', 'geodata/places.geojson']) {
    assert.ok(files.includes(needed), `${needed} not in dist/`);
  }
  for (const f of files) {
    const body = await readFile(join(dist, f));
    for (const [ext, decode] of [['br', brotliDecompressSync], ['gz', gunzipSync]]) {
      const packed = await readFile(join(dist, `${f}.${ext}`)).catch(() => null);
      assert.ok(packed, `dist/${f}.${ext} is missing`);
      assert.ok(decode(packed).equals(body), `dist/${f}.${ext} is not dist/${f} (compressed before a later change?)`);
    }
  }
  // Compressed, not rewritten: Trunk's integrity hashes still hold.
  const { createHash } = await import('node:crypto');
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const integrity = [...html.matchAll(/href="?\.?\/?([^"\s>]+)"?[^>]*integrity="?(sha384-[^"\s>]+)/g)];
  assert.ok(integrity.length >= 2, 'no integrity= hashes in dist/index.html');
  for (const [, file, sri] of integrity) {
    const digest = createHash('sha384').update(await readFile(join(dist, file))).digest('base64');
    assert.equal(`sha384-${digest}`, sri, file);
  }
});

test('nginx sends each file with its type, its cache rule, the CSP, and the precompressed bytes', async () => {
  const br = { 'accept-encoding': 'gzip, deflate, br' };
  const cases = [
    [SUB, 'index.html', 'text/html; charset=utf-8', 'no-cache'],
    [`${SUB}${hashed.wasm}`, hashed.wasm, 'application/wasm', 'public, max-age=31536000, immutable'],
    [`${SUB}${hashed.js}`, hashed.js, 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
    [`${SUB}${hashed.css}`, hashed.css, 'text/css; charset=utf-8', 'public, max-age=31536000, immutable'],
    [`${SUB}geodata/story.json`, 'geodata/story.json', 'application/json; charset=utf-8', 'no-cache'],
    [`${SUB}geodata/ceasefire.geojson`, 'geodata/ceasefire.geojson', 'application/geo+json; charset=utf-8', 'no-cache'],
    [`${SUB}geodata/article.fr.txt`, 'geodata/article.fr.txt', 'text/plain; charset=utf-8', 'no-cache'],
    [`${SUB}embed.js`, 'embed.js', 'text/javascript; charset=utf-8', 'no-cache'],
  ];
  for (const [path, file, type, cache] of cases) {
    const res = await get(url(ports.map, path), br);
    const body = await readFile(join(dist, file));
    assert.equal(res.status, 200, path);
    assert.equal(res.headers['content-type'], type, path);
    assert.equal(res.headers['cache-control'], cache, path);
    assert.equal(res.headers['content-security-policy'], policy, path);
    assert.equal(res.headers['x-content-type-options'], 'nosniff', path);
    assert.equal(res.headers['content-encoding'], 'br', path);
    assert.match(res.headers.vary ?? '', /accept-encoding/i, path);
    assert.ok(brotliDecompressSync(res.body).equals(body), `${path}: the brotli body is not dist/${file}`);
  }

  // A browser that takes only gzip gets the .gz; one that takes nothing, the file itself.
  const wasm = await readFile(join(dist, hashed.wasm));
  const gz = await get(url(ports.map, `${SUB}${hashed.wasm}`), { 'accept-encoding': 'gzip' });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.ok(gunzipSync(gz.body).equals(wasm));
  const plain = await get(url(ports.map, `${SUB}${hashed.wasm}`));
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(plain.headers['content-type'], 'application/wasm');
  assert.ok(plain.body.equals(wasm));

  // no-cache costs a short 304 while the page is unchanged.
  const first = await get(url(ports.map), br);
  const validator = first.headers.etag ? { 'if-none-match': first.headers.etag } : { 'if-modified-since': first.headers['last-modified'] };
  assert.ok(first.headers.etag || first.headers['last-modified'], 'index.html comes with no validator');
  const again = await get(url(ports.map), { ...br, ...validator });
  assert.equal(again.status, 304);

  // A missing file is a 404 (never the page in its place), with the same headers.
  const missing = await get(url(ports.map, `${SUB}geodata/no-such-layer.geojson`), br);
  assert.equal(missing.status, 404);
  assert.equal(missing.headers['content-security-policy'], policy);
  assert.equal(missing.headers['x-content-type-options'], 'nosniff');
});

test('through nginx the map runs under its CSP with no violation, gets brotli, and a reload takes the hashed files from the cache', async () => {
  const { context, page } = await watchedContext();
  try {
    const encodings = new Map();
    page.on('response', async (r) => {
      if (/\.(wasm|js|css|json|geojson|txt)$/.test(new URL(r.url()).pathname)) {
        encodings.set(new URL(r.url()).pathname, await r.headerValue('content-encoding'));
      }
    });
    const response = await page.goto(url(ports.map) + '#feature=peacekeeper-hq');
    assert.equal(await response.headerValue('content-security-policy'), policy);
    await drawnOrBlocked(page, '[data-details="peacekeeper-hq"]');
    await page.hover('[data-feature-id="stepanakert"] circle');
    await page.waitForSelector('[data-tooltip]');
    assert.equal(await page.locator('[data-problems]').count(), 0, 'the story loads without a problem');
    assert.ok((await page.locator('[data-feature-id]').count()) >= 40);

    for (const path of [`${SUB}${hashed.wasm}`, `${SUB}${hashed.js}`, `${SUB}geodata/story.json`, `${SUB}geodata/ceasefire.geojson`, `${SUB}geodata/article.fr.txt`]) {
      assert.equal(encodings.get(path), 'br', `${path} came with Content-Encoding ${encodings.get(path)}`);
    }

    // A reload asks for the page again (no-cache), never for the hashed files.
    const before = await accessLog();
    await page.reload();
    await page.waitForSelector('[data-details="peacekeeper-hq"]');
    const fetched = (await accessLog()).slice(before.length).map((l) => l.split(' ')[2]);
    assert.ok(fetched.includes(SUB) || fetched.includes(`${SUB}index.html`), `the page was not asked for again: ${fetched}`);
    for (const file of Object.values(hashed)) assert.ok(!fetched.includes(`${SUB}${file}`), `${file} was fetched again on reload`);
    const cached = await page.evaluate((names) => {
      const entries = performance.getEntriesByType('resource');
      return names.map((n) => entries.find((e) => e.name.endsWith(n))?.transferSize ?? null);
    }, Object.values(hashed));
    assert.deepEqual(cached, [0, 0, 0], 'hashed files should come from the browser cache (transferSize 0)');

    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    assert.deepEqual(page.messages, []);
  } finally {
    await context.close();
  }
});

test('the example news page on another origin embeds the map from nginx: no violation, and its spans drive the map', async () => {
  const { context, page } = await watchedContext();
  try {
    await page.goto(url(ports.host, '/news-page.html'));
    const map = page.frameLocator('#carte');
    await map.locator('html').waitFor({ state: 'attached' });
    const frame = page.frames().find((f) => f.url().startsWith(url(ports.map)));
    assert.ok(frame, 'the map frame comes from nginx');
    await drawnOrBlocked(frame, '[data-feature-id="contact-line"]');
    // The script keeps the frame as tall as its content (taller than the 720 px set).
    await page.waitForFunction(() => document.getElementById('carte').style.height !== '720px');

    await page.click('[data-ceasefire-feature="lachin-corridor"]');
    await map.locator('[data-feature-id="lachin-corridor"][data-selected="true"]').waitFor();
    assert.equal(await map.locator('[data-details="lachin-corridor"]').count(), 1);

    assert.deepEqual(await frame.evaluate(() => window.__cspViolations), []);
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    assert.deepEqual(page.messages, []);
  } finally {
    await context.close();
  }
});

test('one layer answering 404, another 500, one cut short, one too slow, and a brotli file cut short: each is named on the map, the rest draws', async () => {
  const { context, page } = await watchedContext();
  try {
    await page.goto(url(ports.faults));
    // The slow one is given up after the map's time-out (20 s).
    // (Files are named by their name: the locator map's parse errors leave out `geodata/`.)
    await page.waitForFunction(
      (files) => files.every((f) => document.querySelector(`[data-problem-file$="${f}"]`)),
      Object.keys(FAULTS),
      { timeout: 60_000, polling: 250 },
    );
    const problems = await page.$$eval('[data-problem-file]', (lis) => lis.map((li) => [li.dataset.problemFile.split('/').pop(), li.textContent]));
    for (const [file, { problem }] of Object.entries(FAULTS)) {
      const text = problems.filter(([f]) => f === file).map(([, t]) => t).join(' | ');
      console.log(text);
      assert.match(text, problem, `${file}: ${text}`);
    }
    for (const sound of ['karabakh.geojson', 'ceasefire.geojson', 'article.fr.txt', 'article.en.txt']) {
      assert.ok(!problems.some(([f]) => f === sound), `${sound} is named though it loaded`);
    }
    // The layers that arrived are drawn; those that failed are not.
    for (const id of ['nagorno-karabakh', 'contact-line', 'lachin-corridor', 'peacekeeping-zone']) {
      assert.equal(await page.locator(`[data-feature-id="${id}"]`).count(), 1, id);
    }
    for (const id of ['armenia', 'lake-sevan', 'stepanakert']) {
      assert.equal(await page.locator(`[data-feature-id="${id}"]`).count(), 0, id);
    }
    assert.equal(await page.locator('[data-inset]').count(), 0, 'the locator map is drawn from half a file');
    assert.ok((await page.textContent('article')).includes('ligne de contact'));
    await page.screenshot({ path: 'target/e2e/nginx-faults.png' });
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  } finally {
    await context.close();
  }
});
