/**
 * The `--sql` query on real engines: DuckDB (@duckdb/node-api, the engine in its npm package) and
 * PostgreSQL (@electric-sql/pglite, Postgres compiled to WASM). For every account the CSV scorer
 * accepts, the query must give the same verdict, score and best fit (DESIGN §10).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { PGlite } from '@electric-sql/pglite';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseAccounts } from '../src/core/score/accounts.ts';
import { type ScorableIcp, scoreAccounts } from '../src/core/score/score.ts';
import { compileSql } from '../src/core/score/sql/compile.ts';
import { type Dialect, SQL_DIALECTS } from '../src/core/score/sql/dialects.ts';
import { runPipeline } from '../src/loader/pipeline.ts';
import type { Criterion, Rule, ScoringRule } from '../src/schema/criterion.ts';
import { ruleSchema, scoringRuleSchema } from '../src/schema/criterion.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TEXT = ['industry', 'region', 'country', 'growth_stage'] as const;
const NUMBERS = ['employees', 'annual_revenue', 'growth_rate'] as const;

/** One account as it sits in the warehouse table: raw text (untrimmed, any case) and numbers. */
interface SourceRow {
  id: number;
  industry: string | null;
  region: string | null;
  country: string | null;
  growth_stage: string | null;
  employees: number | null;
  annual_revenue: number | null;
  growth_rate: number | null;
  tech: string | null;
  /** How the numbers are written in the CSV (padding included); the table holds their values. */
  cells: Record<(typeof NUMBERS)[number], string>;
}

interface Engine {
  dialect: Dialect;
  load(rows: readonly SourceRow[]): Promise<void>;
  query(
    sql: string,
  ): Promise<{ account: unknown; icp: string; verdict: string; score: number; is_best: boolean }[]>;
}

const COLUMNS =
  'id integer, name text, industry text, region text, country text, growth_stage text, employees double precision, annual_revenue double precision, growth_rate double precision, tech text';

async function duckdbEngine(connection: DuckDBConnection): Promise<Engine> {
  return {
    dialect: 'duckdb',
    async load(rows) {
      await connection.run(
        `create or replace table accounts (${COLUMNS.replaceAll('double precision', 'double')})`,
      );
      const appender = await connection.createAppender('accounts');
      for (const row of rows) {
        appender.appendInteger(row.id);
        appender.appendVarchar(`a${row.id}`);
        for (const column of TEXT)
          row[column] === null ? appender.appendNull() : appender.appendVarchar(row[column]);
        for (const column of NUMBERS)
          row[column] === null ? appender.appendNull() : appender.appendDouble(row[column]);
        row.tech === null ? appender.appendNull() : appender.appendVarchar(row.tech);
        appender.endRow();
      }
      appender.closeSync();
    },
    async query(sql) {
      return (await connection.runAndReadAll(sql)).getRowObjectsJS() as Awaited<ReturnType<Engine['query']>>;
    },
  };
}

function postgresEngine(db: PGlite): Engine {
  return {
    dialect: 'postgres',
    async load(rows) {
      await db.exec(`drop table if exists accounts; create table accounts (${COLUMNS});`);
      const values = rows.flatMap((r) => [
        r.id,
        `a${r.id}`,
        ...TEXT.map((c) => r[c]),
        ...NUMBERS.map((c) => r[c]),
        r.tech,
      ]);
      const tuples = rows.map(
        (_, i) => `(${Array.from({ length: 10 }, (_, j) => `$${i * 10 + j + 1}`).join(', ')})`,
      );
      if (rows.length > 0) await db.query(`insert into accounts values ${tuples.join(', ')}`, values);
    },
    async query(sql) {
      return (await db.query(sql)).rows as Awaited<ReturnType<Engine['query']>>;
    },
  };
}

/** RFC 4180 text of the rows, every cell quoted, as the CSV scorer reads it. */
function csvOf(rows: readonly SourceRow[]): string {
  const cell = (value: string | null) => `"${(value ?? '').replaceAll('"', '""')}"`;
  const header = ['name', ...TEXT, ...NUMBERS, 'tech'].join(',');
  const lines = rows.map((r) =>
    [`a${r.id}`, ...TEXT.map((c) => r[c]), ...NUMBERS.map((c) => r.cells[c]), r.tech].map(cell).join(','),
  );
  return [header, ...lines].join('\r\n');
}

/** `account icp verdict score best` lines from the CSV scorer, sorted. */
function csvScorer(icps: readonly ScorableIcp[], rows: readonly SourceRow[]): string[] {
  const parsed = parseAccounts(csvOf(rows));
  expect(parsed.problems).toEqual([]);
  expect(parsed.rows).toHaveLength(rows.length);
  return scoreAccounts(
    icps,
    parsed.rows.map((r) => r.account),
  )
    .flatMap((a) => a.results.map((r) => `${a.account} ${r.icp} ${r.verdict} ${r.score} ${a.best === r.icp}`))
    .sort();
}

/** The same lines from the SQL query on an engine (the key column is `id`). */
async function sqlScorer(
  engine: Engine,
  icps: readonly ScorableIcp[],
  rows: readonly SourceRow[],
): Promise<string[]> {
  await engine.load(rows);
  const sql = compileSql(icps, { dialect: engine.dialect, key: 'id', version: 'test' });
  const result = await engine.query(sql);
  for (const r of result) {
    expect(Number.isInteger(r.score)).toBe(true);
    expect(typeof r.is_best).toBe('boolean');
  }
  return result.map((r) => `a${r.account} ${r.icp} ${r.verdict} ${r.score} ${r.is_best}`).sort();
}

let duck: DuckDBInstance;
let engines: Engine[];
let pglite: PGlite;
let examples: ScorableIcp[];

beforeAll(async () => {
  duck = await DuckDBInstance.create(':memory:');
  pglite = await PGlite.create();
  engines = [await duckdbEngine(await duck.connect()), postgresEngine(pglite)];
  const { graph } = await runPipeline({ lint: false, types: ['icp'], content: 'content' });
  examples = [...graph.icps.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
});

afterAll(async () => {
  await pglite?.close();
  duck?.closeSync();
});

// ---------------------------------------------------------------------------------------------
// Generators: accounts with missing cells, odd case, whitespace, boundary numbers; random ICPs.

/** Whitespace that JavaScript's trim() removes, including characters SQL's default trim keeps. */
const PADDING = [' ', '  ', '\t', '\u00a0', '\u3000', '\n', '\u2028', '\ufeff'];
const TEXT_WORDS = [
  'E-commerce',
  'Fintech',
  'B2B SaaS',
  'Banking',
  'Credit unions',
  'Government',
  'Wholesale',
  'Retail',
  'North America',
  'Europe',
  'United States',
  'Canada',
  'United Kingdom',
  'growth',
  'startup',
  'mid-market',
  'Café',
  'Zürich',
  'a-b',
  'x',
];
const TECH_WORDS = [
  'Shopify Plus',
  'BigCommerce',
  'Recharge',
  'Skio',
  'Snowflake',
  'BigQuery',
  'Databricks',
  'Salesforce',
  'HubSpot',
  'Stripe',
  'dbt',
  'Fiserv',
  'Jack Henry',
  'FIS',
  'Amazon Seller Central',
];
const BOUNDS = [
  0, 3, 10, 20, 25, 30, 50, 100, 150, 200, 500, 1000, 1500, 2000, 5000, 8000, 10_000_000, 15_000_000,
  30_000_000, 60_000_000, 300_000_000,
];

/** A word in odd case: each bit of `mask` upper- or lower-cases one letter. */
const oddCase = (word: string, mask: number) =>
  [...word].map((ch, i) => ((mask >> (i % 30)) & 1 ? ch.toUpperCase() : ch.toLowerCase())).join('');
const caseVariant = (words: readonly string[]) =>
  fc
    .tuple(fc.constantFrom(...words), fc.oneof(fc.constant(-1), fc.nat()))
    .map(([w, mask]) => (mask < 0 ? w : oddCase(w, mask)));
const padded = (word: fc.Arbitrary<string>) =>
  fc
    .tuple(fc.constantFrom('', '', ...PADDING), word, fc.constantFrom('', '', ...PADDING))
    .map(([a, w, b]) => `${a}${w}${b}`);

/** A text cell: missing (null in the table), blank (blank in the table too), or a known word. */
const textCell = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t ', '\u00a0') },
  { weight: 5, arbitrary: padded(caseVariant(TEXT_WORDS)) },
);

/** Numbers at, just inside and just outside the rule bounds, and others. */
const nearBound = fc
  .tuple(fc.constantFrom(...BOUNDS), fc.constantFrom(0, 0, -1, 1, -0.5, 0.5, 0.25))
  .map(([b, d]) => b + d);
const numberValue = fc.oneof(
  nearBound,
  fc.integer({ min: -50, max: 10_000 }),
  fc.integer({ min: -10_000, max: 100_000_000_000 }).map((n) => n / 100),
);
const numberCell = (column: (typeof NUMBERS)[number]) =>
  fc.option(
    fc.tuple(numberValue, fc.constantFrom('', ' ')).map(([n, pad]) => {
      const value =
        column === 'employees' ? Math.max(0, Math.round(n)) : column === 'annual_revenue' ? Math.abs(n) : n;
      return { value, cell: `${pad}${String(value)}${pad}` };
    }),
    { freq: 4 },
  );

/** A tech cell: values joined by ";" with odd spacing and empty items; null when missing. */
const techCell = fc.option(
  fc
    .tuple(
      fc.array(padded(caseVariant(TECH_WORDS)), { minLength: 1, maxLength: 4 }),
      fc.constantFrom(';', '; ', ' ;', ';;', ' ; '),
    )
    .map(([items, separator]) => items.join(separator)),
  { freq: 4 },
);

const accountArb = fc
  .record({
    text: fc.tuple(textCell, textCell, textCell, textCell),
    numbers: fc.tuple(numberCell('employees'), numberCell('annual_revenue'), numberCell('growth_rate')),
    tech: techCell,
  })
  .map(({ text, numbers, tech }) => ({ text, numbers, tech }));

const accountsArb = (min: number, max: number) =>
  fc.array(accountArb, { minLength: min, maxLength: max }).map((accounts) =>
    accounts.map((a, i): SourceRow => {
      const [employees, annual_revenue, growth_rate] = a.numbers;
      return {
        id: i + 1,
        industry: a.text[0],
        region: a.text[1],
        country: a.text[2],
        growth_stage: a.text[3],
        employees: employees?.value ?? null,
        annual_revenue: annual_revenue?.value ?? null,
        growth_rate: growth_rate?.value ?? null,
        tech: a.tech,
        cells: {
          employees: employees?.cell ?? '',
          annual_revenue: annual_revenue?.cell ?? '',
          growth_rate: growth_rate?.cell ?? '',
        },
      };
    }),
  );

const ruleValues = (words: readonly string[]) => fc.array(caseVariant(words), { minLength: 1, maxLength: 4 });
const bound = fc.oneof(
  fc.constantFrom(...BOUNDS),
  fc.integer({ min: -10, max: 2000 }),
  fc.constantFrom(10.5, 0.25, -2.5),
);
const ruleArb: fc.Arbitrary<Rule> = fc.oneof(
  fc
    .record({
      field: fc.constantFrom(...TEXT),
      op: fc.constantFrom('in', 'not_in'),
      values: ruleValues(TEXT_WORDS),
    })
    .map((r) => ({ label: 'text rule', field: r.field, [r.op]: r.values }) as Rule),
  fc
    .record({ field: fc.constantFrom(...NUMBERS), a: bound, b: bound })
    .map(
      (r) =>
        ({ label: 'range rule', field: r.field, between: [Math.min(r.a, r.b), Math.max(r.a, r.b)] }) as Rule,
    ),
  fc
    .record({ field: fc.constantFrom(...NUMBERS), op: fc.constantFrom('min', 'max'), n: bound })
    .map((r) => ({ label: 'bound rule', field: r.field, [r.op]: r.n }) as Rule),
  fc
    .record({ op: fc.constantFrom('includes_any', 'includes_all'), values: ruleValues(TECH_WORDS) })
    .map((r) => ({ label: 'tech rule', field: 'tech', [r.op]: r.values }) as Rule),
);
const criterionArb: fc.Arbitrary<Criterion> = fc.oneof(
  { weight: 4, arbitrary: ruleArb },
  { weight: 1, arbitrary: fc.constant('A plain sentence') },
);
const scoringArb = fc.record({
  threshold: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom(0, 100, 50, 62.5)),
  rules: fc.array(
    fc
      .tuple(ruleArb, fc.integer({ min: 1, max: 100 }))
      .map(([rule, weight]): ScoringRule => ({ ...rule, weight })),
    { minLength: 1, maxLength: 5 },
  ),
});
const icpDataArb = fc.record({
  must_haves: fc.array(criterionArb, { maxLength: 3 }),
  deal_breakers: fc.array(criterionArb, { maxLength: 2 }),
  scoring: fc.option(scoringArb, { freq: 3, nil: undefined }),
});
/** 1–4 ICPs with ids whose order differs from their list order; a clone under another id makes ties. */
const icpsArb = fc
  .tuple(
    fc.uniqueArray(fc.constantFrom('zeta', 'alpha', 'a-b', 'ab', 'b2', '9-lives', 'mid'), {
      minLength: 1,
      maxLength: 4,
    }),
    fc.array(icpDataArb, { minLength: 4, maxLength: 4 }),
    fc.boolean(),
  )
  .map(([ids, data, clone]) =>
    ids.map((id, i): ScorableIcp => ({ id, data: data[clone && i > 0 ? 0 : i]! })),
  );

// ---------------------------------------------------------------------------------------------

let accountsCompared = 0;

async function compare(icps: readonly ScorableIcp[], rows: readonly SourceRow[]) {
  const expected = csvScorer(icps, rows);
  for (const engine of engines) expect(await sqlScorer(engine, icps, rows), engine.dialect).toEqual(expected);
  accountsCompared += rows.length;
}

describe('the SQL query equals the CSV scorer on DuckDB and PGlite', () => {
  test('the generators make valid rules', () => {
    for (const icps of fc.sample(icpsArb, { numRuns: 200, seed: 7 })) {
      for (const icp of icps) {
        for (const c of [...icp.data.must_haves, ...icp.data.deal_breakers])
          if (typeof c !== 'string') ruleSchema.parse(c);
        for (const r of icp.data.scoring?.rules ?? []) scoringRuleSchema.parse(r);
      }
    }
  });

  test('random accounts against the example ICPs', async () => {
    await fc.assert(
      fc.asyncProperty(accountsArb(90, 110), (rows) => compare(examples, rows)),
      { seed: 20261130, numRuns: 30 },
    );
  });

  test('random accounts against random ICPs', async () => {
    await fc.assert(
      fc.asyncProperty(icpsArb, accountsArb(90, 110), (icps, rows) => compare(icps, rows)),
      { seed: 20261201, numRuns: 30 },
    );
  });

  test('at least 5,000 random accounts went through each engine', () => {
    expect(accountsCompared).toBeGreaterThanOrEqual(5000);
  });
});

// ---------------------------------------------------------------------------------------------

describe('rule values are literals, never SQL', () => {
  const HOSTILE = [
    "O'Brien & Sons",
    'back\\slash',
    'trailing\\',
    "\\'; drop table accounts; --",
    "'); drop table accounts; --",
    'semi; colon -- dash',
    'line\nbreak',
    "{{ ref('x') }}",
    '$$ dollar $$',
    "E'\\x41'",
    '/* block',
    '\\n',
  ];
  const icp: ScorableIcp = {
    id: 'hostile',
    data: {
      must_haves: [{ label: 'Hostile industry', field: 'industry', in: HOSTILE }],
      deal_breakers: [{ label: 'Hostile region', field: 'region', in: HOSTILE.map((v) => v.toUpperCase()) }],
      scoring: {
        threshold: 50,
        rules: [
          { label: 'Hostile tech', field: 'tech', includes_all: ["O'Brien", 'a\\b', '-- x'], weight: 10 },
        ],
      },
    },
  };
  const row = (id: number, fields: Partial<SourceRow>): SourceRow => ({
    id,
    industry: null,
    region: null,
    country: null,
    growth_stage: null,
    employees: null,
    annual_revenue: null,
    growth_rate: null,
    tech: null,
    cells: { employees: '', annual_revenue: '', growth_rate: '' },
    ...fields,
  });
  const rows = [
    ...HOSTILE.map((industry, i) => row(i + 1, { industry, tech: "o'brien;A\\B; -- x" })),
    row(100, { industry: 'A', region: 'B' }),
    row(101, { industry: 'backslash', region: 'semi' }),
    row(102, { industry: 'Retail', region: "o'brien & sons" }),
    row(103, { industry: 'line', tech: "O'Brien" }),
  ];

  test.each([
    { name: 'DuckDB', engine: 0, setting: undefined },
    { name: 'PGlite', engine: 1, setting: 'on' },
    { name: 'PGlite with standard_conforming_strings off', engine: 1, setting: 'off' },
  ])('$name matches each value literally and keeps the table', async ({ engine, setting }) => {
    const e = engines[engine]!;
    if (setting) await pglite.exec(`set standard_conforming_strings = ${setting}`);
    try {
      const lines = await sqlScorer(e, [icp], rows);
      expect(lines).toEqual(csvScorer([icp], rows));
      const verdicts = Object.fromEntries(
        lines.map((l) => [l.split(' ')[0], l.split(' ').slice(2, 4).join(' ')]),
      );
      for (let i = 1; i <= HOSTILE.length; i += 1) expect(verdicts[`a${i}`], HOSTILE[i - 1]).toBe('fit 100');
      expect(verdicts).toMatchObject({
        a100: 'partial 0',
        a101: 'partial 0',
        a102: 'excluded 0',
        a103: 'partial 0',
      });
      const [count] = await e.query(
        'select 1 as account, count(*) as icp, 0 as verdict, 0 as score, true as is_best from accounts',
      );
      expect(Number(count?.icp)).toBe(rows.length);
    } finally {
      if (setting) await pglite.exec('set standard_conforming_strings = on');
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe('string literals hold any text on the engines', () => {
  const tricky = fc.constantFrom(
    "'",
    '\\',
    '"',
    '-',
    ';',
    '/',
    '*',
    '\n',
    '\r',
    '\t',
    '{',
    '%',
    '#',
    '$',
    'E',
    '\u0001',
    'é',
    '✓',
  );
  const text = fc
    .string({
      unit: fc.oneof(tricky, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })),
      maxLength: 20,
    })
    .filter((v) => !v.includes('\0'));

  test.each([
    { name: 'DuckDB', engine: 0, setting: undefined },
    { name: 'PGlite', engine: 1, setting: 'on' },
    { name: 'PGlite with standard_conforming_strings off', engine: 1, setting: 'off' },
  ])('$name reads back every value', async ({ engine, setting }) => {
    const e = engines[engine]!;
    if (setting) await pglite.exec(`set standard_conforming_strings = ${setting}`);
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 20 }), async (values) => {
          const literals = values.map((v, i) => `${SQL_DIALECTS[e.dialect].string(v)} as v${i}`);
          const [row] = (await e.query(`select ${literals.join(', ')}`)) as unknown as Record<
            string,
            string
          >[];
          expect(values.map((_, i) => row?.[`v${i}`])).toEqual(values);
        }),
        { seed: 11, numRuns: 100 },
      );
    } finally {
      if (setting) await pglite.exec('set standard_conforming_strings = on');
    }
  });
});

// ---------------------------------------------------------------------------------------------

const npmScore = async (...args: string[]) =>
  (
    await promisify(execFile)('npx', ['node', 'scripts/score.ts', ...args], {
      cwd: ROOT,
      maxBuffer: 10_000_000,
    })
  ).stdout;

describe('the example accounts', () => {
  test('npm run score -- --sql duckdb|postgres gives exactly the CSV scorer verdicts, scores and best', async () => {
    const [json, duckdbSql, postgresSql] = await Promise.all([
      npmScore('content/data/accounts.csv', '--format', 'json'),
      npmScore('--sql', 'duckdb'),
      npmScore('--sql', 'postgres'),
    ]);
    const expected = (
      JSON.parse(json) as {
        account: string;
        best: string | null;
        results: { icp: string; verdict: string; score: number }[];
      }[]
    )
      .flatMap((a) =>
        a.results.map((r) => `${a.account}|${r.icp}|${r.verdict}|${r.score}|${a.best === r.icp}`),
      )
      .sort();
    const duckdb = (await duck.connect()) as DuckDBConnection;
    await duckdb.run(
      "create or replace table accounts as select * from read_csv('content/data/accounts.csv', header = true, columns = {'name': 'varchar', 'industry': 'varchar', 'region': 'varchar', 'country': 'varchar', 'growth_stage': 'varchar', 'employees': 'double', 'annual_revenue': 'double', 'growth_rate': 'double', 'tech': 'varchar'})",
    );
    const fromDuckdb = (await duckdb.runAndReadAll(duckdbSql)).getRowObjectsJS();
    await pglite.exec(
      'drop table if exists accounts; create table accounts (name text, industry text, region text, country text, growth_stage text, employees double precision, annual_revenue double precision, growth_rate double precision, tech text)',
    );
    const records = parse(readFileSync(`${ROOT}/content/data/accounts.csv`, 'utf8'), {
      columns: true,
    }) as Record<string, string>[];
    for (const r of records) {
      await pglite.query(
        "insert into accounts values ($1, $2, $3, $4, $5, nullif($6, '')::float8, nullif($7, '')::float8, nullif($8, '')::float8, $9)",
        [
          r.name,
          r.industry,
          r.region,
          r.country,
          r.growth_stage,
          r.employees,
          r.annual_revenue,
          r.growth_rate,
          r.tech,
        ],
      );
    }
    const fromPostgres = (await pglite.query(postgresSql)).rows as Record<string, unknown>[];
    for (const rows of [fromDuckdb, fromPostgres]) {
      expect(rows.map((r) => `${r.account}|${r.icp}|${r.verdict}|${r.score}|${r.is_best}`).sort()).toEqual(
        expected,
      );
    }
    // 16 accounts × 3 active ICPs; five accounts have a best fit.
    expect(expected).toHaveLength(48);
    expect(expected.filter((l) => l.endsWith('|true'))).toHaveLength(5);
    duckdb.closeSync();
  });
});
