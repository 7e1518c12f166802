/**
 * Snowflake and BigQuery cannot run here, so their queries are held by golden files (the version
 * line of the header pinned) and by a parser that knows both dialects (node-sql-parser). DuckDB and
 * Postgres run for real in sql-engines.test.ts. `UPDATE_GOLDEN=1 npx vitest run tests/sql-golden.test.ts`
 * rewrites the golden files after a deliberate change; review the diff.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import nodeSqlParser from 'node-sql-parser';
import { describe, expect, test } from 'vitest';
import type { ScorableIcp } from '../src/core/score/score.ts';
import { compileSql } from '../src/core/score/sql/compile.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const GOLDEN = `${ROOT}tests/fixtures/sql`;
const parser = new nodeSqlParser.Parser();
const DATABASE = { snowflake: 'snowflake', bigquery: 'bigquery' } as const;

const npmScore = async (...args: string[]) =>
  (
    await promisify(execFile)('npx', ['node', 'scripts/score.ts', ...args], {
      cwd: ROOT,
      maxBuffer: 10_000_000,
    })
  ).stdout;

const VERSION =
  /^-- Playbook version: (commit [0-9a-f]{12}( with uncommitted ICP changes)?|no git commit|git not available), ICP files sha256 [0-9a-f]{12}$/;
const PINNED = '-- Playbook version: (pinned in tests)';

/** The query with its version line checked and pinned. */
function pinned(sql: string): string {
  const lines = sql.split('\n');
  expect(lines[1]).toMatch(VERSION);
  lines[1] = PINNED;
  return lines.join('\n');
}

function matchesGolden(name: string, sql: string) {
  const file = `${GOLDEN}/${name}`;
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, sql);
  expect(sql).toBe(readFileSync(file, 'utf8'));
}

/** Parses as exactly one statement of the dialect. */
function parseOne(sql: string, dialect: keyof typeof DATABASE) {
  const { ast, tableList } = parser.parse(sql, { database: DATABASE[dialect] });
  expect(Array.isArray(ast) ? ast.length : 1).toBe(1);
  const statement = Array.isArray(ast) ? ast[0] : ast;
  if (!statement) throw new Error('no statement');
  return { ast: statement, tableList };
}

const CASES = [
  { name: 'example.snowflake.sql', dialect: 'snowflake', args: [] as string[] },
  { name: 'example.bigquery.sql', dialect: 'bigquery', args: [] as string[] },
  {
    name: 'crm-key.snowflake.sql',
    dialect: 'snowflake',
    args: ['--icp', 'midmarket-saas', '--key', 'crm_id', '--table', 'analytics.crm.accounts'],
  },
  {
    name: 'crm-key.bigquery.sql',
    dialect: 'bigquery',
    args: ['--icp', 'midmarket-saas', '--key', 'crm_id', '--table', 'analytics.crm_accounts'],
  },
] as const;

describe.concurrent('npm run score -- --sql snowflake|bigquery', () => {
  test.each(CASES)(
    '$name: matches its golden file and parses as one $dialect statement',
    async ({ name, dialect, args }) => {
      const sql = pinned(await npmScore('--sql', dialect, ...args));
      matchesGolden(name, sql);
      const { ast, tableList } = parseOne(sql, dialect);
      expect(ast.type).toBe('select');
      expect(
        tableList.filter(
          (t: string) =>
            !/::(whitespace|accounts_trimmed|accounts_clean|rule_matches|scores|verdicts|best_fits)$/.test(t),
        ),
      ).toHaveLength(1);
    },
  );

  test.each(['snowflake', 'bigquery'] as const)(
    '%s: a dbt model reads {{ ref(...) }} and parses once rendered',
    async (dialect) => {
      const sql = await npmScore('--sql', dialect, '--table', "{{ ref('accounts') }}");
      expect(sql).toContain("from {{ ref('accounts') }} as accounts_source");
      expect(sql.match(/\{\{|\{%|\{#/g)).toHaveLength(1);
      parseOne(sql.replace("{{ ref('accounts') }}", 'analytics.accounts'), dialect);
    },
  );
});

describe('rule values cannot break out of their literals', () => {
  const HOSTILE = [
    "O'Brien",
    'back\\slash',
    'trailing\\',
    "\\'; drop table accounts; --",
    "'); delete from accounts; --",
    'semi; colon',
    'line\nbreak',
    "{{ run_query('drop table x') }}",
    '/* open',
  ];
  const icp: ScorableIcp = {
    id: 'hostile',
    data: {
      must_haves: [{ label: 'x', field: 'industry', in: HOSTILE }],
      deal_breakers: [{ label: 'y', field: 'region', not_in: HOSTILE }],
      scoring: {
        threshold: 10,
        rules: [
          { label: 'z', field: 'tech', includes_all: HOSTILE, weight: 3 },
          { label: 'w', field: 'tech', includes_any: HOSTILE, weight: 1 },
        ],
      },
    },
  };

  test.each(['snowflake', 'bigquery'] as const)(
    '%s: one select statement reading one table, no Jinja tag',
    (dialect) => {
      const sql = compileSql([icp], { dialect, version: 'test' });
      const { ast, tableList } = parseOne(sql, dialect);
      expect(ast.type).toBe('select');
      expect(tableList.filter((t: string) => t.endsWith('::accounts'))).toHaveLength(1);
      expect(sql).not.toMatch(/\{\{|\{%|\{#/);
      expect(sql).not.toMatch(/^\s*(drop|delete)/im);
    },
  );
});
