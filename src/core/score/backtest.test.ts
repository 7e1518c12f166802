import { describe, expect, test } from 'vitest';
import { backtest, backtestIcp, type Deal, ratio } from './backtest.ts';
import type { ScorableIcp } from './score.ts';

/** Retail stores; fewer than 11 staff disqualifies; growth and Shopify score 50 each; threshold 50. */
const retail: ScorableIcp = {
  id: 'retail',
  data: {
    must_haves: [{ label: 'Retail', field: 'industry', in: ['Retail'] }, 'Sells in two channels'],
    deal_breakers: [{ label: '10 staff or fewer', field: 'employees', max: 10 }],
    scoring: {
      threshold: 50,
      rules: [
        { label: 'Growth 20%+', field: 'growth_rate', min: 20, weight: 50 },
        { label: 'Uses Shopify', field: 'tech', includes_any: ['Shopify'], weight: 50 },
      ],
    },
  },
};

// Verdicts worked by hand, in the comments.
const deals: Deal[] = [
  {
    account: { name: 'd1', industry: 'Retail', employees: 100, growth_rate: 30, tech: ['Shopify'] },
    outcome: 'won',
  }, // fit 100
  { account: { name: 'd2', industry: 'Retail', employees: 100, growth_rate: 30 }, outcome: 'won' }, // fit 50
  {
    account: { name: 'd3', industry: 'Retail', employees: 100, growth_rate: 5, tech: ['Shopify'] },
    outcome: 'lost',
  }, // fit 50
  { account: { name: 'd4', industry: 'Retail', employees: 100, growth_rate: 5 }, outcome: 'lost' }, // partial 0
  {
    account: { name: 'd5', industry: 'Banking', employees: 100, growth_rate: 30, tech: ['Shopify'] },
    outcome: 'won',
  }, // partial: must-have failed
  { account: { name: 'd6', industry: 'Retail', employees: 5, growth_rate: 30 }, outcome: 'churned' }, // excluded
  { account: { name: 'd7', growth_rate: 40 }, outcome: 'churned' }, // partial: must-have unknown
  { account: { name: 'd8', industry: 'Retail', growth_rate: 25, tech: ['Shopify'] }, outcome: 'won' }, // fit 100, deal-breaker unknown
];

describe('backtestIcp', () => {
  const result = backtestIcp(retail, deals);

  test('counts verdicts against outcomes', () => {
    expect(result.matrix).toEqual({
      fit: { won: 3, lost: 1, churned: 0 },
      partial: { won: 1, lost: 1, churned: 1 },
      excluded: { won: 0, lost: 0, churned: 1 },
    });
  });

  test('measures how well fit predicts won', () => {
    expect(result.fit).toEqual({ fit_won: 3, fit_deals: 4, won_deals: 4, precision: 0.75, recall: 0.75 });
  });

  test('gives the win rate of each verdict', () => {
    expect(result.verdicts).toEqual({
      fit: { deals: 4, won: 3, win_rate: 0.75 },
      partial: { deals: 3, won: 1, win_rate: 0.3333 },
      excluded: { deals: 1, won: 0, win_rate: 0 },
    });
  });

  test('gives every executable rule its win rates and lift, skipping plain sentences', () => {
    expect(result.rules).toEqual([
      {
        label: 'Retail',
        kind: 'must_have',
        matched: { deals: 6, won: 3, win_rate: 0.5 },
        not_matched: { deals: 2, won: 1, win_rate: 0.5 },
        unknown: 1,
        lift: 1,
      },
      {
        label: '10 staff or fewer',
        kind: 'deal_breaker',
        matched: { deals: 1, won: 0, win_rate: 0 },
        not_matched: { deals: 7, won: 4, win_rate: 0.5714 },
        unknown: 2,
        lift: 0,
      },
      {
        label: 'Growth 20%+',
        kind: 'scoring',
        matched: { deals: 6, won: 4, win_rate: 0.6667 },
        not_matched: { deals: 2, won: 0, win_rate: 0 },
        unknown: 0,
        lift: null,
      },
      {
        label: 'Uses Shopify',
        kind: 'scoring',
        matched: { deals: 4, won: 3, win_rate: 0.75 },
        not_matched: { deals: 4, won: 1, win_rate: 0.25 },
        unknown: 4,
        lift: 3,
      },
    ]);
  });

  test('gives nulls, not NaN, without deals', () => {
    const empty = backtestIcp(retail, []);
    expect(empty.fit).toEqual({ fit_won: 0, fit_deals: 0, won_deals: 0, precision: null, recall: null });
    expect(empty.rules[0]).toMatchObject({ matched: { deals: 0, won: 0, win_rate: null }, lift: null });
  });

  test('gives a null precision when nothing is a fit', () => {
    const lost = backtestIcp(retail, [{ account: { name: 'x', industry: 'Banking' }, outcome: 'won' }]);
    expect(lost.fit).toEqual({ fit_won: 0, fit_deals: 0, won_deals: 1, precision: null, recall: 0 });
  });
});

describe('backtest', () => {
  test('totals the outcomes and backtests each ICP in order', () => {
    const other: ScorableIcp = { id: 'anyone', data: { must_haves: [], deal_breakers: [] } };
    const result = backtest([retail, other], deals);
    expect(result).toMatchObject({ deals: 8, outcomes: { won: 4, lost: 2, churned: 2 }, win_rate: 0.5 });
    expect(result.icps.map((i) => i.icp)).toEqual(['retail', 'anyone']);
    // Without rules every deal is a fit: precision is the base win rate, recall is 1.
    expect(result.icps[1]!.fit).toEqual({
      fit_won: 4,
      fit_deals: 8,
      won_deals: 4,
      precision: 0.5,
      recall: 1,
    });
    expect(result.icps[1]!.rules).toEqual([]);
  });
});

describe('ratio', () => {
  test.each([
    { part: 2, whole: 3, value: 0.6667 },
    { part: 1, whole: 3, value: 0.3333 },
    { part: 1, whole: 8, value: 0.125 },
    { part: 0, whole: 5, value: 0 },
    { part: 1, whole: 0, value: null },
  ])('$part / $whole = $value', ({ part, whole, value }) => {
    expect(ratio(part, whole)).toBe(value);
  });
});
