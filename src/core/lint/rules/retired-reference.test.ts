import { describe, expect, test } from 'vitest';
import { cleanPlaybook, icp, mdx, persona, run } from '../../../../tests/helpers/playbook.ts';
import { rule } from './retired-reference.ts';

const base = {
  ...cleanPlaybook(),
  'icps/legacy.mdx': mdx(icp({ name: 'Legacy on-prem retailers', status: 'retired' })),
  'icps/old-banks.mdx': mdx(icp({ name: 'Old banks', status: 'retired' })),
};

describe('retired-reference', () => {
  test.each<{ name: string; files: Record<string, string> }>([
    { name: 'personas in an active ICP', files: {} },
    { name: 'a persona in a retired and an active ICP', files: { 'personas/x.mdx': mdx(persona('legacy', { icps: ['legacy', 'midmarket'] })) } },
    { name: 'a persona in a retired and a draft ICP', files: { 'personas/x.mdx': mdx(persona('legacy', { icps: ['legacy', 'pilot'] })), 'icps/pilot.mdx': mdx(icp({ status: 'draft' })) } },
    { name: 'a retired persona in a retired ICP', files: { 'personas/x.mdx': mdx(persona('legacy', { status: 'retired' })) } },
    { name: 'a persona whose ICPs do not exist (left to unknown-reference)', files: { 'personas/x.mdx': mdx(persona('gone')) } },
    { name: 'a persona in a retired ICP and one that fails its schema without a status', files: { 'personas/x.mdx': mdx(persona('legacy', { icps: ['legacy', 'broken'] })), 'icps/broken.mdx': '---\nname: 1\n---\n' } },
    { name: 'a persona in a retired ICP and one with a malformed status', files: { 'personas/x.mdx': mdx(persona('legacy', { icps: ['legacy', 'broken'] })), 'icps/broken.mdx': mdx(icp({ status: 'Active' })) } },
  ])('accepts $name', ({ files }) => {
    expect(run({ ...base, ...files }, rule)).toEqual([]);
  });

  test.each<{ name: string; files: Record<string, string>; message: string }>([
    {
      name: 'an active persona in one retired ICP',
      files: { 'personas/x.mdx': mdx(persona('legacy')) },
      message: 'Persona "x" is active, but every ICP it belongs to is retired: "legacy".',
    },
    {
      name: 'a draft persona in two retired ICPs',
      files: { 'personas/x.mdx': mdx(persona('legacy', { icps: ['legacy', 'old-banks'], status: 'draft' })) },
      message: 'Persona "x" is a draft, but every ICP it belongs to is retired: "legacy", "old-banks".',
    },
    {
      name: 'a persona in a retired ICP and a missing one',
      files: { 'personas/x.mdx': mdx(persona('legacy', { icps: ['legacy', 'gone'] })) },
      message: 'Persona "x" is active, but every ICP it belongs to is retired: "legacy".',
    },
    {
      name: 'a persona in a retired ICP and a retired one that fails its schema',
      files: { 'personas/x.mdx': mdx(persona('legacy', { icps: ['legacy', 'broken'] })), 'icps/broken.mdx': mdx(icp({ status: 'retired', name: undefined })) },
      message: 'Persona "x" is active, but every ICP it belongs to is retired: "legacy", "broken".',
    },
  ])('reports $name at the icps key', ({ files, message }) => {
    const diagnostics = run({ ...base, ...files }, rule);
    expect(diagnostics).toEqual([
      {
        file: 'content/personas/x.mdx',
        line: 7,
        column: 1,
        rule: 'retired-reference',
        severity: 'warning',
        message,
        hint: 'Set "status: retired" on the persona, or add an active ICP to its "icps".',
      },
    ]);
  });
});
