/**
 * The parts `npm run dev` adds, one at a time and without Astro: which files a page shows findings
 * for, where the editor saves, the config.yml served in dev, /admin/ without Decap's bundle, lint on
 * change, and decap-server's start, reuse and stop. tests/dev-server.test.ts runs them together.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { pageFiles } from '../src/astro/page-files.ts';
import { adminCacheDir } from '../src/loader/admin.ts';
import { createDevAdmin, devConfigYaml, editorRoot, startDecapServer } from '../src/loader/dev-admin.ts';
import { createDevLint } from '../src/loader/dev-lint.ts';
import { ROOT, SITE_FIXTURE, TODAY } from './site-build.ts';

const tmp = mkdtempSync(join(tmpdir(), 'playbook-dev-parts-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of a playbook at `<tmp>/<name>/<inside>`. */
function copy(name: string, from = join(ROOT, 'content'), inside = 'content'): string {
  const dir = join(tmp, name, inside);
  cpSync(from, dir, { recursive: true });
  return dir;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return (server.address() as AddressInfo).port;
}

const close = (server: Server) => new Promise((ok) => server.close(ok));

describe('pageFiles: the content files behind a page address', () => {
  test.each([
    ['/personas/cfo-henrik/', { file: 'personas/cfo-henrik.mdx' }],
    ['/icps/midmarket-saas/', { file: 'icps/midmarket-saas.mdx' }],
    ['/guides/getting-started/', { file: 'guides/getting-started.mdx' }],
    ['/personas/caf%C3%A9/', { file: 'personas/café.mdx' }],
    ['/glossary/', { folder: 'glossary/' }],
    ['/personas/', undefined],
    ['/', undefined],
    ['/matrix/', undefined],
    ['/personas/a/b/', undefined],
    ['/personas/..%2F..%2Fplaybook/', undefined],
    ['/personas/%E0%A4%A/', undefined],
  ])('%s', (path, expected) => {
    expect(pageFiles(path)).toEqual(expected);
  });
});

describe('editorRoot: the folder decap-server serves', () => {
  test.each([
    ['/tmp/x/content', 'content', { root: '/tmp/x', contentPath: 'content' }],
    ['/repo/docs/content', 'docs/content', { root: '/repo', contentPath: 'docs/content' }],
    ['/repo/content', './content/', { root: '/repo', contentPath: 'content' }],
    ['/tmp/y/playbook', 'content', { root: '/tmp/y', contentPath: 'playbook' }],
    ['/tmp/y/content', 'docs/content', { root: '/tmp/y', contentPath: 'content' }],
  ])('%s with content_path %s', (dir, contentPath, expected) => {
    expect(editorRoot(dir, contentPath)).toEqual(expected);
  });
});

describe('config.yml under npm run dev', () => {
  test('the generated configuration, with the local backend and folders inside the served folder', async () => {
    const content = copy('config');
    const config = parse(await devConfigYaml(content, ROOT, {}, adminCacheDir()));
    expect(config.local_backend).toBe(true);
    expect(config.publish_mode).toBe('editorial_workflow');
    expect(config.backend).toEqual({
      name: 'github',
      repo: 'northwind-analytics/gtm-playbook',
      branch: 'main',
    });
    expect(config.collections.map((c: { folder: string }) => c.folder)).toEqual([
      'content/icps',
      'content/personas',
      'content/glossary',
      'content/guides',
    ]);
    const personas = config.collections.find((c: { name: string }) => c.name === 'personas');
    expect(personas.fields.find((f: { name: string }) => f.name === 'icps')).toMatchObject({
      widget: 'relation',
      collection: 'icps',
    });
  });

  test('content_path inside the repository: docs/content/<type>', async () => {
    const content = copy('nested', SITE_FIXTURE, 'docs/content');
    const config = parse(await devConfigYaml(content, ROOT, {}, adminCacheDir()));
    expect(config.collections[0].folder).toBe('docs/content/icps');
    expect(config.backend).toMatchObject({ name: 'github', repo: 'acme/playbook', branch: 'trunk' });
  });

  test('without a GitHub repo_url the form still saves through the local server (the proxy backend)', async () => {
    const content = copy('gitlab');
    const file = join(content, 'playbook.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(/^repo_url: .*$/m, 'repo_url: https://gitlab.com/acme/playbook'),
    );
    const text = await devConfigYaml(content, ROOT, {}, adminCacheDir());
    const config = parse(text);
    expect(config.backend).toEqual({
      name: 'proxy',
      proxy_url: 'http://localhost:8081/api/v1',
      branch: 'main',
    });
    expect(config.local_backend).toBe(true);
    expect(config.collections).toHaveLength(4);
    expect(text).toMatch(
      /# The build writes no \/admin\/ here \(repo_url https:\/\/gitlab\.com\/acme\/playbook is not a GitHub/,
    );
  });
});

describe('/admin/ without Decap bundle and without the npm registry', () => {
  test('says that it is fetching, then why it cannot, while config.yml and the page scripts still work', async () => {
    const content = copy('offline');
    const lines: string[] = [];
    const admin = createDevAdmin({
      content,
      cwd: ROOT,
      env: {
        ...process.env,
        PLAYBOOK_CACHE_DIR: join(tmp, 'offline', 'cache'),
        npm_config_cache: join(tmp, 'offline', 'npm-cache'),
        npm_config_offline: 'true',
        npm_config_fetch_retries: '0',
      },
      log: (line) => lines.push(line),
    });
    const server = createServer((req, res) => {
      admin.handle(req, res).then((handled) => {
        if (!handled) res.writeHead(418).end('not admin');
      });
    });
    const url = `http://127.0.0.1:${await listen(server)}`;
    try {
      const first = await fetch(`${url}/admin/`);
      expect(first.status).toBe(503);
      expect(await first.text()).toContain('is being fetched from the npm registry');
      for (let i = 0; i < 200 && !lines.some((l) => l.startsWith('/admin/ is not available')); i++)
        await new Promise((ok) => setTimeout(ok, 100));
      const failed = await fetch(`${url}/admin/`);
      expect(failed.status).toBe(503);
      const page = await failed.text();
      expect(page).toContain('The editor is not available');
      expect(page).toMatch(/could not be\s+fetched: could not fetch decap-cms@[\d.]+ with npm \(/);
      expect(page).toContain('<a href="./?retry">try again</a>');
      expect(page).not.toContain('http-equiv="refresh"');
      // Reloading keeps the answer; "try again" fetches again.
      expect(await (await fetch(`${url}/admin/`)).text()).toContain('The editor is not available');
      expect(await (await fetch(`${url}/admin/?retry`)).text()).toContain('is being fetched');
      const failures = () => lines.filter((l) => l.startsWith('/admin/ is not available')).length;
      for (let i = 0; i < 200 && failures() < 2; i++) await new Promise((ok) => setTimeout(ok, 100));
      expect(failures()).toBe(2);
      expect(lines[0]).toMatch(/^fetching decap-cms@[\d.]+ with npm/);

      const config = await fetch(`${url}/admin/config.yml`);
      expect(config.status).toBe(200);
      expect(parse(await config.text()).local_backend).toBe(true);
      const script = await fetch(`${url}/admin/admin.js`);
      expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
      expect(await script.text()).toContain('registerWidget("criterion"');
      expect((await fetch(`${url}/admin/decap-cms.js`)).status).toBe(404);
      expect((await fetch(`${url}/admin/config.yml`, { method: 'POST' })).status).toBe(405);
      expect((await fetch(`${url}/personas/`)).status).toBe(418);
    } finally {
      await close(server);
    }
  }, 60_000);
});

describe('lint on change', () => {
  test('prints the changed file findings, what broke elsewhere, and the totals', async () => {
    const content = copy('lint');
    const lint = createDevLint({ content, cwd: tmp, env: { PLAYBOOK_TODAY: TODAY } });
    expect(await lint.start()).toBe('lint: 42 files, no problems');

    const persona = join(content, 'personas', 'cfo-henrik.mdx');
    writeFileSync(persona, readFileSync(persona, 'utf8').replace(/^icps: .*$/m, 'icps: [nowhere]'));
    const report = await lint.changed([persona]);
    expect(report).toMatch(/^changed: lint\/content\/personas\/cfo-henrik\.mdx\n/);
    expect(report).toContain(
      'lint/content/personas/cfo-henrik.mdx:7:8 error   unknown-reference Persona "cfo-henrik" names ICP "nowhere", which does not exist.',
    );
    expect(report).toContain('hint: Use the id of a file in icps/');
    expect(report).toMatch(/✖ 2 problems \(2 errors, 0 warnings\) in 1 file/);
    expect(report).toContain('New in other files after this change:');
    expect(report).toMatch(/playbook: 2 errors, \d+ warnings? in 42 files/);

    // Fixed again: the file is clean, and nothing is new elsewhere.
    writeFileSync(
      persona,
      readFileSync(persona, 'utf8').replace('icps: [nowhere]', 'icps: [midmarket-saas]'),
    );
    const fixed = await lint.changed([persona]);
    expect(fixed).toContain('✔ 1 file checked, no problems');
    expect(fixed).not.toContain('New in other files');
    expect(fixed).toMatch(/playbook: 42 files, no problems$/);

    // A removed ICP: its personas now point nowhere, which shows as new in other files.
    const icp = join(content, 'icps', 'regional-banks.mdx');
    unlinkSync(icp);
    const removed = await lint.changed([icp]);
    expect(removed).toContain('New in other files after this change:');
    expect(removed).toMatch(/personas\/bank-cfo-beatrice\.mdx:\d+:\d+ error {3}unknown-reference/);
  });

  test.each([
    ['personas/x.mdx', true],
    ['playbook.yaml', true],
    ['guides/a.mdx', true],
    ['personas/x.mdx.swp', false],
    ['personas/.x.mdx~', false],
    ['personas/.#x.mdx', false],
    ['data/x.mdx', false],
    ['data/accounts.csv', false],
    ['personas/sub/x.mdx', false],
    ['../src/x.mdx', false],
  ])('watches %s: %s', (path, expected) => {
    const lint = createDevLint({ content: join(tmp, 'w'), cwd: tmp });
    expect(lint.watches(join(tmp, 'w', path))).toBe(expected);
  });
});

describe('decap-server beside the dev server', () => {
  test('starts on the port, serves the folder, says so, and stops', async () => {
    const probe = createServer();
    const port = await listen(probe);
    await close(probe);
    const root = join(tmp, 'decap-root');
    copy('decap-root');
    const lines: string[] = [];
    const server = await startDecapServer({ root, port, env: process.env, log: (l) => lines.push(l) });
    try {
      expect(server.note).toMatch(
        new RegExp(`^decap-server \\(Decap's local backend\\) on http://localhost:${port} for `),
      );
      for (let i = 0; i < 80 && !lines.some((l) => l.includes('listening')); i++)
        await new Promise((ok) => setTimeout(ok, 100));
      expect(lines).toContain(`info: Decap CMS Proxy Server listening on 127.0.0.1:${port}`);
      const info = await fetch(`http://127.0.0.1:${port}/api/v1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'info' }),
      });
      expect(await info.json()).toEqual({
        repo: basename(root),
        publish_modes: ['simple'],
        type: 'local_fs',
      });

      const again = await startDecapServer({ root, port, log: () => {} });
      expect(again.note).toBe(
        `decap-server already runs on port ${port} (for "${basename(root)}"); /admin/ uses it`,
      );
      const elsewhere = await startDecapServer({ root: join(tmp, 'other'), port, log: () => {} });
      expect(elsewhere.note).toMatch(
        /^a decap-server for "decap-root" already runs on port \d+, not for .*other: \/admin\/ would save there/,
      );
    } finally {
      await server.stop();
    }
    await expect(fetch(`http://127.0.0.1:${port}/api/v1`, { method: 'POST' })).rejects.toThrow();
  }, 30_000);

  test('a port taken by another program: no local backend, and why', async () => {
    const other = createServer((_req, res) => res.end('not decap'));
    const port = await listen(other);
    try {
      const server = await startDecapServer({ root: tmp, port, log: () => {} });
      expect(server.note).toBe(
        `port ${port} is in use by another program, so /admin/ has no local backend (it would sign in to GitHub instead): stop that program and restart npm run dev`,
      );
    } finally {
      await close(other);
    }
  });
});
