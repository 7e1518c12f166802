import { describe, expect, test } from 'vitest';
import { cleanPlaybook, icp, mdx, run } from '../../../../tests/helpers/playbook.ts';
import { rule } from './range-order.ts';

/** The clean playbook with its ICP changed by `overrides` (see icp() for the line layout). */
const withIcp = (overrides: Record<string, unknown>) => ({ ...cleanPlaybook(), 'icps/midmarket.mdx': mdx(icp(overrides)) });

const firmographics = (extra: Record<string, unknown>) => ({ industries: ['E-commerce'], regions: ['EU'], ...extra });

interface Invalid {
  name: string;
  overrides: Record<string, unknown>;
  line: number;
  column: number;
  message: RegExp;
  hint: RegExp;
}

describe('range-order', () => {
  test.each<{ name: string; overrides: Record<string, unknown> }>([
    { name: 'the clean ICP', overrides: {} },
    { name: 'an employee band with min equal to max', overrides: { firmographics: firmographics({ employees: { min: 500, max: 500 } }) } },
    { name: 'an employee band with only a min', overrides: { firmographics: firmographics({ employees: { min: 5000 } }) } },
    { name: 'a revenue band in order', overrides: { firmographics: firmographics({ annual_revenue: { min: 2e7, max: 5e8, currency: 'EUR' } }) } },
    { name: 'a between of one value', overrides: { must_haves: [{ label: 'Exactly 50', field: 'employees', between: [50, 50] }] } },
    { name: 'rules with a single min or max', overrides: { must_haves: [{ label: 'Big', field: 'employees', min: 5000 }, { label: 'Small', field: 'employees', max: 10 }] } },
    { name: 'a scoring rule in order', overrides: { scoring: { threshold: 50, rules: [{ label: 'Growth', field: 'growth_rate', between: [30, 80], weight: 10 }] } } },
    { name: 'bounds written as text (a schema error, not a range)', overrides: { firmographics: firmographics({ employees: { min: '1500', max: 200 } }) } },
  ])('accepts $name', ({ overrides }) => {
    expect(run(withIcp(overrides), rule)).toEqual([]);
  });

  test.each<Invalid>([
    {
      name: 'an employee band with min above max',
      overrides: { firmographics: { industries: ['E-commerce'], regions: ['North America'], employees: { min: 1500, max: 200 } } },
      line: 13, // firmographics.employees.min
      column: 5,
      message: /^"firmographics\.employees" has min 1500 above max 200/,
      hint: /Swap the two values/,
    },
    {
      name: 'a revenue band with min above max',
      overrides: { firmographics: firmographics({ annual_revenue: { min: 500000000, max: 20000000, currency: 'EUR' } }) },
      line: 13, // firmographics.annual_revenue.min
      column: 5,
      message: /^"firmographics\.annual_revenue" has min 500000000 above max 20000000/,
      hint: /Swap the two values/,
    },
    {
      name: 'a reversed between in a must-have',
      overrides: { must_haves: [{ label: '200–1,500 employees', field: 'employees', between: [1500, 200] }] },
      line: 20, // must_haves[0].between
      column: 5,
      message: /^Must-have "200–1,500 employees" has between: \[1500, 200\] with the larger number first/,
      hint: /between: \[200, 1500\]/,
    },
    {
      name: 'a reversed between in a deal-breaker',
      overrides: { deal_breakers: [{ label: 'Tiny', field: 'employees', between: [50, 10] }] },
      line: 31, // deal_breakers[0].between
      column: 5,
      message: /^Deal-breaker "Tiny" has between: \[50, 10\]/,
      hint: /between: \[10, 50\]/,
    },
    {
      name: 'a reversed between in a scoring rule',
      overrides: { scoring: { threshold: 50, rules: [{ label: 'Fast growth', field: 'growth_rate', between: [80, 30], weight: 10 }] } },
      line: 39, // scoring.rules[0].between
      column: 7,
      message: /^Scoring rule "Fast growth" has between: \[80, 30\]/,
      hint: /between: \[30, 80\]/,
    },
    {
      name: 'a rule with both min and max, reversed (also a schema error)',
      overrides: { must_haves: [{ label: 'Size', field: 'employees', min: 900, max: 100 }] },
      line: 20, // must_haves[0].min
      column: 5,
      message: /^Must-have "Size" has min 900 above max 100/,
      hint: /Swap/,
    },
  ])('reports $name', ({ overrides, line, column, message, hint }) => {
    const diagnostics = run(withIcp(overrides), rule);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'content/icps/midmarket.mdx', line, column, rule: 'range-order', severity: 'error' });
    expect(diagnostics[0]!.message).toMatch(message);
    expect(diagnostics[0]!.hint).toMatch(hint);
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
    expect(run({ 'icps/midmarket.mdx': text }, rule).map(({ line, column }) => ({ line, column }))).toEqual([
      { line: 9, column: 26 },
      { line: 12, column: 42 },
    ]);
  });
});
