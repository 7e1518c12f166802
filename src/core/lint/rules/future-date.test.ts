import { describe, expect, test } from 'vitest';
import {
  cleanPlaybook,
  finding,
  findings,
  run,
  withIcp,
  withPersona,
} from '../../../../tests/helpers/playbook.ts';
import { rule } from './future-date.ts';

// Today is 2026-11-22 (TODAY in the fixtures).
const icpFile = withIcp;
const personaFile = withPersona;

interface Invalid {
  messageId: string;
  name: string;
  files: Record<string, string>;
  file: string;
  line: number;
  column: number;
  /** Values the message gives: the field, the date, how far ahead it is, what it records. */
  says: string[];
}

describe('future-date', () => {
  test.each<{ name: string; files: Record<string, string>; today?: string }>([
    { name: 'dates in the past', files: cleanPlaybook() },
    { name: 'a review today', files: icpFile({ last_reviewed: '2026-11-22' }) },
    {
      name: 'market figures and an interview from today',
      files: {
        ...icpFile({ market: { tam: { accounts: 10 }, as_of: '2026-11-22' } }),
        ...personaFile({ evidence: { interviews: 6, last_interview: '2026-11-22' } }),
      },
    },
    {
      name: 'a date that is not a calendar date (schema reports it)',
      files: icpFile({ last_reviewed: '2099-02-30' }),
    },
    {
      name: 'a future date when --today is later',
      files: icpFile({ last_reviewed: '2027-03-01' }),
      today: '2027-03-01',
    },
  ])('accepts $name', ({ files, today }) => {
    expect(run(files, rule, { today })).toEqual([]);
  });

  test.each<Invalid>([
    {
      messageId: 'future',
      name: 'an ICP reviewed tomorrow',
      files: icpFile({ last_reviewed: '2026-11-23' }),
      file: 'icps/midmarket.mdx',
      line: 6,
      column: 1,
      says: ['"last_reviewed"', '2026-11-23', ' 1 day ', '(2026-11-22)', 'the last review'],
    },
    {
      messageId: 'future',
      name: 'a persona reviewed next year (a typo in the year)',
      files: personaFile({ last_reviewed: '2027-10-01' }),
      file: 'personas/analytics-alex.mdx',
      line: 11,
      column: 1,
      says: ['"last_reviewed"', '2027-10-01', '313 days'],
    },
    {
      messageId: 'future',
      name: 'market figures taken in the future',
      files: icpFile({ market: { tam: { accounts: 10 }, as_of: '2026-12-01' } }),
      file: 'icps/midmarket.mdx',
      line: 37, // market.as_of
      column: 3,
      says: ['"market.as_of"', '2026-12-01', '9 days', 'the day the market figures were taken'],
    },
    {
      messageId: 'future',
      name: 'an interview in the future',
      files: personaFile({ evidence: { interviews: 6, last_interview: '2026-12-24' } }),
      file: 'personas/analytics-alex.mdx',
      line: 18, // evidence.last_interview
      column: 3,
      says: ['"evidence.last_interview"', '2026-12-24', '32 days', 'the latest interview'],
    },
  ])('reports $name ($messageId)', ({ messageId, files, file, line, column, says }) => {
    expect(findings(files, rule)).toEqual([finding(rule, file, messageId, line, column)]);
    const [diagnostic] = run(files, rule);
    for (const value of says) expect(diagnostic!.message).toContain(value);
  });

  test('reports every future date in a file', () => {
    const files = personaFile({
      last_reviewed: '2030-01-01',
      evidence: { interviews: 6, last_interview: '2030-01-01' },
    });
    expect(run(files, rule).map(({ line, column, messageId }) => ({ line, column, messageId }))).toEqual([
      { line: 11, column: 1, messageId: 'future' },
      { line: 18, column: 3, messageId: 'future' },
    ]);
  });
});
