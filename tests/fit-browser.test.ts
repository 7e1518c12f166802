/**
 * The /fit page in headless Chromium, on the site built from the example playbook: for every
 * account in content/data/accounts.csv, the verdicts and scores the page shows equal the
 * `score` command's. Skips with a message when /usr/bin/chromium is missing, unless CI=true.
 */

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseAccounts } from '../src/core/score/accounts.ts';
import type { Account } from '../src/core/score/score.ts';
import { chromiumFor, launchChromium } from './helpers/chromium.ts';
import { ROOT, runBuild, serve } from './site-build.ts';

const available = chromiumFor('Fit check browser tests');
const ACCOUNTS = 'content/data/accounts.csv';

type CliJson = {
  account: string;
  best: string | null;
  results: { icp: string; verdict: string; score: number }[];
}[];

describe.runIf(available)('the /fit page in a browser', () => {
  let tmp: string;
  let dist: string;
  let server: Awaited<ReturnType<typeof serve>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'playbook-fit-'));
    dist = join(tmp, 'dist');
    const result = runBuild(join(ROOT, 'content'), dist);
    if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
    server = await serve(dist);
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}/fit/`);
    await page.locator('[data-fit-check][data-ready="true"]').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  async function fill(account: Account) {
    await page.getByLabel('Industry').fill(account.industry ?? '');
    await page.getByLabel('Region').fill(account.region ?? '');
    await page.getByLabel('Country').fill(account.country ?? '');
    await page.getByLabel('Growth stage').selectOption(account.growth_stage ?? '');
    await page.getByLabel('Employees').fill(account.employees === undefined ? '' : String(account.employees));
    await page
      .getByLabel(/Annual revenue/)
      .fill(account.annual_revenue === undefined ? '' : String(account.annual_revenue));
    await page
      .getByLabel(/Revenue growth/)
      .fill(account.growth_rate === undefined ? '' : String(account.growth_rate));
    await page.getByLabel('Tools the account runs').fill((account.tech ?? []).join('; '));
  }

  const shown = () =>
    page.$$eval('[data-fit-results] [data-icp]', (cards) =>
      cards.map((c) => ({
        icp: (c as HTMLElement).dataset.icp!,
        verdict: (c as HTMLElement).dataset.verdict!,
        score: Number((c as HTMLElement).dataset.score),
      })),
    );

  test('shows, for every example account, the verdicts and scores the score command gives', async () => {
    const cli = JSON.parse(
      execFileSync('npx', ['node', 'scripts/score.ts', ACCOUNTS, '--format', 'json'], {
        cwd: ROOT,
        encoding: 'utf8',
      }),
    ) as CliJson;
    const { rows } = parseAccounts(readFileSync(join(ROOT, ACCOUNTS), 'utf8'));
    expect(rows).toHaveLength(cli.length);
    for (const [i, row] of rows.entries()) {
      await fill(row.account);
      const expected = cli[i]!;
      expect(await shown(), row.account.name).toEqual(
        expected.results.map(({ icp, verdict, score }) => ({ icp, verdict, score })),
      );
      expect(await page.locator('[data-fit-results]').getAttribute('data-best'), row.account.name).toBe(
        expected.best ?? '',
      );
    }
  });

  test('explains a verdict rule by rule and names the best fit', async () => {
    await fill({
      name: 'Kestrel',
      industry: 'fintech',
      region: 'Europe',
      country: 'United Kingdom',
      employees: 610,
      annual_revenue: 95_000_000,
      growth_rate: 22,
      tech: ['HubSpot', 'BigQuery', 'Stripe'],
    });
    const card = page.locator('[data-icp="midmarket-saas"]');
    await expect.poll(() => card.getAttribute('data-verdict')).toBe('fit');
    await expect
      .poll(() => page.locator('[data-fit-summary]').textContent())
      .toMatch(/^Best fit: Mid-market B2B SaaS \(score 75\)/);
    const reasons = await card.locator('li').allTextContents();
    expect(reasons).toContain('✓Met: 200–2,000 employees');
    expect(reasons).toContain('–No: Revenue growth of 25% or more (weight 25)');
    expect(reasons).toContain('✓+20: Runs Salesforce or HubSpot (weight 20)');
    expect(reasons).toContain('✓Clear: Public sector or non-profit');
    expect(reasons).toContain(
      '•Check by hand: Recurring revenue on monthly or annual contracts makes up most of the income',
    );
  });

  test('works from the keyboard: Enter checks the fit and moves focus to the results', async () => {
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.getByLabel('Industry').focus();
    await page.keyboard.type('Banking');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('fit-results-title');
    expect(await page.locator('[data-icp="regional-banks"]').getAttribute('data-verdict')).toBe('partial');
  });

  test('embeds the ICPs as JSON with "<" escaped', () => {
    const html = readFileSync(join(dist, 'fit/index.html'), 'utf8');
    const json = /<script type="application\/json">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(json).not.toContain('<');
    expect(JSON.parse(json).map((i: { id: string }) => i.id)).toEqual([
      'ecommerce-scaleups',
      'midmarket-saas',
      'regional-banks',
    ]);
  });

  test('has no accessibility violations (axe, WCAG 2.2 AA)', async () => {
    await fill({ name: 'x', industry: 'Government', employees: 50 });
    const { violations } = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
      [],
    );
  });
});
