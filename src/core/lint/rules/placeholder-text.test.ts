import { describe, expect, test } from 'vitest';
import {
  cleanPlaybook,
  finding,
  findings,
  run,
  withIcp,
  withPersona,
} from '../../../../tests/helpers/playbook.ts';
import { rule } from './placeholder-text.ts';

/** A guide whose body starts on line 4. */
const guide = (body: string) => ({ 'guides/start.mdx': `---\ntitle: Getting started\n---\n${body}` });
const icpFile = withIcp;
const personaFile = withPersona;

interface Invalid {
  messageId: string;
  name: string;
  path: string;
  files: Record<string, string>;
  line: number;
  column: number;
  /** The placeholder as the message shows it. */
  found: string;
  /** The field the message names (frontmatter findings). */
  field?: string;
}

describe('placeholder-text', () => {
  test.each<{ name: string; files: Record<string, string> }>([
    { name: 'the clean playbook', files: cleanPlaybook() },
    {
      name: 'words that contain a placeholder',
      files: guide('Our todos, XXXL sizes, Mxxxl, a to-do list, todo-app, TBDs and NASA.\n'),
    },
    { name: '"n/a" inside another word', files: guide('Sales ran Jan/Apr and Nov/Dec; see n/an.\n') },
    {
      name: 'placeholders inside code',
      files: guide('Write `TODO` in your notes.\n\n```\nTODO: not published as prose\n```\n'),
    },
    {
      name: 'an address with xxx (only the text is checked)',
      files: guide('See [the sizing sheet](https://example.com/xxx).\n'),
    },
    {
      name: 'fields that mention to-dos as content',
      files: icpFile({
        firmographics: { industries: ['To-do software', 'todo-list apps'], regions: ['EU'] },
      }),
    },
  ])('accepts $name', ({ files }) => {
    expect(run(files, rule)).toEqual([]);
  });

  test.each<Invalid>([
    {
      messageId: 'field',
      name: 'TBD as an ICP summary',
      path: 'icps/midmarket.mdx',
      files: icpFile({ summary: 'TBD' }),
      line: 3,
      column: 1,
      found: 'TBD',
      field: 'summary',
    },
    {
      messageId: 'field',
      name: 'a TODO in a list item',
      path: 'icps/midmarket.mdx',
      files: icpFile({ pains: ['TODO: ask sales'] }),
      line: 16, // pains[0]
      column: 5,
      found: 'TODO',
      field: 'pains[0]',
    },
    {
      messageId: 'field',
      name: 'lorem ipsum in a plain-sentence must-have',
      path: 'icps/midmarket.mdx',
      files: icpFile({ must_haves: ['Lorem   ipsum dolor sit amet'] }),
      line: 18, // must_haves[0]
      column: 5,
      found: 'Lorem ipsum',
      field: 'must_haves[0]',
    },
    {
      messageId: 'field',
      name: 'xxx in a nested field',
      path: 'personas/analytics-alex.mdx',
      files: personaFile({ messaging: { value_proposition: 'Save xxx hours a week' } }),
      line: 19, // messaging.value_proposition
      column: 3,
      found: 'xxx',
      field: 'messaging.value_proposition',
    },
    {
      messageId: 'fieldNotApplicable',
      name: 'N/A as a whole value',
      path: 'personas/analytics-alex.mdx',
      files: personaFile({ quote: 'n/a' }),
      line: 18, // quote
      column: 1,
      found: 'n/a',
      field: 'quote',
    },
    {
      messageId: 'body',
      name: 'a TODO opening the body',
      path: 'guides/start.mdx',
      files: guide('# Welcome\n\nTODO: write the intro.\n'),
      line: 6,
      column: 1,
      found: 'TODO',
    },
    {
      messageId: 'body',
      name: 'TBD in the middle of a sentence',
      path: 'guides/start.mdx',
      files: guide('Revenue is TBD for now.\n'),
      line: 4,
      column: 12,
      found: 'TBD',
    },
    {
      messageId: 'body',
      name: 'a placeholder after a character reference (exact column)',
      path: 'guides/start.mdx',
      files: guide('Sales &amp; marketing: tbd\n'),
      line: 4,
      column: 24,
      found: 'tbd',
    },
    {
      messageId: 'body',
      name: 'a placeholder on the second line of a paragraph',
      path: 'guides/start.mdx',
      files: guide('First line\nsecond line with XXX\n'),
      line: 5,
      column: 18,
      found: 'XXX',
    },
    {
      messageId: 'body',
      name: 'lorem ipsum in a heading',
      path: 'guides/start.mdx',
      files: guide('## Lorem ipsum\n'),
      line: 4,
      column: 4,
      found: 'Lorem ipsum',
    },
    {
      messageId: 'body',
      name: 'N/A in a table cell',
      path: 'guides/start.mdx',
      files: guide('| Plan | SSO |\n| --- | --- |\n| Free | N/A |\n'),
      line: 6,
      column: 10,
      found: 'N/A',
    },
    {
      messageId: 'body',
      name: 'a TODO as link text',
      path: 'guides/start.mdx',
      files: guide('Read [TODO](https://example.com) first.\n'),
      line: 4,
      column: 7,
      found: 'TODO',
    },
    {
      messageId: 'body',
      name: 'a TODO as image alt text',
      path: 'guides/start.mdx',
      files: guide('![TODO](/images/chart.png)\n'),
      line: 4,
      column: 1,
      found: 'TODO',
    },
    {
      messageId: 'body',
      name: 'a TBD in a component attribute',
      path: 'guides/start.mdx',
      files: guide('<Callout title="TBD">\n\nBody.\n\n</Callout>\n'),
      line: 4,
      column: 10,
      found: 'TBD',
    },
  ])('reports $name ($messageId)', ({ messageId, path, files, line, column, found, field }) => {
    expect(findings(files, rule)).toEqual([finding(rule, path, messageId, line, column)]);
    const [diagnostic] = run(files, rule);
    expect(diagnostic!.message).toContain(`"${found}"`);
    if (field) expect(diagnostic!.message).toContain(`"${field}"`);
    expect(diagnostic!.hint).toBeTruthy();
  });

  test('reports every placeholder in a body, each at its own column', () => {
    const diagnostics = run(guide('TODO and TBD.\n\n- xxx\n'), rule);
    expect(diagnostics.map(({ line, column, messageId }) => ({ line, column, messageId }))).toEqual([
      { line: 4, column: 1, messageId: 'body' },
      { line: 4, column: 10, messageId: 'body' },
      { line: 6, column: 3, messageId: 'body' },
    ]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      expect.stringContaining('"TODO"'),
      expect.stringContaining('"TBD"'),
      expect.stringContaining('"xxx"'),
    ]);
  });

  test('reports a field once, however many placeholders it holds', () => {
    expect(run(icpFile({ summary: 'TODO: TBD' }), rule)).toHaveLength(1);
  });
});
