import { describe, expect, test } from 'vitest';
import { cleanPlaybook, mdx, persona, run, withIcp, withPersona } from '../../../../tests/helpers/playbook.ts';
import { rule } from './future-date.ts';

// Today is 2026-11-22 (TODAY in the fixtures).
const icpFile = withIcp;
const personaFile = withPersona;

interface Invalid {
  name: string;
  files: Record<string, string>;
  file: string;
  line: number;
  column: number;
  message: RegExp;
}

describe('future-date', () => {
  test.each<{ name: string; files: Record<string, string>; today?: string }>([
    { name: 'dates in the past', files: cleanPlaybook() },
    { name: 'a review today', files: icpFile({ last_reviewed: '2026-11-22' }) },
    { name: 'market figures and an interview from today', files: { ...icpFile({ market: { tam: { accounts: 10 }, as_of: '2026-11-22' } }), ...personaFile({ evidence: { interviews: 6, last_interview: '2026-11-22' } }) } },
    { name: 'a date that is not a calendar date (schema reports it)', files: icpFile({ last_reviewed: '2099-02-30' }) },
    { name: 'a future date when --today is later', files: icpFile({ last_reviewed: '2027-03-01' }), today: '2027-03-01' },
  ])('accepts $name', ({ files, today }) => {
    expect(run(files, rule, { today })).toEqual([]);
  });

  test.each<Invalid>([
    {
      name: 'an ICP reviewed tomorrow',
      files: icpFile({ last_reviewed: '2026-11-23' }),
      file: 'content/icps/midmarket.mdx',
      line: 6,
      column: 1,
      message: /^"last_reviewed" is 2026-11-23, 1 day after today \(2026-11-22\), but it records the last review, which cannot be in the future\.$/,
    },
    {
      name: 'a persona reviewed next year (a typo in the year)',
      files: personaFile({ last_reviewed: '2027-10-01' }),
      file: 'content/personas/analytics-alex.mdx',
      line: 11,
      column: 1,
      message: /"last_reviewed" is 2027-10-01, 313 days after today/,
    },
    {
      name: 'market figures taken in the future',
      files: icpFile({ market: { tam: { accounts: 10 }, as_of: '2026-12-01' } }),
      file: 'content/icps/midmarket.mdx',
      line: 37, // market.as_of
      column: 3,
      message: /"market\.as_of" is 2026-12-01, 9 days after today .* the day the market figures were taken/,
    },
    {
      name: 'an interview in the future',
      files: personaFile({ evidence: { interviews: 6, last_interview: '2026-12-24' } }),
      file: 'content/personas/analytics-alex.mdx',
      line: 18, // evidence.last_interview
      column: 3,
      message: /"evidence\.last_interview" is 2026-12-24, 32 days after today .* the latest interview/,
    },
  ])('reports $name', ({ files, file, line, column, message }) => {
    const diagnostics = run(files, rule);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file, line, column, rule: 'future-date', severity: 'error' });
    expect(diagnostics[0]!.message).toMatch(message);
    expect(diagnostics[0]!.hint).toMatch(/today at the latest/);
  });

  test('reports every future date in a file', () => {
    const files = personaFile({ last_reviewed: '2030-01-01', evidence: { interviews: 6, last_interview: '2030-01-01' } });
    expect(run(files, rule).map(({ line, column }) => ({ line, column }))).toEqual([
      { line: 11, column: 1 },
      { line: 18, column: 3 },
    ]);
  });
});
