import { describe, expect, test } from 'vitest';
import { lintSources } from '../engine.ts';
import { configSchema } from '../../../schema/index.ts';
import { cleanPlaybook, run, sources, TODAY } from '../../../../tests/helpers/playbook.ts';
import { rule } from './yaml-syntax.ts';

describe('yaml-syntax', () => {
  test.each([
    { name: 'valid frontmatter', text: '---\nterm: ICP\nshort: Ideal customer profile.\n---\nBody\n' },
    { name: 'CRLF line endings', text: '---\r\nterm: ICP\r\nshort: Ideal customer profile.\r\n---\r\nBody\r\n' },
    { name: 'an empty body', text: '---\nterm: ICP\nshort: Ideal customer profile.\n---\n' },
  ])('accepts $name', ({ text }) => {
    expect(run({ 'glossary/icp.mdx': text }, rule)).toEqual([]);
  });

  test.each([
    { name: 'an empty file', text: '', line: 1, column: 1, message: /empty/ },
    { name: 'whitespace only', text: '  \n\n', line: 1, column: 1, message: /empty/ },
    { name: 'no frontmatter', text: '# Just a heading\n', line: 1, column: 1, message: /no frontmatter/ },
    { name: 'an unterminated block', text: '---\nterm: ICP\n\nBody\n', line: 1, column: 1, message: /not closed/ },
    { name: 'a bad indentation', text: '---\nterm: ICP\n  short: x\n---\n', line: 2, column: 7, message: /not valid YAML/ },
    { name: 'a duplicate key', text: '---\nterm: ICP\nterm: ICP\nshort: x\n---\n', line: 3, column: 1, message: /not valid YAML/ },
    { name: 'a list instead of fields', text: '---\n- a\n- b\n---\n', line: 2, column: 1, message: /key: value/ },
    { name: 'an empty block', text: '---\n---\nBody\n', line: 2, column: 1, message: /key: value/ },
  ])('reports $name', ({ text, line, column, message }) => {
    const diagnostics = run({ 'glossary/icp.mdx': text }, rule);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ rule: 'yaml-syntax', severity: 'error', line, column });
    expect(diagnostics[0]!.message).toMatch(message);
    expect(diagnostics[0]!.hint).toBeTruthy();
  });

  test('reports a file the loader could not decode', () => {
    const [source] = sources({ 'glossary/bin.mdx': '' });
    const result = lintSources([{ ...source!, text: undefined, readError: 'it contains binary data' }, ...sources(cleanPlaybook())], {
      config: configSchema.parse({}),
      today: TODAY,
      rules: [rule],
    });
    expect(result.diagnostics).toEqual([expect.objectContaining({ file: 'content/glossary/bin.mdx', line: 1, column: 1, message: expect.stringMatching(/binary/) })]);
  });
});
