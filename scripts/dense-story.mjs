// A synthetic dense story for the benchmark's level-of-detail check; not committed output.
//
// Copies a built site and rewrites the main map's layers (those story.json lists; the
// locator inset is left alone) so that their lines and polygon rings together hold about
// <target-vertices> positions (points are left alone). The extra
// vertices go on each segment in proportion to its length (in degrees) and stray off it by
// a seeded Brownian bridge: zero at both ends, at most 2% of the segment and 0.002°. So the
// original vertices (line ends, closed rings), the winding and every property stay as they
// were, while a simplifier has real, non-collinear work to do. Same input, same output.
//
//   node scripts/dense-story.mjs <site-dir> <out-dir> [target-vertices=1000000]
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

const started = performance.now();
const [site, out, targetArg = '1000000'] = process.argv.slice(2);
const target = Math.round(Number(targetArg));
if (!site || !out || !(target > 0)) {
  console.error('usage: node scripts/dense-story.mjs <site-dir> <out-dir> [target-vertices=1000000]');
  process.exit(2);
}
// out-dir is removed first: refuse if that would remove the site itself.
if (relative(resolve(out), resolve(site)).split(sep)[0] !== '..') {
  console.error(`refusing: ${out} is ${site} or contains it`);
  process.exit(2);
}

// mulberry32: a small seeded PRNG, uniform in [0, 1).
function mulberry32(a) {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const round6 = (v) => Math.round(v * 1e6) / 1e6;
// Shoelace sum: > 0 for counter-clockwise rings.
const signedArea = (r) => r.reduce((s, [x, y], i) => (i ? s + r[i - 1][0] * y - x * r[i - 1][1] : 0), 0) / 2;

// Every position list of a line or polygon, as [holder, key, isRing] so it can be replaced.
function collect(g, slots) {
  const each = (arr, ring) => arr.forEach((_, i) => slots.push([arr, i, ring]));
  switch (g?.type) {
    case 'LineString': slots.push([g, 'coordinates', false]); break;
    case 'MultiLineString': each(g.coordinates, false); break;
    case 'Polygon': each(g.coordinates, true); break;
    case 'MultiPolygon': g.coordinates.forEach((p) => each(p, true)); break;
    case 'GeometryCollection': g.geometries.forEach((h) => collect(h, slots)); break;
  }
}

rmSync(out, { recursive: true, force: true });
cpSync(site, out, { recursive: true });
const dir = join(out, 'geodata');
const layers = new Set(JSON.parse(readFileSync(join(dir, 'story.json'), 'utf8')).layers.map((l) => l.file));
const files = readdirSync(dir).filter((n) => layers.has(n)).sort().map((name) => {
  const json = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  const slots = [];
  for (const f of json.features ?? []) collect(f.geometry, slots);
  return { name, json, slots, before: slots.reduce((n, [o, k]) => n + o[k].length, 0) };
});
const slots = files.flatMap((f) => f.slots);
const before = files.reduce((n, f) => n + f.before, 0);
let length = 0;
for (const [o, k] of slots) for (let i = 1, p = o[k]; i < p.length; i++) length += Math.hypot(p[i][0] - p[i - 1][0], p[i][1] - p[i - 1][1]);
const extra = length > 0 ? Math.max(0, target - before) : 0;
if (target < before) console.warn(`target ${target} is below the ${before} positions already there: nothing added`);

// Walk all segments in one fixed order; a segment gets the vertices by which the rounded
// running share of `extra` grows over it, so the shares add up to `extra` exactly.
const rand = mulberry32(0x5eed);
let walked = 0, placed = 0, rings = 0, flipped = 0;
for (const [o, k, ring] of slots) {
  const p = o[k], q = [p[0]];
  for (let i = 1; i < p.length; i++) {
    const [x0, y0] = p[i - 1], [x1, y1] = p[i], dx = x1 - x0, dy = y1 - y0, len = Math.hypot(dx, dy);
    walked += len;
    const n = Math.round((extra * walked) / length) - placed;
    placed += n;
    if (n > 0) {
      // Brownian bridge b[0..n+1]: a random walk, tilted so it ends where it starts,
      // scaled so its largest excursion is the noise amplitude.
      const b = new Float64Array(n + 2);
      for (let j = 1; j <= n + 1; j++) b[j] = b[j - 1] + rand() * 2 - 1;
      let max = 0;
      for (let j = 1; j <= n; j++) max = Math.max(max, Math.abs((b[j] -= (b[n + 1] * j) / (n + 1))));
      const s = max > 0 ? Math.min(0.02 * len, 0.002) / max / len : 0; // per unit of normal (-dy, dx)
      for (let j = 1; j <= n; j++) {
        // Near the ends the offset is also kept under a tenth of the distance to the end,
        // so the noise of two segments meeting at a sharp vertex (> ~12°) cannot cross.
        const t = j / (n + 1), c = 0.1 * Math.min(t, 1 - t), off = Math.max(-c, Math.min(c, b[j] * s));
        q.push([round6(x0 + dx * t - dy * off), round6(y0 + dy * t + dx * off)]);
      }
    }
    q.push(p[i]);
  }
  if (ring) rings++, (flipped += Math.sign(signedArea(p)) !== Math.sign(signedArea(q)));
  o[k] = q;
}

// Write back (one line plus newline, as the build has it) and summarise.
const rows = files.map(({ name, json, slots, before }) => {
  const text = JSON.stringify(json) + '\n';
  writeFileSync(join(dir, name), text);
  return { file: name, before, after: slots.reduce((n, [o, k]) => n + o[k].length, 0), bytes: Buffer.byteLength(text) };
});
rows.push(rows.reduce((t, r) => ({ file: 'total', before: t.before + r.before, after: t.after + r.after, bytes: t.bytes + r.bytes }),
  { file: 'total', before: 0, after: 0, bytes: 0 }));
console.log(`${dir}: target ${target} positions in lines and rings (points not counted)`);
for (const r of rows) console.log(`${r.file.padEnd(20)} ${String(r.before).padStart(8)} -> ${String(r.after).padStart(8)} positions ${String(r.bytes).padStart(10)} bytes`);
console.log(`rings: ${rings}, winding flipped: ${flipped}; ${((performance.now() - started) / 1000).toFixed(2)} s`);
