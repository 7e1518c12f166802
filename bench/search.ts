/**
 * Bytes the first search query transfers: serves the built site, opens a persona page in headless
 * Chromium, opens search with the "/" key, types a query, waits for results, and counts every
 * response from the key press on (the search UI, Pagefind's runtime, metadata, index chunks and
 * the fragments of the results shown), gzip-compressed as a static host would serve it (files that
 * do not get smaller, such as Pagefind's pre-compressed index chunks, count as they are).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.ts';
import type { Bench } from './context.ts';
import { kb } from './format.ts';

export interface SearchTransfer {
  query: string;
  page: string;
  results: number;
  bytes: number;
  byKind: Record<string, number>;
  requests: { url: string; kind: string; raw: number; sent: number }[];
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

export function serve(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    let path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (path.endsWith('/')) path += 'index.html';
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, origin: `http://127.0.0.1:${port}` });
    }),
  );
}

/** Our search UI as Astro bundles it (`/_astro/search.<hash>.js`) or as a static file; Pagefind's own. */
const SEARCH_UI = /^\/(?:_astro\/)?search(?:\.[\w-]+)?\.(?:js|css)$|pagefind-ui\.(?:js|css)$/;

function kindOf(path: string): string {
  if (SEARCH_UI.test(path)) return 'search UI';
  if (/pagefind(-worker)?\.js$|pagefind-entry\.json$|\.wasm$|wasm\.[a-z-]+\.pagefind$/.test(path)) {
    return 'pagefind runtime';
  }
  if (/\/index\/|\.pf_index$/.test(path)) return 'index chunks';
  if (/\/fragment\/|\.pf_fragment$/.test(path)) return 'fragments';
  if (/\/filter\/|\.pf_filter$/.test(path)) return 'filters';
  if (/\.pf_meta$/.test(path)) return 'metadata';
  return 'other';
}

/** `typed` enters the query key by key (80 ms apart) as a person does; otherwise it is pasted at once. */
export async function searchTransfer(
  dist: string,
  page: string,
  query: string,
  options: { chromium?: string; typed?: boolean } = {},
): Promise<SearchTransfer> {
  const chromium = options.chromium ?? CHROMIUM;
  const { chromium: browserType } = await import('playwright-core');
  const { server, origin } = await serve(dist);
  const browser = await browserType.launch({
    executablePath: chromium,
    args: CHROMIUM_ARGS,
  });
  try {
    const tab = await browser.newPage();
    const seen: Promise<SearchTransfer['requests'][number] | undefined>[] = [];
    let recording = false;
    tab.on('response', (response) => {
      if (!recording) return;
      seen.push(
        response.body().then(
          (body) => {
            const path = new URL(response.url()).pathname;
            const sent = Math.min(body.length, gzipSync(body).length);
            return { url: path, kind: kindOf(path), raw: body.length, sent };
          },
          () => undefined,
        ),
      );
    });
    await tab.goto(`${origin}${page}`, { waitUntil: 'networkidle' });
    recording = true;
    await tab.keyboard.press('/');
    const input = tab.locator('#_search-ui input[type="search"]').first();
    await input.waitFor({ timeout: 30_000 });
    if (options.typed ?? true) await input.pressSequentially(query, { delay: 80 });
    else await input.fill(query);
    await tab.locator('#_search-results .search-result').first().waitFor({ timeout: 30_000 });
    await tab.waitForLoadState('networkidle');
    await tab.waitForTimeout(1500);
    const results = await tab.locator('#_search-results .search-result').count();
    recording = false;
    const requests = (await Promise.all(seen)).filter((r): r is NonNullable<typeof r> => r !== undefined);
    const byKind: Record<string, number> = {};
    for (const r of requests) byKind[r.kind] = (byKind[r.kind] ?? 0) + r.sent;
    return { query, page, results, bytes: requests.reduce((a, r) => a + r.sent, 0), byKind, requests };
  } finally {
    await browser.close();
    server.close();
  }
}

export interface SearchOptions {
  /** The size of the site, for the progress line. */
  pages: number;
  query: string;
  chromium: string;
}

/**
 * The first query on `page` of the built site, typed and then pasted; nothing when Chromium is
 * missing (said so on the way).
 */
export async function measureSearch(
  b: Bench,
  dist: string,
  page: string,
  options: SearchOptions,
): Promise<{ typed?: SearchTransfer; pasted?: SearchTransfer }> {
  const { pages, query, chromium } = options;
  if (!existsSync(chromium)) {
    b.say(`search: skipped, no Chromium at ${chromium} (pass --chromium PATH)`);
    return {};
  }
  b.say(`search: first query "${query}" on ${page} at ${pages} pages…`);
  const typed = await searchTransfer(dist, page, query, { chromium, typed: true });
  const shown = `${typed.results} results shown`;
  b.say(`search: typed, ${kb(typed.bytes)} gzip in ${typed.requests.length} responses, ${shown}`);
  const pasted = await searchTransfer(dist, page, query, { chromium, typed: false });
  b.say(`search: pasted, ${kb(pasted.bytes)} gzip in ${pasted.requests.length} responses`);
  return { typed, pasted };
}
