import { describe, expect, test } from 'vitest';
import {
  cleanPlaybook,
  finding,
  findings,
  icp,
  mdx,
  persona,
  run,
  term,
} from '../../../../tests/helpers/playbook.ts';
import { rule } from './schema.ts';

const base = cleanPlaybook();

/** A rule list for `must_haves` whose first item is `first`; the item's keys start on line 18. */
const mustHaves = (first: Record<string, unknown>) => [first, 'Has a data team', 'Sells online'];

describe('schema', () => {
  test.each<{ name: string; files: Record<string, string> }>([
    { name: 'the clean playbook', files: {} },
    { name: 'a draft ICP', files: { 'icps/midmarket.mdx': mdx(icp({ status: 'draft' })) } },
    {
      name: 'a retired persona',
      files: { 'personas/analytics-alex.mdx': mdx(persona('midmarket', { status: 'retired' })) },
    },
    { name: 'a leap day', files: { 'icps/midmarket.mdx': mdx(icp({ last_reviewed: '2024-02-29' })) } },
    {
      name: 'a date in the future (left to future-date)',
      files: { 'icps/midmarket.mdx': mdx(icp({ last_reviewed: '2099-01-01' })) },
    },
    {
      name: 'every kind of rule operator on a fitting attribute',
      files: {
        'icps/midmarket.mdx': mdx(
          icp({
            must_haves: [
              { label: 'Size', field: 'employees', between: [200, 1500] },
              { label: 'Growing', field: 'growth_rate', min: 20 },
              { label: 'Revenue', field: 'annual_revenue', max: 5e8 },
              { label: 'Where', field: 'region', not_in: ['Antarctica'] },
              { label: 'Stack', field: 'tech', includes_any: ['Shopify'] },
              { label: 'Data', field: 'tech', includes_all: ['Snowflake', 'dbt'] },
            ],
          }),
        ),
      },
    },
    {
      name: 'a glossary term with every field',
      files: {
        'glossary/sam.mdx': mdx(
          term('Serviceable addressable market', {
            abbr: 'SAM',
            aliases: ['serviceable market'],
            related: ['tam'],
          }),
        ),
      },
    },
    {
      name: 'a guide',
      files: {
        'guides/start.mdx': mdx({ title: 'Getting started', description: 'Read me first.', order: 1 }),
      },
    },
    {
      name: 'a file with a YAML error (left to yaml-syntax)',
      files: { 'glossary/bad.mdx': '---\nterm: [\n---\n' },
    },
  ])('accepts $name', ({ files }) => {
    expect(run({ ...base, ...files }, rule)).toEqual([]);
  });

  // The message and hint are the schema's own (the `problem` templates pass them through):
  // `problem` and `hint` are them in full (a string) or a part of them (a pattern).
  test.each([
    {
      messageId: 'problem',
      name: 'a person-level key in an ICP',
      path: 'icps/midmarket.mdx',
      text: mdx(icp({ job_title: 'CFO' })),
      line: 34,
      column: 1,
      problem: '"job_title" is not a field of an ICP: it belongs in a persona.',
      hint: /persona file under personas\//,
    },
    {
      messageId: 'problem',
      name: 'a company-level key in a persona',
      path: 'personas/analytics-alex.mdx',
      text: mdx(persona('midmarket', { industries: ['Retail'] })),
      line: 18,
      column: 1,
      problem: '"industries" is not a field of a persona: it belongs in an ICP.',
      hint: /ICP file under icps\//,
    },
    {
      messageId: 'problem',
      name: 'a misspelt key',
      path: 'icps/midmarket.mdx',
      text: mdx(icp({ last_reviewd: '2026-10-01' })),
      line: 34,
      column: 1,
      problem: '"last_reviewd" is not a field of an ICP.',
      hint: /Did you mean "last_reviewed"\?/,
    },
    {
      messageId: 'problem',
      name: 'an unknown nested key',
      path: 'personas/analytics-alex.mdx',
      text: mdx(persona('midmarket', { evidence: { interviews: 6, calls: 2 } })),
      line: 18,
      column: 3,
      problem: '"evidence.calls" is not a field of "evidence".',
      hint: /Remove it/,
    },
    {
      messageId: 'problem',
      name: 'a capitalised status (§8.6)',
      path: 'icps/midmarket.mdx',
      text: mdx(icp({ status: 'Active' })),
      line: 34,
      column: 1,
      problem: '"status" must be one of "draft", "active", "retired" (lowercase).',
      hint: /Write "active"/,
    },
    {
      messageId: 'problem',
      name: 'an unknown seniority',
      path: 'personas/analytics-alex.mdx',
      text: mdx(persona('midmarket', { seniority: 'VP' })),
      line: 4,
      column: 1,
      problem: /"seniority" must be one of "ic", "manager", "director", "vp"/,
      hint: /Write "vp"/,
    },
    {
      messageId: 'problem',
      name: 'an impossible date (§8.7)',
      path: 'icps/midmarket.mdx',
      text: mdx(icp({ last_reviewed: '2026-02-30' })),
      line: 6,
      column: 1,
      problem: /"last_reviewed" must be a real calendar date written YYYY-MM-DD/,
      hint: /YYYY-MM-DD/,
    },
    {
      messageId: 'problem',
      name: 'a date in another format',
      path: 'personas/analytics-alex.mdx',
      text: mdx(persona('midmarket', { last_reviewed: '1 Oct 2026' })),
      line: 11,
      column: 1,
      problem: /"last_reviewed" must be a real calendar date/,
      hint: /YYYY-MM-DD/,
    },
    {
      messageId: 'problem',
      name: 'a rule with two operators',
      path: 'icps/midmarket.mdx',
      text: mdx(icp({ must_haves: mustHaves({ label: 'Size', field: 'employees', min: 200, max: 1500 }) })),
      line: 21,
      column: 5,
      problem: '"must_haves[0].max" uses min and max; a rule takes exactly one operator.',
      hint: /one operator/,
    },
    {
      messageId: 'problem',
      name: 'an operator that does not fit the attribute',
      path: 'icps/midmarket.mdx',
      text: mdx(icp({ must_haves: mustHaves({ label: 'Size', field: 'employees', in: ['x'] }) })),
      line: 20,
      column: 5,
      problem:
        '"must_haves[0].in": operator "in" works on string attributes, but "employees" is a number; ' +
        'use between, min, max.',
      hint: /between, min or max for employees/,
    },
    {
      messageId: 'problem',
      name: 'a rule without an operator',
      path: 'icps/midmarket.mdx',
      text: mdx(icp({ deal_breakers: [{ label: 'Public sector', field: 'industry' }, 'On-premise only'] })),
      line: 29,
      column: 5,
      problem: /"deal_breakers\[0\]" needs one operator/,
      hint: /one operator/,
    },
    {
      messageId: 'problem',
      name: 'a rule on an unknown attribute',
      path: 'icps/midmarket.mdx',
      text: mdx(icp({ must_haves: mustHaves({ label: 'Size', field: 'headcount', min: 200 }) })),
      line: 19,
      column: 5,
      problem: /"must_haves\[0\]\.field" must be one of "industry", "region"/,
      hint: /A rule is/,
    },
    {
      messageId: 'problem',
      name: 'a criterion that is neither a sentence nor a rule',
      path: 'icps/midmarket.mdx',
      text: mdx(icp({ must_haves: [42, 'Has a data team', 'Sells online'] })),
      line: 18,
      column: 5,
      problem: /"must_haves\[0\]" must be a plain sentence or a rule/,
      hint: /A rule is/,
    },
    {
      messageId: 'problem',
      name: 'a missing required key',
      path: 'icps/midmarket.mdx',
      text: mdx(icp({ name: undefined })),
      line: 1,
      column: 1,
      problem: 'An ICP needs "name".',
      hint: 'Add "name:" to the frontmatter.',
    },
    {
      messageId: 'problem',
      name: 'a missing nested key',
      path: 'icps/midmarket.mdx',
      text: mdx(icp({ firmographics: { regions: ['EU'] } })),
      line: 7,
      column: 1,
      problem: 'An ICP needs "firmographics.industries".',
      hint: 'Add "industries:" under "firmographics".',
    },
    {
      messageId: 'problem',
      name: 'text where a list belongs',
      path: 'personas/analytics-alex.mdx',
      text: mdx(persona('midmarket', { goals: 'Trustworthy numbers' })),
      line: 12,
      column: 1,
      problem: '"goals" must be a list, not the text "Trustworthy numbers".',
      hint: /Write a list/,
    },
    {
      messageId: 'problem',
      name: 'an empty list',
      path: 'personas/analytics-alex.mdx',
      text: mdx(persona('midmarket', { pains: [] })),
      line: 14,
      column: 1,
      problem: '"pains" must list at least 1 item.',
      hint: /Add items/,
    },
    {
      messageId: 'problem',
      name: 'a repeated list item',
      path: 'personas/analytics-alex.mdx',
      text: mdx(persona('midmarket', { goals: ['Close fast', 'Close fast'] })),
      line: 14,
      column: 5,
      problem: '"goals[1]": duplicate item "Close fast".',
      hint: 'Remove the repeated item.',
    },
    {
      messageId: 'problem',
      name: 'a fraction where a whole number belongs',
      path: 'personas/analytics-alex.mdx',
      text: mdx(persona('midmarket', { evidence: { interviews: 2.5 } })),
      line: 17,
      column: 3,
      problem: '"evidence.interviews" must be a whole number, not 2.5.',
      hint: /whole number/,
    },
    {
      messageId: 'problem',
      name: 'an ICP id that is not kebab-case',
      path: 'personas/analytics-alex.mdx',
      text: mdx(persona('Mid_Market')),
      line: 8,
      column: 5,
      problem: /"icps\[0\]" must be lowercase kebab-case/,
      hint: /file name without ".mdx"/,
    },
    {
      messageId: 'problem',
      name: 'a key without a value',
      path: 'glossary/tam.mdx',
      text: '---\nterm:\nshort: The whole market.\n---\n',
      line: 2,
      column: 1,
      problem: '"term" has no value: it must be text.',
      hint: /Write text/,
    },
    {
      messageId: 'problem',
      name: 'a tooltip that is too long',
      path: 'glossary/tam.mdx',
      text: mdx(term('TAM', { short: 'x'.repeat(201) })),
      line: 3,
      column: 1,
      problem: '"short" must be at most 200 characters.',
      hint: 'Shorten it to 200 characters or fewer.',
    },
    {
      messageId: 'problem',
      name: 'an unknown key in a guide',
      path: 'guides/start.mdx',
      text: mdx({ title: 'Start', author: 'Jane' }),
      line: 3,
      column: 1,
      problem: '"author" is not a field of a guide.',
      hint: /guide fields/,
    },
  ])('reports $name ($messageId)', ({ messageId, path, text, line, column, problem, hint }) => {
    expect(findings({ ...base, [path]: text }, rule)).toEqual([finding(rule, path, messageId, line, column)]);
    const [diagnostic] = run({ ...base, [path]: text }, rule);
    if (typeof problem === 'string') expect(diagnostic!.message).toBe(problem);
    else expect(diagnostic!.message).toMatch(problem);
    if (typeof hint === 'string') expect(diagnostic!.hint).toBe(hint);
    else expect(diagnostic!.hint).toMatch(hint);
  });

  test('reports every problem in a file, each at its own key', () => {
    const text = mdx(persona('midmarket', { name: undefined, seniority: 'Boss', job: 'x' }));
    const diagnostics = run({ ...base, 'personas/analytics-alex.mdx': text }, rule);
    expect(diagnostics.map((d) => [d.line, d.column, d.messageId, d.message])).toEqual([
      [1, 1, 'problem', 'A persona needs "name".'],
      [3, 1, 'problem', expect.stringMatching(/^"seniority" must be one of/)],
      [17, 1, 'problem', '"job" is not a field of a persona.'],
    ]);
  });

  test('follows the configured severity', () => {
    const files = { ...base, 'icps/midmarket.mdx': mdx(icp({ status: 'Active' })) };
    const config = { lint: { rules: { schema: 'warning' as const } } };
    const expected = finding(rule, 'icps/midmarket.mdx', 'problem', 34, 1, 'warning');
    expect(findings(files, rule, { config })).toEqual([expected]);
  });
});
