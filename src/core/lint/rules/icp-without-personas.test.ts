import { describe, expect, test } from 'vitest';
import {
  cleanPlaybook,
  finding,
  findings,
  icp,
  mdx,
  persona,
  run,
} from '../../../../tests/helpers/playbook.ts';
import { rule } from './icp-without-personas.ts';

const base = cleanPlaybook();

describe('icp-without-personas', () => {
  test.each<{ name: string; files: Record<string, string> }>([
    { name: 'an ICP with active personas', files: {} },
    {
      name: 'an ICP with one active and one draft persona',
      files: { 'personas/finance-fiona.mdx': mdx(persona('midmarket', { status: 'draft' })) },
    },
    { name: 'a draft ICP without personas', files: { 'icps/pilot.mdx': mdx(icp({ status: 'draft' })) } },
    { name: 'a retired ICP without personas', files: { 'icps/legacy.mdx': mdx(icp({ status: 'retired' })) } },
    {
      name: 'an ICP reached through a persona in several ICPs',
      files: {
        'icps/banks.mdx': mdx(icp()),
        'personas/x.mdx': mdx(persona('midmarket', { icps: ['midmarket', 'banks'] })),
      },
    },
    {
      name: 'an ICP that fails its schema (left to schema)',
      files: { 'icps/broken.mdx': '---\nname: 1\n---\n' },
    },
  ])('accepts $name', ({ files }) => {
    expect(run({ ...base, ...files }, rule)).toEqual([]);
  });

  // `says`: the inactive statuses and persona ids the message names.
  test.each<{ messageId: string; name: string; files: Record<string, string>; says: string[] }>([
    {
      messageId: 'none',
      name: 'an active ICP no persona names',
      files: { 'icps/banks.mdx': mdx(icp()) },
      says: [],
    },
    {
      messageId: 'onlyInactive',
      name: 'an active ICP whose only persona is a draft',
      files: { 'icps/banks.mdx': mdx(icp()), 'personas/x.mdx': mdx(persona('banks', { status: 'draft' })) },
      says: ['a draft', '"x"'],
    },
    {
      messageId: 'onlyInactive',
      name: 'an active ICP with draft and retired personas',
      files: {
        'icps/banks.mdx': mdx(icp()),
        'personas/x.mdx': mdx(persona('banks', { status: 'draft' })),
        'personas/y.mdx': mdx(persona('banks', { status: 'retired' })),
      },
      says: ['a draft or retired', '"x", "y"'],
    },
    {
      messageId: 'none',
      name: 'an active ICP whose only persona fails its schema',
      files: { 'icps/banks.mdx': mdx(icp()), 'personas/x.mdx': mdx(persona('banks', { seniority: 'Boss' })) },
      says: [],
    },
  ])('reports $name ($messageId) at 1:1', ({ messageId, files, says }) => {
    expect(findings({ ...base, ...files }, rule)).toEqual([finding(rule, 'icps/banks.mdx', messageId, 1, 1)]);
    const [diagnostic] = run({ ...base, ...files }, rule);
    expect(diagnostic!.message).toContain('"banks"');
    for (const value of says) expect(diagnostic!.message).toContain(value);
    expect(diagnostic!.hint).toContain('icps: [banks]');
  });
});
