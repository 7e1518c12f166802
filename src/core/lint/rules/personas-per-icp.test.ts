import { describe, expect, test } from 'vitest';
import { icp, mdx, persona, run } from '../../../../tests/helpers/playbook.ts';
import { rule } from './personas-per-icp.ts';

/** An ICP "midmarket" with `n` active personas p1…pn, plus extra files. */
function playbook(n: number, extra: Record<string, string> = {}): Record<string, string> {
  const files: Record<string, string> = { 'icps/midmarket.mdx': mdx(icp()) };
  for (let i = 1; i <= n; i++) files[`personas/p${i}.mdx`] = mdx(persona('midmarket'));
  return { ...files, ...extra };
}

describe('personas-per-icp', () => {
  test.each([
    { name: 'two personas (the default minimum)', files: playbook(2) },
    { name: 'four personas (the default maximum)', files: playbook(4) },
    { name: 'a retired ICP without personas', files: playbook(2, { 'icps/legacy.mdx': mdx(icp({ status: 'retired' })) }) },
    { name: 'two personas, one of them a draft', files: playbook(1, { 'personas/d.mdx': mdx(persona('midmarket', { status: 'draft' })) }) },
    { name: 'one persona with a configured range of [1, 1]', files: playbook(1), config: { lint: { personas_per_icp: [1, 1] as [number, number] } } },
    { name: 'six personas with a configured range of [2, 6]', files: playbook(6), config: { lint: { personas_per_icp: [2, 6] as [number, number] } } },
    { name: 'an ICP that fails its schema', files: playbook(2, { 'icps/broken.mdx': '---\nname: 1\n---\n' }) },
  ])('accepts $name', ({ files, config }) => {
    expect(run(files, rule, { config })).toEqual([]);
  });

  const tooFewHint = 'Add personas for the other people in the buying decision (economic buyer, champion, technical buyer, end user), or change lint.personas_per_icp in playbook.yaml.';
  const tooManyHint = 'Merge personas that play the same role, move some to a better-fitting ICP, or change lint.personas_per_icp in playbook.yaml.';
  const noneHint = 'Add personas for the people in the buying decision with "icps: [midmarket]", starting with the economic buyer.';

  test.each([
    { name: 'no persona', files: playbook(0), message: 'ICP "midmarket" has no personas; the playbook expects 2 to 4.', hint: noneHint },
    { name: 'no persona in a draft ICP', files: { 'icps/midmarket.mdx': mdx(icp({ status: 'draft' })) }, message: 'ICP "midmarket" has no personas; the playbook expects 2 to 4.', hint: noneHint },
    { name: 'no persona even when zero is allowed (§8.9)', files: playbook(0), config: { lint: { personas_per_icp: [0, 3] as [number, number] } }, message: 'ICP "midmarket" has no personas; the playbook expects 0 to 3.', hint: noneHint },
    { name: 'one persona', files: playbook(1), message: 'ICP "midmarket" has 1 persona ("p1"); the playbook expects 2 to 4.', hint: tooFewHint },
    {
      name: 'one active persona and one retired',
      files: playbook(1, { 'personas/r.mdx': mdx(persona('midmarket', { status: 'retired' })) }),
      message: 'ICP "midmarket" has 1 persona ("p1"); the playbook expects 2 to 4.',
      hint: tooFewHint,
    },
    { name: 'five personas', files: playbook(5), message: 'ICP "midmarket" has 5 personas ("p1", "p2", "p3", "p4", "p5"); the playbook expects 2 to 4.', hint: tooManyHint },
    { name: 'two personas with a configured range of [3, 3]', files: playbook(2), config: { lint: { personas_per_icp: [3, 3] as [number, number] } }, message: 'ICP "midmarket" has 2 personas ("p1", "p2"); the playbook expects exactly 3.', hint: tooFewHint },
  ])('reports $name at 1:1', ({ files, config, message, hint }) => {
    expect(run(files, rule, { config })).toEqual([
      { file: 'content/icps/midmarket.mdx', line: 1, column: 1, rule: 'personas-per-icp', severity: 'warning', message, hint },
    ]);
  });

  test('counts a persona once when it names the ICP twice', () => {
    const files = playbook(1, { 'personas/twice.mdx': mdx(persona('midmarket', { icps: ['midmarket', 'midmarket'] })) });
    expect(run(files, rule)).toEqual([]);
  });
});
