import { describe, expect, test } from 'vitest';
import { accountFromValues } from '../src/client/fit-check.ts';

describe('accountFromValues (the /fit form)', () => {
  test.each([
    { name: 'an empty form as an account with nothing known', values: {}, account: { name: 'This account' } },
    {
      name: 'blank fields as unknown',
      values: { industry: '  ', employees: '', tech: ' ; , ' },
      account: { name: 'This account' },
    },
    {
      name: 'text trimmed',
      values: { industry: ' Fintech ', region: 'Europe', country: 'United Kingdom', growth_stage: 'growth' },
      account: {
        name: 'This account',
        industry: 'Fintech',
        region: 'Europe',
        country: 'United Kingdom',
        growth_stage: 'growth',
      },
    },
    {
      name: 'numbers, negative growth included',
      values: { employees: '610', annual_revenue: '95000000', growth_rate: '-3.5' },
      account: { name: 'This account', employees: 610, annual_revenue: 95000000, growth_rate: -3.5 },
    },
    {
      name: 'a number field the browser could not read as unknown',
      values: { employees: 'abc' },
      account: { name: 'This account' },
    },
    {
      name: 'tools split on semicolons and commas, without duplicates',
      values: { tech: 'HubSpot; BigQuery, Stripe;HubSpot' },
      account: { name: 'This account', tech: ['HubSpot', 'BigQuery', 'Stripe'] },
    },
  ])('reads $name', ({ values, account }) => {
    expect(accountFromValues(values)).toEqual(account);
  });
});
