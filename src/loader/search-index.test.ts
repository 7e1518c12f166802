/**
 * The indexer that takes pages while the site is still being written: which files it takes, and that
 * what it indexes early ends up as the index indexSite writes for the finished folder (real Pagefind).
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fileHashes } from '../../tests/helpers/files.ts';
import { indexSite, isCompletePage, startIndexer } from './search-index.ts';

const work = mkdtempSync(join(tmpdir(), 'playbook-search-index-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeEach(() => {
  process.env.PLAYBOOK_SEARCH_RUN_PAGES = '2';
});
afterEach(() => {
  delete process.env.PLAYBOOK_SEARCH_RUN_PAGES;
});

const HEAD = '<!doctype html><html lang="en"><head><title>x</title></head><body>';
const TAIL = '</body></html>\n';
const marked = (words: string) => `${HEAD}<main data-pagefind-body><h1>${words}</h1><p>${words}</p></main>`;

function write(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

describe('isCompletePage', () => {
  test('a page is complete when it ends with </html>, trailing whitespace aside', () => {
    expect(isCompletePage(`${HEAD}${TAIL}`)).toBe(true);
    expect(isCompletePage(`${HEAD}</BODY></HTML>`)).toBe(true);
    expect(isCompletePage(`${HEAD}</body></html>\n\t \n`)).toBe(true);
    expect(isCompletePage(`${HEAD}<p>a</p>`)).toBe(false);
    expect(isCompletePage(`${HEAD}</body></ht`)).toBe(false);
    expect(isCompletePage('')).toBe(false);
    expect(isCompletePage('<code>&lt;/html></code>')).toBe(false);
  });
});

describe('startIndexer', () => {
  test('takes a page only once it is completely written, and indexes what indexSite would', async () => {
    const site = join(work, 'partial');
    write(site, 'a/index.html', `${marked('alpha pipeline')}${TAIL}`);
    write(site, 'b/index.html', marked('bravo forecast'));
    write(site, 'c/index.html', `${HEAD}<main><h1>Not for search</h1></main>${TAIL}`);
    // Pagefind's own output and Astro's assets are never pages.
    write(site, '_astro/x.html', `${marked('asset')}${TAIL}`);
    const indexer = startIndexer(site);
    expect(indexer.scan(), 'one complete searchable page: less than a run').toBe(0);
    write(site, 'b/index.html', `${marked('bravo forecast')}${TAIL}`);
    expect(indexer.scan(), 'b is complete now: a run over a and b').toBe(2);
    write(site, 'd/index.html', `${marked('delta churn')}${TAIL}`);
    expect(indexer.scan(), 'one new page: less than a run').toBe(0);
    const result = await indexer.finish();
    expect(result).toEqual({ pages: 3, runs: 2, warnings: [] });
    expect(indexer.pagesBeforeFinish).toBe(2);

    const copy = join(work, 'partial-copy');
    cpSync(site, copy, { recursive: true });
    rmSync(join(copy, 'pagefind'), { recursive: true });
    delete process.env.PLAYBOOK_SEARCH_RUN_PAGES;
    expect(await indexSite(copy)).toEqual({ pages: 3, runs: 1, warnings: [] });
    expect(fileHashes(join(site, 'pagefind'))).toEqual(fileHashes(join(copy, 'pagefind')));
  });

  test('a page that changes or goes away after a run took it is indexed as the finished folder has it', async () => {
    const site = join(work, 'changed');
    for (const name of ['a', 'b', 'c', 'd'])
      write(site, `${name}/index.html`, `${marked(`${name} before renewal`)}${TAIL}`);
    const indexer = startIndexer(site);
    expect(indexer.scan()).toBe(2);
    expect(indexer.scan(), 'one run at a time').toBe(0);
    // c and d wait for the first run (a and b) to end, which starts the second without another
    // scan; once the second has started, Pagefind has read a.
    for (let tries = 0; indexer.runsStarted < 2 && tries < 200; tries++) {
      await new Promise((done) => setTimeout(done, 50));
    }
    expect(indexer.runsStarted).toBe(2);
    write(site, 'a/index.html', `${marked('a after territory expansion')}${TAIL}`);
    rmSync(join(site, 'b'), { recursive: true });
    const result = await indexer.finish();
    expect(result).toEqual({ pages: 3, runs: 2, warnings: [] });
    expect(indexer.pagesBeforeFinish, 'the first run is set aside, the second kept').toBe(2);

    const copy = join(work, 'changed-copy');
    cpSync(site, copy, { recursive: true });
    rmSync(join(copy, 'pagefind'), { recursive: true });
    await indexSite(copy);
    expect(fileHashes(join(site, 'pagefind'))).toEqual(fileHashes(join(copy, 'pagefind')));
  });

  test('abort stops the run under way and starts no other', async () => {
    const site = join(work, 'aborted');
    for (let n = 0; n < 6; n++) write(site, `p${n}/index.html`, `${marked(`page ${n} quota`)}${TAIL}`);
    const indexer = startIndexer(site);
    expect(indexer.scan()).toBe(2);
    await indexer.abort();
    expect(indexer.scan()).toBe(0);
    expect(readdirSync(site)).not.toContain('pagefind');
  });
});
