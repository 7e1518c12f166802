import { describe, expect, test } from 'vitest';
import {
  cleanPlaybook,
  finding,
  findings,
  icp,
  mdx,
  persona,
  run,
  term,
} from '../../../../tests/helpers/playbook.ts';
import { rule } from './invalid-id.ts';

const base = cleanPlaybook();

describe('invalid-id', () => {
  test.each([
    { name: 'kebab-case ids', files: base },
    { name: 'digits and single hyphens', files: { ...base, 'icps/b2b-saas-2026.mdx': mdx(icp()) } },
    {
      name: 'the same id in two types',
      files: { ...base, 'glossary/midmarket.mdx': mdx(term('Mid-market')) },
    },
    {
      name: 'a kebab-case file that fails its schema',
      files: { ...base, 'icps/broken.mdx': '---\nname: 1\n---\n' },
    },
  ])('accepts $name', ({ files }) => {
    expect(run(files, rule)).toEqual([]);
  });

  // [message id, case, file path, the rename the hint suggests]; the message names the file.
  test.each([
    ['notKebab', 'a capital letter', 'personas/Buyer-bob.mdx', '"personas/buyer-bob.mdx"'],
    ['notKebab', 'camel case', 'personas/buyerBob.mdx', '"personas/buyer-bob.mdx"'],
    ['notKebab', 'an underscore', 'icps/mid_market.mdx', '"icps/mid-market.mdx"'],
    ['notKebab', 'a space', 'glossary/total market.mdx', '"glossary/total-market.mdx"'],
    ['notKebab', 'a double hyphen', 'icps/mid--market.mdx', '"icps/mid-market.mdx"'],
    ['notKebab', 'a leading hyphen', 'icps/-midmarket.mdx', '"icps/midmarket.mdx"'],
    ['notKebab', 'an accent', 'glossary/café.mdx', '"glossary/cafe.mdx"'],
    ['notKebab', 'no usable character', 'glossary/___.mdx', 'a lowercase kebab-case name'],
  ])('reports %s: a file name with %s, at 1:1', (messageId, _name, path, rename) => {
    const [type, name] = path.split('/') as [string, string];
    const frontmatter = type === 'glossary' ? term('Total market') : type === 'icps' ? icp() : persona();
    const files = { ...base, [path]: mdx(frontmatter) };
    expect(findings(files, rule)).toEqual([finding(rule, path, messageId, 1, 1)]);
    const [diagnostic] = run(files, rule);
    expect(diagnostic!.message).toContain(`"${name}"`);
    expect(diagnostic!.hint).toContain(rename);
  });

  test('reports a file that could not be read, by its name', () => {
    const files = { ...base, 'guides/Read Me.mdx': '' };
    expect(findings(files, rule)).toEqual([finding(rule, 'guides/Read Me.mdx', 'notKebab', 1, 1)]);
  });

  test('reports two ids of one type that differ only in case, on every file involved (§8.12)', () => {
    const files = { ...base, 'icps/Midmarket.mdx': mdx(icp()) };
    expect(findings(files, rule).filter((d) => d.messageId === 'caseClash')).toEqual([
      finding(rule, 'icps/Midmarket.mdx', 'caseClash', 1, 1),
      finding(rule, 'icps/midmarket.mdx', 'caseClash', 1, 1),
    ]);
    const [upper, lower] = run(files, rule).filter((d) => d.messageId === 'caseClash');
    expect(upper!.message).toMatch(/^ICP .*"Midmarket".*"midmarket" \(icps\/midmarket\.mdx\)/);
    expect(lower!.message).toMatch(/^ICP .*"midmarket".*"Midmarket" \(icps\/Midmarket\.mdx\)/);
    expect(upper!.hint).toContain('ICP');
  });

  test('names every other file when three ids clash', () => {
    const files = {
      'glossary/Tam.mdx': mdx(term('A')),
      'glossary/TAM.mdx': mdx(term('B')),
      'glossary/tam.mdx': mdx(term('C')),
    };
    const clashes = run(files, rule).filter((d) => d.messageId === 'caseClash');
    expect(clashes.map((d) => d.file)).toEqual([
      'content/glossary/TAM.mdx',
      'content/glossary/Tam.mdx',
      'content/glossary/tam.mdx',
    ]);
    expect(clashes[0]!.message).toMatch(/^Glossary term .*"TAM"/);
    expect(clashes[0]!.message).toContain('"Tam" (glossary/Tam.mdx), "tam" (glossary/tam.mdx)');
    expect(clashes[1]!.message).toContain('"TAM" (glossary/TAM.mdx), "tam" (glossary/tam.mdx)');
    expect(clashes[2]!.message).toContain('"TAM" (glossary/TAM.mdx), "Tam" (glossary/Tam.mdx)');
  });
});
