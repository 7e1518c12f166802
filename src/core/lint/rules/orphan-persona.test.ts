import { describe, expect, test } from 'vitest';
import { cleanPlaybook, finding, findings, mdx, persona, run } from '../../../../tests/helpers/playbook.ts';
import { rule } from './orphan-persona.ts';

const base = cleanPlaybook();

describe('orphan-persona', () => {
  test.each([
    { name: 'a persona in an existing ICP', files: base },
    {
      name: 'a persona in one existing and one missing ICP',
      files: { ...base, 'personas/x.mdx': mdx(persona('midmarket', { icps: ['midmarket', 'gone'] })) },
    },
    {
      name: 'a persona in an ICP file that fails its schema',
      files: { ...base, 'icps/broken.mdx': '---\nname: 1\n---\n', 'personas/x.mdx': mdx(persona('broken')) },
    },
  ])('accepts $name', ({ files }) => {
    expect(run(files, rule)).toEqual([]);
  });

  test.each([
    { messageId: 'empty', name: 'an empty icps list', icps: [], says: '' },
    { messageId: 'unresolved', name: 'a missing ICP', icps: ['nowhere'], says: '"nowhere" does' },
    { messageId: 'unresolved', name: 'two missing ICPs', icps: ['a', 'b'], says: '"a", "b" do' },
  ])('reports $name ($messageId) at the icps key', ({ messageId, icps, says }) => {
    const files = { ...base, 'personas/x.mdx': mdx(persona('midmarket', { icps })) };
    expect(findings(files, rule)).toEqual([finding(rule, 'personas/x.mdx', messageId, 7, 1)]);
    const [diagnostic] = run(files, rule);
    expect(diagnostic!.message).toContain(says);
    expect(diagnostic!.hint).toContain('midmarket');
  });
});
