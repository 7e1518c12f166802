/**
 * Split Pagefind runs merged into one index, checked against the index one Pagefind run writes over
 * the same pages: the real Pagefind binary on a small generated site.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { type Cbor, decodeCbor } from './cbor.ts';
import { compareCodePoints, mergePagefindIndexes, PagefindFormatError } from './pagefind-merge.ts';
import { indexSite, searchablePages, splitRuns } from './search-index.ts';

const work = mkdtempSync(join(tmpdir(), 'playbook-pagefind-merge-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const WORDS = (
  'pipeline forecast churn renewal budget security procurement onboarding revenue quota territory ' +
  'champion economic buyer signal intent expansion retention analyst dashboard'
).split(' ');
const SEGMENTS = ['Enterprise', 'Mid-market', 'SMB'];

/** A small site: 24 marked pages with filters, titles, a metadata field on some, accented words on others. */
function writeSite(root: string): void {
  const page = (path: string, html: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(
      join(root, path),
      `<!doctype html><html lang="en"><head><title>x</title></head><body>${html}</body></html>`,
    );
  };
  for (let n = 0; n < 22; n++) {
    const words = Array.from(
      { length: 30 + n * 3 },
      (_, i) => WORDS[(n * 7 + i * ((n % 5) + 1)) % WORDS.length],
    );
    // "résumé" on the first persona and "resumé" on the last: two variants first seen in different runs.
    const accented =
      [' Le café naïve.', ' The cafe resume naive.', '', ''][n % 4] +
      (n === 0 ? ' Un résumé.' : n === 20 ? ' A resumé.' : '');
    const owner = n === 4 ? '<span data-pagefind-meta="owner">team north</span>' : '';
    page(
      `${n % 2 ? 'icps' : 'personas'}/page-${String(n).padStart(2, '0')}/index.html`,
      `<main data-pagefind-body><h1>Page ${n} ${WORDS[n % WORDS.length]}</h1>${owner}` +
        `<p>${words.join(' ')}.${accented}</p><h2 id="more">More on ${WORDS[(n + 3) % WORDS.length]}</h2>` +
        `<p data-pagefind-filter="Segment">${SEGMENTS[n % 3]}</p>` +
        `<span hidden data-pagefind-filter="Type:${n % 2 ? 'ICP' : 'Persona'}"></span></main>`,
    );
  }
  page(
    'index.html',
    '<main data-pagefind-body><h1>Home</h1><p>The playbook: pipeline and forecast.</p></main>',
  );
  page('404.html', '<main data-pagefind-body=""><h1>Not found</h1><p>Search instead.</p></main>');
  page('retired/index.html', '<main><h1>Retired</h1><p>pipeline forecast</p></main>');
  // Glob metacharacters in a path: the run that has this page must still find it.
  page(
    'odd/a,b {c} (d) [e] $f/index.html',
    '<main data-pagefind-body><h1>Odd</h1><p>Oddly named.</p></main>',
  );
  page('about/index.html', '<main><p>Pages carry &lt;main data-pagefind-body&gt; to be found.</p></main>');
}

/** Pagefind's own single run over `site` into `out`, with an optional chunk size. */
async function pagefindRun(site: string, out: string, chunkSize?: number): Promise<void> {
  const pagefind = await import('pagefind');
  await pagefind.close();
  const before = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
  if (chunkSize) process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(chunkSize);
  try {
    const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
    await index!.addDirectory({ path: site });
    const written = await index!.writeFiles({ outputPath: out });
    expect(written.errors).toEqual([]);
  } finally {
    await pagefind.close();
    if (before === undefined) delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
    else process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = before;
  }
}

const readCbor = (file: string): Cbor => {
  const bytes = gunzipSync(readFileSync(file));
  expect(bytes.subarray(0, 12).toString()).toBe('pagefind_dcd');
  return decodeCbor(bytes.subarray(12));
};

/**
 * An index as data that does not depend on file names or page numbers: pages by URL (word count and
 * fragment), each word's locations by URL (metadata field ids as names), filters by URL, and the
 * chunk ranges.
 */
function canonical(dir: string) {
  const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8'));
  const language = Object.keys(entry.languages)[0]!;
  const meta = readCbor(join(dir, `pagefind.${entry.languages[language].hash}.pf_meta`)) as Cbor[][];
  const fields = (meta[5] ?? []) as string[];
  const pages = (meta[1] as [string, number, string][]).map(([hash, wordCount]) => {
    const fragment = gunzipSync(readFileSync(join(dir, 'fragment', `${hash}.pf_fragment`)));
    const url = JSON.parse(fragment.subarray(12).toString()).url as string;
    return { url, wordCount, fragment: createHash('sha1').update(fragment).digest('hex') };
  });
  const placements = (list: [number, number[], number[]][]) => {
    let page = 0;
    return list
      .map(([delta, locs, metaLocs]) => {
        page += delta;
        const named = metaLocs.map((x) => (x < 0 ? fields[-x - 1] : x));
        return { url: pages[page]!.url, locs, metaLocs: named };
      })
      .sort((a, b) => compareCodePoints(a.url, b.url));
  };
  const words: Record<string, unknown> = {};
  for (const [, , hash] of meta[2] as string[][]) {
    const chunk = readCbor(join(dir, 'index', `${hash}.pf_index`)) as Cbor[][];
    for (const [word, list, variants] of chunk[0] as [string, never, [string, never][]][]) {
      words[word] = {
        pages: placements(list),
        variants: variants.map(([form, vl]) => ({ form, pages: placements(vl) })),
      };
    }
  }
  const filters: Record<string, Record<string, string[]>> = {};
  for (const [name, hash] of meta[3] as string[][]) {
    const [, values] = readCbor(join(dir, 'filter', `${hash}.pf_filter`)) as [string, [string, number[]][]];
    filters[name!] = Object.fromEntries(
      values.map(([v, list]) => [v, list.map((p) => pages[p]!.url).sort(compareCodePoints)]),
    );
  }
  return {
    version: meta[0],
    pages: [...pages].sort((a, b) => compareCodePoints(a.url, b.url)),
    chunks: (meta[2] as string[][]).map(([from, to]) => [from, to]),
    words,
    filters,
    fields,
    pageCount: entry.languages[language].page_count,
  };
}

/** Every file under `dir` with its bytes' hash. */
function files(dir: string, under = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(join(dir, under), { withFileTypes: true })) {
    const path = join(under, entry.name);
    if (entry.isDirectory()) Object.assign(out, files(dir, path));
    else
      out[path] = createHash('sha1')
        .update(readFileSync(join(dir, path)))
        .digest('hex');
  }
  return out;
}

let site: string;
beforeAll(() => {
  site = join(work, 'site');
  writeSite(site);
});

afterEach(() => {
  delete process.env.PLAYBOOK_SEARCH_RUN_PAGES;
});

describe('searchablePages and splitRuns', () => {
  test('only pages with a data-pagefind-body element are indexed, in path order', () => {
    const pages = searchablePages(site);
    expect(pages).toHaveLength(25);
    expect(pages).toContain('odd/a,b {c} (d) [e] $f/index.html');
    expect(pages.slice(0, 3)).toEqual(['404.html', 'icps/page-01/index.html', 'icps/page-03/index.html']);
    expect(pages).toContain('index.html');
    expect(pages).not.toContain('retired/index.html');
    // The attribute named in text (escaped) is not an element carrying it.
    expect(pages).not.toContain('about/index.html');
  });

  test('runs are in order, nearly equal, and never more than asked for', () => {
    const items = Array.from({ length: 24 }, (_, i) => i);
    const runs = splitRuns(items, 7);
    expect(runs.map((r) => r.length)).toEqual([6, 6, 6, 6]);
    expect(runs.flat()).toEqual(items);
    expect(splitRuns(items, 24)).toEqual([items]);
    expect(splitRuns(items, 1)).toHaveLength(24);
    expect(splitRuns([], 10)).toEqual([[]]);
  });

  test('runs that go two at a time come in an even number where there are pages enough', () => {
    const items = Array.from({ length: 3000 }, (_, i) => i);
    const sizes = (runs: number[][]) => runs.map((r) => r.length);
    // Five runs of 600 would leave the last one alone; six of 500 end in pairs.
    expect(sizes(splitRuns(items, 600))).toEqual([600, 600, 600, 600, 600]);
    expect(sizes(splitRuns(items, 600, 2))).toEqual([500, 500, 500, 500, 500, 500]);
    expect(splitRuns(items, 600, 2).flat()).toEqual(items);
    expect(sizes(splitRuns(items, 500, 2))).toEqual([500, 500, 500, 500, 500, 500]);
    // One run's worth stays one run; too few pages for the pairs give one page a run.
    expect(splitRuns(items, 3000, 2)).toEqual([items]);
    expect(sizes(splitRuns([1, 2, 3], 2, 4))).toEqual([1, 1, 1]);
    expect(splitRuns([], 10, 2)).toEqual([[]]);
  });
});

describe('indexSite in several runs', () => {
  let single: ReturnType<typeof canonical>;

  beforeAll(async () => {
    // Pagefind's own index, from one run over every page, with chunks small enough to make several.
    await pagefindRun(site, join(work, 'pagefind-single'), 150);
    single = canonical(join(work, 'pagefind-single'));
    expect(single.chunks.length).toBeGreaterThan(5);
  });

  test('merging runs gives the index one Pagefind run writes: pages, words, variants, filters, chunks', async () => {
    process.env.PLAYBOOK_SEARCH_RUN_PAGES = '5';
    const runs = mkdtempSync(join(work, 'runs-'));
    const parts: string[] = [];
    for (const [i, pages] of splitRuns(searchablePages(site), 5).entries()) {
      const part = join(runs, `site-${i}`);
      for (const page of pages) cpSync(join(site, page), join(part, page));
      await pagefindRun(part, join(runs, `index-${i}`));
      parts.push(join(runs, `index-${i}`));
    }
    expect(parts).toHaveLength(5);
    const merged = await mergePagefindIndexes(parts, join(runs, 'merged'), { chunkSize: 150 });
    expect(merged.pages).toBe(25);
    const result = canonical(join(runs, 'merged'));
    expect(result).toEqual(single);
    // The parts of this site exercise every merge path: accents, a metadata field some runs lack.
    expect(result.fields).toEqual(['owner', 'title']);
    expect(result.words.cafe).toMatchObject({ variants: [{ form: 'café' }] });
    expect((result.words.cafe as { pages: unknown[] }).pages.length).toBeGreaterThan(1);
    expect(Object.keys(result.filters)).toEqual(['Segment', 'Type']);
    expect(result.words.resum).toMatchObject({ variants: [{ form: 'résumé' }, { form: 'resumé' }] });
    // Runs given in any order make the same files: pages go in URL order.
    await mergePagefindIndexes(parts.toReversed(), join(runs, 'reversed'), { chunkSize: 150 });
    expect(files(join(runs, 'reversed'))).toEqual(files(join(runs, 'merged')));
  });

  test('one run or many, the files written are the same, byte for byte', async () => {
    const one = join(work, 'one');
    const many = join(work, 'many');
    cpSync(site, one, { recursive: true });
    cpSync(site, many, { recursive: true });
    expect(await indexSite(one)).toEqual({ pages: 25, runs: 1, warnings: [] });
    process.env.PLAYBOOK_SEARCH_RUN_PAGES = '4';
    // 25 pages need 7 runs of 4; they go two at a time where there are two cores, so 8 then.
    const runs = Math.min(2, availableParallelism()) === 2 ? 8 : 7;
    expect(await indexSite(many)).toEqual({ pages: 25, runs, warnings: [] });
    const written = files(join(one, 'pagefind'));
    expect(files(join(many, 'pagefind'))).toEqual(written);
    expect(Object.keys(written)).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-entry.json']));
    // Same as Pagefind's own at its default chunk size, but for the file names.
    await pagefindRun(site, join(work, 'pagefind-default'));
    expect(canonical(join(one, 'pagefind'))).toEqual(canonical(join(work, 'pagefind-default')));
  });

  test('files are named after the whole index: any change to a page renames every file', async () => {
    const copy = join(work, 'changed');
    cpSync(join(work, 'one'), copy, { recursive: true });
    const page = join(copy, 'icps/page-01/index.html');
    writeFileSync(page, readFileSync(page, 'utf8').replace('<h1>', '<h1>Changed '));
    await indexSite(copy);
    const before = Object.keys(files(join(work, 'one', 'pagefind'))).filter((f) =>
      /^(fragment|index|filter)\//.test(f),
    );
    const after = Object.keys(files(join(copy, 'pagefind'))).filter((f) =>
      /^(fragment|index|filter)\//.test(f),
    );
    expect(after).toHaveLength(before.length);
    expect(after.filter((f) => before.includes(f))).toEqual([]);
  });

  test('a site with no searchable page still gets the search runtime, with nothing in it', async () => {
    const empty = join(work, 'empty');
    mkdirSync(empty);
    writeFileSync(
      join(empty, 'index.html'),
      '<!doctype html><html lang="en"><body><main>Nothing</main></body></html>',
    );
    expect(await indexSite(empty)).toEqual({ pages: 0, runs: 1, warnings: [] });
    const entry = JSON.parse(readFileSync(join(empty, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(entry.languages).toEqual({});
    expect(readdirSync(join(empty, 'pagefind'))).toContain('pagefind.js');
  });

  test('a Pagefind run that fails stops the indexing, saying which run and what Pagefind said', async () => {
    const fake = join(work, 'fake-pagefind');
    writeFileSync(fake, '#!/bin/sh\necho "Error: no room left on the device" >&2\nexit 3\n', { mode: 0o755 });
    process.env.PAGEFIND_EXTENDED_BINARY_PATH = fake;
    try {
      await expect(indexSite(join(work, 'one'))).rejects.toThrow(
        /Pagefind exited with code 3 while indexing 25 pages of .*one \(404\.html to personas\/page-20\/index\.html\):\nError: no room left on the device/,
      );
      process.env.PAGEFIND_EXTENDED_BINARY_PATH = join(work, 'no-such-program');
      await expect(indexSite(join(work, 'one'))).rejects.toThrow(
        /Pagefind could not start \(.*no-such-program\): .*ENOENT/,
      );
    } finally {
      delete process.env.PAGEFIND_EXTENDED_BINARY_PATH;
    }
  });

  test('PLAYBOOK_SEARCH_RUN_PAGES must be a whole number of at least 1', async () => {
    process.env.PLAYBOOK_SEARCH_RUN_PAGES = 'lots';
    await expect(indexSite(join(work, 'one'))).rejects.toThrow(
      /PLAYBOOK_SEARCH_RUN_PAGES is "lots": it sets how many pages each Pagefind run indexes and must be a whole number of at least 1 \(default \d+\)/,
    );
  });
});

describe('compareCodePoints', () => {
  test('orders as Rust orders strings: by code point, a prefix first', () => {
    const words = ['zebra', '\u{1F600}smile', 'ab', '\uFFFDreplacement', 'abc', 'Éclair', 'a'];
    expect([...words].sort(compareCodePoints)).toEqual([
      'a',
      'ab',
      'abc',
      'zebra',
      'Éclair',
      '\uFFFDreplacement',
      '\u{1F600}smile',
    ]);
    // JavaScript's own order puts the emoji (a surrogate pair) before U+FFFD.
    expect([...words].sort().indexOf('\u{1F600}smile')).toBeLessThan(
      [...words].sort().indexOf('\uFFFDreplacement'),
    );
  });
});

describe('mergePagefindIndexes refuses what it cannot merge', () => {
  let part: string;
  beforeAll(async () => {
    part = join(work, 'part');
    await pagefindRun(site, part);
  });

  const variant = (name: string, change: (dir: string) => void) => {
    const dir = join(work, name);
    cpSync(part, dir, { recursive: true });
    change(dir);
    return dir;
  };

  test('output of another Pagefind version, naming the file, the version and what to do', async () => {
    const dir = variant('v17', (d) => {
      const file = join(d, 'pagefind-entry.json');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/"version":"[^"]+"/, '"version":"1.7.0"'));
    });
    const merging = mergePagefindIndexes([dir], join(work, 'v17-out'));
    await expect(merging).rejects.toThrow(PagefindFormatError);
    await expect(merging).rejects.toThrow(
      /pagefind-entry\.json: written by Pagefind 1\.7\.0\. Merging split search indexes needs Pagefind 1\.6\.x's index format .*install pagefind 1\.6\.x \(npm ci\)/,
    );
  });

  test('a damaged index chunk, naming the file', async () => {
    const dir = variant('damaged', (d) => {
      const chunk = readdirSync(join(d, 'index'))[0]!;
      writeFileSync(join(d, 'index', chunk), 'not gzip');
    });
    await expect(mergePagefindIndexes([dir], join(work, 'damaged-out'))).rejects.toThrow(
      /index\/en_\w+\.pf_index: not readable as gzip/,
    );
  });

  test('the same page in two runs', async () => {
    await expect(mergePagefindIndexes([part, part], join(work, 'twice-out'))).rejects.toThrow(
      /a second page for \//,
    );
  });

  test('nothing to merge', async () => {
    await expect(mergePagefindIndexes([], join(work, 'none'))).rejects.toThrow(/no Pagefind output to merge/);
  });
});
