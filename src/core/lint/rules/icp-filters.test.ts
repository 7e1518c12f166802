import { describe, expect, test } from 'vitest';
import type { ConfigInput } from '../../../schema/index.ts';
import { cleanPlaybook, icp, mdx, run } from '../../../../tests/helpers/playbook.ts';
import { rule } from './icp-filters.ts';

const base = cleanPlaybook();
const sentences = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`);
const mustHint = /^Add firmographic criteria every good-fit account meets/;
const breakerHint = /^Add what rules an account out/;

describe('icp-filters', () => {
  test.each<{ name: string; files: Record<string, string>; config?: ConfigInput }>([
    { name: 'three must-haves and two deal-breakers', files: {} },
    { name: 'plain sentences only (§8.10)', files: { 'icps/midmarket.mdx': mdx(icp({ must_haves: sentences(3, 'Must'), deal_breakers: sentences(2, 'Never') })) } },
    { name: 'more than the minimum', files: { 'icps/midmarket.mdx': mdx(icp({ must_haves: sentences(6, 'Must'), deal_breakers: sentences(4, 'Never') })) } },
    { name: 'a retired ICP with no criteria', files: { 'icps/legacy.mdx': mdx(icp({ status: 'retired', must_haves: [], deal_breakers: [] })) } },
    { name: 'fewer criteria when the minimums are lowered', files: { 'icps/midmarket.mdx': mdx(icp({ must_haves: ['One'], deal_breakers: [] })) }, config: { lint: { min_must_haves: 1, min_deal_breakers: 0 } } },
  ])('accepts $name', ({ files, config }) => {
    expect(run({ ...base, ...files }, rule, { config })).toEqual([]);
  });

  test.each([
    {
      name: 'two must-haves',
      frontmatter: icp({ must_haves: sentences(2, 'Must') }),
      expected: [{ line: 17, message: 'ICP "midmarket" lists 2 must-haves; at least 3 are recommended.', hint: mustHint }],
    },
    {
      name: 'one deal-breaker',
      frontmatter: icp({ deal_breakers: ['Public sector'] }),
      expected: [{ line: 28, message: 'ICP "midmarket" lists 1 deal-breaker; at least 2 are recommended.', hint: breakerHint }],
    },
    {
      name: 'no criteria at all, in a draft',
      frontmatter: icp({ status: 'draft', must_haves: [], deal_breakers: [] }),
      expected: [
        { line: 17, message: 'ICP "midmarket" lists no must-haves; at least 3 are recommended.', hint: mustHint },
        { line: 18, message: 'ICP "midmarket" lists no deal-breakers; at least 2 are recommended.', hint: breakerHint },
      ],
    },
    {
      name: 'four must-haves when five are configured',
      frontmatter: icp({ must_haves: sentences(4, 'Must') }),
      config: { lint: { min_must_haves: 5 } },
      expected: [{ line: 17, message: 'ICP "midmarket" lists 4 must-haves; at least 5 are recommended.', hint: mustHint }],
    },
  ])('reports $name at the key', ({ frontmatter, config, expected }) => {
    const diagnostics = run({ ...base, 'icps/midmarket.mdx': mdx(frontmatter) }, rule, { config });
    expect(diagnostics).toEqual(
      expected.map(({ line, message, hint }) => ({ file: 'content/icps/midmarket.mdx', line, column: 1, rule: 'icp-filters', severity: 'warning', message, hint: expect.stringMatching(hint) })),
    );
  });
});
