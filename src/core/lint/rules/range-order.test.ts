import { describe, expect, test } from 'vitest';
import { cleanPlaybook, finding, findings, icp, mdx, run } from '../../../../tests/helpers/playbook.ts';
import { rule } from './range-order.ts';

/** The clean playbook with its ICP changed by `overrides` (see icp() for the line layout). */
const withIcp = (overrides: Record<string, unknown>) => ({
  ...cleanPlaybook(),
  'icps/midmarket.mdx': mdx(icp(overrides)),
});

const firmographics = (extra: Record<string, unknown>) => ({
  industries: ['E-commerce'],
  regions: ['EU'],
  ...extra,
});

interface Invalid {
  messageId: string;
  name: string;
  overrides: Record<string, unknown>;
  line: number;
  column: number;
  /** How the message names the range, and its bounds. */
  says: string[];
  /** The lower bound first, as the hint suggests (for a reversed between). */
  fix?: string;
}

describe('range-order', () => {
  test.each<{ name: string; overrides: Record<string, unknown> }>([
    { name: 'the clean ICP', overrides: {} },
    {
      name: 'an employee band with min equal to max',
      overrides: { firmographics: firmographics({ employees: { min: 500, max: 500 } }) },
    },
    {
      name: 'an employee band with only a min',
      overrides: { firmographics: firmographics({ employees: { min: 5000 } }) },
    },
    {
      name: 'a revenue band in order',
      overrides: {
        firmographics: firmographics({ annual_revenue: { min: 2e7, max: 5e8, currency: 'EUR' } }),
      },
    },
    {
      name: 'a between of one value',
      overrides: { must_haves: [{ label: 'Exactly 50', field: 'employees', between: [50, 50] }] },
    },
    {
      name: 'rules with a single min or max',
      overrides: {
        must_haves: [
          { label: 'Big', field: 'employees', min: 5000 },
          { label: 'Small', field: 'employees', max: 10 },
        ],
      },
    },
    {
      name: 'a scoring rule in order',
      overrides: {
        scoring: {
          threshold: 50,
          rules: [{ label: 'Growth', field: 'growth_rate', between: [30, 80], weight: 10 }],
        },
      },
    },
    {
      name: 'bounds written as text (a schema error, not a range)',
      overrides: { firmographics: firmographics({ employees: { min: '1500', max: 200 } }) },
    },
  ])('accepts $name', ({ overrides }) => {
    expect(run(withIcp(overrides), rule)).toEqual([]);
  });

  test.each<Invalid>([
    {
      messageId: 'minAboveMax',
      name: 'an employee band with min above max',
      overrides: {
        firmographics: {
          industries: ['E-commerce'],
          regions: ['North America'],
          employees: { min: 1500, max: 200 },
        },
      },
      line: 13, // firmographics.employees.min
      column: 5,
      says: ['"firmographics.employees"', '1500', '200'],
    },
    {
      messageId: 'minAboveMax',
      name: 'a revenue band with min above max',
      overrides: {
        firmographics: firmographics({ annual_revenue: { min: 500000000, max: 20000000, currency: 'EUR' } }),
      },
      line: 13, // firmographics.annual_revenue.min
      column: 5,
      says: ['"firmographics.annual_revenue"', '500000000', '20000000'],
    },
    {
      messageId: 'betweenReversed',
      name: 'a reversed between in a must-have',
      overrides: { must_haves: [{ label: '200–1,500 employees', field: 'employees', between: [1500, 200] }] },
      line: 20, // must_haves[0].between
      column: 5,
      says: ['Must-have "200–1,500 employees"', '[1500, 200]'],
      fix: '[200, 1500]',
    },
    {
      messageId: 'betweenReversed',
      name: 'a reversed between in a deal-breaker',
      overrides: { deal_breakers: [{ label: 'Tiny', field: 'employees', between: [50, 10] }] },
      line: 31, // deal_breakers[0].between
      column: 5,
      says: ['Deal-breaker "Tiny"', '[50, 10]'],
      fix: '[10, 50]',
    },
    {
      messageId: 'betweenReversed',
      name: 'a reversed between in a scoring rule',
      overrides: {
        scoring: {
          threshold: 50,
          rules: [{ label: 'Fast growth', field: 'growth_rate', between: [80, 30], weight: 10 }],
        },
      },
      line: 39, // scoring.rules[0].between
      column: 7,
      says: ['Scoring rule "Fast growth"', '[80, 30]'],
      fix: '[30, 80]',
    },
    {
      messageId: 'minAboveMax',
      name: 'a rule with both min and max, reversed (also a schema error)',
      overrides: { must_haves: [{ label: 'Size', field: 'employees', min: 900, max: 100 }] },
      line: 20, // must_haves[0].min
      column: 5,
      says: ['Must-have "Size"', '900', '100'],
    },
  ])('reports $name ($messageId)', ({ messageId, overrides, line, column, says, fix }) => {
    const files = withIcp(overrides);
    expect(findings(files, rule)).toEqual([finding(rule, 'icps/midmarket.mdx', messageId, line, column)]);
    const [diagnostic] = run(files, rule);
    for (const value of says) expect(diagnostic!.message).toContain(value);
    if (fix) expect(diagnostic!.hint).toContain(fix);
  });

  test('reports every reversed range in a file', () => {
    const text = [
      '---',
      'name: Mid-market e-commerce',
      'summary: Online retailers that outgrew spreadsheets.',
      'owners: ["@acme/revops"]',
      'last_reviewed: 2026-10-01',
      'firmographics:',
      '  industries: [E-commerce]',
      '  regions: [EU]',
      '  employees: { max: 200, min: 1500 }', // range-order: at "min", column 26
      'pains: [Slow reporting]',
      'must_haves:',
      '  - { label: Mid-size, field: employees, between: [1500, 200] }', // range-order: at "between"
      'deal_breakers: []',
      '---',
      '',
    ].join('\n');
    expect(findings({ 'icps/midmarket.mdx': text }, rule)).toEqual([
      finding(rule, 'icps/midmarket.mdx', 'minAboveMax', 9, 26),
      finding(rule, 'icps/midmarket.mdx', 'betweenReversed', 12, 42),
    ]);
  });
});
