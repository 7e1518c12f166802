import { describe, expect, test } from 'vitest';
import type { ConfigInput, DmuRole } from '../../../schema/index.ts';
import { cleanPlaybook, icp, mdx, persona, run } from '../../../../tests/helpers/playbook.ts';
import { rule } from './dmu-coverage.ts';

const base = cleanPlaybook();
/** The clean playbook's two personas with other DMU roles. */
const roles = (alex: string[], fiona: string[], extra: Record<string, unknown> = {}) => ({
  'personas/analytics-alex.mdx': mdx(persona('midmarket', { dmu_roles: alex, ...extra })),
  'personas/finance-fiona.mdx': mdx(persona('midmarket', { dmu_roles: fiona })),
});
const requiring = (...required: DmuRole[]): ConfigInput => ({ lint: { required_dmu_roles: required } });

describe('dmu-coverage', () => {
  test.each<{ name: string; files: Record<string, string>; config?: ConfigInput }>([
    { name: 'an economic buyer among the personas', files: {} },
    { name: 'the role on a draft persona', files: roles(['economic-buyer'], ['champion'], { status: 'draft' }) },
    { name: 'a retired ICP without an economic buyer', files: { 'icps/legacy.mdx': mdx(icp({ status: 'retired' })) } },
    { name: 'several required roles spread over personas', files: roles(['economic-buyer', 'end-user'], ['champion']), config: requiring('economic-buyer', 'champion', 'end-user') },
    { name: 'no required roles', files: roles(['champion'], ['end-user']), config: requiring() },
    { name: 'an ICP that fails its schema', files: { 'icps/broken.mdx': '---\nname: 1\n---\n' } },
  ])('accepts $name', ({ files, config }) => {
    expect(run({ ...base, ...files }, rule, { config })).toEqual([]);
  });

  test.each<{ name: string; files: Record<string, string>; config?: ConfigInput; message: string; hint: string | RegExp }>([
    {
      name: 'no economic buyer',
      files: roles(['champion'], ['end-user']),
      message: 'ICP "midmarket" has no persona in the "economic-buyer" role (required by the playbook).',
      hint: 'Add a persona with dmu_roles: [economic-buyer] and icps: [midmarket], or add the role to an existing persona of this ICP if that person really plays it.',
    },
    {
      name: 'the economic buyer only on a retired persona',
      files: roles(['economic-buyer'], ['champion'], { status: 'retired' }),
      message: 'ICP "midmarket" has no persona in the "economic-buyer" role (required by the playbook).',
      hint: /dmu_roles: \[economic-buyer\]/,
    },
    {
      name: 'an ICP without personas',
      files: { 'personas/analytics-alex.mdx': mdx(persona('other')), 'personas/finance-fiona.mdx': mdx(persona('other')) },
      message: 'ICP "midmarket" has no persona in the "economic-buyer" role (required by the playbook).',
      hint: /dmu_roles: \[economic-buyer\]/,
    },
    {
      name: 'two missing configured roles',
      files: roles(['economic-buyer'], ['end-user']),
      config: requiring('economic-buyer', 'champion', 'technical-buyer'),
      message: 'ICP "midmarket" has no persona in the "champion" and "technical-buyer" roles (required by the playbook).',
      hint: /dmu_roles: \[champion\]/,
    },
  ])('reports $name at 1:1', ({ files, config, message, hint }) => {
    const diagnostics = run({ ...base, ...files }, rule, { config });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'content/icps/midmarket.mdx', line: 1, column: 1, rule: 'dmu-coverage', severity: 'warning', message });
    if (typeof hint === 'string') expect(diagnostics[0]!.hint).toBe(hint);
    else expect(diagnostics[0]!.hint).toMatch(hint);
  });

  test('checks a draft ICP too', () => {
    const files = { ...base, 'icps/pilot.mdx': mdx(icp({ status: 'draft' })), 'personas/p.mdx': mdx(persona('pilot', { dmu_roles: ['end-user'] })) };
    expect(run(files, rule)).toEqual([expect.objectContaining({ file: 'content/icps/pilot.mdx', message: expect.stringContaining('"economic-buyer"') })]);
  });
});
