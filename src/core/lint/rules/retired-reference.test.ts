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
import { rule } from './retired-reference.ts';

const base = {
  ...cleanPlaybook(),
  'icps/legacy.mdx': mdx(icp({ name: 'Legacy on-prem retailers', status: 'retired' })),
  'icps/old-banks.mdx': mdx(icp({ name: 'Old banks', status: 'retired' })),
};

interface Invalid {
  messageId: string;
  name: string;
  files: Record<string, string>;
  status: string;
  icps: string;
}

describe('retired-reference', () => {
  test.each<{ name: string; files: Record<string, string> }>([
    { name: 'personas in an active ICP', files: {} },
    {
      name: 'a persona in a retired and an active ICP',
      files: { 'personas/x.mdx': mdx(persona('legacy', { icps: ['legacy', 'midmarket'] })) },
    },
    {
      name: 'a persona in a retired and a draft ICP',
      files: {
        'personas/x.mdx': mdx(persona('legacy', { icps: ['legacy', 'pilot'] })),
        'icps/pilot.mdx': mdx(icp({ status: 'draft' })),
      },
    },
    {
      name: 'a retired persona in a retired ICP',
      files: { 'personas/x.mdx': mdx(persona('legacy', { status: 'retired' })) },
    },
    {
      name: 'a persona whose ICPs do not exist (left to unknown-reference)',
      files: { 'personas/x.mdx': mdx(persona('gone')) },
    },
    {
      name: 'a persona in a retired ICP and one that fails its schema without a status',
      files: {
        'personas/x.mdx': mdx(persona('legacy', { icps: ['legacy', 'broken'] })),
        'icps/broken.mdx': '---\nname: 1\n---\n',
      },
    },
    {
      name: 'a persona in a retired ICP and one with a malformed status',
      files: {
        'personas/x.mdx': mdx(persona('legacy', { icps: ['legacy', 'broken'] })),
        'icps/broken.mdx': mdx(icp({ status: 'Active' })),
      },
    },
  ])('accepts $name', ({ files }) => {
    expect(run({ ...base, ...files }, rule)).toEqual([]);
  });

  // The message names the persona's status and its retired ICPs (only those that exist).
  test.each<Invalid>([
    {
      messageId: 'allRetired',
      name: 'an active persona in one retired ICP',
      files: { 'personas/x.mdx': mdx(persona('legacy')) },
      status: 'active',
      icps: '"legacy".',
    },
    {
      messageId: 'allRetired',
      name: 'a draft persona in two retired ICPs',
      files: { 'personas/x.mdx': mdx(persona('legacy', { icps: ['legacy', 'old-banks'], status: 'draft' })) },
      status: 'a draft',
      icps: '"legacy", "old-banks".',
    },
    {
      messageId: 'allRetired',
      name: 'a persona in a retired ICP and a missing one',
      files: { 'personas/x.mdx': mdx(persona('legacy', { icps: ['legacy', 'gone'] })) },
      status: 'active',
      icps: '"legacy".',
    },
    {
      messageId: 'allRetired',
      name: 'a persona in a retired ICP and a retired one that fails its schema',
      files: {
        'personas/x.mdx': mdx(persona('legacy', { icps: ['legacy', 'broken'] })),
        'icps/broken.mdx': mdx(icp({ status: 'retired', name: undefined })),
      },
      status: 'active',
      icps: '"legacy", "broken".',
    },
  ])('reports $name ($messageId) at the icps key', ({ messageId, files, status, icps }) => {
    expect(findings({ ...base, ...files }, rule)).toEqual([finding(rule, 'personas/x.mdx', messageId, 7, 1)]);
    const [diagnostic] = run({ ...base, ...files }, rule);
    for (const value of ['"x"', ` ${status},`, `: ${icps}`]) expect(diagnostic!.message).toContain(value);
  });
});
