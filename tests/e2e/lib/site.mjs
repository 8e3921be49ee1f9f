// The set-up every end-to-end test file shares: dist/ served on a free port of 127.0.0.1
// and one headless Chromium, both started before the file's tests and closed after them.
import { before, after } from 'node:test';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serve, launchOptions } from '../server.mjs';
import { open } from './page.mjs';

/**
 * Registers the hooks and returns the site: `site.url`, `site.browser`, and
 * `site.open(hash, options)` (see `open` in page.mjs) for a page of the bundle.
 */
export function useSite(root = resolve('dist')) {
  const site = {
    open: (hash = '', options) => open(site.browser, site.url + hash, options),
  };
  before(async () => {
    site.server = await serve(root);
    site.url = site.server.url;
    site.browser = await chromium.launch(launchOptions);
    await mkdir('target/e2e', { recursive: true });
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
