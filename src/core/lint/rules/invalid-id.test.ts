import { describe, expect, test } from 'vitest';
import { cleanPlaybook, icp, mdx, persona, run, term } from '../../../../tests/helpers/playbook.ts';
import { rule } from './invalid-id.ts';

const base = cleanPlaybook();

describe('invalid-id', () => {
  test.each([
    { name: 'kebab-case ids', files: base },
    { name: 'digits and single hyphens', files: { ...base, 'icps/b2b-saas-2026.mdx': mdx(icp()) } },
    { name: 'the same id in two types', files: { ...base, 'glossary/midmarket.mdx': mdx(term('Mid-market')) } },
    { name: 'a kebab-case file that fails its schema', files: { ...base, 'icps/broken.mdx': '---\nname: 1\n---\n' } },
  ])('accepts $name', ({ files }) => {
    expect(run(files, rule)).toEqual([]);
  });

  test.each([
    { name: 'a capital letter', path: 'personas/Buyer-bob.mdx', message: '"Buyer-bob.mdx"', hint: '"personas/buyer-bob.mdx"' },
    { name: 'camel case', path: 'personas/buyerBob.mdx', message: '"buyerBob.mdx"', hint: '"personas/buyer-bob.mdx"' },
    { name: 'an underscore', path: 'icps/mid_market.mdx', message: '"mid_market.mdx"', hint: '"icps/mid-market.mdx"' },
    { name: 'a space', path: 'glossary/total market.mdx', message: '"total market.mdx"', hint: '"glossary/total-market.mdx"' },
    { name: 'a double hyphen', path: 'icps/mid--market.mdx', message: '"mid--market.mdx"', hint: '"icps/mid-market.mdx"' },
    { name: 'a leading hyphen', path: 'icps/-midmarket.mdx', message: '"-midmarket.mdx"', hint: '"icps/midmarket.mdx"' },
    { name: 'an accent', path: 'glossary/café.mdx', message: '"café.mdx"', hint: '"glossary/cafe.mdx"' },
    { name: 'no usable character', path: 'glossary/___.mdx', message: '"___.mdx"', hint: 'a lowercase kebab-case name such as "analytics-alex.mdx"' },
  ])('reports a file name with $name at 1:1', ({ path, message, hint }) => {
    const text = path.startsWith('glossary/') ? mdx(term('Total market')) : path.startsWith('icps/') ? mdx(icp()) : mdx(persona('midmarket'));
    const diagnostics = run({ ...base, [path]: text }, rule);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: `content/${path}`, line: 1, column: 1, rule: 'invalid-id', severity: 'error' });
    expect(diagnostics[0]!.message).toBe(`The file name ${message} is not a valid id: ids are lowercase kebab-case (a-z, 0-9 and single hyphens).`);
    expect(diagnostics[0]!.hint).toBe(`Rename the file to ${hint} and update every reference to it.`);
  });

  test('reports a file that could not be read, by its name', () => {
    const diagnostics = run({ ...base, 'guides/Read Me.mdx': '' }, rule);
    expect(diagnostics).toEqual([expect.objectContaining({ file: 'content/guides/Read Me.mdx', line: 1, column: 1 })]);
  });

  test('reports two ids of one type that differ only in case, on every file involved (§8.12)', () => {
    const files = { ...base, 'icps/Midmarket.mdx': mdx(icp()) };
    const diagnostics = run(files, rule).filter((d) => d.message.includes('letter case'));
    expect(diagnostics).toEqual([
      {
        file: 'content/icps/Midmarket.mdx',
        line: 1,
        column: 1,
        rule: 'invalid-id',
        severity: 'error',
        message: 'ICP id "Midmarket" differs from "midmarket" (icps/midmarket.mdx) only in letter case.',
        hint: 'Rename or merge the files so each ICP has its own lowercase id: on macOS and Windows these names are one file.',
      },
      {
        file: 'content/icps/midmarket.mdx',
        line: 1,
        column: 1,
        rule: 'invalid-id',
        severity: 'error',
        message: 'ICP id "midmarket" differs from "Midmarket" (icps/Midmarket.mdx) only in letter case.',
        hint: 'Rename or merge the files so each ICP has its own lowercase id: on macOS and Windows these names are one file.',
      },
    ]);
  });

  test('names every other file when three ids clash', () => {
    const files = { 'glossary/Tam.mdx': mdx(term('A')), 'glossary/TAM.mdx': mdx(term('B')), 'glossary/tam.mdx': mdx(term('C')) };
    const clashes = run(files, rule).filter((d) => d.message.includes('letter case'));
    expect(clashes.map((d) => [d.file, d.message])).toEqual([
      ['content/glossary/TAM.mdx', 'Glossary term id "TAM" differs from "Tam" (glossary/Tam.mdx), "tam" (glossary/tam.mdx) only in letter case.'],
      ['content/glossary/Tam.mdx', 'Glossary term id "Tam" differs from "TAM" (glossary/TAM.mdx), "tam" (glossary/tam.mdx) only in letter case.'],
      ['content/glossary/tam.mdx', 'Glossary term id "tam" differs from "TAM" (glossary/TAM.mdx), "Tam" (glossary/Tam.mdx) only in letter case.'],
    ]);
  });
});
