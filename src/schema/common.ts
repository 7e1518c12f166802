import { z } from 'zod';
import { isCalendarDate } from './dates.ts';

/** Ids are file names without extension: lowercase kebab-case. @example "midmarket-ecommerce" */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** An entry id. @example "analytics-alex" */
export const idSchema = z.string().regex(ID_PATTERN, {
  error: 'must be lowercase kebab-case (a-z, 0-9 and single hyphens), e.g. "analytics-alex"',
});

export { isCalendarDate };

/**
 * A calendar date written `YYYY-MM-DD`. Future dates are valid here; `future-date` reports them.
 * @example "2026-10-01"
 */
export const dateSchema = z
  .string({ error: 'must be a date written YYYY-MM-DD, e.g. "2026-10-01"' })
  .refine(isCalendarDate, { error: 'must be a real calendar date written YYYY-MM-DD, e.g. "2026-10-01"' });

/** A non-empty, trimmed string. @example "Finance" */
export const textSchema = z
  .string()
  .min(1, { error: 'must not be empty' })
  .refine((s) => s.trim() === s, { error: 'must not start or end with spaces' })
  .refine((s) => s.trim().length > 0, { error: 'must not be blank' });

/** A list of non-empty, trimmed strings without duplicates. @example ["email", "LinkedIn"] */
export function stringList(opts: { min?: number } = {}) {
  let list = z.array(textSchema);
  if (opts.min)
    list = list.min(opts.min, { error: `must list at least ${opts.min} item${opts.min > 1 ? 's' : ''}` });
  return list.superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item))
        ctx.addIssue({ code: 'custom', message: `duplicate item "${item}"`, path: [index] });
      seen.add(item);
    });
  });
}

/** Lifecycle of an ICP or persona. Drafts render with a banner; retired ones are hidden from indexes. @example "active" */
export const statusSchema = z.enum(['draft', 'active', 'retired']);

/** A GitHub user or team. @example "@acme/revops" */
export const ownerSchema = textSchema.regex(
  /^@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\/[A-Za-z0-9._-]+)?$/,
  {
    error: 'must be a GitHub user or team, e.g. "@jane" or "@acme/revops"',
  },
);

/** Fields every ICP and persona has. */
export const commonFields = {
  /** Lifecycle state. @default "active" @example "draft" */
  status: statusSchema.default('active'),
  /** GitHub users or teams who keep this page true; they feed CODEOWNERS and the health page. @example ["@acme/revops"] */
  owners: z.array(ownerSchema).min(1, { error: 'must name at least one owner, e.g. ["@acme/revops"]' }),
  /** The day the content was last checked against reality. @example "2026-10-01" */
  last_reviewed: dateSchema,
  /** Review cadence in days; overrides `review_every_days` in playbook.yaml. @example 60 */
  review_every_days: z.number().int().min(1).max(730).optional(),
  /** Free labels, used as search filters. @example ["plg", "emea"] */
  tags: stringList().optional(),
};

export type Status = z.output<typeof statusSchema>;
