import { describe, expect, test } from 'vitest';
import { icp, mdx, persona } from '../../../tests/helpers/playbook.ts';
import { configSchema } from '../../schema/index.ts';
import { buildHistory, type HistoryContext, MAX_HISTORY, pageHistory, whatChanged } from './history.ts';

const context: HistoryContext = {
  config: configSchema.parse({}),
  icpName: (id) => ({ midmarket: 'Mid-market e-commerce', enterprise: 'Enterprise retail' })[id],
};
const icpText = (overrides: Record<string, unknown> = {}, body = 'Who we sell to.\n') =>
  mdx(icp(overrides), body);
const personaText = (overrides: Record<string, unknown> = {}) =>
  mdx(persona('midmarket', overrides), 'Alex.\n');
const scoring = (threshold: number) => ({
  threshold,
  rules: [{ label: 'Large team', field: 'employees', min: 500, weight: 10 }],
});

describe('whatChanged', () => {
  test.each([
    ['a new file', undefined, icpText(), 'Created'],
    ['a deleted file', icpText(), undefined, 'Deleted'],
    [
      'a threshold',
      icpText({ scoring: scoring(65) }),
      icpText({ scoring: scoring(70) }),
      'Threshold 65 → 70',
    ],
    [
      'a threshold set',
      icpText(),
      icpText({ scoring: scoring(70) }),
      'Threshold set to 70; Scoring rule added: Large team',
    ],
    [
      'a must-have added',
      icpText(),
      icpText({
        must_haves: [
          ...(icp().must_haves as unknown[]),
          { label: 'Ships weekly', field: 'growth_rate', min: 10 },
        ],
      }),
      'Must-have added: Ships weekly',
    ],
    [
      'a deal-breaker removed',
      icpText(),
      icpText({ deal_breakers: ['Mandates on-premise deployment'] }),
      'Deal-breaker removed: Public sector',
    ],
    [
      'a must-have whose rule changed',
      icpText(),
      icpText({
        must_haves: [
          { label: '200–1,500 employees', field: 'employees', between: [200, 2000] },
          ...(icp().must_haves as unknown[]).slice(1),
        ],
      }),
      'Must-have "200–1,500 employees": employees between 200 and 1,500 → employees between 200 and 2,000',
    ],
    [
      'firmographics',
      icpText(),
      icpText({ firmographics: { ...(icp().firmographics as object), employees: { min: 200, max: 2000 } } }),
      'Firmographics: employees 200–1,500 → 200–2,000',
    ],
    [
      'a list and the review date',
      icpText(),
      icpText({ pains: ['Month-end reporting takes a week', 'Forecasts miss'], last_reviewed: '2026-11-01' }),
      'Pains: 1 added; Reviewed 2026-11-01',
    ],
    ['the status', icpText({ status: 'draft' }), icpText(), 'Status draft → active'],
    ['the body', icpText(), icpText({}, 'Who we sell to, and why.\n'), 'Body text edited'],
    ['formatting only', icpText(), `${icpText()}\n`, 'No change to the content (formatting only)'],
  ])('%s', (_, before, after, line) => {
    expect(whatChanged('icp', 'midmarket', before, after, context)).toBe(line);
  });

  test('a persona moved between ICPs, named by their current names', () => {
    expect(
      whatChanged('persona', 'analytics-alex', personaText(), personaText({ icps: ['enterprise'] }), context),
    ).toBe('Moved from Mid-market e-commerce to Enterprise retail');
    expect(
      whatChanged(
        'persona',
        'analytics-alex',
        personaText(),
        personaText({ icps: ['midmarket', 'gone'] }),
        context,
      ),
    ).toBe('Added to ICP gone');
  });

  test('DMU roles and seniority in words', () => {
    expect(
      whatChanged(
        'persona',
        'analytics-alex',
        personaText(),
        personaText({ dmu_roles: ['champion'], seniority: 'c-level' }),
        context,
      ),
    ).toBe('Seniority vp → c-level; DMU role added: Champion; DMU role removed: Economic buyer');
  });

  test('frontmatter that no longer parses or passes the schema still gets a line', () => {
    expect(whatChanged('icp', 'midmarket', icpText(), '---\nname: [\n---\n', context)).toBe(
      'Frontmatter no longer parses; Body text edited',
    );
    expect(whatChanged('icp', 'midmarket', '---\nname: [\n---\n', icpText(), context)).toBe(
      'Frontmatter repaired; Body text edited; Reviewed 2026-10-01',
    );
    expect(whatChanged('icp', 'midmarket', icpText(), icpText({ pains: [] }), context)).toBe(
      'Frontmatter no longer passes the schema; Pains: 1 removed',
    );
  });

  test('an old version too complex to parse reads as frontmatter that does not parse, quickly', () => {
    // 40,000 keys in one mapping (390 kB): the YAML parser's unique-key check alone would take
    // seconds (quadratic); the pre-scan refuses the block first.
    const keys = Array.from({ length: 40_000 }, (_, i) => `k${i}: v\n`).join('');
    const complex = `---\nname: Old\n${keys}---\nBody.\n`;
    const started = performance.now();
    expect(whatChanged('icp', 'midmarket', complex, icpText(), context)).toMatch(/^Frontmatter repaired; /);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  test('long lines stop after five changes', () => {
    const line = whatChanged(
      'persona',
      'analytics-alex',
      personaText(),
      personaText({
        name: 'A',
        role: 'B',
        department: 'C',
        quote: 'D',
        goals: ['E'],
        pains: ['F'],
        tags: ['g'],
      }),
      context,
    );
    expect(line).toMatch(/; and 2 more changes$/);
    expect(line.split('; ')).toHaveLength(6);
  });
});

describe('buildHistory and pageHistory', () => {
  const change = (n: number) => ({
    commit: `${n}`.padStart(40, 'a'),
    date: '2026-10-01',
    author: 'Ann',
    subject: `Change ${n}`,
    before: icpText(),
    after: icpText({ last_reviewed: '2026-10-02' }),
  });

  test(`keeps at most ${MAX_HISTORY} entries, with commit links when repo_url is set`, () => {
    const files = new Map([
      [
        'icps/midmarket.mdx',
        { type: 'icp' as const, id: 'midmarket', changes: [...Array(12).keys()].map(change) },
      ],
    ]);
    const history = buildHistory(files, {
      ...context,
      config: configSchema.parse({ repo_url: 'https://github.com/acme/gtm/' }),
    });
    const page = pageHistory(history, 'icp', 'midmarket');
    expect(page && 'entries' in page && page.entries).toHaveLength(MAX_HISTORY);
    expect(page && 'entries' in page && page.entries[0]).toEqual({
      commit: change(0).commit,
      short: 'aaaaaaa',
      date: '2026-10-01',
      author: 'Ann',
      subject: 'Change 0',
      changes: 'Reviewed 2026-10-02',
      url: `https://github.com/acme/gtm/commit/${change(0).commit}`,
    });
    expect(pageHistory(history, 'persona', 'nobody')).toEqual({
      reason: 'This page has no committed changes yet.',
    });
  });

  test('says why when there is no history, and nothing when it was not read', () => {
    expect(pageHistory({ available: false, reason: 'No history available: x.' }, 'icp', 'a')).toEqual({
      reason: 'No history available: x.',
    });
    expect(pageHistory(undefined, 'icp', 'a')).toBeUndefined();
  });
});
