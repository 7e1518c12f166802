import { describe, expect, test } from 'vitest';
import { mdx, run, term } from '../../../../tests/helpers/playbook.ts';
import { rule } from './glossary-collision.ts';

const hint = (value: string) => `Each term, abbreviation and alias may belong to one glossary entry only: remove "${value}" from one of them, or merge the entries.`;

describe('glossary-collision', () => {
  test.each<{ name: string; files: Record<string, string> }>([
    { name: 'distinct terms', files: { 'glossary/tam.mdx': mdx(term('Total addressable market', { abbr: 'TAM' })), 'glossary/sam.mdx': mdx(term('Serviceable addressable market', { abbr: 'SAM' })) } },
    { name: 'a term whose abbreviation repeats its own alias', files: { 'glossary/tam.mdx': mdx(term('TAM', { abbr: 'TAM', aliases: ['tam'] })) } },
    { name: 'a term that fails its schema', files: { 'glossary/tam.mdx': mdx(term('TAM')), 'glossary/broken.mdx': '---\nterm: TAM\n---\n' } },
    { name: 'words that only share a prefix', files: { 'glossary/icp.mdx': mdx(term('ICP')), 'glossary/icps.mdx': mdx(term('ICPs')) } },
  ])('accepts $name', ({ files }) => {
    expect(run(files, rule)).toEqual([]);
  });

  test.each<{ name: string; files: Record<string, string>; expected: [string, number, number, string, string][] }>([
    {
      name: 'two equal terms, in different case',
      files: { 'glossary/arr.mdx': mdx(term('Annual recurring revenue')), 'glossary/arr-2.mdx': mdx(term('annual recurring revenue')) },
      expected: [
        ['glossary/arr-2.mdx', 2, 1, 'The term "annual recurring revenue" of glossary term "arr-2" is also used by "arr" (as its term).', 'annual recurring revenue'],
        ['glossary/arr.mdx', 2, 1, 'The term "Annual recurring revenue" of glossary term "arr" is also used by "arr-2" (as its term).', 'Annual recurring revenue'],
      ],
    },
    {
      name: 'two equal abbreviations',
      files: { 'glossary/cac.mdx': mdx(term('Customer acquisition cost', { abbr: 'CAC' })), 'glossary/cac-payback.mdx': mdx(term('CAC payback', { abbr: 'CAC' })) },
      expected: [
        ['glossary/cac-payback.mdx', 4, 1, 'The abbreviation "CAC" of glossary term "cac-payback" is also used by "cac" (as its abbreviation).', 'CAC'],
        ['glossary/cac.mdx', 4, 1, 'The abbreviation "CAC" of glossary term "cac" is also used by "cac-payback" (as its abbreviation).', 'CAC'],
      ],
    },
    {
      name: 'a term equal to another term\'s alias',
      files: { 'glossary/icp.mdx': mdx(term('Ideal customer profile', { aliases: ['ICP', 'target profile'] })), 'glossary/target-profile.mdx': mdx(term('Target profile')) },
      expected: [
        ['glossary/icp.mdx', 6, 5, 'The alias "target profile" of glossary term "icp" is also used by "target-profile" (as its term).', 'target profile'],
        ['glossary/target-profile.mdx', 2, 1, 'The term "Target profile" of glossary term "target-profile" is also used by "icp" (as its alias).', 'Target profile'],
      ],
    },
    {
      name: 'an abbreviation equal to another term\'s alias',
      files: { 'glossary/mql.mdx': mdx(term('Marketing qualified lead', { abbr: 'MQL' })), 'glossary/lead.mdx': mdx(term('Lead', { aliases: ['prospect', 'mql'] })) },
      expected: [
        ['glossary/lead.mdx', 6, 5, 'The alias "mql" of glossary term "lead" is also used by "mql" (as its abbreviation).', 'mql'],
        ['glossary/mql.mdx', 4, 1, 'The abbreviation "MQL" of glossary term "mql" is also used by "lead" (as its alias).', 'MQL'],
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
        ['glossary/a.mdx', 2, 1, 'The term "Pipeline" of glossary term "a" is also used by "b" (as its alias), "c" (as its alias).', 'Pipeline'],
        ['glossary/b.mdx', 5, 5, 'The alias "pipeline" of glossary term "b" is also used by "a" (as its term), "c" (as its alias).', 'pipeline'],
        ['glossary/c.mdx', 5, 5, 'The alias "PIPELINE" of glossary term "c" is also used by "a" (as its term), "b" (as its alias).', 'PIPELINE'],
      ],
    },
  ])('reports $name on every file, at the colliding key', ({ files, expected }) => {
    expect(run(files, rule)).toEqual(
      expected.map(([file, line, column, message, value]) => ({ file: `content/${file}`, line, column, rule: 'glossary-collision', severity: 'error', message, hint: hint(value) })),
    );
  });
});
