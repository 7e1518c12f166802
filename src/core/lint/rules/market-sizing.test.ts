import { describe, expect, test } from 'vitest';
import { cleanPlaybook, finding, findings, icp, mdx, run } from '../../../../tests/helpers/playbook.ts';
import { rule } from './market-sizing.ts';

/**
 * The clean playbook whose ICP ends with the given `market:` block. The ICP's other fields take
 * lines 1–33, so the first line of `market` is line 34 of the file.
 */
function withMarket(...lines: string[]): Record<string, string> {
  const text = mdx(icp(), 'Who we sell to.\n').replace(/\n---\n/, `\n${lines.join('\n')}\n---\n`);
  return { ...cleanPlaybook(), 'icps/midmarket.mdx': text };
}

const TAM = 'TAM (total addressable market)';
const SAM = 'SAM (serviceable addressable market)';
const SOM = 'SOM (serviceable obtainable market)';

interface Invalid {
  messageId: string;
  name: string;
  market: string[];
  line: number;
  column: number;
  /** Values the message gives: the two markets, the measure and both figures. */
  says: string[];
}

describe('market-sizing', () => {
  test.each<{ name: string; market: string[] }>([
    { name: 'no market', market: [] },
    {
      name: 'SOM ≤ SAM ≤ TAM on both measures',
      market: [
        'market:',
        '  tam: { accounts: 40000, value: 6000000000 }',
        '  sam: { accounts: 12000, value: 1800000000 }',
        '  som: { accounts: 900, value: 90000000 }',
      ],
    },
    {
      name: 'equal sizes',
      market: ['market:', '  tam: { accounts: 100 }', '  sam: { accounts: 100 }', '  som: { accounts: 100 }'],
    },
    { name: 'a TAM alone', market: ['market:', '  tam: { value: 6000000000 }'] },
    {
      name: 'measures that are never on both sides',
      market: ['market:', '  tam: { accounts: 10 }', '  sam: { value: 99999999 }', '  som: { value: 5 }'],
    },
    {
      name: 'SOM below TAM without a SAM',
      market: ['market:', '  tam: { accounts: 1000 }', '  som: { accounts: 999 }'],
    },
  ])('accepts $name', ({ market }) => {
    expect(run(withMarket(...market), rule)).toEqual([]);
  });

  test.each<Invalid>([
    {
      messageId: 'larger',
      name: 'SAM accounts above TAM accounts',
      market: ['market:', '  tam: { accounts: 12000 }', '  sam: { accounts: 40000 }'],
      line: 36, // market.sam.accounts
      column: 10,
      says: [SAM, TAM, 'accounts', '40,000', '12,000'],
    },
    {
      messageId: 'larger',
      name: 'SOM value above SAM value, in the ICP currency',
      market: [
        'market:',
        '  tam:',
        '    value: 6000000000',
        '  sam:',
        '    value: 1800000000',
        '  som:',
        '    value: 2000000000',
        '  currency: EUR',
      ],
      line: 40, // market.som.value
      column: 5,
      says: [SOM, SAM, 'value', '2,000,000,000 EUR', '1,800,000,000 EUR'],
    },
    {
      messageId: 'larger',
      name: 'SOM above TAM when there is no SAM',
      market: ['market:', '  tam: { accounts: 900 }', '  som: { accounts: 1200 }'],
      line: 36, // market.som.accounts
      column: 10,
      says: [SOM, TAM, 'accounts', '1,200', '900'],
    },
    {
      messageId: 'larger',
      name: 'SOM above TAM when the SAM lacks that measure',
      market: ['market:', '  tam: { value: 1000 }', '  sam: { accounts: 50 }', '  som: { value: 5000 }'],
      line: 37, // market.som.value
      column: 10,
      says: [SOM, TAM, 'value', '5,000 USD', '1,000 USD'],
    },
  ])('reports $name ($messageId)', ({ messageId, market, line, column, says }) => {
    const files = withMarket(...market);
    expect(findings(files, rule)).toEqual([finding(rule, 'icps/midmarket.mdx', messageId, line, column)]);
    const [diagnostic] = run(files, rule);
    for (const value of says) expect(diagnostic!.message).toContain(value);
  });

  test('reports each measure and each level out of order, naming the source', () => {
    const diagnostics = run(
      withMarket(
        'market:',
        '  tam: { accounts: 100, value: 1000 }',
        '  sam: { accounts: 200, value: 500 }', // SAM accounts > TAM accounts
        '  som: { accounts: 150, value: 600 }', // SOM value > SAM value (SOM accounts ≤ SAM accounts)
        '  source: Crunchbase export, Sept 2026',
      ),
      rule,
    );
    expect(diagnostics.map(({ line, column, messageId }) => ({ line, column, messageId }))).toEqual([
      { line: 36, column: 10, messageId: 'larger' },
      { line: 37, column: 25, messageId: 'larger' },
    ]);
    const [samAccounts, somValue] = diagnostics;
    for (const value of [SAM, TAM, 'accounts', '200', '100']) expect(samAccounts!.message).toContain(value);
    for (const value of [SOM, SAM, 'value', '600 USD', '500 USD']) expect(somValue!.message).toContain(value);
    expect(diagnostics[0]!.hint).toContain('("Crunchbase export, Sept 2026")');
  });

  test('uses the currency from playbook.yaml when the market names none', () => {
    const diagnostics = run(withMarket('market:', '  tam: { value: 10 }', '  sam: { value: 20 }'), rule, {
      config: { currency: 'GBP' },
    });
    expect(diagnostics[0]!.message).toContain('(20 GBP)');
  });
});
