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
import type { ConfigInput, DmuRole } from '../../../schema/index.ts';
import { rule } from './dmu-coverage.ts';

const base = cleanPlaybook();
/** The clean playbook's two personas with other DMU roles. */
const roles = (alex: string[], fiona: string[], extra: Record<string, unknown> = {}) => ({
  'personas/analytics-alex.mdx': mdx(persona('midmarket', { dmu_roles: alex, ...extra })),
  'personas/finance-fiona.mdx': mdx(persona('midmarket', { dmu_roles: fiona })),
});
const requiring = (...required: DmuRole[]): ConfigInput => ({ lint: { required_dmu_roles: required } });

interface Invalid {
  messageId: string;
  name: string;
  files: Record<string, string>;
  config?: ConfigInput;
  /** The missing roles, as the message lists them. */
  roles: string;
  /** The role the hint suggests adding first (default economic-buyer). */
  first?: string;
}

describe('dmu-coverage', () => {
  test.each<{ name: string; files: Record<string, string>; config?: ConfigInput }>([
    { name: 'an economic buyer among the personas', files: {} },
    {
      name: 'the role on a draft persona',
      files: roles(['economic-buyer'], ['champion'], { status: 'draft' }),
    },
    {
      name: 'a retired ICP without an economic buyer',
      files: { 'icps/legacy.mdx': mdx(icp({ status: 'retired' })) },
    },
    {
      name: 'several required roles spread over personas',
      files: roles(['economic-buyer', 'end-user'], ['champion']),
      config: requiring('economic-buyer', 'champion', 'end-user'),
    },
    { name: 'no required roles', files: roles(['champion'], ['end-user']), config: requiring() },
    { name: 'an ICP that fails its schema', files: { 'icps/broken.mdx': '---\nname: 1\n---\n' } },
  ])('accepts $name', ({ files, config }) => {
    expect(run({ ...base, ...files }, rule, { config })).toEqual([]);
  });

  test.each<Invalid>([
    {
      messageId: 'missing',
      name: 'no economic buyer',
      files: roles(['champion'], ['end-user']),
      roles: '"economic-buyer" role',
    },
    {
      messageId: 'missing',
      name: 'the economic buyer only on a retired persona',
      files: roles(['economic-buyer'], ['champion'], { status: 'retired' }),
      roles: '"economic-buyer" role',
    },
    {
      messageId: 'missing',
      name: 'an ICP without personas',
      files: {
        'personas/analytics-alex.mdx': mdx(persona('other')),
        'personas/finance-fiona.mdx': mdx(persona('other')),
      },
      roles: '"economic-buyer" role',
    },
    {
      messageId: 'missing',
      name: 'two missing configured roles',
      files: roles(['economic-buyer'], ['end-user']),
      config: requiring('economic-buyer', 'champion', 'technical-buyer'),
      roles: '"champion" and "technical-buyer" roles',
      first: 'champion',
    },
  ])('reports $name ($messageId) at 1:1', ({ messageId, files, config, roles: missing, first }) => {
    const playbook = { ...base, ...files };
    const expected = finding(rule, 'icps/midmarket.mdx', messageId, 1, 1);
    expect(findings(playbook, rule, { config })).toEqual([expected]);
    const [diagnostic] = run(playbook, rule, { config });
    expect(diagnostic!.message).toContain(missing);
    expect(diagnostic!.hint).toContain(`[${first ?? 'economic-buyer'}]`);
  });

  test('checks a draft ICP too', () => {
    const files = {
      ...base,
      'icps/pilot.mdx': mdx(icp({ status: 'draft' })),
      'personas/p.mdx': mdx(persona('pilot', { dmu_roles: ['end-user'] })),
    };
    expect(findings(files, rule)).toEqual([finding(rule, 'icps/pilot.mdx', 'missing', 1, 1)]);
  });
});
