import { describe, expect, test } from 'vitest';
import type { Criterion, Rule, Scoring } from '../../schema/criterion.ts';
import {
  type Account,
  bestFit,
  evaluateRule,
  type ScorableIcp,
  type ScoreResult,
  scoreAccount,
  scoreAccounts,
} from './score.ts';

const account = (fields: Omit<Account, 'name'> = {}): Account => ({ name: 'Acme', ...fields });
const rule = (fields: Omit<Rule, 'label'>): Rule => ({ label: 'rule', ...fields }) as Rule;
const icp = (
  data: { must_haves?: Criterion[]; deal_breakers?: Criterion[]; scoring?: Scoring },
  id = 'icp',
): ScorableIcp => ({
  id,
  data: { must_haves: data.must_haves ?? [], deal_breakers: data.deal_breakers ?? [], scoring: data.scoring },
});

describe('evaluateRule', () => {
  test.each([
    // in / not_in: trimmed, case-insensitive equality
    {
      name: 'in: exact value',
      rule: { field: 'industry', in: ['E-commerce', 'Fintech'] },
      account: { industry: 'Fintech' },
      outcome: 'matched',
    },
    {
      name: 'in: other case and spaces',
      rule: { field: 'industry', in: ['E-commerce'] },
      account: { industry: '  e-COMMERCE ' },
      outcome: 'matched',
    },
    {
      name: 'in: rule value with other case',
      rule: { field: 'region', in: ['north america'] },
      account: { region: 'North America' },
      outcome: 'matched',
    },
    {
      name: 'in: value not listed',
      rule: { field: 'industry', in: ['E-commerce'] },
      account: { industry: 'Banking' },
      outcome: 'failed',
    },
    {
      name: 'in: no region hierarchy',
      rule: { field: 'region', in: ['EU'] },
      account: { region: 'DE' },
      outcome: 'failed',
    },
    {
      name: 'in: no substring match',
      rule: { field: 'industry', in: ['SaaS'] },
      account: { industry: 'B2B SaaS' },
      outcome: 'failed',
    },
    {
      name: 'in: missing attribute',
      rule: { field: 'country', in: ['Canada'] },
      account: {},
      outcome: 'unknown',
    },
    {
      name: 'in: blank attribute',
      rule: { field: 'country', in: ['Canada'] },
      account: { country: '   ' },
      outcome: 'unknown',
    },
    {
      name: 'not_in: value not listed',
      rule: { field: 'industry', not_in: ['Government'] },
      account: { industry: 'Retail' },
      outcome: 'matched',
    },
    {
      name: 'not_in: value listed, other case',
      rule: { field: 'industry', not_in: ['Government'] },
      account: { industry: 'GOVERNMENT' },
      outcome: 'failed',
    },
    {
      name: 'not_in: missing attribute',
      rule: { field: 'growth_stage', not_in: ['startup'] },
      account: {},
      outcome: 'unknown',
    },
    // between / min / max: numbers, inclusive
    {
      name: 'between: inside',
      rule: { field: 'employees', between: [200, 1500] },
      account: { employees: 800 },
      outcome: 'matched',
    },
    {
      name: 'between: lower bound',
      rule: { field: 'employees', between: [200, 1500] },
      account: { employees: 200 },
      outcome: 'matched',
    },
    {
      name: 'between: upper bound',
      rule: { field: 'employees', between: [200, 1500] },
      account: { employees: 1500 },
      outcome: 'matched',
    },
    {
      name: 'between: just below',
      rule: { field: 'employees', between: [200, 1500] },
      account: { employees: 199 },
      outcome: 'failed',
    },
    {
      name: 'between: just above',
      rule: { field: 'employees', between: [200, 1500] },
      account: { employees: 1501 },
      outcome: 'failed',
    },
    {
      name: 'between: decimals',
      rule: { field: 'growth_rate', between: [10.5, 20] },
      account: { growth_rate: 10.5 },
      outcome: 'matched',
    },
    {
      name: 'between: missing attribute',
      rule: { field: 'employees', between: [200, 1500] },
      account: {},
      outcome: 'unknown',
    },
    {
      name: 'min: equal',
      rule: { field: 'growth_rate', min: 30 },
      account: { growth_rate: 30 },
      outcome: 'matched',
    },
    {
      name: 'min: below',
      rule: { field: 'growth_rate', min: 30 },
      account: { growth_rate: 29.9 },
      outcome: 'failed',
    },
    {
      name: 'min: negative growth',
      rule: { field: 'growth_rate', min: 0 },
      account: { growth_rate: -4 },
      outcome: 'failed',
    },
    {
      name: 'min: zero is known',
      rule: { field: 'annual_revenue', min: 0 },
      account: { annual_revenue: 0 },
      outcome: 'matched',
    },
    {
      name: 'min: not a number',
      rule: { field: 'employees', min: 1 },
      account: { employees: Number.NaN },
      outcome: 'unknown',
    },
    {
      name: 'max: equal',
      rule: { field: 'annual_revenue', max: 15_000_000 },
      account: { annual_revenue: 15_000_000 },
      outcome: 'matched',
    },
    {
      name: 'max: above',
      rule: { field: 'annual_revenue', max: 15_000_000 },
      account: { annual_revenue: 15_000_001 },
      outcome: 'failed',
    },
    {
      name: 'max: missing attribute',
      rule: { field: 'annual_revenue', max: 15_000_000 },
      account: {},
      outcome: 'unknown',
    },
    // includes_any / includes_all: lists, case-insensitive
    {
      name: 'includes_any: one shared',
      rule: { field: 'tech', includes_any: ['Shopify Plus', 'BigCommerce'] },
      account: { tech: ['Klaviyo', 'bigcommerce'] },
      outcome: 'matched',
    },
    {
      name: 'includes_any: none shared',
      rule: { field: 'tech', includes_any: ['Shopify Plus'] },
      account: { tech: ['Magento'] },
      outcome: 'failed',
    },
    {
      name: 'includes_any: trimmed values',
      rule: { field: 'tech', includes_any: ['Stripe'] },
      account: { tech: [' stripe '] },
      outcome: 'matched',
    },
    {
      name: 'includes_any: no partial names',
      rule: { field: 'tech', includes_any: ['Shopify'] },
      account: { tech: ['Shopify Plus'] },
      outcome: 'failed',
    },
    {
      name: 'includes_any: missing list',
      rule: { field: 'tech', includes_any: ['Stripe'] },
      account: {},
      outcome: 'unknown',
    },
    {
      name: 'includes_any: empty list',
      rule: { field: 'tech', includes_any: ['Stripe'] },
      account: { tech: [] },
      outcome: 'unknown',
    },
    {
      name: 'includes_all: every one',
      rule: { field: 'tech', includes_all: ['Snowflake', 'dbt'] },
      account: { tech: ['DBT', 'snowflake', 'Looker'] },
      outcome: 'matched',
    },
    {
      name: 'includes_all: one missing',
      rule: { field: 'tech', includes_all: ['Snowflake', 'dbt'] },
      account: { tech: ['Snowflake'] },
      outcome: 'failed',
    },
    {
      name: 'includes_all: missing list',
      rule: { field: 'tech', includes_all: ['Snowflake'] },
      account: {},
      outcome: 'unknown',
    },
  ] as { name: string; rule: Omit<Rule, 'label'>; account: Omit<Account, 'name'>; outcome: string }[])(
    '$name → $outcome',
    (c) => {
      expect(evaluateRule(rule(c.rule), account(c.account))).toBe(c.outcome);
    },
  );
});

/** An ICP shaped like the examples in DESIGN §2.2. */
const ecommerce = icp(
  {
    must_haves: [
      { label: '200–1,500 employees', field: 'employees', between: [200, 1500] },
      { label: 'E-commerce or fintech', field: 'industry', in: ['E-commerce', 'Fintech'] },
      'Has a data team of at least two people',
    ],
    deal_breakers: [
      { label: 'Public sector', field: 'industry', in: ['Government'] },
      'Mandates on-premise deployment',
    ],
    scoring: {
      threshold: 60,
      rules: [
        { label: 'Growth 30%+', field: 'growth_rate', min: 30, weight: 40 },
        { label: 'Uses Shopify', field: 'tech', includes_any: ['Shopify Plus'], weight: 30 },
        { label: 'North America', field: 'region', in: ['North America'], weight: 30 },
      ],
    },
  },
  'ecommerce',
);

describe('scoreAccount', () => {
  test.each([
    {
      name: 'every must-have and all scoring rules',
      account: {
        employees: 500,
        industry: 'E-commerce',
        growth_rate: 45,
        tech: ['Shopify Plus'],
        region: 'North America',
      },
      verdict: 'fit',
      score: 100,
    },
    {
      name: 'score exactly at the threshold',
      account: { employees: 500, industry: 'Fintech', tech: ['Shopify Plus'], region: 'North America' },
      verdict: 'fit',
      score: 60,
    },
    {
      name: 'score below the threshold',
      account: { employees: 500, industry: 'Fintech', growth_rate: 10, region: 'North America' },
      verdict: 'partial',
      score: 30,
    },
    {
      name: 'a failed must-have despite a full score',
      account: {
        employees: 5000,
        industry: 'Fintech',
        growth_rate: 45,
        tech: ['Shopify Plus'],
        region: 'North America',
      },
      verdict: 'partial',
      score: 100,
    },
    {
      name: 'an unknown must-have despite a full score',
      account: { industry: 'Fintech', growth_rate: 45, tech: ['Shopify Plus'], region: 'North America' },
      verdict: 'partial',
      score: 100,
    },
    {
      name: 'unknown scoring attributes count as not matched',
      account: { employees: 500, industry: 'Fintech', growth_rate: 45 },
      verdict: 'partial',
      score: 40,
    },
    {
      name: 'a matched deal-breaker',
      account: {
        employees: 500,
        industry: 'Government',
        growth_rate: 45,
        tech: ['Shopify Plus'],
        region: 'North America',
      },
      verdict: 'excluded',
      score: 0,
    },
    {
      name: 'a deal-breaker matched in another case',
      account: { industry: ' government ' },
      verdict: 'excluded',
      score: 0,
    },
    { name: 'nothing known', account: {}, verdict: 'partial', score: 0 },
  ] as { name: string; account: Omit<Account, 'name'>; verdict: string; score: number }[])(
    '$name → $verdict $score',
    (c) => {
      const result = scoreAccount(ecommerce, account(c.account));
      expect(result).toMatchObject({ icp: 'ecommerce', verdict: c.verdict, score: c.score, threshold: 60 });
    },
  );

  test('lists must-haves, deal-breakers and scoring rules in file order, without plain sentences', () => {
    const result = scoreAccount(
      ecommerce,
      account({ employees: 150, industry: 'Fintech', tech: ['Shopify Plus'] }),
    );
    expect(result.reasons).toEqual([
      { label: '200–1,500 employees', outcome: 'failed', kind: 'must_have' },
      { label: 'E-commerce or fintech', outcome: 'matched', kind: 'must_have' },
      { label: 'Public sector', outcome: 'failed', kind: 'deal_breaker' },
      { label: 'Growth 30%+', outcome: 'unknown', kind: 'scoring' },
      { label: 'Uses Shopify', outcome: 'matched', kind: 'scoring' },
      { label: 'North America', outcome: 'unknown', kind: 'scoring' },
    ]);
  });

  test('an unknown attribute never matches a deal-breaker', () => {
    const result = scoreAccount(ecommerce, account({ employees: 500 }));
    expect(result.verdict).not.toBe('excluded');
    expect(result.reasons).toContainEqual({
      label: 'Public sector',
      outcome: 'unknown',
      kind: 'deal_breaker',
    });
  });

  test('an excluded account scores 0 whatever its scoring rules give, and still shows why', () => {
    const result = scoreAccount(
      ecommerce,
      account({
        employees: 500,
        industry: 'Government',
        growth_rate: 45,
        tech: ['Shopify Plus'],
        region: 'North America',
      }),
    );
    expect(result.score).toBe(0);
    expect(result.reasons).toContainEqual({
      label: 'Public sector',
      outcome: 'matched',
      kind: 'deal_breaker',
    });
  });

  test.each([
    { weights: [1, 1, 1], matched: 2, score: 67 },
    { weights: [1, 1, 1], matched: 1, score: 33 },
    { weights: [1, 2], matched: 1, score: 33 },
    { weights: [1, 1, 1, 1, 1, 1, 1, 1], matched: 1, score: 13 },
    { weights: [1, 7], matched: 1, score: 13 },
    { weights: [3, 5], matched: 1, score: 38 },
    { weights: [1, 1], matched: 1, score: 50 },
    { weights: [25, 20, 20, 15, 10, 10], matched: 0, score: 0 },
  ])('rounds $matched matched of weights $weights to $score', ({ weights, matched, score }) => {
    // Rule i is `growth_rate min i + 1`, so growth_rate `matched` matches exactly the first `matched` rules.
    const rules = weights.map((weight, i) => ({
      label: `r${i}`,
      field: 'growth_rate' as const,
      min: i + 1,
      weight,
    }));
    const result = scoreAccount(icp({ scoring: { threshold: 0, rules } }), account({ growth_rate: matched }));
    expect(result.score).toBe(score);
  });

  describe('an ICP without scoring', () => {
    const simple = icp({
      must_haves: [{ label: 'Bank', field: 'industry', in: ['Banking'] }, 'Has a plain sentence'],
      deal_breakers: [{ label: 'Tiny', field: 'employees', max: 50 }],
    });
    test.each([
      {
        name: 'every executable must-have matched',
        account: { industry: 'banking' },
        verdict: 'fit',
        score: 100,
      },
      { name: 'a must-have failed', account: { industry: 'Retail' }, verdict: 'partial', score: 0 },
      { name: 'a must-have unknown', account: {}, verdict: 'partial', score: 0 },
      {
        name: 'a deal-breaker matched',
        account: { industry: 'Banking', employees: 50 },
        verdict: 'excluded',
        score: 0,
      },
    ] as { name: string; account: Omit<Account, 'name'>; verdict: string; score: number }[])(
      '$name → $verdict $score, threshold 100',
      (c) => {
        expect(scoreAccount(simple, account(c.account))).toMatchObject({
          verdict: c.verdict,
          score: c.score,
          threshold: 100,
        });
      },
    );

    test('with only plain sentences, every account is a fit', () => {
      expect(
        scoreAccount(icp({ must_haves: ['Sentence one'], deal_breakers: ['Sentence two'] }), account()),
      ).toEqual({ icp: 'icp', verdict: 'fit', score: 100, threshold: 100, reasons: [] });
    });
  });

  test('threshold 0 makes every account with its must-haves a fit', () => {
    const zero = icp({
      must_haves: [{ label: 'Bank', field: 'industry', in: ['Banking'] }],
      scoring: { threshold: 0, rules: [{ label: 'Big', field: 'employees', min: 1000, weight: 10 }] },
    });
    expect(scoreAccount(zero, account({ industry: 'Banking', employees: 5 }))).toMatchObject({
      verdict: 'fit',
      score: 0,
    });
  });
});

const result = (icp: string, verdict: ScoreResult['verdict'], score: number): ScoreResult => ({
  icp,
  verdict,
  score,
  threshold: 50,
  reasons: [],
});

describe('bestFit', () => {
  test.each([
    {
      name: 'the highest-scoring fit',
      results: [result('a', 'fit', 70), result('b', 'fit', 90), result('c', 'partial', 95)],
      best: 'b',
    },
    {
      name: 'a fit over a higher-scoring partial',
      results: [result('a', 'partial', 100), result('b', 'fit', 60)],
      best: 'b',
    },
    {
      name: 'the alphabetically first id on a tie',
      results: [result('zeta', 'fit', 80), result('alpha', 'fit', 80), result('mid', 'fit', 80)],
      best: 'alpha',
    },
    {
      name: 'null without a fit',
      results: [result('a', 'partial', 90), result('b', 'excluded', 0)],
      best: null,
    },
    { name: 'null without results', results: [], best: null },
  ])('picks $name', ({ results, best }) => {
    expect(bestFit(results)).toBe(best);
  });
});

describe('scoreAccounts', () => {
  test('scores every account against every ICP in order, with the best fit', () => {
    const banks = icp({ must_haves: [{ label: 'Bank', field: 'industry', in: ['Banking'] }] }, 'banks');
    const anyone = icp(
      {
        must_haves: [],
        scoring: { threshold: 50, rules: [{ label: 'Big', field: 'employees', min: 1000, weight: 1 }] },
      },
      'anyone',
    );
    const scores = scoreAccounts(
      [banks, anyone],
      [
        { name: 'First Bank', industry: 'Banking', employees: 3000 },
        { name: 'Small Shop', industry: 'Retail', employees: 20 },
        { name: 'Big Corp', industry: 'Retail', employees: 5000 },
      ],
    );
    expect(
      scores.map((s) => [s.account, s.best, s.results.map((r) => `${r.icp} ${r.verdict} ${r.score}`)]),
    ).toEqual([
      ['First Bank', 'anyone', ['banks fit 100', 'anyone fit 100']],
      ['Small Shop', null, ['banks partial 0', 'anyone partial 0']],
      ['Big Corp', 'anyone', ['banks partial 0', 'anyone fit 100']],
    ]);
  });
});
