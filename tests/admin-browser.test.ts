/**
 * The browser editor in headless Chromium: the real Decap CMS loads the generated config.yml without a
 * configuration error; against `decap-server` (Decap's local backend, writing a copy of the example
 * playbook) a persona created through the form lints clean, and an ICP whose must-have is changed through
 * the criterion widget changes in that value only. Nothing of /admin/ is referenced by any other page.
 * Skips with a message when /usr/bin/chromium is missing, unless CI=true (then it must run).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { splitFrontmatter } from '../src/core/parse/frontmatter.ts';
import { chromiumFor, launchChromium } from './helpers/chromium.ts';
import { ROOT, runBuild, TODAY } from './site-build.ts';

const available = chromiumFor('Admin browser tests');

/** A free port on 127.0.0.1 for decap-server (which takes its port from the environment). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok));
  const { port } = probe.address() as AddressInfo;
  await new Promise((ok) => probe.close(ok));
  return port;
}

/** Starts decap-server on a copy of the repository and resolves once it listens. */
async function startDecapServer(repo: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'decap-server', 'dist', 'index.js')], {
    env: {
      ...process.env,
      PORT: String(port),
      BIND_HOST: '127.0.0.1',
      GIT_REPO_DIRECTORY: repo,
      MODE: 'fs',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('decap-server did not start within 20 s')), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (String(chunk).includes('listening')) {
        clearTimeout(timer);
        ok();
      }
    });
    child.on('exit', (code) => fail(new Error(`decap-server exited with ${code}`)));
  });
  return child;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.yml': 'text/yaml',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain',
};

/** Serves `dist` as a static host does, and forwards Decap's local-backend API to decap-server. */
async function serveWithBackend(
  dist: string,
  apiPort: number,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (path === '/api/v1') {
      const forward = request(
        { host: '127.0.0.1', port: apiPort, path, method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      req.pipe(forward);
      return;
    }
    try {
      let file = join(dist, path);
      if (!file.startsWith(dist)) throw new Error('outside');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(() => ok())) };
}

const frontmatterOf = (text: string) => {
  const split = splitFrontmatter(text);
  if (!('yaml' in split)) throw new Error(split.message);
  return { data: parse(split.yaml) as Record<string, unknown>, body: split.body };
};

// Decap's bundle is several megabytes of JavaScript: on a loaded two-core machine it can take a while.
describe.runIf(available)('the editor in a browser', { timeout: 180_000 }, () => {
  let tmp: string;
  let repo: string;
  let dist: string;
  let decap: ChildProcess;
  let server: Awaited<ReturnType<typeof serveWithBackend>>;
  let browser: Browser;
  let generatedConfig: string;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'playbook-admin-'));
    repo = join(tmp, 'repo');
    dist = join(tmp, 'dist');
    cpSync(join(ROOT, 'content'), join(repo, 'content'), { recursive: true });
    const build = runBuild(join(repo, 'content'), dist);
    if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
    expect(build.stdout).toMatch(/admin .*\/admin\/ with Decap CMS/);
    generatedConfig = readFileSync(join(dist, 'admin', 'config.yml'), 'utf8');
    const apiPort = await freePort();
    decap = await startDecapServer(repo, apiPort);
    server = await serveWithBackend(dist, apiPort);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    decap?.kill();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  /** Opens /admin/ and records CSP violations and page errors. */
  async function openAdmin(hash = ''): Promise<{ page: Page; problems: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    context.setDefaultTimeout(90_000);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) problems.push(message.text());
    });
    await page.goto(`${server.url}/admin/${hash}`);
    return { page, problems };
  }

  /** Uses the test configuration: the generated one with its local backend on this server's origin. */
  function useLocalBackend() {
    const config = parse(generatedConfig) as Record<string, unknown>;
    writeFileSync(
      join(dist, 'admin', 'config.yml'),
      stringify({ ...config, local_backend: { url: `${server.url}/api/v1` } }),
    );
  }

  async function logIn(page: Page) {
    await page.getByRole('button', { name: 'Login' }).click();
    await page.getByText('Personas').first().waitFor();
  }

  async function publish(page: Page) {
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Publish now').click();
    await page
      .getByText(/^Entry (saved|published)$/)
      .first()
      .waitFor({ timeout: 30_000 });
  }

  test('no other page links to /admin/ or loads anything of it', () => {
    const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.html') && !f.startsWith('admin'),
    );
    expect(pages.length).toBeGreaterThan(10);
    // A page may name /admin/ in its text (the guide does); none links to it or loads anything of it.
    const loads = /(?:src|href)="[^"]*\/admin\/|decap-cms|manual-init\.js/i;
    const referring = pages.filter((f) => loads.test(readFileSync(join(dist, f), 'utf8')));
    expect(referring).toEqual([]);
    expect(
      readdirSync(join(dist, 'schemas'))
        .filter((f) => f.endsWith('.schema.json'))
        .sort(),
    ).toEqual([
      'guide.schema.json',
      'icp.schema.json',
      'persona.schema.json',
      'playbook.schema.json',
      'term.schema.json',
    ]);
  });

  test('the real CMS loads the generated config.yml: no configuration error, no CSP violation', async () => {
    const { page, problems } = await openAdmin();
    await page.getByRole('button', { name: 'Login with GitHub' }).waitFor();
    expect(await page.getByText('Error loading the CMS configuration').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test('a persona created through the form is saved as a file that lints with no errors', async () => {
    useLocalBackend();
    const { page, problems } = await openAdmin('#/collections/personas/new');
    await logIn(page);
    await page.goto(`${server.url}/admin/#/collections/personas/new`);
    const field = (name: string) => page.locator(`[id^="${name}-field-"]`).first();
    const addItem = async (button: string, value: string) => {
      await page.getByRole('button', { name: button, exact: true }).click();
      await page.locator('input[id^="item-field-"]').last().fill(value);
    };
    const choose = async (name: string, typed: string, option: string) => {
      await field(name).fill(typed);
      await page.getByRole('option', { name: option, exact: true }).click();
    };
    await field('name').waitFor();
    await addItem('Add owner', '@northwind/revops');
    await field('last_reviewed').fill('2026-11-20');
    await field('name').fill('Test Tina');
    await field('role').fill('Head of Revenue Operations');
    await choose('seniority', 'director', 'director');
    await choose('dmu_roles', 'champion', 'champion');
    await choose('dmu_roles', 'end-user', 'end-user');
    await choose('icps', 'Mid-market', 'Mid-market B2B SaaS');
    await addItem('Add goal', 'One pipeline number everyone trusts');
    await addItem('Add pain', 'Board decks are rebuilt by hand each quarter');
    await publish(page);
    const file = join(repo, 'content', 'personas', 'test-tina.mdx');
    await expect.poll(() => existsSync(file), { timeout: 10_000 }).toBe(true);
    const { data } = frontmatterOf(readFileSync(file, 'utf8'));
    expect(data).toMatchObject({
      owners: ['@northwind/revops'],
      last_reviewed: '2026-11-20',
      name: 'Test Tina',
      role: 'Head of Revenue Operations',
      seniority: 'director',
      dmu_roles: ['champion', 'end-user'],
      icps: ['midmarket-saas'],
      goals: ['One pipeline number everyone trusts'],
      pains: ['Board decks are rebuilt by hand each quarter'],
    });
    const lint = spawnSync(
      process.execPath,
      ['scripts/lint.ts', '--content', join(repo, 'content'), '--format', 'json', '--today', TODAY],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    );
    const report = JSON.parse(lint.stdout) as {
      diagnostics: { file: string; severity: string; rule: string }[];
    };
    const errors = report.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test('changing one must-have through the criterion widget changes that value and nothing else', async () => {
    useLocalBackend();
    const file = join(repo, 'content', 'icps', 'midmarket-saas.mdx');
    const before = frontmatterOf(readFileSync(file, 'utf8'));
    const { page, problems } = await openAdmin();
    await logIn(page);
    await page.goto(`${server.url}/admin/#/collections/icps/entries/midmarket-saas`);
    const high = page.locator('[id^="must_haves-field-"][id$="-high"]').first();
    await high.waitFor();
    await high.fill('2500');
    const label = page.locator('[id^="must_haves-field-"][id$="-label"]').first();
    await label.fill('200–2,500 employees');
    await publish(page);
    await expect.poll(() => readFileSync(file, 'utf8') !== '', { timeout: 10_000 }).toBe(true);
    await expect
      .poll(
        () => (frontmatterOf(readFileSync(file, 'utf8')).data.must_haves as { label?: string }[])[0]?.label,
        { timeout: 10_000 },
      )
      .toBe('200–2,500 employees');
    const after = frontmatterOf(readFileSync(file, 'utf8'));
    const expected = structuredClone(before.data) as { must_haves: unknown[] };
    expected.must_haves[0] = { label: '200–2,500 employees', field: 'employees', between: [200, 2500] };
    expect(after.data).toEqual(expected);
    expect(after.body).toBe(before.body);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
