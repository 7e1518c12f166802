import { describe, expect, test } from 'vitest';
import { finding, findings, mdx, run, term } from '../../../../tests/helpers/playbook.ts';
import { rule } from './glossary-collision.ts';

describe('glossary-collision', () => {
  test.each<{ name: string; files: Record<string, string> }>([
    {
      name: 'distinct terms',
      files: {
        'glossary/tam.mdx': mdx(term('Total addressable market', { abbr: 'TAM' })),
        'glossary/sam.mdx': mdx(term('Serviceable addressable market', { abbr: 'SAM' })),
      },
    },
    {
      name: 'a term whose abbreviation repeats its own alias',
      files: { 'glossary/tam.mdx': mdx(term('TAM', { abbr: 'TAM', aliases: ['tam'] })) },
    },
    {
      name: 'a term that fails its schema',
      files: { 'glossary/tam.mdx': mdx(term('TAM')), 'glossary/broken.mdx': '---\nterm: TAM\n---\n' },
    },
    {
      name: 'words that only share a prefix',
      files: { 'glossary/icp.mdx': mdx(term('ICP')), 'glossary/icps.mdx': mdx(term('ICPs')) },
    },
  ])('accepts $name', ({ files }) => {
    expect(run(files, rule)).toEqual([]);
  });

  // Each expected finding: file, line, column, message id, and the other terms its message names.
  test.each<{
    name: string;
    files: Record<string, string>;
    expected: [string, number, number, string, string][];
  }>([
    {
      name: 'two equal terms, in different case',
      files: {
        'glossary/arr.mdx': mdx(term('Annual recurring revenue')),
        'glossary/arr-2.mdx': mdx(term('annual recurring revenue')),
      },
      expected: [
        ['glossary/arr-2.mdx', 2, 1, 'collision', '"arr" (as its term)'],
        ['glossary/arr.mdx', 2, 1, 'collision', '"arr-2" (as its term)'],
      ],
    },
    {
      name: 'two equal abbreviations',
      files: {
        'glossary/cac.mdx': mdx(term('Customer acquisition cost', { abbr: 'CAC' })),
        'glossary/cac-payback.mdx': mdx(term('CAC payback', { abbr: 'CAC' })),
      },
      expected: [
        ['glossary/cac-payback.mdx', 4, 1, 'collision', '"cac" (as its abbreviation)'],
        ['glossary/cac.mdx', 4, 1, 'collision', '"cac-payback" (as its abbreviation)'],
      ],
    },
    {
      name: "a term equal to another term's alias",
      files: {
        'glossary/icp.mdx': mdx(term('Ideal customer profile', { aliases: ['ICP', 'target profile'] })),
        'glossary/target-profile.mdx': mdx(term('Target profile')),
      },
      expected: [
        ['glossary/icp.mdx', 6, 5, 'collision', '"target-profile" (as its term)'],
        ['glossary/target-profile.mdx', 2, 1, 'collision', '"icp" (as its alias)'],
      ],
    },
    {
      name: "an abbreviation equal to another term's alias",
      files: {
        'glossary/mql.mdx': mdx(term('Marketing qualified lead', { abbr: 'MQL' })),
        'glossary/lead.mdx': mdx(term('Lead', { aliases: ['prospect', 'mql'] })),
      },
      expected: [
        ['glossary/lead.mdx', 6, 5, 'collision', '"mql" (as its abbreviation)'],
        ['glossary/mql.mdx', 4, 1, 'collision', '"lead" (as its alias)'],
      ],
    },
    {
      name: 'one word in three terms',
      files: {
        'glossary/a.mdx': mdx(term('Pipeline')),
        'glossary/b.mdx': mdx(term('Sales pipeline', { aliases: ['pipeline'] })),
        'glossary/c.mdx': mdx(term('Funnel', { aliases: ['PIPELINE'] })),
      },
      expected: [
        ['glossary/a.mdx', 2, 1, 'collision', '"b" (as its alias), "c" (as its alias)'],
        ['glossary/b.mdx', 5, 5, 'collision', '"a" (as its term), "c" (as its alias)'],
        ['glossary/c.mdx', 5, 5, 'collision', '"a" (as its term), "b" (as its alias)'],
      ],
    },
  ])('reports $name on every file, at the colliding key', ({ files, expected }) => {
    const at = expected.map(([file, line, column, id]) => finding(rule, file, id, line, column));
    expect(findings(files, rule)).toEqual(at);
    const messages = run(files, rule).map((d) => d.message);
    for (const [i, message] of messages.entries()) expect(message).toContain(expected[i]![4]);
  });

  test('names the kind and the colliding word, as each file writes it, in the message and the hint', () => {
    const files = {
      'glossary/icp.mdx': mdx(term('ICP', { aliases: ['target profile'] })),
      'glossary/tp.mdx': mdx(term('Target Profile')),
    };
    const [icpFile, tpFile] = run(files, rule);
    for (const value of ['alias', '"target profile"', '"icp"']) expect(icpFile!.message).toContain(value);
    expect(icpFile!.hint).toContain('"target profile"');
    for (const value of ['term', '"Target Profile"', '"tp"']) expect(tpFile!.message).toContain(value);
    expect(tpFile!.hint).toContain('"Target Profile"');
  });
});
