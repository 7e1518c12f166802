import { addDays, daysBetween } from '../dates.ts';
import { plural } from '../words.ts';
import { formatNumber } from './format.ts';

/** Days before the cadence runs out in which a page counts as "due soon" (§8.11). */
export const DUE_SOON_DAYS = 14;

export type ReviewState = 'ok' | 'due-soon' | 'stale';

export interface Review {
  lastReviewed: string;
  /** Cadence in days: the entry's `review_every_days`, else the configured one. */
  cadence: number;
  /** The date the next review is due. */
  due: string;
  /** Days until `due`; negative when overdue. */
  daysLeft: number;
  state: ReviewState;
  /** "Reviewed 2026-10-14 · next review due 2027-01-12 (in 51 days)". */
  text: string;
  /**
   * What the page of an overdue ICP or persona says at its top (§8.11), from the day after `due`:
   * "Last reviewed 2026-09-03; the review was due on 2026-12-02 (overdue by 5 days). …". Undefined
   * while the page is in time.
   */
  notice?: string;
}

const days = (n: number) => `${formatNumber(n)} ${plural(n, 'day')}`;

/** Review status of an ICP or persona on `today`. */
export function reviewOf(
  data: { last_reviewed: string; review_every_days?: number },
  defaultCadence: number,
  today: string,
): Review {
  const cadence = data.review_every_days ?? defaultCadence;
  const due = addDays(data.last_reviewed, cadence);
  const daysLeft = daysBetween(today, due);
  const state: ReviewState = daysLeft < 0 ? 'stale' : daysLeft <= DUE_SOON_DAYS ? 'due-soon' : 'ok';
  const when =
    daysLeft < 0 ? `overdue by ${days(-daysLeft)}` : daysLeft === 0 ? 'due today' : `in ${days(daysLeft)}`;
  const review: Review = {
    lastReviewed: data.last_reviewed,
    cadence,
    due,
    daysLeft,
    state,
    text: `Reviewed ${data.last_reviewed} · next review ${due} (${when})`,
  };
  if (state === 'stale') {
    review.notice =
      `Last reviewed ${data.last_reviewed}; the review was due on ${due} (${when}). ` +
      'Check it with its owners before relying on it.';
  }
  return review;
}

export const REVIEW_LABELS: Record<ReviewState, string> = {
  ok: 'Up to date',
  'due-soon': 'Review due soon',
  stale: 'Stale',
};
