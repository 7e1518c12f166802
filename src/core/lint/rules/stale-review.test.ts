import { describe, expect, test } from 'vitest';
import type { ConfigInput } from '../../../schema/index.ts';
import { cleanPlaybook, icp, mdx, persona, run, term, withIcp, withPersona } from '../../../../tests/helpers/playbook.ts';
import { rule } from './stale-review.ts';

// Today is 2026-11-22 (TODAY in the fixtures); the default cadence is 90 days.
const icpFile = withIcp;
const personaFile = withPersona;

interface Invalid {
  name: string;
  files: Record<string, string>;
  file: string;
  line: number;
  severity: 'warning' | 'error';
  message: RegExp;
  hint: RegExp;
}

describe('stale-review', () => {
  test.each<{ name: string; files: Record<string, string>; config?: ConfigInput }>([
    { name: 'pages reviewed 52 days ago', files: cleanPlaybook() },
    { name: 'an ICP reviewed exactly 90 days ago', files: icpFile({ last_reviewed: '2026-08-24' }) },
    { name: 'a retired ICP reviewed long ago', files: icpFile({ status: 'retired', last_reviewed: '2024-01-01' }) },
    { name: 'a retired persona reviewed long ago', files: personaFile({ status: 'retired', last_reviewed: '2024-01-01' }) },
    { name: 'a persona with its own yearly cadence', files: personaFile({ last_reviewed: '2026-05-01', review_every_days: 365 }) },
    { name: 'a longer cadence in playbook.yaml', files: icpFile({ last_reviewed: '2026-05-01' }), config: { review_every_days: { icp: 365 } } },
    { name: 'a date in the future (future-date reports it)', files: icpFile({ last_reviewed: '2027-01-01' }) },
    { name: 'a date that is not a calendar date (schema reports it)', files: icpFile({ last_reviewed: '2020-02-30' }) },
    { name: 'glossary terms, which have no review date', files: { ...cleanPlaybook(), 'glossary/tam.mdx': mdx(term()) } },
  ])('accepts $name', ({ files, config }) => {
    expect(run(files, rule, { config })).toEqual([]);
  });

  test.each<Invalid>([
    {
      name: 'an ICP one day past its cadence, as a warning',
      files: icpFile({ last_reviewed: '2026-08-23' }),
      file: 'content/icps/midmarket.mdx',
      line: 6,
      severity: 'warning',
      message: /^This ICP was last reviewed 91 days ago \(2026-08-23\); a review was due on 2026-11-21 \(every 90 days\)\.$/,
      hint: /set last_reviewed to the date of that review.*review_every_days\.icp in playbook\.yaml/,
    },
    {
      name: 'a persona exactly twice its cadence, still a warning',
      files: personaFile({ last_reviewed: '2026-05-26' }),
      file: 'content/personas/analytics-alex.mdx',
      line: 11,
      severity: 'warning',
      message: /180 days ago \(2026-05-26\); a review was due on 2026-08-24/,
      hint: /review_every_days\.persona in playbook\.yaml/,
    },
    {
      name: 'a persona past twice its cadence, as an error',
      files: personaFile({ last_reviewed: '2026-05-01' }),
      file: 'content/personas/analytics-alex.mdx',
      line: 11,
      severity: 'error',
      message: /^This persona was last reviewed 205 days ago \(2026-05-01\), more than twice its 90-day review cadence; the review was due on 2026-07-30\.$/,
      hint: /status: retired/,
    },
    {
      name: 'a draft (drafts are checked)',
      files: icpFile({ status: 'draft', last_reviewed: '2026-05-25' }),
      file: 'content/icps/midmarket.mdx',
      line: 6,
      severity: 'error',
      message: /181 days ago/,
      hint: /set last_reviewed/,
    },
    {
      name: 'an ICP past its own shorter cadence',
      files: icpFile({ last_reviewed: '2026-10-22', review_every_days: 30 }),
      file: 'content/icps/midmarket.mdx',
      line: 6,
      severity: 'warning',
      message: /31 days ago \(2026-10-22\); a review was due on 2026-11-21 \(every 30 days\)/,
      hint: /review_every_days in this file/,
    },
  ])('reports $name at last_reviewed', ({ files, file, line, severity, message, hint }) => {
    const diagnostics = run(files, rule);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file, line, column: 1, rule: 'stale-review', severity });
    expect(diagnostics[0]!.message).toMatch(message);
    expect(diagnostics[0]!.hint).toMatch(hint);
  });

  test('uses the cadence from playbook.yaml for every persona', () => {
    const diagnostics = run(cleanPlaybook(), rule, { config: { review_every_days: { persona: 30 } } });
    expect(diagnostics.map(({ file, line, column, severity }) => ({ file, line, column, severity }))).toEqual([
      { file: 'content/personas/analytics-alex.mdx', line: 11, column: 1, severity: 'warning' },
      { file: 'content/personas/finance-fiona.mdx', line: 11, column: 1, severity: 'warning' },
    ]);
    expect(diagnostics[0]!.message).toMatch(/52 days ago \(2026-10-01\); a review was due on 2026-10-31 \(every 30 days\)/);
    expect(diagnostics[0]!.hint).toMatch(/review_every_days\.persona in playbook\.yaml/);
  });

  test('a configured level wins over the escalation to error', () => {
    const diagnostics = run(personaFile({ last_reviewed: '2026-01-01' }), rule, { config: { lint: { rules: { 'stale-review': 'warning' } } } });
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', line: 11 })]);
  });
});
