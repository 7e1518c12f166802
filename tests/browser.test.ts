/**
 * The built fixture site in headless Chromium: search, filters, theme toggle, accessibility (axe).
 * Skips with a message when /usr/bin/chromium is missing, unless CI=true (then it must run).
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumFor, launchChromium } from './helpers/chromium.ts';
import { runBuild, SITE_FIXTURE, serve } from './site-build.ts';

const available = chromiumFor('Browser tests');

describe.runIf(available)('the site in a browser', () => {
  let tmp: string;
  let server: Awaited<ReturnType<typeof serve>>;
  let browser: Browser;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'playbook-browser-'));
    const dist = join(tmp, 'dist');
    // Search is indexed in runs of 3 pages, merged: every search test below runs on a merged index.
    process.env.PLAYBOOK_SEARCH_RUN_PAGES = '3';
    const result = runBuild(SITE_FIXTURE, dist);
    delete process.env.PLAYBOOK_SEARCH_RUN_PAGES;
    if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
    expect(result.stdout).toMatch(/\d+ pages indexed in [2-9]\d* Pagefind runs/);
    server = await serve(dist);
    browser = await launchChromium();
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

  const RESULT = '#_search-results .search-result a';

  async function search(page: Page, query: string) {
    const input = page.locator('#_search-ui input[type="search"]');
    await input.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('_search-q');
    await input.fill(query);
    await page.locator(RESULT).first().waitFor();
    // The status line is written once the visible results are complete.
    await expect
      .poll(() => page.locator('#_search-status').textContent())
      .toMatch(new RegExp(`results? for ${query}`));
  }

  const dialogOpen = (page: Page) =>
    page.evaluate(() => (document.getElementById('_search') as HTMLDialogElement).open);

  test('loads only the loader before search, the search UI on focus, Pagefind when it opens', async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}/`);
    await page.waitForLoadState('networkidle');
    const scripts = () => requested.filter((u) => u.endsWith('.js'));
    // Before search: the one script the page names (the loader), and nothing of search or Pagefind.
    const named = await page
      .locator('script[src]')
      .evaluateAll((els) => els.map((el) => new URL((el as HTMLScriptElement).src).pathname));
    expect(named).toHaveLength(1);
    expect(scripts()).toEqual(named);
    expect(requested.filter((u) => u.includes('/pagefind/'))).toEqual([]);
    // Focus fetches the search UI, a chunk of its own, and still no Pagefind.
    await page.focus('header [data-search]');
    await page.locator('#_search-q').waitFor({ state: 'attached' });
    expect(scripts().filter((u) => !named.includes(u))).toHaveLength(1);
    expect(requested.filter((u) => u.includes('/pagefind/'))).toEqual([]);
    await page.keyboard.press('Enter');
    await expect.poll(() => requested.includes('/pagefind/pagefind.js')).toBe(true);
    await page.waitForLoadState('networkidle');
    // No web worker, no index chunk, filter or fragment before a query or the filter panel.
    expect(requested.filter((u) => /worker|\.pf_(index|filter|fragment)$/.test(u))).toEqual([]);
    expect(requested.filter((u) => u.includes('pagefind-ui'))).toEqual([]);
    await context.close();
  });

  test('the "/" key opens search; a persona is found, the keyboard reaches it and Enter opens it', async () => {
    const page = await open('/');
    await page.keyboard.press('/');
    await expect.poll(() => dialogOpen(page)).toBe(true);
    await search(page, 'Carla');
    expect(await page.locator('#_search-status').textContent()).toMatch(/^\d+ results? for Carla$/);
    const link = page.locator(RESULT, { hasText: 'Carla the CFO' });
    expect(await link.count()).toBe(1);
    const carla = page
      .locator('.search-result')
      .filter({ has: page.locator('a', { hasText: /^Carla the CFO$/ }) });
    expect(await carla.locator('.search-meta').textContent()).toBe(
      'Persona · Financial services · Software · C-level',
    );
    const index = await page
      .locator(RESULT)
      .evaluateAll((as) => as.findIndex((a) => a.textContent === 'Carla the CFO'));
    for (let i = 0; i <= index; i++) await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Carla the CFO');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/personas\/cfo-carla\/$/);
    expect(await page.locator('h1').textContent()).toBe('Carla the CFO');
    await page.context().close();
  });

  test('Escape closes search, "/" opens it again with the query kept, and excerpts mark the match', async () => {
    const page = await open('/icps/saas/');
    await page.keyboard.press('/');
    await search(page, 'economic');
    const marks = await page.locator('#_search-results mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(
      marks.every((m) => /^econom/i.test(m)),
      marks.join(),
    ).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialogOpen(page)).toBe(false);
    await page.keyboard.press('/');
    await expect.poll(() => dialogOpen(page)).toBe(true);
    expect(await page.locator('#_search-q').inputValue()).toBe('economic');
    await page.context().close();
  });

  test('a filter narrows the results to one type, and filter data loads only when asked for', async () => {
    const page = await open('/personas/');
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.click('header [data-search]');
    await search(page, 'revops');
    const before = await page.locator(RESULT).count();
    expect(before).toBeGreaterThan(1);
    expect(requested.filter((u) => u.endsWith('.pf_filter'))).toEqual([]);
    await page.locator('.search-filters summary').click();
    const persona = page
      .locator('.search-groups fieldset', { hasText: 'Type' })
      .locator('label', { hasText: 'Persona' });
    await persona.waitFor();
    expect(requested.some((u) => u.endsWith('.pf_filter'))).toBe(true);
    for (const group of ['Type', 'Segment', 'Industry', 'DMU role', 'Seniority'])
      expect(await page.locator('.search-groups legend', { hasText: group }).count(), group).toBe(1);
    await persona.click();
    await expect
      .poll(async () =>
        (
          await page.locator(RESULT).evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname))
        ).every((p) => p.startsWith('/personas/')),
      )
      .toBe(true);
    expect(await page.locator(RESULT).count()).toBeLessThan(before);
    expect(await page.locator('.search-filters summary').textContent()).toBe('Filters (1)');
    expect(await page.locator('#_search-status').textContent()).toContain('with the chosen filters');
    await page.context().close();
  });

  test('search works on the 404 page too', async () => {
    const page = await open('/no/such/page/');
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    await page.click('main [data-search]');
    await search(page, 'Mid-market');
    expect(await page.locator(RESULT, { hasText: 'Mid-market SaaS' }).count()).toBeGreaterThan(0);
    await page.context().close();
  });

  test('a glossary match links to the term on the glossary page', async () => {
    const page = await open('/');
    await page.keyboard.press('/');
    await search(page, 'addressable');
    const link = page.locator(RESULT, { hasText: 'Glossary › Total addressable market' });
    expect(await link.getAttribute('href')).toBe('/glossary/#tam');
    await page.context().close();
  });

  test('an unknown word says so', async () => {
    const page = await open('/');
    await page.keyboard.press('/');
    const input = page.locator('#_search-q');
    await input.waitFor();
    await input.fill('zzqxv');
    await expect.poll(() => page.locator('#_search-status').textContent()).toBe('No results for zzqxv');
    expect(await page.locator(RESULT).count()).toBe(0);
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
    await page.keyboard.press('/');
    await search(page, 'revops');
    await page.locator('.search-filters summary').click();
    await page.locator('.search-groups fieldset').first().waitFor();
    const overflow = await page.evaluate(() => {
      const dialog = document.getElementById('_search')!;
      return { dialog: dialog.getBoundingClientRect().width, content: dialog.scrollWidth };
    });
    expect(overflow.dialog).toBeLessThanOrEqual(320);
    expect(overflow.content).toBeLessThanOrEqual(overflow.dialog);
    await context.close();
  });

  // Colour contrast is what changes between themes, so dark mode is checked on fewer pages.
  const AXE_PAGES = {
    light: [
      '/',
      '/icps/saas/',
      '/personas/cfo-carla/',
      '/matrix/',
      '/glossary/',
      '/health/',
      '/personas/hostile/',
      '/404.html',
    ],
    dark: ['/', '/icps/saas/', '/personas/cfo-carla/'],
  };
  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds no serious or critical violations (${scheme} theme)`, async () => {
      const problems: string[] = [];
      const context = await browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      const check = async (label: string) => {
        const { violations } = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
          .analyze();
        for (const v of violations) {
          if (v.impact === 'serious' || v.impact === 'critical')
            problems.push(
              `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
            );
        }
      };
      for (const path of AXE_PAGES[scheme]) {
        await page.goto(server.url + path);
        await check(path);
      }
      // The search dialog open, with results and the filter panel showing.
      await page.goto(server.url + '/personas/cfo-carla/');
      await page.keyboard.press('/');
      await search(page, 'revops');
      await page.locator('.search-filters summary').click();
      await page.locator('.search-groups fieldset').first().waitFor();
      await check('search dialog');
      await context.close();
      expect(problems).toEqual([]);
    }, 180_000); // axe walks every page type twice; slow on a busy machine.
  }
});
