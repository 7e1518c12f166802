/**
 * The built fixture site in headless Chromium: search, filters, theme toggle, accessibility (axe).
 * Skips with a message when /usr/bin/chromium is missing, unless CI=true (then it must run).
 */
import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runBuild, serve, SITE_FIXTURE } from './site-build.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const available = existsSync(CHROMIUM);
const inCI = process.env.CI === 'true';

if (!available && !inCI) {
  console.warn(`Browser tests skipped: ${CHROMIUM} not found (install it with "apt-get install chromium"; with CI=true they are required).`);
}

describe('browser prerequisites', () => {
  test.runIf(inCI)('Chromium is installed in CI', () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is required when CI=true`).toBe(true);
  });
});

describe.runIf(available)('the site in a browser', () => {
  let tmp: string;
  let server: Awaited<ReturnType<typeof serve>>;
  let browser: Browser;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'playbook-browser-'));
    const dist = join(tmp, 'dist');
    const result = runBuild(SITE_FIXTURE, dist);
    if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
    server = await serve(dist);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  async function open(path: string, options: { colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
    const context = await browser.newContext({ colorScheme: options.colorScheme ?? 'light' });
    const page = await context.newPage();
    await page.goto(server.url + path);
    return page;
  }

  async function search(page: Page, query: string) {
    const input = page.locator('#_search-ui input.pagefind-ui__search-input');
    await input.waitFor();
    await input.fill(query);
    await page.locator('.pagefind-ui__result-link').first().waitFor();
  }

  test('loads no search code until the reader reaches for search', async () => {
    const page = await open('/');
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.waitForLoadState('networkidle');
    expect(requested.filter((u) => u.includes('/pagefind/'))).toEqual([]);
    await page.focus('header [data-search]');
    await page.waitForFunction(() => 'PagefindUI' in window);
    expect(requested.some((u) => u.endsWith('/pagefind/pagefind-ui.js'))).toBe(true);
    await page.context().close();
  });

  test('the "/" key opens search; a persona is found and opens', async () => {
    const page = await open('/');
    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate(() => (document.getElementById('_search') as HTMLDialogElement).open)).toBe(true);
    await search(page, 'Carla');
    const link = page.locator('.pagefind-ui__result-link', { hasText: 'Carla the CFO' });
    await link.first().click();
    await page.waitForURL(/\/personas\/cfo-carla\/$/);
    expect(await page.locator('h1').textContent()).toBe('Carla the CFO');
    await page.context().close();
  });

  test('a filter narrows the results to one type', async () => {
    const page = await open('/personas/');
    await page.click('header [data-search]');
    await search(page, 'revops');
    const before = await page.locator('.pagefind-ui__result-link').allTextContents();
    expect(before.length).toBeGreaterThan(1);
    await page.locator('.pagefind-ui__filter-block', { hasText: 'Type' }).locator('label', { hasText: 'Persona' }).click();
    await expect.poll(async () => (await page.locator('.pagefind-ui__result-link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname))).every((p) => p.startsWith('/personas/'))).toBe(true);
    expect(await page.locator('.pagefind-ui__result-link').count()).toBeLessThan(before.length);
    await page.context().close();
  });

  test('search works on the 404 page too', async () => {
    const page = await open('/no/such/page/');
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    await page.click('main [data-search]');
    await search(page, 'Mid-market');
    expect(await page.locator('.pagefind-ui__result-link', { hasText: 'Mid-market SaaS' }).count()).toBeGreaterThan(0);
    await page.context().close();
  });

  test('the theme toggle switches to dark, says so, and remembers it', async () => {
    const page = await open('/');
    const toggle = page.locator('[data-theme-toggle]');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(background);
    await page.context().close();
  });

  test('glossary tooltips show on keyboard focus and are the link description', async () => {
    const page = await open('/guides/getting-started/');
    const link = page.locator('.term > a').first();
    await link.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await page.locator('#_tip-tam').isVisible()).toBe(true);
    expect(await link.getAttribute('aria-describedby')).toBe('_tip-tam');
    await page.keyboard.press('Escape');
    expect(await page.locator('#_tip-tam').isVisible()).toBe(false);
    await page.context().close();
  });

  test('pages fit a 320 px screen without sideways scrolling', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    for (const path of ['/', '/icps/saas/', '/personas/cfo-carla/', '/glossary/', '/health/']) {
      await page.goto(server.url + path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
    }
    await context.close();
  });

  // Colour contrast is what changes between themes, so dark mode is checked on fewer pages.
  const AXE_PAGES = {
    light: ['/', '/icps/saas/', '/personas/cfo-carla/', '/matrix/', '/glossary/', '/health/', '/personas/hostile/', '/404.html'],
    dark: ['/', '/icps/saas/', '/personas/cfo-carla/'],
  };
  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds no serious or critical violations (${scheme} theme)`, async () => {
      const problems: string[] = [];
      const context = await browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      for (const path of AXE_PAGES[scheme]) {
        await page.goto(server.url + path);
        const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
        for (const v of violations) {
          if (v.impact === 'serious' || v.impact === 'critical') problems.push(`${path}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        }
      }
      await context.close();
      expect(problems).toEqual([]);
    });
  }
});
