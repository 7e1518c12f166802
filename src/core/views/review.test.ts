import { describe, expect, test } from 'vitest';
import { reviewOf } from './review.ts';

describe('reviewOf: the overdue notice', () => {
  test.each([
    ['2026-08-24', undefined],
    ['2026-08-23', 'Last reviewed 2026-08-23; the review was due on 2026-11-21 (overdue by 1 day).'],
    ['2016-11-22', 'Last reviewed 2016-11-22; the review was due on 2017-02-20 (overdue by 3,562 days).'],
  ])('last reviewed %s with a 90-day cadence on 2026-11-22', (last, notice) => {
    const review = reviewOf({ last_reviewed: last }, 90, '2026-11-22');
    if (notice === undefined) expect(review.notice).toBeUndefined();
    else expect(review.notice).toBe(`${notice} Check it with its owners before relying on it.`);
  });
});
