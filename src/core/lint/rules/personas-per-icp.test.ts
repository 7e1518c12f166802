import { describe, expect, test } from 'vitest';
import { finding, findings, icp, mdx, persona, run } from '../../../../tests/helpers/playbook.ts';
import type { ConfigInput } from '../../../schema/index.ts';
import { rule } from './personas-per-icp.ts';

/** An ICP "midmarket" with `n` active personas p1…pn, plus extra files. */
function playbook(n: number, extra: Record<string, string> = {}): Record<string, string> {
  const files: Record<string, string> = { 'icps/midmarket.mdx': mdx(icp()) };
  for (let i = 1; i <= n; i++) files[`personas/p${i}.mdx`] = mdx(persona('midmarket'));
  return { ...files, ...extra };
}

const range = (min: number, max: number): ConfigInput => ({ lint: { personas_per_icp: [min, max] } });
const draftIcp = { 'icps/midmarket.mdx': mdx(icp({ status: 'draft' })) };
const oneRetired = playbook(1, { 'personas/r.mdx': mdx(persona('midmarket', { status: 'retired' })) });

interface Invalid {
  messageId: string;
  name: string;
  files: Record<string, string>;
  config?: ConfigInput;
  /** Values the message gives: the count, the names, the expected range. */
  says: string[];
}

describe('personas-per-icp', () => {
  test.each([
    { name: 'two personas (the default minimum)', files: playbook(2) },
    { name: 'four personas (the default maximum)', files: playbook(4) },
    {
      name: 'a retired ICP without personas',
      files: playbook(2, { 'icps/legacy.mdx': mdx(icp({ status: 'retired' })) }),
    },
    {
      name: 'two personas, one of them a draft',
      files: playbook(1, { 'personas/d.mdx': mdx(persona('midmarket', { status: 'draft' })) }),
    },
    {
      name: 'one persona with a configured range of [1, 1]',
      files: playbook(1),
      config: { lint: { personas_per_icp: [1, 1] as [number, number] } },
    },
    {
      name: 'six personas with a configured range of [2, 6]',
      files: playbook(6),
      config: { lint: { personas_per_icp: [2, 6] as [number, number] } },
    },
    {
      name: 'an ICP that fails its schema',
      files: playbook(2, { 'icps/broken.mdx': '---\nname: 1\n---\n' }),
    },
  ])('accepts $name', ({ files, config }) => {
    expect(run(files, rule, { config })).toEqual([]);
  });

  test.each<Invalid>([
    { messageId: 'none', name: 'no persona', files: playbook(0), says: ['2 to 4'] },
    { messageId: 'none', name: 'no persona in a draft ICP', files: draftIcp, says: ['2 to 4'] },
    {
      messageId: 'none',
      name: 'no persona even when zero is allowed (§8.9)',
      files: playbook(0),
      config: range(0, 3),
      says: ['0 to 3'],
    },
    { messageId: 'tooFew', name: 'one persona', files: playbook(1), says: ['1 persona ("p1")', '2 to 4'] },
    {
      messageId: 'tooFew',
      name: 'one active persona and one retired',
      files: oneRetired,
      says: ['1 persona ("p1")'],
    },
    {
      messageId: 'tooMany',
      name: 'five personas',
      files: playbook(5),
      says: ['5 personas ("p1", "p2", "p3", "p4", "p5")'],
    },
    {
      messageId: 'tooFew',
      name: 'two personas with a configured range of [3, 3]',
      files: playbook(2),
      config: range(3, 3),
      says: ['exactly 3'],
    },
    {
      messageId: 'tooMany',
      name: 'one persona with a configured range of [0, 0]',
      files: playbook(1),
      config: range(0, 0),
      says: ['has 1 persona ("p1")', 'exactly 0'],
    },
  ])('reports $name ($messageId) at 1:1', ({ messageId, files, config, says }) => {
    expect(findings(files, rule, { config })).toEqual([finding(rule, 'icps/midmarket.mdx', messageId, 1, 1)]);
    const [diagnostic] = run(files, rule, { config });
    for (const value of says) expect(diagnostic!.message).toContain(value);
    expect(diagnostic!.hint).toBeTruthy();
  });

  test('names the ICP id in the advice for an ICP without personas', () => {
    expect(run(playbook(0), rule)[0]!.hint).toContain('midmarket');
  });

  test('counts a persona once when it names the ICP twice', () => {
    const files = playbook(1, {
      'personas/twice.mdx': mdx(persona('midmarket', { icps: ['midmarket', 'midmarket'] })),
    });
    expect(run(files, rule)).toEqual([]);
  });
});
