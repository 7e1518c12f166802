import { describe, expect, test } from 'vitest';
import { cleanPlaybook, icp, mdx, persona, run } from '../../../../tests/helpers/playbook.ts';
import { rule } from './icp-without-personas.ts';

const base = cleanPlaybook();

describe('icp-without-personas', () => {
  test.each<{ name: string; files: Record<string, string> }>([
    { name: 'an ICP with active personas', files: {} },
    { name: 'an ICP with one active and one draft persona', files: { 'personas/finance-fiona.mdx': mdx(persona('midmarket', { status: 'draft' })) } },
    { name: 'a draft ICP without personas', files: { 'icps/pilot.mdx': mdx(icp({ status: 'draft' })) } },
    { name: 'a retired ICP without personas', files: { 'icps/legacy.mdx': mdx(icp({ status: 'retired' })) } },
    { name: 'an ICP reached through a persona in several ICPs', files: { 'icps/banks.mdx': mdx(icp()), 'personas/x.mdx': mdx(persona('midmarket', { icps: ['midmarket', 'banks'] })) } },
    { name: 'an ICP that fails its schema (left to schema)', files: { 'icps/broken.mdx': '---\nname: 1\n---\n' } },
  ])('accepts $name', ({ files }) => {
    expect(run({ ...base, ...files }, rule)).toEqual([]);
  });

  test.each<{ name: string; files: Record<string, string>; message: string; hint: string }>([
    {
      name: 'an active ICP no persona names',
      files: { 'icps/banks.mdx': mdx(icp()) },
      message: 'ICP "banks" is active, but no active persona belongs to it.',
      hint: 'Add a persona with "icps: [banks]" (npm run new -- persona "Name" --icp banks).',
    },
    {
      name: 'an active ICP whose only persona is a draft',
      files: { 'icps/banks.mdx': mdx(icp()), 'personas/x.mdx': mdx(persona('banks', { status: 'draft' })) },
      message: 'ICP "banks" is active, but every persona that belongs to it is a draft: "x".',
      hint: 'Set "status: active" on one of them once it is ready, or add a new persona with "icps: [banks]".',
    },
    {
      name: 'an active ICP with draft and retired personas',
      files: {
        'icps/banks.mdx': mdx(icp()),
        'personas/x.mdx': mdx(persona('banks', { status: 'draft' })),
        'personas/y.mdx': mdx(persona('banks', { status: 'retired' })),
      },
      message: 'ICP "banks" is active, but every persona that belongs to it is a draft or retired: "x", "y".',
      hint: 'Set "status: active" on one of them once it is ready, or add a new persona with "icps: [banks]".',
    },
    {
      name: 'an active ICP whose only persona fails its schema',
      files: { 'icps/banks.mdx': mdx(icp()), 'personas/x.mdx': mdx(persona('banks', { seniority: 'Boss' })) },
      message: 'ICP "banks" is active, but no active persona belongs to it.',
      hint: 'Add a persona with "icps: [banks]" (npm run new -- persona "Name" --icp banks).',
    },
  ])('reports $name at 1:1', ({ files, message, hint }) => {
    expect(run({ ...base, ...files }, rule)).toEqual([
      { file: 'content/icps/banks.mdx', line: 1, column: 1, rule: 'icp-without-personas', severity: 'warning', message, hint },
    ]);
  });
});
