import { describe, expect, test } from 'vitest';
import {
  cleanPlaybook,
  finding,
  findings,
  mdx,
  run,
  term,
  withIcp,
  withPersona,
} from '../../../../tests/helpers/playbook.ts';
import type { ConfigInput } from '../../../schema/index.ts';
import { rule } from './stale-review.ts';

// Today is 2026-11-22 (TODAY in the fixtures); the default cadence is 90 days.
const icpFile = withIcp;
const personaFile = withPersona;

interface Invalid {
  messageId: string;
  name: string;
  files: Record<string, string>;
  file: string;
  line: number;
  severity: 'warning' | 'error';
  /** Values the message gives: the type, the age in days, the review date, the due date, the cadence. */
  says: (string | number)[];
  /** Where the cadence comes from, as the hint says. */
  source: string;
  config?: ConfigInput;
}

describe('stale-review', () => {
  test.each<{ name: string; files: Record<string, string>; config?: ConfigInput }>([
    { name: 'pages reviewed 52 days ago', files: cleanPlaybook() },
    { name: 'an ICP reviewed exactly 90 days ago', files: icpFile({ last_reviewed: '2026-08-24' }) },
    {
      name: 'a retired ICP reviewed long ago',
      files: icpFile({ status: 'retired', last_reviewed: '2024-01-01' }),
    },
    {
      name: 'a retired persona reviewed long ago',
      files: personaFile({ status: 'retired', last_reviewed: '2024-01-01' }),
    },
    {
      name: 'a persona with its own yearly cadence',
      files: personaFile({ last_reviewed: '2026-05-01', review_every_days: 365 }),
    },
    {
      name: 'a longer cadence in playbook.yaml',
      files: icpFile({ last_reviewed: '2026-05-01' }),
      config: { review_every_days: { icp: 365 } },
    },
    {
      name: 'a date in the future (future-date reports it)',
      files: icpFile({ last_reviewed: '2027-01-01' }),
    },
    {
      name: 'a date that is not a calendar date (schema reports it)',
      files: icpFile({ last_reviewed: '2020-02-30' }),
    },
    {
      name: 'glossary terms, which have no review date',
      files: { ...cleanPlaybook(), 'glossary/tam.mdx': mdx(term()) },
    },
  ])('accepts $name', ({ files, config }) => {
    expect(run(files, rule, { config })).toEqual([]);
  });

  test.each<Invalid>([
    {
      messageId: 'stale',
      name: 'an ICP one day past its cadence, as a warning',
      files: icpFile({ last_reviewed: '2026-08-23' }),
      file: 'icps/midmarket.mdx',
      line: 6,
      severity: 'warning',
      says: ['ICP', 91, '2026-08-23', '2026-11-21', 90],
      source: 'review_every_days.icp in playbook.yaml',
    },
    {
      messageId: 'stale',
      name: 'a persona past twice its cadence, still a warning (no stale_error_factor)',
      files: personaFile({ last_reviewed: '2026-05-01' }),
      file: 'personas/analytics-alex.mdx',
      line: 11,
      severity: 'warning',
      says: ['persona', 205, '2026-05-01', '2026-07-30', 90],
      source: 'review_every_days.persona in playbook.yaml',
    },
    {
      messageId: 'stale',
      name: 'an ICP reviewed ten years ago, still a warning (no stale_error_factor)',
      files: icpFile({ last_reviewed: '2016-11-22' }),
      file: 'icps/midmarket.mdx',
      line: 6,
      severity: 'warning',
      says: [3652, '2016-11-22', '2017-02-20'],
      source: 'review_every_days.icp in playbook.yaml',
    },
    {
      messageId: 'stale',
      name: 'a persona exactly twice its cadence with stale_error_factor 2, still a warning',
      files: personaFile({ last_reviewed: '2026-05-26' }),
      config: { lint: { stale_error_factor: 2 } },
      file: 'personas/analytics-alex.mdx',
      line: 11,
      severity: 'warning',
      says: ['persona', 180, '2026-05-26', '2026-08-24'],
      source: 'review_every_days.persona in playbook.yaml',
    },
    {
      messageId: 'veryStale',
      name: 'a persona past twice its cadence with stale_error_factor 2, as an error',
      files: personaFile({ last_reviewed: '2026-05-01' }),
      config: { lint: { stale_error_factor: 2 } },
      file: 'personas/analytics-alex.mdx',
      line: 11,
      severity: 'error',
      says: ['persona', 205, '2026-05-01', '2026-07-30', 90, 'more than 2 times'],
      source: 'review_every_days.persona in playbook.yaml',
    },
    {
      messageId: 'veryStale',
      name: 'a draft past a fractional factor (drafts are checked)',
      files: icpFile({ status: 'draft', last_reviewed: '2026-07-01' }),
      config: { lint: { stale_error_factor: 1.5 } },
      file: 'icps/midmarket.mdx',
      line: 6,
      severity: 'error',
      says: [144, 'more than 1.5 times'],
      source: 'review_every_days.icp in playbook.yaml',
    },
    {
      messageId: 'stale',
      name: 'a draft within a fractional factor, as a warning',
      files: icpFile({ status: 'draft', last_reviewed: '2026-07-20' }),
      config: { lint: { stale_error_factor: 1.5 } },
      file: 'icps/midmarket.mdx',
      line: 6,
      severity: 'warning',
      says: [125],
      source: 'review_every_days.icp in playbook.yaml',
    },
    {
      messageId: 'veryStale',
      name: 'an ICP one day past its cadence with stale_error_factor 1, as an error',
      files: icpFile({ last_reviewed: '2026-08-23' }),
      config: { lint: { stale_error_factor: 1 } },
      file: 'icps/midmarket.mdx',
      line: 6,
      severity: 'error',
      says: [91, 'more than 1 times'],
      source: 'review_every_days.icp in playbook.yaml',
    },
    {
      messageId: 'stale',
      name: 'an ICP past its own shorter cadence',
      files: icpFile({ last_reviewed: '2026-10-22', review_every_days: 30 }),
      file: 'icps/midmarket.mdx',
      line: 6,
      severity: 'warning',
      says: [31, '2026-10-22', '2026-11-21', 30],
      source: 'review_every_days in this file',
    },
  ])('reports $name ($messageId) at last_reviewed', ({ messageId, files, config, file, line, ...data }) => {
    const { says, source, severity } = data;
    expect(findings(files, rule, { config })).toEqual([finding(rule, file, messageId, line, 1, severity)]);
    const [diagnostic] = run(files, rule, { config });
    for (const value of says) expect(diagnostic!.message).toContain(String(value));
    expect(diagnostic!.hint).toContain(source);
  });

  test('uses the cadence from playbook.yaml for every persona', () => {
    const diagnostics = run(cleanPlaybook(), rule, { config: { review_every_days: { persona: 30 } } });
    expect(diagnostics.map(({ file, line, column, severity }) => ({ file, line, column, severity }))).toEqual(
      [
        { file: 'content/personas/analytics-alex.mdx', line: 11, column: 1, severity: 'warning' },
        { file: 'content/personas/finance-fiona.mdx', line: 11, column: 1, severity: 'warning' },
      ],
    );
    expect(diagnostics.map((d) => d.messageId)).toEqual(['stale', 'stale']);
    const [first] = diagnostics;
    for (const value of ['52', '2026-10-01', '2026-10-31', '30']) expect(first!.message).toContain(value);
    expect(first!.hint).toContain('review_every_days.persona in playbook.yaml');
  });

  test('a configured level wins over the escalation to error', () => {
    const config = { lint: { rules: { 'stale-review': 'warning' as const }, stale_error_factor: 2 } };
    const files = personaFile({ last_reviewed: '2026-01-01' });
    expect(findings(files, rule, { config })).toEqual([
      finding(rule, 'personas/analytics-alex.mdx', 'veryStale', 11, 1, 'warning'),
    ]);
  });

  test('time alone never turns the clean playbook red: ten years on, warnings only', () => {
    const diagnostics = run(cleanPlaybook(), undefined, { today: '2036-11-30' });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(diagnostics.filter((d) => d.rule === 'stale-review')).toHaveLength(3);
  });
});
