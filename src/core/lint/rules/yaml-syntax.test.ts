import { describe, expect, test } from 'vitest';
import { cleanPlaybook, finding, findings, run, sources, TODAY } from '../../../../tests/helpers/playbook.ts';
import { configSchema } from '../../../schema/index.ts';
import { lintSources } from '../engine.ts';
import { rule } from './yaml-syntax.ts';

describe('yaml-syntax', () => {
  test.each([
    { name: 'valid frontmatter', text: '---\nterm: ICP\nshort: Ideal customer profile.\n---\nBody\n' },
    {
      name: 'CRLF line endings',
      text: '---\r\nterm: ICP\r\nshort: Ideal customer profile.\r\n---\r\nBody\r\n',
    },
    { name: 'an empty body', text: '---\nterm: ICP\nshort: Ideal customer profile.\n---\n' },
  ])('accepts $name', ({ text }) => {
    expect(run({ 'glossary/icp.mdx': text }, rule)).toEqual([]);
  });

  // The message is the parser's own, passed through the `problem` template; `says` is a part of it.
  test.each<[messageId: string, name: string, text: string, line: number, column: number, says: string]>([
    ['problem', 'an empty file', '', 1, 1, 'empty'],
    ['problem', 'whitespace only', '  \n\n', 1, 1, 'empty'],
    ['problem', 'no frontmatter', '# Just a heading\n', 1, 1, 'no frontmatter'],
    ['problem', 'an unterminated block', '---\nterm: ICP\n\nBody\n', 1, 1, 'not closed'],
    ['problem', 'a bad indentation', '---\nterm: ICP\n  short: x\n---\n', 2, 7, 'not valid YAML'],
    ['problem', 'a duplicate key', '---\nterm: ICP\nterm: ICP\nshort: x\n---\n', 3, 1, 'not valid YAML'],
    ['problem', 'a list instead of fields', '---\n- a\n- b\n---\n', 2, 1, 'key: value'],
    ['problem', 'an empty block', '---\n---\nBody\n', 2, 1, 'key: value'],
    [
      'problem',
      'nesting too deep to parse (§12)',
      `---\nterm: ${'['.repeat(70)}\n---\n`,
      2,
      70,
      'too complex',
    ],
  ])('reports %s: %s', (messageId, _name, text, line, column, says) => {
    const files = { 'glossary/icp.mdx': text };
    expect(findings(files, rule)).toEqual([finding(rule, 'glossary/icp.mdx', messageId, line, column)]);
    const [diagnostic] = run(files, rule);
    expect(diagnostic!.message).toContain(says);
    expect(diagnostic!.hint).toBeTruthy();
  });

  test('reports a file the loader could not decode', () => {
    const [source] = sources({ 'glossary/bin.mdx': '' });
    const result = lintSources(
      [{ ...source!, text: undefined, readError: 'it contains binary data' }, ...sources(cleanPlaybook())],
      {
        config: configSchema.parse({}),
        today: TODAY,
        rules: [rule],
      },
    );
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ file: 'content/glossary/bin.mdx', line: 1, column: 1, messageId: 'problem' }),
    ]);
    expect(result.diagnostics[0]!.message).toContain('binary');
  });
});
