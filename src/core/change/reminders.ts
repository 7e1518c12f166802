/**
 * Review reminders (DESIGN §11, `npm run health`): the ICP and persona pages that are overdue for
 * review or due within 14 days, grouped by owner, as Markdown (for an issue or a chat message) or
 * as JSON. The entries are those of `api/pages.json`, from the same site model as the pages.
 */

import type { Config } from '../../schema/index.ts';
import { daysBetween } from '../dates.ts';
import { type ApiPage, apiPages } from '../export/api.ts';
import type { SiteModel } from '../views/model.ts';
import { count, TYPE_WORDS } from '../words.ts';
import { escapeMarkdown } from './diff.ts';

export interface OwnerReminders {
  owner: string;
  /** Overdue first, then by due date and title. */
  pages: ApiPage[];
}

export interface ReviewReminders {
  today: string;
  /** Owners A–Z with at least one page to review; a page with two owners is listed under both. */
  owners: OwnerReminders[];
}

const URGENCY = { overdue: 0, 'due-soon': 1, ok: 2 } as const;

function byUrgency(a: ApiPage, b: ApiPage): number {
  return (
    URGENCY[a.review_status ?? 'ok'] - URGENCY[b.review_status ?? 'ok'] ||
    (a.review_due ?? '').localeCompare(b.review_due ?? '') ||
    a.title.localeCompare(b.title, 'en')
  );
}

/** The pages to review, by owner. */
export function reviewReminders(model: SiteModel, config: Config): ReviewReminders {
  const due = apiPages(model, config).filter(
    (p) => p.review_status === 'overdue' || p.review_status === 'due-soon',
  );
  const byOwner = new Map<string, ApiPage[]>();
  for (const page of due) {
    for (const owner of page.owners) {
      const list = byOwner.get(owner);
      if (list) list.push(page);
      else byOwner.set(owner, [page]);
    }
  }
  return {
    today: model.today,
    owners: [...byOwner.entries()]
      .sort(([a], [b]) => a.localeCompare(b, 'en'))
      .map(([owner, pages]) => ({ owner, pages: pages.sort(byUrgency) })),
  };
}

/** The reminders as JSON: `{today, owners: [{owner, pages: [<pages.json entries>]}]}`. */
export function formatRemindersJson(reminders: ReviewReminders): string {
  return JSON.stringify(reminders, null, 2);
}

const days = (n: number) => count(n, 'day');

function when(page: ApiPage, today: string): string {
  const left = daysBetween(today, page.review_due ?? today);
  if (left < 0) return `was due ${page.review_due} (${days(-left)} ago)`;
  if (left === 0) return `is due today (${page.review_due})`;
  return `is due ${page.review_due} (in ${days(left)})`;
}

function item(page: ApiPage, today: string): string {
  const type = page.type === 'icp' || page.type === 'persona' ? TYPE_WORDS[page.type].title : page.type;
  const flag = page.review_status === 'overdue' ? '**Overdue:**' : 'Due soon:';
  return `- ${flag} [${escapeMarkdown(page.title)}](${page.url}) (${type}): review ${when(page, today)}; last reviewed ${page.last_reviewed}.`;
}

/**
 * The reminders as Markdown: a summary line, then one section per owner. Owners are written as
 * they are in the content (`@org/team`), so an issue or a pull-request comment notifies them.
 */
export function formatRemindersMarkdown(reminders: ReviewReminders): string {
  const { today, owners } = reminders;
  const pages = new Map(owners.flatMap((o) => o.pages.map((p) => [p.url, p])));
  if (pages.size === 0) {
    return `Every ICP and persona is reviewed in time (today is ${today}): nothing is overdue or due within 14 days.\n`;
  }
  const overdue = [...pages.values()].filter((p) => p.review_status === 'overdue').length;
  const parts = [
    overdue && `${overdue} overdue`,
    pages.size - overdue && `${pages.size - overdue} due within 14 days`,
  ];
  const out = [
    `${count(pages.size, 'page')} of the playbook need${pages.size === 1 ? 's' : ''} a review (today is ${today}): ${parts.filter(Boolean).join(', ')}.`,
    '',
    'Check each page against what you see in deals, update it if needed, and set `last_reviewed` to the day of the review.',
  ];
  for (const { owner, pages: list } of owners) {
    // Owners are validated GitHub handles (`@org/team`): safe as written.
    out.push('', `### ${owner}`, '', ...list.map((p) => item(p, today)));
  }
  return `${out.join('\n')}\n`;
}
