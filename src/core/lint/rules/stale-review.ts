import { isCalendarDate } from '../../../schema/index.ts';
import { addDays, daysBetween } from '../../dates.ts';
import { TYPE_WORDS } from '../../words.ts';
import { defineRule } from '../rule.ts';

const isCadence = (v: unknown): v is number =>
  Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 730;
export const rule = defineRule({
  id: 'stale-review',
  severity: 'warning',
  description:
    'An ICP or persona whose `last_reviewed` date is older than its review cadence (an error only past ' +
    '`lint.stale_error_factor` × the cadence, when that is set).',
  docs:
    'Markets move and buyers change jobs, so every ICP and persona is checked against reality on a ' +
    'cadence: `review_every_days` in the file, else `review_every_days.icp` / `.persona` in playbook.yaml ' +
    '(90 days by default). Past the cadence the page is reported as a warning, however old the review, and ' +
    'the page says it is overdue for review: time alone never turns a green playbook red. To make overdue ' +
    'pages block CI, set `lint.stale_error_factor` in playbook.yaml (a number ≥ 1, e.g. 2): past that many ' +
    'times the cadence the finding is an error. Drafts are checked too; retired pages are skipped. Review ' +
    'the page with its owners, then set `last_reviewed` to the date of the review.',
  messages: {
    stale:
      'This {{label}} was last reviewed {{age}} days ago ({{date}}); a review was due on {{due}} (every ' +
      '{{cadence}} days).',
    veryStale:
      'This {{label}} was last reviewed {{age}} days ago ({{date}}), more than {{factor}} times its ' +
      '{{cadence}}-day review cadence; the review was due on {{due}}.',
  },
  hints: {
    stale:
      'Check the page with its owners against what you hear from customers today, then set last_reviewed ' +
      'to the date of that review. The cadence comes from {{source}}.',
    veryStale:
      'Check the page with its owners against what you hear from customers today, then set last_reviewed ' +
      'to the date of that review. If the page is no longer used, set status: retired. The cadence comes ' +
      'from {{source}}, the error threshold from lint.stale_error_factor in playbook.yaml.',
  },
  check({ graph, config, today, report }) {
    const factor = config.lint.stale_error_factor;
    for (const entry of graph.entries) {
      if ((entry.type !== 'icp' && entry.type !== 'persona') || !entry.raw) continue;
      const { status, last_reviewed: date, review_every_days: own } = entry.raw;
      if (status === 'retired' || typeof date !== 'string' || !isCalendarDate(date)) continue;
      const cadence = isCadence(own) ? own : config.review_every_days[entry.type];
      const age = daysBetween(date, today);
      if (age <= cadence) continue;
      const source = `review_every_days${isCadence(own) ? ' in this file' : `.${entry.type} in playbook.yaml`}`;
      const veryStale = factor !== undefined && age > factor * cadence;
      const due = addDays(date, cadence);
      report({
        entry,
        messageId: veryStale ? 'veryStale' : 'stale',
        data: { label: TYPE_WORDS[entry.type].one, age, date, due, cadence, source, factor: factor ?? 0 },
        path: ['last_reviewed'],
        ...(veryStale ? { severity: 'error' as const } : {}),
      });
    }
  },
});
