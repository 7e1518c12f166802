import { describe, expect, test } from 'vitest';
import { cleanPlaybook, mdx, persona, run } from '../../../../tests/helpers/playbook.ts';
import { rule } from './orphan-persona.ts';

const base = cleanPlaybook();

describe('orphan-persona', () => {
  test.each([
    { name: 'a persona in an existing ICP', files: base },
    { name: 'a persona in one existing and one missing ICP', files: { ...base, 'personas/x.mdx': mdx(persona('midmarket', { icps: ['midmarket', 'gone'] })) } },
    { name: 'a persona in an ICP file that fails its schema', files: { ...base, 'icps/broken.mdx': '---\nname: 1\n---\n', 'personas/x.mdx': mdx(persona('broken')) } },
  ])('accepts $name', ({ files }) => {
    expect(run(files, rule)).toEqual([]);
  });

  test.each([
    { name: 'an empty icps list', icps: [], messageId: /its "icps" list is empty/, line: 7 },
    { name: 'an ICP that does not exist', icps: ['nowhere'], messageId: /"nowhere" does not exist/, line: 7 },
    { name: 'two ICPs that do not exist', icps: ['a', 'b'], messageId: /"a", "b" do not exist/, line: 7 },
  ])('reports $name at the icps key', ({ icps, messageId, line }) => {
    const diagnostics = run({ ...base, 'personas/x.mdx': mdx(persona('midmarket', { icps })) }, rule);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'content/personas/x.mdx', line, column: 1, rule: 'orphan-persona', severity: 'error' });
    expect(diagnostics[0]!.message).toMatch(messageId);
    expect(diagnostics[0]!.hint).toContain('midmarket');
  });
});
