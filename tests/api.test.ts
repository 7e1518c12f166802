import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import type { ApiIcp, ApiPage, ApiPersona, ApiTerm } from '../src/core/export/api.ts';
import { createSiteData } from '../src/core/views/site.ts';
import { writeOutputs } from '../src/loader/outputs.ts';
import { runPipeline } from '../src/loader/pipeline.ts';
import { writePlaybook } from './helpers/cli.ts';
import { cleanPlaybook, mdx } from './helpers/playbook.ts';
import { ROOT, runBuild } from './site-build.ts';

/** Guides in the example playbook (each is a page of its own). */
const GUIDES = readdirSync(join(ROOT, 'content', 'guides')).filter((f) => f.endsWith('.mdx')).length;

/** With this date the example has an overdue ICP, one due soon and one in time. */
const TODAY = '2027-01-20';
const SITE = 'https://playbook.example.com';

const build = (content: string, out: string) => runBuild(content, out, TODAY);

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'pagefind' || name === '_astro' || name === 'admin') return [];
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

let tmp: string;
let dist: string;
let result: ReturnType<typeof build>;
const read = (path: string) => readFileSync(join(dist, path), 'utf8');
const json = <T>(path: string) => JSON.parse(read(path)) as T[];

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'playbook-api-'));
  dist = join(tmp, 'dist');
  result = build(join(ROOT, 'content'), dist);
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the build of the example playbook', () => {
  test('succeeds and reports the data outputs', () => {
    expect(result.stderr).not.toMatch(/Unexpected failure/);
    expect(result.status).toBe(0);
    const pages = 4 + 11 + GUIDES + 1;
    expect(result.stdout).toMatch(
      new RegExp(`data\\s+\\d+\\.\\d+ s .*api/ \\(${pages} pages\\), llms\\.txt, llms-full\\.txt`),
    );
  });

  test.each(['icps', 'personas', 'glossary', 'pages'])(
    'api/%s.json validates against its JSON Schema',
    (name) => {
      const schema = JSON.parse(read(`schemas/api/${name}.schema.json`));
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      const ajv = new Ajv2020({ allErrors: true, strict: true });
      ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
      const validate = ajv.compile(schema);
      const data = json(`api/${name}.json`);
      expect(data.length).toBeGreaterThan(0);
      expect(validate(data) ? [] : validate.errors).toEqual([]);
    },
  );

  test('the schemas reject what the files must not hold', () => {
    const ajv = new Ajv2020({ strict: true });
    ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
    const pages = ajv.compile(JSON.parse(read('schemas/api/pages.schema.json')));
    const page = json<ApiPage>('api/pages.json')[0]!;
    expect(pages([page])).toBe(true);
    expect(pages([{ ...page, review_status: 'stale' }])).toBe(false);
    expect(pages([{ ...page, extra: 1 }])).toBe(false);
    const icps = ajv.compile(JSON.parse(read('schemas/api/icps.schema.json')));
    const icp = json<ApiIcp>('api/icps.json')[0]!;
    const { personas: _, ...withoutPersonas } = icp;
    expect(icps([withoutPersonas])).toBe(false);
  });

  test('icps.json: every non-retired ICP with defaults applied and its non-retired personas', () => {
    const icps = json<ApiIcp>('api/icps.json');
    expect(icps.map((i) => i.id).sort()).toEqual([
      'ecommerce-scaleups',
      'healthcare-providers',
      'midmarket-saas',
      'regional-banks',
    ]);
    const saas = icps.find((i) => i.id === 'midmarket-saas')!;
    expect(Object.keys(saas).slice(0, 3)).toEqual(['id', 'url', 'name']);
    expect(saas).toMatchObject({
      url: `${SITE}/icps/midmarket-saas/`,
      name: 'Mid-market B2B SaaS',
      status: 'active',
      review_every_days: 90,
      personas: ['cfo-henrik', 'data-engineer-dev', 'revops-rita', 'vp-sales-sam'],
    });
    expect(saas.scoring?.threshold).toBe(60);
    expect(saas.must_haves[0]).toEqual({
      label: '200–2,000 employees',
      field: 'employees',
      between: [200, 2000],
    });
    const health = icps.find((i) => i.id === 'healthcare-providers')!;
    expect(health.status).toBe('draft');
    expect(health.personas).toEqual(['healthcare-cfo-hana', 'procurement-priya']);
  });

  test('personas.json: every non-retired persona, with its ICPs', () => {
    const personas = json<ApiPersona>('api/personas.json');
    expect(personas).toHaveLength(11);
    expect(personas.map((p) => p.id)).not.toContain('founder-felix');
    const dev = personas.find((p) => p.id === 'data-engineer-dev')!;
    expect(dev).toMatchObject({
      url: `${SITE}/personas/data-engineer-dev/`,
      status: 'active',
      review_every_days: 90,
      icps: ['midmarket-saas', 'ecommerce-scaleups'],
    });
  });

  test('glossary.json: every term, linked to its anchor', () => {
    const terms = json<ApiTerm>('api/glossary.json');
    expect(terms).toHaveLength(19);
    expect(terms.find((t) => t.id === 'tam')).toMatchObject({
      url: `${SITE}/glossary/#tam`,
      term: 'Total addressable market',
      abbr: 'TAM',
    });
  });

  test('pages.json: ICP, persona and guide pages and the glossary, with review status', () => {
    const pages = json<ApiPage>('api/pages.json');
    const count = (type: string) => pages.filter((p) => p.type === type).length;
    expect([count('icp'), count('persona'), count('guide'), count('glossary')]).toEqual([4, 11, GUIDES, 1]);
    const byUrl = new Map(pages.map((p) => [p.url.replace(SITE, ''), p]));
    expect(byUrl.get('/icps/ecommerce-scaleups/')).toEqual({
      url: `${SITE}/icps/ecommerce-scaleups/`,
      title: 'E-commerce scale-ups',
      type: 'icp',
      owners: ['@northwind/revops', '@northwind/commerce-sales'],
      last_reviewed: '2026-10-14',
      review_due: '2027-01-12',
      review_status: 'overdue',
    });
    expect(byUrl.get('/icps/midmarket-saas/')).toMatchObject({
      review_due: '2027-01-26',
      review_status: 'due-soon',
    });
    expect(byUrl.get('/icps/healthcare-providers/')).toMatchObject({
      review_due: '2027-02-10',
      review_status: 'ok',
    });
    expect(byUrl.get('/glossary/')).toEqual({
      url: `${SITE}/glossary/`,
      title: 'Glossary',
      type: 'glossary',
      owners: [],
      last_reviewed: null,
      review_due: null,
      review_status: null,
    });
    expect(byUrl.get('/guides/how-to-use/')).toMatchObject({
      type: 'guide',
      owners: [],
      review_status: null,
    });
    expect(byUrl.has('/icps/early-stage-startups/')).toBe(false);
  });

  test('llms.txt lists the non-retired entries; llms-full.txt holds their fields', () => {
    const llms = read('llms.txt');
    expect(llms).toMatch(/^# Northwind Analytics GTM Playbook\n\n> Who Northwind Analytics sells to/);
    expect(llms).toContain(
      `- [Multi-site healthcare providers (draft)](${SITE}/icps/healthcare-providers/): `,
    );
    expect(llms).not.toContain('early-stage-startups');
    expect(read('llms-full.txt')).toContain('#### Objections');
  });

  test('private by default: every page is noindex and robots.txt disallows crawling', () => {
    const pages = htmlFiles(dist);
    expect(pages.length).toBeGreaterThan(20);
    for (const page of pages)
      expect(readFileSync(page, 'utf8'), page).toContain('<meta name="robots" content="noindex">');
    expect(read('robots.txt')).toMatch(/^User-agent: \*\nDisallow: \/\n$/m);
  });
});

describe('outputs switches in playbook.yaml', () => {
  let small: string;
  let out: string;
  let r: ReturnType<typeof build>;

  beforeAll(() => {
    small = writePlaybook({
      ...cleanPlaybook(),
      'guides/start.mdx': mdx({ title: 'Start here' }, 'Read the ICP first.\n'),
      'playbook.yaml': stringify({ title: 'Open Playbook', outputs: { llms: false, search_engines: true } }),
    });
    out = join(small, 'dist');
    r = build(small, out);
  });

  afterAll(() => rmSync(small, { recursive: true, force: true }));

  test('search engines allowed: no noindex, robots.txt allows; llms off; urls root-relative without site_url', () => {
    expect(r.stderr).not.toMatch(/Unexpected failure/);
    expect(r.status).toBe(0);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).not.toContain('name="robots"');
    expect(readFileSync(join(out, 'robots.txt'), 'utf8')).toMatch(/^User-agent: \*\nAllow: \/\n$/m);
    expect(existsSync(join(out, 'llms.txt'))).toBe(false);
    expect(existsSync(join(out, 'llms-full.txt'))).toBe(false);
    const pages = JSON.parse(readFileSync(join(out, 'api', 'pages.json'), 'utf8')) as ApiPage[];
    expect(pages.map((p) => p.url)).toEqual([
      '/icps/midmarket/',
      '/personas/analytics-alex/',
      '/personas/finance-fiona/',
      '/guides/start/',
      '/glossary/',
    ]);
  });
});

describe('writeOutputs', () => {
  test('writes no api files, schemas or llms files when switched off, and removes old ones', async () => {
    const dir = writePlaybook({
      ...cleanPlaybook(),
      'playbook.yaml': stringify({ outputs: { api: false, llms: false } }),
      'dist/api/pages.json': '[]',
      'dist/schemas/api/pages.schema.json': '{}',
    });
    try {
      const { graph, playbook } = await runPipeline({ content: dir, today: TODAY, lint: false });
      const site = createSiteData({ graph, config: playbook.config, today: TODAY });
      expect(writeOutputs(site, join(dir, 'dist'))).toBe('robots.txt (no indexing)');
      expect(readdirSync(join(dir, 'dist')).sort()).toEqual(['robots.txt', 'schemas']);
      expect(readdirSync(join(dir, 'dist', 'schemas'))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
