/**
 * The real build (`scripts/build.ts`: lint → Astro → Pagefind) on tests/fixtures/site, asserted on
 * the HTML it writes. One build per fixture, in beforeAll.
 */
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pageWeight } from '../bench/weight.ts';
import { decodeCbor } from '../src/loader/cbor.ts';
import { indexSite } from '../src/loader/search-index.ts';
import { fileHashes } from './helpers/files.ts';
import { ROOT, runBuild, SITE_FIXTURE } from './site-build.ts';

const FIXTURE = SITE_FIXTURE;
const HOSTILE = '</script><script>alert(1)</script>';
const HOSTILE_ESCAPED = '&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;';

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'pagefind' || name === '_astro') continue;
    if (statSync(path).isDirectory()) out.push(...htmlFiles(path));
    else if (name.endsWith('.html')) out.push(path);
  }
  return out;
}

let tmp: string;
let dist: string;
let build: ReturnType<typeof runBuild>;
const page = (route: string) =>
  readFileSync(join(dist, route, route.endsWith('.html') ? '' : 'index.html'), 'utf8');

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'playbook-site-'));
  dist = join(tmp, 'dist');
  build = runBuild(FIXTURE, dist);
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('npm run build on the fixture playbook', () => {
  test('exits 0 and reports each phase with its timing', () => {
    expect(build.stderr).not.toMatch(/Unexpected failure/);
    expect(build.status).toBe(0);
    for (const phase of ['load', 'parse', 'lint', 'astro', 'search'])
      expect(build.stdout).toMatch(new RegExp(`${phase}\\s+\\d+\\.\\d+ s`));
    expect(build.stdout).toMatch(/Done in/);
  });

  test('writes every route as <route>/index.html, plus 404.html and the search index', () => {
    const routes = [
      '',
      'icps',
      'icps/saas',
      'icps/fintech-draft',
      'icps/old-retail',
      'personas',
      'personas/cfo-carla',
      'personas/hostile',
      'personas/retired-rex',
      'glossary',
      'guides',
      'guides/getting-started',
      'matrix',
      'health',
    ];
    for (const route of routes) expect(existsSync(join(dist, route, 'index.html')), route).toBe(true);
    expect(existsSync(join(dist, '404.html'))).toBe(true);
    expect(existsSync(join(dist, 'pagefind/pagefind-ui.js'))).toBe(true);
    expect(existsSync(join(dist, 'pagefind/pagefind-entry.json'))).toBe(true);
  });

  test('every internal link resolves to a built file, and every glossary anchor exists', () => {
    const glossary = page('glossary');
    const fitBuilt = existsSync(join(ROOT, 'src/pages/fit'));
    const broken: string[] = [];
    // The /fit/ page has its own tests; its hand-written links may name guides this fixture lacks.
    for (const file of htmlFiles(dist).filter((f) => !f.endsWith('/fit/index.html'))) {
      const html = readFileSync(file, 'utf8');
      for (const [, href] of html.matchAll(/\shref="(\/[^"]*)"/g)) {
        const [path, hash] = href!.split('#') as [string, string | undefined];
        if (path === '/fit/' && !fitBuilt) continue;
        const target = path.endsWith('/') ? join(dist, path, 'index.html') : join(dist, path);
        if (!existsSync(target)) broken.push(`${relative(dist, file)} → ${href}`);
        else if (!path.endsWith('/')) continue;
        if (path === '/glossary/' && hash && !glossary.includes(`id="${hash}"`))
          broken.push(`${relative(dist, file)} → ${href} (no anchor)`);
      }
      expect(html).not.toMatch(/\shref="\/(?:icps|personas|guides)\/[^"]*[^/"]"/);
    }
    expect(broken).toEqual([]);
  });

  test('page weight: a persona page stays under 30 kB of HTML+CSS+JS, with at most 2 kB of JS', () => {
    // What the page loads before search is opened; the search UI is a dynamic import and not counted.
    const weight = pageWeight(dist, 'personas/cfo-carla/index.html');
    expect(
      weight.files.filter((f) => f.path.endsWith('.js')),
      'one script file: the loader',
    ).toHaveLength(1);
    expect(weight.js).toBeLessThanOrEqual(2000);
    expect(weight.total).toBeLessThanOrEqual(30_000);
  });
});

describe('escaping', () => {
  test('a persona named like a script tag renders as text on every page that shows it', () => {
    for (const route of [
      'personas/hostile',
      'personas',
      'icps/saas',
      'matrix',
      'guides/getting-started',
      'personas/cfo-carla',
    ]) {
      const html = page(route);
      expect(html, route).toContain(HOSTILE_ESCAPED);
      expect(html, route).not.toContain(HOSTILE);
    }
    expect(page('personas/hostile')).toContain(`<title>${HOSTILE_ESCAPED} · Fixture Playbook</title>`);
  });

  test('no page carries markup from frontmatter: only the two site scripts (plus the fit island), no injected elements', () => {
    for (const file of htmlFiles(dist)) {
      const html = readFileSync(file, 'utf8');
      // /fit/ adds its island; /admin/ is the CMS's own page (tests/admin.test.ts checks its escaping).
      const ownScripts = !file.endsWith('/fit/index.html') && !file.includes('/admin/');
      if (ownScripts) expect(html.match(/<script/g)?.length, file).toBe(2);
      expect(html).not.toMatch(/<img[\s>]|<b>RevOps|<[a-z][^<>]*\sonerror=/);
    }
    const hostile = page('personas/hostile');
    expect(hostile).toContain('Head of &lt;b&gt;RevOps&lt;/b&gt; &amp; &#39;Ops&#39;');
    expect(hostile).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(hostile).toContain(
      '<meta name="description" content="Head of &lt;b&gt;RevOps&lt;/b&gt; &amp; &#39;Ops&#39;: &lt;script&gt;alert(3)&lt;/script&gt;">',
    );
  });

  test('glossary tooltips escape the short definition', () => {
    expect(page('guides/getting-started')).toContain(
      'All &quot;accounts&quot; &lt;b&gt;that&lt;/b&gt; could buy &amp; more',
    );
  });
});

describe('drafts and retired entries', () => {
  test('a draft shows a banner on its page and a Draft badge in indexes', () => {
    expect(page('icps/fintech-draft')).toMatch(/<strong>Draft\.<\/strong>/);
    for (const route of ['', 'icps']) {
      const html = page(route);
      const card = html.slice(html.indexOf('href="/icps/fintech-draft/"'));
      expect(card.slice(0, 300), route).toContain('badge-draft');
    }
  });

  test('retired entries are left out of indexes, the matrix and search, but their pages are built', () => {
    for (const route of ['', 'icps', 'personas', 'matrix']) {
      expect(page(route), route).not.toContain('/icps/old-retail/');
      expect(page(route), route).not.toContain('/personas/retired-rex/');
    }
    const retired = page('icps/old-retail');
    expect(retired).toContain('<strong>Retired.</strong>');
    expect(retired).not.toContain('data-pagefind-body');
    expect(retired).toContain('<meta name="robots" content="noindex">');
    expect(page('personas/cfo-carla')).toContain('data-pagefind-body');
  });
});

describe('links in bodies', () => {
  const guide = () => page('guides/getting-started');

  test('[[type:id]] and [[id]] become links with the target name as text', () => {
    expect(guide()).toContain('<a href="/personas/cfo-carla/" class="xref xref-persona">Carla the CFO</a>');
    expect(guide()).toContain(
      `<a href="/personas/hostile/" class="xref xref-persona">${HOSTILE_ESCAPED}</a>`,
    );
    expect(guide()).toContain('<a href="/glossary/#champion" class="xref xref-term">Champion</a>');
    expect(page('personas/cfo-carla')).toContain(
      '<a href="/icps/saas/" class="xref xref-icp">Mid-market SaaS</a>',
    );
  });

  test('glossary terms link on their first use only, never in headings or code, with an accessible tooltip', () => {
    const html = guide();
    expect(html.match(/href="\/glossary\/#tam"/g)).toHaveLength(2); // the auto-link, and the author's own link
    expect(html).toContain(
      '<a href="/glossary/#tam" aria-describedby="_tip-tam">TAM</a><span class="tip" role="tooltip" id="_tip-tam"',
    );
    expect(html).toContain('<h2>Reading TAM figures</h2>');
    expect(html).toContain('<code>[[persona:cfo-carla]]</code>');
    expect(html).toContain('<code>TAM</code>');
    // "champion" is linked by the author's [[term:champion]], so the word is not auto-linked as well.
    expect(html).not.toContain('_tip-champion');
  });

  test('allow-listed components become plain HTML', () => {
    expect(page('personas/cfo-carla')).toMatch(
      /<aside class="callout callout-tip">\s*<p class="callout-title">\s*<strong>Tip<\/strong>/,
    );
  });

  test('the glossary has an anchor per term, A–Z, with related terms', () => {
    const html = page('glossary');
    expect(html.indexOf('id="champion"')).toBeLessThan(html.indexOf('id="tam"'));
    expect(html).toMatch(/id="tam"[\s\S]*Related: <a href="\/glossary\/#champion">Champion<\/a>/);
  });

  test('backlinks list the pages that point here', () => {
    expect(page('personas/hostile')).toMatch(/Linked from[\s\S]*href="\/guides\/getting-started\/"/);
  });
});

describe('page content', () => {
  test('edit links point at the file in the repository (§8.19)', () => {
    expect(page('personas/cfo-carla')).toContain(
      'href="https://github.com/acme/playbook/edit/trunk/docs/content/personas/cfo-carla.mdx"',
    );
    expect(page('icps/saas')).toContain(
      'href="https://github.com/acme/playbook/edit/trunk/docs/content/icps/saas.mdx"',
    );
    expect(page('guides/getting-started')).toContain(
      'href="https://github.com/acme/playbook/edit/trunk/docs/content/guides/getting-started.mdx"',
    );
  });

  test('the ICP spec sheet shows criteria, scoring, market sizes and the DMU map', () => {
    const html = page('icps/saas');
    for (const text of [
      'Must-haves',
      'Deal-breakers',
      'Has a finance team of at least three people',
      'Rule: Employees between 200 and 2,000',
      'Fit scoring',
      'Uses Snowflake',
      'Market size',
      'TAM',
      '2% of TAM',
      'DMU map',
      'Economic buyer',
      '@acme/revops',
    ]) {
      expect(html).toContain(text);
    }
    expect(html).toMatch(/Economic buyer[\s\S]*?href="\/personas\/cfo-carla\/"/);
  });

  test('the matrix puts DMU roles in the cells', () => {
    expect(page('matrix')).toMatch(/href="\/personas\/cfo-carla\/"[\s\S]*?Economic buyer/);
  });

  test('the health page groups pages needing attention by owner', () => {
    const html = page('health');
    expect(html).toMatch(/<h2>@acme\/fin-sales<\/h2>[\s\S]*Fintech lenders[\s\S]*Review due soon/);
    expect(html).toContain('lint warning');
  });

  test('search filters are marked on content pages', () => {
    expect(page('personas/cfo-carla')).toContain('data-pagefind-filter="Type:Persona"');
    expect(page('personas/cfo-carla')).toContain('<span data-pagefind-filter="Seniority">C-level</span>');
    expect(page('personas/cfo-carla')).toContain('data-pagefind-filter="DMU role">Economic buyer<');
    expect(page('icps/saas')).toContain('<span data-pagefind-filter="Industry">Software</span>');
    expect(page('icps/saas')).toContain('<span data-pagefind-filter="Segment">Software</span>');
  });

  test('the 404 page offers search', () => {
    expect(page('404.html')).toContain('data-search');
  });
});

describe('the search index', () => {
  /** URL → fragment of every page in the index, read through the metadata as Pagefind's runtime does. */
  function indexedPages(
    pagefindDir: string,
  ): Map<string, { title: string; filters: Record<string, string[]> }> {
    const entry = JSON.parse(readFileSync(join(pagefindDir, 'pagefind-entry.json'), 'utf8'));
    const unpack = (file: string) =>
      gunzipSync(readFileSync(join(pagefindDir, file))).subarray('pagefind_dcd'.length);
    const meta = decodeCbor(unpack(`pagefind.${entry.languages.en.hash}.pf_meta`)) as [string, [string][]];
    return new Map(
      meta[1].map(([hash]) => {
        const fragment = JSON.parse(unpack(`fragment/${hash}.pf_fragment`).toString('utf8'));
        return [fragment.url, { title: fragment.meta.title, filters: fragment.filters }];
      }),
    );
  }

  test('holds every page marked for search and no other, with titles and filters', () => {
    const marked = htmlFiles(dist)
      .filter((f) => /<main[^>]*\sdata-pagefind-body/.test(readFileSync(f, 'utf8')))
      .map((f) => `/${relative(dist, f)}`.replace(/index\.html$/, ''))
      .sort();
    const indexed = indexedPages(join(dist, 'pagefind'));
    expect([...indexed.keys()].sort()).toEqual(marked);
    expect(build.stdout).toMatch(new RegExp(`search .* ${marked.length} pages indexed in 1 Pagefind run`));
    expect(indexed.has('/icps/old-retail/')).toBe(false);
    expect(indexed.get('/personas/cfo-carla/')).toEqual({
      title: 'Carla the CFO',
      filters: expect.objectContaining({
        Type: ['Persona'],
        Seniority: ['C-level'],
        'DMU role': ['Economic buyer'],
      }),
    });
  });

  test('indexed in several Pagefind runs, the site gets the same search files, byte for byte', async () => {
    const copy = join(tmp, 'runs');
    cpSync(dist, copy, { recursive: true });
    process.env.PLAYBOOK_SEARCH_RUN_PAGES = '3';
    try {
      const { pages, runs } = await indexSite(copy);
      // Runs of at most 3 pages, as many as go at once (two on two cores) in the final round.
      const together = Math.min(2, availableParallelism());
      expect(runs).toBe(Math.ceil(Math.ceil(pages / 3) / together) * together);
    } finally {
      delete process.env.PLAYBOOK_SEARCH_RUN_PAGES;
    }
    expect(fileHashes(join(copy, 'pagefind'))).toEqual(fileHashes(join(dist, 'pagefind')));
  });
});

describe('a persona whose ICPs point nowhere', () => {
  let copy: string;
  let out: string;
  let failed: ReturnType<typeof runBuild>;

  beforeAll(() => {
    copy = join(tmp, 'broken');
    out = join(tmp, 'broken-dist');
    cpSync(FIXTURE, copy, { recursive: true });
    const file = join(copy, 'personas/cfo-carla.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('icps: [saas, fintech-draft]', 'icps: [nowhere]'));
    failed = runBuild(copy, out);
  });

  test('stops the build with a non-zero exit, naming the file, and publishes nothing', () => {
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/personas\/cfo-carla\.mdx:\d+:\d+/);
    expect(failed.stderr).toMatch(/orphan-persona|unknown-reference/);
    expect(existsSync(out)).toBe(false);
  });
});
