/**
 * The Content-Security-Policy of the built site (§12) in headless Chromium: every page type carries
 * it, and search, the theme toggle and the fit check run under it without a single violation.
 * Skips when /usr/bin/chromium is missing, unless CI=true.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumFor, launchChromium } from './helpers/chromium.ts';
import { runBuild, SITE_FIXTURE, serve } from './site-build.ts';

const available = chromiumFor('CSP browser tests');

const PAGES = [
  '/',
  '/icps/',
  '/icps/saas/',
  '/personas/',
  '/personas/cfo-carla/',
  '/glossary/',
  '/guides/getting-started/',
  '/matrix/',
  '/health/',
  '/fit/',
  '/no-such-page/',
];

describe.runIf(available)('the Content-Security-Policy in a browser', () => {
  let tmp: string;
  let dist: string;
  let server: Awaited<ReturnType<typeof serve>>;
  let browser: Browser;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'playbook-csp-'));
    dist = join(tmp, 'dist');
    const result = runBuild(SITE_FIXTURE, dist);
    if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
    server = await serve(dist);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  /** Opens `path` with every CSP violation and CSP console error recorded from the first script on. */
  async function open(path: string): Promise<{ page: Page; violations: string[] }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations: string[] = [];
    await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { __cspViolation(v: string): void }).__cspViolation(
          `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
        );
      });
    });
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(server.url + path);
    await page.waitForLoadState('networkidle');
    return { page, violations };
  }

  test.each(PAGES)('%s carries the policy: scripts by origin and hash only', async (path) => {
    const { page, violations } = await open(path);
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/]+=*' 'wasm-unsafe-eval'/);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).toMatch(/object-src 'none'/);
    // The policy comes before every script in <head>, so it covers them.
    const order = await page.evaluate(() =>
      [...document.head.children].map((el) =>
        el.tagName === 'META' ? el.getAttribute('http-equiv') : el.tagName,
      ),
    );
    expect(order.indexOf('Content-Security-Policy')).toBeLessThan(order.indexOf('SCRIPT'));
    expect(violations).toEqual([]);
    await page.context().close();
  });

  test('the inline theme script runs (its hash is allowed) and the toggle works', async () => {
    const { page, violations } = await open('/personas/cfo-carla/');
    await page.locator('[data-theme-toggle]').click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.reload();
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(violations).toEqual([]);
    await page.context().close();
  });

  test('search loads Pagefind, compiles its WebAssembly and finds a persona', async () => {
    const { page, violations } = await open('/');
    await page.keyboard.press('/');
    const input = page.locator('#_search-ui input[type="search"]');
    await input.waitFor();
    await input.fill('Carla');
    await page.locator('#_search-results .search-result a', { hasText: 'Carla the CFO' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
    await page.context().close();
  });

  test('the fit check scores an account', async () => {
    const { page, violations } = await open('/fit/');
    await page.locator('[data-fit-check][data-ready="true"]').waitFor();
    await page.getByLabel('Industry').fill('Software');
    await page.getByLabel('Employees').fill('500');
    await expect.poll(() => page.locator('[data-fit-results] [data-icp]').count()).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    await page.context().close();
  });

  test.each(['index.html', 'fit/index.html', '404.html'])(
    '%s: every inline script is named by its hash',
    (file) => {
      const html = readFileSync(join(dist, file), 'utf8');
      const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
      const inline = [
        ...html.matchAll(
          /<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/g,
        ),
      ];
      expect(inline.length).toBeGreaterThan(0);
      for (const [, body] of inline) {
        const hash = createHash('sha256').update(body!).digest('base64');
        expect(policy).toContain(`'sha256-${hash}'`);
      }
    },
  );
});
