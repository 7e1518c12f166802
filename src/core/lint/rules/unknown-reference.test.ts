import { describe, expect, test } from 'vitest';
import { cleanPlaybook, icp, mdx, persona, run, term } from '../../../../tests/helpers/playbook.ts';
import { rule } from './unknown-reference.ts';

const base = {
  ...cleanPlaybook(),
  'icps/regional-banks.mdx': mdx(icp({ name: 'Regional banks' })),
  'glossary/tam.mdx': mdx(term('Total addressable market', { abbr: 'TAM', related: ['sam'] })),
  'glossary/sam.mdx': mdx(term('Serviceable addressable market', { abbr: 'SAM', related: ['tam'] })),
  'guides/start.mdx': mdx({ title: 'Getting started' }),
};

/** A guide whose body (from line 4) is `body`. */
const guide = (body: string) => ({ 'guides/links.mdx': `---\ntitle: Links\n---\n${body}\n` });

describe('unknown-reference', () => {
  test.each<{ name: string; files: Record<string, string> }>([
    { name: 'the clean playbook', files: {} },
    { name: 'a persona in two existing ICPs', files: { 'personas/x.mdx': mdx(persona('midmarket', { icps: ['midmarket', 'regional-banks'] })) } },
    { name: 'an ICP file that exists but fails its schema', files: { 'icps/broken.mdx': '---\nname: 1\n---\n', 'personas/x.mdx': mdx(persona('broken')) } },
    { name: 'typed links to every type', files: guide('See [[persona:analytics-alex]], [[icp:midmarket]], [[term:tam]] and [[guide:start]].') },
    { name: 'an untyped link whose id only one type has', files: guide('Ask [[finance-fiona]] about [[regional-banks]].') },
    { name: 'spaces inside the brackets', files: guide('See [[ term : tam ]].') },
    { name: 'a link in inline code', files: guide('Write `[[persona:nobody]]` to link a persona.') },
    { name: 'a link in a code block', files: guide('```\n[[nobody]]\n```') },
    { name: 'a link to a file that fails its schema', files: { ...guide('See [[icp:broken]].'), 'icps/broken.mdx': '---\nname: 1\n---\n' } },
  ])('accepts $name', ({ files }) => {
    expect(run({ ...base, ...files }, rule)).toEqual([]);
  });

  test.each<{ name: string; files: Record<string, string>; file: string; line: number; column: number; message: string; hint: string | RegExp }>([
    {
      name: 'a persona naming a misspelt ICP',
      files: { 'personas/cfo-henrik.mdx': mdx(persona('midmarket', { icps: ['midmarket', 'regional-bank'] })) },
      file: 'personas/cfo-henrik.mdx',
      line: 9,
      column: 5,
      message: 'Persona "cfo-henrik" names ICP "regional-bank", which does not exist.',
      hint: 'Did you mean "regional-banks"?',
    },
    {
      name: 'a persona naming an ICP nothing resembles',
      files: { 'personas/cfo-henrik.mdx': mdx(persona('public-sector')) },
      file: 'personas/cfo-henrik.mdx',
      line: 8,
      column: 5,
      message: 'Persona "cfo-henrik" names ICP "public-sector", which does not exist.',
      hint: 'Use the id of a file in icps/ (existing ICP ids: midmarket, regional-banks), or create icps/public-sector.mdx.',
    },
    {
      name: 'a persona naming a persona as its ICP',
      files: { 'personas/cfo-henrik.mdx': mdx(persona('finance-fiona')) },
      file: 'personas/cfo-henrik.mdx',
      line: 8,
      column: 5,
      message: 'Persona "cfo-henrik" names ICP "finance-fiona", which does not exist.',
      hint: '"finance-fiona" is a persona, not an ICP (existing ICP ids: midmarket, regional-banks).',
    },
    {
      name: 'a persona that fails its schema naming a missing ICP',
      files: { 'personas/cfo-henrik.mdx': mdx(persona('regional-bank', { seniority: 'Boss' })) },
      file: 'personas/cfo-henrik.mdx',
      line: 8,
      column: 5,
      message: 'Persona "cfo-henrik" names ICP "regional-bank", which does not exist.',
      hint: 'Did you mean "regional-banks"?',
    },
    {
      name: 'a term relating to a misspelt term',
      files: { 'glossary/som.mdx': mdx(term('Serviceable obtainable market', { related: ['samm'] })) },
      file: 'glossary/som.mdx',
      line: 5,
      column: 5,
      message: 'Glossary term "som" lists related term "samm", which does not exist.',
      hint: 'Did you mean "sam"?',
    },
    {
      name: 'a typed link to a misspelt persona',
      files: guide('Talk to [[persona:analytics-alx]] first.'),
      file: 'guides/links.mdx',
      line: 4,
      column: 9,
      message: 'The link "[[persona:analytics-alx]]" points to persona "analytics-alx", which does not exist.',
      hint: 'Did you mean "[[persona:analytics-alex]]"?',
    },
    {
      name: 'a typed link with the wrong type',
      files: guide('See [[persona:tam]].'),
      file: 'guides/links.mdx',
      line: 4,
      column: 5,
      message: 'The link "[[persona:tam]]" points to persona "tam", which does not exist.',
      hint: '"tam" is a glossary term: write "[[term:tam]]".',
    },
    {
      name: 'a typed link nothing resembles',
      files: guide('See [[icp:public-sector]].'),
      file: 'guides/links.mdx',
      line: 4,
      column: 5,
      message: 'The link "[[icp:public-sector]]" points to ICP "public-sector", which does not exist.',
      hint: 'Use the id of a file in icps/ (existing ICP ids: midmarket, regional-banks), or create icps/public-sector.mdx.',
    },
    {
      name: 'an untyped link to a misspelt id',
      files: guide('Intro.\n\nWe sell to [[midmarkt]] accounts.'),
      file: 'guides/links.mdx',
      line: 6,
      column: 12,
      message: 'The link "[[midmarkt]]" points to "midmarkt", but no ICP, persona, glossary term or guide has that id.',
      hint: 'Did you mean "[[midmarket]]"?',
    },
    {
      name: 'an untyped link on the second line of a paragraph',
      files: guide('First line\nand [[nobody-at-all]] here.'),
      file: 'guides/links.mdx',
      line: 5,
      column: 5,
      message: 'The link "[[nobody-at-all]]" points to "nobody-at-all", but no ICP, persona, glossary term or guide has that id.',
      hint: /^Link to the id of an existing file/,
    },
    {
      name: 'an unknown link type',
      files: guide('See [[foo:bar]].'),
      file: 'guides/links.mdx',
      line: 4,
      column: 5,
      message: 'The link "[[foo:bar]]" uses the type "foo", which is not a content type.',
      hint: 'Use "icp:", "persona:", "term:" or "guide:", or leave the type out: "[[bar]]".',
    },
    {
      name: 'a folder name as link type',
      files: guide('See [[personas:analytics-alex]].'),
      file: 'guides/links.mdx',
      line: 4,
      column: 5,
      message: 'The link "[[personas:analytics-alex]]" uses the type "personas", which is not a content type.',
      hint: 'Did you mean "[[persona:analytics-alex]]"?',
    },
    {
      name: '"glossary" as link type',
      files: guide('See [[glossary:tam]].'),
      file: 'guides/links.mdx',
      line: 4,
      column: 5,
      message: 'The link "[[glossary:tam]]" uses the type "glossary", which is not a content type.',
      hint: 'Did you mean "[[term:tam]]"?',
    },
    {
      name: 'an ambiguous untyped link (§8.13)',
      files: { ...guide('See [[midmarket]].'), 'glossary/midmarket.mdx': mdx(term('Mid-market')) },
      file: 'guides/links.mdx',
      line: 4,
      column: 5,
      message: 'The link "[[midmarket]]" is ambiguous: "midmarket" is both an ICP and a glossary term.',
      hint: 'Say which one you mean: "[[icp:midmarket]]" or "[[term:midmarket]]".',
    },
    {
      name: 'an untyped link that three types share',
      files: { ...guide('See [[start]].'), 'glossary/start.mdx': mdx(term('Start')), 'icps/start.mdx': mdx(icp()) },
      file: 'guides/links.mdx',
      line: 4,
      column: 5,
      message: 'The link "[[start]]" is ambiguous: "start" is an ICP, a glossary term and a guide.',
      hint: 'Say which one you mean: "[[icp:start]]", "[[term:start]]" or "[[guide:start]]".',
    },
    {
      name: 'a broken link in a persona body',
      files: { 'personas/cfo-henrik.mdx': mdx(persona('midmarket'), 'Works with [[persona:analytics-alexx]].') },
      file: 'personas/cfo-henrik.mdx',
      line: 19,
      column: 12,
      message: 'The link "[[persona:analytics-alexx]]" points to persona "analytics-alexx", which does not exist.',
      hint: 'Did you mean "[[persona:analytics-alex]]"?',
    },
  ])('reports $name', ({ files, file, line, column, message, hint }) => {
    const diagnostics = run({ ...base, ...files }, rule);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: `content/${file}`, line, column, rule: 'unknown-reference', severity: 'error', message });
    if (typeof hint === 'string') expect(diagnostics[0]!.hint).toBe(hint);
    else expect(diagnostics[0]!.hint).toMatch(hint);
  });

  test('reports each unresolved item of a list at its own position', () => {
    const diagnostics = run({ ...base, 'personas/x.mdx': mdx(persona('midmarket', { icps: ['gone', 'midmarket', 'regional-bank'] })) }, rule);
    expect(diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([
      [8, 5, 'Persona "x" names ICP "gone", which does not exist.'],
      [10, 5, 'Persona "x" names ICP "regional-bank", which does not exist.'],
    ]);
  });

  test('leaves malformed ids to the schema rule', () => {
    expect(run({ ...base, 'personas/x.mdx': mdx(persona('Regional_Banks')) }, rule)).toEqual([]);
  });

  test('reports every broken link in a body', () => {
    const diagnostics = run({ ...base, ...guide('[[a-gone]] and [[b-gone]]\n\n[[c-gone]]') }, rule);
    expect(diagnostics.map((d) => [d.line, d.column])).toEqual([
      [4, 1],
      [4, 16],
      [6, 1],
    ]);
  });
});
