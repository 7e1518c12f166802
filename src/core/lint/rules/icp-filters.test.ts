import { describe, expect, test } from 'vitest';
import { cleanPlaybook, finding, findings, icp, mdx, run } from '../../../../tests/helpers/playbook.ts';
import type { ConfigInput } from '../../../schema/index.ts';
import { rule } from './icp-filters.ts';

const base = cleanPlaybook();
const sentences = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`);

interface Invalid {
  name: string;
  frontmatter: Record<string, unknown>;
  config?: ConfigInput;
  /** Each finding: its message id, its line, and what its message counts. */
  expected: [messageId: string, line: number, counted: string][];
}

describe('icp-filters', () => {
  test.each<{ name: string; files: Record<string, string>; config?: ConfigInput }>([
    { name: 'three must-haves and two deal-breakers', files: {} },
    {
      name: 'plain sentences only (§8.10)',
      files: {
        'icps/midmarket.mdx': mdx(
          icp({ must_haves: sentences(3, 'Must'), deal_breakers: sentences(2, 'Never') }),
        ),
      },
    },
    {
      name: 'more than the minimum',
      files: {
        'icps/midmarket.mdx': mdx(
          icp({ must_haves: sentences(6, 'Must'), deal_breakers: sentences(4, 'Never') }),
        ),
      },
    },
    {
      name: 'a retired ICP with no criteria',
      files: { 'icps/legacy.mdx': mdx(icp({ status: 'retired', must_haves: [], deal_breakers: [] })) },
    },
    {
      name: 'fewer criteria when the minimums are lowered',
      files: { 'icps/midmarket.mdx': mdx(icp({ must_haves: ['One'], deal_breakers: [] })) },
      config: { lint: { min_must_haves: 1, min_deal_breakers: 0 } },
    },
  ])('accepts $name', ({ files, config }) => {
    expect(run({ ...base, ...files }, rule, { config })).toEqual([]);
  });

  test.each<Invalid>([
    {
      name: 'two must-haves',
      frontmatter: icp({ must_haves: sentences(2, 'Must') }),
      expected: [['mustHaves', 17, '2 must-haves']],
    },
    {
      name: 'one deal-breaker',
      frontmatter: icp({ deal_breakers: ['Public sector'] }),
      expected: [['dealBreakers', 28, '1 deal-breaker;']],
    },
    {
      name: 'no criteria at all, in a draft',
      frontmatter: icp({ status: 'draft', must_haves: [], deal_breakers: [] }),
      expected: [
        ['mustHaves', 17, 'no must-haves'],
        ['dealBreakers', 18, 'no deal-breakers'],
      ],
    },
    {
      name: 'four must-haves when five are configured',
      frontmatter: icp({ must_haves: sentences(4, 'Must') }),
      config: { lint: { min_must_haves: 5 } },
      expected: [['mustHaves', 17, '4 must-haves']],
    },
  ])('reports $name at the key', ({ frontmatter, config, expected }) => {
    const files = { ...base, 'icps/midmarket.mdx': mdx(frontmatter) };
    const at = expected.map(([messageId, line]) => finding(rule, 'icps/midmarket.mdx', messageId, line, 1));
    expect(findings(files, rule, { config })).toEqual(at);
    const messages = run(files, rule, { config }).map((d) => d.message);
    for (const [i, message] of messages.entries()) expect(message).toContain(expected[i]![2]);
  });

  test('names the configured minimum', () => {
    const files = { ...base, 'icps/midmarket.mdx': mdx(icp({ must_haves: sentences(4, 'Must') })) };
    expect(run(files, rule, { config: { lint: { min_must_haves: 5 } } })[0]!.message).toContain(' 5 ');
  });
});
