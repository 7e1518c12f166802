import { isCalendarDate } from '../../../schema/index.ts';
import { daysBetween } from '../../dates.ts';
import { valueAt } from '../../parse/raw.ts';
import { count } from '../../words.ts';
import { defineRule } from '../rule.ts';

/** Date fields that record something that already happened. */
const DATE_FIELDS = [
  { path: ['last_reviewed'], what: 'the last review' },
  { path: ['market', 'as_of'], what: 'the day the market figures were taken' },
  { path: ['evidence', 'last_interview'], what: 'the latest interview' },
] as const;

export const rule = defineRule({
  id: 'future-date',
  severity: 'error',
  description: 'A date after today in `last_reviewed`, `market.as_of` or `evidence.last_interview`.',
  docs:
    'These dates record things that already happened: the last review, when the market figures were taken, ' +
    'the latest interview. A date in the future is a typo (often the wrong year or month), and it hides a ' +
    'page from the review reminders until that date. Today comes from `--today`, `PLAYBOOK_TODAY` or the ' +
    'clock. To plan the next review, set `review_every_days` instead.',
  messages: {
    future:
      '"{{field}}" is {{date}}, {{days}} after today ({{today}}), but it records {{what}}, which cannot be ' +
      'in the future.',
  },
  hints: {
    future:
      'Write the date it actually happened, today at the latest, as YYYY-MM-DD (check the year and the ' +
      'month). To schedule the next review, set review_every_days instead.',
  },
  check({ graph, today, report }) {
    for (const entry of graph.entries) {
      if (!entry.raw) continue;
      for (const { path, what } of DATE_FIELDS) {
        const value = valueAt(entry.raw, path);
        if (typeof value !== 'string' || !isCalendarDate(value) || value <= today) continue;
        const days = count(daysBetween(today, value), 'day');
        report({
          entry,
          messageId: 'future',
          data: { field: path.join('.'), date: value, today, what, days },
          path,
        });
      }
    }
  },
});
