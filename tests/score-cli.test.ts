/**
 * The `score` command end to end: the real script in a child process, every format, every kind
 * of bad input. Expected verdicts and scores were worked out by hand from the ICP files.
 */
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, createWriteStream, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = 'tests/fixtures/score';
const ACCOUNTS = 'content/data/accounts.csv';
const DEALS = 'content/data/deals.csv';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function score(...args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)('npx', ['node', 'scripts/score.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      maxBuffer: 10_000_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** stderr without npm's own configuration notices. */
const messages = (stderr: string) =>
  stderr
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('npm warn'))
    .join('\n');

type Json = {
  account: string;
  best: string | null;
  results: {
    icp: string;
    verdict: string;
    score: number;
    reasons: { label: string; outcome: string; kind: string }[];
  }[];
}[];

/** Verdict and score per active ICP (ecommerce-scaleups, midmarket-saas, regional-banks), and the best fit. */
const EXPECTED: [account: string, best: string | null, ecommerce: string, saas: string, banks: string][] = [
  ['Harbor & Pine Outfitters', 'ecommerce-scaleups', 'fit 100', 'partial 65', 'partial 15'],
  ['Lumen Ledger', 'midmarket-saas', 'partial 60', 'fit 100', 'partial 45'],
  ['Cascadia Community Bank', 'regional-banks', 'partial 10', 'partial 10', 'fit 100'],
  ['Kestrel Payments, Inc.', 'midmarket-saas', 'partial 25', 'fit 75', 'partial 15'],
  ['Norrland Home Goods', null, 'partial 10', 'partial 25', 'partial 15'],
  ['Bluegate Wholesale Supply', null, 'excluded 0', 'partial 20', 'excluded 0'],
  ['City of Brookfield', null, 'partial 10', 'excluded 0', 'partial 15'],
  ['Tiny Tin Candles', null, 'excluded 0', 'excluded 0', 'excluded 0'],
  ['Orbital Metrics', null, 'excluded 0', 'excluded 0', 'excluded 0'],
  ['Prairie Federal Credit Union', null, 'partial 20', 'partial 25', 'partial 20'],
  ['Sable Health Partners', null, 'partial 25', 'partial 30', 'partial 80'],
  ['Quill & Quire Software', 'midmarket-saas', 'partial 10', 'fit 65', 'partial 60'],
  ['Tidewater Apparel Co.', null, 'partial 55', 'partial 45', 'excluded 0'],
  ['Meridian Trust Bank', null, 'partial 25', 'partial 30', 'partial 70'],
  ['Copperleaf Analytics', null, 'partial 40', 'partial 75', 'excluded 0'],
  ['Fernwood Pet Supply', null, 'partial 45', 'partial 30', 'excluded 0'],
];

describe.concurrent('npm run score', () => {
  test('--format json scores every account against every active ICP', async () => {
    const run = await score(ACCOUNTS, '--format', 'json');
    expect(messages(run.stderr)).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as Json;
    expect(json.map((a) => [a.account, a.best, ...a.results.map((r) => `${r.verdict} ${r.score}`)])).toEqual(
      EXPECTED,
    );
    for (const a of json) {
      expect(Object.keys(a)).toEqual(['account', 'best', 'results']);
      expect(a.results.map((r) => r.icp)).toEqual(['ecommerce-scaleups', 'midmarket-saas', 'regional-banks']);
      for (const r of a.results) {
        expect(Object.keys(r)).toEqual(['icp', 'verdict', 'score', 'reasons']);
        for (const reason of r.reasons) expect(Object.keys(reason)).toEqual(['label', 'outcome', 'kind']);
      }
    }
  });

  test('--format json lists every executable rule with its outcome, without plain sentences', async () => {
    const json = JSON.parse((await score(ACCOUNTS, '--format', 'json')).stdout) as Json;
    const kestrel = json.find((a) => a.account === 'Kestrel Payments, Inc.')!;
    expect(kestrel.results.find((r) => r.icp === 'midmarket-saas')).toEqual({
      icp: 'midmarket-saas',
      verdict: 'fit',
      score: 75,
      reasons: [
        { label: '200–2,000 employees', outcome: 'matched', kind: 'must_have' },
        { label: 'B2B software or fintech', outcome: 'matched', kind: 'must_have' },
        { label: 'Sells in North America or Europe', outcome: 'matched', kind: 'must_have' },
        { label: 'Public sector or non-profit', outcome: 'failed', kind: 'deal_breaker' },
        { label: 'Annual revenue of $10M or less', outcome: 'failed', kind: 'deal_breaker' },
        { label: 'Revenue growth of 25% or more', outcome: 'failed', kind: 'scoring' },
        { label: 'Runs Salesforce or HubSpot', outcome: 'matched', kind: 'scoring' },
        { label: 'Has a cloud data warehouse', outcome: 'matched', kind: 'scoring' },
        { label: '500–1,500 employees', outcome: 'matched', kind: 'scoring' },
        { label: '$30M–$200M annual revenue', outcome: 'matched', kind: 'scoring' },
        { label: 'Headquartered in the US or UK', outcome: 'matched', kind: 'scoring' },
      ],
    });
    // Tidewater has no employee count: the must-have is unknown, so 55 points are not a fit.
    const tidewater = json.find((a) => a.account === 'Tidewater Apparel Co.')!.results[0]!;
    expect(tidewater.reasons[0]).toEqual({
      label: '100–1,000 employees',
      outcome: 'unknown',
      kind: 'must_have',
    });
    // City of Brookfield has no revenue: the revenue deal-breaker is unknown, never matched.
    const brookfield = json.find((a) => a.account === 'City of Brookfield')!.results[0]!;
    expect(brookfield.reasons).toContainEqual({
      label: 'Annual revenue of $15M or less',
      outcome: 'unknown',
      kind: 'deal_breaker',
    });
  });

  test('--format table prints aligned columns: account, best, then verdict and score per ICP', async () => {
    const run = await score(ACCOUNTS);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    const header = lines[0]!;
    expect(header.split(/\s{2,}/)).toEqual([
      'account',
      'best',
      'ecommerce-scaleups',
      'midmarket-saas',
      'regional-banks',
    ]);
    for (const [account, best, ...cells] of EXPECTED) {
      const line = lines.find((l) => l.startsWith(`${account}  `))!;
      expect(line, account).toBeDefined();
      expect(line.slice(header.indexOf('best')).startsWith(best ?? '-')).toBe(true);
      expect(line.slice(header.indexOf('ecommerce-scaleups')).startsWith(cells[0]!)).toBe(true);
      expect(line.slice(header.indexOf('midmarket-saas')).startsWith(cells[1]!)).toBe(true);
      expect(line.slice(header.indexOf('regional-banks')).startsWith(cells[2]!)).toBe(true);
    }
  });

  test('--format csv prints one row per account and ICP', async () => {
    const run = await score(ACCOUNTS, '--format', 'csv');
    expect(run.code).toBe(0);
    const rows = parse(run.stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(EXPECTED.length * 3);
    expect(Object.keys(rows[0]!)).toEqual([
      'account',
      'icp',
      'verdict',
      'score',
      'threshold',
      'best',
      'must_haves_missed',
      'deal_breakers_matched',
      'scoring_matched',
      'unknown',
    ]);
    expect(
      rows.find((r) => r.account === 'Kestrel Payments, Inc.' && r.icp === 'midmarket-saas'),
    ).toMatchObject({
      verdict: 'fit',
      score: '75',
      threshold: '60',
      best: 'yes',
      scoring_matched:
        'Runs Salesforce or HubSpot; Has a cloud data warehouse; 500–1,500 employees; $30M–$200M annual revenue; Headquartered in the US or UK',
    });
    expect(
      rows.find((r) => r.account === 'Bluegate Wholesale Supply' && r.icp === 'ecommerce-scaleups'),
    ).toMatchObject({
      verdict: 'excluded',
      score: '0',
      best: 'no',
      deal_breakers_matched: 'Wholesale-only or B2B distribution',
    });
  });

  test('--icp scores a draft ICP when named', async () => {
    const json = JSON.parse(
      (await score(ACCOUNTS, '--icp', 'healthcare-providers', '--format', 'json')).stdout,
    ) as Json;
    expect(json.every((a) => a.results.length === 1 && a.results[0]!.icp === 'healthcare-providers')).toBe(
      true,
    );
    const sable = json.find((a) => a.account === 'Sable Health Partners')!;
    expect(sable).toMatchObject({ best: 'healthcare-providers', results: [{ verdict: 'fit', score: 100 }] });
  });

  test('--icp scores a retired ICP when named; without scoring a fit is 100', async () => {
    const json = JSON.parse(
      (await score(ACCOUNTS, '--icp', 'early-stage-startups', '--format', 'json')).stdout,
    ) as Json;
    expect(json.find((a) => a.account === 'Orbital Metrics')).toMatchObject({
      best: 'early-stage-startups',
      results: [{ verdict: 'fit', score: 100 }],
    });
    expect(json.find((a) => a.account === 'Lumen Ledger')).toMatchObject({
      best: null,
      results: [{ verdict: 'partial', score: 0 }],
    });
  });

  test('--content reads the ICPs of another playbook and handles BOM, CRLF, quotes and an unknown column', async () => {
    const run = await score(
      `${FIXTURES}/accounts.csv`,
      '--content',
      `${FIXTURES}/content`,
      '--format',
      'json',
    );
    expect(run.code).toBe(0);
    expect(messages(run.stderr)).toMatch(
      /warning: .*accounts\.csv row 1, column 7 \(notes\): the column "notes" is not an account attribute/,
    );
    const json = JSON.parse(run.stdout) as Json;
    // The draft "grocers" ICP is left out: only active ICPs are scored by default.
    expect(
      json.map((a) => [a.account, a.best, a.results.map((r) => `${r.icp} ${r.verdict} ${r.score}`)]),
    ).toEqual([
      ['Corner Shops, Ltd.', 'retail-chains', ['retail-chains fit 100']],
      ['High Street Co', null, ['retail-chains partial 0']],
      ['Franchise Group', null, ['retail-chains excluded 0']],
      ['Fresh Grocer', null, ['retail-chains partial 33']],
    ]);
  });

  test('ignores an outcome column when not backtesting', async () => {
    const run = await score(DEALS, '--format', 'json');
    expect(run.code).toBe(0);
    expect(messages(run.stderr)).toBe('');
    expect(JSON.parse(run.stdout)).toHaveLength(100);
  });

  describe('bad input exits 2', () => {
    test('a missing file', async () => {
      const run = await score('nowhere/accounts.csv');
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(messages(run.stderr)).toMatch(/Cannot read nowhere\/accounts\.csv: no such file/);
    });

    test('a file without a name column', async () => {
      const run = await score(`${FIXTURES}/no-name.csv`, '--format', 'json');
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(messages(run.stderr)).toMatch(/row 1: the header row has no "name" column/);
    });

    test('a non-number in employees, naming its row and column, while the good rows are still scored', async () => {
      const run = await score(
        `${FIXTURES}/bad-cells.csv`,
        '--content',
        `${FIXTURES}/content`,
        '--format',
        'json',
      );
      expect(run.code).toBe(2);
      const stderr = messages(run.stderr);
      expect(stderr).toContain('row 3, column 3 (employees): "lots" is not a number');
      expect(stderr).toContain('row 5, column 3 (employees): "1,200" is not a number');
      expect(stderr).toMatch(
        /2 errors in .*bad-cells\.csv: rows with errors were left out; the other 2 rows were scored/,
      );
      expect((JSON.parse(run.stdout) as Json).map((a) => a.account)).toEqual(['Good One', 'Also Good']);
    });

    test('an empty file', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'score-'));
      writeFileSync(join(dir, 'empty.csv'), '');
      const run = await score(join(dir, 'empty.csv'));
      expect(run.code).toBe(2);
      expect(messages(run.stderr)).toMatch(/the file is empty/);
    });

    test('an unknown --icp, with the known ids and a suggestion', async () => {
      const run = await score(ACCOUNTS, '--icp', 'midmarket-sas');
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(messages(run.stderr)).toMatch(
        /There is no ICP "midmarket-sas"\. Did you mean "midmarket-saas"\? Known ICPs: .*ecommerce-scaleups, .*healthcare-providers, midmarket-saas, regional-banks/,
      );
    });

    test.each([
      {
        name: 'an unknown format',
        args: [ACCOUNTS, '--format', 'xml'],
        message: /--format must be one of table, csv, json, got "xml"/,
      },
      { name: 'an unknown flag', args: [ACCOUNTS, '--colour'], message: /Unknown option '--colour'/ },
      { name: 'no file', args: [], message: /Name the CSV file of accounts to score/ },
      { name: 'two files', args: [ACCOUNTS, DEALS], message: /Expected one CSV file, got 2/ },
      {
        name: 'a backtest as CSV',
        args: [DEALS, '--outcomes', '--format', 'csv'],
        message: /--outcomes prints a backtest report as a table or JSON/,
      },
    ])('$name', async ({ args, message }) => {
      const run = await score(...args);
      expect(run.code).toBe(2);
      expect(messages(run.stderr)).toMatch(message);
      expect(messages(run.stderr)).toContain('Usage: npm run score');
    });
  });

  describe('large files stream in csv and json', () => {
    const rows = (n: number, from = 0) =>
      Array.from(
        { length: n },
        (_, i) =>
          `Account ${from + i},E-commerce,North America,${100 + ((from + i) % 900)},${20_000_000 + from + i},${(from + i) % 60},Shopify Plus;Recharge\n`,
      ).join('');
    const HEADER = 'name,industry,region,employees,annual_revenue,growth_rate,tech\n';

    test('--format csv reports bad rows with row and column, scores the others and exits 2 at the end', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'score-'));
      writeFileSync(join(dir, 'bad.csv'), `${HEADER}${rows(2)}Broken,Retail,Europe,lots,1,1,\n${rows(2, 2)}`);
      const run = await score(join(dir, 'bad.csv'), '--format', 'csv');
      expect(run.code).toBe(2);
      expect(messages(run.stderr)).toMatch(
        /row 4, column 4 \(employees\): "lots" is not a number[\s\S]*1 error in .*bad\.csv: rows with errors were left out; the other 4 rows were scored\./,
      );
      const scored = parse(run.stdout, { columns: true }) as Record<string, string>[];
      expect(new Set(scored.map((r) => r.account))).toEqual(
        new Set(['Account 0', 'Account 1', 'Account 2', 'Account 3']),
      );
    });

    test('a file that breaks off keeps what was scored as a complete document and exits 2', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'score-'));
      // More than the first 64 kB, which are checked before anything is printed.
      writeFileSync(
        join(dir, 'broken.csv'),
        Buffer.concat([
          Buffer.from(`${HEADER}${rows(2000)}`),
          Buffer.from([0, 1, 2]),
          Buffer.from(rows(5, 2000)),
        ]),
      );
      const run = await score(join(dir, 'broken.csv'), '--format', 'json');
      expect(run.code).toBe(2);
      expect(messages(run.stderr)).toMatch(
        /Cannot read .*broken\.csv past row \d+: it contains binary data \(a NUL byte\), so it is not a text file, after [\d,]+ accounts scored and printed\./,
      );
      const json = JSON.parse(run.stdout) as Json;
      expect(json.length).toBeGreaterThan(0);
      expect(json.length).toBeLessThan(2000);
    });

    test('memory stays flat: 30,000 accounts score in a 40 MB heap', async () => {
      // Buffered, 30,000 accounts take a few hundred MB (about 9 kB each); streamed, the heap
      // holds one chunk of the file and of the output at a time.
      const dir = mkdtempSync(join(tmpdir(), 'score-'));
      const file = join(dir, 'big.csv');
      const stream = createWriteStream(file);
      stream.write(HEADER);
      for (let i = 0; i < 30_000; i += 5_000) stream.write(rows(5_000, i));
      stream.end();
      await once(stream, 'close');
      const out = join(dir, 'scores.csv');
      const fd = openSync(out, 'w');
      const child = spawn(
        'npx',
        ['node', '--max-old-space-size=40', 'scripts/score.ts', file, '--format', 'csv'],
        { cwd: ROOT, stdio: ['ignore', fd, 'pipe'] },
      );
      let stderr = '';
      child.stderr?.on('data', (chunk) => {
        stderr += chunk;
      });
      const [code] = await once(child, 'close');
      closeSync(fd);
      expect(messages(stderr)).toBe('');
      expect(code).toBe(0);
      const text = readFileSync(out, 'utf8');
      // Every record, the last one too, ends with CRLF and nothing else (strict CSV readers need one kind).
      expect(text.endsWith('\r\n')).toBe(true);
      expect(text.slice(0, -2).split('\r\n')).toHaveLength(30_000 * 3 + 1);
      expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    }, 120_000);
  });

  describe('--sql', () => {
    test('prints one query for the active ICPs, headed by the version and the ICP ids', async () => {
      const run = await score('--sql', 'postgres');
      expect(messages(run.stderr)).toBe('');
      expect(run.code).toBe(0);
      const lines = run.stdout.split('\n');
      expect(lines[0]).toMatch(/^-- ICP fit scores: .*--sql postgres\.$/);
      expect(lines[1]).toMatch(/^-- Playbook version: .*ICP files sha256 [0-9a-f]{12}$/);
      expect(lines[2]).toBe('-- ICPs: ecommerce-scaleups, midmarket-saas, regional-banks');
      expect(run.stdout).toContain('select account, icp, verdict, score, is_best\nfrom best_fits\n');
    });

    test('--icp, --table, --key and --content choose the ICPs, the table and the key column', async () => {
      const run = await score(
        '--sql',
        'duckdb',
        '--content',
        `${FIXTURES}/content`,
        '--icp',
        'grocers',
        '--table',
        "{{ ref('accounts') }}",
        '--key',
        'crm_id',
      );
      expect(run.code).toBe(0);
      expect(run.stdout.split('\n')[2]).toBe('-- ICPs: grocers');
      expect(run.stdout).toContain(`from {{ ref('accounts') }} as accounts_source`);
      expect(run.stdout).toContain('accounts_source."crm_id" as account');
    });

    test.each([
      {
        name: 'an unknown dialect, with the list',
        args: ['--sql', 'oracle'],
        message: /--sql must be one of duckdb, postgres, snowflake, bigquery, got "oracle"/,
      },
      {
        name: 'a CSV file too',
        args: ['--sql', 'duckdb', ACCOUNTS],
        message: /--sql prints a query and reads no CSV/,
      },
      {
        name: 'with --format',
        args: ['--sql', 'duckdb', '--format', 'json'],
        message: /--sql cannot be combined with --format or --outcomes/,
      },
      {
        name: '--table without --sql',
        args: [ACCOUNTS, '--table', 'crm'],
        message: /--table and --key go with --sql DIALECT/,
      },
      {
        name: 'an empty --key',
        args: ['--sql', 'duckdb', '--key', ''],
        message: /--key needs a column name/,
      },
      {
        name: 'an unknown --icp',
        args: ['--sql', 'duckdb', '--icp', 'midmarket-sas'],
        message: /There is no ICP "midmarket-sas"\. Did you mean "midmarket-saas"\?/,
      },
    ])('exits 2 on $name', async ({ args, message }) => {
      const run = await score(...args);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(messages(run.stderr)).toMatch(message);
    });
  });

  describe('--outcomes', () => {
    test('backtests each active ICP in JSON', async () => {
      const run = await score(DEALS, '--outcomes', '--format', 'json');
      expect(run.code).toBe(0);
      const json = JSON.parse(run.stdout);
      expect(json).toMatchObject({ deals: 100, outcomes: { won: 40, lost: 32, churned: 28 }, win_rate: 0.4 });
      const byId = Object.fromEntries(json.icps.map((i: { icp: string }) => [i.icp, i]));
      expect(Object.keys(byId)).toEqual(['ecommerce-scaleups', 'midmarket-saas', 'regional-banks']);
      expect(byId['midmarket-saas'].matrix).toEqual({
        fit: { won: 19, lost: 1, churned: 3 },
        partial: { won: 21, lost: 26, churned: 20 },
        excluded: { won: 0, lost: 5, churned: 5 },
      });
      expect(byId['midmarket-saas'].fit).toEqual({
        fit_won: 19,
        fit_deals: 23,
        won_deals: 40,
        precision: 0.8261,
        recall: 0.475,
      });
      expect(byId['ecommerce-scaleups'].matrix.fit).toEqual({ won: 4, lost: 2, churned: 6 });
      expect(byId['ecommerce-scaleups'].fit).toEqual({
        fit_won: 4,
        fit_deals: 12,
        won_deals: 40,
        precision: 0.3333,
        recall: 0.1,
      });
      expect(
        byId['ecommerce-scaleups'].rules.find((r: { label: string }) => r.label === 'Sells on Amazon'),
      ).toEqual({
        label: 'Sells on Amazon',
        kind: 'scoring',
        matched: { deals: 16, won: 4, win_rate: 0.25 },
        not_matched: { deals: 84, won: 36, win_rate: 0.4286 },
        unknown: 0,
        lift: 0.5833,
      });
    });

    test('prints the matrix, precision, recall and lift as a table', async () => {
      const run = await score(DEALS, '--outcomes', '--icp', 'midmarket-saas');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(
        'Backtest of 100 deals (40 won, 32 lost, 28 churned; win rate 40%) against 1 ICP.',
      );
      expect(run.stdout).toContain('midmarket-saas: Mid-market B2B SaaS');
      expect(run.stdout).toMatch(/fit\s+19\s+1\s+3\s+23\s+83%/);
      expect(run.stdout).toContain('precision 83% (19 of 23 fits won), recall 48% (19 of 40 wins were fits)');
      expect(run.stdout).toMatch(
        /Has a cloud data warehouse\s+scoring\s+33\/50 won \(66%\)\s+7\/50 won \(14%\)\s+4\.71x/,
      );
    });

    test('counts a small file by hand', async () => {
      const run = await score(
        `${FIXTURES}/deals.csv`,
        '--content',
        `${FIXTURES}/content`,
        '--outcomes',
        '--format',
        'json',
      );
      expect(run.code).toBe(0);
      const [retail] = JSON.parse(run.stdout).icps;
      // A and D: fit 67 (won). B: fewer than 100 staff, partial (lost). C: franchise, excluded (churned). E: grocery, partial (lost).
      expect(retail.matrix).toEqual({
        fit: { won: 2, lost: 0, churned: 0 },
        partial: { won: 0, lost: 2, churned: 0 },
        excluded: { won: 0, lost: 0, churned: 1 },
      });
      expect(retail.fit).toEqual({ fit_won: 2, fit_deals: 2, won_deals: 2, precision: 1, recall: 1 });
      expect(retail.rules).toEqual([
        {
          label: 'Retail',
          kind: 'must_have',
          matched: { deals: 4, won: 2, win_rate: 0.5 },
          not_matched: { deals: 1, won: 0, win_rate: 0 },
          unknown: 0,
          lift: null,
        },
        {
          label: '100 or more staff',
          kind: 'must_have',
          matched: { deals: 4, won: 2, win_rate: 0.5 },
          not_matched: { deals: 1, won: 0, win_rate: 0 },
          unknown: 0,
          lift: null,
        },
        {
          label: 'Franchise model',
          kind: 'deal_breaker',
          matched: { deals: 1, won: 0, win_rate: 0 },
          not_matched: { deals: 4, won: 2, win_rate: 0.5 },
          unknown: 3,
          lift: 0,
        },
        {
          label: 'Uses Shopify POS',
          kind: 'scoring',
          matched: { deals: 1, won: 1, win_rate: 1 },
          not_matched: { deals: 4, won: 1, win_rate: 0.25 },
          unknown: 3,
          lift: 4,
        },
        {
          label: 'Based in Europe',
          kind: 'scoring',
          matched: { deals: 4, won: 2, win_rate: 0.5 },
          not_matched: { deals: 1, won: 0, win_rate: 0 },
          unknown: 0,
          lift: null,
        },
        {
          label: 'Growing 10% or more',
          kind: 'scoring',
          matched: { deals: 3, won: 1, win_rate: 0.3333 },
          not_matched: { deals: 2, won: 1, win_rate: 0.5 },
          unknown: 2,
          lift: 0.6667,
        },
      ]);
    });

    test('requires an outcome column', async () => {
      const run = await score(ACCOUNTS, '--outcomes');
      expect(run.code).toBe(2);
      expect(messages(run.stderr)).toMatch(/a backtest needs an "outcome" column/);
    });
  });
});
