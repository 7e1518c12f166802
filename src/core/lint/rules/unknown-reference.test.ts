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

interface Invalid {
  messageId: string;
  name: string;
  files: Record<string, string>;
  file: string;
  line: number;
  column: number;
  /** The candidates an ambiguous link's message names. */
  says?: string;
  advice: string | RegExp;
}

describe('unknown-reference', () => {
  test.each<{ name: string; files: Record<string, string> }>([
    { name: 'the clean playbook', files: {} },
    {
      name: 'a persona in two existing ICPs',
      files: { 'personas/x.mdx': mdx(persona('midmarket', { icps: ['midmarket', 'regional-banks'] })) },
    },
    {
      name: 'an ICP file that exists but fails its schema',
      files: { 'icps/broken.mdx': '---\nname: 1\n---\n', 'personas/x.mdx': mdx(persona('broken')) },
    },
    {
      name: 'typed links to every type',
      files: guide('See [[persona:analytics-alex]], [[icp:midmarket]], [[term:tam]] and [[guide:start]].'),
    },
    {
      name: 'an untyped link whose id only one type has',
      files: guide('Ask [[finance-fiona]] about [[regional-banks]].'),
    },
    { name: 'spaces inside the brackets', files: guide('See [[ term : tam ]].') },
    { name: 'a link in inline code', files: guide('Write `[[persona:nobody]]` to link a persona.') },
    { name: 'a link in a code block', files: guide('```\n[[nobody]]\n```') },
    {
      name: 'a link to a file that fails its schema',
      files: { ...guide('See [[icp:broken]].'), 'icps/broken.mdx': '---\nname: 1\n---\n' },
    },
  ])('accepts $name', ({ files }) => {
    expect(run({ ...base, ...files }, rule)).toEqual([]);
  });

  // `advice`: what the hint suggests (the nearest id, the right type, the choices), in full or in part.
  test.each<Invalid>([
    {
      messageId: 'missingIcp',
      name: 'a persona naming a misspelt ICP',
      files: {
        'personas/cfo-henrik.mdx': mdx(persona('midmarket', { icps: ['midmarket', 'regional-bank'] })),
      },
      file: 'personas/cfo-henrik.mdx',
      line: 9,
      column: 5,
      advice: 'Did you mean "regional-banks"?',
    },
    {
      messageId: 'missingIcp',
      name: 'a persona naming an ICP nothing resembles',
      files: { 'personas/cfo-henrik.mdx': mdx(persona('public-sector')) },
      file: 'personas/cfo-henrik.mdx',
      line: 8,
      column: 5,
      advice:
        'Use the id of a file in icps/ (existing ICP ids: midmarket, regional-banks), ' +
        'or create icps/public-sector.mdx.',
    },
    {
      messageId: 'missingIcp',
      name: 'a persona naming a persona as its ICP',
      files: { 'personas/cfo-henrik.mdx': mdx(persona('finance-fiona')) },
      file: 'personas/cfo-henrik.mdx',
      line: 8,
      column: 5,
      advice: '"finance-fiona" is a persona, not an ICP (existing ICP ids: midmarket, regional-banks).',
    },
    {
      messageId: 'missingIcp',
      name: 'a persona that fails its schema naming a missing ICP',
      files: { 'personas/cfo-henrik.mdx': mdx(persona('regional-bank', { seniority: 'Boss' })) },
      file: 'personas/cfo-henrik.mdx',
      line: 8,
      column: 5,
      advice: 'Did you mean "regional-banks"?',
    },
    {
      messageId: 'missingRelated',
      name: 'a term relating to a misspelt term',
      files: { 'glossary/som.mdx': mdx(term('Serviceable obtainable market', { related: ['samm'] })) },
      file: 'glossary/som.mdx',
      line: 5,
      column: 5,
      advice: 'Did you mean "sam"?',
    },
    {
      messageId: 'missingTyped',
      name: 'a typed link to a misspelt persona',
      files: guide('Talk to [[persona:analytics-alx]] first.'),
      file: 'guides/links.mdx',
      line: 4,
      column: 9,
      advice: 'Did you mean "[[persona:analytics-alex]]"?',
    },
    {
      messageId: 'missingTyped',
      name: 'a typed link with the wrong type',
      files: guide('See [[persona:tam]].'),
      file: 'guides/links.mdx',
      line: 4,
      column: 5,
      advice: '"tam" is a glossary term: write "[[term:tam]]".',
    },
    {
      messageId: 'missingTyped',
      name: 'a typed link nothing resembles',
      files: guide('See [[icp:public-sector]].'),
      file: 'guides/links.mdx',
      line: 4,
      column: 5,
      advice:
        'Use the id of a file in icps/ (existing ICP ids: midmarket, regional-banks), ' +
        'or create icps/public-sector.mdx.',
    },
    {
      messageId: 'missingUntyped',
      name: 'an untyped link to a misspelt id',
      files: guide('Intro.\n\nWe sell to [[midmarkt]] accounts.'),
      file: 'guides/links.mdx',
      line: 6,
      column: 12,
      advice: 'Did you mean "[[midmarket]]"?',
    },
    {
      messageId: 'missingUntyped',
      name: 'an untyped link on the second line of a paragraph',
      files: guide('First line\nand [[nobody-at-all]] here.'),
      file: 'guides/links.mdx',
      line: 5,
      column: 5,
      advice: /^Link to the id of an existing file/,
    },
    {
      messageId: 'unknownType',
      name: 'an unknown link type',
      files: guide('See [[foo:bar]].'),
      file: 'guides/links.mdx',
      line: 4,
      column: 5,
      advice: 'Use "icp:", "persona:", "term:" or "guide:", or leave the type out: "[[bar]]".',
    },
    {
      messageId: 'unknownType',
      name: 'a folder name as link type',
      files: guide('See [[personas:analytics-alex]].'),
      file: 'guides/links.mdx',
      line: 4,
      column: 5,
      advice: 'Did you mean "[[persona:analytics-alex]]"?',
    },
    {
      messageId: 'unknownType',
      name: '"glossary" as link type',
      files: guide('See [[glossary:tam]].'),
      file: 'guides/links.mdx',
      line: 4,
      column: 5,
      advice: 'Did you mean "[[term:tam]]"?',
    },
    {
      messageId: 'ambiguous',
      name: 'an ambiguous untyped link (§8.13)',
      files: { ...guide('See [[midmarket]].'), 'glossary/midmarket.mdx': mdx(term('Mid-market')) },
      file: 'guides/links.mdx',
      line: 4,
      column: 5,
      says: 'both an ICP and a glossary term',
      advice: '"[[icp:midmarket]]" or "[[term:midmarket]]"',
    },
    {
      messageId: 'ambiguous',
      name: 'an untyped link that three types share',
      files: {
        ...guide('See [[start]].'),
        'glossary/start.mdx': mdx(term('Start')),
        'icps/start.mdx': mdx(icp()),
      },
      file: 'guides/links.mdx',
      line: 4,
      column: 5,
      says: 'an ICP, a glossary term and a guide',
      advice: '"[[icp:start]]", "[[term:start]]" or "[[guide:start]]"',
    },
    {
      messageId: 'missingTyped',
      name: 'a broken link in a persona body',
      files: {
        'personas/cfo-henrik.mdx': mdx(persona('midmarket'), 'Works with [[persona:analytics-alexx]].'),
      },
      file: 'personas/cfo-henrik.mdx',
      line: 19,
      column: 12,
      advice: 'Did you mean "[[persona:analytics-alex]]"?',
    },
  ])('reports $name ($messageId)', ({ messageId, files, file, line, column, says, advice }) => {
    expect(findings({ ...base, ...files }, rule)).toEqual([finding(rule, file, messageId, line, column)]);
    const [diagnostic] = run({ ...base, ...files }, rule);
    if (says) expect(diagnostic!.message).toContain(says);
    if (typeof advice === 'string') expect(diagnostic!.hint).toContain(advice);
    else expect(diagnostic!.hint).toMatch(advice);
  });

  test('reports each unresolved item of a list at its own position', () => {
    const diagnostics = run(
      {
        ...base,
        'personas/x.mdx': mdx(persona('midmarket', { icps: ['gone', 'midmarket', 'regional-bank'] })),
      },
      rule,
    );
    expect(diagnostics.map((d) => [d.line, d.column, d.messageId])).toEqual([
      [8, 5, 'missingIcp'],
      [10, 5, 'missingIcp'],
    ]);
    expect(diagnostics[0]!.message).toContain('"gone"');
    expect(diagnostics[1]!.message).toContain('"regional-bank"');
  });

  test('leaves malformed ids to the schema rule', () => {
    expect(run({ ...base, 'personas/x.mdx': mdx(persona('Regional_Banks')) }, rule)).toEqual([]);
  });

  test('reports every broken link in a body', () => {
    const diagnostics = run({ ...base, ...guide('[[a-gone]] and [[b-gone]]\n\n[[c-gone]]') }, rule);
    expect(diagnostics.map((d) => [d.line, d.column, d.messageId])).toEqual([
      [4, 1, 'missingUntyped'],
      [4, 16, 'missingUntyped'],
      [6, 1, 'missingUntyped'],
    ]);
  });
});
