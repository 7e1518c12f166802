import { describe, expect, test } from 'vitest';
import { cleanPlaybook, mdx, run, withIcp, withPersona } from '../../../../tests/helpers/playbook.ts';
import { rule } from './placeholder-text.ts';

/** A guide whose body starts on line 4. */
const guide = (body: string) => ({ 'guides/start.mdx': `---\ntitle: Getting started\n---\n${body}` });
const icpFile = withIcp;
const personaFile = withPersona;

interface Invalid {
  name: string;
  files: Record<string, string>;
  line: number;
  column: number;
  message: string;
}

describe('placeholder-text', () => {
  test.each<{ name: string; files: Record<string, string> }>([
    { name: 'the clean playbook', files: cleanPlaybook() },
    { name: 'words that contain a placeholder', files: guide('Our todos, XXXL sizes, Mxxxl, a to-do list, todo-app, TBDs and NASA.\n') },
    { name: '"n/a" inside another word', files: guide('Sales ran Jan/Apr and Nov/Dec; see n/an.\n') },
    { name: 'placeholders inside code', files: guide('Write `TODO` in your notes.\n\n```\nTODO: not published as prose\n```\n') },
    { name: 'an address with xxx (only the text is checked)', files: guide('See [the sizing sheet](https://example.com/xxx).\n') },
    { name: 'fields that mention to-dos as content', files: icpFile({ firmographics: { industries: ['To-do software', 'todo-list apps'], regions: ['EU'] } }) },
  ])('accepts $name', ({ files }) => {
    expect(run(files, rule)).toEqual([]);
  });

  test.each<Invalid>([
    {
      name: 'TBD as an ICP summary',
      files: icpFile({ summary: 'TBD' }),
      line: 3,
      column: 1,
      message: 'The field "summary" still holds the placeholder "TBD".',
    },
    {
      name: 'a TODO in a list item',
      files: icpFile({ pains: ['TODO: ask sales'] }),
      line: 16, // pains[0]
      column: 5,
      message: 'The field "pains[0]" still holds the placeholder "TODO".',
    },
    {
      name: 'lorem ipsum in a plain-sentence must-have',
      files: icpFile({ must_haves: ['Lorem   ipsum dolor sit amet'] }),
      line: 18, // must_haves[0]
      column: 5,
      message: 'The field "must_haves[0]" still holds the placeholder "Lorem ipsum".',
    },
    {
      name: 'xxx in a nested field',
      files: personaFile({ messaging: { value_proposition: 'Save xxx hours a week' } }),
      line: 19, // messaging.value_proposition
      column: 3,
      message: 'The field "messaging.value_proposition" still holds the placeholder "xxx".',
    },
    {
      name: 'N/A as a whole value',
      files: personaFile({ quote: 'n/a' }),
      line: 18, // quote
      column: 1,
      message: 'The field "quote" is "n/a" (not applicable).',
    },
    {
      name: 'a TODO opening the body',
      files: guide('# Welcome\n\nTODO: write the intro.\n'),
      line: 6,
      column: 1,
      message: 'The text still holds the placeholder "TODO".',
    },
    {
      name: 'TBD in the middle of a sentence',
      files: guide('Revenue is TBD for now.\n'),
      line: 4,
      column: 12,
      message: 'The text still holds the placeholder "TBD".',
    },
    {
      name: 'a placeholder after a character reference (exact column)',
      files: guide('Sales &amp; marketing: tbd\n'),
      line: 4,
      column: 24,
      message: 'The text still holds the placeholder "tbd".',
    },
    {
      name: 'a placeholder on the second line of a paragraph',
      files: guide('First line\nsecond line with XXX\n'),
      line: 5,
      column: 18,
      message: 'The text still holds the placeholder "XXX".',
    },
    {
      name: 'lorem ipsum in a heading',
      files: guide('## Lorem ipsum\n'),
      line: 4,
      column: 4,
      message: 'The text still holds the placeholder "Lorem ipsum".',
    },
    {
      name: 'N/A in a table cell',
      files: guide('| Plan | SSO |\n| --- | --- |\n| Free | N/A |\n'),
      line: 6,
      column: 10,
      message: 'The text still holds the placeholder "N/A".',
    },
    {
      name: 'a TODO as link text',
      files: guide('Read [TODO](https://example.com) first.\n'),
      line: 4,
      column: 7,
      message: 'The text still holds the placeholder "TODO".',
    },
    {
      name: 'a TODO as image alt text',
      files: guide('![TODO](/images/chart.png)\n'),
      line: 4,
      column: 1,
      message: 'The text still holds the placeholder "TODO".',
    },
    {
      name: 'a TBD in a component attribute',
      files: guide('<Callout title="TBD">\n\nBody.\n\n</Callout>\n'),
      line: 4,
      column: 10,
      message: 'The text still holds the placeholder "TBD".',
    },
  ])('reports $name', ({ files, line, column, message }) => {
    const diagnostics = run(files, rule);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ line, column, rule: 'placeholder-text', severity: 'warning', message });
    expect(diagnostics[0]!.hint).toMatch(/real content|Remove the field/);
  });

  test('reports every placeholder in a body, each at its own column', () => {
    const diagnostics = run(guide('TODO and TBD.\n\n- xxx\n'), rule);
    expect(diagnostics.map(({ line, column, message }) => ({ line, column, found: /"(.+)"/.exec(message)![1] }))).toEqual([
      { line: 4, column: 1, found: 'TODO' },
      { line: 4, column: 10, found: 'TBD' },
      { line: 6, column: 3, found: 'xxx' },
    ]);
  });

  test('reports a field once, however many placeholders it holds', () => {
    expect(run(icpFile({ summary: 'TODO: TBD' }), rule)).toHaveLength(1);
  });
});
