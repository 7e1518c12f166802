import { describe, expect, test } from 'vitest';
import type { Rule, Scoring } from '../../../schema/criterion.ts';
import type { ScorableIcp } from '../score.ts';
import { commentSafe, compileSql, condition } from './compile.ts';
import { DIALECTS, type Dialect, SQL_DIALECTS } from './dialects.ts';

const rule = (fields: Omit<Rule, 'label'>): Rule => ({ label: 'rule', ...fields }) as Rule;
const icp = (id: string, data: Partial<ScorableIcp['data']> & { scoring?: Scoring } = {}): ScorableIcp => ({
  id,
  data: { must_haves: data.must_haves ?? [], deal_breakers: data.deal_breakers ?? [], scoring: data.scoring },
});

describe('condition', () => {
  test.each([
    {
      rule: { field: 'industry', in: ['E-commerce', ' fintech', 'FINTECH'] },
      duckdb: "industry in ('e-commerce', 'fintech')",
      postgres: "industry in ('e-commerce', 'fintech')",
      snowflake: "industry in ('e-commerce', 'fintech')",
      bigquery: "industry in ('e-commerce', 'fintech')",
    },
    {
      rule: { field: 'industry', not_in: ['Government'] },
      duckdb: "industry not in ('government')",
      postgres: "industry not in ('government')",
      snowflake: "industry not in ('government')",
      bigquery: "industry not in ('government')",
    },
    {
      rule: { field: 'employees', between: [200, 1500] },
      duckdb: 'employees between 200 and 1500',
      postgres: 'employees between 200 and 1500',
      snowflake: 'employees between 200 and 1500',
      bigquery: 'employees between 200 and 1500',
    },
    {
      rule: { field: 'growth_rate', min: -2.5 },
      duckdb: 'growth_rate >= -2.5',
      postgres: 'growth_rate >= -2.5',
      snowflake: 'growth_rate >= -2.5',
      bigquery: 'growth_rate >= -2.5',
    },
    {
      rule: { field: 'annual_revenue', max: 15_000_000 },
      duckdb: 'annual_revenue <= 15000000',
      postgres: 'annual_revenue <= 15000000',
      snowflake: 'annual_revenue <= 15000000',
      bigquery: 'annual_revenue <= 15000000',
    },
    {
      rule: { field: 'tech', includes_any: ['Shopify Plus', 'Stripe'] },
      duckdb: "list_has_any(tech, ['shopify plus', 'stripe'])",
      postgres: "tech && array['shopify plus', 'stripe']",
      snowflake: "arrays_overlap(tech, array_construct('shopify plus', 'stripe'))",
      bigquery:
        "exists (select 1 from unnest(['shopify plus', 'stripe']) as wanted where wanted in unnest(tech))",
    },
    {
      rule: { field: 'tech', includes_all: ['Snowflake', 'dbt'] },
      duckdb: "list_has_all(tech, ['snowflake', 'dbt'])",
      postgres: "tech @> array['snowflake', 'dbt']",
      snowflake: "array_size(array_except(array_construct('snowflake', 'dbt'), tech)) = 0",
      bigquery:
        "not exists (select 1 from unnest(['snowflake', 'dbt']) as wanted where wanted not in unnest(tech))",
    },
  ] as ({ rule: Omit<Rule, 'label'> } & Record<Dialect, string>)[])('$rule.field $duckdb', (c) => {
    for (const dialect of DIALECTS)
      expect(condition(SQL_DIALECTS[dialect], rule(c.rule), 200), dialect).toBe(c[dialect]);
  });

  test('a long list puts each value on a line of its own', () => {
    const values = ['Healthcare providers', 'Dental service organizations', 'Specialty clinics', 'Hospitals'];
    expect(condition(SQL_DIALECTS.duckdb, rule({ field: 'industry', in: values }))).toBe(
      "industry in (\n        'healthcare providers',\n        'dental service organizations',\n        'specialty clinics',\n        'hospitals')",
    );
  });

  test.each([
    { rule: { field: 'industry', in: ['a\0b'] }, sql: 'false' },
    { rule: { field: 'industry', not_in: ['a\0b'] }, sql: 'industry is not null' },
    { rule: { field: 'tech', includes_all: ['Stripe', 'a\0b'] }, sql: 'false' },
    { rule: { field: 'tech', includes_any: ['Stripe', 'a\0b'] }, sql: "list_has_any(tech, ['stripe'])" },
  ] as { rule: Omit<Rule, 'label'>; sql: string }[])(
    'a value with a NUL character never matches: $sql',
    (c) => {
      expect(condition(SQL_DIALECTS.duckdb, rule(c.rule))).toBe(c.sql);
    },
  );
});

describe('compileSql', () => {
  const banks = icp('regional-banks', {
    must_haves: [{ label: 'Banks', field: 'industry', in: ['Banking'] }, 'A plain sentence'],
    deal_breakers: [{ label: 'Tiny', field: 'employees', max: 50 }],
    scoring: { threshold: 60, rules: [{ label: 'Big', field: 'employees', min: 1000, weight: 30 }] },
  });

  test('starts with a header naming the version and the ICPs, then one CTE chain', () => {
    const sql = compileSql([banks, icp('alpha')], { dialect: 'duckdb', version: 'commit 0123abcd' });
    const lines = sql.split('\n');
    expect(lines[0]).toMatch(/^-- ICP fit scores: .* --sql duckdb\.$/);
    expect(lines[1]).toBe('-- Playbook version: commit 0123abcd');
    expect(lines[2]).toBe('-- ICPs: regional-banks, alpha');
    expect(sql.match(/^[a-z_]+ as \($/gm)).toEqual([
      'whitespace as (',
      'accounts_trimmed as (',
      'accounts_clean as (',
      'rule_matches as (',
      'scores as (',
      'verdicts as (',
      'best_fits as (',
    ]);
    expect(sql.endsWith('select account, icp, verdict, score, is_best\nfrom best_fits')).toBe(true);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(120);
  });

  test('orders ICPs alphabetically for the tie-break, whatever order they come in', () => {
    const sql = compileSql([banks, icp('alpha')], { dialect: 'postgres' });
    expect(sql).toContain("'regional-banks' as icp,\n    1 as icp_order");
    expect(sql).toContain("'alpha' as icp,\n    0 as icp_order");
  });

  test('an ICP without scoring rules has total weight 0; without rules, must-haves hold and nothing excludes', () => {
    const sql = compileSql([icp('plain')], { dialect: 'duckdb' });
    expect(sql).toContain('true as must_haves_match,\n    false as deal_breaker_matches,');
    expect(sql).toContain('0 as matched_weight,\n    0 as total_weight');
    expect(sql).toContain('100 as threshold');
  });

  test.each(DIALECTS.map((d) => [d]))('%s: the table is inserted as given and the key quoted', (dialect) => {
    const sql = compileSql([banks], { dialect, table: "{{ ref('accounts') }}", key: 'crm id' });
    expect(sql).toContain("from {{ ref('accounts') }} as accounts_source");
    expect(sql).toContain(`accounts_source.${SQL_DIALECTS[dialect].identifier('crm id')} as account`);
  });

  test('no text from the content reaches a comment; ids and versions are reduced to safe characters', () => {
    const marker = 'Marker label';
    const hostile = icp('evil\n; drop table accounts; --', {
      must_haves: [{ label: marker, field: 'industry', in: ['*/ select 1; --\nnext'] }],
      scoring: { threshold: 10, rules: [{ label: marker, field: 'tech', includes_any: ['x'], weight: 5 }] },
    });
    for (const dialect of DIALECTS) {
      const sql = compileSql([hostile], { dialect, version: 'v1\ndrop table accounts' });
      const lines = sql.split('\n');
      const comments = lines.filter((l) => l.trimStart().startsWith('--'));
      expect(comments.join('\n')).not.toMatch(/Marker|select 1|next/);
      expect(lines.filter((l) => /^\s*(; drop|drop table|next)/.test(l))).toEqual([]);
      expect(sql).not.toContain(marker);
      expect(sql).toContain('-- ICP evil?? drop table accounts? --');
      expect(sql).toContain('-- Playbook version: v1?drop table accounts');
    }
  });

  test('commentSafe keeps ids, commits and digests and replaces anything else', () => {
    expect(commentSafe('commit 0a1b2c, ICP files sha256 ff00')).toBe('commit 0a1b2c, ICP files sha256 ff00');
    expect(commentSafe('a\nb\r*/c@+')).toBe('a?b???c??');
  });

  test('needs at least one ICP', () => {
    expect(() => compileSql([], { dialect: 'duckdb' })).toThrow(RangeError);
  });
});
