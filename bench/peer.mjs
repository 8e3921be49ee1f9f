// The benchmark's peer: the plain Leaflet page of bench/leaflet/ with npm leaflet and the
// project's geodata/, assembled into target/bench/leaflet. Resolves to its folder.
import { cp, mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';

export async function assemblePeer() {
  const peer = resolve('target/bench/leaflet');
  await mkdir(peer, { recursive: true });
  await cp(resolve('bench/leaflet'), peer, { recursive: true });
  await cp(resolve('bench/node_modules/leaflet/dist/leaflet.js'), `${peer}/leaflet.js`);
  await cp(resolve('bench/node_modules/leaflet/dist/leaflet.css'), `${peer}/leaflet.css`);
  await cp(resolve('geodata'), `${peer}/geodata`, { recursive: true });
  return peer;
}
